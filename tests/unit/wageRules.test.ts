// The skill-level wage arithmetic (issue 9, "Tests and figures"): every scoring rule at its boundaries, vetoes, caps,
// pro rata and the one rounding rule — a worker's components always add up to the total, to the fen.
import { describe, expect, it } from 'vitest';
import { centi, roundDiv, ruleProblems, score, toFen, weighted, workerPeriod, type ScoringRule } from '../../shared/wage/rules';

describe('rounding: half away from zero (四舍五入), integers only', () => {
  it('rounds the half up in size, either sign', () => {
    expect(roundDiv(250, 100)).toBe(3);
    expect(roundDiv(249, 100)).toBe(2);
    expect(roundDiv(-250, 100)).toBe(-3);
    expect(roundDiv(-249, 100)).toBe(-2);
    expect(roundDiv(0, 7)).toBe(0);
    expect(roundDiv(1, 3)).toBe(0);
    expect(roundDiv(2, 3)).toBe(1);
    expect(() => roundDiv(1, 0)).toThrow(RangeError);
    expect(() => roundDiv(1.5, 2)).toThrow(RangeError);
  });
  it('points take two decimals', () => {
    expect(centi(2.5)).toBe(250);
    expect(centi(-3)).toBe(-300);
    expect(centi(0.01)).toBe(1);
    expect(() => centi(0.005)).toThrow(RangeError);
  });
});

describe('scoring rules at their boundaries', () => {
  const tiers: ScoringRule = { kind: 'tiers', tiers: [{ min: 160, points: 60 }, { min: 176, points: 80 }, { min: 200, points: 100 }] };
  it('tiers: each edge belongs to its tier; below all gives `below`', () => {
    expect(score(tiers, 159.99)).toBe(0);
    expect(score(tiers, 160)).toBe(6000);
    expect(score(tiers, 175.9)).toBe(6000);
    expect(score(tiers, 176)).toBe(8000);
    expect(score(tiers, 1000)).toBe(10000);
    expect(score(tiers, null)).toBe(0);
    expect(score({ ...tiers, below: -10 } as ScoringRule, 0)).toBe(-1000);
  });
  it('linear: raw × per unit within floor and cap', () => {
    const lin: ScoringRule = { kind: 'linear', perUnit: 0.5, floor: 0, cap: 50 };
    expect(score(lin, 0)).toBe(0);
    expect(score(lin, 1)).toBe(50); // 0.5 point
    expect(score(lin, 99.99)).toBe(5000); // 49.995 → rounds to 50.00
    expect(score(lin, 100)).toBe(5000);
    expect(score(lin, 101)).toBe(5000); // cap
    expect(score(lin, -10)).toBe(0); // floor
    expect(score({ kind: 'linear', perUnit: 0.33, floor: -5, cap: 5 }, 3)).toBe(99); // 0.99
  });
  it('points per event by kind, unknown kinds as `other`, within floor and cap', () => {
    const ev: ScoringRule = { kind: 'perEvent', points: { general: 3, major: 10, violation: -5 }, other: 1, floor: -20, cap: 30 };
    expect(score(ev, [])).toBe(0);
    expect(score(ev, ['general', 'general', 'major'])).toBe(1600);
    expect(score(ev, ['violation', 'good_act'])).toBe(-400);
    expect(score(ev, Array(5).fill('violation'))).toBe(-2000); // −25 held at −20
    expect(score(ev, Array(4).fill('major'))).toBe(3000); // 40 held at 30
    expect(score(ev, null)).toBe(0);
  });
  it('lookup: a grade to points; a missing or empty grade gives `missing`', () => {
    const lk: ScoringRule = { kind: 'lookup', table: { '1': 10, '2': 20, '3': 30, '4': 40, '5': 50 }, missing: 0 };
    expect(score(lk, 3)).toBe(3000);
    expect(score(lk, '5')).toBe(5000);
    expect(score(lk, 6)).toBe(0);
    expect(score(lk, null)).toBe(0);
    expect(score(lk, 'constructor')).toBe(0); // an inherited name is no key
  });
  it('an unusable rule is named, never scored', () => {
    expect(ruleProblems({ kind: 'tiers', tiers: [{ min: 10, points: 1 }, { min: 10, points: 2 }] })).toEqual([{ key: 'wage.rule.tiersOrder' }]);
    expect(ruleProblems({ kind: 'linear', perUnit: 1, floor: 5, cap: 1 })).toEqual([{ key: 'wage.rule.floorCap' }]);
    expect(ruleProblems({ kind: 'lookup', table: {}, missing: 0 })).toEqual([{ key: 'wage.rule.empty' }]);
    expect(() => score({ kind: 'tiers', tiers: [] }, 1)).toThrow(/wage\.rule\.empty/);
  });
});

