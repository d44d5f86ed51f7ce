// The skill-level wage's monthly runs: states, the reasons an explanation gives, refusals.
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({
  'wage.run.state.calculated': { 'zh-CN': '已核算', en: 'Calculated' },
  'wage.run.state.reviewed': { 'zh-CN': '已复核', en: 'Reviewed' },
  'wage.run.state.approved': { 'zh-CN': '已审批', en: 'Approved' },
  'wage.run.state.replaced': { 'zh-CN': '已被重算取代', en: 'Replaced by a recalculation' },
  'wage.run.reason.noRecord': { 'zh-CN': '本月无相关记录', en: 'No record this month' },
  'wage.run.reason.veto': {
    'zh-CN': '一票否决：{date} {place} 发生{severity}事故，安全类项目本月清零',
    en: 'Veto: a {severity} accident on {date} at {place} zeroes the safety components this month',
  },
  'wage.run.reason.cap': { 'zh-CN': '超过本项封顶 {cap} 元，按封顶计发', en: 'Held to the component cap of {cap} yuan' },
  'wage.run.reason.proRata': { 'zh-CN': '按在册天数折算：{worked}/{of} 天', en: 'Pro rata by days on the roster: {worked} of {of} {of|day|days}' },
  'wage.run.reason.totalCap': { 'zh-CN': '合计超过个人封顶 {cap} 元，按比例扣减', en: 'The total exceeds the personal cap of {cap} yuan: reduced in proportion' },
  'err.wage.run.runnersOnly': { 'zh-CN': '只有工会干部或管理员可以核算、复核和审批能级工资', en: 'Only union officers or administrators calculate, review and approve the skill-level wage' },
  'err.wage.run.notFound': { 'zh-CN': '找不到该月度核算', en: 'Monthly run not found' },
  'err.wage.run.lineNotFound': { 'zh-CN': '该职工不在本次核算中', en: 'The worker is not in this run' },
  'err.wage.run.futurePeriod': { 'zh-CN': '{period} 尚未开始，不能核算', en: '{period} has not begun; it cannot be calculated yet' },
  'err.wage.run.noScheme': {
    'zh-CN': '{period} 没有生效的能级工资方案：请先经职代会通过方案并设定生效日期',
    en: 'No skill-level wage scheme is in effect for {period}: adopt a scheme and make it effective first',
  },
  'err.wage.run.noWorkers': { 'zh-CN': '{period} 花名册上没有在册职工，无法核算', en: 'Nobody is on the roster in {period}; there is nothing to calculate' },
  'err.wage.run.notCalculated': { 'zh-CN': '只有“已核算”的版本可以复核（当前：{state}）', en: 'Only a calculated version can be reviewed (now: {state})' },
  'err.wage.run.notReviewed': { 'zh-CN': '只有“已复核”的版本可以审批（当前：{state}）', en: 'Only a reviewed version can be approved (now: {state})' },
  'err.wage.run.sameOperator': {
    'zh-CN': '复核人（{reviewer}）不能再审批同一版本，请由另一位操作员审批',
    en: 'The reviewer ({reviewer}) cannot also approve the same version; another operator approves it',
  },
});
