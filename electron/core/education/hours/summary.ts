// The year's hours against the requirement in figures only (the subsidy's educationYearFacts): how many workers a
// requirement applies to, how many meet it, the new workers and how many completed their first-year education, the
// person-hours — the same rules as the per-worker list (./service.ts yearHours, shared/education/hours/rules.ts), but
// aggregated in SQL without building a row per worker: at 50,000 workers and ~2.5 million attendances the roster is
// counted by role in one grouped scan, the yearly requirements' hours read per worker from edu_year_hours (hours per
// worker, year and kind kept by triggers, migration 022 — one range in its key's order, no sort) and handed back as a
// histogram (role × hours → workers), the first-year requirements read for the workers hired in the year only, the
// person-hours one range sum. Hours are summed in hundredths (they are entered with at most two decimals): exact,
// whatever the order.
import type { RequirementRole } from '../../../../shared/education/kinds';
import { assess, COUNTED_KINDS, MEETING_KINDS, PRE_HIRE_DAYS } from '../../../../shared/education/hours/rules';
import type { Store } from '../../db/store';
import { asOfDay, getSector, leftAfterEnd, requiredHours } from './service';

export interface YearSummary {
  /** workers a requirement applies to (hours required > 0) and those meeting it */
  required: number;
  meeting: number;
  /** workers listed with the new worker's requirement (hired in the year, not managers), and those who completed it (or, with no fixed minimum, attended any) */
  newWorkers: number;
  newWorkersComplete: number;
  /** training person-hours in the year (every worker's attendance, pre-shift meetings excepted), one decimal */
  personHours: number;
}

const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
/** a worker's hours at an activity in hundredths: their own, else the activity's */
const CENTS = `CAST(round(coalesce(t.hours, a.hours) * 100) AS INTEGER)`;
/** the roster rows listed for the year (see yearHours): not deleted, hired by `asOf`, active or left after its end */
const LISTED = `w.deleted_at IS NULL AND (w.hire_date IS NULL OR w.hire_date <= :asOf) AND (w.status <> 'left' OR w.id IN (SELECT value FROM json_each(:left)))`;
/** hired in the year (requirementRole's test) */
const NEW_IN_YEAR = `(w.hire_date IS NOT NULL AND CAST(substr(w.hire_date, 1, 4) AS INTEGER) = :year)`;

