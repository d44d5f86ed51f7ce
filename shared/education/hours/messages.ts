// The education module's hours words (backend error codes and validation keys of the area).
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({
  'v.education.year': { 'zh-CN': '年份应为 2000–2100 的整数', en: 'The year must be a whole number from 2000 to 2100' },
  'v.education.requirementHours': { 'zh-CN': '学时应为 0–500，最多一位小数', en: 'Hours must be 0 to 500, with at most one decimal' },
  'err.education.hours.editorsOnly': {
    'zh-CN': '只有安全员、工会干部、职业卫生管理员或管理员可以修改学时要求',
    en: 'Only safety officers, union officers, occupational-health managers or administrators can change the hour requirements',
  },
  'err.education.hours.workerNotFound': { 'zh-CN': '没有找到该职工（可能已删除）', en: 'No such worker (it may have been deleted)' },
  'education.role.new_worker': { 'zh-CN': '新职工三级教育', en: "New workers' three-level education" },
  'education.role.worker_yearly': { 'zh-CN': '职工年度再培训', en: "Workers' yearly re-training" },
  'education.role.manager_first': { 'zh-CN': '管理人员初次培训', en: "Managers' first training" },
  'education.role.manager_yearly': { 'zh-CN': '管理人员年度再培训', en: "Managers' yearly re-training" },
  'education.sector.general': { 'zh-CN': '一般行业', en: 'General industry' },
  'education.sector.high_risk': { 'zh-CN': '高危行业（矿山、危化品、烟花爆竹、金属冶炼）', en: 'High-risk (mines, hazardous chemicals, fireworks, metal smelting)' },
});
