// The skill-level wage (能级工资) arithmetic: indicator scoring rules, weights, points to money, caps, vetoes, pro rata.
// Pure functions over integers — points in hundredths (centipoints, 1 point = 100) and money in fen — with ONE rounding
// rule: round half away from zero (四舍五入) per component; a worker's total is the sum of their rounded components, so
// every export adds up to the fen. Source and real schemes: ../shared/DOMAIN.md (Skill-level wage).

/** Integer division rounding half away from zero (四舍五入): 250/100 → 3, -250/100 → -3, 249/100 → 2. */
export function roundDiv(n: number, d: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) throw new RangeError(`roundDiv needs safe integers and d > 0 (${n}/${d})`);
  const q = Math.floor(Math.abs(n) / d);
  const r = Math.abs(n) - q * d;
  const up = 2 * r >= d ? q + 1 : q;
  return n < 0 ? -up : up;
}

/** Points as written in a scheme (up to two decimals) → centipoints: 2.5 → 250. */
export function centi(points: number): number {
  const c = Math.round(points * 100);
  if (!Number.isSafeInteger(c) || Math.abs(points * 100 - c) > 1e-6) throw new RangeError(`points take at most two decimals: ${points}`);
  return c;
}

// ---------------------------------------------------------------------------------------------------------
// Scoring rules: raw value → centipoints

export type ScoringRule =
  /** the highest tier whose `min` the raw value reaches gives its points; below every tier: `below` (default 0) */
  | { kind: 'tiers'; tiers: readonly { min: number; points: number }[]; below?: number }
  /** points = raw × perUnit, kept within [floor, cap] */
  | { kind: 'linear'; perUnit: number; floor: number; cap: number }
  /** events by kind (e.g. a hazard found by grade, a violation): the sum of each event's points; unknown kinds count `other` */
  | { kind: 'perEvent'; points: Readonly<Record<string, number>>; other?: number; floor?: number; cap?: number }
  /** a value looked up in a table (e.g. skill grade → points); a missing key gives `missing` */
  | { kind: 'lookup'; table: Readonly<Record<string, number>>; missing: number };

export type RawValue = number | string | readonly string[] | null;

export interface RuleProblem {
  key: 'wage.rule.tiersOrder' | 'wage.rule.floorCap' | 'wage.rule.empty';
}

/** What is wrong with a rule as configured (none: usable). Tiers must rise strictly; floor ≤ cap. */
export function ruleProblems(rule: ScoringRule): RuleProblem[] {
  switch (rule.kind) {
    case 'tiers':
      if (rule.tiers.length === 0) return [{ key: 'wage.rule.empty' }];
      return rule.tiers.every((t, i) => i === 0 || t.min > rule.tiers[i - 1]!.min) ? [] : [{ key: 'wage.rule.tiersOrder' }];
    case 'linear':
      return rule.floor <= rule.cap ? [] : [{ key: 'wage.rule.floorCap' }];
    case 'perEvent':
      return rule.floor !== undefined && rule.cap !== undefined && rule.floor > rule.cap ? [{ key: 'wage.rule.floorCap' }] : [];
    case 'lookup':
      return Object.keys(rule.table).length === 0 ? [{ key: 'wage.rule.empty' }] : [];
  }
}

const clamp = (v: number, lo: number | undefined, hi: number | undefined) => Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, v));

/**
 * An indicator's points (centipoints) for a raw value. A number rule given no number (null: no record for the period)
 * scores as raw 0; a lookup given null scores `missing`.
 */
export function score(rule: ScoringRule, raw: RawValue): number {
  return scorer(rule)(raw);
}

/**
 * The rule checked and converted to centipoints once, as a function of the raw value — what a run uses for thousands
 * of workers (score() is the same for one value).
 */
export function scorer(rule: ScoringRule): (raw: RawValue) => number {
  const problems = ruleProblems(rule);
  if (problems.length > 0) throw new RangeError(`unusable scoring rule: ${problems.map((p) => p.key).join(', ')}`);
  switch (rule.kind) {
    case 'tiers': {
      const tiers = rule.tiers.map((t) => ({ min: t.min, points: centi(t.points) }));
      const below = centi(rule.below ?? 0);
      return (raw) => {
        const v = typeof raw === 'number' ? raw : 0;
        let points = below;
        for (const t of tiers) if (v >= t.min) points = t.points;
        return points;
      };
    }
    case 'linear': {
      const perUnit = centi(rule.perUnit);
      const floor = centi(rule.floor);
      const cap = centi(rule.cap);
      return (raw) => {
        const v = typeof raw === 'number' ? raw : 0;
        // raw × perUnit in centipoints, rounded once, then kept within floor and cap
        return clamp(roundDiv(Math.round(v * 1000) * perUnit, 1000), floor, cap);
      };
    }
    case 'perEvent': {
      const points = new Map(Object.entries(rule.points).map(([k, v]) => [k, centi(v)]));
      const other = centi(rule.other ?? 0);
      const floor = rule.floor === undefined ? undefined : centi(rule.floor);
      const cap = rule.cap === undefined ? undefined : centi(rule.cap);
      return (raw) => {
        const events = Array.isArray(raw) ? (raw as readonly string[]) : [];
        let sum = 0;
        for (const kind of events) sum += points.get(kind) ?? other;
        return clamp(sum, floor, cap);
      };
    }
    case 'lookup': {
      const table = new Map(Object.entries(rule.table).map(([k, v]) => [k, centi(v)]));
      const missing = centi(rule.missing);
      return (raw) => {
        const key = raw === null ? null : String(raw);
        return key !== null && table.has(key) ? table.get(key)! : missing;
      };
    }
  }
}

