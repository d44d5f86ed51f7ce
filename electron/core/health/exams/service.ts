// Health exams (issue 10): batches (a clinic's visit: date, institution, kind, report file) and one exam per worker in a
// batch. Writes: one transaction → read before → change → read after → audit; a refusal throws before anything is
// written (or rolls the transaction back). An exam's date and kind are its batch's. Whenever exams are written, the
// plan's due dates of those workers are refreshed (./written.ts).
import type { z } from 'zod';
import type { Operator } from '../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { HEALTH_RESULT_READERS, readsHealthResults } from '../../../../shared/health/privacy';
import { AppError } from '../../../../shared/result';
import { CONCLUSIONS, HEALTH_WRITERS, type Conclusion, type ExamKind } from '../../../../shared/health/kinds';
import { needsFactor, type batchesQuery, type batchInput, type batchUpdate, type examInput, type examsSave } from '../../../../shared/health/exams/schemas';
import type { BatchDetail, BatchPage, Exam, ExamBatch, FactorOption } from '../../../../shared/health/exams/types';
import { restrictAttachment } from '../../attachments/service';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';
import { examsWritten } from './written';

/** 职业卫生管理员, 安全员, 工会干部 and administrators record exams; the backend refuses the rest. */
export function assertHealthWriter(op: Operator): void {
  if (!holdsAnyRole(op, HEALTH_WRITERS)) throw new AppError('FORBIDDEN', 'err.health.exam.writersOnly');
}

/**
 * Exam conclusions and the health file are the worker's private medical data (GBZ 188): the same people read them
 * (shared/health/privacy.ts); the backend refuses the rest with FORBIDDEN before anything is read.
 */
export function assertHealthReader(op: Operator): void {
  if (!readsHealthResults(op)) throw new AppError('FORBIDDEN', 'err.health.exam.readersOnly');
}

const issue = (path: string, message = 'v.invalid') => ({ issues: [{ path, message }] });

// ---- batches ----
interface BatchRow {
  id: string;
  date: string;
  institution: string;
  kind: ExamKind;
  report_id: string | null;
  report_name: string | null;
  source: 'manual' | 'import';
  file_name: string | null;
  note: string | null;
  entered_by_name: string;
  updated_at: string;
  deleted_at: string | null;
  counts: string | null;
}
const BATCH_SELECT = `
  SELECT b.id, b.date, b.institution, b.kind, b.report_id, a.original_name AS report_name, b.source, b.file_name, b.note,
         b.entered_by_name, b.updated_at, b.deleted_at,
         (SELECT json_group_object(conclusion, n) FROM (SELECT e.conclusion, count(*) AS n FROM health_exams e
            WHERE e.batch_id = b.id AND e.deleted_at IS NULL GROUP BY e.conclusion)) AS counts
  FROM health_exam_batches b LEFT JOIN attachments a ON a.id = b.report_id`;
