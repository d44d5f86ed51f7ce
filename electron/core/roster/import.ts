import { COMMITTEE_ROLES, type CommitteeRole } from '../../../shared/roster/roles';
import { glossary, term } from '../../../shared/glossary';
import { AppError } from '../../../shared/result';
import { isValidIsoDate, toFieldIssues } from '../../../shared/kernel/schemas';
import { workerInput, type WorkerData } from '../../../shared/roster/schemas';
import { idCardGender } from '../../../shared/roster/idcard';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportPreview, type ImportResult, type ImportRowReport, type Worker } from '../../../shared/roster/types';
import type { Actor } from '../audit';
import type { ProgressReporter } from '../kernel/jobs';
import type { Store } from '../db/store';
import { insertUnit } from '../org/service';
import { getWorker, insertWorker, replaceWorker, type CheckedRow } from './workers';
import { nowIso } from '../util';
import type { Table } from '../documents/tabular';

const norm = (s: string) => s.toLowerCase().replace(/[\s*＊:：()（）_\-.·]/g, '');

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

const ALIASES = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) {
  const g = (glossary as Record<string, { 'zh-CN': string; en: string }>)[FIELD_LABEL_KEY[f]]!;
  for (const a of [g['zh-CN'], g.en, f, ...EXTRA_ALIASES[f]]) ALIASES.set(norm(a), f);
}

export function matchHeader(h: string): ImportField | null {
  return ALIASES.get(norm(h)) ?? null;
}

/** The header is the first of the first 20 rows where 2+ cells name known fields (a title row above it is skipped). */
export function findHeaderRow(table: Table): number {
  const limit = Math.min(table.length, 20);
  for (let i = 0; i < limit; i++) {
    const hits = new Set((table[i] ?? []).map(matchHeader).filter((x) => x !== null));
    if (hits.size >= 2) return i;
  }
  return -1;
}

export function autoMapping(header: string[]): ImportMapping {
  const m: ImportMapping = {};
  header.forEach((h, i) => {
    const f = matchHeader(h);
    if (f && m[f] === undefined) m[f] = i;
  });
  return m;
}

const REQUIRED: ImportField[] = ['empNo', 'name'];

// ---- cell conversion ----
const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '有']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '', '×', '无']);
function parseBool(v: string): boolean | 'bad' {
  const s = v.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return 'bad';
}
const GENDER: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', m: 'M', f: 'F', male: 'M', female: 'F' };
const GRADE: Record<string, number> = {
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5,
  一级: 1, 二级: 2, 三级: 3, 四级: 4, 五级: 5,
  高级技师: 1, 技师: 2, 高级工: 3, 中级工: 4, 初级工: 5,
};
const STATUS: Record<string, 'active' | 'left'> = { 在职: 'active', 离职: 'left', active: 'active', left: 'left', employed: 'active' };
const ROLE_BY_LABEL = new Map<string, CommitteeRole>();
for (const r of COMMITTEE_ROLES) {
  ROLE_BY_LABEL.set(norm(term(`role.${r}`, 'zh-CN')), r);
  ROLE_BY_LABEL.set(norm(term(`role.${r}`, 'en')), r);
  ROLE_BY_LABEL.set(norm(r), r);
}
ROLE_BY_LABEL.set(norm('工会主席'), 'union_officer');
const splitList = (v: string) => v.split(/[,，、;；/|]+/).map((s) => s.trim()).filter(Boolean);

/** Dates as people type them in China: 2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日, or an Excel serial number. */
export function parseDate(v: string): string | 'bad' | null {
  const s = v.trim();
  if (!s) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isValidIsoDate(iso) ? iso : 'bad';
  }
  m = /^(\d{5})(\.\d+)?$/.exec(s);
  if (m) {
    const d = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  return 'bad';
}

interface Converted {
  data: Record<string, unknown>;
  problems: { field: string; message: string; params?: Record<string, string | number> }[];
  workshop: string | null;
  team: string | null;
}

