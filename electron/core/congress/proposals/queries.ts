// Proposals: settings per term, the operator's standing (runner, committee, departments), list and detail reads.
import type { z } from 'zod';
import type { proposalsQuery } from '../../../../shared/congress/proposals/schemas';
import {
  DEFAULT_PROPOSAL_SETTINGS,
  type AnswerClass,
  type Feedback,
  type HazardLinkSummary,
  type LinkedHazard,
  type ProposalAnswer,
  type ProposalCategory,
  type ProposalDetail,
  type ProposalEvent,
  type ProposalRow,
  type ProposalSettings,
  type ProposalState,
} from '../../../../shared/congress/proposals/types';
import { allowedActions, collectionWindow, isOverdue, type ProposalActor } from '../../../../shared/congress/proposals/workflow';
import { CONGRESS_RUNNERS } from '../../../../shared/congress/reps/types';
import type { Operator } from '../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import type { Store } from '../../db/store';
import { todayLocal } from '../../util';
import { termRow } from '../reps/terms';

// ---------------------------------------------------------------------------------------------------------------
// Settings

export function proposalSettings(store: Store, termId: string): ProposalSettings {
  termRow(store, termId);
  const r = store.get<{ window_days: number; min_cosigners: number; second_answer_days: number; session_date: string | null }>(
    `SELECT window_days, min_cosigners, second_answer_days, session_date FROM congress_proposal_settings WHERE term_id = ?`,
    [termId],
  );
  const committee = store.all<{ workerId: string; name: string; empNo: string }>(
    `SELECT w.id AS workerId, w.name, w.emp_no AS empNo FROM congress_proposal_committee c JOIN workers w ON w.id = c.worker_id
     WHERE c.term_id = ? ORDER BY w.emp_no`,
    [termId],
  );
  const windowDays = r?.window_days ?? DEFAULT_PROPOSAL_SETTINGS.windowDays;
  const sessionDate = r?.session_date ?? null;
  return {
    termId,
    windowDays,
    minCosigners: r?.min_cosigners ?? DEFAULT_PROPOSAL_SETTINGS.minCosigners,
    secondAnswerDays: r?.second_answer_days ?? DEFAULT_PROPOSAL_SETTINGS.secondAnswerDays,
    sessionDate,
    committee,
    opensOn: sessionDate ? collectionWindow(sessionDate, windowDays).opensOn : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Who the operator is for the rules

export function isRunner(op: Operator): boolean {
  return holdsAnyRole(op, CONGRESS_RUNNERS);
}

export function proposalActor(store: Store, op: Operator, termId: string): ProposalActor {
  const w = store.get<{ workshop_id: string | null; team_id: string | null }>(`SELECT workshop_id, team_id FROM workers WHERE id = ?`, [op.workerId]);
  const onCommittee = !!store.get(`SELECT 1 FROM congress_proposal_committee WHERE term_id = ? AND worker_id = ?`, [termId, op.workerId]);
  return {
    isRunner: isRunner(op),
    onCommittee,
    workerId: op.workerId,
    unitIds: [w?.workshop_id, w?.team_id].filter((x): x is string => !!x),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reads

export interface ProposalBase {
  id: string;
  term_id: string;
  serial: string;
  title: string;
  category: ProposalCategory;
  state: ProposalState;
  round: number;
  proposer_id: string;
  proposer_name: string;
  proposer_emp_no: string;
  cosigners: number;
  submitted_on: string;
  session_date: string | null;
  on_behalf: number;
  lead_unit_id: string | null;
  lead_unit_name: string | null;
  due_date: string | null;
  answer_class: AnswerClass | null;
  feedback: Feedback | null;
  hz_total: number;
  hz_closed: number;
}

export const PROPOSAL_SELECT = `
  SELECT p.id, p.term_id, p.serial, p.title, p.category, p.state, p.round, p.proposer_id, w.name AS proposer_name, w.emp_no AS proposer_emp_no,
    (SELECT count(*) FROM congress_proposal_cosigners c WHERE c.proposal_id = p.id) AS cosigners,
    p.submitted_on, p.session_date, p.on_behalf, p.lead_unit_id, u.name AS lead_unit_name, p.due_date,
    (SELECT a.answer_class FROM congress_proposal_answers a WHERE a.proposal_id = p.id ORDER BY a.round DESC LIMIT 1) AS answer_class,
    (SELECT a.feedback FROM congress_proposal_answers a WHERE a.proposal_id = p.id ORDER BY a.round DESC LIMIT 1) AS feedback,
    (SELECT count(*) FROM congress_proposal_hazards l JOIN hazards h ON h.id = l.hazard_id
       WHERE l.proposal_id = p.id AND h.status <> 'cancelled' AND h.deleted_at IS NULL) AS hz_total,
    (SELECT count(*) FROM congress_proposal_hazards l JOIN hazards h ON h.id = l.hazard_id
       WHERE l.proposal_id = p.id AND h.status = 'closed' AND h.deleted_at IS NULL) AS hz_closed
  FROM congress_proposals p
  JOIN workers w ON w.id = p.proposer_id
  LEFT JOIN org_units u ON u.id = p.lead_unit_id`;

export const hazardSummary = (total: number, closed: number): HazardLinkSummary => ({ total, closed, allClosed: total > 0 && closed === total });

export function toRow(r: ProposalBase, today: string): ProposalRow {
  return {
    id: r.id,
    termId: r.term_id,
    serial: r.serial,
    title: r.title,
    category: r.category,
    state: r.state,
    round: r.round,
    proposer: { workerId: r.proposer_id, name: r.proposer_name, empNo: r.proposer_emp_no },
    cosigners: r.cosigners,
    submittedOn: r.submitted_on,
    sessionDate: r.session_date,
    onBehalf: r.on_behalf === 1,
    leadUnitId: r.lead_unit_id,
    leadUnitName: r.lead_unit_name,
    dueDate: r.due_date,
    overdue: isOverdue({ state: r.state, dueDate: r.due_date }, today),
    answerClass: r.answer_class,
    feedback: r.feedback,
    hazards: hazardSummary(r.hz_total, r.hz_closed),
  };
}

export function listProposals(store: Store, q: z.output<typeof proposalsQuery>): ProposalRow[] {
  termRow(store, q.termId);
  const today = todayLocal();
  const where = ['p.term_id = :termId'];
  const params: Record<string, unknown> = { termId: q.termId };
  if (q.state) {
    where.push('p.state = :state');
    params.state = q.state;
  }
  if (q.category) {
    where.push('p.category = :category');
    params.category = q.category;
  }
  if (q.overdue) {
    where.push(`p.state = 'assigned' AND p.due_date < :today`);
    params.today = today;
  }
  if (q.search) {
    where.push(`(p.serial LIKE :like ESCAPE '\\' OR p.title LIKE :like ESCAPE '\\' OR w.name LIKE :like ESCAPE '\\')`);
    params.like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return store
    .all<ProposalBase>(`${PROPOSAL_SELECT} WHERE ${where.join(' AND ')} ORDER BY p.rid`, params)
    .map((r) => toRow(r, today));
}

export function baseRow(store: Store, id: string): ProposalBase {
  const r = store.get<ProposalBase>(`${PROPOSAL_SELECT} WHERE p.id = ?`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.congress.proposal.notFound', { id });
  return r;
}

export function getProposal(store: Store, id: string, op: Operator | null): ProposalDetail {
  const r = baseRow(store, id);
  const today = todayLocal();
  const more = store.get<{ reason: string; measure: string; entered_by_name: string; review_note: string | null }>(
    `SELECT reason, measure, entered_by_name, review_note FROM congress_proposals WHERE id = ?`,
    [id],
  )!;
  const cosignerList = store.all<{ workerId: string; name: string; empNo: string }>(
    `SELECT w.id AS workerId, w.name, w.emp_no AS empNo FROM congress_proposal_cosigners c JOIN workers w ON w.id = c.worker_id
     WHERE c.proposal_id = ? ORDER BY c.sort_order`,
    [id],
  );
  const coUnits = store.all<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM congress_proposal_units x JOIN org_units u ON u.id = x.unit_id WHERE x.proposal_id = ? ORDER BY u.sort_order, u.name`,
    [id],
  );
  const photoIds = store
    .all<{ attachment_id: string }>(`SELECT attachment_id FROM congress_proposal_photos WHERE proposal_id = ? ORDER BY sort_order`, [id])
    .map((x) => x.attachment_id);
  const answers = store
    .all<{
      round: number;
      answer_class: AnswerClass;
      text: string;
      plan: string | null;
      planned_by: string | null;
      reason: string | null;
      cost: number | null;
      answered_at: string;
      answered_by: string;
      feedback: Feedback | null;
      feedback_note: string | null;
      feedback_at: string | null;
      feedback_by: string | null;
      feedback_on_behalf: number;
    }>(`SELECT * FROM congress_proposal_answers WHERE proposal_id = ? ORDER BY round`, [id])
    .map(
      (a): ProposalAnswer => ({
        round: a.round,
        answerClass: a.answer_class,
        text: a.text,
        plan: a.plan,
        plannedBy: a.planned_by,
        reason: a.reason,
        cost: a.cost,
        answeredAt: a.answered_at,
        answeredBy: a.answered_by,
        feedback: a.feedback,
        feedbackNote: a.feedback_note,
        feedbackAt: a.feedback_at,
        feedbackBy: a.feedback_by,
        feedbackOnBehalf: a.feedback_on_behalf === 1,
      }),
    );
  const events = store.all<ProposalEvent>(
    `SELECT id, at, actor_name AS actorName, action, from_state AS fromState, to_state AS toState, comment
     FROM congress_proposal_events WHERE proposal_id = ? ORDER BY at, rid`,
    [id],
  );
  const linkedHazards = store
    .all<{ id: string; serial: string; status: string; description: string; created: number }>(
      `SELECT h.id, h.serial, h.status, h.description, l.created FROM congress_proposal_hazards l JOIN hazards h ON h.id = l.hazard_id
       WHERE l.proposal_id = ? AND h.deleted_at IS NULL ORDER BY l.linked_at, h.serial`,
      [id],
    )
    .map((h): LinkedHazard => ({ ...h, created: h.created === 1 }));
  const actor = op ? proposalActor(store, op, r.term_id) : null;
  return {
    ...toRow(r, today),
    reason: more.reason,
    measure: more.measure,
    cosignerList,
    coUnits,
    photoIds,
    enteredBy: more.entered_by_name,
    reviewNote: more.review_note,
    answers,
    events,
    linkedHazards,
    allowedActions: actor
      ? allowedActions({ state: r.state, category: r.category, proposerId: r.proposer_id, leadUnitId: r.lead_unit_id }, actor)
      : [],
  };
}
