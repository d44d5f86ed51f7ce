import { COMMITTEE_ROLES, type CommitteeRole } from '../../../shared/roster/roles';
import { halfWidth, normalizeIdCardText, normalizeName, normalizePhone, parseLooseDate, parseSkillGrade, parseYesNo } from '../../../shared/roster/normalize';
import { term } from '../../../shared/glossary';
import { AppError } from '../../../shared/result';
import { toFieldIssues } from '../../../shared/kernel/schemas';
import { idCardFromNumberCell, workerInput, type WorkerData } from '../../../shared/roster/schemas';
import { idCardGender } from '../../../shared/roster/idcard';
import {
  type ImportField,
  type ImportMapping,
  type ImportParsed,
  type ImportPreview,
  type ImportResult,
  type ImportRowReport,
  type ImportTarget,
  type Worker,
} from '../../../shared/roster/types';
import type { Actor } from '../audit';
import type { ProgressReporter } from '../kernel/jobs';
import type { Store } from '../db/store';
import { insertUnit } from '../org/service';
import { getWorker, insertWorker, replaceWorker, type CheckedRow } from './workers';
import { nowIso } from '../util';
import type { Table } from '../documents/tabular';
import { footerOf } from '../documents/importHeaders';

export { fieldLabel, targetLabel, HEADER_CONTAINS, matchHeader, matchHeaderHow, findHeaderRow, headerCells, autoMapping } from './importHeaders';
import { autoMapping, findHeaderRow, HEADER_SCAN_ROWS, headerCells, norm, REQUIRED, rowMatches } from './importHeaders';

// rows that are not workers (合计：N 人, 制表人…审核人…): footerOf in documents/importHeaders.ts

// ---- cell conversion ----
const GENDER: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', 男性: 'M', 女性: 'F', m: 'M', f: 'F', male: 'M', female: 'F' };
const STATUS: Record<string, 'active' | 'left'> = {
  在职: 'active', 在岗: 'active', 离职: 'left', 退休: 'left', 调离: 'left', active: 'active', left: 'left', employed: 'active',
};
const ROLE_BY_LABEL = new Map<string, CommitteeRole>();
for (const r of COMMITTEE_ROLES) {
  ROLE_BY_LABEL.set(norm(term(`role.${r}`, 'zh-CN')), r);
  ROLE_BY_LABEL.set(norm(term(`role.${r}`, 'en')), r);
  ROLE_BY_LABEL.set(norm(r), r);
}
ROLE_BY_LABEL.set(norm('工会主席'), 'union_officer');
ROLE_BY_LABEL.set(norm('班长'), 'team_leader');
const splitList = (v: string) => v.split(/[,，、;；/|\n]+/).map((s) => normalizeName(s)).filter(Boolean);

/** Dates as people type them in China (see parseLooseDate in shared/roster/normalize). */
export const parseDate = parseLooseDate;

type Problem = { field: string; message: string; params?: Record<string, string | number> };
interface Converted {
  data: Record<string, unknown>;
  problems: Problem[];
  workshop: string | null;
  team: string | null;
  /** the roles column's list (undefined when the file has no roles column) */
  rolesColumn: CommitteeRole[] | undefined;
  /** the role flag columns the file has: role → ticked */
  flags: [CommitteeRole, boolean][];
}

