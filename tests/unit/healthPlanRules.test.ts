// The exam plan's pure rules (shared/health/plan/rules.ts) at their boundaries: month arithmetic, the pre-job exam
// before exposed work, periodic exams per factor, rechecks, contraindications, women's exams with the screening age,
// the exit exam, how an item shows on a day (alertOf) and how a year's dues were met.
import { describe, expect, it } from 'vitest';
import { WOMEN_EXAM_DEFAULTS } from '../../shared/health/kinds';
import { addDays, addMonths, ageOn, alertOf, examDues, exitNeeded, planItems, quarterOf, yearDues, type PlanExam, type PlanExposure, type PlanWorker } from '../../shared/health/plan/rules';

const man: PlanWorker = { gender: 'M', hireDate: '2020-03-01', idCard: null };
const iv = new Map([
  ['noise', 12],
  ['co', 36],
]);
const x = (factorId: string, start: string, end: string | null = null, id = `x-${factorId}-${start}`): PlanExposure => ({ id, factorId, start, end });
let n = 0;
const exam = (date: string, kind: PlanExam['kind'], factorIds: string[], more: Partial<PlanExam> = {}): PlanExam => ({
  id: `e${++n}`,
  date,
  kind,
  factorIds,
  conclusion: 'normal',
  recheckDue: null,
  recheckItems: null,
  contraindication: null,
  ...more,
});
const kinds = (items: { kind: string; factorId: string | null; dueDate: string }[]) => items.filter((i) => i.kind !== 'exit').map((i) => `${i.kind}:${i.factorId ?? ''}:${i.dueDate}`).sort();
const W = WOMEN_EXAM_DEFAULTS;

