// Hazard writes: report, edit/correct, and the workflow transitions enforced by the shared rules
// (shared/hazards/rules.ts). One transaction per action: check → change → timeline event → read the record once → audit.
import type { z } from 'zod';
import { HAZARD_CATEGORIES, OPEN_STATUSES, addDays, dueDate, lecScore, majorActions, refusal, riskColor, serialNumber, TRANSITIONS, type HazardAction, type HazardCategory1, type HazardStatus, type MajorAction } from '../../../shared/hazards/rules';
import type { assignInput, cancelInput, confirmInput, hazardEdit, HazardData, majorEvaluateInput, majorReportInput, majorSuperviseInput, submitInput } from '../../../shared/hazards/schemas';
import type { HazardDetail } from '../../../shared/hazards/types';
import { AppError } from '../../../shared/result';
import type { Operator } from '../../../shared/operators/types';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { nowIso, todayLocal, uuidv7 } from '../util';
import { placement } from '../org/service';
import { findRow, getHazard, hazardState4Rules, isManager, majorOf, rulesActor, toDetail } from './queries';
import { addPhotoRow, linkRow } from './photos';
import { getRules } from './settings';

export interface HazardCtx {
  store: Store;
  actor: Actor;
  operator: Operator;
}

function nextSerial(store: Store, year: number): string {
  store.run(
    `INSERT INTO serials (kind, year, last) VALUES ('hazard', ?, 1) ON CONFLICT (kind, year) DO UPDATE SET last = last + 1`,
    [year],
  );
  const n = store.get<{ last: number }>(`SELECT last FROM serials WHERE kind = 'hazard' AND year = ?`, [year])!.last;
  return serialNumber(year, n);
}

