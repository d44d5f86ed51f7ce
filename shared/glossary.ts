// One glossary for domain terms and validation messages, so zh-CN and en stay in step.
// UI-only strings live in renderer/src/i18n; everything that names a domain concept is here.
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Term = { 'zh-CN': string; en: string };

export const COMMITTEE_ROLES = [
  'team_leader',
  'safety_officer',
  'oh_manager',
  'lp_supervisor',
  'union_officer',
] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const glossary = {
  // committee roles
  'role.team_leader': { 'zh-CN': '班组长', en: 'Team leader' },
  'role.safety_officer': { 'zh-CN': '安全员', en: 'Safety officer' },
  'role.oh_manager': { 'zh-CN': '职业卫生管理员', en: 'Occupational-health manager' },
  'role.lp_supervisor': { 'zh-CN': '劳动保护监督员', en: 'Labour-protection supervisor' },
  'role.union_officer': { 'zh-CN': '工会负责人', en: 'Union officer' },
  // organisation
  'org.enterprise': { 'zh-CN': '企业', en: 'Enterprise' },
  'org.workshop': { 'zh-CN': '车间', en: 'Workshop' },
  'org.team': { 'zh-CN': '班组', en: 'Team' },
  'org.uscc': { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  'org.industry': { 'zh-CN': '所属行业', en: 'Industry' },
  'org.headcount': { 'zh-CN': '职工人数', en: 'Headcount' },
  'org.address': { 'zh-CN': '地址', en: 'Address' },
  'org.name': { 'zh-CN': '企业名称', en: 'Enterprise name' },
  // worker fields
  'worker.empNo': { 'zh-CN': '工号', en: 'Employee no.' },
  'worker.name': { 'zh-CN': '姓名', en: 'Name' },
  'worker.gender': { 'zh-CN': '性别', en: 'Gender' },
  'worker.idCard': { 'zh-CN': '身份证号', en: 'ID card no.' },
  'worker.phone': { 'zh-CN': '手机号', en: 'Phone' },
  'worker.workshop': { 'zh-CN': '车间', en: 'Workshop' },
  'worker.team': { 'zh-CN': '班组', en: 'Team' },
  'worker.post': { 'zh-CN': '岗位', en: 'Post' },
  'worker.hireDate': { 'zh-CN': '入职日期', en: 'Hire date' },
  'worker.skillGrade': { 'zh-CN': '安全技能等级', en: 'Safety skill grade' },
  'worker.status': { 'zh-CN': '状态', en: 'Status' },
  'worker.roles': { 'zh-CN': '安全职责', en: 'Committee roles' },
  'worker.isRepresentative': { 'zh-CN': '职工代表', en: 'Congress representative' },
  'worker.isFrontline': { 'zh-CN': '一线职工', en: 'Front-line worker' },
  'worker.isManager': { 'zh-CN': '中层及以上管理人员', en: 'Middle manager or above' },
  'worker.certType': { 'zh-CN': '特种作业类别', en: 'Special-operation type' },
  'worker.certNo': { 'zh-CN': '特种作业证号', en: 'Certificate no.' },
  'worker.certExpiry': { 'zh-CN': '证书有效期至', en: 'Certificate expiry' },
  'worker.hazardFactors': { 'zh-CN': '接触职业病危害因素', en: 'Occupational hazard exposure' },
  'gender.M': { 'zh-CN': '男', en: 'Male' },
  'gender.F': { 'zh-CN': '女', en: 'Female' },
  'status.active': { 'zh-CN': '在职', en: 'Employed' },
  'status.left': { 'zh-CN': '离职', en: 'Left' },
  'grade.1': { 'zh-CN': '一级（高级技师）', en: 'Grade 1 (senior technician)' },
  'grade.2': { 'zh-CN': '二级（技师）', en: 'Grade 2 (technician)' },
  'grade.3': { 'zh-CN': '三级（高级工）', en: 'Grade 3 (senior worker)' },
  'grade.4': { 'zh-CN': '四级（中级工）', en: 'Grade 4 (intermediate worker)' },
  'grade.5': { 'zh-CN': '五级（初级工）', en: 'Grade 5 (junior worker)' },
  'special.operator': { 'zh-CN': '特殊行业职工', en: 'Special-industry worker' },
  'special.exposed': { 'zh-CN': '接触职业病危害作业职工', en: 'Worker exposed to occupational hazards' },
  'special.female': { 'zh-CN': '女职工', en: 'Female worker' },
  // validation messages (keys used by shared schemas and backend errors)
  'v.required': { 'zh-CN': '必填', en: 'Required' },
  'v.tooLong': { 'zh-CN': '内容过长', en: 'Too long' },
  'v.invalid': { 'zh-CN': '格式不正确', en: 'Invalid value' },
  'v.empNo': { 'zh-CN': '工号只能包含字母、数字、- 和 _，最多 32 位', en: 'Employee no. may contain letters, digits, - and _ (max 32)' },
  'v.idCard.format': { 'zh-CN': '身份证号应为 18 位（最后一位可为 X）', en: 'ID card no. must have 18 characters (last may be X)' },
  'v.idCard.birthdate': { 'zh-CN': '身份证号中的出生日期无效', en: 'The birth date inside the ID card no. is invalid' },
  'v.idCard.checksum': { 'zh-CN': '身份证号校验位不正确', en: 'ID card no. check digit is wrong' },
  'v.uscc.format': { 'zh-CN': '统一社会信用代码应为 18 位数字或大写字母', en: 'Credit code must be 18 digits or capital letters' },
  'v.uscc.checksum': { 'zh-CN': '统一社会信用代码校验位不正确', en: 'Credit code check character is wrong' },
  'v.phone': { 'zh-CN': '请输入 11 位手机号或带区号的座机号', en: 'Enter an 11-digit mobile or a landline with area code' },
  'v.date': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  'v.futureDate': { 'zh-CN': '日期不能晚于今天', en: 'Date cannot be in the future' },
  'v.cert': { 'zh-CN': '特种作业证需同时填写类别、证号和有效期', en: 'A special-operation certificate needs type, number and expiry' },
  'v.pin': { 'zh-CN': 'PIN 为 4–12 位数字', en: 'PIN must be 4–12 digits' },
  'v.headcount': { 'zh-CN': '职工人数应为 1–1,000,000 的整数', en: 'Headcount must be a whole number from 1 to 1,000,000' },
  'v.duplicate': { 'zh-CN': '重复', en: 'Duplicate' },
  'v.gender': { 'zh-CN': '性别应为 男 或 女', en: 'Gender must be male or female' },
  'v.status': { 'zh-CN': '状态应为 在职 或 离职', en: 'Status must be employed or left' },
  'v.grade': { 'zh-CN': '安全技能等级应为 1–5 级', en: 'Skill grade must be 1 to 5' },
  'v.role': { 'zh-CN': '未知的安全职责', en: 'Unknown committee role' },
  'v.bool': { 'zh-CN': '应为 是 或 否', en: 'Must be yes or no' },
  'v.genderMismatch': { 'zh-CN': '性别与身份证号不一致', en: 'Gender does not match the ID card no.' },
} satisfies Record<string, Term>;

export type GlossaryKey = keyof typeof glossary;

export function term(key: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = (glossary as Record<string, Term>)[key];
  return t ? t[locale] : key;
}

export function isGlossaryKey(key: string): key is GlossaryKey {
  return Object.prototype.hasOwnProperty.call(glossary, key);
}
