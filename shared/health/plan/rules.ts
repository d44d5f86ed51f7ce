// The exam plan and its alerts as pure rules (GBZ 188-2014; 职业病防治法 art. 35): what each worker is due for, from
// their exposures, their exams, the interval table and the women workers' settings. The backend stores the items in
// health_due (one row each, computed when a write touches the worker) and judges them against today when the list is
// read (alertOf — the SQL in electron/core/health/plan/due.ts says the same), so the list never goes stale overnight.
//
// The items, per worker:
// - pre_job: an exposure with no 上岗前 exam covering its factor on or before its start. Alerted from
//   HEALTH_DUE_SOON_DAYS before the start. A later 上岗前/在岗/应急 exam covering the factor settles it (late: the year's
//   facts count it as late).
// - periodic: per factor the worker is exposed to, the last 上岗前/在岗/应急 exam covering it + the factor's interval
//   (several factors: each its own date). With no such exam the pre_job item stands instead.
// - recheck: a 复查 conclusion with no later exam of the worker: due on its recheck date.
// - contraindication: the latest exam covering a factor says 职业禁忌证 and the worker is still (or again) exposed to it.
// - women: women workers, the last 妇科/两癌 exam + the interval (none on record: the hire date + the interval, or now);
//   screening when the age from the ID card's birth date at the due date is at least the setting's age.
// - exit: the worker was exposed and has no 离岗时 exam since the latest exposure began (alerted once the worker left).
// An item whose exposure ended before today is no longer alerted (until).
import { idCardBirthDate, idCardProblem } from '../../roster/idcard';
import { HEALTH_DUE_SOON_DAYS, type Conclusion, type ExamKind, type WomenExamSettings } from '../kinds';
import type { AlertKind, PlanKind } from './types';

