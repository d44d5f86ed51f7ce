// The what-if's comparison (issue 9, "What-if"): cost per period under the version effective then and the candidate,
// the histogram of a worker's monthly amount (both versions on the same buckets), the top gainers and losers, by workshop.
import { describe, expect, it } from 'vitest';
import { compareWhatIf, histogram, niceStep, periodRange, type WhatIfPeriodInput, type WhatIfWorker } from '../../shared/wage/whatif';

const W: WhatIfWorker[] = [
  { workerId: 'a', empNo: 'E01', name: '甲', workshopId: 'ws1', workshopName: '一车间' },
  { workerId: 'b', empNo: 'E02', name: '乙', workshopId: 'ws1', workshopName: '一车间' },
  { workerId: 'c', empNo: 'E03', name: '丙', workshopId: 'ws2', workshopName: '二车间' },
  { workerId: 'd', empNo: 'E04', name: '丁', workshopId: null, workshopName: null },
];
const m = (o: Record<string, number>) => new Map(Object.entries(o));
const P: WhatIfPeriodInput[] = [
  { period: '2026-09', baseline: null, baselineTotals: m({}), candidateTotals: m({ a: 10000, b: 5000, c: 0, d: 2000 }) },
  { period: '2026-10', baseline: { id: 's1', name: '旧方案', version: 1 }, baselineTotals: m({ a: 8000, b: 9000, c: 3000, d: 2000 }), candidateTotals: m({ a: 10000, b: 5000, c: 3500, d: 2000 }) },
  { period: '2026-11', baseline: { id: 's1', name: '旧方案', version: 1 }, baselineTotals: m({ a: 8000, b: 9000, c: 3000, d: 2000 }), candidateTotals: m({ a: 9000, b: 5001, c: 2999, d: 2000 }) },
];

describe('the what-if comparison', () => {
  const r = compareWhatIf(P, W, { top: 2 });
  it('per period: workers, both totals, the difference; a month without an effective version costs 0 under it', () => {
    expect(r.periods.map((p) => [p.period, p.workers, p.baselineFen, p.candidateFen, p.diffFen])).toEqual([
      ['2026-09', 4, 0, 17000, 17000],
      ['2026-10', 4, 22000, 20500, -1500],
      ['2026-11', 4, 22000, 19000, -3000],
    ]);
    expect(r.periods[0]!.baseline).toBeNull();
    expect(r.totals).toEqual({ workers: 4, baselineFen: 44000, candidateFen: 56500, diffFen: 12500 });
  });
  it('gainers and losers over the range, largest first, only those who gain or lose, at most `top`', () => {
    expect(r.gainers.map((g) => [g.empNo, g.diffFen])).toEqual([
      ['E01', 29000 - 16000],
      ['E04', 6000 - 4000],
    ]);
    // 丙 gains 499 fen, outside the top two; only 乙 loses
    expect(r.losers.map((g) => [g.empNo, g.diffFen])).toEqual([['E02', 15001 - 18000]]);
    expect(r.losers[0]).toMatchObject({ name: '乙', workshop: '一车间', baselineFen: 18000, candidateFen: 15001 });
  });
  it('by workshop in the organisation’s order of names (一车间 before 二车间, not pinyin), those without a workshop last; adds up to the totals', () => {
    expect(r.byWorkshop.map((s) => [s.workshop, s.workers, s.baselineFen, s.candidateFen])).toEqual([
      ['一车间', 2, 34000, 44001],
      ['二车间', 1, 6000, 6499],
      [null, 1, 4000, 6000],
    ]);
    expect(r.byWorkshop.reduce((s, x) => s + x.diffFen, 0)).toBe(r.totals.diffFen);
  });
  it('the histogram counts every worker-month under each version on the same buckets', () => {
    const h = r.histogram;
    expect(h.buckets.reduce((s, b) => s + b.baseline, 0)).toBe(12);
    expect(h.buckets.reduce((s, b) => s + b.candidate, 0)).toBe(12);
    for (const b of h.buckets) expect(b.toFen - b.fromFen).toBe(h.stepFen);
    expect(h.buckets[0]!.fromFen).toBeLessThanOrEqual(0);
    expect(h.buckets.at(-1)!.toFen).toBeGreaterThan(10000);
  });
});

describe('histogram and steps', () => {
  it('steps of 1, 2 or 5 × 10ⁿ fen, never under 1 元', () => {
    expect(niceStep(0, 10)).toBe(100);
    expect(niceStep(1000, 10)).toBe(100);
    expect(niceStep(1500, 10)).toBe(200);
    expect(niceStep(40000, 10)).toBe(5000);
    expect(niceStep(100001, 10)).toBe(20000);
  });
  it('a value on an edge falls in the bucket it starts; the maximum has a bucket; negatives too', () => {
    const h = histogram([0, 100, 199], [200, -150], 4);
    expect(h.stepFen).toBe(100);
    expect(h.buckets.map((b) => [b.fromFen, b.baseline, b.candidate])).toEqual([
      [-200, 0, 1],
      [-100, 0, 0],
      [0, 1, 0],
      [100, 2, 0],
      [200, 0, 1],
    ]);
    expect(histogram([], []).buckets).toEqual([]);
  });
  it('period ranges across the year end', () => {
    expect(periodRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodRange('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(periodRange('2026-05', '2026-04')).toEqual([]);
  });
});