function toBatch(r: BatchRow): ExamBatch {
  const raw = JSON.parse(r.counts ?? '{}') as Partial<Record<Conclusion, number>>;
  const conclusions = Object.fromEntries(CONCLUSIONS.map((c) => [c, raw[c] ?? 0])) as Record<Conclusion, number>;
  return {
    id: r.id,
    date: r.date,
    institution: r.institution,
    kind: r.kind,
    reportId: r.report_id,
    reportName: r.report_name,
    source: r.source,
    fileName: r.file_name,
    note: r.note,
    enteredByName: r.entered_by_name,
    examCount: Object.values(conclusions).reduce((s, n) => s + n, 0),
    conclusions,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export function getBatch(store: Store, id: string): ExamBatch {
  const r = store.get<BatchRow>(`${BATCH_SELECT} WHERE b.id = ?`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.health.exam.batchNotFound', { id });
  return toBatch(r);
}
function liveBatch(store: Store, id: string): ExamBatch {
  const b = getBatch(store, id);
  if (b.deletedAt) throw new AppError('CONFLICT', 'err.health.exam.batchDeleted', { date: b.date, institution: b.institution });
  return b;
}

/** Batches newest first; `search` matches the institution or the note; a year and a kind narrow them. */
export function listBatches(store: Store, q: z.output<typeof batchesQuery>): BatchPage {
  const where = `WHERE (b.deleted_at IS NULL) = :live AND (:year IS NULL OR substr(b.date, 1, 4) = :year)
    AND (:kind IS NULL OR b.kind = :kind) AND (:s IS NULL OR instr(lower(b.institution), :s) > 0 OR instr(lower(coalesce(b.note, '')), :s) > 0)`;
  const p = { live: q.deleted ? 0 : 1, year: q.year === null ? null : String(q.year), kind: q.kind, s: q.search?.toLowerCase() ?? null };
  const total = store.get<{ n: number }>(`SELECT count(*) AS n FROM health_exam_batches b ${where}`, p)!.n;
  const rows = store
    .all<BatchRow>(`${BATCH_SELECT} ${where} ORDER BY b.date DESC, b.rid DESC LIMIT :limit OFFSET :offset`, { ...p, limit: q.pageSize, offset: (q.page - 1) * q.pageSize })
    .map(toBatch);
  return { rows, total };
}

/** The report must exist; attached to a batch it is medical data: only the readers of exam results open it. */
function assertReport(store: Store, id: string | null): void {
  if (!id) return;
  if (!store.get(`SELECT 1 FROM attachments WHERE id = ? AND deleted_at IS NULL`, [id])) {
    throw new AppError('NOT_FOUND', 'err.health.exam.reportNotFound', { id, ...issue('reportId') });
  }
  restrictAttachment(store, id, HEALTH_RESULT_READERS);
}
/** The live batch of the same date, institution and kind (another one than `except`). */
export function sameBatch(store: Store, d: { date: string; institution: string; kind: ExamKind }, except: string | null = null): { id: string } | undefined {
  return store.get<{ id: string }>(
    `SELECT id FROM health_exam_batches WHERE deleted_at IS NULL AND date = ? AND institution = ? AND kind = ? AND id IS NOT ? LIMIT 1`,
    [d.date, d.institution, d.kind, except],
  );
}
function assertNoTwin(store: Store, d: { date: string; institution: string; kind: ExamKind }, except: string | null): void {
  if (sameBatch(store, d, except)) throw new AppError('CONFLICT', 'err.health.exam.batchExists', { date: d.date, institution: d.institution, ...issue('date', 'err.health.exam.batchExists') });
}

export function createBatch(
  store: Store,
  op: Operator,
  actor: Actor,
  d: z.output<typeof batchInput>,
  from: { source: 'manual' | 'import'; fileName: string | null } = { source: 'manual', fileName: null },
): ExamBatch {
  assertHealthWriter(op);
  return store.tx(() => {
    assertReport(store, d.reportId);
    assertNoTwin(store, d, null);
    const id = uuidv7();
    const now = nowIso();
    store.run(
      `INSERT INTO health_exam_batches (id, date, institution, kind, report_id, source, file_name, note, entered_by_id, entered_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, d.date, d.institution, d.kind, d.reportId, from.source, from.fileName, d.note, op.id, op.name, now, now],
    );
    const after = getBatch(store, id);
    writeAudit(store, actor, { entity: 'health_exam_batch', entityId: id, action: 'create', after }, now);
    return after;
  });
}

/** Changes a batch; its exams take its date and kind. A recheck due before the new date is refused. */
export function updateBatch(store: Store, op: Operator, actor: Actor, d: z.output<typeof batchUpdate>): ExamBatch {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = liveBatch(store, d.id);
    assertReport(store, d.reportId);
    assertNoTwin(store, d, d.id);
    const early = store.get<{ n: number }>(`SELECT count(*) AS n FROM health_exams WHERE batch_id = ? AND deleted_at IS NULL AND recheck_due < ?`, [d.id, d.date])!.n;
    if (early > 0) throw new AppError('VALIDATION', 'err.health.exam.rechecksBeforeDate', { count: early, date: d.date, ...issue('date', 'err.health.exam.rechecksBeforeDate') });
    if (d.kind !== before.kind && needsFactor(d.kind)) {
      const bare = store.get<{ n: number }>(`SELECT count(*) AS n FROM health_exams WHERE batch_id = ? AND deleted_at IS NULL AND factor_ids = '[]'`, [d.id])!.n;
      if (bare > 0) throw new AppError('VALIDATION', 'err.health.exam.kindNeedsFactors', { count: bare, ...issue('kind', 'err.health.exam.kindNeedsFactors') });
    }
    const now = nowIso();
    store.run(`UPDATE health_exam_batches SET date = ?, institution = ?, kind = ?, report_id = ?, note = ?, updated_at = ? WHERE id = ?`, [d.date, d.institution, d.kind, d.reportId, d.note, now, d.id]);
    const workers = store.all<{ worker_id: string }>(`SELECT worker_id FROM health_exams WHERE batch_id = ? AND deleted_at IS NULL`, [d.id]).map((r) => r.worker_id);
    store.run(`UPDATE health_exams SET date = ?, kind = ?, screening = CASE WHEN ? = 'women' THEN screening ELSE 0 END, updated_at = ? WHERE batch_id = ?`, [d.date, d.kind, d.kind, now, d.id]);
    const after = getBatch(store, d.id);
    writeAudit(store, actor, { entity: 'health_exam_batch', entityId: d.id, action: 'update', before, after }, now);
    if (before.date !== after.date || before.kind !== after.kind) examsWritten(store, workers);
    return after;
  });
}

/** A batch leaves the lists with its exams (the same moment marks them, so a restore brings back just those). */
export function deleteBatch(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = liveBatch(store, id);
    const now = nowIso();
    const workers = store.all<{ worker_id: string }>(`SELECT worker_id FROM health_exams WHERE batch_id = ? AND deleted_at IS NULL`, [id]).map((r) => r.worker_id);
    store.run(`UPDATE health_exams SET deleted_at = ?, updated_at = ? WHERE batch_id = ? AND deleted_at IS NULL`, [now, now, id]);
    store.run(`UPDATE health_exam_batches SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'health_exam_batch', entityId: id, action: 'delete', before }, now);
    examsWritten(store, workers);
    return { deleted: true };
  });
}

export function restoreBatch(store: Store, op: Operator, actor: Actor, id: string): ExamBatch {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = getBatch(store, id);
    if (!before.deletedAt) throw new AppError('CONFLICT', 'err.health.exam.notDeleted');
    assertNoTwin(store, before, id);
    const now = nowIso();
    const workers = store.all<{ worker_id: string }>(`SELECT worker_id FROM health_exams WHERE batch_id = ? AND deleted_at = ?`, [id, before.deletedAt]).map((r) => r.worker_id);
    store.run(`UPDATE health_exams SET deleted_at = NULL, updated_at = ? WHERE batch_id = ? AND deleted_at = ?`, [now, id, before.deletedAt]);
    store.run(`UPDATE health_exam_batches SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getBatch(store, id);
    writeAudit(store, actor, { entity: 'health_exam_batch', entityId: id, action: 'restore', before, after }, now);
    examsWritten(store, workers);
    return after;
  });
}

// ---- exams ----
interface ExamRow {
  id: string;
  batch_id: string;
  worker_id: string;
  emp_no: string;
  name: string;
  gender: 'M' | 'F';
  workshop_name: string | null;
  team_name: string | null;
  date: string;
  kind: ExamKind;
  factor_ids: string;
  conclusion: Conclusion;
  recheck_items: string | null;
  recheck_due: string | null;
  contraindication: string | null;
  detail: string | null;
  screening: number;
  updated_at: string;
  deleted_at: string | null;
}
const EXAM_SELECT = `
  SELECT e.id, e.batch_id, e.worker_id, w.emp_no, w.name, w.gender, ws.name AS workshop_name, tm.name AS team_name, e.date, e.kind,
         e.factor_ids, e.conclusion, e.recheck_items, e.recheck_due, e.contraindication, e.detail, e.screening, e.updated_at, e.deleted_at
  FROM health_exams e
  JOIN workers w ON w.id = e.worker_id
  LEFT JOIN org_units ws ON ws.id = w.workshop_id
  LEFT JOIN org_units tm ON tm.id = w.team_id`;

/** Every factor's name (deleted ones too: an old exam keeps saying what it covered). */
export function factorNames(store: Store): Map<string, string> {
  return new Map(
    store.all<{ id: string; name: string; level_note: string | null }>(`SELECT id, name, level_note FROM health_factors`).map((f) => [f.id, f.level_note ? `${f.name}（${f.level_note}）` : f.name]),
  );
}
function toExam(r: ExamRow, names: Map<string, string>): Exam {
  const factorIds = JSON.parse(r.factor_ids) as string[];
  return {
    id: r.id,
    batchId: r.batch_id,
    workerId: r.worker_id,
    empNo: r.emp_no,
    name: r.name,
    gender: r.gender,
    workshopName: r.workshop_name,
    teamName: r.team_name,
    date: r.date,
    kind: r.kind,
    factorIds,
    factorNames: factorIds.map((id) => names.get(id) ?? '?'),
    conclusion: r.conclusion,
    recheckItems: r.recheck_items,
    recheckDue: r.recheck_due,
    contraindication: r.contraindication,
    detail: r.detail,
    screening: r.screening === 1,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}
function getExam(store: Store, id: string): Exam {
  const r = store.get<ExamRow>(`${EXAM_SELECT} WHERE e.id = ?`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.health.exam.notFound', { id });
  return toExam(r, factorNames(store));
}

/** A batch with its exams (the deleted ones last, for their restore), by employee number. */
export function batchDetail(store: Store, id: string): BatchDetail {
  const batch = getBatch(store, id);
  const names = factorNames(store);
  const exams = store.all<ExamRow>(`${EXAM_SELECT} WHERE e.batch_id = ? ORDER BY e.deleted_at IS NOT NULL, w.emp_no`, [id]).map((r) => toExam(r, names));
  return { batch, exams };
}

export function workerExams(store: Store, workerId: string): Exam[] {
  const names = factorNames(store);
  return store
    .all<ExamRow>(`${EXAM_SELECT} JOIN health_exam_batches b ON b.id = e.batch_id WHERE e.worker_id = ? AND e.deleted_at IS NULL AND b.deleted_at IS NULL ORDER BY e.date DESC, e.rid DESC`, [workerId])
    .map((r) => toExam(r, names));
}

export function factorOptions(store: Store): FactorOption[] {
  return store
    .all<{ id: string; code: string; name: string; level_note: string | null }>(`SELECT id, code, name, level_note FROM health_factors WHERE deleted_at IS NULL ORDER BY sort_order, rid`)
    .map((f) => ({ id: f.id, code: f.code, name: f.name, levelNote: f.level_note }));
}

/**
 * The factors a worker added to a batch starts with: those of his exposures the batch's exam is for, by its date —
 * pre-job: the exposures not ended by then (the post he goes to may start after the exam); periodic: those current
 * on the date; exit: every exposure begun by then (the exit exam covers what he was exposed to, ended or not).
 * Emergency and women workers' exams start with none. Factors deleted from the table are left out.
 */
export function workerFactors(store: Store, batchId: string, workerIds: readonly string[]): Record<string, string[]> {
  const batch = getBatch(store, batchId);
  const out: Record<string, string[]> = Object.fromEntries(workerIds.map((w) => [w, []]));
  const cond =
    batch.kind === 'pre_job'
      ? `(x.end_date IS NULL OR x.end_date >= :date)`
      : batch.kind === 'periodic'
        ? `x.start_date <= :date AND (x.end_date IS NULL OR x.end_date >= :date)`
        : batch.kind === 'exit'
          ? `x.start_date <= :date`
          : null;
  if (!cond || workerIds.length === 0) return out;
  const rows = store.all<{ worker_id: string; factor_id: string }>(
    `SELECT x.worker_id, x.factor_id FROM health_exposures x JOIN health_factors f ON f.id = x.factor_id
     WHERE x.deleted_at IS NULL AND f.deleted_at IS NULL AND x.worker_id IN (SELECT value FROM json_each(:ids)) AND ${cond}
     ORDER BY f.sort_order, f.rid, x.start_date`,
    { date: batch.date, ids: JSON.stringify(workerIds) },
  );
  for (const r of rows) if (out[r.worker_id] && !out[r.worker_id]!.includes(r.factor_id)) out[r.worker_id]!.push(r.factor_id);
  return out;
}

type ExamData = z.output<typeof examInput>;
/**
 * Saves the exams of a batch: the same worker again updates their exam (an exam deleted before comes back). Every
 * exam is checked first — the worker on the roster, the factors in the table, a recheck due on or after the exam — so
 * one bad exam writes none.
 */
export function saveExams(store: Store, op: Operator, actor: Actor, d: z.output<typeof examsSave>): Exam[] {
  assertHealthWriter(op);
  return store.tx(() => {
    const batch = liveBatch(store, d.batchId);
    const live = new Set(store.all<{ id: string }>(`SELECT id FROM health_factors WHERE deleted_at IS NULL`).map((f) => f.id));
    const seen = new Set<string>();
    d.exams.forEach((e, i) => {
      if (seen.has(e.workerId)) throw new AppError('VALIDATION', 'err.health.exam.workerTwice', issue(`exams.${i}.workerId`, 'err.health.exam.workerTwice'));
      seen.add(e.workerId);
      if (!store.get(`SELECT 1 FROM workers WHERE id = ? AND deleted_at IS NULL`, [e.workerId])) throw new AppError('NOT_FOUND', 'err.worker.notFound', { id: e.workerId, ...issue(`exams.${i}.workerId`) });
      const bad = e.factorIds.find((f) => !live.has(f));
      if (bad) throw new AppError('NOT_FOUND', 'err.health.exam.unknownFactor', { id: bad, ...issue(`exams.${i}.factorIds`, 'err.health.exam.unknownFactor') });
      if (needsFactor(batch.kind) && e.factorIds.length === 0) {
        const w = store.get<{ emp_no: string; name: string }>(`SELECT emp_no, name FROM workers WHERE id = ?`, [e.workerId])!;
        throw new AppError('VALIDATION', 'err.health.exam.needFactor', { who: `${w.emp_no} ${w.name}`, workerId: e.workerId, ...issue(`exams.${i}.factorIds`, 'v.health.exam.needFactor') });
      }
      if (e.recheckDue && e.recheckDue < batch.date) {
        throw new AppError('VALIDATION', 'v.health.exam.recheckBeforeExam', { date: batch.date, ...issue(`exams.${i}.recheckDue`, 'v.health.exam.recheckBeforeExam') });
      }
    });
    const now = nowIso();
    const out = d.exams.map((e) => writeExam(store, actor, batch, e, now));
    examsWritten(store, d.exams.map((e) => e.workerId));
    return out;
  });
}

function writeExam(store: Store, actor: Actor, batch: ExamBatch, e: ExamData, now: string): Exam {
  const screening = batch.kind === 'women' && e.screening ? 1 : 0;
  const values = [JSON.stringify(e.factorIds), e.conclusion, e.recheckItems, e.recheckDue, e.contraindication, e.detail, screening];
  const existing = store.get<{ id: string }>(`SELECT id FROM health_exams WHERE batch_id = ? AND worker_id = ?`, [batch.id, e.workerId]);
  if (existing) {
    const before = getExam(store, existing.id);
    store.run(
      `UPDATE health_exams SET date = ?, kind = ?, factor_ids = ?, conclusion = ?, recheck_items = ?, recheck_due = ?, contraindication = ?, detail = ?,
         screening = ?, deleted_at = NULL, updated_at = ? WHERE id = ?`,
      [batch.date, batch.kind, ...values, now, existing.id],
    );
    const after = getExam(store, existing.id);
    writeAudit(store, actor, { entity: 'health_exam', entityId: existing.id, action: before.deletedAt ? 'restore' : 'update', before, after }, now);
    return after;
  }
  const id = uuidv7();
  store.run(
    `INSERT INTO health_exams (id, batch_id, worker_id, date, kind, factor_ids, conclusion, recheck_items, recheck_due, contraindication, detail, screening, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, batch.id, e.workerId, batch.date, batch.kind, ...values, now, now],
  );
  const after = getExam(store, id);
  writeAudit(store, actor, { entity: 'health_exam', entityId: id, action: 'create', after }, now);
  return after;
}

export function deleteExam(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = getExam(store, id);
    if (before.deletedAt) throw new AppError('CONFLICT', 'err.health.exam.alreadyDeleted');
    const now = nowIso();
    store.run(`UPDATE health_exams SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'health_exam', entityId: id, action: 'delete', before }, now);
    examsWritten(store, [before.workerId]);
    return { deleted: true };
  });
}

export function restoreExam(store: Store, op: Operator, actor: Actor, id: string): Exam {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = getExam(store, id);
    if (!before.deletedAt) throw new AppError('CONFLICT', 'err.health.exam.notDeleted');
    liveBatch(store, before.batchId);
    const now = nowIso();
    store.run(`UPDATE health_exams SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getExam(store, id);
    writeAudit(store, actor, { entity: 'health_exam', entityId: id, action: 'restore', before, after }, now);
    examsWritten(store, [before.workerId]);
    return after;
  });
}