export function event(store: Store, actor: Actor, hazardId: string, action: string, from: HazardStatus | null, to: HazardStatus | null, comment: string | null, at: string) {
  store.run(
    `INSERT INTO hazard_events (id, hazard_id, at, actor_id, actor_name, action, from_status, to_status, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [uuidv7(), hazardId, at, actor.id, actor.name, action, from, to, comment],
  );
}

/** Normalises a form time ('YYYY-MM-DDTHH:mm') to local ISO with offset; refuses the future. */
export function normaliseFoundAt(v: string): { at: string; date: string } {
  const d = new Date(v);
  if (d.getTime() > Date.now() + 5 * 60_000) {
    throw new AppError('VALIDATION', 'err.hazard.foundInFuture', { issues: [{ path: 'foundAt', message: 'err.hazard.foundInFuture' }] });
  }
  const at = nowIso(d);
  return { at, date: at.slice(0, 10) };
}

function recomputeDue(store: Store, id: string) {
  const r = store.get<{ status: HazardStatus; found_date: string; deadline: string | null; submitted_at: string | null }>(
    'SELECT status, found_date, deadline, submitted_at FROM hazards WHERE id = ?',
    [id],
  )!;
  const due = dueDate({ status: r.status, foundDate: r.found_date, deadline: r.deadline, submittedDate: r.submitted_at?.slice(0, 10) ?? null }, getRules(store));
  store.run('UPDATE hazards SET due_date = ? WHERE id = ?', [due, id]);
}

function assertWorker(store: Store, id: string | null, field: string) {
  if (!id) return;
  if (!store.get('SELECT 1 FROM workers WHERE id = ? AND deleted_at IS NULL', [id])) {
    throw new AppError('VALIDATION', 'err.worker.notFound', { issues: [{ path: field, message: 'err.worker.notFound' }] });
  }
}

/** The stored second-level category must belong to the first level (edit and confirm may change only one of them). */
function assertCategory(store: Store, id: string) {
  const r = store.get<{ category1: HazardCategory1; category2: string | null }>('SELECT category1, category2 FROM hazards WHERE id = ?', [id])!;
  if (r.category2 && !(HAZARD_CATEGORIES[r.category1] as readonly string[]).includes(r.category2)) {
    throw new AppError('VALIDATION', 'v.category2', { issues: [{ path: 'category2', message: 'v.category2' }] });
  }
}

/** Inside a transaction (used by report and by the demo generator). */
export function insertHazard(store: Store, actor: Actor, d: HazardData, opts: { now?: string; foundAt?: { at: string; date: string } } = {}): string {
  const now = opts.now ?? nowIso();
  const found = opts.foundAt ?? normaliseFoundAt(d.foundAt);
  assertWorker(store, d.finderId, 'finderId');
  const place = placement(store, d.orgUnitId);
  const rules = getRules(store);
  const lec = d.lec;
  const riskD = lec ? lecScore(lec.l, lec.e, lec.c) : null;
  const id = uuidv7();
  const serial = nextSerial(store, Number(found.date.slice(0, 4)));
  store.run(
    `INSERT INTO hazards (id, serial, found_at, found_date, finder_id, source, workshop_id, team_id, place, equipment, category1, category2,
       accident_type, description, grade, lec_l, lec_e, lec_c, risk_d, risk, production_stop, interim_measures, status, due_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'reported', ?, ?, ?)`,
    [
      id, serial, found.at, found.date, d.finderId, d.source, place.workshopId, place.teamId, d.place, d.equipment, d.category1, d.category2,
      d.accidentType, d.description, d.grade, lec?.l ?? null, lec?.e ?? null, lec?.c ?? null, riskD, riskD === null ? null : riskColor(riskD, rules.thresholds),
      d.productionStop, d.interimMeasures, addDays(found.date, rules.responseDays), now, now,
    ],
  );
  for (const pid of d.photoIds) addPhotoRow(store, id, pid, 'before', now);
  event(store, actor, id, 'report', null, 'reported', null, now);
  writeAudit(store, actor, { entity: 'hazard', entityId: id, action: 'create', after: { serial, ...d } }, now);
  return id;
}

export function reportHazard(c: HazardCtx, d: HazardData): HazardDetail {
  const id = c.store.tx(() => insertHazard(c.store, c.actor, d));
  return getHazard(c.store, id, c.operator);
}

type Edit = z.output<typeof hazardEdit>;
const EDIT_COLUMNS: Record<string, string> = {
  finderId: 'finder_id',
  source: 'source',
  place: 'place',
  equipment: 'equipment',
  category1: 'category1',
  category2: 'category2',
  accidentType: 'accident_type',
  description: 'description',
  productionStop: 'production_stop',
  interimMeasures: 'interim_measures',
};

function applyEdit(c: HazardCtx, id: string, changes: Edit, mode: 'edit' | 'correct', reason: string | null): HazardDetail {
  const { store, actor, operator } = c;
  return store.tx(() => {
    const before = getHazard(store, id, operator);
    const open = (OPEN_STATUSES as string[]).includes(before.status);
    if (mode === 'edit') {
      if (!open) throw new AppError('CONFLICT', 'err.hazard.closedNoEdit');
      if (!before.editable) throw new AppError('FORBIDDEN', 'err.hazard.editNotAllowed');
    } else if (!isManager(operator)) {
      throw new AppError('FORBIDDEN', 'err.hazard.correctNotAllowed');
    }
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [k, col] of Object.entries(EDIT_COLUMNS)) {
      const v = (changes as Record<string, unknown>)[k];
      if (v !== undefined) {
        sets.push(`${col} = ?`);
        params.push(v);
      }
    }
    if (changes.finderId !== undefined) assertWorker(store, changes.finderId, 'finderId');
    if (changes.category1 !== undefined && changes.category2 === undefined) sets.push('category2 = NULL');
    if (changes.orgUnitId !== undefined) {
      const p = placement(store, changes.orgUnitId);
      sets.push('workshop_id = ?', 'team_id = ?');
      params.push(p.workshopId, p.teamId);
    }
    if (changes.foundAt !== undefined) {
      const f = normaliseFoundAt(changes.foundAt);
      sets.push('found_at = ?', 'found_date = ?');
      params.push(f.at, f.date);
    }
    if (sets.length === 0) return before;
    const now = nowIso();
    store.run(`UPDATE hazards SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`, [...params, now, id]);
    assertCategory(store, id);
    recomputeDue(store, id);
    event(store, actor, id, mode, before.status, before.status, reason, now);
    const after = getHazard(store, id, operator);
    writeAudit(store, actor, { entity: 'hazard', entityId: id, action: mode, before: strip(before), after: strip(after), reason }, now);
    return after;
  });
}
const strip = (h: HazardDetail) => {
  const { events: _e, allowedActions: _a, editable: _ed, photos, ...rest } = h;
  return { ...rest, photos: photos.map((p) => ({ id: p.id, phase: p.phase })) };
};

export const editHazard = (c: HazardCtx, id: string, changes: Edit) => applyEdit(c, id, changes, 'edit', null);
export const correctHazard = (c: HazardCtx, id: string, changes: Edit, reason: string) => applyEdit(c, id, changes, 'correct', reason);


/** The record as the workflow needs it before a change: its row (no timeline or links) and its photos' ids. */
function beforeState(store: Store, id: string): HazardDetail {
  const row = findRow(store, id);
  const photos = store
    .all<{ attachment_id: string; phase: 'before' | 'after' }>(
      'SELECT attachment_id, phase FROM hazard_photos WHERE hazard_id = ? AND deleted_at IS NULL ORDER BY created_at',
      [id],
    )
    .map((p) => ({ id: p.attachment_id, phase: p.phase }) as HazardDetail['photos'][number]);
  return toDetail(row, todayLocal(), { photos, events: [], links: [], allowedActions: [], editable: false });
}

/** check the rule → apply → due date → timeline event → read the record once → audit. */
function transition(c: HazardCtx, id: string, action: HazardAction, comment: string | null, apply: (before: HazardDetail, now: string) => void): HazardDetail {
  const { store, actor, operator } = c;
  return store.tx(() => {
    const before = beforeState(store, id);
    const state = hazardState4Rules(
      { status: before.status, responsible_id: before.responsibleId, submitted_by: before.submittedBy, grade: before.grade },
      before.grade === 'major' ? majorOf(store, id) : null,
    );
    const why = refusal(action, state, rulesActor(operator));
    if (why) throw new AppError(why === 'status' ? 'CONFLICT' : 'FORBIDDEN', `err.hazard.refused.${why}`, { refusal: why, action: `@hazardAction.${action}`, status: `@hazardStatus.${before.status}` });
    const now = nowIso();
    apply(before, now);
    recomputeDue(store, id);
    event(store, actor, id, action, before.status, TRANSITIONS[action].to, comment, now);
    const after = getHazard(store, id, operator);
    writeAudit(store, actor, { entity: 'hazard', entityId: id, action, before: strip(before), after: strip(after), reason: comment }, now);
    return after;
  });
}

export function confirmHazard(c: HazardCtx, i: z.output<typeof confirmInput>): HazardDetail {
  return transition(c, i.id, 'confirm', i.comment, (before, now) => {
    const d = lecScore(i.lec.l, i.lec.e, i.lec.c);
    const category1 = i.category1 ?? before.category1;
    const category2 = i.category1 !== undefined || i.category2 !== null ? i.category2 : before.category2;
    c.store.run(
      `UPDATE hazards SET status = 'confirmed', grade = ?, lec_l = ?, lec_e = ?, lec_c = ?, risk_d = ?, risk = ?, category1 = ?, category2 = ?,
         accident_type = coalesce(?, accident_type), updated_at = ? WHERE id = ?`,
      [i.grade, i.lec.l, i.lec.e, i.lec.c, d, riskColor(d, getRules(c.store).thresholds), category1, category2, i.accidentType, now, i.id],
    );
    assertCategory(c.store, i.id);
  });
}

export function assignHazard(c: HazardCtx, i: z.output<typeof assignInput>): HazardDetail {
  return transition(c, i.id, 'assign', i.comment, (before, now) => {
    assertWorker(c.store, i.responsibleId, 'responsibleId');
    if (before.grade === 'major' && !i.governancePlan) {
      throw new AppError('VALIDATION', 'v.governance', { issues: [{ path: 'governancePlan', message: 'v.governance' }] });
    }
    if (i.deadline < before.foundDate) {
      throw new AppError('VALIDATION', 'err.hazard.deadlineBeforeFound', { issues: [{ path: 'deadline', message: 'err.hazard.deadlineBeforeFound' }] });
    }
    c.store.run(
      `UPDATE hazards SET status = 'assigned', responsible_id = ?, measures = ?, planned_funds = ?, deadline = ?, emergency_plan = ?,
         governance_plan = ?, updated_at = ? WHERE id = ?`,
      [i.responsibleId, i.measures, i.plannedFunds, i.deadline, i.emergencyPlan, i.governancePlan ? JSON.stringify(i.governancePlan) : null, now, i.id],
    );
  });
}

export function startHazard(c: HazardCtx, id: string, comment: string | null): HazardDetail {
  return transition(c, id, 'start', comment, (before, now) => {
    // the 五落实 must all be in place (the table's CHECK constraint guards this too)
    if (!before.responsibleId || !before.measures || before.plannedFunds === null || !before.deadline || !before.emergencyPlan) {
      throw new AppError('VALIDATION', 'v.fiveImpl', { issues: [{ path: 'fiveImpl', message: 'v.fiveImpl' }] });
    }
    if (before.grade === 'major' && !before.governancePlan) {
      throw new AppError('VALIDATION', 'v.governance', { issues: [{ path: 'governancePlan', message: 'v.governance' }] });
    }
    c.store.run(`UPDATE hazards SET status = 'rectifying', updated_at = ? WHERE id = ?`, [now, id]);
  });
}

export function submitHazard(c: HazardCtx, i: z.output<typeof submitInput>): HazardDetail {
  return transition(c, i.id, 'submit', i.comment, (_before, now) => {
    for (const pid of i.afterPhotoIds) addPhotoRow(c.store, i.id, pid, 'after', now);
    c.store.run(
      `UPDATE hazards SET status = 'submitted', actual_funds = ?, rectification_note = ?, submitted_by = ?, submitted_at = ?, updated_at = ? WHERE id = ?`,
      [i.actualFunds, i.rectificationNote, c.operator.id, now, now, i.id],
    );
  });
}

export function acceptHazard(c: HazardCtx, id: string, comment: string | null): HazardDetail {
  return transition(c, id, 'accept', comment, (_b, now) => {
    c.store.run(`UPDATE hazards SET status = 'closed', accepted_by = ?, accepted_at = ?, closed_date = ?, updated_at = ? WHERE id = ?`, [
      c.operator.id,
      now,
      now.slice(0, 10),
      now,
      id,
    ]);
  });
}

export function rejectHazard(c: HazardCtx, id: string, reason: string): HazardDetail {
  return transition(c, id, 'reject', reason, (_b, now) => {
    c.store.run(`UPDATE hazards SET status = 'rectifying', submitted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    // a major hazard's governance is evaluated again after the further rectification (the old one stays in the audit)
    c.store.run(
      `UPDATE hazard_major SET evaluation_date = NULL, evaluator_kind = NULL, evaluator = NULL, evaluation_conclusion = NULL, evaluation_passed = NULL,
         updated_at = ? WHERE hazard_id = ? AND evaluation_date IS NOT NULL`,
      [now, id],
    );
  });
}

