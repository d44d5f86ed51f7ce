// Proposal writes: settings, submission, and the workflow steps the shared table allows
// (shared/congress/proposals/workflow.ts). One transaction per step: check → change → timeline event → read after →
// audit. A refused step throws before anything is written, so it changes nothing.
import type { z } from 'zod';
import type {
  proposalAnswer,
  proposalAssign,
  proposalFeedback,
  proposalHazardCreate,
  proposalHazardLink,
  proposalReview,
  proposalSettingsInput,
  proposalSubmit,
} from '../../../../shared/congress/proposals/schemas';
import type { ProposalDetail, ProposalSettings, ProposalState } from '../../../../shared/congress/proposals/types';
import { collectionWindow, nextState, PROPOSAL_TRANSITIONS, proposalSerial, refusal, shiftDate, type ProposalAction } from '../../../../shared/congress/proposals/workflow';
import { isImageMime } from '../../../../shared/attachments/rules';
import type { HazardData } from '../../../../shared/hazards/schemas';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { insertHazard } from '../../hazards/workflow';
import { nowIso, todayLocal, uuidv7 } from '../../util';
import { assertRunner, termRow } from '../reps/terms';
import { baseRow, getProposal, isRunner, proposalActor, proposalSettings, type ProposalBase } from './queries';

