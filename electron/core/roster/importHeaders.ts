// The roster import's columns: field labels, and headers matched by meaning (exact names and aliases, committee-role
// tick columns, containment rules), the header row found among the first rows, the automatic mapping.
import { COMMITTEE_ROLES } from '../../../shared/roster/roles';
import { glossary, term } from '../../../shared/glossary';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportTarget } from '../../../shared/roster/types';
import { HEADER_SCAN_ROWS, headerMatcher } from '../documents/importHeaders';

export const norm = (s: string) => s.toLowerCase().replace(/[\s*＊:：()（）_\-.·]/g, '');

const FIELD_LABEL_KEY: Record<ImportField, string> = {
  empNo: 'worker.empNo',
  name: 'worker.name',
  gender: 'worker.gender',
  idCard: 'worker.idCard',
  phone: 'worker.phone',
  workshop: 'worker.workshop',
  team: 'worker.team',
  post: 'worker.post',
  hireDate: 'worker.hireDate',
  skillGrade: 'worker.skillGrade',
  status: 'worker.status',
  roles: 'worker.roles',
  isRepresentative: 'worker.isRepresentative',
  isFrontline: 'worker.isFrontline',
  isManager: 'worker.isManager',
  certType: 'worker.certType',
  certNo: 'worker.certNo',
  certExpiry: 'worker.certExpiry',
  hazardFactors: 'worker.hazardFactors',
};
export const fieldLabel = (f: ImportField) => term(FIELD_LABEL_KEY[f]);
/** The label of a worker field or a role flag column (its role's name). */
export const targetLabel = (f: ImportTarget | string, locale?: 'zh-CN' | 'en') =>
  f.startsWith('role.') ? term(f, locale) : FIELD_LABEL_KEY[f as ImportField] ? term(FIELD_LABEL_KEY[f as ImportField], locale) : f;

// ---- headers, matched by meaning ----
// 1. exact names (after normalisation: full-width to half-width, case, spaces, punctuation and a note in brackets
//    such as （必填） or (18位) dropped): the field's own label in both languages and the aliases below;
// 2. a committee role's name alone (班组长, 是否安全员) — a flag column of √ / 是;
// 3. otherwise the first containment rule whose word the header contains, in the order of CONTAINS (more specific
//    first: 身份证号 before 证号, 证书有效期 before 证书, 特种作业操作证号 before 特种作业, 班组 before 车间).
const EXTRA_ALIASES: Record<ImportField, string[]> = {
  empNo: ['员工编号', '职工编号', '员工号', '编号', '人员编号', 'empno', 'employeeno', 'employeenumber', 'employeeid', 'staffno'],
  name: ['职工姓名', '员工姓名', '名字', 'fullname'],
  gender: ['sex'],
  idCard: ['身份证', '身份证号码', '公民身份号码', '证件号码', 'idcard', 'idcardno', 'idnumber'],
  phone: ['手机', '手机号码', '联系电话', '电话', '联系方式', 'mobile', 'tel'],
  workshop: ['所属车间', '部门', '车间名称', 'department'],
  team: ['所属班组', '班组名称'],
  post: ['工种', '岗位名称', 'position', 'job'],
  hireDate: ['入职时间', '入厂日期', '入职', 'hiredate'],
  skillGrade: ['技能等级', '安全等级', 'grade', 'skillgrade'],
  status: ['在职状态', '人员状态'],
  roles: ['职责', '安全职务', '委员会职务', 'roles', 'role'],
  isRepresentative: ['是否职工代表', '职代会代表', 'representative'],
  isFrontline: ['是否一线职工', '一线', 'frontline'],
  isManager: ['中层及以上', '是否中层及以上', '管理人员', 'manager'],
  certType: ['特种作业类型', '特种作业', '作业类别', 'certtype'],
  certNo: ['特种作业操作证号', '操作证号', '证书编号', '证号', 'certno'],
  certExpiry: ['有效期至', '证书有效期', '有效期', 'certexpiry'],
  hazardFactors: ['职业病危害因素', '危害因素', 'hazardfactors', 'hazards'],
};

/** Containment rules, in priority order: the first whose word the (normalised) header contains wins. */
export const HEADER_CONTAINS: readonly (readonly [ImportField, readonly string[]])[] = [
  ['idCard', ['身份证', '公民身份', '证件号']],
  ['certExpiry', ['有效期', '复审', '到期', '复训']],
  ['certNo', ['证号', '证书编号', '证编号', '证书号', '操作证']],
  ['certType', ['特种作业', '作业类别', '作业类型', '准操项目', '操作项目']],
  ['phone', ['电话', '手机', '联系方式', 'phone', 'mobile']],
  ['hazardFactors', ['危害因素', '职业病危害', '接害']],
  ['isRepresentative', ['代表']],
  ['isFrontline', ['一线']],
  ['isManager', ['中层', '管理人员']],
  ['roles', ['职责', '安全职务', '委员会']],
  ['skillGrade', ['等级', '技能']],
  ['hireDate', ['入职', '入厂', '进厂', '到岗', '参加工作']],
  ['status', ['状态', '在职', '在岗']],
  ['team', ['班组']],
  ['workshop', ['车间', '部门', '科室', '工段', 'department', 'workshop']],
  ['post', ['岗位', '工种', '职位']],
  ['gender', ['性别']],
  ['name', ['姓名']],
  ['empNo', ['工号', '员工号', '职工号', '编号']],
];

// the matching itself is generic (electron/core/documents/importHeaders.ts): the roster's names and rules go in
const NAMES: [string, ImportTarget][] = [];
for (const f of IMPORT_FIELDS) {
  const g = (glossary as Record<string, { 'zh-CN': string; en: string }>)[FIELD_LABEL_KEY[f]]!;
  for (const a of [g['zh-CN'], g.en, f, ...EXTRA_ALIASES[f]]) NAMES.push([a, f]);
}
for (const r of COMMITTEE_ROLES) {
  const names = [term(`role.${r}`, 'zh-CN'), term(`role.${r}`, 'en'), ...(r === 'union_officer' ? ['工会主席'] : []), ...(r === 'team_leader' ? ['班长'] : [])];
  for (const n of names) for (const pre of ['', '是否', '是否为']) NAMES.push([pre + n, `role.${r}`]);
}
const matcher = headerMatcher<ImportTarget>(NAMES, HEADER_CONTAINS);

/** How a header was recognised: 'exact' (a name or alias), 'contains' (a containment rule) or null. */
export const matchHeaderHow = matcher.matchHeaderHow;
export const matchHeader = matcher.matchHeader;
export { HEADER_SCAN_ROWS };
export const rowMatches = matcher.rowMatches;
/** The header row among the first 30 (see headerMatcher): a title row and a group row (基本信息 / 岗位信息) name fewer. */
export const findHeaderRow = matcher.findHeaderRow;
/** The header's cells as read (工号 and 姓名 written once over a two-row header count for the second row). */
export const headerCells = matcher.headerCells;
/** Each known column to the first header that names it exactly, else the first that contains one of its words. */
export const autoMapping = (header: string[]): ImportMapping => matcher.autoMapping(header);

export const REQUIRED: ImportField[] = ['empNo', 'name'];