describe('weights and money', () => {
  it('weights in whole per cent, rounded once', () => {
    expect(weighted(8000, 30)).toBe(2400);
    expect(weighted(333, 50)).toBe(167); // 166.5 → 167
    expect(weighted(-333, 50)).toBe(-167);
    expect(() => weighted(100, 12.5)).toThrow(RangeError);
  });
  it('a point value in fen per point', () => {
    expect(toFen(2400, { kind: 'pointValue', fenPerPoint: 150 })).toBe(3600); // 24 points × 1.50 元 = 36.00 元
    expect(toFen(1, { kind: 'pointValue', fenPerPoint: 150 })).toBe(2); // 0.01 × 150 = 1.5 fen → 2
  });
  it('base × coefficient: 100 points is coefficient 1.0', () => {
    expect(toFen(10000, { kind: 'baseTimesCoefficient', baseFen: 45000 })).toBe(45000);
    expect(toFen(8550, { kind: 'baseTimesCoefficient', baseFen: 45000 })).toBe(38475);
    expect(toFen(5000, { kind: 'baseTimesCoefficient', baseFen: 45000, pointsPerUnit: 50 })).toBe(45000);
  });
  it('a budget spread over all points (点值 = 奖金总额 ÷ 总分)', () => {
    const money = { kind: 'budget', budgetFen: 1_000_000 } as const;
    const points = [3000, 3000, 4000];
    const total = points.reduce((a, b) => a + b, 0);
    expect(points.map((p) => toFen(p, money, total))).toEqual([300000, 300000, 400000]);
    // thirds: each rounds half away from zero; what was used is reported beside the budget
    const thirds = [100, 100, 100].map((p) => toFen(p, { kind: 'budget', budgetFen: 100 }, 300));
    expect(thirds).toEqual([33, 33, 33]);
    expect(toFen(0, money, 0)).toBe(0);
    expect(() => toFen(100, money)).toThrow(RangeError);
  });
});

describe('a worker’s period', () => {
  const comps = [
    { code: 'skill', fen: 12000, safety: false },
    { code: 'safeTime', fen: 8000, safety: true },
    { code: 'behaviour', fen: -1500, safety: true },
    { code: 'hazards', fen: 6000, safety: true, capFen: 5000 },
  ];
  it('the total is always the sum of the rounded components', () => {
    const r = workerPeriod(comps);
    expect(r.components.map((c) => c.fen)).toEqual([12000, 8000, -1500, 5000]);
    expect(r.components[3]!.applied).toEqual(['cap']);
    expect(r.totalFen).toBe(23500);
  });
  it('a veto zeroes the safety components that pay; a deduction stands, so a veto never leaves a worker better off', () => {
    const r = workerPeriod(comps, { veto: true });
    expect(r.components.map((c) => c.fen)).toEqual([12000, 0, -1500, 0]);
    expect(r.components.map((c) => c.applied)).toEqual([[], ['veto'], [], ['veto']]);
    expect(r.totalFen).toBe(10500);
    // with only a deduction in the safety part, the veto changes nothing
    const onlyDeduction = [comps[0]!, { ...comps[2]! }];
    expect(workerPeriod(onlyDeduction, { veto: true }).totalFen).toBe(workerPeriod(onlyDeduction).totalFen);
  });
  it('pro rata by days worked, each component rounded, the total their sum', () => {
    const r = workerPeriod(comps, { proRata: { worked: 10, of: 31 } });
    expect(r.components.map((c) => c.fen)).toEqual([3871, 2581, -484, 1613]);
    expect(r.totalFen).toBe(3871 + 2581 - 484 + 1613);
    expect(workerPeriod(comps, { proRata: { worked: 31, of: 31 } }).totalFen).toBe(23500);
  });
  it('a total cap takes the excess off the positive components in proportion, exactly to the cap', () => {
    const r = workerPeriod(comps, { totalCapFen: 20000 });
    expect(r.totalFen).toBe(20000);
    expect(r.components.reduce((s, c) => s + c.fen, 0)).toBe(20000);
    expect(r.components[2]!.fen).toBe(-1500); // a deduction is not touched
    for (const c of r.components.filter((x) => x.code !== 'behaviour')) expect(c.applied).toContain('totalCap');
    // under the cap nothing changes
    expect(workerPeriod(comps, { totalCapFen: 30000 }).totalFen).toBe(23500);
    // odd amounts: still exactly the cap
    const odd = workerPeriod(
      [
        { code: 'a', fen: 3333, safety: false },
        { code: 'b', fen: 3333, safety: false },
        { code: 'c', fen: 3334, safety: false },
      ],
      { totalCapFen: 1000 },
    );
    expect(odd.totalFen).toBe(1000);
    expect(odd.components.map((c) => c.fen).every((f) => f >= 333 && f <= 334)).toBe(true);
  });
});
