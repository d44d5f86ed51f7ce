// The session's workflow and the vote's, as data: which step may be taken from which status. The backend enforces it
// (refusal), the screen shows only the allowed buttons (allowedActions). Only union officers and administrators run
// sessions (CONGRESS_RUNNERS); everyone else may read.
import type { SessionStatus, VoteStatus } from './types';

export const SESSION_ACTIONS = ['edit', 'delete', 'issue', 'withdraw', 'open', 'close', 'attendance', 'vote', 'record'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

export interface SessionStep {
  from: readonly SessionStatus[];
  /** the status after the step; absent: the step does not move the session */
  to?: SessionStatus;
}

/**
 * edit: details, agenda and materials while preparing; issue: the papers go out and the hazard figures are frozen;
 * withdraw: the papers are taken back (the figures thaw); open: the session starts; close: it ends (no vote pending);
 * attendance: check-in from the papers' issue to the end of the session; vote: open, count and announce votes;
 * record: what was heard and the resolutions, during and after the session.
 */
export const SESSION_WORKFLOW: Record<SessionAction, SessionStep> = {
  edit: { from: ['preparing'] },
  delete: { from: ['preparing'] },
  issue: { from: ['preparing'], to: 'issued' },
  withdraw: { from: ['issued'], to: 'preparing' },
  open: { from: ['issued'], to: 'in_session' },
  close: { from: ['in_session'], to: 'closed' },
  attendance: { from: ['issued', 'in_session'] },
  vote: { from: ['in_session'] },
  record: { from: ['in_session', 'closed'] },
};

export interface Refusal {
  key: string;
  params?: Record<string, string | number>;
}

/** Why `action` may not be taken now, or null when it may. */
export function refusal(action: SessionAction, status: SessionStatus, canRun: boolean): Refusal | null {
  if (!canRun) return { key: 'err.congress.runnersOnly' };
  const step = SESSION_WORKFLOW[action];
  if (!step.from.includes(status)) return { key: `err.congress.session.cannot.${action}`, params: { status } };
  return null;
}

export function allowedActions(status: SessionStatus, canRun: boolean): SessionAction[] {
  return SESSION_ACTIONS.filter((a) => refusal(a, status, canRun) === null);
}

export function nextStatus(action: SessionAction, status: SessionStatus): SessionStatus {
  return SESSION_WORKFLOW[action].to ?? status;
}

// ---------------------------------------------------------------------------------------------------------
// A vote: opened (only with a quorum) → counted (the ballots entered; may be entered again) → announced (locked).

export const VOTE_ACTIONS = ['count', 'announce', 'discard', 'correct'] as const;
export type VoteAction = (typeof VOTE_ACTIONS)[number];

export const VOTE_WORKFLOW: Record<VoteAction, { from: readonly VoteStatus[]; to?: VoteStatus }> = {
  count: { from: ['open', 'counted'], to: 'counted' },
  announce: { from: ['counted'], to: 'announced' },
  discard: { from: ['open', 'counted'] },
  /** an announced result is changed only by a correction with its reason, audited */
  correct: { from: ['announced'] },
};

export function voteRefusal(action: VoteAction, status: VoteStatus): Refusal | null {
  if (!VOTE_WORKFLOW[action].from.includes(status)) {
    return status === 'announced' ? { key: 'err.congress.vote.locked' } : { key: `err.congress.vote.cannot.${action}`, params: { status } };
  }
  return null;
}

export function voteActions(status: VoteStatus): VoteAction[] {
  return VOTE_ACTIONS.filter((a) => voteRefusal(a, status) === null);
}