export interface PlanWorker {
  gender: 'M' | 'F';
  hireDate: string | null;
  idCard: string | null;
}
export interface PlanExposure {
  id: string;
  factorId: string;
  start: string;
  end: string | null;
}
export interface PlanExam {
  id: string;
  date: string;
  kind: ExamKind;
  factorIds: readonly string[];
  conclusion: Conclusion;
  recheckDue: string | null;
  recheckItems: string | null;
  contraindication: string | null;
}
export interface PlanItem {
  kind: PlanKind;
  factorId: string | null;
  dueDate: string;
  lastDate: string | null;
  /** the exposure's end: after it the item is not alerted (null: open) */
  until: string | null;
  /** the exposure or exam the item comes from */
  refId: string | null;
  detail: string | null;
  screening: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (d: string) => d.split('-').map(Number) as [number, number, number];

/** The date `n` months after `date`; the 31st of a shorter month becomes its last day (01-31 + 1 → 02-28/29). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

/** The date `n` days after `date` (negative: before). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Age in whole years on `date` of someone born on `birth`. */
export function ageOn(birth: string, date: string): number {
  const [by, bm, bd] = parts(birth);
  const [y, m, d] = parts(date);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The birth date a valid ID card number carries (null: none or not valid). */
export function birthFromIdCard(idCard: string | null): string | null {
  if (!idCard || idCardProblem(idCard) !== null) return null;
  return idCardBirthDate(idCard);
}

/** Exams that count for a factor's periodic surveillance: 上岗前, 在岗期间, 应急. */
export const COUNTS_FOR_PERIODIC: readonly ExamKind[] = ['pre_job', 'periodic', 'emergency'];
const covers = (e: PlanExam, f: string) => e.factorIds.includes(f);
const maxDate = (ds: readonly (string | null)[]): string | null => ds.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
/** the latest end of the exposures, null when one is open */
const untilOf = (xs: readonly PlanExposure[]) => (xs.some((x) => x.end === null) ? null : maxDate(xs.map((x) => x.end)));

/** Whether leaving needs an exit exam: exposed, and no 离岗时 exam on or after the latest exposure's start. */
export function exitNeeded(exposures: readonly PlanExposure[], exams: readonly PlanExam[]): boolean {
  const latest = maxDate(exposures.map((x) => x.start));
  return latest !== null && !exams.some((e) => e.kind === 'exit' && e.date >= latest);
}

/**
 * A worker's plan items. `intervals`: factor id → months between periodic exams (factors not in it — deleted — are
 * left out); `today` only dates a woman's first exam when nothing else can.
 */
export function planItems(
  w: PlanWorker,
  exposures: readonly PlanExposure[],
  exams: readonly PlanExam[],
  intervals: ReadonlyMap<string, number>,
  women: WomenExamSettings,
  today: string,
): PlanItem[] {
  const out: PlanItem[] = [];
  const byFactor = new Map<string, PlanExposure[]>();
  for (const x of exposures) {
    if (!intervals.has(x.factorId)) continue;
    const l = byFactor.get(x.factorId);
    if (l) l.push(x);
    else byFactor.set(x.factorId, [x]);
  }
  for (const [f, xs] of byFactor) {
    const interval = intervals.get(f)!;
    xs.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (const x of xs) {
      const before = exams.some((e) => e.kind === 'pre_job' && covers(e, f) && e.date <= x.start);
      const after = exams.some((e) => COUNTS_FOR_PERIODIC.includes(e.kind) && covers(e, f) && e.date > x.start);
      if (!before && !after) out.push({ kind: 'pre_job', factorId: f, dueDate: x.start, lastDate: null, until: x.end, refId: x.id, detail: null, screening: false });
    }
    const counted = exams.filter((e) => COUNTS_FOR_PERIODIC.includes(e.kind) && covers(e, f));
    const last = maxDate(counted.map((e) => e.date));
    if (last !== null) {
      const lastExam = counted.find((e) => e.date === last)!;
      out.push({ kind: 'periodic', factorId: f, dueDate: addMonths(last, interval), lastDate: last, until: untilOf(xs), refId: lastExam.id, detail: null, screening: false });
    }
    // the latest exam covering the factor (any kind): a contraindication while still exposed after it
    const latest = maxDate(exams.filter((e) => covers(e, f)).map((e) => e.date));
    if (latest !== null) {
      const ci = exams.find((e) => e.date === latest && covers(e, f) && e.conclusion === 'contraindication');
      const still = xs.filter((x) => x.end === null || x.end >= latest);
      if (ci && still.length > 0) {
        out.push({ kind: 'contraindication', factorId: f, dueDate: latest, lastDate: latest, until: untilOf(still), refId: ci.id, detail: ci.contraindication, screening: false });
      }
    }
  }
  const lastAny = maxDate(exams.map((e) => e.date));
  for (const e of exams) {
    if (e.conclusion === 'recheck' && e.recheckDue !== null && e.date === lastAny) {
      out.push({ kind: 'recheck', factorId: null, dueDate: e.recheckDue, lastDate: e.date, until: null, refId: e.id, detail: e.recheckItems, screening: false });
    }
  }
  if (w.gender === 'F') {
    const womenExams = exams.filter((e) => e.kind === 'women');
    const last = maxDate(womenExams.map((e) => e.date));
    const due = last !== null ? addMonths(last, women.intervalMonths) : w.hireDate !== null ? addMonths(w.hireDate, women.intervalMonths) : today;
    const birth = birthFromIdCard(w.idCard);
    out.push({
      kind: 'women',
      factorId: null,
      dueDate: due,
      lastDate: last,
      until: null,
      refId: last !== null ? womenExams.find((e) => e.date === last)!.id : null,
      detail: null,
      screening: birth !== null && ageOn(birth, due) >= women.screeningFromAge,
    });
  }
  const inPlan = exposures.filter((x) => intervals.has(x.factorId));
  if (exitNeeded(inPlan, exams)) {
    const due = maxDate(inPlan.map((x) => x.end ?? x.start))!;
    out.push({ kind: 'exit', factorId: null, dueDate: due, lastDate: null, until: null, refId: null, detail: null, screening: false });
  }
  return out;
}

/**
 * How a plan item shows on `today` (null: not listed): pre-job from HEALTH_DUE_SOON_DAYS before the exposed work starts;
 * periodic, recheck and women's exams due within HEALTH_DUE_SOON_DAYS (the due date itself is still "due"), overdue the
 * day after; a contraindication always; exit only once the worker left. Only active workers' items show, but exit.
 */
export function alertOf(item: Pick<PlanItem, 'kind' | 'dueDate' | 'until'>, status: 'active' | 'left', today: string): AlertKind | null {
  if (item.kind === 'exit') return status === 'left' ? 'exit' : null;
  if (status !== 'active') return null;
  if (item.until !== null && item.until < today) return null;
  if (item.kind === 'contraindication') return 'contraindication';
  const soon = addDays(today, HEALTH_DUE_SOON_DAYS);
  if (item.dueDate > soon) return null;
  if (item.kind === 'pre_job') return 'pre_job';
  return item.dueDate < today ? `${item.kind}_overdue` : `${item.kind}_due`;
}

/** The quarter `today` falls in: its first and last day. */
export function quarterOf(today: string): { from: string; to: string; label: string } {
  const [y, m] = parts(today);
  const q = Math.floor((m - 1) / 3);
  const from = `${y}-${pad(q * 3 + 1)}-01`;
  return { from, to: addDays(addMonths(from, 3), -1), label: `${y}年第${q + 1}季度` };
}

/** How the exams due in a year were met (the subsidy's "special-group exams as required"). */
export interface YearDues {
  due: number;
  onTime: number;
  late: number;
  missing: number;
  womenDue: number;
  womenOnTime: number;
}

/** One exam falling due: the date, the date it was met (null: not yet), whether it is a women's exam. */
export interface ExamDue {
  due: string;
  met: string | null;
  women: boolean;
}

/**
 * Every exam that falls due for one worker up to `until` (inclusive), with the date it was met: a pre-job exam at each
 * exposure's start (met then by a 上岗前 exam covering the factor on or before the start, else by the first counting
 * exam after it); the periodic exams of each factor chained from exam to exam while exposed: each counting exam + k ×
 * the interval (k ≥ 1, falling between the exposure's start and end) up to the next counting exam, which meets them (the first due always counts: an early exam meets
 * it on time) — with no counting exam on or before the exposure's start, chained from the start (start + interval,
 * repeated, each met by the first counting exam after the start); women's exams chained the same way (`women` null:
 * not an active woman, none). An open exposure ends at `until`. The list does not depend on the year asked about, so
 * the backend keeps it per worker (health_year_dues) and a year's figures are a range of it (yearDues below).
 */
export function examDues(
  w: PlanWorker,
  exposures: readonly PlanExposure[],
  exams: readonly PlanExam[],
  intervals: ReadonlyMap<string, number>,
  women: WomenExamSettings | null,
  until: string,
): ExamDue[] {
  const out: ExamDue[] = [];
  const add = (due: string, met: string | null, isWomen = false) => {
    if (due <= until) out.push({ due, met, women: isWomen });
  };
  for (const x of exposures) {
    const interval = intervals.get(x.factorId);
    if (interval === undefined) continue;
    const f = x.factorId;
    const counted = exams
      .filter((e) => COUNTS_FOR_PERIODIC.includes(e.kind) && covers(e, f))
      .map((e) => e.date)
      .sort();
    const pre = exams.some((e) => e.kind === 'pre_job' && covers(e, f) && e.date <= x.start);
    add(x.start, pre ? x.start : (counted.find((d) => d > x.start) ?? null));
    const end = x.end !== null && x.end < until ? x.end : until;
    // no counting exam on or before the start: the chain starts at the start (the pre-job exam was due then) and falls
    // due every interval after it until the first counting exam, which meets every one of those dues (late, mostly)
    if (interval >= 1 && !counted.some((d) => d <= x.start)) {
      const first = counted.find((d) => d > x.start) ?? null;
      for (let k = 1; ; k++) {
        const due = addMonths(x.start, k * interval);
        if (due > end || (first !== null && due > first)) break;
        add(due, first);
      }
    }
    // chain: every counting exam up to this exposure's end falls due again every interval after it (exam + k ×
    // interval) until the next counting exam, which meets those dues; the first due always counts (an early exam meets
    // it on time). Only the dues while exposed count: an exam of an earlier exposure to the factor chains into this one
    // from its start, never before it.
    if (interval >= 1)
      for (const d of counted) {
        if (d > end) break;
        const next = counted.find((n) => n > d) ?? null;
        for (let k = 1; ; k++) {
          const due = addMonths(d, k * interval);
          if (due > end || (k > 1 && next !== null && due > next)) break;
          if (due >= x.start) add(due, next);
        }
      }
  }
  if (women && w.gender === 'F') {
    const ds = exams
      .filter((e) => e.kind === 'women')
      .map((e) => e.date)
      .sort();
    if (ds.length === 0 && w.hireDate !== null) add(addMonths(w.hireDate, women.intervalMonths), null, true);
    for (const d of ds) add(addMonths(d, women.intervalMonths), ds.find((n) => n > d) ?? null, true);
  }
  return out;
}

/** How the dues in [from, to] were met by `asOf`: on time (by the due date), late (after it, by asOf) or missing. */
export function judgeDues(dues: Iterable<ExamDue>, from: string, to: string, asOf: string): YearDues {
  const r: YearDues = { due: 0, onTime: 0, late: 0, missing: 0, womenDue: 0, womenOnTime: 0 };
  for (const { due, met, women } of dues) {
    if (due < from || due > to || due > asOf) continue;
    r.due++;
    if (women) r.womenDue++;
    if (met !== null && met <= due) {
      r.onTime++;
      if (women) r.womenOnTime++;
    } else if (met !== null && met <= asOf) r.late++;
    else r.missing++;
  }
  return r;
}

/** The exams that fell due in [from, to] for one worker and how they were met by `asOf` (the year's end, or today in
 *  the current year): examDues judged (active women only: `women` null leaves their exams out). */
export function yearDues(
  w: PlanWorker,
  exposures: readonly PlanExposure[],
  exams: readonly PlanExam[],
  intervals: ReadonlyMap<string, number>,
  women: WomenExamSettings | null,
  from: string,
  to: string,
  asOf: string,
): YearDues {
  return judgeDues(examDues(w, exposures, exams, intervals, women, to), from, to, asOf);
}