export interface ProposalCtx {
  store: Store;
  actor: Actor;
  operator: Operator;
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

export function saveSettings(store: Store, op: Operator, actor: Actor, d: z.output<typeof proposalSettingsInput>): ProposalSettings {
  assertRunner(op);
  return store.tx(() => {
    const t = termRow(store, d.termId);
    const before = proposalSettings(store, d.termId);
    if (d.sessionDate && (d.sessionDate < t.start_date || d.sessionDate > t.end_date)) {
      throw new AppError('VALIDATION', 'err.congress.proposal.sessionOutsideTerm', {
        start: t.start_date,
        end: t.end_date,
        issues: [{ path: 'sessionDate', message: 'v.invalid' }],
      });
    }
    const committee = [...new Set(d.committee)];
    for (const w of committee) {
      if (!store.get(`SELECT 1 FROM workers WHERE id = ? AND deleted_at IS NULL AND status = 'active'`, [w])) {
        throw new AppError('VALIDATION', 'err.congress.proposal.committeeNotWorker', { issues: [{ path: 'committee', message: 'v.invalid' }] });
      }
    }
    const now = nowIso();
    store.run(
      `INSERT INTO congress_proposal_settings (term_id, window_days, min_cosigners, second_answer_days, session_date, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (term_id) DO UPDATE SET window_days = excluded.window_days, min_cosigners = excluded.min_cosigners,
         second_answer_days = excluded.second_answer_days, session_date = excluded.session_date, updated_at = excluded.updated_at`,
      [d.termId, d.windowDays, d.minCosigners, d.secondAnswerDays, d.sessionDate, now],
    );
    store.run(`DELETE FROM congress_proposal_committee WHERE term_id = ?`, [d.termId]);
    for (const w of committee) store.run(`INSERT INTO congress_proposal_committee (term_id, worker_id) VALUES (?, ?)`, [d.termId, w]);
    const after = proposalSettings(store, d.termId);
    writeAudit(store, actor, { entity: 'congress_proposal_settings', entityId: d.termId, action: 'update', before, after }, now);
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function event(store: Store, actor: Actor, proposalId: string, action: string, from: ProposalState | null, to: ProposalState | null, comment: string | null, at: string) {
  store.run(
    `INSERT INTO congress_proposal_events (id, proposal_id, at, actor_id, actor_name, action, from_state, to_state, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [uuidv7(), proposalId, at, actor.id, actor.name, action, from, to, comment],
  );
}

/** The record as audited: without what depends on who reads it. */
function auditable(d: ProposalDetail) {
  const { events: _e, allowedActions: _a, overdue: _o, ...rest } = d;
  return rest;
}

const ROLE_REFUSAL = {
  committee: 'err.congress.proposal.committeeOnly',
  runner: 'err.congress.runnersOnly',
  lead: 'err.congress.proposal.leadOnly',
  proposer: 'err.congress.proposal.proposerOnly',
} as const;

/** Throws the step's refusal (shared rules), if any. */
function guard(store: Store, op: Operator, p: ProposalBase, action: ProposalAction): void {
  const why = refusal(action, { state: p.state, category: p.category, proposerId: p.proposer_id, leadUnitId: p.lead_unit_id }, proposalActor(store, op, p.term_id));
  if (why === 'state') throw new AppError('CONFLICT', 'err.congress.proposal.badState', { state: p.state, action });
  if (why === 'category') throw new AppError('CONFLICT', 'err.congress.proposal.categoryNoHazard');
  if (why === 'role') throw new AppError('FORBIDDEN', ROLE_REFUSAL[PROPOSAL_TRANSITIONS[action].who]);
}

/** One workflow step: guard → change → event → read after → audit, in one transaction. */
function step(
  c: ProposalCtx,
  id: string,
  action: ProposalAction,
  change: (p: ProposalBase, now: string) => { to: ProposalState; comment: string | null; event?: string },
): ProposalDetail {
  const { store, actor, operator } = c;
  return store.tx(() => {
    const p = baseRow(store, id);
    guard(store, operator, p, action);
    const before = getProposal(store, id, null);
    const now = nowIso();
    const r = change(p, now);
    store.run(`UPDATE congress_proposals SET state = ?, updated_at = ? WHERE id = ?`, [r.to, now, id]);
    event(store, actor, id, r.event ?? action, p.state, r.to, r.comment, now);
    const after = getProposal(store, id, operator);
    writeAudit(store, actor, { entity: 'congress_proposal', entityId: id, action: r.event ?? action, before: auditable(before), after: auditable(after) }, now);
    return after;
  });
}

/** A representative (with a vote) serving in the term on `day`. */
function serving(store: Store, termId: string, workerId: string, day: string): boolean {
  return !!store.get(
    `SELECT 1 FROM congress_members WHERE term_id = ? AND worker_id = ? AND kind = 'representative' AND joined_on <= ? AND (left_on IS NULL OR left_on > ?)`,
    [termId, workerId, day, day],
  );
}
const workerName = (store: Store, id: string) => store.get<{ name: string }>(`SELECT name FROM workers WHERE id = ?`, [id])?.name ?? id;

function nextSerial(store: Store, termId: string, termNumber: number, year: number): string {
  const kind = `congress_proposal:${termId}`;
  store.run(`INSERT INTO serials (kind, year, last) VALUES (?, ?, 1) ON CONFLICT (kind, year) DO UPDATE SET last = last + 1`, [kind, year]);
  const n = store.get<{ last: number }>(`SELECT last FROM serials WHERE kind = ? AND year = ?`, [kind, year])!.last;
  return proposalSerial(termNumber, year, n);
}

// ---------------------------------------------------------------------------------------------------------------
// Submission

export function submitProposal(c: ProposalCtx, d: z.output<typeof proposalSubmit>): ProposalDetail {
  const { store, actor, operator: op } = c;
  return store.tx(() => {
    const t = termRow(store, d.termId);
    // by the proposer, or by the union office on their behalf (recorded as such)
    const self = op.workerId === d.proposerId;
    if (!self && !isRunner(op)) throw new AppError('FORBIDDEN', 'err.congress.proposal.ownOrOffice');
    const s = proposalSettings(store, d.termId);
    const today = todayLocal();
    const on = d.submittedOn ?? today;
    if (on > today) throw new AppError('VALIDATION', 'err.congress.proposal.futureDate', { issues: [{ path: 'submittedOn', message: 'v.invalid' }] });
    if (!s.sessionDate) throw new AppError('CONFLICT', 'err.congress.proposal.collectionNotOpen');
    const win = collectionWindow(s.sessionDate, s.windowDays);
    if (on < win.opensOn || on > win.closesOn) {
      throw new AppError('VALIDATION', 'err.congress.proposal.outsideWindow', {
        opens: win.opensOn,
        closes: win.closesOn,
        issues: [{ path: 'submittedOn', message: 'v.invalid' }],
      });
    }
    if (!serving(store, d.termId, d.proposerId, on)) {
      throw new AppError('VALIDATION', 'err.congress.proposal.proposerNotServing', {
        name: workerName(store, d.proposerId),
        date: on,
        issues: [{ path: 'proposerId', message: 'v.invalid' }],
      });
    }
    const cos = d.cosignerIds;
    if (new Set(cos).size !== cos.length) {
      throw new AppError('VALIDATION', 'err.congress.proposal.cosignerTwice', { issues: [{ path: 'cosignerIds', message: 'v.duplicate' }] });
    }
    if (cos.includes(d.proposerId)) {
      throw new AppError('VALIDATION', 'err.congress.proposal.cosignerIsProposer', { issues: [{ path: 'cosignerIds', message: 'v.invalid' }] });
    }
    const notServing = cos.filter((w) => !serving(store, d.termId, w, on));
    if (notServing.length > 0) {
      throw new AppError('VALIDATION', 'err.congress.proposal.cosignerNotServing', {
        names: notServing.map((w) => workerName(store, w)).join('、'),
        issues: [{ path: 'cosignerIds', message: 'v.invalid' }],
      });
    }
    if (cos.length < s.minCosigners) {
      throw new AppError('VALIDATION', 'err.congress.proposal.tooFewCosigners', {
        min: s.minCosigners,
        count: cos.length,
        issues: [{ path: 'cosignerIds', message: 'v.required' }],
      });
    }
    for (const a of d.photoIds) {
      const m = store.get<{ mime: string; original_name: string | null }>(`SELECT mime, original_name FROM attachments WHERE id = ?`, [a]);
      if (!m) {
        throw new AppError('VALIDATION', 'err.congress.proposal.photoNotFound', { issues: [{ path: 'photoIds', message: 'v.invalid' }] });
      }
      // a document (agenda material) cannot be a proposal's photo
      if (!isImageMime(m.mime)) {
        throw new AppError('VALIDATION', 'err.attachment.notImage', { id: a, name: m.original_name ?? '', issues: [{ path: 'photoIds', message: 'v.photo' }] });
      }
    }
    const id = uuidv7();
    const now = nowIso();
    const serial = nextSerial(store, t.id, t.number, Number(on.slice(0, 4)));
    store.run(
      `INSERT INTO congress_proposals (id, term_id, serial, category, title, reason, measure, proposer_id, submitted_on, session_date,
         entered_by_id, entered_by_name, on_behalf, state, round, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', 1, ?, ?)`,
      [id, t.id, serial, d.category, d.title, d.reason, d.measure, d.proposerId, on, s.sessionDate, actor.id, actor.name, self ? 0 : 1, now, now],
    );
    cos.forEach((w, i) => store.run(`INSERT INTO congress_proposal_cosigners (proposal_id, worker_id, sort_order) VALUES (?, ?, ?)`, [id, w, i + 1]));
    [...new Set(d.photoIds)].forEach((a, i) =>
      store.run(`INSERT INTO congress_proposal_photos (proposal_id, attachment_id, sort_order) VALUES (?, ?, ?)`, [id, a, i + 1]),
    );
    event(store, actor, id, self ? 'submit' : 'submitOnBehalf', null, 'submitted', null, now);
    const after = getProposal(store, id, op);
    writeAudit(store, actor, { entity: 'congress_proposal', entityId: id, action: 'create', after: auditable(after) }, now);
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

export function reviewProposal(c: ProposalCtx, d: z.output<typeof proposalReview>): ProposalDetail {
  return step(c, d.id, d.decision, (p, now) => {
    const to = nextState(d.decision, p);
    c.store.run(`UPDATE congress_proposals SET review_note = ?, updated_at = ? WHERE id = ?`, [d.note, now, d.id]);
    return { to, comment: d.note };
  });
}

export function assignProposal(c: ProposalCtx, d: z.output<typeof proposalAssign>): ProposalDetail {
  const { store } = c;
  return step(c, d.id, 'assign', (p, now) => {
    const unitOk = (u: string) => !!store.get(`SELECT 1 FROM org_units WHERE id = ? AND deleted_at IS NULL AND retired_at IS NULL`, [u]);
    if (!unitOk(d.leadUnitId)) throw new AppError('VALIDATION', 'err.congress.proposal.unitNotFound', { issues: [{ path: 'leadUnitId', message: 'v.invalid' }] });
    const co = [...new Set(d.coUnitIds)];
    if (!co.every(unitOk)) throw new AppError('VALIDATION', 'err.congress.proposal.unitNotFound', { issues: [{ path: 'coUnitIds', message: 'v.invalid' }] });
    if (d.dueDate < todayLocal()) throw new AppError('VALIDATION', 'err.congress.proposal.dueInPast', { issues: [{ path: 'dueDate', message: 'v.invalid' }] });
    store.run(`UPDATE congress_proposals SET lead_unit_id = ?, due_date = ?, updated_at = ? WHERE id = ?`, [d.leadUnitId, d.dueDate, now, d.id]);
    store.run(`DELETE FROM congress_proposal_units WHERE proposal_id = ?`, [d.id]);
    for (const u of co) store.run(`INSERT INTO congress_proposal_units (proposal_id, unit_id) VALUES (?, ?)`, [d.id, u]);
    return { to: nextState('assign', p), comment: d.note };
  });
}

export function answerProposal(c: ProposalCtx, d: z.output<typeof proposalAnswer>): ProposalDetail {
  const { store, actor } = c;
  return step(c, d.id, 'answer', (p, now) => {
    const b = d.answerClass === 'B';
    const cc = d.answerClass === 'C';
    store.run(
      `INSERT INTO congress_proposal_answers (proposal_id, round, answer_class, text, plan, planned_by, reason, cost, answered_at, answered_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.id, p.round, d.answerClass, d.text, b ? d.plan : null, b ? d.plannedBy : null, cc ? d.reason : null, d.cost, now, actor.name],
    );
    return { to: nextState('answer', p), comment: d.answerClass };
  });
}

export function feedbackProposal(c: ProposalCtx, d: z.output<typeof proposalFeedback>): ProposalDetail {
  const { store, actor, operator } = c;
  return step(c, d.id, 'feedback', (p, now) => {
    const onBehalf = operator.workerId !== p.proposer_id;
    store.run(
      `UPDATE congress_proposal_answers SET feedback = ?, feedback_note = ?, feedback_at = ?, feedback_by = ?, feedback_on_behalf = ? WHERE proposal_id = ? AND round = ?`,
      [d.feedback, d.note, now, actor.name, onBehalf ? 1 : 0, d.id, p.round],
    );
    const to = nextState('feedback', p, d.feedback);
    if (to === 'assigned') {
      // sent back once: the lead department answers again, with at least secondAnswerDays from today
      const s = proposalSettings(store, p.term_id);
      const due = shiftDate(todayLocal(), s.secondAnswerDays);
      store.run(`UPDATE congress_proposals SET round = 2, due_date = max(coalesce(due_date, ''), ?) WHERE id = ?`, [due, d.id]);
    }
    return { to, comment: d.note, event: `feedback.${d.feedback}` };
  });
}

export function archiveProposal(c: ProposalCtx, id: string): ProposalDetail {
  return step(c, id, 'archive', (p) => ({ to: nextState('archive', p), comment: null }));
}

// ---------------------------------------------------------------------------------------------------------------
// The hazard ledger

/** Creates a hazard (source 'proposal', found by the proposer) through the hazard ledger's own insert, and links it. */
export function createLinkedHazard(c: ProposalCtx, d: z.output<typeof proposalHazardCreate>): ProposalDetail {
  const { store, actor } = c;
  return step(c, d.id, 'linkHazard', (p, now) => {
    const photoIds = store
      .all<{ attachment_id: string }>(`SELECT attachment_id FROM congress_proposal_photos WHERE proposal_id = ? ORDER BY sort_order`, [d.id])
      .map((x) => x.attachment_id);
    const data: HazardData = {
      foundAt: d.foundAt ?? now,
      finderId: p.proposer_id,
      source: 'proposal',
      orgUnitId: d.orgUnitId ?? p.lead_unit_id,
      place: d.place,
      equipment: null,
      category1: d.category1,
      category2: null,
      accidentType: d.accidentType,
      description: `${d.description}（职代会提案 ${p.serial}）`,
      productionStop: 'none',
      interimMeasures: null,
      grade: null,
      lec: null,
      photoIds,
    };
    const hazardId = insertHazard(store, actor, data);
    store.run(`INSERT INTO congress_proposal_hazards (proposal_id, hazard_id, created, linked_at) VALUES (?, ?, 1, ?)`, [d.id, hazardId, now]);
    const serial = store.get<{ serial: string }>(`SELECT serial FROM hazards WHERE id = ?`, [hazardId])!.serial;
    return { to: p.state, comment: serial, event: 'hazardCreate' };
  });
}

export function linkHazard(c: ProposalCtx, d: z.output<typeof proposalHazardLink>): ProposalDetail {
  const { store } = c;
  return step(c, d.id, 'linkHazard', (p, now) => {
    const h = store.get<{ serial: string }>(`SELECT serial FROM hazards WHERE id = ? AND deleted_at IS NULL`, [d.hazardId]);
    if (!h) throw new AppError('NOT_FOUND', 'err.congress.proposal.hazardNotFound', { id: d.hazardId });
    const linked = !!store.get(`SELECT 1 FROM congress_proposal_hazards WHERE proposal_id = ? AND hazard_id = ?`, [d.id, d.hazardId]);
    if (d.on) {
      if (linked) throw new AppError('CONFLICT', 'err.congress.proposal.hazardLinked');
      store.run(`INSERT INTO congress_proposal_hazards (proposal_id, hazard_id, created, linked_at) VALUES (?, ?, 0, ?)`, [d.id, d.hazardId, now]);
    } else {
      if (!linked) throw new AppError('CONFLICT', 'err.congress.proposal.hazardNotLinked');
      store.run(`DELETE FROM congress_proposal_hazards WHERE proposal_id = ? AND hazard_id = ?`, [d.id, d.hazardId]);
    }
    return { to: p.state, comment: h.serial, event: d.on ? 'hazardLink' : 'hazardUnlink' };
  });
}
