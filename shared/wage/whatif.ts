// The what-if of a scheme version (issue 9, "What-if"): the same records of past periods run through a candidate version
// and through the version effective then, compared — total cost per period, the distribution of a worker's monthly
// amount (one histogram, the same buckets for both), who gains and who loses most over the range, and by workshop.
// Pure: the backend runs both versions with runPeriod and hands the per-worker totals here. All money in fen.
import { compareUnits } from './runs/order';

export interface WhatIfWorker {
  workerId: string;
  empNo: string;
  name: string;
  workshopId: string | null;
  workshopName: string | null;
}

export interface SchemeRef {
  id: string;
  name: string;
  version: number;
}

/** One period: each worker's total under the version effective then (none: no version was in force) and under the candidate. */
export interface WhatIfPeriodInput {
  period: string;
  baseline: SchemeRef | null;
  /** workerId → total fen under the effective version (a worker missing here had 0) */
  baselineTotals: ReadonlyMap<string, number>;
  /** workerId → total fen under the candidate */
  candidateTotals: ReadonlyMap<string, number>;
}

export interface WhatIfPeriod {
  period: string;
  baseline: SchemeRef | null;
  workers: number;
  baselineFen: number;
  candidateFen: number;
  diffFen: number;
}

export interface WhatIfBucket {
  /** a worker's monthly amount from (inclusive) … to (exclusive), fen */
  fromFen: number;
  toFen: number;
  /** worker-months in the bucket under each version */
  baseline: number;
  candidate: number;
}

export interface WhatIfWorkerDiff {
  workerId: string;
  empNo: string;
  name: string;
  workshop: string | null;
  baselineFen: number;
  candidateFen: number;
  diffFen: number;
}

export interface WhatIfWorkshop {
  workshopId: string | null;
  workshop: string | null;
  workers: number;
  baselineFen: number;
  candidateFen: number;
  diffFen: number;
}

export interface WhatIfComparison {
  periods: WhatIfPeriod[];
  totals: { workers: number; baselineFen: number; candidateFen: number; diffFen: number };
  histogram: { stepFen: number; buckets: WhatIfBucket[] };
  /** the most gained over the range, largest first (only those who gain) */
  gainers: WhatIfWorkerDiff[];
  /** the most lost over the range, largest loss first (only those who lose) */
  losers: WhatIfWorkerDiff[];
  /** by workshop name, those without a workshop last */
  byWorkshop: WhatIfWorkshop[];
}

export interface WhatIfResult extends WhatIfComparison {
  scheme: SchemeRef;
  from: string;
  to: string;
}