function convertRow(cells: string[], mapping: ImportMapping): Converted {
  const get = (f: ImportTarget) => {
    const i = mapping[f];
    return i === undefined || i === null ? '' : (cells[i] ?? '').trim();
  };
  const problems: Problem[] = [];
  const bad = (f: ImportTarget, key: string) => problems.push({ field: f, message: key });
  const data: Record<string, unknown> = {
    empNo: halfWidth(get('empNo')).trim(),
    name: normalizeName(get('name')),
    idCard: normalizeIdCardText(get('idCard')),
    phone: normalizePhone(get('phone')),
    post: normalizeName(get('post')),
    certType: normalizeName(get('certType')),
    certNo: normalizeName(get('certNo')),
  };
  const g = halfWidth(get('gender')).trim();
  if (g) {
    const v = GENDER[g.toLowerCase()];
    if (v) data.gender = v;
    else bad('gender', 'v.gender');
  } else {
    // the gender digit of a number that lost its last digits is not the one written: ask for the gender
    const fromId = idCardFromNumberCell(String(data.idCard)) ? null : idCardGender(String(data.idCard));
    if (fromId) data.gender = fromId;
    else bad('gender', 'v.required');
  }
  for (const f of ['hireDate', 'certExpiry'] as const) {
    const d = parseLooseDate(get(f));
    if (d === 'bad') bad(f, 'v.date');
    else data[f] = d;
  }
  const grade = parseSkillGrade(get('skillGrade'));
  if (grade === 'bad') bad('skillGrade', 'v.grade');
  else data.skillGrade = grade;
  const st = halfWidth(get('status')).trim();
  if (st) {
    const v = STATUS[st.toLowerCase()];
    if (v) data.status = v;
    else bad('status', 'v.status');
  }
  let rolesColumn: CommitteeRole[] | undefined;
  if (mapping.roles !== undefined && mapping.roles !== null) {
    rolesColumn = [];
    for (const r of splitList(get('roles'))) {
      const v = ROLE_BY_LABEL.get(norm(r));
      if (v) rolesColumn.push(v);
      else bad('roles', 'v.role');
    }
  }
  const flags: [CommitteeRole, boolean][] = [];
  for (const r of COMMITTEE_ROLES) {
    const i = mapping[`role.${r}`];
    if (i === undefined || i === null) continue;
    const v = parseYesNo(get(`role.${r}`));
    if (v === 'bad') bad(`role.${r}`, 'v.bool');
    else flags.push([r, v]);
  }
  data.roles = rolesColumn ?? [];
  for (const f of ['isRepresentative', 'isFrontline', 'isManager'] as const) {
    const v = parseYesNo(get(f));
    if (v === 'bad') bad(f, 'v.bool');
    else data[f] = v;
  }
  data.hazardFactors = splitList(get('hazardFactors'));
  return { data, problems, workshop: normalizeName(get('workshop')) || null, team: normalizeName(get('team')) || null, rolesColumn, flags };
}

/** The roles a row ends with: the roles column (or the worker's roles), with the flag columns ticked in or out. */
function rolesOf(conv: Converted, before: CommitteeRole[] | null): CommitteeRole[] {
  const roles = [...new Set(conv.rolesColumn ?? before ?? [])];
  for (const [r, on] of conv.flags) {
    if (on && !roles.includes(r)) roles.push(r);
    else if (!on && !conv.rolesColumn && roles.includes(r)) roles.splice(roles.indexOf(r), 1);
  }
  return roles;
}

