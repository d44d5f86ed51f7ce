// The health plan area (issue 10): the interval table, the women workers' exam settings, exposures per worker, and the
// exam plan with its alerts (./rules.ts computes them; the backend keeps them in health_due).
import type { FactorCategory, WomenExamSettings } from '../kinds';

export interface Factor {
  id: string;
  code: string;
  name: string;
  category: FactorCategory;
  intervalMonths: number;
  levelNote: string | null;
  synonyms: string[];
  /** seeded with the GBZ 188 defaults: to be checked against GBZ 188 */
  seeded: boolean;
  sortOrder: number;
  /** current exposures to it (not ended, not deleted) */
  exposedWorkers: number;
  updatedAt: string;
  deletedAt: string | null;
}

export type { WomenExamSettings };

export const EXPOSURE_SOURCES = ['manual', 'roster', 'import'] as const;
export type ExposureSource = (typeof EXPOSURE_SOURCES)[number];

export interface Exposure {
  id: string;
  workerId: string;
  empNo: string;
  name: string;
  workshopName: string | null;
  teamName: string | null;
  factorId: string;
  factorName: string;
  factorLevel: string | null;
  post: string | null;
  startDate: string;
  endDate: string | null;
  source: ExposureSource;
  note: string | null;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ExposurePage {
  rows: Exposure[];
  total: number;
}

/** What "按花名册生成" did (or would do, dryRun): exposures made from the roster's free-text hazard words. */
export interface FromRosterResult {
  dryRun: boolean;
  /** exposures created (or to create) */
  created: number;
  /** workers who got at least one */
  workers: number;
  /** worker + factor pairs that already had a current exposure */
  existing: number;
  /** of the created, how many had no hire date (started today) */
  withoutHireDate: number;
  /** words no factor's synonyms match (or more than one does): listed, nothing guessed */
  unmatched: { word: string; workers: number; ambiguous: boolean }[];
}

/** The plan items ./rules.ts computes for a worker (one row each in health_due). */
export const PLAN_KINDS = ['pre_job', 'periodic', 'recheck', 'contraindication', 'women', 'exit'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** What the due list shows: a plan item judged against today. */
export const ALERT_KINDS = [
  'pre_job',
  'periodic_overdue',
  'periodic_due',
  'recheck_overdue',
  'recheck_due',
  'contraindication',
  'women_overdue',
  'women_due',
  'exit',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
/** alert kinds shown in red */
export const URGENT_ALERTS: readonly AlertKind[] = ['pre_job', 'periodic_overdue', 'recheck_overdue', 'contraindication', 'women_overdue', 'exit'];

export interface DueRow {
  workerId: string;
  empNo: string;
  name: string;
  gender: 'M' | 'F';
  workshopName: string | null;
  teamName: string | null;
  post: string | null;
  alert: AlertKind;
  /** the factor of a pre-job / periodic item or a contraindication */
  factorId: string | null;
  factorName: string | null;
  dueDate: string;
  /** the last exam the item counts from (periodic, women), the recheck's or contraindication's exam date */
  lastDate: string | null;
  /** recheck items, the contraindication's name */
  detail: string | null;
  /** women's exam: breast and cervical screening due (age ≥ the setting) */
  screening: boolean;
  /** days from today to the due date (negative: overdue) */
  days: number;
  /**
   * the batch of the exam the item counts from (periodic, women: the last exam; recheck, contraindication: the exam that
   * raised it) — where the due list's row leads; null: no such exam
   */
  batchId?: string | null;
}

export interface DuePage {
  today: string;
  rows: DueRow[];
  total: number;
  /** per alert kind, under the same workshop/team/search filter (not the kind filter) */
  counts: Record<AlertKind, number>;
  /**
   * the reader does not read exam results (shared/health/privacy.ts): the conclusion-based alerts (recheck,
   * contraindication) are left out of the rows and their counts say 0
   */
  restricted: boolean;
}

export interface ExitCheck {
  workerId: string;
  /** the worker was exposed and has no exit exam since the latest exposure began */
  needed: boolean;
  factorNames: string[];
  lastExitExam: string | null;
}
