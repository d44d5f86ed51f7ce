import { COMMITTEE_ROLES, type CommitteeRole } from '../../../shared/roster/roles';
import { maskIdCard } from '../../../shared/roster/idcard';
import { AppError } from '../../../shared/result';
import type { WorkerData, WorkerQuery } from '../../../shared/roster/schemas';
import type { Page } from '../../../shared/kernel/types';
import type { Worker, WorkerRow } from '../../../shared/roster/types';
import { auditFor, writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { textSearchCondition } from '../db/fts';
import { ridsIn, rowsInOrder } from '../db/paging';
import { nowIso, todayLocal, uuidv7 } from '../util';
import { addDays, CERT_WARN_DAYS } from '../../../shared/roster/certs';
import { getUnit, placement } from '../org/service';
import { upsertRosterCert } from '../health/certs/service';

interface Row {
  id: string;
  emp_no: string;
  name: string;
  gender: 'M' | 'F';
  id_card: string | null;
  phone: string | null;
  workshop_id: string | null;
  workshop_name: string | null;
  team_id: string | null;
  team_name: string | null;
  post: string | null;
  hire_date: string | null;
  skill_grade: number | null;
  status: 'active' | 'left';
  roles: string;
  is_representative: number;
  is_frontline: number;
  is_manager: number;
  cert_type: string | null;
  cert_no: string | null;
  cert_expiry: string | null;
  /** the list's LIST_COLUMNS only */
  cert_due?: 'review' | 'expiry' | null;
  hazard_factors: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The worker's worst special-operation certificate: the earliest date one is due (its review, or its expiry first). */
const WORST_CERT = `(SELECT min(c.due_date) FROM health_certificates c WHERE c.worker_id = w.id AND c.deleted_at IS NULL)`;
/** What that date is: the worst certificate's next review ('review') or its expiry ('expiry', also on a tie) — as certDueDate. */
const WORST_CERT_DUE = `(SELECT CASE WHEN c.next_review_date IS NOT NULL AND c.next_review_date < c.expiry_date THEN 'review' ELSE 'expiry' END
  FROM health_certificates c WHERE c.worker_id = w.id AND c.deleted_at IS NULL
  ORDER BY c.due_date, (c.next_review_date IS NOT NULL AND c.next_review_date < c.expiry_date) LIMIT 1)`;
// the list's certExpiry is the worst certificate's due date (health_certificates), certDue says whether it is a review or
// the expiry (read for the page's rows only); the worker itself keeps the roster's columns
const LIST_COLUMNS = `w.id, w.emp_no, w.name, w.gender, w.id_card, w.phone, w.workshop_id, ws.name AS workshop_name,
  w.team_id, t.name AS team_name, w.post, w.hire_date, w.skill_grade, w.status, w.roles, w.is_representative, ${WORST_CERT} AS cert_expiry,
  ${WORST_CERT_DUE} AS cert_due, w.updated_at, w.deleted_at`;
const FROM = `FROM workers w LEFT JOIN org_units ws ON ws.id = w.workshop_id LEFT JOIN org_units t ON t.id = w.team_id`;

function toRow(r: Row): WorkerRow {
  return {
    id: r.id,
    empNo: r.emp_no,
    name: r.name,
    gender: r.gender,
    idCardMasked: maskIdCard(r.id_card),
    phone: r.phone,
    workshopId: r.workshop_id,
    workshopName: r.workshop_name,
    teamId: r.team_id,
    teamName: r.team_name,
    post: r.post,
    hireDate: r.hire_date,
    skillGrade: r.skill_grade,
    status: r.status,
    roles: JSON.parse(r.roles) as CommitteeRole[],
    isRepresentative: r.is_representative === 1,
    certExpiry: r.cert_expiry,
    ...(r.cert_due !== undefined ? { certDue: r.cert_due } : {}),
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

function toWorker(r: Row): Worker {
  return {
    ...toRow(r),
    idCard: r.id_card,
    orgUnitId: r.team_id ?? r.workshop_id,
    isFrontline: r.is_frontline === 1,
    isManager: r.is_manager === 1,
    certType: r.cert_type,
    certNo: r.cert_no,
    hazardFactors: JSON.parse(r.hazard_factors) as string[],
    createdAt: r.created_at,
  };
}

const SORT_SQL: Record<WorkerQuery['sortField'], string> = {
  empNo: 'w.emp_no',
  name: 'w.name',
  hireDate: 'w.hire_date',
  skillGrade: 'w.skill_grade',
  updatedAt: 'w.updated_at',
};

export interface BuiltQuery {
  where: string;
  params: unknown[];
  order: string;
  /** the filter scans every live row (short search term): count in the same pass */
  scans: boolean;
}

/** The one place the roster filter becomes SQL: list, export and the benchmark all use it. */
export function buildWorkerQuery(store: Store, q: Omit<WorkerQuery, 'page' | 'pageSize'>): BuiltQuery {
  // the recycle bin lists the deleted workers only; every other view the live ones
  const where: string[] = [q.status === 'deleted' ? 'w.deleted_at IS NOT NULL' : 'w.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (q.status !== 'all' && q.status !== 'deleted') {
    where.push('w.status = ?');
    params.push(q.status);
  }
  if (q.orgUnitId) {
    const u = getUnit(store, q.orgUnitId);
    where.push(u.kind === 'workshop' ? 'w.workshop_id = ?' : 'w.team_id = ?');
    params.push(u.id);
  }
  // a search counts in the same pass as it finds the page (window count); see workerListSql
  const scans = q.search.trim() !== '';
  const text = textSearchCondition(q.search, {
    rowid: 'w.rid',
    fts: 'workers_fts',
    grams: 'workers_grams',
    // FTS-driven when nothing else narrows the list; with a unit filter, walk the unit and probe the hit set
    probe: q.orgUnitId !== null,
    // digits: also part of a phone or ID-card number (kept out of the trigram index), by a scan
    alsoMatch: (s) =>
      [...s].length >= 3 && /^[0-9xX]+$/.test(s)
        ? { sql: `instr(coalesce(w.phone, ''), ?) > 0 OR instr(coalesce(w.id_card, ''), ?) > 0`, params: [s, s.toUpperCase()] }
        : null,
    // a short term with punctuation ('-', '_') is not in the character index: scan
    scan: (s) => ({
      sql: `(instr(lower(w.emp_no), ?) > 0 OR instr(w.name, ?) > 0 OR instr(lower(coalesce(w.post, '')), ?) > 0)`,
      params: [s.toLowerCase(), s, s.toLowerCase()],
    }),
  });
  if (text) {
    where.push(text.sql);
    params.push(...text.params);
  }
  // role_mask / special_mask are generated columns in the covering index workers_roster
  if (q.role === 'any') where.push('w.role_mask <> 0');
  else if (q.role) {
    where.push('(w.role_mask & ?) <> 0');
    params.push(1 << COMMITTEE_ROLES.indexOf(q.role));
  }
  if (q.gender) where.push(q.gender === 'F' ? '(w.special_mask & 4) <> 0' : '(w.special_mask & 4) = 0');
  const SPECIAL_BIT = { cert: 1, exposed: 2, female: 4, representative: 8 } as const;
  if (q.special) where.push(`(w.special_mask & ${SPECIAL_BIT[q.special]}) <> 0`);
  if (q.certDue) {
    const today = todayLocal();
    const soon = addDays(today, CERT_WARN_DAYS);
    // by the worst certificate (health_certificates): a review overdue counts as expired, as the certificate lapses
    if (q.certDue === 'expired') where.push(`${WORST_CERT} < ?`);
    else if (q.certDue === 'soon') where.push(`${WORST_CERT} BETWEEN ? AND ?`);
    else where.push(`${WORST_CERT} <= ?`);
    params.push(...(q.certDue === 'expired' ? [today] : q.certDue === 'soon' ? [today, soon] : [soon]));
  }
  const dir = q.sortDir === 'desc' ? 'DESC' : 'ASC';
  const order = `${SORT_SQL[q.sortField]} ${dir}${q.sortField === 'empNo' ? '' : `, w.emp_no ${dir}`}`;
  return { where: where.join(' AND '), params, order, scans };
}

/**
 * Two steps: the page's row ids come from the covering index alone (filter, sort, offset), then only those
 * rows are read with their workshop and team names. The count runs on the same index.
 */
export function workerListSql(b: BuiltQuery): { ids: string; rows: string; count: string } {
  return {
    ids: `SELECT w.rid${b.scans ? ', count(*) OVER () AS n' : ''} FROM workers w WHERE ${b.where} ORDER BY ${b.order} LIMIT ? OFFSET ?`,
    rows: `SELECT w.rid, ${LIST_COLUMNS} ${FROM} WHERE ${ridsIn('w.rid')}`,
    count: `SELECT count(*) AS n FROM workers w WHERE ${b.where}`,
  };
}

export function listWorkers(store: Store, q: WorkerQuery): Page<WorkerRow> {
  const b = buildWorkerQuery(store, q);
  const sql = workerListSql(b);
  const hits = store.all<{ rid: number; n?: number }>(sql.ids, [...b.params, q.pageSize, (q.page - 1) * q.pageSize]);
  // a scanning query counted in the same pass; otherwise (or past the last page) count on the index
  const total = b.scans && hits.length > 0 ? hits[0]!.n! : store.get<{ n: number }>(sql.count, b.params)!.n;
  const ids = hits.map((r) => r.rid);
  const rows = rowsInOrder<Row & { rid: number }, WorkerRow>(store, sql.rows, ids, (r) => toRow(r));
  return { rows, total, page: q.page, pageSize: q.pageSize };
}

export function* iterateWorkers(store: Store, q: Omit<WorkerQuery, 'page' | 'pageSize'>): Generator<Worker> {
  const b = buildWorkerQuery(store, q);
  const stmt = store.db.prepare(
    `SELECT w.*, ws.name AS workshop_name, t.name AS team_name ${FROM} WHERE ${b.where} ORDER BY ${b.order}`,
  );
  for (const r of stmt.iterate(b.params) as IterableIterator<Row>) yield toWorker(r);
}

function findRow(store: Store, where: string, param: string): Row | undefined {
  return store.get<Row>(`SELECT w.*, ws.name AS workshop_name, t.name AS team_name ${FROM} WHERE ${where}`, [param]);
}

export function getWorker(store: Store, id: string, opts: { includeDeleted?: boolean } = {}): Worker {
  const r = findRow(store, 'w.id = ?', id);
  if (!r || (r.deleted_at && !opts.includeDeleted)) throw new AppError('NOT_FOUND', 'err.worker.notFound', { id });
  return toWorker(r);
}

export function findWorkerByEmpNo(store: Store, empNo: string): Worker | null {
  const r = findRow(store, 'w.emp_no = ?', empNo);
  return r ? toWorker(r) : null;
}

function assertIdCardFree(store: Store, idCard: string | null, exceptId: string | null) {
  if (!idCard) return;
  const r = store.get<{ id: string; emp_no: string }>(
    'SELECT id, emp_no FROM workers WHERE id_card = ? AND deleted_at IS NULL',
    [idCard],
  );
  if (r && r.id !== exceptId) {
    throw new AppError('CONFLICT', 'err.worker.idCardTaken', {
      empNo: r.emp_no,
      issues: [{ path: 'idCard', message: 'v.duplicate' }],
    });
  }
}

/** Filter bits kept beside the JSON so the roster index can answer role and special-group filters. */
export function masks(d: Pick<WorkerData, 'roles' | 'certNo' | 'hazardFactors' | 'gender' | 'isRepresentative'>): [number, number] {
  const role = d.roles.reduce((m, r) => m | (1 << COMMITTEE_ROLES.indexOf(r)), 0);
  const special = (d.certNo ? 1 : 0) | (d.hazardFactors.length ? 2 : 0) | (d.gender === 'F' ? 4 : 0) | (d.isRepresentative ? 8 : 0);
  return [role, special];
}

function columns(d: WorkerData, place: { workshopId: string | null; teamId: string | null }) {
  return [
    d.empNo,
    d.name,
    d.gender,
    d.idCard,
    d.phone,
    place.workshopId,
    place.teamId,
    d.post,
    d.hireDate,
    d.skillGrade,
    d.status,
    JSON.stringify(d.roles),
    d.isRepresentative ? 1 : 0,
    d.isFrontline ? 1 : 0,
    d.isManager ? 1 : 0,
    d.certType,
    d.certNo,
    d.certExpiry,
    JSON.stringify(d.hazardFactors),
    ...masks(d),
  ];
}


/** Inside a transaction. */
/**
 * Bulk writers (the roster import) validate a whole file against the store inside the same transaction first;
 * they pass `checked` with the row's placement, which skips the per-row look-ups. The UNIQUE indexes still guard.
 */
export interface CheckedRow {
  place: { workshopId: string | null; teamId: string | null };
}

/** Inside a transaction. */
export function insertWorker(store: Store, actor: Actor, d: WorkerData, now = nowIso(), reason: string | null = null, checked?: CheckedRow): string {
  const existing = checked ? undefined : store.get<{ id: string; deleted_at: string | null }>('SELECT id, deleted_at FROM workers WHERE emp_no = ?', [d.empNo]);
  if (existing) {
    throw new AppError(
      'CONFLICT',
      existing.deleted_at ? 'err.worker.empNoDeleted' : 'err.worker.empNoTaken',
      { empNo: d.empNo, issues: [{ path: 'empNo', message: 'v.duplicate' }] },
    );
  }
  if (!checked) assertIdCardFree(store, d.idCard, null);
  const place = checked ? checked.place : placement(store, d.orgUnitId);
  const id = uuidv7();
  store.run(
    `INSERT INTO workers (id, emp_no, name, gender, id_card, phone, workshop_id, team_id, post, hire_date, skill_grade, status,
       roles, is_representative, is_frontline, is_manager, cert_type, cert_no, cert_expiry, hazard_factors, role_mask, special_mask,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, ...columns(d, place), now, now],
  );
  upsertRosterCert(store, actor, id, d, null, checked ? 'import' : 'roster', now);
  // the audit keeps what was written: the validated data with its placement
  const after = checked ? { id, ...d, ...place } : getWorker(store, id);
  writeAudit(store, actor, { entity: 'worker', entityId: id, action: 'create', after, reason }, now);
  return id;
}

/** Inside a transaction. Also revives a soft-deleted worker (import by employee number does that). */
export function replaceWorker(
  store: Store,
  actor: Actor,
  id: string,
  d: WorkerData,
  now = nowIso(),
  action = 'update',
  reason: string | null = null,
  checked?: CheckedRow,
): Worker {
  const before = getWorker(store, id, { includeDeleted: true });
  if (!checked && before.empNo !== d.empNo) {
    const other = store.get<{ id: string }>('SELECT id FROM workers WHERE emp_no = ?', [d.empNo]);
    if (other && other.id !== id) {
      throw new AppError('CONFLICT', 'err.worker.empNoTaken', { empNo: d.empNo, issues: [{ path: 'empNo', message: 'v.duplicate' }] });
    }
  }
  if (!checked) assertIdCardFree(store, d.idCard, id);
  const place = checked ? checked.place : placement(store, d.orgUnitId);
  store.run(
    `UPDATE workers SET emp_no = ?, name = ?, gender = ?, id_card = ?, phone = ?, workshop_id = ?, team_id = ?, post = ?,
       hire_date = ?, skill_grade = ?, status = ?, roles = ?, is_representative = ?, is_frontline = ?, is_manager = ?,
       cert_type = ?, cert_no = ?, cert_expiry = ?, hazard_factors = ?, role_mask = ?, special_mask = ?, updated_at = ?, deleted_at = NULL
     WHERE id = ?`,
    [...columns(d, place), now, id],
  );
  upsertRosterCert(store, actor, id, d, before, checked ? 'import' : 'roster', now);
  const after = getWorker(store, id);
  writeAudit(store, actor, { entity: 'worker', entityId: id, action, before, after, reason }, now);
  return after;
}

export function createWorker(store: Store, actor: Actor, d: WorkerData): Worker {
  return store.tx(() => getWorker(store, insertWorker(store, actor, d)));
}

export function updateWorker(store: Store, actor: Actor, id: string, d: WorkerData): Worker {
  return store.tx(() => {
    getWorker(store, id); // a deleted worker must be restored first
    return replaceWorker(store, actor, id, d);
  });
}

export function removeWorker(store: Store, actor: Actor, id: string): { id: string } {
  return store.tx(() => {
    const before = getWorker(store, id);
    const op = store.get<{ id: string }>('SELECT id FROM operators WHERE worker_id = ? AND deleted_at IS NULL', [id]);
    if (op) throw new AppError('CONFLICT', 'err.worker.isOperator');
    const now = nowIso();
    store.run('UPDATE workers SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]);
    writeAudit(store, actor, { entity: 'worker', entityId: id, action: 'delete', before, after: getWorker(store, id, { includeDeleted: true }) }, now);
    return { id };
  });
}

export function restoreWorker(store: Store, actor: Actor, id: string): Worker {
  return store.tx(() => {
    const before = getWorker(store, id, { includeDeleted: true });
    if (!before.deletedAt) return before;
    // someone else took the ID card meanwhile (the employee number stays reserved while deleted: never reused)
    if (before.idCard) {
      const other = store.get<{ emp_no: string }>('SELECT emp_no FROM workers WHERE id_card = ? AND deleted_at IS NULL AND id <> ?', [before.idCard, id]);
      if (other) {
        throw new AppError('CONFLICT', 'err.worker.restoreIdCardTaken', { empNo: other.emp_no, issues: [{ path: 'idCard', message: 'v.duplicate' }] });
      }
    }
    // an active worker never sits in a retired or removed unit (retiring refuses while active workers remain)
    for (const unitId of [before.teamId, before.workshopId]) {
      if (!unitId) continue;
      const u = store.get<{ name: string; retired: number; deleted: number }>(
        'SELECT name, retired_at IS NOT NULL AS retired, deleted_at IS NOT NULL AS deleted FROM org_units WHERE id = ?',
        [unitId],
      );
      if (u && (u.deleted || (u.retired && before.status === 'active'))) throw new AppError('CONFLICT', 'err.worker.restoreUnitRetired', { unit: u.name });
    }
    const now = nowIso();
    store.run('UPDATE workers SET deleted_at = NULL, updated_at = ? WHERE id = ?', [now, id]);
    const after = getWorker(store, id);
    writeAudit(store, actor, { entity: 'worker', entityId: id, action: 'restore', before, after }, now);
    return after;
  });
}

export function workerHistory(store: Store, id: string) {
  getWorker(store, id, { includeDeleted: true });
  return auditFor(store, 'worker', id);
}
