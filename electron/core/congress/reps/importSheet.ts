// Importing representatives from a sheet (xlsx/csv): each row is matched to a worker by 工号 (or 身份证号), put in
// the constituency its 代表团/代表组 column names (made when missing) or else its workshop's, an observer when its
// 列席 column says so, on the presidium when its 主席团 column says so. The preview writes nothing and reports every
// row's problems with its row number; the commit re-checks against the store and writes everything in one
// transaction (audited), or nothing.
import type { z } from 'zod';
import type { repsImportCommit } from '../../../../shared/congress/reps/schemas';
import type { MemberKind, RepsImportPreview, RepsImportProblem, RepsImportResult, RepsImportRow } from '../../../../shared/congress/reps/types';
import type { Operator } from '../../../../shared/operators/types';
import { normalizeIdCard } from '../../../../shared/roster/idcard';
import { halfWidth, normalizeName } from '../../../../shared/roster/normalize';
import { AppError } from '../../../../shared/result';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import type { Table } from '../../documents/tabular';
import { nowIso, uuidv7 } from '../../util';
import { insertMember } from './members';
import { assertRunner, termRow } from './terms';

type Column = 'empNo' | 'idCard' | 'name' | 'group' | 'kind' | 'presidium';

/** A header's comparable form: half-width, lower case, without a note in brackets, spaces or punctuation. */
function headerKey(h: string): string {
  const s = halfWidth(h).toLowerCase();
  const bare = s.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '');
  return (bare.trim() ? bare : s).replace(/[\s*:_\-.·、/\\()?？!！'"“”‘’#№（）]/g, '');
}

/** Exact names (after headerKey), then words a header may contain — as the roster import matches its headers. */
const EXACT: Record<Column, string[]> = {
  empNo: ['工号', '员工号', '职工号', '员工编号', '职工编号', '人员编号', 'empno', 'employeeno', 'employeenumber', 'staffno'],
  idCard: ['身份证号', '身份证', '身份证号码', '公民身份号码', 'idcard', 'idcardno', 'idno'],
  name: ['姓名', '代表姓名', 'name'],
  group: ['代表团', '代表组', '代表团组', '所在代表团', '所在代表组', '代表团名称', 'constituency', 'group'],
  kind: ['列席', '列席代表', '是否列席', '代表类别', '代表类型', 'observer', 'kind'],
  presidium: ['主席团', '主席团成员', '是否主席团', '是否主席团成员', 'presidium'],
};
const CONTAINS: [Column, string[]][] = [
  ['idCard', ['身份证']],
  ['group', ['代表团', '代表组']],
  ['presidium', ['主席团']],
  ['kind', ['列席']],
  ['empNo', ['工号']],
  ['name', ['姓名']],
];
const EXACT_MAP = new Map<string, Column>(Object.entries(EXACT).flatMap(([c, names]) => names.map((n) => [headerKey(n), c as Column] as const)));

function matchColumn(h: string): Column | null {
  const k = headerKey(h);
  if (!k) return null;
  const exact = EXACT_MAP.get(k);
  if (exact) return exact;
  for (const [c, words] of CONTAINS) if (words.some((w) => k.includes(w))) return c;
  return null;
}

type Mapping = Partial<Record<Column, number>>;

/** The header: among the first 30 rows, the one naming the most known columns, with 工号 or 身份证号 among them. */
function findHeader(table: Table): { row: number; mapping: Mapping } {
  let best: { row: number; mapping: Mapping; hits: number } | null = null;
  for (let i = 0; i < Math.min(table.length, 30); i++) {
    const mapping: Mapping = {};
    (table[i] ?? []).forEach((cell, j) => {
      const c = matchColumn(cell);
      if (c && mapping[c] === undefined) mapping[c] = j;
    });
    const hits = Object.keys(mapping).length;
    if ((mapping.empNo !== undefined || mapping.idCard !== undefined) && (!best || hits > best.hits)) best = { row: i, mapping, hits };
  }
  if (!best) throw new AppError('BAD_FILE', 'err.congress.importNoHeader');
  return best;
}

const YES = new Set(['是', '√', '✓', '✔', 'y', 'yes', 'true', '1', 'x', '列席', '列席代表', '主席团', '主席团成员', 'observer']);
const NO = new Set(['', '否', '×', 'n', 'no', 'false', '0', '正式', '正式代表', '职工代表', '代表', 'representative']);
/** A yes/no cell: true, false, or null when unreadable. */
function flag(v: string): boolean | null {
  const k = halfWidth(v).trim().toLowerCase();
  return YES.has(k) ? true : NO.has(k) ? false : null;
}

const FOOTER = /^(合计|总计|小计|共计|制表|填表|填报|审核|审批|负责人|盖章|备注|说明|注[:：])/;

export interface RepsImportSession {
  token: string;
  fileName: string;
  termId: string;
  joinedOn: string;
  table: Table;
  createdAt: number;
}

/** Open imports of this core (an hour each, at most five). */
export class RepsImportSessions {
  private sessions = new Map<string, RepsImportSession>();
  static readonly TTL_MS = 60 * 60 * 1000;
  open(s: Omit<RepsImportSession, 'token' | 'createdAt'>): RepsImportSession {
    this.expire();
    const session = { ...s, token: uuidv7(), createdAt: Date.now() };
    this.sessions.set(session.token, session);
    while (this.sessions.size > 5) this.sessions.delete(this.sessions.keys().next().value!);
    return session;
  }
  get(token: string): RepsImportSession {
    this.expire();
    const s = this.sessions.get(token);
    if (!s) throw new AppError('NOT_FOUND', 'err.congress.importExpired');
    return s;
  }
  cancel(token: string): boolean {
    return this.sessions.delete(token);
  }
  private expire() {
    const now = Date.now();
    for (const [k, s] of this.sessions) if (now - s.createdAt > RepsImportSessions.TTL_MS) this.sessions.delete(k);
  }
}

interface WorkerHit {
  id: string;
  name: string;
  status: string;
  workshop_id: string | null;
  workshop_name: string | null;
}

interface PlannedRow extends RepsImportRow {
  /** where the group comes from when it is new: the workshop (org unit) it is named after, if any */
  groupOrgUnitId: string | null;
}

/** Checks every row against the store; writes nothing. */
function plan(store: Store, s: RepsImportSession): { preview: RepsImportPreview; rows: PlannedRow[] } {
  const t = termRow(store, s.termId);
  if (s.joinedOn < t.start_date || s.joinedOn > t.end_date) {
    throw new AppError('VALIDATION', 'err.congress.dateOutsideTerm', { start: t.start_date, end: t.end_date, issues: [{ path: 'joinedOn', message: 'v.invalid' }] });
  }
  const { row: headerRow, mapping } = findHeader(s.table);
  const groups = store.all<{ id: string; name: string; org_unit_id: string | null }>(`SELECT id, name, org_unit_id FROM congress_groups WHERE term_id = ? AND deleted_at IS NULL`, [s.termId]);
  const groupByName = new Map(groups.map((g) => [g.name, g]));
  const groupByUnit = new Map(groups.filter((g) => g.org_unit_id).map((g) => [g.org_unit_id!, g]));
  const serving = new Set(store.all<{ worker_id: string }>(`SELECT worker_id FROM congress_members WHERE term_id = ? AND left_on IS NULL`, [s.termId]).map((r) => r.worker_id));
  const WORKER = `SELECT w.id, w.name, w.status, w.workshop_id, u.name AS workshop_name FROM workers w LEFT JOIN org_units u ON u.id = w.workshop_id`;
  const byEmpNo = (v: string) => store.get<WorkerHit>(`${WORKER} WHERE w.emp_no = ? AND w.deleted_at IS NULL`, [v]);
  const byIdCard = (v: string) => store.get<WorkerHit>(`${WORKER} WHERE w.id_card = ? AND w.deleted_at IS NULL`, [v]);
  const cell = (cells: string[], c: Column) => (mapping[c] === undefined ? '' : halfWidth(cells[mapping[c]!] ?? '').trim());
  const seen = new Map<string, number>();
  const rows: PlannedRow[] = [];
  const newGroups: string[] = [];
  for (let i = headerRow + 1; i < s.table.length; i++) {
    const cells = s.table[i] ?? [];
    if (cells.every((c) => !c.trim())) continue;
    if (FOOTER.test((cells.find((c) => c.trim()) ?? '').trim())) continue;
    const problems: RepsImportProblem[] = [];
    const empNo = cell(cells, 'empNo') || null;
    const idCard = cell(cells, 'idCard') ? normalizeIdCard(cell(cells, 'idCard')) : null;
    const name = cell(cells, 'name') ? normalizeName(cell(cells, 'name')) : null;
    let w: WorkerHit | undefined;
    if (!empNo && !idCard) problems.push({ key: 'congress.import.noKey' });
    else {
      w = empNo ? byEmpNo(empNo) : byIdCard(idCard!);
      if (!w) problems.push({ key: 'congress.import.workerNotFound', params: { value: empNo ?? idCard! } });
      else if (w.status !== 'active') problems.push({ key: 'congress.import.workerNotActive', params: { name: w.name } });
      if (w && name && name !== w.name) problems.push({ key: 'congress.import.nameMismatch', params: { sheet: name, name: w.name } });
      if (w) {
        const first = seen.get(w.id);
        if (first !== undefined) problems.push({ key: 'congress.import.duplicate', params: { row: first } });
        else seen.set(w.id, i + 1);
      }
    }
    let kind: MemberKind = 'representative';
    const kindCell = cell(cells, 'kind');
    const kindFlag = flag(kindCell);
    if (kindFlag === null) problems.push({ key: 'congress.import.badFlag', params: { value: kindCell } });
    else if (kindFlag) kind = 'observer';
    const presCell = cell(cells, 'presidium');
    const presFlag = flag(presCell);
    if (presFlag === null) problems.push({ key: 'congress.import.badFlag', params: { value: presCell } });
    const presidium = presFlag === true;
    if (presidium && kind === 'observer') problems.push({ key: 'congress.import.observerPresidium' });
    // the constituency: the sheet's, else the workshop's
    let groupName: string | null = cell(cells, 'group') ? normalizeName(cell(cells, 'group')).slice(0, 40) : null;
    let groupOrgUnitId: string | null = null;
    if (!groupName && w?.workshop_id) {
      const g = groupByUnit.get(w.workshop_id);
      groupName = g ? g.name : w.workshop_name;
      groupOrgUnitId = g ? null : w.workshop_id;
    }
    const groupNew = groupName !== null && !groupByName.has(groupName);
    if (groupNew && problems.length === 0 && !newGroups.includes(groupName!)) newGroups.push(groupName!);
    const status: RepsImportRow['status'] = problems.length > 0 ? 'invalid' : serving.has(w!.id) ? 'already' : 'add';
    rows.push({
      rowNumber: i + 1,
      empNo,
      name,
      workerId: w?.id ?? null,
      workerName: w?.name ?? null,
      groupName,
      groupNew,
      kind,
      presidium,
      status,
      problems,
      groupOrgUnitId,
    });
  }
  const count = (st: RepsImportRow['status']) => rows.filter((r) => r.status === st).length;
  const preview: RepsImportPreview = {
    token: s.token,
    fileName: s.fileName,
    termId: s.termId,
    joinedOn: s.joinedOn,
    columns: {
      empNo: mapping.empNo !== undefined,
      idCard: mapping.idCard !== undefined,
      name: mapping.name !== undefined,
      group: mapping.group !== undefined,
      kind: mapping.kind !== undefined,
      presidium: mapping.presidium !== undefined,
    },
    rows: rows.map(({ groupOrgUnitId: _g, ...r }) => r),
    counts: { add: count('add'), already: count('already'), invalid: count('invalid') },
    newGroups: newGroups.filter((g) => rows.some((r) => r.status === 'add' && r.groupName === g)),
  };
  return { preview, rows };
}

export function previewImport(store: Store, op: Operator, sessions: RepsImportSessions, d: { fileName: string; table: Table; termId: string; joinedOn: string }): RepsImportPreview {
  assertRunner(op);
  const s = sessions.open(d);
  try {
    return plan(store, s).preview;
  } catch (e) {
    sessions.cancel(s.token);
    throw e;
  }
}

/** Re-checks the rows against the store as it is now and writes them in one transaction. */
export function commitImport(store: Store, op: Operator, actor: Actor, sessions: RepsImportSessions, d: z.output<typeof repsImportCommit>): RepsImportResult {
  assertRunner(op);
  const s = sessions.get(d.token);
  const result = store.tx(() => {
    const { preview, rows } = plan(store, s);
    if (preview.counts.invalid > 0 && !d.skipInvalid) throw new AppError('VALIDATION', 'err.congress.importHasProblems', { count: preview.counts.invalid });
    const todo = rows.filter((r) => r.status === 'add');
    if (todo.length === 0) throw new AppError('VALIDATION', 'err.congress.importNothing');
    const groupIds = new Map(store.all<{ id: string; name: string }>(`SELECT id, name FROM congress_groups WHERE term_id = ? AND deleted_at IS NULL`, [s.termId]).map((g) => [g.name, g.id]));
    let order = store.get<{ n: number }>(`SELECT coalesce(max(sort_order), 0) AS n FROM congress_groups WHERE term_id = ?`, [s.termId])!.n;
    let groupsCreated = 0;
    const now = nowIso();
    for (const r of todo) {
      if (!r.groupName || groupIds.has(r.groupName)) continue;
      const id = uuidv7();
      store.run(`INSERT INTO congress_groups (id, term_id, name, org_unit_id, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        id,
        s.termId,
        r.groupName,
        r.groupOrgUnitId,
        ++order,
        now,
        now,
      ]);
      writeAudit(store, actor, { entity: 'congress_group', entityId: id, action: 'create', after: { termId: s.termId, name: r.groupName, orgUnitId: r.groupOrgUnitId, source: s.fileName } });
      groupIds.set(r.groupName, id);
      groupsCreated++;
    }
    for (const r of todo) {
      insertMember(store, actor, {
        termId: s.termId,
        workerId: r.workerId!,
        groupId: r.groupName ? groupIds.get(r.groupName)! : null,
        kind: r.kind,
        presidium: r.presidium,
        joinedOn: s.joinedOn,
        joinedBy: r.kind === 'observer' ? 'invitation' : 'election',
      });
    }
    return { added: todo.length, already: preview.counts.already, skipped: preview.counts.invalid, groupsCreated };
  });
  sessions.cancel(d.token);
  return result;
}