/** Weighted points: centipoints × weight (per cent, whole) / 100, rounded half away from zero. */
export function weighted(centipoints: number, weightPct: number): number {
  if (!Number.isInteger(weightPct) || weightPct < 0 || weightPct > 1000) throw new RangeError(`weight must be a whole per cent 0–1000: ${weightPct}`);
  return roundDiv(centipoints * weightPct, 100);
}

// ---------------------------------------------------------------------------------------------------------
// Points → money (fen)

export type MoneyRule =
  /** a point value: 元/分 as fen per point (150 = 1.50 元 a point) */
  | { kind: 'pointValue'; fenPerPoint: number }
  /** base × coefficient: the coefficient is points / `pointsPerUnit` (default 100 points = coefficient 1.0) */
  | { kind: 'baseTimesCoefficient'; baseFen: number; pointsPerUnit?: number }
  /** a budget per period spread over all points: 点值 = 奖金总额 ÷ 总分 (computed per run, see budgetPointValue) */
  | { kind: 'budget'; budgetFen: number };

/** A component's amount in fen for its weighted centipoints; `budget` needs the period's point total (all workers). */
export function toFen(centipoints: number, money: MoneyRule, periodTotalCentipoints?: number): number {
  switch (money.kind) {
    case 'pointValue':
      return roundDiv(centipoints * money.fenPerPoint, 100);
    case 'baseTimesCoefficient':
      return roundDiv(money.baseFen * centipoints, centi(money.pointsPerUnit ?? 100));
    case 'budget': {
      if (periodTotalCentipoints === undefined) throw new RangeError('a budget scheme needs the period total of points');
      if (periodTotalCentipoints <= 0) return 0; // nobody scored: nothing to spread
      return roundDiv(money.budgetFen * centipoints, periodTotalCentipoints);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// A worker's period: components, vetoes, caps, pro rata

export interface ComponentInput {
  /** indicator code */
  code: string;
  /** the component's amount in fen before caps and vetoes (toFen of its weighted points) */
  fen: number;
  /** a safety component is zeroed by a veto (一票否决) */
  safety: boolean;
  /** the component's own cap in fen (none: uncapped) */
  capFen?: number | null;
}

export interface ComponentResult {
  code: string;
  fen: number;
  /** why the amount differs from the input: 'veto', 'cap', 'proRata', 'totalCap' (in the order applied) */
  applied: ('veto' | 'cap' | 'proRata' | 'totalCap')[];
}

export interface WorkerPeriod {
  components: ComponentResult[];
  /** the sum of the components — always */
  totalFen: number;
}

/**
 * One worker's period, in this order: a veto zeroes the safety components that pay (deductions stand); each component is held to its cap; pro rata
 * (days worked / days in the period, when the worker joined or left mid-period) scales each component, rounded half away
 * from zero; a total cap, when the sum exceeds it, takes the excess off the components in proportion (largest remainder,
 * so the sum is exactly the cap). The total is the sum of the components.
 */
export function workerPeriod(
  components: readonly ComponentInput[],
  opts: { veto?: boolean; totalCapFen?: number | null; proRata?: { worked: number; of: number } | null } = {},
): WorkerPeriod {
  const out: ComponentResult[] = components.map((c) => {
    const applied: ComponentResult['applied'] = [];
    let fen = c.fen;
    // 一票否决 takes away the safety pay; a deduction stands (a veto must never leave a worker better off)
    if (opts.veto && c.safety && fen > 0) {
      fen = 0;
      applied.push('veto');
    }
    if (c.capFen !== undefined && c.capFen !== null && fen > c.capFen) {
      fen = c.capFen;
      applied.push('cap');
    }
    const pr = opts.proRata;
    if (pr && pr.worked < pr.of) {
      if (!Number.isInteger(pr.worked) || !Number.isInteger(pr.of) || pr.of <= 0 || pr.worked < 0) throw new RangeError('pro rata takes whole days, 0 ≤ worked ≤ of');
      const scaled = roundDiv(fen * pr.worked, pr.of);
      if (scaled !== fen) applied.push('proRata');
      fen = scaled;
    }
    return { code: c.code, fen, applied };
  });
  const cap = opts.totalCapFen;
  const sum = out.reduce((s, c) => s + c.fen, 0);
  if (cap !== undefined && cap !== null && sum > cap) {
    const positive = out.filter((c) => c.fen > 0);
    const posSum = positive.reduce((s, c) => s + c.fen, 0);
    const excess = sum - cap;
    // each positive component gives up its share of the excess; the fen left by rounding down go to the largest remainders
    const shares = positive.map((c) => ({ c, exact: c.fen * excess, cut: Math.floor((c.fen * excess) / posSum) }));
    let left = excess - shares.reduce((s, x) => s + x.cut, 0);
    shares.sort((a, b) => (b.exact % posSum) - (a.exact % posSum) || out.indexOf(a.c) - out.indexOf(b.c));
    for (const x of shares) {
      const extra = left > 0 ? 1 : 0;
      left -= extra;
      x.c.fen -= x.cut + extra;
      x.c.applied.push('totalCap');
    }
  }
  return { components: out, totalFen: out.reduce((s, c) => s + c.fen, 0) };
}
