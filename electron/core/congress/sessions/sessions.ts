// Sessions of the workers' congress (第X届第Y次) and their agenda. Writes: one transaction → read before → change →
// read after → audit; the workflow table (shared/congress/sessions/workflow.ts) decides which step is allowed.
import type { z } from 'zod';
import { ANSWER_CLASSES, FEEDBACKS, PROPOSAL_CATEGORIES, PROPOSAL_STATES } from '../../../../shared/congress/proposals/types';
import { quorum } from '../../../../shared/congress/rules';
import { CONGRESS_RUNNERS } from '../../../../shared/congress/reps/types';
import type { itemAdd, itemRecord, itemUpdate, materialAdd, sessionCreate, sessionUpdate } from '../../../../shared/congress/sessions/schemas';
import {
  AGENDA_TEMPLATE,
  DEFAULT_NOTICE_DAYS,
  FIVE_KEYS,
  type AgendaItem,
  type AttendanceCounts,
  type HazardSnapshot,
  type ProposalFigures,
  type SessionDetail,
  type SessionSettings,
  type SessionStatus,
  type SessionSummary,
  type TemplateKey,
  type Vote,
} from '../../../../shared/congress/sessions/types';
import { nextStatus, refusal, type SessionAction } from '../../../../shared/congress/sessions/workflow';
import { OPEN_STATUSES } from '../../../../shared/hazards/rules';
import type { Operator } from '../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import { getSetting, setSetting } from '../../app/settings';
import { getAttachment } from '../../attachments/service';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, todayLocal, uuidv7 } from '../../util';
import { proposalReport } from '../proposals/report';
import { termRow, termSettingsOf } from '../reps/terms';

// ---------------------------------------------------------------------------------------------------------
// Settings

