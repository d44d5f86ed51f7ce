// The scheme lifecycle as a workflow table (issue 9): every allowed and refused step — no effective date without an
// adoption, no edit after adoption, a vote without quorum decides nothing.
import { describe, expect, it } from 'vitest';
import { allowedActions, nextState, refusal, SCHEME_ACTIONS, SCHEME_STATES, usableForRuns, type SchemeAction, type SchemeFacts, type SchemeState } from '../../shared/wage/scheme';

/** Facts that satisfy every action's needs, so only the state decides. */
const ALL_FACTS: SchemeFacts = { verdict: 'passed', agendaItemId: 'item-4', adoption: { docNo: '安康〔2026〕3号', date: '2026-04-22' }, effectiveFrom: '2026-05-01', adoptedOn: '2026-04-22', reason: '通过日期登记错误' };

const ALLOWED: Record<SchemeState, SchemeAction[]> = {
  draft: ['edit', 'propose', 'adoptElsewhere', 'copy', 'delete'],
  // once put to the congress its vote decides (withdraw it first to record another way)
  proposed: ['withdraw', 'recordVote', 'copy'],
  adopted: ['makeEffective', 'correctDates', 'copy'],
  effective: ['supersede', 'correctDates', 'copy'],
  superseded: ['correctDates', 'copy'],
  rejected: ['copy'],
};

describe('the scheme workflow table', () => {
  it.each(SCHEME_STATES.flatMap((s) => SCHEME_ACTIONS.map((a) => [s, a] as const)))('%s × %s', (state, action) => {
    const allowed = ALLOWED[state].includes(action);
    expect(refusal(state, action, true, ALL_FACTS)).toBe(allowed ? null : 'wage.scheme.wrongState');
    // nobody but the committee takes any step
    expect(refusal(state, action, false, ALL_FACTS)).toBe('wage.scheme.runnersOnly');
  });

  it('the buttons a screen shows are the allowed actions; none for others', () => {
    for (const s of SCHEME_STATES) expect(allowedActions(s, true)).toEqual(ALLOWED[s]);
    for (const s of SCHEME_STATES) expect(allowedActions(s, false)).toEqual([]);
  });

  it('the path: draft → proposed → adopted by the passed vote → effective → superseded', () => {
    let s: SchemeState = 'draft';
    s = nextState(s, 'propose', true, { agendaItemId: 'item-4' });
    expect(s).toBe('proposed');
    s = nextState(s, 'recordVote', true, { verdict: 'passed' });
    expect(s).toBe('adopted');
    expect(refusal(s, 'edit', true)).toBe('wage.scheme.wrongState'); // never edited after adoption
    s = nextState(s, 'makeEffective', true, { effectiveFrom: '2026-05-01', adoptedOn: '2026-04-22' });
    expect(s).toBe('effective');
    expect(usableForRuns(s)).toBe(true);
    s = nextState(s, 'supersede', true);
    expect(s).toBe('superseded');
    expect(usableForRuns(s)).toBe(true); // for the months before the next version
  });

  it('a failed vote rejects the version; no quorum decides nothing', () => {
    expect(nextState('proposed', 'recordVote', true, { verdict: 'failed' })).toBe('rejected');
    expect(refusal('proposed', 'recordVote', true, { verdict: 'noQuorum' })).toBe('wage.scheme.voteNotDecided');
    expect(refusal('proposed', 'recordVote', true, {})).toBe('wage.scheme.voteNotDecided');
    expect(usableForRuns('rejected')).toBe(false);
  });

  it('each action’s own needs', () => {
    expect(refusal('draft', 'propose', true, {})).toBe('wage.scheme.needsAgendaItem');
    expect(refusal('draft', 'adoptElsewhere', true, { adoption: { docNo: '  ', date: '2026-04-22' } })).toBe('wage.scheme.needsAdoptionRecord');
    expect(refusal('draft', 'adoptElsewhere', true, {})).toBe('wage.scheme.needsAdoptionRecord');
    expect(nextState('draft', 'adoptElsewhere', true, { adoption: { docNo: '集体合同第2号', date: '2026-04-22' } })).toBe('adopted');
    // no effective date without an adoption (the state), nor without a date, nor before the adoption
    expect(refusal('draft', 'makeEffective', true, { effectiveFrom: '2026-05-01' })).toBe('wage.scheme.wrongState');
    expect(refusal('adopted', 'makeEffective', true, {})).toBe('wage.scheme.needsEffectiveDate');
    expect(refusal('adopted', 'makeEffective', true, { effectiveFrom: '2026-04-01', adoptedOn: '2026-04-22' })).toBe('wage.scheme.effectiveBeforeAdoption');
    expect(refusal('adopted', 'makeEffective', true, { effectiveFrom: '2026-04-22', adoptedOn: '2026-04-22' })).toBeNull();
    expect(() => nextState('adopted', 'edit', true)).toThrow(/refused/);
    // a wrong date is corrected with a reason, and only while no approved run used the version
    expect(refusal('effective', 'correctDates', true, {})).toBe('wage.scheme.needsReason');
    expect(refusal('effective', 'correctDates', true, { reason: '  ' })).toBe('wage.scheme.needsReason');
    expect(refusal('effective', 'correctDates', true, { reason: '录入错误', approvedRunPeriod: '2026-11' })).toBe('wage.scheme.usedByApprovedRun');
    expect(nextState('effective', 'correctDates', true, { reason: '录入错误' })).toBe('effective');
    expect(refusal('proposed', 'adoptElsewhere', true, ALL_FACTS)).toBe('wage.scheme.wrongState');
  });
});
