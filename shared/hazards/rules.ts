// Hazard ledger (隐患排查治理台账): enumerations, LEC risk grading and the workflow rules, as pure functions.
// The backend enforces them; the UI uses them to show only what an operator may do.
import { ROLE_SETS, type CommitteeRole } from '../roster/roles';

export const HAZARD_SOURCES = ['self_check', 'special_inspection', 'worker_report', 'proposal', 'authority'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

/** GB/T 13861 top level → second level. */
export const HAZARD_CATEGORIES = {
  human: ['psych', 'behaviour'],
  material: ['physical', 'chemical', 'biological'],
  environment: ['indoor', 'outdoor', 'underground', 'other'],
  management: ['organisation', 'responsibility', 'rules', 'investment', 'emergency', 'other'],
} as const;
export type HazardCategory1 = keyof typeof HAZARD_CATEGORIES;
export const HAZARD_CATEGORY1 = Object.keys(HAZARD_CATEGORIES) as HazardCategory1[];

/** GB 6441 potential accident types (20). */
export const ACCIDENT_TYPES = [
  'object_strike', 'vehicle', 'machinery', 'lifting', 'electric', 'drowning', 'burn', 'fire', 'fall', 'collapse',
  'roof_fall', 'water_inrush', 'blasting', 'explosive', 'gas_explosion', 'boiler_explosion', 'vessel_explosion',
  'other_explosion', 'poisoning', 'other',
] as const;
export type AccidentType = (typeof ACCIDENT_TYPES)[number];

export const HAZARD_GRADES = ['general', 'major'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];
export const PRODUCTION_STOPS = ['none', 'partial', 'full'] as const;
export type ProductionStop = (typeof PRODUCTION_STOPS)[number];
export const RISK_COLORS = ['red', 'orange', 'yellow', 'blue'] as const;
export type RiskColor = (typeof RISK_COLORS)[number];

export const HAZARD_STATUSES = ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted', 'closed', 'cancelled'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export const OPEN_STATUSES: readonly HazardStatus[] = ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted'];
export const isOpen = (s: HazardStatus) => OPEN_STATUSES.includes(s);

// ---- LEC (作业条件危险性评价法): D = L × E × C ----
export const LEC_L = [0.1, 0.2, 0.5, 1, 3, 6, 10] as const; // likelihood
export const LEC_E = [0.5, 1, 2, 3, 6, 10] as const; // exposure frequency
export const LEC_C = [1, 3, 7, 15, 40, 100] as const; // consequence
export type LecAxis = 'l' | 'e' | 'c';
export const LEC_VALUES: Readonly<Record<LecAxis, readonly number[]>> = { l: LEC_L, e: LEC_E, c: LEC_C };
/** the message key of a LEC value's standard meaning (e.g. L 10 = 完全可以预料): 'lec.l.10', 'lec.e.0_5' */
export const lecMeaningKey = (axis: LecAxis, v: number): string => `lec.${axis}.${String(v).replace('.', '_')}`;

export interface RiskThresholds {
  red: number; // D > red → 重大风险
  orange: number; // orange < D ≤ red → 较大风险
  yellow: number; // yellow < D ≤ orange → 一般风险; else 低风险
}
export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = { red: 320, orange: 160, yellow: 70 };

export function lecScore(l: number, e: number, c: number): number {
  return Math.round(l * e * c * 100) / 100;
}
export function riskColor(d: number, t: RiskThresholds = DEFAULT_RISK_THRESHOLDS): RiskColor {
  if (d > t.red) return 'red';
  if (d > t.orange) return 'orange';
  if (d >= t.yellow) return 'yellow';
  return 'blue';
}

export interface HazardRules {
  thresholds: RiskThresholds;
  /** days from finding to a decision (confirm + 五落实) before a reported/confirmed hazard is overdue */
  responseDays: number;
  /** days from submission to acceptance before it is overdue */
  acceptDays: number;
  /** "due soon" window for reminders */
  dueSoonDays: number;
}
export const DEFAULT_HAZARD_RULES: HazardRules = {
  thresholds: DEFAULT_RISK_THRESHOLDS,
  responseDays: 3,
  acceptDays: 5,
  dueSoonDays: 7,
};

// ---- workflow ----
export const HAZARD_ACTIONS = ['confirm', 'assign', 'start', 'submit', 'accept', 'reject', 'cancel'] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

/** who is a "manager" of the ledger: may confirm, assign (五落实) and cancel */
const MANAGERS: readonly CommitteeRole[] = ROLE_SETS.safetyManagers;
const ACCEPTORS: readonly CommitteeRole[] = ROLE_SETS.acceptors;

export const TRANSITIONS: Record<HazardAction, { from: readonly HazardStatus[]; to: HazardStatus; roles: readonly CommitteeRole[] }> = {
  confirm: { from: ['reported'], to: 'confirmed', roles: MANAGERS },
  assign: { from: ['confirmed', 'assigned'], to: 'assigned', roles: MANAGERS },
  start: { from: ['assigned'], to: 'rectifying', roles: [...MANAGERS, 'team_leader'] },
  submit: { from: ['rectifying'], to: 'submitted', roles: [...MANAGERS, 'team_leader'] },
  accept: { from: ['submitted'], to: 'closed', roles: ACCEPTORS },
  reject: { from: ['submitted'], to: 'rectifying', roles: ACCEPTORS },
  cancel: { from: OPEN_STATUSES, to: 'cancelled', roles: MANAGERS },
};

