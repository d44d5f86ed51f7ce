// The skill-level wage's monthly runs (issue 9, "The monthly run"): a period's run of the effective scheme version,
// per worker and component, in fen; versions of a period's run (a recalculation makes the next), review and approval
// by different operators, an approved version locked. Owned by the RUNS area; the exports, the what-if, the UI and the
// dashboard cards read these types.
import type { ComponentResult } from '../rules';

export const RUN_STATES = ['calculated', 'reviewed', 'approved', 'replaced'] as const;
/** calculated → reviewed (复核) → approved (审批, another operator, locked); a recalculation replaces an unapproved one */
export type RunState = (typeof RUN_STATES)[number];

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
  reviewedAt: string | null;
  reviewedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
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
  kind: 'hazard' | 'behaviour' | 'accident' | 'timekeeping' | 'roster' | 'manual';
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
