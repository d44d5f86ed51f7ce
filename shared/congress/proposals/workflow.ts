// The proposal workflow as data: which action is allowed from which state, and to whom. Pure; the backend enforces
// it (electron/core/congress/proposals/workflow.ts) and the UI shows only the allowed actions.
import { HAZARD_LINK_CATEGORIES, type Feedback, type ProposalCategory, type ProposalState } from './types';

export const PROPOSAL_ACTIONS = ['file', 'refer', 'reject', 'assign', 'answer', 'feedback', 'archive', 'linkHazard'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/**
 * Who may take a step:
 *  committee — the proposal committee: union officers, administrators and the workers listed in the term's settings
 *  runner    — union officers and administrators (the union office)
 *  lead      — an operator whose worker belongs to the lead department (主办单位), or a runner
 *  proposer  — the proposer, or a runner recording on their behalf
 */
export type ProposalWho = 'committee' | 'runner' | 'lead' | 'proposer';

export const PROPOSAL_TRANSITIONS: Record<ProposalAction, { from: readonly ProposalState[]; to: ProposalState | 'same' | 'feedback'; who: ProposalWho }> = {
  file: { from: ['submitted'], to: 'filed', who: 'committee' },
  refer: { from: ['submitted'], to: 'referred', who: 'committee' },
  reject: { from: ['submitted'], to: 'rejected', who: 'committee' },
  // assigning again (another department, a new due date) is allowed until the answer
  assign: { from: ['filed', 'assigned'], to: 'assigned', who: 'runner' },
  answer: { from: ['assigned'], to: 'answered', who: 'lead' },
  // 'feedback': closed, or back to assigned for a second answer (nextState)
  feedback: { from: ['answered'], to: 'feedback', who: 'proposer' },
  archive: { from: ['closed', 'referred', 'rejected'], to: 'archived', who: 'runner' },
  linkHazard: { from: ['filed', 'assigned', 'answered'], to: 'same', who: 'lead' },
};

export interface ProposalActor {
  /** union officer or administrator */
  isRunner: boolean;
  /** listed on the term's proposal committee */
  onCommittee: boolean;
  workerId: string;
  /** the org units the operator's worker belongs to (workshop and team) */
  unitIds: readonly string[];
}

export interface ProposalState4Rules {
  state: ProposalState;
  category: ProposalCategory;
  proposerId: string;
  leadUnitId: string | null;
}

export type ProposalRefusal = 'state' | 'role' | 'category';

export function mayAct(who: ProposalWho, p: ProposalState4Rules, a: ProposalActor): boolean {
  if (a.isRunner) return true;
  switch (who) {
    case 'committee':
      return a.onCommittee;
    case 'runner':
      return false;
    case 'lead':
      return p.leadUnitId !== null && a.unitIds.includes(p.leadUnitId);
    case 'proposer':
      return a.workerId === p.proposerId;
  }
}

/** Why `action` is refused for this operator on this proposal, or null when it is allowed. */
export function refusal(action: ProposalAction, p: ProposalState4Rules, a: ProposalActor): ProposalRefusal | null {
  const t = PROPOSAL_TRANSITIONS[action];
  if (!t.from.includes(p.state)) return 'state';
  if (action === 'linkHazard' && !HAZARD_LINK_CATEGORIES.includes(p.category)) return 'category';
  if (!mayAct(t.who, p, a)) return 'role';
  return null;
}

export function allowedActions(p: ProposalState4Rules, a: ProposalActor): ProposalAction[] {
  return PROPOSAL_ACTIONS.filter((x) => refusal(x, p, a) === null);
}

/**
 * The state after an allowed action. Feedback: 不满意 on the first answer sends the proposal back to the lead
 * department once (round 2); any feedback on the second answer — which is final — closes it.
 */
export function nextState(action: ProposalAction, p: { state: ProposalState; round: number }, feedback?: Feedback): ProposalState {
  const t = PROPOSAL_TRANSITIONS[action];
  if (t.to === 'same') return p.state;
  if (t.to === 'feedback') return feedback === 'dissatisfied' && p.round === 1 ? 'assigned' : 'closed';
  return t.to;
}

/** Assigned, with a due date that has passed (today is after it) and no answer yet. */
export function isOverdue(p: { state: ProposalState; dueDate: string | null }, today: string): boolean {
  return p.state === 'assigned' && p.dueDate !== null && p.dueDate < today;
}

/** 'TA3-2026-001': 提案, the term's number, the year of submission, a sequence per term and year. */
export function proposalSerial(termNumber: number, year: number, seq: number): string {
  return `TA${termNumber}-${year}-${String(seq).padStart(3, '0')}`;
}

/** The collection window for a session on `sessionDate`: from windowDays before it until the day before it. */
export function collectionWindow(sessionDate: string, windowDays: number): { opensOn: string; closesOn: string } {
  return { opensOn: shiftDate(sessionDate, -windowDays), closesOn: shiftDate(sessionDate, -1) };
}

export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
