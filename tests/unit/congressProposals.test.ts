// The proposal workflow table (shared/congress/proposals/workflow.ts): every step allowed and refused, by state and by
// who asks; the second-answer rule; overdue; serials and the collection window.
import { describe, expect, it } from 'vitest';
import { PROPOSAL_CATEGORIES, PROPOSAL_STATES, type ProposalState } from '../../shared/congress/proposals/types';
import {
  allowedActions,
  collectionWindow,
  isOverdue,
  nextState,
  PROPOSAL_ACTIONS,
  PROPOSAL_TRANSITIONS,
  proposalSerial,
  refusal,
  type ProposalAction,
  type ProposalActor,
  type ProposalState4Rules,
} from '../../shared/congress/proposals/workflow';

const runner: ProposalActor = { isRunner: true, onCommittee: false, workerId: 'office', unitIds: [] };
const committee: ProposalActor = { isRunner: false, onCommittee: true, workerId: 'c1', unitIds: ['other'] };
const lead: ProposalActor = { isRunner: false, onCommittee: false, workerId: 'l1', unitIds: ['ws1', 'team1'] };
const proposer: ProposalActor = { isRunner: false, onCommittee: false, workerId: 'p1', unitIds: [] };
const stranger: ProposalActor = { isRunner: false, onCommittee: false, workerId: 'x', unitIds: ['other'] };
const p = (state: ProposalState, extra: Partial<ProposalState4Rules> = {}): ProposalState4Rules => ({
  state,
  category: 'safety',
  proposerId: 'p1',
  leadUnitId: 'team1',
  ...extra,
});

/** state → the actions a runner (who may do everything) may take there */
const BY_STATE: Record<ProposalState, ProposalAction[]> = {
  submitted: ['file', 'refer', 'reject'],
  filed: ['assign', 'linkHazard'],
  referred: ['archive'],
  rejected: ['archive'],
  assigned: ['assign', 'answer', 'linkHazard'],
  answered: ['feedback', 'linkHazard'],
  closed: ['archive'],
  archived: [],
};

describe('the workflow table', () => {
  it.each(PROPOSAL_STATES)('from %s the union office may take exactly its steps; every other step is refused for the state', (state) => {
    expect(allowedActions(p(state), runner)).toEqual(BY_STATE[state]);
    for (const a of PROPOSAL_ACTIONS) {
      expect(refusal(a, p(state), runner)).toBe(BY_STATE[state].includes(a) ? null : 'state');
    }
  });

  it('the proposal committee reviews, and only reviews', () => {
    expect(allowedActions(p('submitted'), committee)).toEqual(['file', 'refer', 'reject']);
    expect(allowedActions(p('filed'), committee)).toEqual([]);
    expect(refusal('assign', p('filed'), committee)).toBe('role');
    expect(refusal('archive', p('closed'), committee)).toBe('role');
    for (const who of [lead, proposer, stranger]) expect(refusal('file', p('submitted'), who)).toBe('role');
  });

  it('the lead department answers its proposals and links hazards; another department cannot', () => {
    expect(allowedActions(p('assigned'), lead)).toEqual(['answer', 'linkHazard']);
    expect(allowedActions(p('assigned', { leadUnitId: 'ws1' }), lead)).toEqual(['answer', 'linkHazard']);
    expect(refusal('answer', p('assigned'), stranger)).toBe('role');
    expect(refusal('answer', p('assigned'), proposer)).toBe('role');
    expect(refusal('answer', p('assigned', { leadUnitId: null }), lead)).toBe('role');
    // assigning is the union office's
    expect(refusal('assign', p('assigned'), lead)).toBe('role');
  });

  it('the proposer gives feedback on their proposal; nobody else but the union office', () => {
    expect(allowedActions(p('answered'), proposer)).toEqual(['feedback']);
    expect(refusal('feedback', p('answered'), lead)).toBe('role');
    expect(refusal('feedback', p('answered'), committee)).toBe('role');
    expect(refusal('feedback', p('answered'), runner)).toBeNull();
    expect(refusal('feedback', p('assigned'), proposer)).toBe('state');
  });

  it('only safety, occupational-health and protective-equipment proposals link hazards', () => {
    const linkable = PROPOSAL_CATEGORIES.filter((c) => refusal('linkHazard', p('filed', { category: c }), runner) === null);
    expect(linkable).toEqual(['safety', 'occupational_health', 'protective_equipment']);
    expect(refusal('linkHazard', p('filed', { category: 'wage' }), runner)).toBe('category');
    // the state is told first
    expect(refusal('linkHazard', p('closed', { category: 'wage' }), runner)).toBe('state');
  });

  it('nobody may do anything with an archived proposal', () => {
    for (const who of [runner, committee, lead, proposer, stranger]) expect(allowedActions(p('archived'), who)).toEqual([]);
  });

  it('every action of the table has a target', () => {
    for (const a of PROPOSAL_ACTIONS) expect(PROPOSAL_TRANSITIONS[a].from.length).toBeGreaterThan(0);
  });
});

describe('next state and the second answer', () => {
  it('review, assignment, answer and archive go where the table says', () => {
    expect(nextState('file', { state: 'submitted', round: 1 })).toBe('filed');
    expect(nextState('refer', { state: 'submitted', round: 1 })).toBe('referred');
    expect(nextState('reject', { state: 'submitted', round: 1 })).toBe('rejected');
    expect(nextState('assign', { state: 'filed', round: 1 })).toBe('assigned');
    expect(nextState('answer', { state: 'assigned', round: 1 })).toBe('answered');
    expect(nextState('archive', { state: 'closed', round: 1 })).toBe('archived');
    expect(nextState('linkHazard', { state: 'answered', round: 1 })).toBe('answered');
  });

  it('不满意 on the first answer sends it back once; on the second answer, which is final, it closes', () => {
    expect(nextState('feedback', { state: 'answered', round: 1 }, 'dissatisfied')).toBe('assigned');
    expect(nextState('feedback', { state: 'answered', round: 2 }, 'dissatisfied')).toBe('closed');
    expect(nextState('feedback', { state: 'answered', round: 1 }, 'satisfied')).toBe('closed');
    expect(nextState('feedback', { state: 'answered', round: 1 }, 'basically')).toBe('closed');
    expect(nextState('feedback', { state: 'answered', round: 2 }, 'satisfied')).toBe('closed');
  });
});

describe('overdue, serials, the window', () => {
  it('overdue: assigned and the due date passed (the due day itself is not overdue)', () => {
    expect(isOverdue({ state: 'assigned', dueDate: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ state: 'assigned', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ state: 'answered', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ state: 'assigned', dueDate: null }, '2026-03-02')).toBe(false);
  });

  it('serials are TA<term>-<year>-<seq>', () => {
    expect(proposalSerial(3, 2026, 1)).toBe('TA3-2026-001');
    expect(proposalSerial(12, 2027, 1234)).toBe('TA12-2027-1234');
  });

  it('the collection window runs from windowDays before the session to the day before it', () => {
    expect(collectionWindow('2026-03-31', 30)).toEqual({ opensOn: '2026-03-01', closesOn: '2026-03-30' });
    expect(collectionWindow('2026-01-10', 30)).toEqual({ opensOn: '2025-12-11', closesOn: '2026-01-09' });
  });
});
