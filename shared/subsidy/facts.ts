// What the subsidy scorecard and dossier read from the health and education modules for a year — one function each,
// owned by the module that keeps the records (electron/core/health/facts.ts, electron/core/education/facts.ts), so the
// subsidy module never reads another module's tables itself. Owners may add fields; never rename or drop one.
import type { ActivityKind } from '../education/kinds';
import type { CertCategory } from '../health/kinds';

export interface HealthYearFacts {
  year: number;
  /** workers on the roster during the year with an exposure during the year */
  exposedWorkers: number;
  /** exams that fell due in the year under the plan (pre-job, periodic, exit, women's), and how they were met */
  examsDue: number;
  /** held by their due date (a pre-job exam: before the exposed work started) */
  examsOnTime: number;
  /** held, but after the due date */
  examsLate: number;
  /** due in the year and not held (by the end of the year, or today for the current year) */
  examsMissing: number;
  /** women workers' exams: due in the year / held on time */
  womenDue: number;
  womenOnTime: number;
  /** exams held in the year, by conclusion */
  conclusions: { normal: number; recheck: number; suspected: number; contraindication: number; other: number };
  /** workers with a contraindication still in the post it bars them from (at the year's end or today) */
  contraindicationsInPost: number;
  /** rechecks due in the year that were not done */
  rechecksMissed: number;
  /** special-operation certificates of workers on the roster, at the year's end or today */
  certificates: {
    total: number;
    current: number;
    /** review window open or review overdue (not expired) */
    reviewDue: number;
    /** of reviewDue, those past their review date — lapsed (逾期未复审的证书失效) */
    reviewOverdue: number;
    expired: number;
    byCategory: Partial<Record<CertCategory, number>>;
  };
}

export interface EducationYearFacts {
  year: number;
  /** activities held in the year, all and by kind */
  activities: number;
  byKind: Partial<Record<ActivityKind, number>>;
  /** person-hours of training in the year (attendance × hours) */
  personHours: number;
  /** workers with a requirement in the year / of them meeting it */
  workersRequired: number;
  workersMeeting: number;
  /** new workers who joined in the year / of them with their three-level education complete */
  newWorkers: number;
  newWorkersComplete: number;
  /** pre-shift meetings held in the year */
  preShiftMeetings: number;
  /** culture walls: workshops and teams, how many have a wall, how many were updated within the setting's months */
  walls: { units: number; withWall: number; current: number; months: number };
  /** photos of the year's activities and wall updates (attachment ids, newest first, at most 24) for the dossier */
  photoIds: string[];
}