export function cancelHazard(c: HazardCtx, i: z.output<typeof cancelInput>): HazardDetail {
  return transition(c, i.id, 'cancel', i.reason, (_b, now) => {
    if (i.kind === 'duplicate') {
      if (!i.duplicateOf) throw new AppError('VALIDATION', 'err.hazard.duplicateOfMissing', { issues: [{ path: 'duplicateOf', message: 'v.required' }] });
      if (i.duplicateOf === i.id) throw new AppError('VALIDATION', 'err.hazard.duplicateOfSelf', { issues: [{ path: 'duplicateOf', message: 'err.hazard.duplicateOfSelf' }] });
      findRow(c.store, i.duplicateOf);
      linkRow(c.store, i.id, i.duplicateOf, now);
    }
    c.store.run(`UPDATE hazards SET status = 'cancelled', cancel_kind = ?, cancel_reason = ?, updated_at = ? WHERE id = ?`, [i.kind, i.reason, now, i.id]);
  });
}


// ---- 重大隐患 (安全生产事故隐患排查治理暂行规定): report to the authority, 挂牌督办, evaluation of the governance ----

/** A date recorded for a major hazard: not in the future, not before the hazard was found. */
function assertMajorDate(date: string, foundDate: string, field: string) {
  if (date > todayLocal()) throw new AppError('VALIDATION', 'err.hazard.dateInFuture', { issues: [{ path: field, message: 'err.hazard.dateInFuture' }] });
  if (date < foundDate) {
    throw new AppError('VALIDATION', 'err.hazard.dateBeforeFound', { found: foundDate, issues: [{ path: field, message: 'v.dateBeforeFound' }] });
  }
}

