// The clinic's exam sheet: its columns matched by meaning (documents/importHeaders.ts).
import { term } from '../../../../shared/glossary';
import { EXAM_IMPORT_FIELDS, type ExamImportField } from '../../../../shared/health/exams/types';
import { headerMatcher } from '../../documents/importHeaders';

type Locale = 'zh-CN' | 'en';
export const examFieldLabel = (f: ExamImportField | string, locale?: Locale) => (f.includes('.') ? f : term(`health.exam.import.field.${f}`, locale));

const ALIASES: Record<ExamImportField, string[]> = {
  empNo: ['员工编号', '职工编号', '员工号', '职工号', '编号', '人员编号', 'empno', 'employeeno'],
  idCard: ['身份证', '身份证号码', '证件号码', '证件号', '身份证件号码', 'idcard', 'idno'],
  name: ['职工姓名', '员工姓名', '受检者', '受检人', '受检人员', 'fullname'],
  date: ['检查日期', '体检时间', '检查时间', '受检日期', '日期', 'examdate', 'date'],
  institution: ['体检机构', '检查机构', '体检单位', '检查单位', '体检医院', '医院', '医疗机构', 'institution', 'clinic'],
  kind: ['体检类型', '检查类别', '检查类型', '体检种类', '类别', '类型', 'kind', 'type'],
  factors: ['职业病危害因素', '接触危害因素', '危害因素', '接害因素', '有害因素', '接触职业病危害因素', 'factors', 'hazards'],
  conclusion: ['结论', '检查结论', '主检结论', '体检结果', '结果', 'conclusion', 'result'],
  recheckItems: ['复查内容', '复检项目', '复查项目', 'recheckitems'],
  recheckDue: ['复查时间', '复查期限', '复检日期', '复查日期', 'recheckdue'],
  detail: ['结论说明', '处理意见', '异常情况', '主要异常', '异常项目', '备注', '说明', 'detail', 'note'],
  screening: ['两癌筛查', '乳腺宫颈筛查', '筛查', 'screening'],
};

/** Containment rules, more specific first (复查日期 before 日期, 体检类别 before 体检…). */
const CONTAINS: readonly (readonly [ExamImportField, readonly string[]])[] = [
  ['recheckDue', ['复查日期', '复查时间', '复查期限', '复检日期']],
  ['recheckItems', ['复查项目', '复检项目', '复查内容']],
  ['idCard', ['身份证', '证件']],
  ['empNo', ['工号', '编号']],
  ['name', ['姓名']],
  ['institution', ['机构', '医院', '体检单位']],
  ['factors', ['因素', '接害']],
  ['kind', ['类别', '类型', '种类']],
  ['screening', ['筛查']],
  ['conclusion', ['结论']],
  ['date', ['日期', '时间']],
  ['detail', ['说明', '意见', '异常', '备注']],
];

export const EXAM_MATCHER = headerMatcher<ExamImportField>(
  EXAM_IMPORT_FIELDS.flatMap((f) => [term(`health.exam.import.field.${f}`, 'zh-CN'), term(`health.exam.import.field.${f}`, 'en'), f, ...ALIASES[f]].map((n) => [n, f] as const)),
  CONTAINS,
);
