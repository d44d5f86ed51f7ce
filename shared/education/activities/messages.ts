// The education module's activities words (backend error codes and validation keys of the area, the kinds' and
// levels' names, the sign-in sheet's columns).
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({
  'edu.activityKind.three_level': { 'zh-CN': '三级安全教育', en: 'Three-level education' },
  'edu.activityKind.post_change': { 'zh-CN': '转岗/复岗教育', en: 'Post-change education' },
  'edu.activityKind.retraining': { 'zh-CN': '年度再培训', en: 'Yearly re-training' },
  'edu.activityKind.pre_shift': { 'zh-CN': '班前会', en: 'Pre-shift meeting' },
  'edu.activityKind.drill': { 'zh-CN': '应急演练', en: 'Emergency drill' },
  'edu.activityKind.ankang_cup': { 'zh-CN': '安康杯活动', en: 'Ankang Cup activity' },
  'edu.activityKind.special': { 'zh-CN': '专项培训', en: 'Special training' },
  'edu.activityKind.manager': { 'zh-CN': '管理人员培训', en: "Managers' training" },
  'edu.level.company': { 'zh-CN': '厂级', en: 'Company level' },
  'edu.level.workshop': { 'zh-CN': '车间级', en: 'Workshop level' },
  'edu.level.team': { 'zh-CN': '班组级', en: 'Team level' },
  'edu.attendance.manual': { 'zh-CN': '勾选', en: 'Ticked' },
  'edu.attendance.import': { 'zh-CN': '签到表导入', en: 'Sign-in sheet' },

  'v.edu.act.month': { 'zh-CN': '月份格式应为 YYYY-MM', en: 'Month must be YYYY-MM' },
  'v.edu.act.hours': { 'zh-CN': '学时应为 0–200 的数字，最多两位小数', en: 'Hours must be a number from 0 to 200, with at most two decimals' },
  'v.edu.act.hoursMin': { 'zh-CN': '培训学时至少 0.5（半个学时）', en: 'A training carries at least 0.5 hours (half a class hour)' },
  'v.edu.act.durationMin': { 'zh-CN': '班前会时长至少 0.1 小时（6 分钟）', en: 'A pre-shift meeting lasts at least 0.1 hours (6 minutes)' },
  'v.edu.act.dateTooOld': { 'zh-CN': '活动日期不能早于 2000-01-01', en: 'The activity date cannot be before 2000-01-01' },
  'v.edu.act.dateFuture': {
    'zh-CN': '活动日期不能晚于今天：活动举行后再登记（参加人员、学时和成绩都是已发生的事实）',
    en: 'The activity date cannot be after today: record an activity once held (its attendees, hours and scores are facts)',
  },
  'v.edu.act.hoursBelowAttendee': {
    'zh-CN': '活动学时不能少于参加人员已登记的本人学时（先修改其学时）',
    en: "The activity's hours cannot be less than an attendee's recorded hours (change those first)",
  },
  'v.edu.act.attendeeHours': {
    'zh-CN': '本人学时不能超过活动学时 {max}',
    en: "A worker's hours cannot exceed the activity's {max}",
  },
  'v.edu.act.score': { 'zh-CN': '成绩应为 0–100，最多一位小数', en: 'The score must be 0 to 100, with at most one decimal' },
  'v.edu.act.levelRequired': { 'zh-CN': '三级教育和转岗/复岗教育请选择级别（厂级/车间级/班组级）', en: 'Three-level and post-change education need a level (company, workshop or team)' },
  'v.edu.act.levelNotApplicable': { 'zh-CN': '只有三级教育和转岗/复岗教育分级别', en: 'Only three-level and post-change education have a level' },
  'v.edu.act.postChangeLevel': { 'zh-CN': '转岗/复岗教育只需重新进行车间级和班组级教育', en: 'A post change repeats only the workshop and team levels' },
  'v.edu.act.tooManyPhotos': { 'zh-CN': '每项活动最多 30 张照片', en: 'At most 30 photos per activity' },
  'v.edu.act.tooManyAttendees': { 'zh-CN': '每项活动最多 5000 名参加人员', en: 'At most 5,000 attendees per activity' },
  'v.edu.act.hoursCell': { 'zh-CN': '学时应为 0–200 的数字，最多两位小数', en: 'Hours must be a number from 0 to 200, with at most two decimals' },
  'v.edu.act.scoreCell': { 'zh-CN': '成绩应为 0–100 的分数，或“合格”/“不合格”', en: 'The score must be 0 to 100, or pass / fail (in Chinese or English)' },
  'v.edu.act.whoRequired': { 'zh-CN': '请填写工号或姓名', en: 'Give the employee no. or the name' },

  'err.edu.act.writersOnly': {
    'zh-CN': '只有安全员、工会干部、班组长、职业卫生管理员或管理员可以录入教育活动',
    en: 'Only safety officers, union officers, team leaders, OH managers or administrators record education activities',
  },
  'err.edu.act.notFound': { 'zh-CN': '找不到该教育活动', en: 'Education activity not found' },
  'err.edu.act.notDeleted': { 'zh-CN': '该活动未被删除，无需恢复', en: 'The activity is not deleted; there is nothing to restore' },
  'err.edu.act.deleted': { 'zh-CN': '该活动已删除，请先恢复', en: 'The activity is deleted; restore it first' },
  'err.edu.act.hiredAfter': {
    'zh-CN': '{name} 于 {hireDate} 入职，不能参加 {date} 的活动',
    en: '{name} was hired on {hireDate}, after the activity of {date}',
  },
  'err.edu.act.meetingNoScore': {
    'zh-CN': '班前会只记参加人员，不记个人学时、成绩或考核结果（{name}）',
    en: 'A pre-shift meeting records who attended only: no hours, score or result per attendee ({name})',
  },
  'err.edu.act.attendeeHoursAbove': {
    'zh-CN': '{name} 的学时 {hours} 超过活动学时 {max}',
    en: "{name}'s hours {hours} exceed the activity's {max}",
  },
  'err.edu.act.hoursBelowAttendee': {
    'zh-CN': '{name} 已登记学时 {hours}，活动学时不能少于它（先修改该人员的学时）',
    en: "{name} is recorded with {hours} {hours|hour|hours}: the activity's hours cannot be less (change that worker's hours first)",
  },
  'err.edu.act.unitNotFound': { 'zh-CN': '找不到所选车间或班组', en: 'The workshop or team chosen was not found' },
  'err.edu.act.signin.noHeader': {
    'zh-CN': '没有找到签到表的表头（至少需要“工号”或“姓名”一列）',
    en: 'No header row of a sign-in sheet was found (it needs at least an employee no. or a name column)',
  },
  'err.edu.act.signin.tooManyRows': { 'zh-CN': '签到表有 {rows} 行，最多 {max} 行', en: 'The sheet has {rows} {rows|row|rows}; at most {max} are read' },
  'err.edu.act.signin.missingColumns': { 'zh-CN': '缺少必需的列：{columns}', en: 'Required columns are missing: {columns}' },
  'err.edu.act.signin.invalidRows': { 'zh-CN': '有 {count} 行有问题，请修正或选择跳过这些行', en: '{count} {count|row|rows} have problems: correct them or choose to skip them' },

  'edu.signin.field.empNo': { 'zh-CN': '工号', en: 'Employee no.' },
  'edu.signin.field.name': { 'zh-CN': '姓名', en: 'Name' },
  'edu.signin.field.workshop': { 'zh-CN': '车间', en: 'Workshop' },
  'edu.signin.field.team': { 'zh-CN': '班组', en: 'Team' },
  'edu.signin.field.signed': { 'zh-CN': '签到', en: 'Signed in' },
  'edu.signin.field.hours': { 'zh-CN': '学时', en: 'Hours' },
  'edu.signin.field.score': { 'zh-CN': '成绩', en: 'Score' },
  'edu.signin.field.note': { 'zh-CN': '备注', en: 'Note' },
  'edu.signin.tpl.sheet': { 'zh-CN': '签到表', en: 'Sign-in sheet' },
  'edu.signin.tpl.fileName': { 'zh-CN': '教育活动签到表模板', en: 'Education sign-in sheet template' },
  'edu.signin.tpl.help.empNo': { 'zh-CN': '花名册中的工号（与姓名至少填一项）', en: 'The employee no. in the roster (this or the name)' },
  'edu.signin.tpl.help.name': { 'zh-CN': '只有姓名时，须在花名册中唯一', en: 'A name alone must be unique in the roster' },
  'edu.signin.tpl.help.workshop': { 'zh-CN': '仅供核对，不导入', en: 'For checking only; not imported' },
  'edu.signin.tpl.help.team': { 'zh-CN': '仅供核对，不导入', en: 'For checking only; not imported' },
  'edu.signin.tpl.help.signed': { 'zh-CN': '√、是、到或本人签名为已到；空白、×、缺席、请假为未到。没有此列时，所列人员均视为已到', en: '√, yes or a signature: present; empty, ×, no, absent or on leave (in Chinese): absent. Without this column everyone listed is present' },
  'edu.signin.tpl.help.hours': {
    'zh-CN': '本人学时（不超过活动学时）；空白：新参加人员按活动学时，已登记的保留原值',
    en: "This worker's hours (at most the activity's); empty: the activity's for a new attendee, the recorded value kept for the others",
  },
  'edu.signin.tpl.help.score': {
    'zh-CN': '考试成绩 0–100（60 分及以上合格），或“合格”/“不合格”；空白保留已登记的成绩',
    en: 'Test score 0–100 (60 and above passes), or pass / fail (in Chinese or English); empty keeps the recorded score',
  },
  'edu.signin.tpl.help.note': { 'zh-CN': '不导入', en: 'Not imported' },
});
