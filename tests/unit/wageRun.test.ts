// A period's run (issue 9, "The monthly run"): raw values → points → weighted → amounts; vetoes, caps, pro rata; every
// line adds up, the period total is the sum of the lines, a budget is spread over all points.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../shared/wage/catalogue';
import { runPeriod, type SchemeVersionCalc, type WorkerInputs } from '../../shared/wage/run';

const indicators = DEFAULT_CATALOGUE.map(({ code, rule, weightPct, safety }) => ({ code, rule, weightPct, safety }));
const workers: WorkerInputs[] = [
  { workerId: 'w1', raw: { SKILL: 4, SAFE_TIME: 176, BEHAVIOUR: -3, HAZARDS: ['general'] }, veto: false },
  { workerId: 'w2', raw: { SKILL: 2, SAFE_TIME: 120, BEHAVIOUR: 10, HAZARDS: ['major', 'general'] }, veto: false },
  { workerId: 'w3', raw: { SKILL: 5, SAFE_TIME: 174, BEHAVIOUR: 0, HAZARDS: [] }, veto: true },
  { workerId: 'w4', raw: {}, veto: false, proRata: { worked: 15, of: 30 } },
];

describe('a period’s run', () => {
  const scheme: SchemeVersionCalc = { indicators, money: { kind: 'pointValue', fenPerPoint: 150 } };

  it('each line’s amounts add up to its total; the period total is the sum of the lines', () => {
    const r = runPeriod(scheme, workers);
    for (const l of r.lines) expect(l.indicators.reduce((s, i) => s + i.fen, 0)).toBe(l.totalFen);
    expect(r.totalFen).toBe(r.lines.reduce((s, l) => s + l.totalFen, 0));
    // w1: 18.00 + 45.00 − 0.90 + 3.00 (see tests/unit/wageCatalogue.test.ts)
    expect(r.lines[0]!.totalFen).toBe(6510);
    // w2: SKILL 二级 80 × 30 % = 24 → 36.00; SAFE_TIME 60 × 30 % = 18 → 27.00; BEHAVIOUR 10 × 20 % = 2 → 3.00; HAZARDS 50 × 20 % = 10 → 15.00
    expect(r.lines[1]!.indicators.map((i) => i.fen)).toEqual([3600, 2700, 300, 1500]);
    expect(r.budget).toBeNull();
  });

  it('a veto zeroes the safety indicators and says so; an absent record scores nothing', () => {
    const r = runPeriod(scheme, workers);
    const w3 = r.lines[2]!;
    expect(w3.indicators.map((i) => [i.code, i.fen, i.applied])).toEqual([
      ['SKILL', 900, []], // 五级 20 × 30 % = 6 → 9.00
      ['SAFE_TIME', 0, ['veto']],
      ['BEHAVIOUR', 0, []],
      ['HAZARDS', 0, []],
    ]);
    expect(r.vetoes).toBe(1);
    expect(r.lines[3]!.totalFen).toBe(0); // no records at all: nothing, pro rata or not
  });

  it('caps: a component cap and a total cap', () => {
    const capped = runPeriod({ ...scheme, indicators: indicators.map((i) => (i.code === 'SAFE_TIME' ? { ...i, capFen: 4000 } : i)), totalCapFen: 5000 }, workers);
    const w1 = capped.lines[0]!;
    expect(w1.indicators.find((i) => i.code === 'SAFE_TIME')!.applied).toContain('cap');
    expect(w1.totalFen).toBe(5000);
    expect(w1.indicators.reduce((s, i) => s + i.fen, 0)).toBe(5000);
  });

  it('a budget is spread over everyone’s weighted points (点值 = 奖金总额 ÷ 总分); what it uses is reported', () => {
    const plain = workers.slice(0, 2).map((w) => ({ ...w, raw: { ...w.raw, BEHAVIOUR: 5 } }));
    const r = runPeriod({ indicators, money: { kind: 'budget', budgetFen: 1_000_000 } }, plain);
    // every part's share rounds to the fen, so the budget is used to within a fen a part
    const parts = r.lines.reduce((s, l) => s + l.indicators.length, 0);
    expect(Math.abs(r.totalFen - 1_000_000)).toBeLessThanOrEqual(parts);
    expect(r.budget).toEqual({ budgetFen: 1_000_000, usedFen: r.totalFen });
    // shares follow the points: w1 has 12 + 30 + 1 + 2 = 45 weighted points, w2 24 + 18 + 1 + 10 = 53
    expect(r.totalWeighted).toBe(9800);
    expect(r.lines[0]!.totalFen).toBe(122449 + 306122 + 10204 + 20408); // 1,000,000 × 1200, 3000, 100, 200 / 9800, each rounded (the whole would be 459,184)
    // a veto and pro rata take their points out of the total before it is spread: the budget is still used up
    const vetoed = runPeriod({ indicators, money: { kind: 'budget', budgetFen: 1_000_000 } }, [
      plain[0]!,
      { ...plain[1]!, veto: true },
      { ...plain[0]!, workerId: 'w5', proRata: { worked: 10, of: 30 } },
    ]);
    expect(Math.abs(vetoed.totalFen - 1_000_000)).toBeLessThanOrEqual(12);
    // w2 keeps only its skill share (not a safety indicator); w5 is paid a third of what w1 is
    expect(vetoed.lines[1]!.indicators.filter((i) => i.fen !== 0).map((i) => i.code)).toEqual(['SKILL']);
    expect(Math.abs(vetoed.lines[2]!.totalFen * 3 - vetoed.lines[0]!.totalFen)).toBeLessThanOrEqual(12);
    expect(runPeriod({ indicators, money: { kind: 'budget', budgetFen: 1_000_000 } }, plain)).toEqual(r); // deterministic
  });

  it('a run with no workers pays nothing', () => {
    expect(runPeriod(scheme, [])).toMatchObject({ lines: [], totalFen: 0, totalWeighted: 0, vetoes: 0 });
  });
});
