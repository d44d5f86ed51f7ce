// A period's run of a scheme version, as a pure function (issue 9, "The monthly run"): per worker, each indicator's raw
// value → points → weighted → amount, vetoes, caps and pro rata applied, total; the period's totals and, for a budget
// scheme, the budget used. The backend feeds it the records; the same function serves the what-if of a draft.
import { roundDiv, scorer, toFen, weighted, workerPeriod, type ComponentResult, type MoneyRule, type RawValue, type ScoringRule } from './rules';

export interface SchemeIndicator {
  code: string;
  rule: ScoringRule;
  weightPct: number;
  safety: boolean;
  /** the component's cap in fen (none: uncapped) */
  capFen?: number | null;
}

export interface SchemeVersionCalc {
  indicators: readonly SchemeIndicator[];
  money: MoneyRule;
  /** a worker's total cap in fen (none: uncapped) */
  totalCapFen?: number | null;
}

export interface WorkerInputs {
  workerId: string;
  /** raw values by indicator code (missing: no record for the period) */
  raw: Readonly<Record<string, RawValue>>;
  /** 一票否决 applies to this worker this period (an accident of the chosen severity, for the worker or the team) */
  veto: boolean;
  /** joined or left mid-period: days worked of the days in the period */
  proRata?: { worked: number; of: number } | null;
}

export interface WorkerRunLine {
  workerId: string;
  /** per indicator: its points (centipoints), weighted points, and the amount with what was applied */
  indicators: { code: string; points: number; weighted: number; fen: number; applied: ComponentResult['applied'] }[];
  totalFen: number;
}

export interface RunResult {
  lines: WorkerRunLine[];
  /** the sum of every worker's total (= the sum of every component) */
  totalFen: number;
  /** the weighted points the period pays, all workers: positive, not vetoed, pro rata (what a budget is spread over) */
  totalWeighted: number;
  /** a budget scheme: the budget and what the rounded amounts use of it */
  budget: { budgetFen: number; usedFen: number } | null;
  vetoes: number;
}

/** Runs one period. Deterministic: the same inputs give the same amounts to the fen. */
export function runPeriod(scheme: SchemeVersionCalc, workers: readonly WorkerInputs[]): RunResult {
  // each rule checked and converted once for the whole run
  const scorers = scheme.indicators.map((ind) => scorer(ind.rule));
  const scored = workers.map((w) => ({
    w,
    parts: scheme.indicators.map((ind, i) => {
      const points = scorers[i]!(w.raw[ind.code] ?? null);
      return { ind, points, weighted: weighted(points, ind.weightPct) };
    }),
  }));
  // A budget is spread over the points that will be paid: everyone's positive weighted points (a deduction earns no
  // share of it), without the safety points a veto takes away, and scaled by the days worked for pro rata — so the
  // budget is used up (to the rounding of each part) unless a cap holds someone back.
  const totalWeighted = scored.reduce(
    (s, { w, parts }) =>
      s +
      parts.reduce((t, p) => {
        if (p.weighted <= 0 || (w.veto && p.ind.safety)) return t;
        const pr = w.proRata;
        return t + (pr && pr.worked < pr.of && pr.of > 0 ? roundDiv(p.weighted * pr.worked, pr.of) : p.weighted);
      }, 0),
    0,
  );
  const lines: WorkerRunLine[] = scored.map(({ w, parts }) => {
    const period = workerPeriod(
      parts.map((p) => ({ code: p.ind.code, fen: toFen(p.weighted, scheme.money, totalWeighted), safety: p.ind.safety, capFen: p.ind.capFen ?? null })),
      { veto: w.veto, totalCapFen: scheme.totalCapFen ?? null, proRata: w.proRata ?? null },
    );
    return {
      workerId: w.workerId,
      indicators: parts.map((p, i) => ({ code: p.ind.code, points: p.points, weighted: p.weighted, fen: period.components[i]!.fen, applied: period.components[i]!.applied })),
      totalFen: period.totalFen,
    };
  });
  const totalFen = lines.reduce((s, l) => s + l.totalFen, 0);
  return {
    lines,
    totalFen,
    totalWeighted,
    budget: scheme.money.kind === 'budget' ? { budgetFen: scheme.money.budgetFen, usedFen: totalFen } : null,
    vetoes: workers.filter((w) => w.veto).length,
  };
}
