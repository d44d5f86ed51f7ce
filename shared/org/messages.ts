// Organisation terms.
import { defineMessages } from '../kernel/i18n';

export const messages = defineMessages({
  'org.enterprise': { 'zh-CN': '企业', en: 'Enterprise' },
  'org.workshop': { 'zh-CN': '车间', en: 'Workshop' },
  'org.team': { 'zh-CN': '班组', en: 'Team' },
  'err.org.notFound': { 'zh-CN': '找不到该车间或班组', en: 'Workshop or team not found' },
  'err.org.nameTaken': { 'zh-CN': '同一级下已有名为“{name}”的单位', en: 'There is already a unit named "{name}" at this level' },
  'err.org.teamNeedsWorkshop': { 'zh-CN': '班组必须属于一个车间', en: 'A team must belong to a workshop' },
  'err.org.teamUnderWorkshop': { 'zh-CN': '班组只能建在车间下', en: 'A team can only be placed under a workshop' },
  'err.org.workshopRetired': { 'zh-CN': '该车间已撤销，不能新增班组', en: 'This workshop is retired; no new teams' },
  'err.org.workshopTopLevel': { 'zh-CN': '车间是顶级单位，不能有上级', en: 'A workshop is top-level and has no parent' },
  'err.org.onlyTeamsMove': { 'zh-CN': '只有班组可以移动到其他车间', en: 'Only teams can move to another workshop' },
  'err.org.targetRetired': { 'zh-CN': '目标车间已撤销', en: 'The target workshop is retired' },
  'err.org.hasWorkers': { 'zh-CN': '该单位仍有 {activeWorkers} 名在职职工，请先调整他们的车间/班组', en: 'This unit still has {activeWorkers} employed workers; move them first' },
  'err.org.parentRetired': { 'zh-CN': '所属车间已撤销，请先恢复车间', en: 'Its workshop is retired; restore the workshop first' },
  'err.org.retiredNoAssign': { 'zh-CN': '“{name}”已撤销，不能再分配职工', en: '"{name}" is retired; workers cannot be assigned to it' },
});