export function yearSummary(store: Store, year: number, today: string): YearSummary {
  const asOf = asOfDay(year, today);
  const yearFrom = `${year}-01-01`;
  const required = requiredHours(store, getSector(store));
  const left = JSON.stringify([...leftAfterEnd(store, asOf, today)]);
  const base = { asOf, left, year };

  // the roster by role
  const listed: Record<RequirementRole, number> = { new_worker: 0, worker_yearly: 0, manager_first: 0, manager_yearly: 0 };
  for (const [m, n, count] of store
    .stmt(`SELECT w.is_manager = 1, ${NEW_IN_YEAR}, count(*) FROM workers w WHERE ${LISTED} GROUP BY 1, 2`)
    .raw(true)
    .all(base) as [number, number, number][]) {
    listed[m ? (n ? 'manager_first' : 'manager_yearly') : n ? 'new_worker' : 'worker_yearly'] += count;
  }

  // hours counted per role: a histogram (role, hundredths) → workers with any attendance counted. Read from
  // edu_year_hours (each worker's hours per year and kind, kept by triggers: migration 022) — unless an activity of the
  // year is dated after asOf (planned, not held: it must not count), then from the year's attendance up to asOf.
  const hist: { role: RequirementRole; cents: number; count: number }[] = [];
  const yearly = (['worker_yearly', 'manager_yearly'] as const).filter((r) => required[r] > 0 && listed[r] > 0);
  const yearEnd = `${year}-12-31`;
  const laterInYear =
    asOf < yearEnd && store.stmt(`SELECT 1 FROM edu_activities WHERE deleted_at IS NULL AND date > ? AND date <= ? LIMIT 1`).get(asOf, yearEnd) !== undefined;
  if (yearly.length > 0 && asOf >= yearFrom) {
    const kinds = [...new Set(yearly.flatMap((r) => COUNTED_KINDS[r]))];
    const perWorker = laterInYear
      ? `SELECT t.worker_id AS wid,
           sum(CASE WHEN a.kind IN (${sqlList(COUNTED_KINDS.worker_yearly)}) THEN ${CENTS} ELSE 0 END) AS hw,
           sum(CASE WHEN a.kind IN (${sqlList(COUNTED_KINDS.manager_yearly)}) THEN ${CENTS} ELSE 0 END) AS hm
         FROM edu_activities a CROSS JOIN edu_attendance t ON t.activity_id = a.id
         WHERE a.deleted_at IS NULL AND a.date >= :yearFrom AND a.date <= :asOf AND a.kind IN (${sqlList(kinds)})
         GROUP BY t.worker_id`
      : `SELECT worker_id AS wid,
           sum(CASE WHEN kind IN (${sqlList(COUNTED_KINDS.worker_yearly)}) THEN cents ELSE 0 END) AS hw,
           sum(CASE WHEN kind IN (${sqlList(COUNTED_KINDS.manager_yearly)}) THEN cents ELSE 0 END) AS hm
         FROM edu_year_hours WHERE year = :year AND kind IN (${sqlList(kinds)})
         GROUP BY worker_id`;
    for (const [m, cents, count] of store
      .stmt(
        `SELECT w.is_manager = 1 AS m, CASE WHEN w.is_manager = 1 THEN g.hm ELSE g.hw END AS cents, count(*)
         FROM (${perWorker}) g
         CROSS JOIN workers w ON w.id = g.wid
         WHERE ${LISTED} AND NOT ${NEW_IN_YEAR}
         GROUP BY 1, 2`,
      )
      .raw(true)
      .all(laterInYear ? { ...base, yearFrom } : base) as [number, number, number][]) {
      hist.push({ role: m ? 'manager_yearly' : 'worker_yearly', cents, count });
    }
  }
  if (listed.new_worker + listed.manager_first > 0) {
    // from PRE_HIRE_DAYS before the hire date to the end of the first year on the job (the day before the anniversary), never after today
    for (const [m, cents, count] of store
      .stmt(
        `SELECT m, cents, count(*) FROM (
           SELECT w.is_manager = 1 AS m, sum(${CENTS}) AS cents
           FROM workers w CROSS JOIN edu_attendance t ON t.worker_id = w.id CROSS JOIN edu_activities a ON a.id = t.activity_id
           WHERE ${LISTED} AND ${NEW_IN_YEAR} AND a.deleted_at IS NULL
             AND a.date >= date(w.hire_date, '-${PRE_HIRE_DAYS} days') AND a.date <= date(w.hire_date, '+1 year', '-1 day') AND a.date <= :today
             AND ((w.is_manager = 1 AND a.kind IN (${sqlList(COUNTED_KINDS.manager_first)})) OR (w.is_manager <> 1 AND a.kind IN (${sqlList(COUNTED_KINDS.new_worker)})))
           GROUP BY w.id)
         GROUP BY 1, 2`,
      )
      .raw(true)
      .all({ ...base, today }) as [number, number, number][]) {
      hist.push({ role: m ? 'manager_first' : 'new_worker', cents, count });
    }
  }

  // every listed worker: those in the histogram with their hours, the others with none
  const out: YearSummary = { required: 0, meeting: 0, newWorkers: listed.new_worker, newWorkersComplete: 0, personHours: 0 };
  const withHours: Record<RequirementRole, number> = { new_worker: 0, worker_yearly: 0, manager_first: 0, manager_yearly: 0 };
  const tally = (role: RequirementRole, counted: number, count: number) => {
    const a = assess(role, required[role], counted);
    if (a.applies) out.required += count;
    if (a.meets) out.meeting += count;
    if (role === 'new_worker' && (a.applies ? a.meets : a.counted > 0)) out.newWorkersComplete += count;
  };
  for (const h of hist) {
    withHours[h.role] += h.count;
    tally(h.role, h.cents / 100, h.count);
  }
  for (const role of Object.keys(listed) as RequirementRole[]) tally(role, 0, listed[role] - withHours[role]);

  if (asOf >= yearFrom) {
    const cents = laterInYear
      ? (store
          .stmt(
            `SELECT coalesce(sum(${CENTS}), 0) FROM edu_activities a CROSS JOIN edu_attendance t ON t.activity_id = a.id
             WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ? AND a.kind NOT IN (${sqlList(MEETING_KINDS)})`,
          )
          .pluck()
          .get(yearFrom, asOf) as number)
      : (store.stmt(`SELECT coalesce(sum(cents), 0) FROM edu_year_hours WHERE year = ? AND kind NOT IN (${sqlList(MEETING_KINDS)})`).pluck().get(year) as number);
    out.personHours = Math.round((cents / 100) * 10) / 10; // as the hours tab rounds it (yearHours)
  }
  return out;
}
