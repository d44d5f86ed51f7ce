// The education module's walls words (backend error codes and validation keys of the area).
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({
  'edu.wall.section.knowledge': { 'zh-CN': '安全知识', en: 'Safety knowledge' },
  'edu.wall.section.accident_cases': { 'zh-CN': '事故案例', en: 'Accident cases' },
  'edu.wall.section.slogans': { 'zh-CN': '安全标语', en: 'Slogans' },
  'edu.wall.section.stories': { 'zh-CN': '安康故事', en: 'Stories' },
  'edu.wall.section.tips': { 'zh-CN': '操作要点', en: 'Operating tips' },
  'edu.wall.state.current': { 'zh-CN': '按期更新', en: 'Up to date' },
  'edu.wall.state.stale': { 'zh-CN': '未按期更新', en: 'Not updated in time' },
  'v.edu.wall.sections': { 'zh-CN': '请至少选择一个更新的栏目', en: 'Choose at least one section that was updated' },
  'v.edu.wall.photos': { 'zh-CN': '每次更新最多 20 张照片', en: 'At most 20 photos per update' },
  'v.edu.wall.months': { 'zh-CN': '更新周期应为 1–24 个月的整数', en: 'The update interval must be a whole number of months from 1 to 24' },
  'err.edu.wall.writersOnly': {
    'zh-CN': '只有工会干部、班组长、安全员或管理员可以维护文化墙',
    en: 'Only union officers, team leaders, safety officers or administrators keep the culture walls',
  },
  'err.edu.wall.notFound': { 'zh-CN': '找不到该文化墙', en: 'Culture wall not found' },
  'err.edu.wall.updateNotFound': { 'zh-CN': '找不到该更新记录', en: 'Wall update not found' },
  'err.edu.wall.notDeleted': { 'zh-CN': '该记录未被删除，无需恢复', en: 'The record is not deleted; there is nothing to restore' },
  'err.edu.wall.unitRetired': { 'zh-CN': '{name} 已撤销，不能再为它新建文化墙', en: '{name} is retired: no new culture wall can be added for it' },
  'err.edu.wall.wallDeleted': { 'zh-CN': '该文化墙已删除，请先恢复', en: 'The culture wall is deleted; restore it first' },
});
