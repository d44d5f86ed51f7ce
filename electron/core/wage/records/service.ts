// The skill-level wage's records: safe production time, behaviour records, accidents. Writes: one transaction → read
// before → change → read after → audit; a refusal throws before anything is written (or rolls the transaction back).
import type { z } from 'zod';
import { isImageMime } from '../../../../shared/attachments/rules';
import type { Operator } from '../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import {
  periodDays,
  type accidentInput,
  type accidentsQuery,
  type accidentUpdate,
  type behaviourInput,
  type behaviourQuery,
  type behaviourUpdate,
  type timekeepingQuery,
  type timekeepingSave,
} from '../../../../shared/wage/records/schemas';
import { WAGE_RECORDERS, type Accident, type Behaviour, type Timekeeping } from '../../../../shared/wage/records/types';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';

/** Union officers, safety officers and administrators enter the records; the backend refuses the rest. */
export function assertRecorder(op: Operator): void {
  if (!holdsAnyRole(op, WAGE_RECORDERS)) throw new AppError('FORBIDDEN', 'err.wage.recordersOnly');
}

const issue = (path: string, message = 'v.invalid') => ({ issues: [{ path, message }] });

function assertWorker(store: Store, id: string, path: string): void {
  if (!store.get(`SELECT 1 FROM workers WHERE id = ? AND deleted_at IS NULL`, [id])) throw new AppError('NOT_FOUND', 'err.worker.notFound', { id, ...issue(path) });
}

/**
 * When each worker was on the roster, as the monthly run reads it (runs/inputs.ts): hired on hire_date (none: long
 * ago) and, when set to 'left', left on the day of the audit entry that changed the status (none: not known).
 */
export function rosterSpans(store: Store, workerId?: string): Map<string, { name: string; hireDate: string | null; leftOn: string | null }> {
  const out = new Map<string, { name: string; hireDate: string | null; leftOn: string | null }>();
  const one = workerId ? ' AND w.id = ?' : '';
  for (const w of store.all<{ id: string; name: string; hire_date: string | null }>(`SELECT w.id, w.name, w.hire_date FROM workers w WHERE w.deleted_at IS NULL${one}`, workerId ? [workerId] : [])) {
    out.set(w.id, { name: w.name, hireDate: w.hire_date, leftOn: null });
  }
  for (const r of store.all<{ id: string; d: string }>(
    `SELECT w.id, max(substr(a.at, 1, 10)) AS d
     FROM workers w CROSS JOIN audit_log a ON a.entity = 'worker' AND a.entity_id = w.id
     WHERE w.deleted_at IS NULL AND w.status = 'left'${one}
       AND json_extract(a.after, '$.status') = 'left' AND json_extract(a.before, '$.status') = 'active'
     GROUP BY w.id`,
    workerId ? [workerId] : [],
  )) {
    const w = out.get(r.id);
    if (w) w.leftOn = r.d;
  }
  return out;
}

/** Why a worker has no time in a month: hired after it, or left before it (null when on the roster in it). */
export function offRosterProblem(span: { name: string; hireDate: string | null; leftOn: string | null } | undefined, period: string): { message: string; params: Record<string, string> } | null {
  if (!span) return null;
  const { from, to } = periodDays(period);
  if (span.hireDate && span.hireDate > to) return { message: 'err.wage.hiredAfter', params: { name: span.name, date: span.hireDate, period } };
  if (span.leftOn && span.leftOn < from) return { message: 'err.wage.leftBefore', params: { name: span.name, date: span.leftOn, period } };
  return null;
}

function assertTeam(store: Store, id: string): void {
  const u = store.get<{ kind: string }>(`SELECT kind FROM org_units WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!u) throw new AppError('NOT_FOUND', 'err.org.notFound', { id, ...issue('teamId') });
  if (u.kind !== 'team') throw new AppError('VALIDATION', 'err.wage.notTeam', issue('teamId'));
}

/** Evidence is a photo: a document (agenda material) cannot be one. */
function assertPhoto(store: Store, id: string): void {
  const a = store.get<{ mime: string; original_name: string | null }>(`SELECT mime, original_name FROM attachments WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!a) throw new AppError('NOT_FOUND', 'err.photo.notFound', { id, ...issue('evidenceId') });
  if (!isImageMime(a.mime)) throw new AppError('VALIDATION', 'err.attachment.notImage', { id, name: a.original_name ?? '', ...issue('evidenceId', 'v.photo') });
}