/** check the grade, status and roles → write the hazard_major row → timeline event → audit (one transaction). */
function majorStep(c: HazardCtx, id: string, action: MajorAction, comment: string | null, apply: (row: ReturnType<typeof findRow>, now: string) => void): HazardDetail {
  const { store, actor, operator } = c;
  return store.tx(() => {
    const row = findRow(store, id);
    if (row.grade !== 'major') throw new AppError('CONFLICT', 'err.hazard.notMajor');
    if (!majorActions({ status: row.status, grade: row.grade }, rulesActor(operator)).includes(action)) {
      const why = operator.isAdmin || isManager(operator) ? 'CONFLICT' : 'FORBIDDEN';
      throw new AppError(why, 'err.hazard.majorNotAllowed', { action: `@hazardAction.${action}`, status: `@hazardStatus.${row.status}` });
    }
    const before = majorOf(store, id);
    const now = nowIso();
    store.run(`INSERT INTO hazard_major (hazard_id, updated_at) VALUES (?, ?) ON CONFLICT (hazard_id) DO NOTHING`, [id, now]);
    apply(row, now);
    store.run('UPDATE hazards SET updated_at = ? WHERE id = ?', [now, id]);
    event(store, actor, id, action, row.status, row.status, comment, now);
    const after = getHazard(store, id, operator);
    writeAudit(store, actor, { entity: 'hazard', entityId: id, action, before: { major: before }, after: { major: after.major } }, now);
    return after;
  });
}

