// The skill-level wage's records: safe production time, behaviour records, accidents.
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({
  'wage.source.manual': { 'zh-CN': '手工录入', en: 'Entered by hand' },
  'wage.source.import': { 'zh-CN': '考勤表导入', en: 'Imported from the timekeeping sheet' },
  'wage.kind.violation': { 'zh-CN': '违章', en: 'Violation' },
  'wage.kind.good_act': { 'zh-CN': '安全行为', en: 'Good act' },
  'wage.severity.near_miss': { 'zh-CN': '未遂事件', en: 'Near miss' },
  'wage.severity.minor_injury': { 'zh-CN': '轻伤', en: 'Minor injury' },
  'wage.severity.serious_injury': { 'zh-CN': '重伤', en: 'Serious injury' },
  'wage.severity.death': { 'zh-CN': '死亡', en: 'Death' },
  'v.wage.period': { 'zh-CN': '月份格式应为 YYYY-MM', en: 'Month must be YYYY-MM' },
  'v.wage.hours': { 'zh-CN': '工时应为 0–744 小时，最多两位小数', en: 'Hours must be 0 to 744, with at most two decimals' },
  'v.wage.shifts': { 'zh-CN': '班次应为 0–93 的整数', en: 'Shifts must be a whole number from 0 to 93' },
  'v.wage.hoursOrShifts': { 'zh-CN': '请填写工时或班次（至少一项）', en: 'Enter the hours or the shifts (at least one)' },
  'v.wage.periodOrRange': { 'zh-CN': '按月份或按日期范围查询，二选一', en: 'Ask by month or by date range, not both' },
  'v.wage.rangeOrder': { 'zh-CN': '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'v.wage.points': { 'zh-CN': '分值最多两位小数', en: 'Points take at most two decimals' },
  'v.wage.workerOrTeam': { 'zh-CN': '请选择职工或班组（至少一项）', en: 'Choose a worker or a team (at least one)' },
  'v.wage.violationNegative': { 'zh-CN': '违章应扣分（分值为负数）', en: 'A violation takes points off (the points must be below zero)' },
  'v.wage.goodActPositive': { 'zh-CN': '安全行为应加分（分值为正数）', en: 'A good act adds points (the points must be above zero)' },
  'err.wage.recordersOnly': {
    'zh-CN': '只有工会干部、安全员或管理员可以录入能级工资记录',
    en: 'Only union officers, safety officers or administrators enter the skill-level wage records',
  },
  'err.wage.timekeepingNotFound': { 'zh-CN': '找不到该工时记录', en: 'Timekeeping record not found' },
  'err.wage.behaviourNotFound': { 'zh-CN': '找不到该行为记录', en: 'Behaviour record not found' },
  'err.wage.accidentNotFound': { 'zh-CN': '找不到该事故记录', en: 'Accident record not found' },
  'err.wage.notDeleted': { 'zh-CN': '该记录未被删除，无需恢复', en: 'The record is not deleted; there is nothing to restore' },
  'err.wage.notTeam': { 'zh-CN': '所选单位不是班组', en: 'The unit chosen is not a team' },
});
