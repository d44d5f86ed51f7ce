import { describe, expect, it } from 'vitest';
import {
  ballotProblems,
  compositionChecks,
  decide,
  DEFAULT_COMPOSITION,
  majorityNeeded,
  quorum,
  quorumNeeded,
  quota,
  type BallotCounts,
  type CompositionInput,
} from '../../shared/congress/rules';

const counts = (yes: number, extra: Partial<BallotCounts> = {}): BallotCounts => ({ issued: 80, yes, no: 0, abstain: 0, invalid: 0, ...extra });

describe('quorum', () => {
  it('90 representatives: 60 present is no quorum under "> ⅔" and is one under "≥ ⅔"; 61 is one under both', () => {
    expect(quorum(90, 60, 'gt').met).toBe(false);
    expect(quorum(90, 60, 'gte').met).toBe(true);
    expect(quorum(90, 61, 'gt').met).toBe(true);
    expect(quorum(90, 61, 'gte').met).toBe(true);
    expect(quorumNeeded(90, 'gt')).toBe(61);
    expect(quorumNeeded(90, 'gte')).toBe(60);
  });

  it('counts that are not multiples of 3 round the right way', () => {
    // 2/3 × 100 = 66.67: "> ⅔" and "≥ ⅔" both need 67
    expect(quorumNeeded(100, 'gt')).toBe(67);
    expect(quorumNeeded(100, 'gte')).toBe(67);
    expect(quorum(100, 66, 'gte').met).toBe(false);
    // 2/3 × 31 = 20.67 → 21 both ways
    expect(quorumNeeded(31, 'gt')).toBe(21);
    expect(quorumNeeded(31, 'gte')).toBe(21);
    // 2/3 × 3 = 2: "> ⅔" needs all three
    expect(quorumNeeded(3, 'gt')).toBe(3);
    expect(quorumNeeded(3, 'gte')).toBe(2);
  });

  it('the default rule is "more than two thirds"', () => {
    expect(quorum(90, 60).met).toBe(false);
    expect(quorum(90, 60).rule).toBe('gt');
  });

  it('no representatives is never a quorum; impossible counts are refused', () => {
    expect(quorum(0, 0, 'gte').met).toBe(false);
    expect(() => quorum(10, 11)).toThrow(RangeError);
    expect(() => quorum(10, -1)).toThrow(RangeError);
    expect(() => quorum(10.5, 3)).toThrow(RangeError);
  });
});

describe('the majority of ALL representatives', () => {
  it('90 representatives: 45 yes fail, 46 pass — whatever the number present', () => {
    expect(majorityNeeded(90)).toBe(46);
    for (const present of [61, 75, 90]) {
      expect(decide(90, present, counts(45, { issued: present })).verdict).toBe('failed');
      expect(decide(90, present, counts(46, { issued: present })).verdict).toBe('passed');
    }
  });

  it('most of those present voting yes is not enough', () => {
    // 61 present, 45 yes, 16 no: 74 % of those present and voting, still fails
    const r = decide(90, 61, { issued: 61, yes: 45, no: 16, abstain: 0, invalid: 0 });
    expect(r.verdict).toBe('failed');
    expect(r.base).toBe(90);
    expect(r.needed).toBe(46);
  });

  it('an odd number: 91 representatives need 46', () => {
    expect(majorityNeeded(91)).toBe(46);
    expect(decide(91, 91, counts(46, { issued: 91 })).verdict).toBe('passed');
    expect(decide(91, 91, counts(45, { issued: 91 })).verdict).toBe('failed');
  });

  it('without a quorum the verdict is noQuorum even with enough yes votes on paper', () => {
    expect(decide(90, 60, counts(55, { issued: 60 })).verdict).toBe('noQuorum');
    expect(decide(90, 60, counts(55, { issued: 60 }), 'gte').verdict).toBe('passed');
  });
});

describe('ballot counts', () => {
  it('more ballots returned than issued, or more issued than present, are problems', () => {
    expect(ballotProblems({ issued: 70, yes: 40, no: 20, abstain: 5, invalid: 5 }, 70)).toEqual([]);
    expect(ballotProblems({ issued: 70, yes: 40, no: 20, abstain: 6, invalid: 5 }, 70)).toEqual([
      { key: 'congress.ballot.moreReturned', returned: 71, issued: 70 },
    ]);
    expect(ballotProblems({ issued: 71, yes: 0, no: 0, abstain: 0, invalid: 0 }, 70)).toEqual([
      { key: 'congress.ballot.tooManyIssued', issued: 71, present: 70 },
    ]);
    expect(ballotProblems({ issued: 70, yes: 1.5, no: 0, abstain: -1, invalid: 0 }, 70).map((p) => p.key)).toEqual([
      'congress.ballot.notWhole',
      'congress.ballot.notWhole',
    ]);
    expect(() => decide(90, 70, { issued: 70, yes: 71, no: 0, abstain: 0, invalid: 0 })).toThrow(/moreReturned/);
  });
});