// ---- sessions ----
export interface Session {
  id: string;
  fileName: string;
  table: Table;
  headerRow: number;
  /** the header's cells as read (see headerCells) */
  header: string[];
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
    const header = headerCells(table, headerRow);
    const s: Session = {
      id,
      fileName,
      table,
      headerRow,
      header,
      mapping: mapping ?? autoMapping(header),
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
  /** The user's choice of header row (1-based): the mapping is made again from it unless one is given. */
  setHeaderRow(s: Session, row: number, mapping?: ImportMapping): void {
    if (row < 1 || row > s.table.length) throw new AppError('VALIDATION', 'err.import.badHeaderRow', { row, rows: s.table.length });
    s.headerRow = row - 1;
    s.header = headerCells(s.table, s.headerRow);
    s.mapping = mapping ?? autoMapping(s.header);
    s.plan = undefined;
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
  const mapping = JSON.stringify([s.headerRow, s.mapping]);
  if (s.plan && s.plan.state === state && s.plan.mapping === mapping) return s.plan.result;
  const result = makePlan(store, s);
  s.plan = { state, mapping, result };
  return result;
}

function makePlan(store: Store, s: Session): { preview: ImportPreview; rows: PlannedRow[] } {
  const header = s.header;
  const missingRequired = REQUIRED.filter((f) => s.mapping[f] === undefined || s.mapping[f] === null);
  for (const [f, i] of Object.entries(s.mapping)) {
    if (i !== null && i !== undefined && i >= header.length) {
      throw new AppError('VALIDATION', 'err.import.badMapping', { field: f.startsWith('role.') ? `@${f}` : `@worker.${f}`, column: i + 1 });
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
  const skippedRows: ImportPreview['skippedRows'] = [];

  const isMapped = (f: ImportTarget) => s.mapping[f] !== undefined && s.mapping[f] !== null;
  const mapped = new Set<string>((Object.keys(s.mapping) as ImportTarget[]).filter(isMapped));
  const hasFlags = COMMITTEE_ROLES.some((r) => mapped.has(`role.${r}`));
  const empCol = s.mapping.empNo ?? -1;
  const nameCol = s.mapping.name ?? -1;
  for (let r = s.headerRow + 1; r < s.table.length; r++) {
    const cells = s.table[r]!;
    if (cells.every((c) => c === '')) continue;
    const rowNumber = r + 1;
    const empCell = empCol >= 0 ? (cells[empCol] ?? '') : '';
    // the header again (a sheet printed page by page) and the footer (合计, 制表人…) are not workers
    if (empCol >= 0 && nameCol >= 0 && empCell === header[empCol] && (cells[nameCol] ?? '') === header[nameCol]) {
      skippedRows.push({ rowNumber, reason: 'header', text: cells.filter(Boolean).join(' ') });
      continue;
    }
    const footer = footerOf(cells, empCell);
    if (footer !== null) {
      skippedRows.push({ rowNumber, reason: 'footer', text: footer.slice(0, 80) });
      continue;
    }
    const conv = convertRow(cells, s.mapping);
    let problems = [...conv.problems];
    const empNo0 = halfWidth(String(conv.data.empNo ?? '')).trim();
    const existingId = empNo0 ? existing.get(empNo0) : undefined;
    // Re-importing a worker changes only what the file has columns for: a sheet with 工号, 姓名 and 性别 must not
    // blank the ID card, roles or placement it does not carry.
    const before = existingId ? getWorker(store, existingId, { includeDeleted: true }) : null;
    let input: Record<string, unknown> = conv.data;
    if (before) {
      input = asInput(before);
      for (const f of mapped) if (f in conv.data && f !== 'roles') input[f] = conv.data[f];
      // gender follows the file, or an ID card the file brings, else stays
      if (!mapped.has('gender') && !(mapped.has('idCard') && conv.data.gender)) input.gender = before.gender;
      else if (conv.data.gender) input.gender = conv.data.gender;
      else input.gender = before.gender; // a blank gender cell keeps the worker's gender
      // "gender required" holds for new workers only: an existing worker has one
      problems = problems.filter((p) => !(p.field === 'gender' && p.message === 'v.required'));
    }
    if (mapped.has('roles') || hasFlags) input.roles = rolesOf(conv, before ? before.roles : null);
    const parsed = workerInput.safeParse(input);
    let data: WorkerData | null = null;
    if (parsed.success) data = parsed.data;
    else {
      for (const i of toFieldIssues(parsed.error)) {
        const field = i.path.split('.')[0] ?? '';
        if (!problems.some((p) => p.field === field)) problems.push({ field, message: i.message });
      }
    }
    const empNo = data?.empNo ?? empNo0;
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
    // placement: a file without the team column keeps a worker's team while the workshop stays the same; a file
    // without the workshop column places a team under the worker's workshop
    let workshop = conv.workshop;
    const team = conv.team;
    if (before && !mapped.has('workshop') && mapped.has('team') && team) workshop = before.workshopName;
    const keepPlacement =
      before && ((!mapped.has('workshop') && !mapped.has('team')) || (!mapped.has('team') && workshop !== null && workshop === before.workshopName))
        ? { workshopId: before.workshopId, teamId: before.teamId, orgUnitId: before.orgUnitId }
        : null;
    if (team && !workshop) problems.push({ field: 'workshop', message: 'v.import.teamNeedsWorkshop' });
    const unitsOfRow: string[] = [];
    if (workshop && !keepPlacement) {
      const ws = workshopByName.get(workshop);
      if (ws?.retired_at) problems.push({ field: 'workshop', message: 'v.import.workshopRetired', params: { name: workshop } });
      if (!ws) unitsOfRow.push(workshop);
      if (team) {
        const t = ws ? teamByKey.get(`${ws.id}\u0000${team}`) : undefined;
        if (t?.retired_at) problems.push({ field: 'team', message: 'v.import.teamRetired', params: { name: team } });
        if (!t) unitsOfRow.push(unitKey(workshop, team));
      }
    }
    // only the rows that will be written create units
    if (problems.length === 0) for (const u of unitsOfRow) newUnits.add(u);
    const action: ImportRowReport['action'] = problems.length > 0 ? 'invalid' : existing.has(empNo) ? 'update' : 'create';
    const report: ImportRowReport = { rowNumber, empNo, name: String(data?.name ?? input.name ?? conv.data.name ?? ''), action, problems };
    report.parsed = parsedValues(mapped, data ?? input, workshop, team, keepPlacement ? before : null);
    if (before && data && action === 'update') {
      // what the update changes, so the preview can say it (and an unchanged row says so)
      const was = asInput(before);
      const changes: ImportRowReport['changes'] = (Object.keys(was) as ImportField[]).filter((f) => !same(was[f], (data as Record<string, unknown>)[f]));
      if (before.deletedAt) changes.unshift('restored');
      if (!keepPlacement && (workshop !== (before.workshopName ?? null) || team !== (before.teamName ?? null))) changes.push('workshop');
      report.changes = changes;
    }
    rows.push({ rowNumber, data: problems.length ? null : data, workshop, team, keepPlacement, report });
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
      headerCandidates: headerCandidates(s.table),
      skippedRows,
    },
  };
}

/** The first rows of the file with what they name, for the header-row picker. */
function headerCandidates(table: Table): ImportPreview['headerCandidates'] {
  const out: ImportPreview['headerCandidates'] = [];
  for (let i = 0; i < Math.min(table.length, HEADER_SCAN_ROWS); i++) {
    const cells = (table[i] ?? []).filter((c) => c !== '');
    if (cells.length === 0) continue;
    out.push({ row: i + 1, cells: cells.slice(0, 8).map((c) => c.slice(0, 20)), matches: rowMatches(table[i]) });
  }
  return out;
}

/** The row's values as read, for the columns the file has. */
function parsedValues(mapped: Set<string>, d: Record<string, unknown>, workshop: string | null, team: string | null, kept: Worker | null): ImportParsed {
  const p: ImportParsed = {};
  const v = <T>(x: unknown) => (x === undefined ? undefined : (x as T));
  if (d.gender === 'M' || d.gender === 'F') p.gender = d.gender;
  if (mapped.has('phone')) p.phone = v<string | null>(d.phone) ?? null;
  if (mapped.has('workshop') || mapped.has('team')) {
    p.workshop = kept ? kept.workshopName : workshop;
    p.team = kept ? kept.teamName : team;
  }
  if (mapped.has('post')) p.post = v<string | null>(d.post) ?? null;
  if (mapped.has('hireDate')) p.hireDate = v<string | null>(d.hireDate) ?? null;
  if (mapped.has('skillGrade')) p.skillGrade = v<number | null>(d.skillGrade) ?? null;
  if (mapped.has('status') && (d.status === 'active' || d.status === 'left')) p.status = d.status;
  if (Array.isArray(d.roles) && [...mapped].some((f) => f === 'roles' || f.startsWith('role.'))) p.roles = d.roles as CommitteeRole[];
  if (mapped.has('isRepresentative') && typeof d.isRepresentative === 'boolean') p.isRepresentative = d.isRepresentative;
  if (mapped.has('certType')) p.certType = v<string | null>(d.certType) || null;
  if (mapped.has('certExpiry')) p.certExpiry = v<string | null>(d.certExpiry) ?? null;
  return p;
}

/** The rows the plan refuses, with the file's own cells, for the rejected-rows sheet. */
export function rejectedRows(store: Store, s: Session): { header: string[]; rows: { rowNumber: number; cells: string[]; problems: ImportRowReport['problems'] }[] } {
  const { rows } = planImport(store, s);
  return {
    header: s.header,
    rows: rows.filter((r) => r.report.action === 'invalid').map((r) => ({ rowNumber: r.rowNumber, cells: s.table[r.rowNumber - 1] ?? [], problems: r.report.problems })),
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
