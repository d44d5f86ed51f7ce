// Safety-education activities (issue 10): three-level education of new workers (厂 / 车间 / 班组) and post changes,
// yearly re-training, pre-shift meetings (班前会), drills, 安康杯 activities, special and managers' training — each with
// its date, hours, host, content, the unit it was held for, photos, and who attended (ticked from the roster or read
// from the sign-in sheet) with their hours (the activity's unless stated) and test score.
import type { ActivityKind, EduLevel } from '../kinds';

/** the kinds that have a level (厂级 / 车间级 / 班组级); a post change repeats only the workshop and team levels */
export const LEVELLED_KINDS: readonly ActivityKind[] = ['three_level', 'post_change'];
/** a test score from this on passes, unless passed/failed is given */
export const PASS_SCORE = 60;
/** the most hours one activity (or one attendee of it) carries */
export const MAX_ACTIVITY_HOURS = 200;
/**
 * The fewest hours a training activity carries: training is counted in 学时 (a class hour, 45–60 minutes) with at most
 * two decimals, and half a class hour is the shortest session a training record (and the yearly hours it counts toward)
 * sensibly holds — 0.01 h (36 seconds) is a typing slip, not a training.
 */
export const MIN_TRAINING_HOURS = 0.5;
/** A pre-shift meeting's duration (时长, not 学时) is short — ten minutes is common — but at least six minutes (0.1 h). */
export const MIN_MEETING_HOURS = 0.1;
/** the earliest activity date (the app's rule: nothing before 2000 is recorded) */
export const MIN_ACTIVITY_DATE = '2000-01-01';
/** the most attendees one activity takes (a whole plant's yearly re-training) */
export const MAX_ATTENDEES = 5000;
/** the most photos of one activity */
export const MAX_ACTIVITY_PHOTOS = 30;

/** how an attendee came: ticked from the roster, or the sign-in sheet (edu_attendance.source CHECK) */
export const ATTENDANCE_SOURCES = ['manual', 'import'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

export interface ActivityRow {
  id: string;
  kind: ActivityKind;
  level: EduLevel | null;
  title: string;
  date: string;
  hours: number;
  host: string | null;
  orgUnitId: string | null;
  /** 车间, or 车间 / 班组 */
  orgUnitName: string | null;
  content: string | null;
  note: string | null;
  attendeeCount: number;
  photoCount: number;
  enteredBy: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface Attendee {
  workerId: string;
  empNo: string;
  name: string;
  workshopName: string | null;
  teamName: string | null;
  /** the hours stated for this worker; null: the activity's */
  hours: number | null;
  score: number | null;
  passed: boolean | null;
  source: AttendanceSource;
}

export interface ActivityDetail extends ActivityRow {
  attendees: Attendee[];
  /** the photos' attachment ids, in order */
  photoIds: string[];
}
