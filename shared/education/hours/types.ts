// What the education module's hours channels answer (shared/education/hours/contract.ts).
import type { ActivityKind, EduLevel, RequirementRole, Sector } from '../kinds';

/** One row of the requirement table (hours by sector and role). */
export interface Requirement {
  sector: Sector;
  role: RequirementRole;
  hours: number;
  updatedAt: string;
}

/** The enterprise's sector and the whole requirement table (both sectors). */
export interface RequirementsView {
  sector: Sector;
  rows: Requirement[];
}

/** A worker's hours in a year against the requirement that applies to them. */
export interface WorkerHours {
  workerId: string;
  empNo: string;
  name: string;
  workshopId: string | null;
  workshopName: string | null;
  teamId: string | null;
  teamName: string | null;
  hireDate: string | null;
  isManager: boolean;
  role: RequirementRole;
  /** hours required (0: no fixed minimum) */
  required: number;
  /** hours counted toward it */
  counted: number;
  gap: number;
  applies: boolean;
  meets: boolean;
  /** all training hours attended in the year (pre-shift meetings excepted) */
  yearHours: number;
  /** pre-shift meetings attended in the year */
  meetings: number;
}

/** The gaps of a workshop or a team. */
export interface UnitGap {
  unitId: string;
  kind: 'workshop' | 'team';
  name: string;
  /** a team's workshop */
  parentName: string | null;
  /** workers listed / with a requirement / meeting it / below it */
  workers: number;
  required: number;
  meeting: number;
  below: number;
  /** hours missing in all */
  gapHours: number;
}

export interface HoursSummary {
  workers: number;
  required: number;
  meeting: number;
  below: number;
  gapHours: number;
  /** training person-hours in the year (pre-shift meetings excepted) */
  personHours: number;
}

export interface HoursResult {
  year: number;
  sector: Sector;
  /** the day the count ends (today for the current year, else the year's last day) */
  asOf: string;
  rows: WorkerHours[];
  /** rows matching the filter, before paging */
  total: number;
  page: number;
  pageSize: number;
  /** the whole enterprise (not filtered) */
  summary: HoursSummary;
  /** every workshop and team with workers, workshops in their order, each followed by its teams */
  units: UnitGap[];
}

/** One activity a worker attended, for their training file. */
export interface TrainingEntry {
  activityId: string;
  kind: ActivityKind;
  level: EduLevel | null;
  title: string;
  date: string;
  /** the worker's hours at it (their own, else the activity's) */
  hours: number;
  score: number | null;
  passed: boolean | null;
  host: string | null;
  unitName: string | null;
  content: string | null;
  /** counts toward the worker's requirement of the year asked about */
  counts: boolean;
}

/** A worker's training: their hours against the year's requirement and every activity they attended. */
export interface WorkerTraining {
  year: number;
  hours: WorkerHours;
  /** newest first, all years */
  entries: TrainingEntry[];
}

/** who changes the requirement table and the sector: 安全员, 工会干部, 职业卫生管理员 (admins hold every role) */
export const HOURS_EDITORS = ['safety_officer', 'union_officer', 'oh_manager'] as const;