function convertRow(cells: string[], mapping: ImportMapping): Converted {
  const get = (f: ImportField) => {
    const i = mapping[f];
    return i === undefined || i === null ? '' : (cells[i] ?? '').trim();
  };
  const problems: { field: string; message: string; params?: Record<string, string | number> }[] = [];
  const bad = (f: ImportField, key: string) => problems.push({ field: f, message: key });
  const data: Record<string, unknown> = {
    empNo: get('empNo'),
    name: get('name'),
    idCard: get('idCard'),
    phone: get('phone'),
    post: get('post'),
    certType: get('certType'),
    certNo: get('certNo'),
  };
  const g = get('gender');
  if (g) {
    const v = GENDER[g.toLowerCase()];
    if (v) data.gender = v;
    else bad('gender', 'v.gender');
  } else {
    const fromId = idCardGender(String(data.idCard ?? ''));
    if (fromId) data.gender = fromId;
    else bad('gender', 'v.required');
  }
  for (const f of ['hireDate', 'certExpiry'] as const) {
    const d = parseDate(get(f));
    if (d === 'bad') bad(f, 'v.date');
    else data[f] = d;
  }
  const grade = get('skillGrade');
  if (grade) {
    const v = GRADE[grade.replace(/\s/g, '')] ?? GRADE[grade.replace(/[（(].*$/, '')];
    if (v) data.skillGrade = v;
    else bad('skillGrade', 'v.grade');
  }
  const st = get('status');
  if (st) {
    const v = STATUS[st.toLowerCase()];
    if (v) data.status = v;
    else bad('status', 'v.status');
  }
  const roles: CommitteeRole[] = [];
  for (const r of splitList(get('roles'))) {
    const v = ROLE_BY_LABEL.get(norm(r));
    if (v) roles.push(v);
    else bad('roles', 'v.role');
  }
  data.roles = roles;
  for (const f of ['isRepresentative', 'isFrontline', 'isManager'] as const) {
    const v = parseBool(get(f));
    if (v === 'bad') bad(f, 'v.bool');
    else data[f] = v;
  }
  data.hazardFactors = splitList(get('hazardFactors'));
  return { data, problems, workshop: get('workshop') || null, team: get('team') || null };
}

// ---- sessions ----
interface Session {
  id: string;
  fileName: string;
  table: Table;
  headerRow: number;
  mapping: ImportMapping;
  createdAt: number;
  /** the last plan and the store state it was made against (see storeState) */
  plan?: { state: string; mapping: string; result: { preview: ImportPreview; rows: PlannedRow[] } };
}

/** Changes whenever this connection or another one has written to the store. */
function storeState(store: Store): string {
  const v = store.get<{ v: number; c: number }>('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c')!;
  return `${v.v}:${v.c}`;
}

export interface PlannedRow {
  rowNumber: number;
  data: WorkerData | null;
  workshop: string | null;
  team: string | null;
  /** an update from a file without workshop/team columns keeps the worker's placement */
  keepPlacement: { workshopId: string | null; teamId: string | null; orgUnitId: string | null } | null;
  report: ImportRowReport;
}

/** The worker as the import's input: the values a re-import starts from before the file's columns overlay them. */
function asInput(w: Worker): Record<string, unknown> {
  return {
    empNo: w.empNo,
    name: w.name,
    gender: w.gender,
    idCard: w.idCard,
    phone: w.phone,
    post: w.post,
    hireDate: w.hireDate,
    skillGrade: w.skillGrade,
    status: w.status,
    roles: w.roles,
    isRepresentative: w.isRepresentative,
    isFrontline: w.isFrontline,
    isManager: w.isManager,
    certType: w.certType,
    certNo: w.certNo,
    certExpiry: w.certExpiry,
    hazardFactors: w.hazardFactors,
  };
}
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export class ImportSessions {
  private sessions = new Map<string, Session>();
  static readonly TTL_MS = 60 * 60 * 1000;

  open(id: string, fileName: string, table: Table, mapping?: ImportMapping): Session {
    this.expire();
    const headerRow = findHeaderRow(table);
    if (headerRow < 0) {
      throw new AppError('BAD_FILE', 'err.import.noHeader', { hint: 'header' });
    }
    const s: Session = {
      id,
      fileName,
      table,
      headerRow,
      mapping: mapping ?? autoMapping(table[headerRow]!),
      createdAt: Date.now(),
    };
    this.sessions.set(id, s);
    while (this.sessions.size > 5) this.sessions.delete(this.sessions.keys().next().value!);
    return s;
  }
  get(id: string): Session {
    this.expire();
    const s = this.sessions.get(id);
    if (!s) throw new AppError('NOT_FOUND', 'err.import.expired');
    return s;
  }
  cancel(id: string): boolean {
    return this.sessions.delete(id);
  }
  private expire() {
    const now = Date.now();
    for (const [k, s] of this.sessions) if (now - s.createdAt > ImportSessions.TTL_MS) this.sessions.delete(k);
  }
}

function unitKey(workshop: string, team: string | null) {
  return team ? `${workshop} / ${team}` : workshop;
}

/** Validates every row against the schema, the file itself and the store. Writes nothing. */
/** The plan for the session's current mapping, reused while neither the mapping nor the store has changed. */
export function planImport(store: Store, s: Session): { preview: ImportPreview; rows: PlannedRow[] } {
  const state = storeState(store);
  const mapping = JSON.stringify(s.mapping);
  if (s.plan && s.plan.state === state && s.plan.mapping === mapping) return s.plan.result;
  const result = makePlan(store, s);
  s.plan = { state, mapping, result };
  return result;
}

function makePlan(store: Store, s: Session): { preview: ImportPreview; rows: PlannedRow[] } {
  const header = s.table[s.headerRow]!;
  const missingRequired = REQUIRED.filter((f) => s.mapping[f] === undefined || s.mapping[f] === null);
  for (const [f, i] of Object.entries(s.mapping)) {
    if (i !== null && i !== undefined && i >= header.length) {
      throw new AppError('VALIDATION', 'err.import.badMapping', { field: `@worker.${f}`, column: i + 1 });
    }
  }
  const units = store.all<{ id: string; parent_id: string | null; kind: string; name: string; retired_at: string | null }>(
    'SELECT id, parent_id, kind, name, retired_at FROM org_units WHERE deleted_at IS NULL',
  );
  const workshopByName = new Map(units.filter((u) => u.kind === 'workshop').map((u) => [u.name, u]));
  const teamByKey = new Map(
    units.filter((u) => u.kind === 'team').map((u) => [`${u.parent_id}\u0000${u.name}`, u]),
  );
  const existing = new Map(
    store.all<{ id: string; emp_no: string }>('SELECT id, emp_no FROM workers').map((r) => [r.emp_no, r.id]),
  );
  const idCards = new Map(
    store
      .all<{ id: string; id_card: string }>('SELECT id, id_card FROM workers WHERE id_card IS NOT NULL AND deleted_at IS NULL')
      .map((r) => [r.id_card, r.id]),
  );
  const seenEmp = new Map<string, number>();
  const seenId = new Map<string, number>();
  const newUnits = new Set<string>();
  const rows: PlannedRow[] = [];

  const mapped = new Set(
    (Object.entries(s.mapping) as [ImportField, number | null | undefined][]).filter(([, i]) => i !== null && i !== undefined).map(([f]) => f as string),
  );
  for (let r = s.headerRow + 1; r < s.table.length; r++) {
    const cells = s.table[r]!;
    if (cells.every((c) => c === '')) continue;
    const rowNumber = r + 1;
    const conv = convertRow(cells, s.mapping);
    let problems = [...conv.problems];
    const empNo0 = String(conv.data.empNo ?? '');
    const existingId = empNo0 ? existing.get(empNo0) : undefined;
    // Re-importing a worker changes only what the file has columns for: a sheet with 工号, 姓名 and 性别 must not
    // blank the ID card, roles or placement it does not carry.
    const before = existingId ? getWorker(store, existingId, { includeDeleted: true }) : null;
    let input: Record<string, unknown> = conv.data;
    if (before) {
      input = asInput(before);
      for (const f of mapped) if (f in conv.data) input[f] = conv.data[f];
      // gender follows the file, or an ID card the file brings, else stays
      if (!mapped.has('gender') && !(mapped.has('idCard') && conv.data.gender)) input.gender = before.gender;
      else if (conv.data.gender) input.gender = conv.data.gender;
      else input.gender = before.gender; // a blank gender cell keeps the worker's gender
      // "gender required" holds for new workers only: an existing worker has one
      problems = problems.filter((p) => !(p.field === 'gender' && p.message === 'v.required'));
    }
    const parsed = workerInput.safeParse(input);
    let data: WorkerData | null = null;
    if (parsed.success) data = parsed.data;
    else {
      for (const i of toFieldIssues(parsed.error)) {
        const field = i.path.split('.')[0] ?? '';
        if (!problems.some((p) => p.field === field)) problems.push({ field, message: i.message });
      }
    }
    const empNo = empNo0;
    if (empNo) {
      const prev = seenEmp.get(empNo);
      if (prev) problems.push({ field: 'empNo', message: 'v.import.dupEmpNo', params: { row: prev } });
      else seenEmp.set(empNo, rowNumber);
    }
    const idc = data?.idCard;
    if (idc) {
      const prev = seenId.get(idc);
      if (prev) problems.push({ field: 'idCard', message: 'v.import.dupIdCard', params: { row: prev } });
      else seenId.set(idc, rowNumber);
      const owner = idCards.get(idc);
      if (owner && owner !== existing.get(empNo)) problems.push({ field: 'idCard', message: 'v.import.idCardTaken' });
    }
    if (conv.team && !conv.workshop) problems.push({ field: 'workshop', message: 'v.import.teamNeedsWorkshop' });
    if (conv.workshop) {
      const ws = workshopByName.get(conv.workshop);
      if (ws?.retired_at) problems.push({ field: 'workshop', message: 'v.import.workshopRetired', params: { name: conv.workshop } });
      if (!ws) newUnits.add(conv.workshop);
      if (conv.team) {
        const t = ws ? teamByKey.get(`${ws.id}\u0000${conv.team}`) : undefined;
        if (t?.retired_at) problems.push({ field: 'team', message: 'v.import.teamRetired', params: { name: conv.team } });
        if (!t) newUnits.add(unitKey(conv.workshop, conv.team));
      }
    }
    const action: ImportRowReport['action'] = problems.length > 0 ? 'invalid' : existing.has(empNo) ? 'update' : 'create';
    const keepPlacement = before && !mapped.has('workshop') && !mapped.has('team') ? { workshopId: before.workshopId, teamId: before.teamId, orgUnitId: before.orgUnitId } : null;
    const report: ImportRowReport = { rowNumber, empNo, name: String(input.name ?? conv.data.name ?? ''), action, problems };
    if (before && data && action === 'update') {
      // what the update changes, so the preview can say it (and an unchanged row says so)
      const was = asInput(before);
      const changes: ImportRowReport['changes'] = (Object.keys(was) as ImportField[]).filter((f) => !same(was[f], (data as Record<string, unknown>)[f]));
      if (before.deletedAt) changes.unshift('restored');
      if (!keepPlacement && (conv.workshop !== (before.workshopName ?? null) || conv.team !== (before.teamName ?? null))) changes.push('workshop');
      report.changes = changes;
    }
    rows.push({ rowNumber, data: problems.length ? null : data, workshop: conv.workshop, team: conv.team, keepPlacement, report });
  }
  const counts = { total: rows.length, create: 0, update: 0, invalid: 0 };
  for (const r of rows) counts[r.report.action]++;
  return {
    rows,
    preview: {
      importId: s.id,
      fileName: s.fileName,
      headerRow: s.headerRow + 1,
      columns: header.map((h, index) => ({ index, header: h })),
      mapping: s.mapping,
      missingRequired,
      rows: rows.map((r) => r.report),
      counts,
      newOrgUnits: [...newUnits].sort(),
    },
  };
}

/** All valid rows in one transaction: a failure anywhere leaves the store as it was. */
export function commitImport(
  store: Store,
  actor: Actor,
  s: Session,
  opts: { skipInvalid: boolean; job?: ProgressReporter },
): ImportResult {
  // one transaction; the two full-text triggers are held back and run once over the new rows (Store.bulkInsert):
  // row-by-row FTS updates inside a large transaction get slower with every row. Safe here: the import only inserts
  // new workers (a file with an employee number twice is refused) and updates workers that existed before.
  const result = store.bulkInsert('workers', ['workers_fts_ai', 'workers_grams_ai'], () => {
    const { preview, rows } = planImport(store, s);
    if (preview.missingRequired.length) {
      throw new AppError('VALIDATION', 'err.import.missingColumns', { columns: preview.missingRequired.join(', '), missing: preview.missingRequired });
    }
    if (preview.counts.invalid > 0 && !opts.skipInvalid) {
      throw new AppError('VALIDATION', 'err.import.invalidRows', {
        count: preview.counts.invalid,
        invalidRows: preview.rows.filter((r) => r.action === 'invalid').map((r) => r.rowNumber).slice(0, 100),
      });
    }
    const now = nowIso();
    let orgUnitsCreated = 0;
    const unitIds = new Map<string, string>();
    for (const u of store.all<{ id: string; parent_id: string | null; name: string; kind: string }>(
      'SELECT id, parent_id, name, kind FROM org_units WHERE deleted_at IS NULL',
    )) {
      unitIds.set(u.kind === 'workshop' ? `W\u0000${u.name}` : `T\u0000${u.parent_id}\u0000${u.name}`, u.id);
    }
    const unitFor = (workshop: string | null, team: string | null): { orgUnitId: string | null; place: CheckedRow['place'] } => {
      if (!workshop) return { orgUnitId: null, place: { workshopId: null, teamId: null } };
      let wsId = unitIds.get(`W\u0000${workshop}`);
      if (!wsId) {
        wsId = insertUnit(store, actor, { kind: 'workshop', parentId: null, name: workshop }, now).id;
        unitIds.set(`W\u0000${workshop}`, wsId);
        orgUnitsCreated++;
      }
      if (!team) return { orgUnitId: wsId, place: { workshopId: wsId, teamId: null } };
      let tId = unitIds.get(`T\u0000${wsId}\u0000${team}`);
      if (!tId) {
        tId = insertUnit(store, actor, { kind: 'team', parentId: wsId, name: team }, now).id;
        unitIds.set(`T\u0000${wsId}\u0000${team}`, tId);
        orgUnitsCreated++;
      }
      return { orgUnitId: tId, place: { workshopId: wsId, teamId: tId } };
    };
    const existing = new Map(store.all<{ id: string; emp_no: string }>('SELECT id, emp_no FROM workers').map((r) => [r.emp_no, r.id]));
    let created = 0;
    let updated = 0;
    const reason = (n: number) => `导入 ${s.fileName} 第 ${n} 行`;
    let done = 0;
    for (const r of rows) {
      // a cancel throws here, inside the transaction: nothing is written
      opts.job?.report(done++, rows.length, 'job.writing');
      if (!r.data) continue;
      const unit = r.keepPlacement
        ? { orgUnitId: r.keepPlacement.orgUnitId, place: { workshopId: r.keepPlacement.workshopId, teamId: r.keepPlacement.teamId } }
        : unitFor(r.workshop, r.team);
      const d: WorkerData = { ...r.data, orgUnitId: unit.orgUnitId };
      // planImport checked every row against the store inside this same transaction
      const checked = { place: unit.place };
      try {
        const exId = existing.get(d.empNo);
        if (exId) {
          replaceWorker(store, actor, exId, d, now, 'import_update', reason(r.rowNumber), checked);
          updated++;
        } else {
          insertWorker(store, actor, d, now, reason(r.rowNumber), checked);
          created++;
        }
      } catch (e) {
        if (e instanceof AppError) throw new AppError(e.code, e.message, { ...e.details, rowNumber: r.rowNumber });
        throw e;
      }
    }
    return { created, updated, skipped: preview.counts.invalid, orgUnitsCreated };
  });
  // many new rows change the index statistics the planner relies on
  if (result.created + result.updated >= 1000) store.analyze();
  return result;
}