/** The date bounds of a query: a month, or a range with either end open. */
function dateBounds(q: { period: string | null; from: string | null; to: string | null }): { from: string | null; to: string | null } {
  return q.period ? periodDays(q.period) : { from: q.from, to: q.to };
}

// ---------------------------------------------------------------------------------------------------------
// Safe production time

interface TimekeepingRow {
  id: string;
  worker_id: string;
  emp_no: string;
  name: string;
  workshop_name: string | null;
  team_name: string | null;
  period: string;
  hours: number | null;
  shifts: number | null;
  source: Timekeeping['source'];
  note: string | null;
  updated_at: string;
}
const TIMEKEEPING_SELECT = `
  SELECT t.id, t.worker_id, w.emp_no, w.name, ws.name AS workshop_name, tm.name AS team_name, t.period, t.hours, t.shifts, t.source, t.note, t.updated_at
  FROM wage_timekeeping t
  JOIN workers w ON w.id = t.worker_id
  LEFT JOIN org_units ws ON ws.id = w.workshop_id
  LEFT JOIN org_units tm ON tm.id = w.team_id`;
const toTimekeeping = (r: TimekeepingRow): Timekeeping => ({
  id: r.id,
  workerId: r.worker_id,
  empNo: r.emp_no,
  name: r.name,
  workshopName: r.workshop_name,
  teamName: r.team_name,
  period: r.period,
  hours: r.hours,
  shifts: r.shifts,
  source: r.source,
  note: r.note,
  updatedAt: r.updated_at,
});

/** A month's time, by employee number; `search` matches the name or the employee number. */
export function listTimekeeping(store: Store, q: z.output<typeof timekeepingQuery>): Timekeeping[] {
  const s = q.search?.toLowerCase() ?? null;
  return store
    .all<TimekeepingRow>(
      `${TIMEKEEPING_SELECT} WHERE t.period = :period AND (:s IS NULL OR instr(lower(w.name), :s) > 0 OR instr(lower(w.emp_no), :s) > 0)
       ORDER BY w.emp_no`,
      { period: q.period, s },
    )
    .map(toTimekeeping);
}