export function getSessionSettings(store: Store): SessionSettings {
  return { noticeDays: DEFAULT_NOTICE_DAYS, ...getSetting<Partial<SessionSettings>>(store, 'congress.sessions', {}) };
}
export function saveSessionSettings(store: Store, op: Operator, actor: Actor, s: SessionSettings): SessionSettings {
  if (!holdsAnyRole(op, CONGRESS_RUNNERS)) throw new AppError('FORBIDDEN', 'err.congress.runnersOnly');
  return store.tx(() => {
    const before = getSessionSettings(store);
    setSetting(store, 'congress.sessions', s);
    writeAudit(store, actor, { entity: 'settings', entityId: 'congress.sessions', action: 'update', before, after: s });
    return getSessionSettings(store);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export interface SessionRow {
  id: string;
  term_id: string;
  term_number: number;
  seq: number;
  kind: SessionSummary['kind'];
  date: string;
  time: string | null;
  place: string | null;
  convenor: string | null;
  status: SessionStatus;
  period_from: string;
  period_to: string;
  hazard_snapshot: string | null;
  issued_at: string | null;
  updated_at: string;
  items: number;
}

const SESSION_SELECT = `
  SELECT s.id, s.term_id, t.number AS term_number, s.seq, s.kind, s.date, s.time, s.place, s.convenor, s.status, s.period_from,
    s.period_to, s.hazard_snapshot, s.issued_at, s.updated_at,
    (SELECT count(*) FROM congress_agenda_items i WHERE i.session_id = s.id AND i.deleted_at IS NULL) AS items
  FROM congress_sessions s JOIN congress_terms t ON t.id = s.term_id`;

const toSummary = (r: SessionRow): SessionSummary => ({
  id: r.id,
  termId: r.term_id,
  termNumber: r.term_number,
  seq: r.seq,
  kind: r.kind,
  date: r.date,
  time: r.time,
  place: r.place,
  convenor: r.convenor,
  status: r.status,
  items: r.items,
  updatedAt: r.updated_at,
});

export function listSessions(store: Store, termId: string): SessionSummary[] {
  termRow(store, termId);
  return store.all<SessionRow>(`${SESSION_SELECT} WHERE s.term_id = ? AND s.deleted_at IS NULL ORDER BY s.seq DESC`, [termId]).map(toSummary);
}

export function sessionRow(store: Store, id: string): SessionRow {
  const r = store.get<SessionRow>(`${SESSION_SELECT} WHERE s.id = ? AND s.deleted_at IS NULL`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.congress.session.notFound', { id });
  return r;
}

/** The representatives with a vote serving on the session date (应到), and how many are marked present / on leave. */
export function attendanceCounts(store: Store, s: { id: string; term_id: string; date: string }): AttendanceCounts {
  const r = store.get<{ entitled: number; present: number; leave: number }>(
    `SELECT count(*) AS entitled, coalesce(sum(a.status = 'present'), 0) AS present, coalesce(sum(a.status = 'leave'), 0) AS leave
     FROM congress_members m LEFT JOIN congress_attendance a ON a.member_id = m.id AND a.session_id = :sid
     WHERE m.term_id = :tid AND m.kind = 'representative' AND m.joined_on <= :d AND (m.left_on IS NULL OR m.left_on > :d)`,
    { sid: s.id, tid: s.term_id, d: s.date },
  )!;
  const rule = termSettingsOf(termRow(store, s.term_id)).quorumRule;
  return { entitled: r.entitled, present: r.present, leave: r.leave, absent: r.entitled - r.present - r.leave, quorum: quorum(r.entitled, r.present, rule) };
}

/** Whole days from `from` to `to` (dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Item 5's figures from the hazard ledger (read only): found in the period (not cancelled), closed in the period, open
 * and overdue on `asOf`, and every major hazard found in the period or still open, with its state.
 */
export function hazardFigures(store: Store, from: string, to: string, asOf: string): HazardSnapshot {
  const open = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
  const c = store.get<{ found: number; closed: number; open: number; overdue: number }>(
    `SELECT
       (SELECT count(*) FROM hazards WHERE deleted_at IS NULL AND status <> 'cancelled' AND found_date BETWEEN :from AND :to) AS found,
       (SELECT count(*) FROM hazards WHERE deleted_at IS NULL AND status = 'closed' AND closed_date BETWEEN :from AND :to) AS closed,
       (SELECT count(*) FROM hazards WHERE deleted_at IS NULL AND status IN (${open}) AND found_date <= :to) AS open,
       (SELECT count(*) FROM hazards WHERE deleted_at IS NULL AND status IN (${open}) AND found_date <= :to AND due_date < :asOf) AS overdue`,
    { from, to, asOf },
  )!;
  const majors = store.all<{ serial: string; description: string; workshop: string | null; status: string; found_date: string; due_date: string | null; closed_date: string | null }>(
    `SELECT h.serial, h.description, u.name AS workshop, h.status, h.found_date, h.due_date, h.closed_date
     FROM hazards h LEFT JOIN org_units u ON u.id = h.workshop_id
     WHERE h.deleted_at IS NULL AND h.grade = 'major' AND h.status <> 'cancelled'
       AND (h.found_date BETWEEN :from AND :to OR (h.status IN (${open}) AND h.found_date <= :to) OR h.closed_date BETWEEN :from AND :to)
     ORDER BY h.found_date, h.serial`,
    { from, to },
  );
  return {
    from,
    to,
    asOf,
    ...c,
    majors: majors.map((m) => ({ serial: m.serial, description: m.description, workshop: m.workshop, status: m.status, foundDate: m.found_date, dueDate: m.due_date, closedDate: m.closed_date })),
  };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Item 5's proposal figures from the proposal handling report (read only): the term's proposals collected for this
 * session or an earlier one — the session date they were collected for, else the day submitted, on or before
 * `sessionDate` (those collected for a later session wait for it) — counted as the report counts them.
 */
export function proposalFigures(store: Store, termId: string, sessionDate: string): ProposalFigures {
  const report = proposalReport(store, termId);
  const rows = report.rows.filter((r) => (r.sessionDate ?? r.submittedOn) <= sessionDate);
  const counts: ProposalFigures['counts'] = {
    total: rows.length,
    byState: zeros(PROPOSAL_STATES),
    byCategory: zeros(PROPOSAL_CATEGORIES),
    byAnswer: zeros(ANSWER_CLASSES),
    byFeedback: zeros(FEEDBACKS),
    overdue: 0,
    hazards: { linked: 0, closed: 0 },
  };
  for (const r of rows) {
    counts.byState[r.state]++;
    counts.byCategory[r.category]++;
    if (r.answerClass) counts.byAnswer[r.answerClass]++;
    if (r.feedback) counts.byFeedback[r.feedback]++;
    if (r.overdue) counts.overdue++;
    counts.hazards.linked += r.hazards.total;
    counts.hazards.closed += r.hazards.closed;
  }
  return {
    asOf: report.asOf,
    counts,
    rows: rows.map((r) => ({
      serial: r.serial,
      title: r.title,
      category: r.category,
      state: r.state,
      overdue: r.overdue,
      answerClass: r.answerClass,
      feedback: r.feedback,
      hazards: { total: r.hazards.total, closed: r.hazards.closed },
    })),
  };
}

/** Everything item 5 shows: the hazard ledger for the period and the handling of proposals (live until frozen). */
function item5Figures(store: Store, r: Pick<SessionRow, 'term_id' | 'date' | 'period_from' | 'period_to'>): HazardSnapshot {
  return { ...hazardFigures(store, r.period_from, r.period_to, todayLocal()), proposals: proposalFigures(store, r.term_id, r.date) };
}

interface ItemRow {
  id: string;
  session_id: string;
  position: number;
  template_key: TemplateKey | null;
  title: string;
  kind: AgendaItem['kind'];
  presenter: string | null;
  planned_minutes: number | null;
  summary: string | null;
  resolution: string | null;
}

interface VoteRow {
  id: string;
  item_id: string;
  candidate: string | null;
  method: Vote['method'];
  status: Vote['status'];
  quorum_rule: Vote['quorumRule'];
  entitled: number;
  present: number;
  issued: number | null;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  invalid: number | null;
  needed: number;
  verdict: Vote['verdict'];
  corrections: number;
  correction_reason: string | null;
  announced_at: string | null;
}

export const toVote = (v: VoteRow): Vote => ({
  id: v.id,
  itemId: v.item_id,
  candidate: v.candidate,
  method: v.method,
  status: v.status,
  entitled: v.entitled,
  present: v.present,
  counts: v.yes === null ? null : { issued: v.issued!, yes: v.yes, no: v.no!, abstain: v.abstain!, invalid: v.invalid! },
  needed: v.needed,
  verdict: v.verdict,
  quorumRule: v.quorum_rule,
  corrections: v.corrections,
  correctionReason: v.correction_reason,
  announcedAt: v.announced_at,
});

export function votesOf(store: Store, sessionId: string): Vote[] {
  return store
    .all<VoteRow>(`SELECT * FROM congress_votes WHERE session_id = ? AND deleted_at IS NULL ORDER BY rid`, [sessionId])
    .map(toVote);
}

export function getSession(store: Store, id: string): SessionDetail {
  const r = sessionRow(store, id);
  const term = termRow(store, r.term_id);
  const settings = getSessionSettings(store);
  const frozen = r.hazard_snapshot !== null;
  const paperDay = r.issued_at ? r.issued_at.slice(0, 10) : todayLocal();
  const days = daysBetween(paperDay, r.date);
  const items = store.all<ItemRow>(`SELECT * FROM congress_agenda_items WHERE session_id = ? AND deleted_at IS NULL ORDER BY position`, [id]);
  const mats = store.all<{ item_id: string; attachment_id: string; title: string; mime: string; bytes: number }>(
    `SELECT m.item_id, m.attachment_id, m.title, a.mime, a.bytes FROM congress_item_materials m
     JOIN congress_agenda_items i ON i.id = m.item_id JOIN attachments a ON a.id = m.attachment_id
     WHERE i.session_id = ? AND m.deleted_at IS NULL ORDER BY m.rid`,
    [id],
  );
  const votes = votesOf(store, id);
  return {
    ...toSummary(r),
    periodFrom: r.period_from,
    periodTo: r.period_to,
    termQuorumRule: termSettingsOf(term).quorumRule,
    issuedAt: r.issued_at,
    notice: { days, needed: settings.noticeDays, short: days < settings.noticeDays },
    hazards: frozen ? (JSON.parse(r.hazard_snapshot!) as HazardSnapshot) : item5Figures(store, r),
    hazardsFrozen: frozen,
    agenda: items.map((i) => ({
      id: i.id,
      sessionId: i.session_id,
      position: i.position,
      templateKey: i.template_key,
      title: i.title,
      kind: i.kind,
      presenter: i.presenter,
      plannedMinutes: i.planned_minutes,
      summary: i.summary,
      resolution: i.resolution,
      materials: mats.filter((m) => m.item_id === i.id).map((m) => ({ attachmentId: m.attachment_id, title: m.title, mime: m.mime, bytes: m.bytes })),
      votes: votes.filter((v) => v.itemId === i.id),
    })),
    counts: attendanceCounts(store, { id, term_id: r.term_id, date: r.date }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/** Refuses a step the workflow does not allow now (or an operator who does not run the congress). */
export function assertStep(op: Operator, action: SessionAction, status: SessionStatus): void {
  const no = refusal(action, status, holdsAnyRole(op, CONGRESS_RUNNERS));
  if (no) throw new AppError(no.key === 'err.congress.runnersOnly' ? 'FORBIDDEN' : 'CONFLICT', no.key, no.params);
}

function assertInTerm(t: { start_date: string; end_date: string }, date: string) {
  if (date < t.start_date || date > t.end_date) {
    throw new AppError('VALIDATION', 'err.congress.dateOutsideTerm', { start: t.start_date, end: t.end_date, issues: [{ path: 'date', message: 'v.invalid' }] });
  }
}

function assertSeqFree(store: Store, termId: string, seq: number, exceptId: string | null) {
  const same = store.get<{ id: string }>(`SELECT id FROM congress_sessions WHERE term_id = ? AND seq = ? AND deleted_at IS NULL`, [termId, seq]);
  if (same && same.id !== exceptId) throw new AppError('CONFLICT', 'err.congress.session.seqTaken', { seq, issues: [{ path: 'seq', message: 'v.duplicate' }] });
}

/** The default period of item 5: the day after the last earlier session (any term), else a year, up to the session date. */
function defaultPeriodFrom(store: Store, date: string, exceptId: string | null): string {
  const prev = store.get<{ date: string }>(
    `SELECT date FROM congress_sessions WHERE deleted_at IS NULL AND date < ? AND id <> ? ORDER BY date DESC LIMIT 1`,
    [date, exceptId ?? ''],
  );
  const base = prev ? new Date(Date.parse(`${prev.date}T00:00:00Z`) + 86_400_000) : new Date(Date.parse(`${Number(date.slice(0, 4)) - 1}${date.slice(4)}T00:00:00Z`) + 86_400_000);
  return base.toISOString().slice(0, 10);
}

function insertItem(store: Store, sessionId: string, position: number, d: { key: TemplateKey | null; title: string; kind: AgendaItem['kind']; presenter: string | null; minutes: number | null }, now: string) {
  const id = uuidv7();
  store.run(
    `INSERT INTO congress_agenda_items (id, session_id, position, template_key, title, kind, presenter, planned_minutes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, sessionId, position, d.key, d.title, d.kind, d.presenter, d.minutes, now, now],
  );
  return id;
}

export function createSession(store: Store, op: Operator, actor: Actor, d: z.output<typeof sessionCreate>): SessionDetail {
  assertStep(op, 'edit', 'preparing');
  return store.tx(() => {
    const t = termRow(store, d.termId);
    assertInTerm(t, d.date);
    const seq = d.seq ?? store.get<{ n: number }>(`SELECT coalesce(max(seq), 0) + 1 AS n FROM congress_sessions WHERE term_id = ? AND deleted_at IS NULL`, [d.termId])!.n;
    assertSeqFree(store, d.termId, seq, null);
    const id = uuidv7();
    const now = nowIso();
    const from = d.periodFrom ?? defaultPeriodFrom(store, d.date, null);
    const to = d.periodTo ?? d.date;
    if (to < from) throw new AppError('VALIDATION', 'err.congress.session.periodBackwards', { issues: [{ path: 'periodFrom', message: 'v.congress.periodBackwards' }] });
    store.run(
      `INSERT INTO congress_sessions (id, term_id, seq, kind, date, time, place, convenor, period_from, period_to, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, d.termId, seq, d.kind, d.date, d.time, d.place, d.convenor, from, to, now, now],
    );
    if (d.template) AGENDA_TEMPLATE.forEach((it, k) => insertItem(store, id, k + 1, { key: it.key, title: it.title, kind: it.kind, presenter: null, minutes: it.minutes }, now));
    const after = getSession(store, id);
    writeAudit(store, actor, { entity: 'congress_session', entityId: id, action: 'create', after });
    return after;
  });
}

export function updateSession(store: Store, op: Operator, actor: Actor, d: z.output<typeof sessionUpdate>): SessionDetail {
  return store.tx(() => {
    const before = getSession(store, d.id);
    assertStep(op, 'edit', before.status);
    const t = termRow(store, before.termId);
    assertInTerm(t, d.date);
    assertSeqFree(store, before.termId, d.seq, d.id);
    const from = d.periodFrom ?? defaultPeriodFrom(store, d.date, d.id);
    const to = d.periodTo ?? d.date;
    if (to < from) throw new AppError('VALIDATION', 'err.congress.session.periodBackwards', { issues: [{ path: 'periodFrom', message: 'v.congress.periodBackwards' }] });
    store.run(
      `UPDATE congress_sessions SET seq = ?, kind = ?, date = ?, time = ?, place = ?, convenor = ?, period_from = ?, period_to = ?, updated_at = ? WHERE id = ?`,
      [d.seq, d.kind, d.date, d.time, d.place, d.convenor, from, to, nowIso(), d.id],
    );
    const after = getSession(store, d.id);
    writeAudit(store, actor, { entity: 'congress_session', entityId: d.id, action: 'update', before, after });
    return after;
  });
}

export function deleteSession(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  return store.tx(() => {
    const before = getSession(store, id);
    assertStep(op, 'delete', before.status);
    const now = nowIso();
    store.run(`UPDATE congress_item_materials SET deleted_at = ?, updated_at = ? WHERE deleted_at IS NULL AND item_id IN (SELECT id FROM congress_agenda_items WHERE session_id = ?)`, [now, now, id]);
    store.run(`UPDATE congress_agenda_items SET deleted_at = ?, updated_at = ? WHERE session_id = ? AND deleted_at IS NULL`, [now, now, id]);
    store.run(`UPDATE congress_sessions SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'congress_session', entityId: id, action: 'delete', before });
    return { deleted: true };
  });
}

/**
 * issue: the agenda must not be empty and a safety-themed session must carry the five items; the hazard figures are
 * frozen. withdraw: they thaw. open: the session starts. close: no vote may be left open or uncounted.
 * A notice shorter than the setting is not refused: the detail says so (notice.short) and the screen warns.
 */
export function stepSession(store: Store, op: Operator, actor: Actor, id: string, action: 'issue' | 'withdraw' | 'open' | 'close'): SessionDetail {
  return store.tx(() => {
    const before = getSession(store, id);
    assertStep(op, action, before.status);
    const now = nowIso();
    const to = nextStatus(action, before.status);
    if (action === 'issue') {
      if (before.agenda.length === 0) throw new AppError('CONFLICT', 'err.congress.session.emptyAgenda');
      if (before.kind === 'safety') {
        const missing = FIVE_KEYS.filter((k) => !before.agenda.some((i) => i.templateKey === k));
        if (missing.length > 0) throw new AppError('CONFLICT', 'err.congress.session.fiveMissing', { count: missing.length });
      }
      const snap = item5Figures(store, { term_id: before.termId, date: before.date, period_from: before.periodFrom, period_to: before.periodTo });
      store.run(`UPDATE congress_sessions SET status = ?, hazard_snapshot = ?, issued_at = ?, updated_at = ? WHERE id = ?`, [to, JSON.stringify(snap), now, now, id]);
    } else if (action === 'withdraw') {
      store.run(`UPDATE congress_sessions SET status = ?, hazard_snapshot = NULL, issued_at = NULL, updated_at = ? WHERE id = ?`, [to, now, id]);
    } else if (action === 'open') {
      store.run(`UPDATE congress_sessions SET status = ?, opened_at = ?, updated_at = ? WHERE id = ?`, [to, now, now, id]);
    } else {
      const pending = store.get<{ n: number }>(`SELECT count(*) AS n FROM congress_votes WHERE session_id = ? AND deleted_at IS NULL AND status <> 'announced'`, [id])!.n;
      if (pending > 0) throw new AppError('CONFLICT', 'err.congress.session.votesPending', { count: pending });
      store.run(`UPDATE congress_sessions SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?`, [to, now, now, id]);
    }
    const after = getSession(store, id);
    writeAudit(store, actor, { entity: 'congress_session', entityId: id, action, before: { status: before.status }, after: action === 'issue' ? { status: to, hazards: after.hazards, notice: after.notice } : { status: to } });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The agenda

function itemRow(store: Store, id: string): ItemRow {
  const i = store.get<ItemRow>(`SELECT * FROM congress_agenda_items WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!i) throw new AppError('NOT_FOUND', 'err.congress.item.notFound', { id });
  return i;
}

function renumber(store: Store, sessionId: string, ids: string[], now: string) {
  ids.forEach((iid, k) => store.run(`UPDATE congress_agenda_items SET position = ?, updated_at = ? WHERE id = ?`, [k + 1, now, iid]));
}

/** An X item goes before the resolutions and the closing (when the agenda has them), else at the end. */
export function addItem(store: Store, op: Operator, actor: Actor, d: z.output<typeof itemAdd>): SessionDetail {
  return store.tx(() => {
    const before = getSession(store, d.sessionId);
    assertStep(op, 'edit', before.status);
    const now = nowIso();
    const id = insertItem(store, d.sessionId, before.agenda.length + 1, { key: null, title: d.title, kind: d.kind, presenter: d.presenter, minutes: d.plannedMinutes }, now);
    const ids = before.agenda.map((i) => i.id);
    const tail = ids.findIndex((_, k) => before.agenda[k]!.templateKey === 'resolutions' || before.agenda[k]!.templateKey === 'closing');
    if (tail >= 0) ids.splice(tail, 0, id);
    else ids.push(id);
    renumber(store, d.sessionId, ids, now);
    const after = getSession(store, d.sessionId);
    writeAudit(store, actor, { entity: 'congress_session', entityId: d.sessionId, action: 'agenda_add', after: after.agenda.find((i) => i.id === id) });
    return after;
  });
}

export function updateItem(store: Store, op: Operator, actor: Actor, d: z.output<typeof itemUpdate>): SessionDetail {
  return store.tx(() => {
    const i = itemRow(store, d.id);
    const s = getSession(store, i.session_id);
    assertStep(op, 'edit', s.status);
    store.run(`UPDATE congress_agenda_items SET title = ?, kind = ?, presenter = ?, planned_minutes = ?, updated_at = ? WHERE id = ?`, [
      d.title,
      d.kind,
      d.presenter,
      d.plannedMinutes,
      nowIso(),
      d.id,
    ]);
    const after = getSession(store, i.session_id);
    writeAudit(store, actor, { entity: 'congress_agenda_item', entityId: d.id, action: 'update', before: s.agenda.find((x) => x.id === d.id), after: after.agenda.find((x) => x.id === d.id) });
    return after;
  });
}

export function deleteItem(store: Store, op: Operator, actor: Actor, id: string): SessionDetail {
  return store.tx(() => {
    const i = itemRow(store, id);
    const s = getSession(store, i.session_id);
    assertStep(op, 'edit', s.status);
    const now = nowIso();
    store.run(`UPDATE congress_item_materials SET deleted_at = ?, updated_at = ? WHERE item_id = ? AND deleted_at IS NULL`, [now, now, id]);
    store.run(`UPDATE congress_agenda_items SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    renumber(store, i.session_id, s.agenda.filter((x) => x.id !== id).map((x) => x.id), now);
    writeAudit(store, actor, { entity: 'congress_agenda_item', entityId: id, action: 'delete', before: s.agenda.find((x) => x.id === id) });
    return getSession(store, i.session_id);
  });
}

/** The new order as the full list of the agenda's item ids (each once). */
export function reorderItems(store: Store, op: Operator, actor: Actor, sessionId: string, ids: string[]): SessionDetail {
  return store.tx(() => {
    const s = getSession(store, sessionId);
    assertStep(op, 'edit', s.status);
    const have = s.agenda.map((i) => i.id);
    const same = ids.length === have.length && new Set(ids).size === ids.length && ids.every((x) => have.includes(x));
    if (!same) throw new AppError('VALIDATION', 'err.congress.item.reorderMismatch', { issues: [{ path: 'ids', message: 'v.invalid' }] });
    renumber(store, sessionId, ids, nowIso());
    writeAudit(store, actor, { entity: 'congress_session', entityId: sessionId, action: 'agenda_reorder', before: have, after: ids });
    return getSession(store, sessionId);
  });
}

/** What was heard, and the resolution (only for an item with a passed and announced vote). */
export function recordItem(store: Store, op: Operator, actor: Actor, d: z.output<typeof itemRecord>): SessionDetail {
  return store.tx(() => {
    const i = itemRow(store, d.id);
    const s = getSession(store, i.session_id);
    assertStep(op, 'record', s.status);
    const item = s.agenda.find((x) => x.id === d.id)!;
    if (d.resolution && !item.votes.some((v) => v.status === 'announced' && v.verdict === 'passed')) {
      throw new AppError('CONFLICT', 'err.congress.item.resolutionNeedsPass', { issues: [{ path: 'resolution', message: 'v.invalid' }] });
    }
    store.run(`UPDATE congress_agenda_items SET summary = ?, resolution = ?, updated_at = ? WHERE id = ?`, [d.summary, d.resolution, nowIso(), d.id]);
    writeAudit(store, actor, {
      entity: 'congress_agenda_item',
      entityId: d.id,
      action: 'record',
      before: { summary: item.summary, resolution: item.resolution },
      after: { summary: d.summary, resolution: d.resolution },
    });
    return getSession(store, i.session_id);
  });
}

export function addMaterial(store: Store, op: Operator, actor: Actor, d: z.output<typeof materialAdd>): SessionDetail {
  return store.tx(() => {
    const i = itemRow(store, d.itemId);
    const s = getSession(store, i.session_id);
    assertStep(op, 'edit', s.status);
    getAttachment(store, d.attachmentId);
    if (store.get(`SELECT 1 FROM congress_item_materials WHERE item_id = ? AND attachment_id = ? AND deleted_at IS NULL`, [d.itemId, d.attachmentId])) {
      throw new AppError('CONFLICT', 'err.congress.item.materialTwice');
    }
    const now = nowIso();
    store.run(`INSERT INTO congress_item_materials (id, item_id, attachment_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, [
      uuidv7(),
      d.itemId,
      d.attachmentId,
      d.title,
      now,
      now,
    ]);
    writeAudit(store, actor, { entity: 'congress_agenda_item', entityId: d.itemId, action: 'add_material', after: { attachmentId: d.attachmentId, title: d.title } });
    return getSession(store, i.session_id);
  });
}

export function removeMaterial(store: Store, op: Operator, actor: Actor, itemId: string, attachmentId: string): SessionDetail {
  return store.tx(() => {
    const i = itemRow(store, itemId);
    const s = getSession(store, i.session_id);
    assertStep(op, 'edit', s.status);
    const now = nowIso();
    const r = store.run(`UPDATE congress_item_materials SET deleted_at = ?, updated_at = ? WHERE item_id = ? AND attachment_id = ? AND deleted_at IS NULL`, [now, now, itemId, attachmentId]);
    if (r.changes === 0) throw new AppError('NOT_FOUND', 'err.congress.item.materialNotFound');
    writeAudit(store, actor, { entity: 'congress_agenda_item', entityId: itemId, action: 'remove_material', before: { attachmentId } });
    return getSession(store, i.session_id);
  });
}

export { itemRow };
