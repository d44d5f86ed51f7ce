// The wage sheets' columns, matched by meaning (documents/importHeaders.ts): each kind has its own names, so 类别 is a
// behaviour record's kind and 等级 an accident's severity.
import { term } from '../../../../shared/glossary';
import { WAGE_IMPORT_COLUMNS, WAGE_IMPORT_KINDS, type WageImportField, type WageImportKind } from '../../../../shared/wage/imports/types';
import { headerMatcher, type HeaderMatcher } from '../../documents/importHeaders';

type Locale = 'zh-CN' | 'en';
export const wageFieldLabel = (f: WageImportField | string, locale?: Locale) => (f.includes('.') ? f : term(`wage.import.field.${f}`, locale));

const ALIASES: Record<WageImportField, string[]> = {
  empNo: ['员工编号', '职工编号', '员工号', '职工号', '编号', '人员编号', 'empno', 'employeeno', 'employeeid', 'staffno'],
  name: ['职工姓名', '员工姓名', '名字', '责任人', '违章人', '违章人员', '当事人', 'fullname'],
  workshop: ['所属车间', '部门', '车间名称', '单位', 'department'],
  team: ['所属班组', '班组名称', '责任班组'],
  period: ['年月', '考勤月份', '所属月份', '统计月份', '月度', '期间', 'month', 'period'],
  hours: ['工时', '出勤小时', '出勤工时', '工作小时', '实际工时', '安全工时', '安全生产工时', '小时数', 'hours'],
  shifts: ['班次', '出勤天数', '出勤天', '天数', '出勤班次', '实际出勤', '出勤', '上班天数', 'shifts', 'days'],
  date: ['发生日期', '时间', '发生时间', '违章日期', '事故日期', 'date'],
  kind: ['类型', '性质', '奖惩类别', '奖惩', '行为类别', 'kind', 'type'],
  category: ['事由', '内容', '违章内容', '行为', '具体事项', '违章行为', '行为描述', '事项内容', 'item', 'category'],
  points: ['分数', '得分', '扣分', '加分', '考核分', '积分', '奖扣分', 'points', 'score'],
  place: ['事故地点', '发生地点', '地址', '位置', '场所', 'place'],
  severity: ['事故等级', '级别', '事故类别', '伤害程度', '严重程度', '事故性质', 'severity'],
  workers: ['人员', '当事人', '受伤人员', '伤者', '相关人员', '责任人', '涉及职工', '涉事人员', 'workers', 'people'],
  description: ['事故经过', '简要经过', '事故简况', '描述', '情况', '说明', 'description'],
  note: ['说明', 'note', 'remark', 'remarks'],
};

/** Containment rules, more specific first (出勤小时 is hours before 出勤 is days; 行为类别 is the kind before 行为). */
const CONTAINS: readonly (readonly [WageImportField, readonly string[]])[] = [
  ['empNo', ['工号', '员工号', '职工号', '编号']],
  ['name', ['姓名']],
  ['team', ['班组']],
  ['workshop', ['车间', '部门', '工段', '科室']],
  ['period', ['月份', '年月', '月度']],
  ['hours', ['工时', '小时']],
  ['shifts', ['天数', '班次', '出勤']],
  ['date', ['日期', '时间']],
  ['kind', ['类别', '类型', '奖惩']],
  ['severity', ['等级', '级别', '程度', '性质']],
  ['points', ['分值', '分数', '扣分', '加分', '得分', '积分']],
  ['category', ['事项', '事由', '内容', '行为']],
  ['place', ['地点', '位置', '场所']],
  ['workers', ['人员', '当事人', '伤者', '职工']],
  ['description', ['经过', '简况', '概况', '描述', '情况']],
  ['note', ['备注']],
];

/** Only the kind's own columns are known: 说明 is an accident's account but a note elsewhere, 责任人 a behaviour
 * record's worker but an accident's people. */
function matcherFor(kind: WageImportKind): HeaderMatcher<WageImportField> {
  const fields = new Set(WAGE_IMPORT_COLUMNS[kind]);
  const names: [string, WageImportField][] = [];
  for (const f of fields) {
    for (const n of [term(`wage.import.field.${f}`, 'zh-CN'), term(`wage.import.field.${f}`, 'en'), f, ...ALIASES[f]]) names.push([n, f]);
  }
  return headerMatcher(
    names,
    CONTAINS.filter(([f]) => fields.has(f)),
  );
}

export const WAGE_MATCHERS = Object.fromEntries(WAGE_IMPORT_KINDS.map((k) => [k, matcherFor(k)])) as Record<WageImportKind, HeaderMatcher<WageImportField>>;