describe('dates', () => {
  it('adds months keeping the day, the 31st becoming the last day of a shorter month', () => {
    expect(addMonths('2025-01-15', 12)).toBe('2026-01-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-01', 36)).toBe('2028-12-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('counts age in whole years: the birthday itself is the new age', () => {
    expect(ageOn('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageOn('1990-06-15', '2025-06-15')).toBe(35);
  });
  it('knows the quarter of a day', () => {
    expect(quarterOf('2026-05-20')).toEqual({ from: '2026-04-01', to: '2026-06-30', label: '2026年第2季度' });
    expect(quarterOf('2026-12-31').to).toBe('2026-12-31');
  });
});

describe('the plan', () => {
  it('a pre-job exam is missing unless one covering the factor is on or before the start (the same day counts)', () => {
    const e = x('noise', '2026-03-01');
    expect(kinds(planItems(man, [e], [], iv, W, '2026-02-01'))).toEqual(['pre_job:noise:2026-03-01']);
    expect(kinds(planItems(man, [e], [exam('2026-03-01', 'pre_job', ['noise'])], iv, W, '2026-02-01'))).toEqual(['periodic:noise:2027-03-01']);
    // a pre-job exam covering another factor does not count
    expect(kinds(planItems(man, [e], [exam('2026-02-20', 'pre_job', ['co'])], iv, W, '2026-02-01'))).toEqual(['pre_job:noise:2026-03-01']);
    // a later counting exam settles it (late)
    expect(kinds(planItems(man, [e], [exam('2026-03-02', 'periodic', ['noise'])], iv, W, '2026-02-01'))).toEqual(['periodic:noise:2027-03-02']);
  });
  it('several factors each get their own periodic date from the last exam covering them and their interval', () => {
    const items = planItems(man, [x('noise', '2020-03-01'), x('co', '2020-03-01')], [exam('2020-02-20', 'pre_job', ['noise', 'co']), exam('2025-05-10', 'periodic', ['noise'])], iv, W, '2026-01-01');
    expect(kinds(items)).toEqual(['periodic:co:2023-02-20', 'periodic:noise:2026-05-10']);
    // an exit or women's exam does not count for the periodic plan
    const items2 = planItems(man, [x('noise', '2020-03-01')], [exam('2020-02-20', 'pre_job', ['noise']), exam('2025-05-10', 'exit', ['noise'])], iv, W, '2026-01-01');
    expect(kinds(items2)).toEqual(['periodic:noise:2021-02-20']);
  });
  it('a deleted factor (not in the interval table) plans nothing', () => {
    expect(planItems(man, [x('lead', '2026-03-01')], [], iv, W, '2026-02-01')).toEqual([]);
  });
  it('a recheck is due on its date until any later exam of the worker', () => {
    const r = exam('2026-01-10', 'periodic', ['noise'], { conclusion: 'recheck', recheckDue: '2026-02-10', recheckItems: '电测听' });
    const base = [x('noise', '2020-03-01')];
    const pre = exam('2020-02-01', 'pre_job', ['noise']);
    expect(planItems(man, base, [pre, r], iv, W, '2026-01-20').find((i) => i.kind === 'recheck')).toMatchObject({ dueDate: '2026-02-10', lastDate: '2026-01-10', detail: '电测听' });
    expect(planItems(man, base, [pre, r, exam('2026-02-08', 'emergency', [])], iv, W, '2026-01-20').some((i) => i.kind === 'recheck')).toBe(false);
  });
  it('a contraindication stands while the worker is still exposed to a factor that exam covered', () => {
    const ci = exam('2026-01-10', 'periodic', ['noise'], { conclusion: 'contraindication', contraindication: '高血压' });
    const pre = exam('2020-02-01', 'pre_job', ['noise']);
    const open = planItems(man, [x('noise', '2020-03-01')], [pre, ci], iv, W, '2026-01-20').find((i) => i.kind === 'contraindication');
    expect(open).toMatchObject({ factorId: 'noise', until: null, detail: '高血压' });
    // moved out of the post the day of the exam: still exposed that day, not after
    const ended = planItems(man, [x('noise', '2020-03-01', '2026-01-10')], [pre, ci], iv, W, '2026-01-20').find((i) => i.kind === 'contraindication');
    expect(ended?.until).toBe('2026-01-10');
    expect(alertOf(ended!, 'active', '2026-01-10')).toBe('contraindication');
    expect(alertOf(ended!, 'active', '2026-01-11')).toBeNull();
    expect(planItems(man, [x('noise', '2020-03-01', '2026-01-09')], [pre, ci], iv, W, '2026-01-20').some((i) => i.kind === 'contraindication')).toBe(false);
    // a later exam covering the factor without the contraindication clears it
    expect(planItems(man, [x('noise', '2020-03-01')], [pre, ci, exam('2026-06-01', 'periodic', ['noise'])], iv, W, '2026-07-01').some((i) => i.kind === 'contraindication')).toBe(false);
  });
  it("women's exams: last + interval, or the hire date + interval; screening from the age at the due date", () => {
    // born 1991-06-15 (a valid ID card number)
    const idCard = '110105199106150028';
    const woman: PlanWorker = { gender: 'F', hireDate: '2024-06-15', idCard };
    expect(planItems(woman, [], [], iv, W, '2026-01-01')).toEqual([expect.objectContaining({ kind: 'women', dueDate: '2026-06-15', screening: true })]);
    expect(planItems({ ...woman, hireDate: '2024-06-14' }, [], [exam('2024-06-14', 'women', [])], iv, { ...W, screeningFromAge: 36 }, '2026-01-01')[0]).toMatchObject({
      dueDate: '2026-06-14',
      screening: false,
    });
    expect(planItems({ ...woman, hireDate: null }, [], [], iv, W, '2026-01-01')[0]?.dueDate).toBe('2026-01-01');
    expect(planItems({ ...woman, idCard: null }, [], [], iv, W, '2026-01-01')[0]?.screening).toBe(false);
  });
  it('exit: exposed, and no exit exam on or after the latest exposure start', () => {
    const xs = [x('noise', '2020-03-01', '2023-01-01'), x('co', '2024-05-01')];
    expect(exitNeeded(xs, [])).toBe(true);
    expect(exitNeeded(xs, [exam('2024-04-30', 'exit', ['noise'])])).toBe(true);
    expect(exitNeeded(xs, [exam('2024-05-01', 'exit', ['co'])])).toBe(false);
    expect(exitNeeded([], [])).toBe(false);
    expect(planItems(man, xs, [], iv, W, '2026-01-01').find((i) => i.kind === 'exit')?.dueDate).toBe('2024-05-01');
  });
});

describe('alerts on a day', () => {
  const today = '2026-06-01';
  it('periodic, recheck and women: due within 30 days (the due date itself still due), overdue the day after', () => {
    for (const kind of ['periodic', 'recheck', 'women'] as const) {
      expect(alertOf({ kind, dueDate: '2026-07-02', until: null }, 'active', today)).toBeNull();
      expect(alertOf({ kind, dueDate: '2026-07-01', until: null }, 'active', today)).toBe(`${kind}_due`);
      expect(alertOf({ kind, dueDate: '2026-06-01', until: null }, 'active', today)).toBe(`${kind}_due`);
      expect(alertOf({ kind, dueDate: '2026-05-31', until: null }, 'active', today)).toBe(`${kind}_overdue`);
      expect(alertOf({ kind, dueDate: '2026-05-31', until: null }, 'left', today)).toBeNull();
    }
  });
  it('pre-job from 30 days before the start, and while the work goes on; not after the exposure ended', () => {
    expect(alertOf({ kind: 'pre_job', dueDate: '2026-07-02', until: null }, 'active', today)).toBeNull();
    expect(alertOf({ kind: 'pre_job', dueDate: '2026-07-01', until: null }, 'active', today)).toBe('pre_job');
    expect(alertOf({ kind: 'pre_job', dueDate: '2020-01-01', until: null }, 'active', today)).toBe('pre_job');
    expect(alertOf({ kind: 'pre_job', dueDate: '2020-01-01', until: '2026-06-01' }, 'active', today)).toBe('pre_job');
    expect(alertOf({ kind: 'pre_job', dueDate: '2020-01-01', until: '2026-05-31' }, 'active', today)).toBeNull();
  });
  it('exit only once the worker left', () => {
    expect(alertOf({ kind: 'exit', dueDate: '2020-01-01', until: null }, 'active', today)).toBeNull();
    expect(alertOf({ kind: 'exit', dueDate: '2020-01-01', until: null }, 'left', today)).toBe('exit');
  });
});

describe("a year's dues", () => {
  const pre = exam('2024-02-20', 'pre_job', ['noise']);
  it('periodic exams chained: on time by the due date, late after it, missing when not held by the year end (or today)', () => {
    const xs = [x('noise', '2024-03-01')];
    // due 2025-02-20: held 2025-02-20 → on time
    expect(yearDues(man, xs, [pre, exam('2025-02-20', 'periodic', ['noise'])], iv, null, '2025-01-01', '2025-12-31', '2025-12-31')).toMatchObject({ due: 1, onTime: 1, late: 0, missing: 0 });
    // held a day late
    expect(yearDues(man, xs, [pre, exam('2025-02-21', 'periodic', ['noise'])], iv, null, '2025-01-01', '2025-12-31', '2025-12-31')).toMatchObject({ due: 1, onTime: 0, late: 1 });
    // not held
    expect(yearDues(man, xs, [pre], iv, null, '2025-01-01', '2025-12-31', '2025-12-31')).toMatchObject({ due: 1, missing: 1 });
    // current year: not yet due by today
    expect(yearDues(man, xs, [pre], iv, null, '2025-01-01', '2025-12-31', '2025-02-19')).toMatchObject({ due: 0 });
  });
  it('an exam of an earlier exposure to the factor chains into a later one from its start, never before it', () => {
    // exposed 2019–2021, examined 2021-05-10; exposed again from 2023-08-01: the chain's 2022-05-10 was not while exposed
    const xs = [x('noise', '2019-03-01', '2021-06-30'), x('noise', '2023-08-01')];
    const exams = [exam('2019-02-20', 'pre_job', ['noise']), exam('2021-05-10', 'periodic', ['noise'])];
    const yr = (y: number) => yearDues(man, xs, exams, iv, null, `${y}-01-01`, `${y}-12-31`, `${y}-12-31`);
    expect(yr(2022)).toMatchObject({ due: 0 });
    // 2023: the pre-job exam at the new start (met by the 上岗前 exam on record before it); 2023-05-10 came before the start
    expect(yr(2023)).toMatchObject({ due: 1, onTime: 1 });
    expect(yr(2024)).toMatchObject({ due: 1, missing: 1 });
    // the list is the same whatever the year asked about: every due up to `until`, each once
    const all = examDues(man, xs, exams, iv, null, '2025-12-31').map((d) => d.due);
    expect(all).toEqual(['2019-03-01', '2020-02-20', '2021-02-20', '2023-08-01', '2024-05-10', '2025-05-10']);
    expect(all.filter((d) => d >= '2024-01-01' && d <= '2024-12-31')).toHaveLength(yr(2024).due);
  });
  it('a pre-job exam falls due at the start of an exposure in the year', () => {
    expect(yearDues(man, [x('noise', '2025-03-01')], [exam('2025-03-01', 'pre_job', ['noise'])], iv, null, '2025-01-01', '2025-12-31', '2025-12-31')).toMatchObject({ due: 1, onTime: 1 });
    expect(yearDues(man, [x('noise', '2025-03-01')], [exam('2025-03-05', 'periodic', ['noise'])], iv, null, '2025-01-01', '2025-12-31', '2025-12-31')).toMatchObject({ due: 1, late: 1 });
  });
  it('an exposure begun before the year with no exam to chain from falls due at its start + the interval, repeated', () => {
    const xs = [x('noise', '2020-03-01')];
    const y25 = (exams: PlanExam[], asOf = '2025-12-31', xps = xs) => yearDues(man, xps, exams, iv, null, '2025-01-01', '2025-12-31', asOf);
    // never examined: due 2025-03-01, missing
    expect(y25([])).toMatchObject({ due: 1, onTime: 0, late: 0, missing: 1 });
    // examined later in the year: late (the exam then chains on: 2026-10-01 is not this year's)
    expect(y25([exam('2025-10-01', 'periodic', ['noise'])])).toMatchObject({ due: 1, onTime: 0, late: 1, missing: 0 });
    // examined on the due date: on time; an exam of another factor does not count
    expect(y25([exam('2025-03-01', 'periodic', ['noise'])])).toMatchObject({ due: 1, onTime: 1 });
    expect(y25([exam('2025-02-01', 'periodic', ['co'])])).toMatchObject({ due: 1, missing: 1 });
    // current year, before the due date: nothing due yet; on it: due and missing
    expect(y25([], '2025-02-28')).toMatchObject({ due: 0 });
    expect(y25([], '2025-03-01')).toMatchObject({ due: 1, missing: 1 });
    // the exposure ended before the due date: nothing; after it: due
    expect(y25([], '2025-12-31', [x('noise', '2020-03-01', '2025-02-28')])).toMatchObject({ due: 0 });
    expect(y25([], '2025-12-31', [x('noise', '2020-03-01', '2025-03-01')])).toMatchObject({ due: 1, missing: 1 });
    // a leap day keeps to its month (2020-02-29 + 60 months → 2025-02-28); a 36-month factor: 2020 + 36 × 2 = 2026
    expect(y25([], '2025-02-27', [x('noise', '2020-02-29')])).toMatchObject({ due: 0 });
    expect(y25([], '2025-02-28', [x('noise', '2020-02-29')])).toMatchObject({ due: 1, missing: 1 });
    expect(y25([], '2025-12-31', [x('co', '2020-03-01')])).toMatchObject({ due: 0 });
    expect(yearDues(man, [x('co', '2020-03-01')], [], iv, null, '2026-01-01', '2026-12-31', '2026-12-31')).toMatchObject({ due: 1, missing: 1 });
  });
  it('after an exam the periodic exam falls due every interval until the next exam: a missed one counts again each year', () => {
    const xs = [x('noise', '2019-03-01')];
    const pre19 = exam('2019-02-20', 'pre_job', ['noise']);
    const last = exam('2021-05-10', 'periodic', ['noise']);
    const yr = (y: number, exams: PlanExam[], asOf = `${y}-12-31`, xps = xs) => yearDues(man, xps, exams, iv, null, `${y}-01-01`, `${y}-12-31`, asOf);
    // last examined 2021-05-10: due 2022-05-10, 2023-05-10, … each missing (before: nothing after 2022)
    for (const y of [2022, 2023, 2024, 2025]) expect(yr(y, [pre19, last]), String(y)).toMatchObject({ due: 1, onTime: 0, late: 0, missing: 1 });
    // examined again 2025-08-01: 2025's due is late (met then), the earlier years' stay missing (judged at their end);
    // the chain from 2021 stops there and goes on from the new exam (2026-08-01)
    const again = exam('2025-08-01', 'periodic', ['noise']);
    for (const y of [2022, 2023, 2024]) expect(yr(y, [pre19, last, again]), String(y)).toMatchObject({ due: 1, late: 0, missing: 1 });
    expect(yr(2025, [pre19, last, again])).toMatchObject({ due: 1, late: 1, missing: 0 });
    expect(yr(2026, [pre19, last, again])).toMatchObject({ due: 1, missing: 1 });
    expect(yr(2026, [pre19, last, again], '2026-07-31')).toMatchObject({ due: 0 });
    // held on the due date: on time, and the chain stops there
    expect(yr(2025, [pre19, last, exam('2025-05-10', 'periodic', ['noise'])])).toMatchObject({ due: 1, onTime: 1, late: 0, missing: 0 });
    expect(yr(2026, [pre19, last, exam('2025-05-10', 'periodic', ['noise'])], '2026-05-09')).toMatchObject({ due: 0 });
    expect(yr(2026, [pre19, last, exam('2025-05-10', 'periodic', ['noise'])], '2026-05-10')).toMatchObject({ due: 1, missing: 1 });
    // an early exam meets the first due on time; the chain goes on from it, not from the one before
    expect(yr(2022, [pre19, last, exam('2022-04-01', 'periodic', ['noise'])])).toMatchObject({ due: 1, onTime: 1 });
    expect(yr(2023, [pre19, last, exam('2022-04-01', 'periodic', ['noise'])])).toMatchObject({ due: 1, missing: 1 });
    // the current year before the due date: nothing yet; late when examined after it by today
    expect(yr(2025, [pre19, last], '2025-05-09')).toMatchObject({ due: 0 });
    expect(yr(2025, [pre19, last, again], '2025-08-01')).toMatchObject({ due: 1, late: 1 });
    expect(yr(2025, [pre19, last, again], '2025-07-31')).toMatchObject({ due: 1, missing: 1 });
    // the exposure ended: no due after its end
    expect(yr(2024, [pre19, last], '2024-12-31', [x('noise', '2019-03-01', '2024-05-09')])).toMatchObject({ due: 0 });
    expect(yr(2024, [pre19, last], '2024-12-31', [x('noise', '2019-03-01', '2024-05-10')])).toMatchObject({ due: 1, missing: 1 });
    // a 36-month factor: 2021 + 36 → 2024, + 72 → 2027; a month-end exam keeps to its month (2021-01-31 + 12 × 3 → 2024-01-31)
    const co = [x('co', '2019-03-01')];
    const co21 = [exam('2019-02-20', 'pre_job', ['co']), exam('2021-05-10', 'periodic', ['co'])];
    expect([2024, 2025, 2026, 2027].map((y) => yr(y, co21, `${y}-12-31`, co).due)).toEqual([1, 0, 0, 1]);
    expect(yr(2024, [pre19, exam('2021-01-31', 'periodic', ['noise'])], '2024-01-30')).toMatchObject({ due: 0 });
    expect(yr(2024, [pre19, exam('2021-01-31', 'periodic', ['noise'])], '2024-01-31')).toMatchObject({ due: 1, missing: 1 });
  });
  it("women's exams count apart as well", () => {
    const woman: PlanWorker = { gender: 'F', hireDate: '2020-01-01', idCard: null };
    const r = yearDues(woman, [], [exam('2023-04-01', 'women', []), exam('2025-03-30', 'women', [])], iv, W, '2025-01-01', '2025-12-31', '2025-12-31');
    expect(r).toMatchObject({ due: 1, onTime: 1, womenDue: 1, womenOnTime: 1 });
  });
});