function getTimekeeping(store: Store, id: string): Timekeeping {
  const r = store.get<TimekeepingRow>(`${TIMEKEEPING_SELECT} WHERE t.id = ?`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.wage.timekeepingNotFound', { id });
  return toTimekeeping(r);
}

/**
 * Saves one worker's month. The same worker and month again updates the row (no duplicate); `source` says how it came
 * (an import passes 'import').
 */
export function saveTimekeeping(
  store: Store,
  op: Operator,
  actor: Actor,
  d: z.output<typeof timekeepingSave>,
  source: Timekeeping['source'] = 'manual',
): Timekeeping {
  assertRecorder(op);
  return store.tx(() => {
    assertWorker(store, d.workerId, 'workerId');
    const off = offRosterProblem(rosterSpans(store, d.workerId).get(d.workerId), d.period);
    if (off) throw new AppError('VALIDATION', off.message, { ...off.params, ...issue('period', off.message) });
    const now = nowIso();
    const existing = store.get<{ id: string }>(`SELECT id FROM wage_timekeeping WHERE worker_id = ? AND period = ?`, [d.workerId, d.period]);
    if (existing) {
      const before = getTimekeeping(store, existing.id);
      store.run(`UPDATE wage_timekeeping SET hours = ?, shifts = ?, source = ?, note = ?, updated_at = ? WHERE id = ?`, [d.hours, d.shifts, source, d.note, now, existing.id]);
      const after = getTimekeeping(store, existing.id);
      writeAudit(store, actor, { entity: 'wage_timekeeping', entityId: existing.id, action: 'update', before, after }, now);
      return after;
    }
    const id = uuidv7();
    store.run(
      `INSERT INTO wage_timekeeping (id, worker_id, period, hours, shifts, source, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, d.workerId, d.period, d.hours, d.shifts, source, d.note, now, now],
    );
    const after = getTimekeeping(store, id);
    writeAudit(store, actor, { entity: 'wage_timekeeping', entityId: id, action: 'create', after }, now);
    return after;
  });
}

/** Removes a month's time entered by mistake (the audit log keeps what it was). */
export function deleteTimekeeping(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertRecorder(op);
  return store.tx(() => {
    const before = getTimekeeping(store, id);
    store.run(`DELETE FROM wage_timekeeping WHERE id = ?`, [id]);
    writeAudit(store, actor, { entity: 'wage_timekeeping', entityId: id, action: 'delete', before });
    return { deleted: true };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Behaviour records

interface BehaviourRow {
  id: string;
  date: string;
  worker_id: string | null;
  emp_no: string | null;
  worker_name: string | null;
  team_id: string | null;
  team_name: string | null;
  kind: Behaviour['kind'];
  category: string;
  points: number;
  note: string | null;
  evidence_id: string | null;
  entered_by_name: string;
  updated_at: string;
  deleted_at: string | null;
}
const BEHAVIOUR_SELECT = `
  SELECT b.id, b.date, b.worker_id, w.emp_no, w.name AS worker_name, b.team_id, tm.name AS team_name, b.kind, b.category, b.points, b.note,
    b.evidence_id, b.entered_by_name, b.updated_at, b.deleted_at
  FROM wage_behaviour b
  LEFT JOIN workers w ON w.id = b.worker_id
  LEFT JOIN org_units tm ON tm.id = b.team_id`;
const toBehaviour = (r: BehaviourRow): Behaviour => ({
  id: r.id,
  date: r.date,
  workerId: r.worker_id,
  empNo: r.emp_no,
  workerName: r.worker_name,
  teamId: r.team_id,
  teamName: r.team_name,
  kind: r.kind,
  category: r.category,
  points: r.points,
  note: r.note,
  evidenceId: r.evidence_id,
  enteredBy: r.entered_by_name,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

/** Newest first. `deleted`: the deleted records instead (to restore one). */
export function listBehaviour(store: Store, q: z.output<typeof behaviourQuery>): Behaviour[] {
  const { from, to } = dateBounds(q);
  return store
    .all<BehaviourRow>(
      `${BEHAVIOUR_SELECT}
       WHERE (b.deleted_at IS NULL) = :live AND (:from IS NULL OR b.date >= :from) AND (:to IS NULL OR b.date <= :to)
         AND (:workerId IS NULL OR b.worker_id = :workerId) AND (:teamId IS NULL OR b.team_id = :teamId) AND (:kind IS NULL OR b.kind = :kind)
       ORDER BY b.date DESC, b.rid DESC`,
      { live: q.deleted ? 0 : 1, from, to, workerId: q.workerId, teamId: q.teamId, kind: q.kind },
    )
    .map(toBehaviour);
}

function getBehaviour(store: Store, id: string, deleted = false): Behaviour {
  const r = store.get<BehaviourRow>(`${BEHAVIOUR_SELECT} WHERE b.id = ?`, [id]);
  if (!r || (r.deleted_at !== null) !== deleted) {
    if (r && deleted) throw new AppError('CONFLICT', 'err.wage.notDeleted', { id });
    throw new AppError('NOT_FOUND', 'err.wage.behaviourNotFound', { id });
  }
  return toBehaviour(r);
}

function checkBehaviour(store: Store, d: z.output<typeof behaviourInput>): void {
  if (d.workerId) assertWorker(store, d.workerId, 'workerId');
  if (d.teamId) assertTeam(store, d.teamId);
  if (d.evidenceId) assertPhoto(store, d.evidenceId);
}

export function createBehaviour(store: Store, op: Operator, actor: Actor, d: z.output<typeof behaviourInput>): Behaviour {
  assertRecorder(op);
  return store.tx(() => {
    checkBehaviour(store, d);
    const id = uuidv7();
    const now = nowIso();
    store.run(
      `INSERT INTO wage_behaviour (id, date, worker_id, team_id, kind, category, points, note, evidence_id, entered_by_id, entered_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, d.date, d.workerId, d.teamId, d.kind, d.category, d.points, d.note, d.evidenceId, actor.id, actor.name, now, now],
    );
    const after = getBehaviour(store, id);
    writeAudit(store, actor, { entity: 'wage_behaviour', entityId: id, action: 'create', after }, now);
    return after;
  });
}

export function updateBehaviour(store: Store, op: Operator, actor: Actor, d: z.output<typeof behaviourUpdate>): Behaviour {
  assertRecorder(op);
  return store.tx(() => {
    const before = getBehaviour(store, d.id);
    checkBehaviour(store, d);
    const now = nowIso();
    store.run(
      `UPDATE wage_behaviour SET date = ?, worker_id = ?, team_id = ?, kind = ?, category = ?, points = ?, note = ?, evidence_id = ?, updated_at = ? WHERE id = ?`,
      [d.date, d.workerId, d.teamId, d.kind, d.category, d.points, d.note, d.evidenceId, now, d.id],
    );
    const after = getBehaviour(store, d.id);
    writeAudit(store, actor, { entity: 'wage_behaviour', entityId: d.id, action: 'update', before, after }, now);
    return after;
  });
}

/** Marks the record deleted; it stays, and can be restored. */
export function deleteBehaviour(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertRecorder(op);
  return store.tx(() => {
    const before = getBehaviour(store, id);
    const now = nowIso();
    store.run(`UPDATE wage_behaviour SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'wage_behaviour', entityId: id, action: 'delete', before }, now);
    return { deleted: true };
  });
}

export function restoreBehaviour(store: Store, op: Operator, actor: Actor, id: string): Behaviour {
  assertRecorder(op);
  return store.tx(() => {
    const before = getBehaviour(store, id, true);
    const now = nowIso();
    store.run(`UPDATE wage_behaviour SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getBehaviour(store, id);
    writeAudit(store, actor, { entity: 'wage_behaviour', entityId: id, action: 'restore', before, after }, now);
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Accidents

interface AccidentRow {
  id: string;
  date: string;
  place: string;
  severity: Accident['severity'];
  description: string;
  team_id: string | null;
  team_name: string | null;
  entered_by_name: string;
  updated_at: string;
  deleted_at: string | null;
}
const ACCIDENT_SELECT = `
  SELECT a.id, a.date, a.place, a.severity, a.description, a.team_id, tm.name AS team_name, a.entered_by_name, a.updated_at, a.deleted_at
  FROM wage_accidents a
  LEFT JOIN org_units tm ON tm.id = a.team_id`;

function withWorkers(store: Store, rows: AccidentRow[]): Accident[] {
  if (rows.length === 0) return [];
  const byAccident = new Map<string, Accident['workers']>(rows.map((r) => [r.id, []]));
  const links = store.all<{ accident_id: string; worker_id: string; emp_no: string; name: string }>(
    `SELECT aw.accident_id, aw.worker_id, w.emp_no, w.name FROM wage_accident_workers aw JOIN workers w ON w.id = aw.worker_id
     WHERE aw.accident_id IN (SELECT value FROM json_each(?)) ORDER BY aw.accident_id, aw.sort_order`,
    [JSON.stringify(rows.map((r) => r.id))],
  );
  for (const l of links) byAccident.get(l.accident_id)!.push({ workerId: l.worker_id, empNo: l.emp_no, name: l.name });
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    place: r.place,
    severity: r.severity,
    description: r.description,
    teamId: r.team_id,
    teamName: r.team_name,
    workers: byAccident.get(r.id)!,
    enteredBy: r.entered_by_name,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  }));
}

/** Newest first. `workerId`: the accidents the worker was involved in. `deleted`: the deleted ones instead. */
export function listAccidents(store: Store, q: z.output<typeof accidentsQuery>): Accident[] {
  const { from, to } = dateBounds(q);
  const rows = store.all<AccidentRow>(
    `${ACCIDENT_SELECT}
     WHERE (a.deleted_at IS NULL) = :live AND (:from IS NULL OR a.date >= :from) AND (:to IS NULL OR a.date <= :to)
       AND (:teamId IS NULL OR a.team_id = :teamId) AND (:severity IS NULL OR a.severity = :severity)
       AND (:workerId IS NULL OR EXISTS (SELECT 1 FROM wage_accident_workers aw WHERE aw.accident_id = a.id AND aw.worker_id = :workerId))
     ORDER BY a.date DESC, a.rid DESC`,
    { live: q.deleted ? 0 : 1, from, to, teamId: q.teamId, severity: q.severity, workerId: q.workerId },
  );
  return withWorkers(store, rows);
}

function getAccident(store: Store, id: string, deleted = false): Accident {
  const r = store.get<AccidentRow>(`${ACCIDENT_SELECT} WHERE a.id = ?`, [id]);
  if (!r || (r.deleted_at !== null) !== deleted) {
    if (r && deleted) throw new AppError('CONFLICT', 'err.wage.notDeleted', { id });
    throw new AppError('NOT_FOUND', 'err.wage.accidentNotFound', { id });
  }
  return withWorkers(store, [r])[0]!;
}

function checkAccident(store: Store, d: z.output<typeof accidentInput>): void {
  if (d.teamId) assertTeam(store, d.teamId);
  d.workerIds.forEach((w, i) => assertWorker(store, w, `workerIds.${i}`));
}

function writeWorkers(store: Store, id: string, workerIds: readonly string[]): void {
  store.run(`DELETE FROM wage_accident_workers WHERE accident_id = ?`, [id]);
  workerIds.forEach((w, i) => store.run(`INSERT INTO wage_accident_workers (accident_id, worker_id, sort_order) VALUES (?, ?, ?)`, [id, w, i + 1]));
}

export function createAccident(store: Store, op: Operator, actor: Actor, d: z.output<typeof accidentInput>): Accident {
  assertRecorder(op);
  return store.tx(() => {
    checkAccident(store, d);
    const id = uuidv7();
    const now = nowIso();
    store.run(
      `INSERT INTO wage_accidents (id, date, place, severity, description, team_id, entered_by_id, entered_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, d.date, d.place, d.severity, d.description, d.teamId, actor.id, actor.name, now, now],
    );
    writeWorkers(store, id, d.workerIds);
    const after = getAccident(store, id);
    writeAudit(store, actor, { entity: 'wage_accident', entityId: id, action: 'create', after }, now);
    return after;
  });
}

export function updateAccident(store: Store, op: Operator, actor: Actor, d: z.output<typeof accidentUpdate>): Accident {
  assertRecorder(op);
  return store.tx(() => {
    const before = getAccident(store, d.id);
    checkAccident(store, d);
    const now = nowIso();
    store.run(`UPDATE wage_accidents SET date = ?, place = ?, severity = ?, description = ?, team_id = ?, updated_at = ? WHERE id = ?`, [
      d.date,
      d.place,
      d.severity,
      d.description,
      d.teamId,
      now,
      d.id,
    ]);
    writeWorkers(store, d.id, d.workerIds);
    const after = getAccident(store, d.id);
    writeAudit(store, actor, { entity: 'wage_accident', entityId: d.id, action: 'update', before, after }, now);
    return after;
  });
}

export function deleteAccident(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertRecorder(op);
  return store.tx(() => {
    const before = getAccident(store, id);
    const now = nowIso();
    store.run(`UPDATE wage_accidents SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'wage_accident', entityId: id, action: 'delete', before }, now);
    return { deleted: true };
  });
}

export function restoreAccident(store: Store, op: Operator, actor: Actor, id: string): Accident {
  assertRecorder(op);
  return store.tx(() => {
    const before = getAccident(store, id, true);
    const now = nowIso();
    store.run(`UPDATE wage_accidents SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getAccident(store, id);
    writeAudit(store, actor, { entity: 'wage_accident', entityId: id, action: 'restore', before, after }, now);
    return after;
  });
}