/** A step of 1, 2 or 5 × 10ⁿ fen (at least 1 元) giving about `buckets` buckets over `span`. */
export function niceStep(span: number, buckets: number): number {
  const raw = Math.max(100, span / Math.max(1, buckets));
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** Buckets of one step over every value of both lists (the lowest edge a multiple of the step), counting each list. */
export function histogram(baseline: readonly number[], candidate: readonly number[], target = 12): { stepFen: number; buckets: WhatIfBucket[] } {
  if (baseline.length + candidate.length === 0) return { stepFen: 0, buckets: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const list of [baseline, candidate])
    for (const v of list) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  const step = niceStep(max - min, target);
  const lo = Math.floor(min / step) * step;
  const n = Math.floor((max - lo) / step) + 1;
  const buckets: WhatIfBucket[] = Array.from({ length: n }, (_, i) => ({ fromFen: lo + i * step, toFen: lo + (i + 1) * step, baseline: 0, candidate: 0 }));
  for (const v of baseline) buckets[Math.floor((v - lo) / step)]!.baseline++;
  for (const v of candidate) buckets[Math.floor((v - lo) / step)]!.candidate++;
  return { stepFen: step, buckets };
}

/** Compares the candidate with the effective versions over the periods given (in the order given). */
export function compareWhatIf(periods: readonly WhatIfPeriodInput[], workers: readonly WhatIfWorker[], o: { top?: number; buckets?: number } = {}): WhatIfComparison {
  const top = o.top ?? 10;
  const info = new Map(workers.map((w) => [w.workerId, w]));
  const perWorker = new Map<string, { baselineFen: number; candidateFen: number }>();
  const baseValues: number[] = [];
  const candValues: number[] = [];
  const outPeriods: WhatIfPeriod[] = periods.map((p) => {
    // every worker of either list once: the baseline's, then the candidate's it lacks (no union set built per month)
    let baselineFen = 0;
    let candidateFen = 0;
    let workers = 0;
    const add = (id: string, b: number, c: number) => {
      workers++;
      baselineFen += b;
      candidateFen += c;
      baseValues.push(b);
      candValues.push(c);
      const acc = perWorker.get(id);
      if (acc) {
        acc.baselineFen += b;
        acc.candidateFen += c;
      } else perWorker.set(id, { baselineFen: b, candidateFen: c });
    };
    for (const [id, b] of p.baselineTotals) add(id, b, p.candidateTotals.get(id) ?? 0);
    for (const [id, c] of p.candidateTotals) if (!p.baselineTotals.has(id)) add(id, 0, c);
    return { period: p.period, baseline: p.baseline, workers, baselineFen, candidateFen, diffFen: candidateFen - baselineFen };
  });

  const diffs: WhatIfWorkerDiff[] = [...perWorker].map(([workerId, a]) => {
    const w = info.get(workerId);
    return { workerId, empNo: w?.empNo ?? '', name: w?.name ?? '', workshop: w?.workshopName ?? null, baselineFen: a.baselineFen, candidateFen: a.candidateFen, diffFen: a.candidateFen - a.baselineFen };
  });
  const byEmpNo = (a: WhatIfWorkerDiff, b: WhatIfWorkerDiff) => a.empNo.localeCompare(b.empNo) || a.workerId.localeCompare(b.workerId);
  const gainers = diffs.filter((d) => d.diffFen > 0).sort((a, b) => b.diffFen - a.diffFen || byEmpNo(a, b)).slice(0, top);
  const losers = diffs.filter((d) => d.diffFen < 0).sort((a, b) => a.diffFen - b.diffFen || byEmpNo(a, b)).slice(0, top);

  const shops = new Map<string, WhatIfWorkshop>();
  for (const d of diffs) {
    const w = info.get(d.workerId);
    const key = w?.workshopId ?? '';
    let s = shops.get(key);
    if (!s) shops.set(key, (s = { workshopId: w?.workshopId ?? null, workshop: w?.workshopName ?? null, workers: 0, baselineFen: 0, candidateFen: 0, diffFen: 0 }));
    s.workers++;
    s.baselineFen += d.baselineFen;
    s.candidateFen += d.candidateFen;
    s.diffFen += d.diffFen;
  }
  // the organisation's order of names (一车间 before 二车间 before 十车间), as in the run's groups and the summary PDF
  const byWorkshop = [...shops.values()].sort((a, b) =>
    compareUnits({ sortOrder: null, name: a.workshopId === null ? null : (a.workshop ?? '') }, { sortOrder: null, name: b.workshopId === null ? null : (b.workshop ?? '') }),
  );

  const baselineFen = outPeriods.reduce((s, p) => s + p.baselineFen, 0);
  const candidateFen = outPeriods.reduce((s, p) => s + p.candidateFen, 0);
  return {
    periods: outPeriods,
    totals: { workers: perWorker.size, baselineFen, candidateFen, diffFen: candidateFen - baselineFen },
    histogram: histogram(baseValues, candValues, o.buckets ?? 12),
    gainers,
    losers,
    byWorkshop,
  };
}

/** The months from `from` to `to` ('YYYY-MM', both included); empty when `to` is before `from`. */
export function periodRange(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The most months one what-if covers (two years). */
export const WHATIF_MAX_PERIODS = 24;
