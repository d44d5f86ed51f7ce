// The payroll exports and the what-if: refusals and the words of the screens.
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({
  'err.wage.export.notApproved': {
    'zh-CN': '第 {version} 次核算（{period}）尚未审批，不能导出工资表；请先复核、审批',
    en: 'Run {version} of {period} is not approved yet: payroll is exported only from an approved run — review and approve it first',
  },
  'err.wage.export.fullIdRunnersOnly': {
    'zh-CN': '只有工会干部或管理员可以导出完整身份证号；请选择“脱敏”',
    en: 'Only union officers or administrators export full ID numbers; choose “masked”',
  },
  'err.wage.export.notGbk': {
    'zh-CN': '第 {line} 行含 GBK 无法表示的字符“{char}”，请改用 UTF-8 导出',
    en: 'Line {line} has a character GBK cannot hold (“{char}”): export in UTF-8 instead',
  },
  'err.wage.export.unknownWorkers': {
    'zh-CN': '所选职工中有 {count} 人不在本次核算中',
    en: '{count} of the workers chosen are not in this run',
  },
  'err.wage.whatIf.future': { 'zh-CN': '只能测算已经开始的月份（到 {month} 为止）', en: 'A what-if covers months that have begun (up to {month})' },
  'v.wage.whatIfOrder': { 'zh-CN': '结束月份不能早于开始月份', en: 'The last month cannot be before the first' },
  'v.wage.whatIfTooLong': { 'zh-CN': '一次最多测算 24 个月', en: 'A what-if covers at most 24 months' },
});
