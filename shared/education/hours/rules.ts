// Hours of safety education against the requirement (生产经营单位安全培训规定; ../shared/DOMAIN.md, Safety education):
// pure rules, shared by the backend (lists, facts, the training file) and the UI (what counts, in words).
//
// The decisions, stated once:
//  - ONE requirement per worker and year, by role: a worker hired in the year is a new worker (new_worker, 24 h / 72 h
//    high-risk) — a manager (workers.is_manager) hired in the year is a new manager (manager_first, 32 h / 48 h); every
//    other worker has the yearly re-training (worker_yearly, 0 h general = no fixed minimum / 20 h high-risk), every
//    other manager the managers' yearly training (manager_yearly, 12 h / 16 h). No hire date: hired long ago.
//  - What counts toward which: new workers — three-level education (three_level); yearly re-training — re-training,
//    special training, drills, 安康杯 activities and post-change education (retraining/special/drill/ankang_cup/
//    post_change); managers, first and yearly — managers' training (manager). Pre-shift meetings (班前会) are counted as
//    meetings, never as hours (a few minutes a day would otherwise fill any requirement).
//  - When: a first-year requirement (new_worker, manager_first) counts activities from PRE_HIRE_DAYS before the hire
//    date (pre-job training) to the end of the first year on the job (the day before the anniversary); a yearly one
//    counts activities dated in the calendar year. Nothing dated after today counts (a planned activity is not held).
//  - A worker's hours at an activity: their own (edu_attendance.hours) when entered, else the activity's.
//  - Who is listed for a year: workers on the roster at the year's end (for the current year: today) — not deleted,
//    hired by then, and active (or, for a past year, left after its end).
import type { ActivityKind, RequirementRole } from '../kinds';

/** Training taken up to this many days before the hire date counts toward the first-year requirement. */
export const PRE_HIRE_DAYS = 90;

/** The activity kinds that count toward each requirement. */
export const COUNTED_KINDS: Readonly<Record<RequirementRole, readonly ActivityKind[]>> = {
  new_worker: ['three_level'],
  worker_yearly: ['retraining', 'special', 'drill', 'ankang_cup', 'post_change'],
  manager_first: ['manager'],
  manager_yearly: ['manager'],
};

/** Kinds counted as meetings (a count), never as hours. */
export const MEETING_KINDS: readonly ActivityKind[] = ['pre_shift'];

export const isFirstYearRole = (role: RequirementRole) => role === 'new_worker' || role === 'manager_first';

const dayNo = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** A date moved by whole days. */
export const addDays = (iso: string, days: number) => isoOf(dayNo(iso) + days);

/** The last day of the first year on the job: the day before the anniversary (29 Feb → 28 Feb of the next year). */
export function firstYearEnd(hireDate: string): string {
  const y = Number(hireDate.slice(0, 4));
  const anniversary = Date.UTC(y + 1, Number(hireDate.slice(5, 7)) - 1, Number(hireDate.slice(8, 10))) / 86_400_000;
  return isoOf(anniversary - 1);
}

export interface WorkerFacts {
  hireDate: string | null;
  isManager: boolean;
}

/** The requirement that applies to a worker in a year (see the decisions above). */
export function requirementRole(w: WorkerFacts, year: number): RequirementRole {
  const isNew = w.hireDate !== null && Number(w.hireDate.slice(0, 4)) === year;
  if (w.isManager) return isNew ? 'manager_first' : 'manager_yearly';
  return isNew ? 'new_worker' : 'worker_yearly';
}

/** The dates whose activities count toward a worker's requirement of the year (both inclusive; from > to: none yet). */
export function countingWindow(w: WorkerFacts, year: number, today: string): { role: RequirementRole; from: string; to: string } {
  const role = requirementRole(w, year);
  let from: string;
  let to: string;
  if (isFirstYearRole(role) && w.hireDate) {
    from = addDays(w.hireDate, -PRE_HIRE_DAYS);
    to = firstYearEnd(w.hireDate);
  } else {
    from = `${year}-01-01`;
    to = `${year}-12-31`;
  }
  if (today < to) to = today;
  return { role, from, to };
}

/** Does an attendance of this kind on this date count toward the worker's requirement of the year? */
export function counts(w: WorkerFacts, year: number, today: string, kind: ActivityKind, date: string): boolean {
  const win = countingWindow(w, year, today);
  return COUNTED_KINDS[win.role].includes(kind) && date >= win.from && date <= win.to && date <= today;
}

export interface Assessment {
  role: RequirementRole;
  /** hours required (0: no fixed minimum — the requirement does not apply) */
  required: number;
  /** hours that count toward it */
  counted: number;
  /** hours still missing (0 when met or not applying) */
  gap: number;
  applies: boolean;
  meets: boolean;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Hours counted against hours required. */
export function assess(role: RequirementRole, required: number, counted: number): Assessment {
  const c = round1(counted);
  const applies = required > 0;
  const gap = applies ? round1(Math.max(0, required - c)) : 0;
  return { role, required, counted: c, gap, applies, meets: applies && gap === 0 };
}

/** Hours entered for a requirement: 0–500, at most one decimal. */
export const REQUIREMENT_MAX_HOURS = 500;