export function reportMajor(c: HazardCtx, i: z.output<typeof majorReportInput>): HazardDetail {
  return majorStep(c, i.id, 'majorReport', `${i.reportedDate} ${i.body} ${i.docNo}`, (row, now) => {
    assertMajorDate(i.reportedDate, row.found_date, 'reportedDate');
    c.store.run(
      `UPDATE hazard_major SET reported_date = ?, report_body = ?, report_doc_no = ?, report_summary = ?, updated_at = ? WHERE hazard_id = ?`,
      [i.reportedDate, i.body, i.docNo, i.summary, now, i.id],
    );
  });
}

export function superviseMajor(c: HazardCtx, i: z.output<typeof majorSuperviseInput>): HazardDetail {
  const note = i.supervised ? [i.date, i.body, i.docNo].filter(Boolean).join(' ') : null;
  return majorStep(c, i.id, 'majorSupervise', note, (row, now) => {
    if (i.supervised && i.date) assertMajorDate(i.date, row.found_date, 'date');
    c.store.run(
      `UPDATE hazard_major SET supervised = ?, supervision_body = ?, supervision_doc_no = ?, supervision_date = ?, updated_at = ? WHERE hazard_id = ?`,
      i.supervised ? [1, i.body, i.docNo, i.date, now, i.id] : [0, null, null, null, now, i.id],
    );
  });
}

export function evaluateMajor(c: HazardCtx, i: z.output<typeof majorEvaluateInput>): HazardDetail {
  return majorStep(c, i.id, 'majorEvaluate', i.conclusion, (row, now) => {
    assertMajorDate(i.date, row.found_date, 'date');
    c.store.run(
      `UPDATE hazard_major SET evaluation_date = ?, evaluator_kind = ?, evaluator = ?, evaluation_conclusion = ?, evaluation_passed = ?, updated_at = ?
       WHERE hazard_id = ?`,
      [i.date, i.kind, i.evaluator, i.conclusion, i.passed ? 1 : 0, now, i.id],
    );
  });
}
