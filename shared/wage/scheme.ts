// The lifecycle of a skill-level wage scheme version, as data (issue 9, "The scheme"): a draft is put to the congress
// (the vote on agenda item 4), adopted by the passed vote — or by a recorded adoption elsewhere with its document
// number — made effective from a date, and superseded by the next version. Only a draft is edited; an adopted version
// never changes (a new version is a copy). The backend enforces refusal(); the UI shows allowedActions().

import type { CommitteeRole } from '../roster/roles';

export const SCHEME_STATES = ['draft', 'proposed', 'adopted', 'effective', 'superseded', 'rejected'] as const;
export type SchemeState = (typeof SCHEME_STATES)[number];

export const SCHEME_ACTIONS = ['edit', 'propose', 'withdraw', 'recordVote', 'adoptElsewhere', 'makeEffective', 'supersede', 'correctDates', 'copy', 'delete'] as const;
export type SchemeAction = (typeof SCHEME_ACTIONS)[number];

/** What an action needs besides the state: the vote's verdict, an adoption record, an effective date. */
export interface SchemeFacts {
  /** recordVote: the linked vote's verdict (decided by the congress rules: yes > ½ of all representatives) */
  verdict?: 'passed' | 'failed' | 'noQuorum' | null;
  /** propose: the session agenda item the scheme is put to */
  agendaItemId?: string | null;
  /** adoptElsewhere: the document number and date of the adoption recorded outside Ankang */
  adoption?: { docNo: string; date: string } | null;
  /** makeEffective: from when, and the adoption date it may not precede */
  effectiveFrom?: string | null;
  adoptedOn?: string | null;
  /** correctDates: why (audited), and the period of an approved run that uses the version (the dates are then fixed) */
  reason?: string | null;
  approvedRunPeriod?: string | null;
}

export type SchemeRefusal =
  | 'wage.scheme.runnersOnly'
  | 'wage.scheme.wrongState'
  | 'wage.scheme.needsAgendaItem'
  | 'wage.scheme.voteNotDecided'
  | 'wage.scheme.needsAdoptionRecord'
  | 'wage.scheme.needsEffectiveDate'
  | 'wage.scheme.effectiveBeforeAdoption'
  | 'wage.scheme.needsReason'
  | 'wage.scheme.usedByApprovedRun';

/** From which states each action may be taken, and the state it leads to (null: no change of state). */
export const SCHEME_TRANSITIONS: Readonly<Record<SchemeAction, { from: readonly SchemeState[]; to: SchemeState | null | 'byVerdict' }>> = {
  edit: { from: ['draft'], to: null },
  propose: { from: ['draft'], to: 'proposed' },
  withdraw: { from: ['proposed'], to: 'draft' },
  recordVote: { from: ['proposed'], to: 'byVerdict' },
  // from a draft only: a version put to the congress is decided by its vote (withdraw it first to record another way)
  adoptElsewhere: { from: ['draft'], to: 'adopted' },
  makeEffective: { from: ['adopted'], to: 'effective' },
  supersede: { from: ['effective'], to: 'superseded' },
  // a wrong adoption or effective date is corrected (with a reason) while no approved run uses the version
  correctDates: { from: ['adopted', 'effective', 'superseded'], to: null },
  // any version can be the start of a new draft; only a draft is deleted (an adopted one is a record)
  copy: { from: SCHEME_STATES, to: null },
  delete: { from: ['draft'], to: null },
};

/** Why an action is refused (null: allowed). `runner`: the operator manages the wage (committee, administrators). */
export function refusal(state: SchemeState, action: SchemeAction, runner: boolean, facts: SchemeFacts = {}): SchemeRefusal | null {
  if (!runner) return 'wage.scheme.runnersOnly';
  if (!SCHEME_TRANSITIONS[action].from.includes(state)) return 'wage.scheme.wrongState';
  switch (action) {
    case 'propose':
      return facts.agendaItemId ? null : 'wage.scheme.needsAgendaItem';
    case 'recordVote':
      // no quorum is no decision: the scheme stays proposed until a valid vote
      return facts.verdict === 'passed' || facts.verdict === 'failed' ? null : 'wage.scheme.voteNotDecided';
    case 'adoptElsewhere':
      return facts.adoption?.docNo.trim() && facts.adoption.date ? null : 'wage.scheme.needsAdoptionRecord';
    case 'makeEffective':
      if (!facts.effectiveFrom) return 'wage.scheme.needsEffectiveDate';
      return facts.adoptedOn && facts.effectiveFrom < facts.adoptedOn ? 'wage.scheme.effectiveBeforeAdoption' : null;
    case 'correctDates':
      if (facts.approvedRunPeriod) return 'wage.scheme.usedByApprovedRun';
      return facts.reason?.trim() ? null : 'wage.scheme.needsReason';
    default:
      return null;
  }
}

/** The state after an allowed action (throws on a refused one: callers check refusal() first). */
export function nextState(state: SchemeState, action: SchemeAction, runner: boolean, facts: SchemeFacts = {}): SchemeState {
  const r = refusal(state, action, runner, facts);
  if (r) throw new Error(`refused: ${action} from ${state} (${r})`);
  const to = SCHEME_TRANSITIONS[action].to;
  if (to === null) return state;
  if (to === 'byVerdict') return facts.verdict === 'passed' ? 'adopted' : 'rejected';
  return to;
}

/** The actions whose buttons a screen shows for this state and operator (facts are checked when the action is taken). */
export function allowedActions(state: SchemeState, runner: boolean): SchemeAction[] {
  if (!runner) return [];
  return SCHEME_ACTIONS.filter((a) => SCHEME_TRANSITIONS[a].from.includes(state));
}

/** May a monthly run use this version? Only an effective one (or one superseded later, for the months before). */
export function usableForRuns(state: SchemeState): boolean {
  return state === 'effective' || state === 'superseded';
}

/** Who runs the wage (schemes, runs, review and approval): union officers — and administrators, who hold every role. */
export const WAGE_RUNNERS = ['union_officer'] as const satisfies readonly CommitteeRole[];