describe('quota presets', () => {
  it('national: 5 % of staff and at least 30, never more than the staff', () => {
    expect(quota(300, 'national')).toBe(30);
    expect(quota(600, 'national')).toBe(30);
    expect(quota(601, 'national')).toBe(31); // 30.05 → 31
    expect(quota(2000, 'national')).toBe(100);
    expect(quota(20, 'national')).toBe(20);
  });

  it('Shanghai: 30 up to 100, +5 per further (started) hundred, 175 above 3,000', () => {
    expect(quota(100, 'shanghai')).toBe(30);
    expect(quota(101, 'shanghai')).toBe(35);
    expect(quota(200, 'shanghai')).toBe(35);
    expect(quota(201, 'shanghai')).toBe(40);
    expect(quota(3000, 'shanghai')).toBe(175);
    expect(quota(3001, 'shanghai')).toBe(175);
    expect(quota(10000, 'shanghai')).toBe(175);
  });

  it('Zhejiang: 40 + 7 per hundred to 1,000; 100 + 20 per thousand to 5,000; 200 above', () => {
    expect(quota(100, 'zhejiang')).toBe(40);
    expect(quota(150, 'zhejiang')).toBe(47);
    expect(quota(1000, 'zhejiang')).toBe(103);
    expect(quota(1001, 'zhejiang')).toBe(120);
    expect(quota(5000, 'zhejiang')).toBe(180);
    expect(quota(5001, 'zhejiang')).toBe(200);
  });

  it('custom: per mille with a minimum', () => {
    expect(quota(1000, 'custom', { perMille: 80, min: 30 })).toBe(80);
    expect(quota(100, 'custom', { perMille: 80, min: 30 })).toBe(30);
    expect(() => quota(100, 'custom')).toThrow(RangeError);
  });
});

describe('composition checks', () => {
  const base: CompositionInput = {
    staff: { total: 600, women: 180 }, // 30 % women
    representatives: { total: 80, frontLine: 40, managers: 16, women: 24 },
    presidium: { total: 5, frontLine: 3 },
  };
  const byKey = (input: CompositionInput) => Object.fromEntries(compositionChecks(input).map((c) => [c.key, c]));

  it('every check green exactly at its bound', () => {
    const c = byKey(base);
    expect(Object.values(c).every((x) => x.ok)).toBe(true);
    expect(c.frontLine).toMatchObject({ actual: 40, min: 40, of: 80 });
    expect(c.managers).toMatchObject({ actual: 16, max: 16 });
    expect(c.women).toMatchObject({ actual: 24, min: 24 });
    expect(c.quota).toMatchObject({ actual: 80, min: 30 });
    expect(c.presidiumSize).toMatchObject({ min: 3, max: 5 });
  });

  it('one step past each bound turns it red', () => {
    const r = base.representatives;
    expect(byKey({ ...base, representatives: { ...r, frontLine: 39 } }).frontLine!.ok).toBe(false);
    expect(byKey({ ...base, representatives: { ...r, managers: 17 } }).managers!.ok).toBe(false);
    expect(byKey({ ...base, representatives: { ...r, women: 23 } }).women!.ok).toBe(false);
    expect(byKey({ ...base, presidium: { total: 6, frontLine: 3 } }).presidiumSize!.ok).toBe(false);
    expect(byKey({ ...base, presidium: { total: 2, frontLine: 2 } }).presidiumSize!.ok).toBe(false);
    expect(byKey({ ...base, presidium: { total: 5, frontLine: 2 } }).presidiumFrontLine!.ok).toBe(false);
    expect(byKey({ ...base, representatives: { ...r, total: 29, frontLine: 20, managers: 2, women: 9 } }).quota!.ok).toBe(false);
  });

  it('women: a share that does not divide evenly rounds up (not below their share of staff)', () => {
    // 1/3 of 80 = 26.67 → 27
    const c = byKey({ ...base, staff: { total: 600, women: 200 } });
    expect(c.women).toMatchObject({ min: 27, ok: false });
  });

  it('above 100 representatives the presidium needs at least 7 and has no upper bound', () => {
    const c = byKey({
      staff: { total: 3000, women: 300 },
      representatives: { total: 150, frontLine: 90, managers: 20, women: 15 },
      presidium: { total: 9, frontLine: 5 },
    });
    expect(c.presidiumSize).toMatchObject({ ok: true, min: 7, max: undefined });
    expect(c.quota).toMatchObject({ ok: true, min: 150 });
  });

  it('settings change the bounds', () => {
    const c = compositionChecks(base, { ...DEFAULT_COMPOSITION, frontLineMinPct: 60, quotaPreset: 'zhejiang' });
    expect(c.find((x) => x.key === 'frontLine')).toMatchObject({ min: 48, ok: false });
    expect(c.find((x) => x.key === 'quota')).toMatchObject({ min: 75, ok: true });
  });
});
