// UI strings of the subsidy page's scorecard tab and the home card.
import { defineMessages } from '../../../../../shared/kernel/i18n';

export const messages = defineMessages({
  'subsidy.tab.scorecard': { 'zh-CN': '准备度', en: 'Readiness' },
  'subsidy.year': { 'zh-CN': '申报年度', en: 'Year' },
  'subsidy.yearN': { 'zh-CN': '{year} 年', en: '{year}' },
  'subsidy.refresh': { 'zh-CN': '刷新', en: 'Refresh' },
  'subsidy.retry': { 'zh-CN': '重试', en: 'Retry' },
  'subsidy.toDossier': { 'zh-CN': '编写申报材料', en: 'Write the dossier' },
  'subsidy.summary': {
    'zh-CN': '{year} 年度数据截至 {asOf}：五项标准中 {green} 项达标。点击“证据”可打开相应记录补充完善。',
    en: 'Figures of {year} up to {asOf}: {green} of the five criteria ready. Open the evidence to complete the records.',
  },
  'subsidy.allMet': { 'zh-CN': '各项均达标', en: 'Every check met' },
  'subsidy.evidence': { 'zh-CN': '证据', en: 'Evidence' },
  'subsidy.noScorecard': { 'zh-CN': '暂无准备度数据', en: 'No readiness figures' },
  'subsidy.rulesNote': {
    'zh-CN': '判断标准（本系统设定，可讨论调整）：日常教育每月至少 1 次活动、学时达标率 ≥ 90%、文化墙按期更新 ≥ 80%；能力建设技能等级评定 ≥ 80%、无过期特种作业证、人均培训 ≥ 8 学时；能级工资方案生效执行、逐月审批、获安全类项目职工 ≥ 80%；年内召开并闭幕职代会；按期体检率 ≥ 90%、禁忌证职工调离原岗位。',
    en: 'Thresholds (the app’s reading, open to change): education — an activity a month, ≥ 90% meeting their hours, ≥ 80% of walls current; capability — ≥ 80% graded, no expired certificate, ≥ 8 training hours per worker; wage — a scheme in effect, runs approved monthly, ≥ 80% paid a safety component; a congress session closed in the year; ≥ 90% of exams on time and no contraindicated worker left in the post.',
  },
  'subsidy.card.title': { 'zh-CN': '奖补申报准备度 · {year}', en: 'Subsidy readiness · {year}' },
  'subsidy.card.open': { 'zh-CN': '查看准备度', en: 'Open readiness' },
  'subsidy.card.green': { 'zh-CN': '{green} / 5 项达标', en: '{green} of 5 ready' },
});
