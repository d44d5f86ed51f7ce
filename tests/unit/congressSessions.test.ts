// The session's and the vote's workflow tables (issue 8, "The session" and "The day"): every step allowed and refused,
// for a runner and for anyone else; the 5+X template.
import { describe, expect, it } from 'vitest';
import { AGENDA_TEMPLATE, FIVE_KEYS, SESSION_STATUSES, VOTE_STATUSES, type SessionStatus, type VoteStatus } from '../../shared/congress/sessions/types';
import {
  allowedActions,
  nextStatus,
  refusal,
  SESSION_ACTIONS,
  voteActions,
  voteRefusal,
  VOTE_ACTIONS,
  type SessionAction,
  type VoteAction,
} from '../../shared/congress/sessions/workflow';
import { messages } from '../../shared/congress/sessions/messages';

/** The expected table, written out independently of the code's. */
const ALLOWED: Record<SessionStatus, SessionAction[]> = {
  preparing: ['edit', 'delete', 'issue'],
  issued: ['withdraw', 'open', 'attendance'],
  in_session: ['close', 'attendance', 'vote', 'record'],
  closed: ['record'],
};
const MOVES: Partial<Record<SessionAction, [SessionStatus, SessionStatus]>> = {
  issue: ['preparing', 'issued'],
  withdraw: ['issued', 'preparing'],
  open: ['issued', 'in_session'],
  close: ['in_session', 'closed'],
};

describe('session workflow', () => {
  const cases = SESSION_STATUSES.flatMap((s) => SESSION_ACTIONS.map((a) => [s, a, ALLOWED[s].includes(a)] as const));
  it.each(cases)('%s → %s allowed: %s', (status, action, ok) => {
    const r = refusal(action, status, true);
    if (ok) expect(r).toBeNull();
    else {
      expect(r).toEqual({ key: `err.congress.session.cannot.${action}`, params: { status } });
      expect(messages[r!.key as keyof typeof messages]).toBeDefined();
    }
    // whoever does not run the congress is refused every step, whatever the status
    expect(refusal(action, status, false)).toEqual({ key: 'err.congress.runnersOnly' });
  });

  it('allowedActions lists exactly the table; nothing for a non-runner', () => {
    for (const s of SESSION_STATUSES) {
      expect(allowedActions(s, true)).toEqual(SESSION_ACTIONS.filter((a) => ALLOWED[s].includes(a)));
      expect(allowedActions(s, false)).toEqual([]);
    }
  });

  it('the moving steps lead where the table says; the others leave the status', () => {
    for (const a of SESSION_ACTIONS) {
      for (const s of SESSION_STATUSES) {
        const move = MOVES[a];
        expect(nextStatus(a, s)).toBe(move ? move[1] : s);
      }
    }
  });
});

const VOTE_ALLOWED: Record<VoteStatus, VoteAction[]> = {
  open: ['count', 'discard'],
  counted: ['count', 'announce', 'discard'],
  announced: ['correct'],
};

describe('vote workflow', () => {
  const cases = VOTE_STATUSES.flatMap((s) => VOTE_ACTIONS.map((a) => [s, a, VOTE_ALLOWED[s].includes(a)] as const));
  it.each(cases)('%s → %s allowed: %s', (status, action, ok) => {
    const r = voteRefusal(action, status);
    if (ok) expect(r).toBeNull();
    else if (status === 'announced') expect(r).toEqual({ key: 'err.congress.vote.locked' });
    else expect(r).toEqual({ key: `err.congress.vote.cannot.${action}`, params: { status } });
    if (r) expect(messages[r.key as keyof typeof messages]).toBeDefined();
  });
  it('an announced result is locked: only a correction', () => {
    expect(voteActions('announced')).toEqual(['correct']);
    expect(voteActions('open')).toEqual(['count', 'discard']);
  });
});

describe('the 5+X template', () => {
  it('has the five safety items in order, between the work report and the resolutions', () => {
    const keys = AGENDA_TEMPLATE.map((t) => t.key);
    expect(keys).toEqual(['opening', 'work_report', ...FIVE_KEYS, 'resolutions', 'closing']);
    expect(AGENDA_TEMPLATE.slice(2, 7).map((t) => t.title)).toEqual([
      '班组安全生产教育引领',
      '职工安全生产技能建设',
      '劳动保护设施配备',
      '安全生产“能级工资”专题协商',
      '安全隐患提案整改落实',
    ]);
  });
});
