// The skill-level wage's monthly runs (issue 9, "The monthly run"): a period's run of the effective scheme version,
// per worker and component, in fen; versions of a period's run (a recalculation makes the next), review and approval
// by different operators, an approved version locked. Owned by the RUNS area; the exports, the what-if, the UI and the
// dashboard cards read these types.
import type { ComponentResult } from '../rules';

export const RUN_STATES = ['calculated', 'reviewed', 'approved', 'replaced'] as const;
/** calculated → reviewed (复核) → approved (审批, another operator, locked); a recalculation replaces an unapproved one */
export type RunState = (typeof RUN_STATES)[number];

/** What can change under a run (wage_period_changes): the records of its period it read. */
export const RUN_CHANGE_KINDS = ['timekeeping', 'behaviour', 'accident', 'hazard', 'manual', 'roster', 'training'] as const;
export type RunChangeKind = (typeof RUN_CHANGE_KINDS)[number];

export interface RunSummary {
  id: string;
  /** 'YYYY-MM' */
  period: string;
  /** 1, 2… per period */
  version: number;
  state: RunState;
  schemeId: string;
  schemeName: string;
  schemeVersion: number;
  workers: number;
  totalFen: number;
  /** workers whose safety components add up to more than zero */
  safetyPaid: number;
  vetoes: number;
  budget: { budgetFen: number; usedFen: number } | null;
  calculatedAt: string;
  calculatedBy: string;
  /** the operator ids (null: not recorded, e.g. the CLI) — compare these, not the names */
  calculatedById: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewedById: string | null;
  /** set also on an approved version a later approval replaced (state 'replaced') */
  approvedAt: string | null;
  approvedBy: string | null;
  approvedById: string | null;
  replacedAt: string | null;
  /**
   * The records of the period changed since this version was calculated (which kinds), or null: recalculate
   * (重新核算) to take them in. Read cheaply from wage_period_changes on every read of a run.
   */
  stale: { kinds: RunChangeKind[] } | null;
}

export interface RunComponent {
  code: string;
  /** raw value as read from the records (hours, grade, points, count…) shown in the explanation */
  raw: number | string | null;
  /** centipoints (1 point = 100) */
  points: number;
  weighted: number;
  fen: number;
  applied: ComponentResult['applied'];
}

export interface RunLine {
  workerId: string;
  empNo: string;
  name: string;
  idCard: string | null;
  workshopId: string | null;
  workshopName: string | null;
  teamId: string | null;
  teamName: string | null;
  components: RunComponent[];
  totalFen: number;
  veto: boolean;
  proRata: { worked: number; of: number } | null;
}

/** One record that produced points, for the explanation (click through by kind and id). */
export interface RunSourceRecord {
  kind: 'hazard' | 'behaviour' | 'accident' | 'timekeeping' | 'roster' | 'manual' | 'training';
  id: string;
  date: string | null;
  /** e.g. the hazard's serial and title, the behaviour's category */
  label: string;
  /** what it contributed to the raw value (points, hours, a count) */
  value: number | string | null;
}

export interface RunExplanation {
  line: RunLine;
  /** per component: the records behind its raw value, and why a veto, cap or pro rata applied (message keys + params) */
  components: { code: string; records: RunSourceRecord[]; reasons: { key: string; params?: Record<string, string | number> }[] }[];
}

export interface RunGroupTotal {
  id: string | null;
  name: string | null;
  workers: number;
  totalFen: number;
}

// ---------------------------------------------------------------------------------------------------------
// Added by the RUNS area: what the channels of shared/wage/runs/contract.ts answer.

/** One component of a run as its scheme version defined it (the run keeps a copy: the lines' column headers). */
export interface RunIndicator {
  code: string;
  name: { 'zh-CN': string; en: string };
  unit: { 'zh-CN': string; en: string };
  source: string;
  weightPct: number;
  safety: boolean;
  capFen: number | null;
}

/** A run with the components it pays (wage.run). */
export interface RunDetail extends RunSummary {
  indicators: RunIndicator[];
  /** a worker's total cap in fen (null: uncapped) and whether pro rata applied, as the scheme version said */
  totalCapFen: number | null;
  proRata: boolean;
  /**
   * The version of the same period approved before this one (an earlier version, approved — now 'replaced' once this
   * one is approved), or null: what this version pays is settled against it (补发 / 扣回, wage.runDiff from it).
   */
  previousApproved: { id: string; version: number; totalFen: number; state: RunState } | null;
  /** the other versions of the same period, newest first (this one included) */
  versions: { id: string; version: number; state: RunState; totalFen: number; calculatedAt: string; approvedAt: string | null }[];
}

export const RUN_LINE_SORT_FIELDS = ['empNo', 'name', 'workshop', 'team', 'total'] as const;
export type RunLineSortField = (typeof RUN_LINE_SORT_FIELDS)[number];
export const RUN_GROUP_BY = ['workshop', 'team'] as const;
export type RunGroupBy = (typeof RUN_GROUP_BY)[number];

/** Group totals also carry each component's sum and the vetoes in the group. */
export interface RunGroupTotalDetail extends RunGroupTotal {
  /** a team's workshop (by 'team'); null by 'workshop' */
  workshopName: string | null;
  workshopId: string | null;
  /** org_units.sort_order of the unit and (by team) of its workshop, null when none: the list's order (./order.ts) */
  sortOrder: number | null;
  workshopSortOrder: number | null;
  components: { code: string; fen: number }[];
  vetoes: number;
}

/** One worker whose pay differs between two versions (absent from one: null on that side). */
export interface RunDiffRow {
  workerId: string;
  empNo: string;
  name: string;
  workshopName: string | null;
  teamName: string | null;
  fromTotalFen: number | null;
  toTotalFen: number | null;
  /** every component of either version, with the amount in each (null: not in that version / worker absent) */
  components: { code: string; fromFen: number | null; toFen: number | null }[];
}

export interface RunDiff {
  from: RunSummary;
  to: RunSummary;
  /** only the workers whose total or any component changed, sorted by employee number */
  rows: RunDiffRow[];
  /** workers only in `to`, only in `from`, in both with a change */
  added: number;
  removed: number;
  changed: number;
}

/** The dashboard's wage cards (wage.dashboard). */
export interface WageDashboard {
  /** the pay month 'YYYY-MM': the month before this one (local clock) — what is calculated and paid now */
  period: string;
  /** the pay month's current run version (the newest not replaced), or none yet */
  run: RunSummary | null;
  /** the latest approved run of any period (what was last paid) */
  lastApproved: RunSummary | null;
  /** of the run shown (the pay month's, else the last approved): total paid, workers, share with a safety component > 0 (0–1), vetoes */
  shown: { period: string; state: RunState; totalFen: number; workers: number; safetyShare: number; vetoes: number } | null;
}