export interface Actor4Rules {
  roles: readonly CommitteeRole[];
  isAdmin: boolean;
  workerId: string;
  operatorId: string;
}
export interface HazardState4Rules {
  status: HazardStatus;
  responsibleId: string | null;
  submittedBy: string | null; // operator id
  /** the grade; a 重大隐患 is cancelled by an administrator only */
  grade?: HazardGrade | null;
  /** a 重大隐患: reported to the supervising authority (and its governance evaluated as passed) before acceptance */
  majorReported?: boolean;
  majorEvaluated?: boolean;
}

export type RefusalReason = 'status' | 'role' | 'acceptor_is_rectifier' | 'major_admin' | 'major_pending';

/** Why `action` is refused for this operator on this hazard, or null when it is allowed. Admins have every role. */
export function refusal(action: HazardAction, h: HazardState4Rules, a: Actor4Rules): RefusalReason | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(h.status)) return 'status';
  const hasRole = a.isAdmin || t.roles.some((r) => a.roles.includes(r));
  // the responsible person may start and submit their own rectification
  const isResponsible = h.responsibleId !== null && h.responsibleId === a.workerId;
  if (!hasRole && !((action === 'start' || action === 'submit') && isResponsible)) return 'role';
  if ((action === 'accept' || action === 'reject') && (isResponsible || h.submittedBy === a.operatorId)) {
    return 'acceptor_is_rectifier';
  }
  // 安全生产事故隐患排查治理暂行规定: a major hazard is cancelled by an administrator only, and accepted (销号) only after
  // it was reported to the supervising authority and its governance was evaluated
  if (action === 'cancel' && h.grade === 'major' && !a.isAdmin) return 'major_admin';
  if (action === 'accept' && h.grade === 'major' && !(h.majorReported && h.majorEvaluated)) return 'major_pending';
  return null;
}

/** Whether the 整改通知单 can be printed: it states the 五落实, so once they are assigned, and never for a voided hazard. */
export function noticePrintable(h: { status: HazardStatus; responsibleId: string | null; deadline: string | null }): boolean {
  return h.status !== 'cancelled' && h.responsibleId !== null && h.deadline !== null;
}

/** Recording the national rules' steps for a 重大隐患: report, 挂牌督办, evaluation of the governance. */
export const MAJOR_ACTIONS = ['majorReport', 'majorSupervise', 'majorEvaluate'] as const;
export type MajorAction = (typeof MAJOR_ACTIONS)[number];
export const EVALUATOR_KINDS = ['experts', 'third_party'] as const;
export type EvaluatorKind = (typeof EVALUATOR_KINDS)[number];

/** Which major-hazard steps this operator may record now (safety managers and administrators; a major, open hazard). */
export function majorActions(h: { status: HazardStatus; grade: HazardGrade | null }, a: Actor4Rules): MajorAction[] {
  if (h.grade !== 'major' || !isOpen(h.status)) return [];
  if (!a.isAdmin && !MANAGERS.some((r) => a.roles.includes(r))) return [];
  return MAJOR_ACTIONS.filter((x) => x !== 'majorEvaluate' || h.status === 'rectifying' || h.status === 'submitted');
}

export function allowedActions(h: HazardState4Rules, a: Actor4Rules): HazardAction[] {
  return HAZARD_ACTIONS.filter((x) => refusal(x, h, a) === null);
}

/** Due date for an open hazard (YYYY-MM-DD), from which "overdue" is computed; null when closed/cancelled. */
export function dueDate(
  h: { status: HazardStatus; foundDate: string; deadline: string | null; submittedDate: string | null },
  rules: HazardRules = DEFAULT_HAZARD_RULES,
): string | null {
  switch (h.status) {
    case 'reported':
    case 'confirmed':
      return addDays(h.foundDate, rules.responseDays);
    case 'assigned':
    case 'rectifying':
      return h.deadline;
    case 'submitted':
      return h.submittedDate ? addDays(h.submittedDate, rules.acceptDays) : h.deadline;
    default:
      return null;
  }
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return dt.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  const pa = a.split('-').map(Number) as [number, number, number];
  const pb = b.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(pb[0], pb[1] - 1, pb[2]) - Date.UTC(pa[0], pa[1] - 1, pa[2])) / 86400000);
}

export const GOVERNANCE_FIELDS = ['targets', 'methods', 'funding', 'organisation', 'timeline', 'safetyPlan'] as const;
export type GovernanceField = (typeof GOVERNANCE_FIELDS)[number];

export function serialNumber(year: number, seq: number): string {
  return `YH-${year}-${String(seq).padStart(4, '0')}`;
}

/** Money in integer fen; shown as yuan with two decimals (moved to shared/kernel/money.ts, re-exported for old callers). */
export { fenToYuan } from '../kernel/money';
