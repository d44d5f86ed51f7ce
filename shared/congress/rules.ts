// The workers' congress rules (职工代表大会): quorum, the legal majority, the representative quota and the composition
// checks. Pure functions over integers — no floating point decides a vote. Sources and defaults: ../shared/DOMAIN.md
// (Workers' congress): 《企业民主管理规定》(总工发〔2012〕12号), 上海市职工代表大会条例 (2017), 浙江省企业民主管理条例 (2010).
// Every number is a setting; the presets carry the texts' defaults.

/** "more than two thirds" (>) or "at least two thirds" (≥) of all representatives must be present; texts differ. */
export type QuorumRule = 'gt' | 'gte';
export const QUORUM_RULES: readonly QuorumRule[] = ['gt', 'gte'];
export const DEFAULT_QUORUM_RULE: QuorumRule = 'gt';

export interface Quorum {
  /** representatives with a vote (列席代表 excluded) */
  entitled: number;
  present: number;
  /** the smallest number present that makes the quorum */
  needed: number;
  met: boolean;
  rule: QuorumRule;
}

function count(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${n}`);
  return n;
}

/** The number present needed for a quorum of `entitled` representatives: > ⅔ → ⌊2n/3⌋ + 1, ≥ ⅔ → ⌈2n/3⌉. */
export function quorumNeeded(entitled: number, rule: QuorumRule = DEFAULT_QUORUM_RULE): number {
  count(entitled, 'entitled');
  if (entitled === 0) return 1; // no representatives: never a quorum
  return rule === 'gt' ? Math.floor((2 * entitled) / 3) + 1 : Math.ceil((2 * entitled) / 3);
}

export function quorum(entitled: number, present: number, rule: QuorumRule = DEFAULT_QUORUM_RULE): Quorum {
  count(present, 'present');
  if (present > entitled) throw new RangeError(`present (${present}) exceeds the representatives entitled to vote (${entitled})`);
  const needed = quorumNeeded(entitled, rule);
  return { entitled, present, needed, met: entitled > 0 && present >= needed, rule };
}

/** A motion or an election passes only with yes > ½ of ALL representatives of the term — not of those present or voting. */
export function majorityNeeded(entitled: number): number {
  count(entitled, 'entitled');
  return Math.floor(entitled / 2) + 1;
}

/** A secret ballot entered as counts. */
export interface BallotCounts {
  /** ballots handed out (≤ present) */
  issued: number;
  yes: number;
  no: number;
  abstain: number;
  invalid: number;
}

export type BallotProblem =
  | { key: 'congress.ballot.notWhole'; field: keyof BallotCounts }
  | { key: 'congress.ballot.tooManyIssued'; issued: number; present: number }
  | { key: 'congress.ballot.moreReturned'; returned: number; issued: number };

/** Counts must be whole, issued ≤ present, and the ballots returned (yes + no + abstain + invalid) ≤ issued. */
export function ballotProblems(c: BallotCounts, present: number): BallotProblem[] {
  const out: BallotProblem[] = [];
  for (const f of ['issued', 'yes', 'no', 'abstain', 'invalid'] as const) {
    if (!Number.isInteger(c[f]) || c[f] < 0) out.push({ key: 'congress.ballot.notWhole', field: f });
  }
  if (out.length > 0) return out;
  if (c.issued > present) out.push({ key: 'congress.ballot.tooManyIssued', issued: c.issued, present });
  const returned = c.yes + c.no + c.abstain + c.invalid;
  if (returned > c.issued) out.push({ key: 'congress.ballot.moreReturned', returned, issued: c.issued });
  return out;
}

export type Verdict = 'passed' | 'failed' | 'noQuorum';

export interface VoteResult {
  verdict: Verdict;
  /** the base of the majority: all representatives of the term entitled to vote */
  base: number;
  needed: number;
  yes: number;
  quorum: Quorum;
}

/**
 * The verdict of one item: no quorum → 'noQuorum' (no vote may open); otherwise passed iff yes ≥ ⌊base/2⌋ + 1.
 * With 90 representatives 45 yes fail and 46 pass, whatever the number present or voting.
 */
export function decide(entitled: number, present: number, counts: BallotCounts, rule: QuorumRule = DEFAULT_QUORUM_RULE): VoteResult {
  const q = quorum(entitled, present, rule);
  const problems = ballotProblems(counts, present);
  if (problems.length > 0) throw new RangeError(`invalid ballot counts: ${problems.map((p) => p.key).join(', ')}`);
  const needed = majorityNeeded(entitled);
  const verdict: Verdict = !q.met ? 'noQuorum' : counts.yes >= needed ? 'passed' : 'failed';
  return { verdict, base: entitled, needed, yes: counts.yes, quorum: q };
}

// ---------------------------------------------------------------------------------------------------------
// The representative quota

export type QuotaPreset = 'national' | 'shanghai' | 'zhejiang' | 'custom';
export const QUOTA_PRESETS: readonly QuotaPreset[] = ['national', 'shanghai', 'zhejiang', 'custom'];

export interface CustomQuota {
  /** per mille of the headcount (50 = 5 %) */
  perMille: number;
  min: number;
}

/** Below this headcount an enterprise usually holds a 职工大会 (all staff vote) instead of a 职代会. */
export const ASSEMBLY_BELOW = 100;

const stepsAbove = (headcount: number, from: number, step: number) => Math.max(0, Math.ceil((headcount - from) / step));

/**
 * The least number of representatives for a headcount, never more than the headcount itself.
 * - national: ≥ 5 % of staff and ≥ 30;
 * - Shanghai: 30 up to 100 staff, +5 for every further 100 (started), 175 above 3,000;
 * - Zhejiang: 40 up to 100 staff, +7 per further 100 up to 1,000; 100 + 20 per further 1,000 up to 5,000; 200 above.
 */
export function quota(headcount: number, preset: QuotaPreset, custom?: CustomQuota): number {
  count(headcount, 'headcount');
  let q: number;
  switch (preset) {
    case 'national':
      q = Math.max(30, Math.ceil((headcount * 5) / 100));
      break;
    case 'shanghai':
      q = headcount > 3000 ? 175 : 30 + 5 * stepsAbove(headcount, 100, 100);
      break;
    case 'zhejiang':
      q =
        headcount > 5000
          ? 200
          : headcount > 1000
            ? 100 + 20 * stepsAbove(headcount, 1000, 1000)
            : 40 + 7 * stepsAbove(headcount, 100, 100);
      break;
    case 'custom': {
      if (!custom) throw new RangeError('a custom quota needs its per-mille and minimum');
      count(custom.perMille, 'perMille');
      count(custom.min, 'min');
      q = Math.max(custom.min, Math.ceil((headcount * custom.perMille) / 1000));
      break;
    }
  }
  return Math.min(q, headcount);
}

// ---------------------------------------------------------------------------------------------------------
// Composition

export interface CompositionSettings {
  quotaPreset: QuotaPreset;
  customQuota?: CustomQuota;
  /** front-line workers at least this share of the representatives, in per cent (default 50) */
  frontLineMinPct: number;
  /** middle managers and above at most this share, in per cent (default 20) */
  managersMaxPct: number;
  /** presidium size for 30–100 representatives, and the least above 100 */
  presidiumSmall: { min: number; max: number };
  presidiumLargeMin: number;
  /** front-line members at least this share of the presidium, in per cent (default 50) */
  presidiumFrontLineMinPct: number;
}

export const DEFAULT_COMPOSITION: CompositionSettings = {
  quotaPreset: 'national',
  frontLineMinPct: 50,
  managersMaxPct: 20,
  presidiumSmall: { min: 3, max: 5 },
  presidiumLargeMin: 7,
  presidiumFrontLineMinPct: 50,
};

/** What the checks need to know of the staff and of the representatives with a vote, as of one date. */
export interface CompositionInput {
  staff: { total: number; women: number };
  representatives: { total: number; frontLine: number; managers: number; women: number };
  presidium: { total: number; frontLine: number };
}

export type CheckKey = 'quota' | 'frontLine' | 'managers' | 'women' | 'presidiumSize' | 'presidiumFrontLine';

export interface CompositionCheck {
  key: CheckKey;
  ok: boolean;
  /** the figure found and what the rule asks, as whole numbers for the message */
  actual: number;
  /** the bound: least (quota, frontLine, women, presidiumFrontLine, presidiumSize min) or most (managers, presidiumSize max) */
  min?: number;
  max?: number;
  /** the base the share is taken of */
  of?: number;
}

/** ⌈a × pct / 100⌉ without floating point. */
const shareAtLeast = (of: number, pct: number) => Math.ceil((of * pct) / 100);
/** ⌊a × pct / 100⌋ */
const shareAtMost = (of: number, pct: number) => Math.floor((of * pct) / 100);

/**
 * The live composition checks. Every check states its figure and its bound so the screen can say "front-line 41 of 80
 * (at least 40)". Women: not below their share of staff — the least whole number w with w / reps ≥ women / staff.
 */
export function compositionChecks(input: CompositionInput, s: CompositionSettings = DEFAULT_COMPOSITION): CompositionCheck[] {
  const r = input.representatives;
  const staff = input.staff;
  const p = input.presidium;
  for (const [k, v] of Object.entries({ ...r, staffTotal: staff.total, staffWomen: staff.women, presTotal: p.total, presFront: p.frontLine })) count(v, k);
  const q = quota(staff.total, s.quotaPreset, s.customQuota);
  const womenMin = staff.total === 0 ? 0 : Math.ceil((staff.women * r.total) / staff.total);
  const frontMin = shareAtLeast(r.total, s.frontLineMinPct);
  const mgrMax = shareAtMost(r.total, s.managersMaxPct);
  const large = r.total > 100;
  const presMin = large ? s.presidiumLargeMin : s.presidiumSmall.min;
  const presMax = large ? undefined : s.presidiumSmall.max;
  const presFrontMin = shareAtLeast(p.total, s.presidiumFrontLineMinPct);
  return [
    { key: 'quota', ok: r.total >= q, actual: r.total, min: q, of: staff.total },
    { key: 'frontLine', ok: r.total > 0 && r.frontLine >= frontMin, actual: r.frontLine, min: frontMin, of: r.total },
    { key: 'managers', ok: r.managers <= mgrMax, actual: r.managers, max: mgrMax, of: r.total },
    { key: 'women', ok: r.women >= womenMin, actual: r.women, min: womenMin, of: r.total },
    { key: 'presidiumSize', ok: p.total >= presMin && (presMax === undefined || p.total <= presMax), actual: p.total, min: presMin, max: presMax },
    { key: 'presidiumFrontLine', ok: p.total > 0 && p.frontLine >= presFrontMin, actual: p.frontLine, min: presFrontMin, of: p.total },
  ];
}
