// The health year facts (electron/core/health/facts.ts, aggregated in SQL for speed) against the straightforward
// computation — the plan's pure rules worker by worker over planInputs (yearDues, planItems + alertOf) — on a varied
// store: the small demo (exposures, two years of exams with every conclusion) plus the awkward cases by hand (month-end
// and leap-day exams, two exams on one day, a deleted batch, exam and exposure, a deleted factor, factor lists that are
// not JSON, workers who left or were deleted, women without a hire date or exams), for past, current and future years.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrate } from '../../electron/core/db/migrations';
import { openDatabase, Store } from '../../electron/core/db/store';
import { generateDemo } from '../../electron/core/demo';
import { certificateFacts } from '../../electron/core/health/certs/facts';
import { generateDemoHealth } from '../../electron/core/health/demo';
import { healthYearFacts } from '../../electron/core/health/facts';
import { dueList, intervals, planInputs, rebuildHealthDue, refreshHealthDue, syncHealthDue, womenSettings, yearDuesSpan } from '../../electron/core/health/plan/due';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import { CONCLUSIONS, type Conclusion } from '../../shared/health/kinds';
import { dueQuery } from '../../shared/health/plan/schemas';
import type { DueRow } from '../../shared/health/plan/types';
import { addDays, alertOf, planItems, yearDues } from '../../shared/health/plan/rules';
import type { HealthYearFacts } from '../../shared/subsidy/facts';

setQuiet(true);
vi.setConfig({ testTimeout: 120_000 });
let dirs: string[] = [];
let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  stores = [];
  dirs = [];
});

/** Raw writes below are followed by what the services do after theirs: the workers' plan and year dues refreshed. */
const refreshed = (store: Store, ...workerIds: string[]) => store.tx(() => refreshHealthDue(store, workerIds));

/** The straightforward computation: every worker's plan inputs through the pure rules. */
function reference(store: Store, year: number, today: string): HealthYearFacts {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const asOf = today < to ? today : to;
  const iv = intervals(store);
  const women = womenSettings(store);
  const f: HealthYearFacts = {
    year,
    exposedWorkers: 0,
    examsDue: 0,
    examsOnTime: 0,
    examsLate: 0,
    examsMissing: 0,
    womenDue: 0,
    womenOnTime: 0,
    conclusions: Object.fromEntries(CONCLUSIONS.map((c) => [c, 0])) as Record<Conclusion, number>,
    contraindicationsInPost: 0,
    rechecksMissed: 0,
    certificates: certificateFacts(store, year, today),
  };
  if (asOf < from) return f;
  const current = asOf === today;
  if (current) {
    syncHealthDue(store, today);
    f.contraindicationsInPost = store.get<{ n: number }>(
      `SELECT count(DISTINCT worker_id) AS n FROM health_due WHERE kind = 'contraindication' AND (until IS NULL OR until >= ?)`,
      [today],
    )!.n;
  }
  for (const p of planInputs(store).values()) {
    const exposures = p.exposures.filter((x) => iv.has(x.factorId) && x.start <= to && (x.end === null || x.end >= from));
    if (exposures.length > 0) f.exposedWorkers++;
    const isWoman = p.worker.gender === 'F' && p.worker.status === 'active';
    const d = yearDues(p.worker, exposures, p.exams, iv, isWoman ? women : null, from, to, asOf);
    f.examsDue += d.due;
    f.examsOnTime += d.onTime;
    f.examsLate += d.late;
    f.examsMissing += d.missing;
    f.womenDue += d.womenDue;
    f.womenOnTime += d.womenOnTime;
    for (const e of p.exams) {
      if (e.date >= from && e.date <= to) f.conclusions[e.conclusion]++;
      if (e.conclusion === 'recheck' && e.recheckDue !== null && e.recheckDue >= from && e.recheckDue <= asOf && !p.exams.some((n) => n.date > e.date && n.date <= asOf)) f.rechecksMissed++;
    }
    if (!current && p.worker.status === 'active' && exposures.length > 0) {
      const items = planItems(p.worker, exposures.filter((x) => x.start <= asOf), p.exams.filter((e) => e.date <= asOf), iv, women, asOf);
      if (items.some((it) => it.kind === 'contraindication' && alertOf(it, 'active', asOf) === 'contraindication')) f.contraindicationsInPost++;
    }
  }
  return f;
}

async function variedStore(today: string): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-health-facts-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'ankang.sqlite'));
  await migrate(db);
  const store = new Store(db);
  stores.push(store);
  generateDemo(store, 'small');
  generateDemoHealth(store, { today });
  // the awkward cases by hand, on a few workers of the demo
  const y = Number(today.slice(0, 4));
  const now = new Date().toISOString();
  const ws = store.all<{ id: string; gender: string }>(`SELECT id, gender FROM workers WHERE deleted_at IS NULL ORDER BY emp_no LIMIT 12`);
  const fac = store.all<{ id: string }>(`SELECT id FROM health_factors WHERE deleted_at IS NULL ORDER BY sort_order LIMIT 3`).map((r) => r.id);
  let k = 0;
  const batch = (date: string, kind: string, deleted = false) => {
    const id = `tb-${++k}`;
    store.run(
      `INSERT INTO health_exam_batches (id, date, institution, kind, source, entered_by_name, created_at, updated_at, deleted_at) VALUES (?, ?, '市职防院', ?, 'manual', '测试', ?, ?, ?)`,
      [id, date, kind, now, now, deleted ? now : null],
    );
    return id;
  };
  const exam = (w: string, date: string, kind: string, factors: string, o: { conclusion?: string; recheckDue?: string; deleted?: boolean; batchDeleted?: boolean } = {}) =>
    store.run(
      `INSERT INTO health_exams (id, batch_id, worker_id, date, kind, factor_ids, conclusion, recheck_items, recheck_due, contraindication, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [`te-${++k}`, batch(date, kind, o.batchDeleted), w, date, kind, factors, o.conclusion ?? 'normal', o.recheckDue ? '血常规' : null, o.recheckDue ?? null, o.conclusion === 'contraindication' ? '禁忌' : null, now, now, o.deleted ? now : null],
    );
  const expo = (w: string, f: string, start: string, end: string | null = null, deleted = false) =>
    store.run(
      `INSERT INTO health_exposures (id, worker_id, factor_id, post, start_date, end_date, source, created_at, updated_at, deleted_at) VALUES (?, ?, ?, '岗位', ?, ?, 'manual', ?, ?, ?)`,
      [`tx-${++k}`, w, f, start, end, now, now, deleted ? now : null],
    );
  const J = (...ids: string[]) => JSON.stringify(ids);
  const [a, b, c, d, e, g, h, i, j, l, m] = ws.map((r) => r.id);
  exam(m!, `${y - 1}-06-30`, 'periodic', J(fac[0]!), { conclusion: 'recheck', recheckDue: `${y - 1}-09-30` }); // never done
  expo(a!, fac[0]!, `${y - 1}-01-31`);
  exam(a!, `${y - 2}-01-31`, 'pre_job', J(fac[0]!));
  exam(a!, `${y - 1}-01-31`, 'periodic', J(fac[0]!, fac[0]!)); // the factor twice
  exam(a!, `${y - 1}-01-31`, 'emergency', J(fac[0]!)); // two on one day
  exam(a!, `${y - 1}-03-01`, 'periodic', J(fac[0]!)); // late: the 01-31 exams fell due on 02-28 (the factor's interval is one month below)
  exam(a!, `${y - 1}-03-31`, 'periodic', J(fac[0]!), { conclusion: 'contraindication' });
  expo(b!, fac[1]!, `${y - 2}-02-29`.replace(/^(\d+)-02-29$/, (m, yy: string) => (Number(yy) % 4 === 0 ? m : `${yy}-02-28`)), `${y - 1}-06-30`);
  exam(b!, '2024-02-29', 'periodic', J(fac[1]!));
  exam(b!, `${y - 1}-05-31`, 'periodic', J(fac[1]!), { conclusion: 'recheck', recheckDue: `${y - 1}-08-31` });
  exam(b!, `${y - 1}-07-31`, 'periodic', 'not json');
  expo(c!, fac[2]!, `${y - 1}-12-31`, null, true); // deleted exposure
  expo(c!, fac[2]!, `${y}-01-01`);
  exam(c!, `${y}-01-01`, 'pre_job', J(fac[2]!), { batchDeleted: true });
  exam(c!, `${y - 1}-11-30`, 'pre_job', '{"a":1}');
  exam(d!, `${y - 1}-04-30`, 'periodic', J(fac[0]!, 'no-such-factor', '7'), { deleted: true });
  expo(d!, fac[0]!, `${y - 1}-04-01`, `${y - 1}-12-31`);
  exam(d!, `${y - 1}-04-30`, 'periodic', '[1, "x", null]');
  expo(e!, fac[1]!, `${y - 1}-05-01`);
  exam(e!, `${y - 1}-05-01`, 'periodic', J(fac[1]!), { conclusion: 'contraindication' });
  exam(g!, `${y - 1}-08-31`, 'women', J(), { conclusion: 'recheck', recheckDue: `${y}-01-31` });
  exam(g!, `${y - 1}-08-31`, 'women', J());
  exam(h!, `${y - 2}-10-31`, 'women', J());
  exam(h!, `${y}-01-15`, 'women', J());
  expo(i!, fac[0]!, `${y - 1}-02-01`, `${y - 1}-02-01`);
  exam(i!, `${y - 1}-02-01`, 'exit', J(fac[0]!));
  expo(j!, fac[1]!, `${y - 1}-10-31`);
  exam(j!, `${y - 1}-10-31`, 'pre_job', J(fac[1]!), { conclusion: 'contraindication' });
  exam(j!, `${y - 1}-11-30`, 'periodic', J(fac[0]!));
  // the people: women (with no hire date, who left), a worker who left, a deleted worker with records, a deleted factor
  store.run(`UPDATE workers SET gender = 'F', hire_date = NULL WHERE id = ?`, [g!]);
  store.run(`UPDATE workers SET gender = 'F', hire_date = ? WHERE id = ?`, [`${y - 1}-01-31`, h!]);
  store.run(`UPDATE workers SET gender = 'F', status = 'left' WHERE id = ?`, [i!]);
  store.run(`UPDATE workers SET status = 'left' WHERE id = ?`, [e!]);
  store.run(`UPDATE workers SET deleted_at = ? WHERE id = ?`, [now, l!]);
  expo(l!, fac[0]!, `${y - 1}-01-01`);
  exam(l!, `${y - 1}-03-01`, 'periodic', J(fac[0]!), { conclusion: 'recheck', recheckDue: `${y - 1}-04-01` });
  store.run(`UPDATE health_factors SET interval_months = 1 WHERE id = ?`, [fac[0]!]);
  store.run(`UPDATE health_factors SET deleted_at = ? WHERE id = (SELECT id FROM health_factors WHERE deleted_at IS NULL ORDER BY sort_order DESC LIMIT 1)`, [now]);
  // a few workers of the demo with shifted hire dates, and every hundredth exam moved to a month's end
  store.run(`UPDATE workers SET hire_date = date(hire_date, 'start of month', '+1 month', '-1 day') WHERE rowid % 7 = 0 AND hire_date IS NOT NULL`);
  store.run(`UPDATE health_exams SET date = date(date, 'start of month', '+1 month', '-1 day') WHERE rowid % 100 = 0`);
  rebuildHealthDue(store, today);
  return store;
}

describe('the health year facts', () => {
  it('say what the plan rules say worker by worker, for past, current and future years', async () => {
    const today = todayLocal();
    const y = Number(today.slice(0, 4));
    const store = await variedStore(today);
    // enough to compare: the demo's exams, due exams of every outcome, contraindications, rechecks missed
    const last = reference(store, y - 1, today);
    expect(last.examsDue).toBeGreaterThan(10);
    expect(last.examsOnTime).toBeGreaterThan(0);
    expect(last.examsLate + last.examsMissing).toBeGreaterThan(0);
    expect(last.womenDue + reference(store, y, addDays(today, 200)).womenDue).toBeGreaterThan(0);
    expect(last.rechecksMissed).toBeGreaterThan(0);
    expect(last.contraindicationsInPost).toBeGreaterThan(0);
    for (const year of [y - 3, y - 2, y - 1, y, y + 1]) {
      for (const day of [today, `${y}-01-01`, `${y - 1}-12-31`, addDays(today, 200)]) {
        expect(healthYearFacts(store, year, day), `${year} on ${day}`).toEqual(reference(store, year, day));
      }
    }
  });

  it('reuses the figures of a repeated read until anything is written', async () => {
    const today = todayLocal();
    const y = Number(today.slice(0, 4));
    const store = await variedStore(today);
    const before = healthYearFacts(store, y - 1, today);
    const again = healthYearFacts(store, y - 1, today);
    expect(again).toEqual(before);
    again.conclusions.normal = -1; // a caller's change does not reach the next reader
    expect(healthYearFacts(store, y - 1, today)).toEqual(before);
    // a recheck in the middle of last year, never done: every figure it touches moves
    const w = store.get<{ id: string }>(`SELECT id FROM workers WHERE deleted_at IS NULL AND status = 'active' ORDER BY emp_no DESC LIMIT 1`)!.id;
    const now = new Date().toISOString();
    store.run(`INSERT INTO health_exam_batches (id, date, institution, kind, source, entered_by_name, created_at, updated_at) VALUES ('tb-late', ?, '市职防院', 'periodic', 'manual', '测试', ?, ?)`, [`${y - 1}-06-01`, now, now]);
    store.run(
      `INSERT INTO health_exams (id, batch_id, worker_id, date, kind, factor_ids, conclusion, recheck_items, recheck_due, created_at, updated_at)
       VALUES ('te-late', 'tb-late', ?, ?, 'periodic', '[]', 'recheck', '血常规', ?, ?, ?)`,
      [w, `${y - 1}-06-01`, `${y - 1}-07-01`, now, now],
    );
    const after = healthYearFacts(store, y - 1, today);
    expect(after).toEqual(reference(store, y - 1, today));
    expect(after.conclusions.recheck).toBe(before.conclusions.recheck + 1);
    // another connection's write is seen too
    const other = new Store(openDatabase(store.db.name));
    stores.push(other);
    other.run(`UPDATE health_exams SET deleted_at = ? WHERE id = 'te-late'`, [now]);
    expect(healthYearFacts(store, y - 1, today)).toEqual(before);
  });

  it('changes with a changed women interval the same way', async () => {
    const today = todayLocal();
    const y = Number(today.slice(0, 4));
    const store = await variedStore(today);
    store.run(`INSERT INTO settings (key, value, updated_at) VALUES ('health.women', '{"intervalMonths":13,"screeningFromAge":40}', ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [new Date().toISOString()]);
    expect(womenSettings(store).intervalMonths).toBe(13);
    rebuildHealthDue(store, today); // as the women's settings service does
    for (const year of [y - 1, y]) expect(healthYearFacts(store, year, today)).toEqual(reference(store, year, today));
  });
});

describe('an exposure begun years before with no exam to chain from', () => {
  it('counts due from its start: missing when never examined, late when examined after the due date', async () => {
    const today = todayLocal();
    const y = Number(today.slice(0, 4));
    const store = await variedStore(today);
    const [p, q] = store
      .all<{ id: string }>(
        `SELECT id FROM workers w WHERE deleted_at IS NULL AND status = 'active' AND gender = 'M'
          AND NOT EXISTS (SELECT 1 FROM health_exposures x WHERE x.worker_id = w.id) AND NOT EXISTS (SELECT 1 FROM health_exams e WHERE e.worker_id = w.id)
        ORDER BY emp_no LIMIT 2`,
      )
      .map((r) => r.id);
    const f = store.get<{ id: string }>(`SELECT id FROM health_factors WHERE deleted_at IS NULL AND interval_months = 12 ORDER BY sort_order LIMIT 1`)!.id;
    const before = healthYearFacts(store, y - 1, today);
    const now = new Date().toISOString();
    for (const [k, w] of [p!, q!].entries())
      store.run(
        `INSERT INTO health_exposures (id, worker_id, factor_id, post, start_date, end_date, source, created_at, updated_at) VALUES (?, ?, ?, '岗位', ?, NULL, 'manual', ?, ?)`,
        [`tx-long-${k}`, w, f, `${y - 6}-03-15`, now, now],
      );
    refreshed(store, p!, q!);
    // never examined since → due on 03-15 last year and missing; the other examined in October → late
    const afterOne = healthYearFacts(store, y - 1, today);
    expect(afterOne.examsDue - before.examsDue).toBe(2);
    expect(afterOne.examsMissing - before.examsMissing).toBe(2);
    store.run(`INSERT INTO health_exam_batches (id, date, institution, kind, source, entered_by_name, created_at, updated_at) VALUES ('tb-long', ?, '市职防院', 'periodic', 'manual', '测试', ?, ?)`, [`${y - 1}-10-20`, now, now]);
    store.run(
      `INSERT INTO health_exams (id, batch_id, worker_id, date, kind, factor_ids, conclusion, created_at, updated_at) VALUES ('te-long', 'tb-long', ?, ?, 'periodic', ?, 'normal', ?, ?)`,
      [q!, `${y - 1}-10-20`, JSON.stringify([f]), now, now],
    );
    refreshed(store, q!);
    const after = healthYearFacts(store, y - 1, today);
    expect(after).toEqual(reference(store, y - 1, today));
    expect(after.exposedWorkers).toBe(before.exposedWorkers + 2);
    expect(after.examsDue - before.examsDue).toBe(2);
    expect(after.examsMissing - before.examsMissing).toBe(1);
    expect(after.examsLate - before.examsLate).toBe(1);
    expect(after.examsOnTime).toBe(before.examsOnTime);
    // and this year: each falls due again (from the start, and from the October exam), like the rules say
    expect(healthYearFacts(store, y, today)).toEqual(reference(store, y, today));
  });
});

describe('a worker last examined years ago', () => {
  it('falls due every interval after the last exam: one missing due this year and one last year', async () => {
    const today = todayLocal();
    const y = Number(today.slice(0, 4));
    const store = await variedStore(today);
    const w = store.get<{ id: string }>(
      `SELECT id FROM workers w WHERE deleted_at IS NULL AND status = 'active' AND gender = 'M'
        AND NOT EXISTS (SELECT 1 FROM health_exposures x WHERE x.worker_id = w.id) AND NOT EXISTS (SELECT 1 FROM health_exams e WHERE e.worker_id = w.id)
      ORDER BY emp_no LIMIT 1`,
    )!.id;
    const f = store.get<{ id: string }>(`SELECT id FROM health_factors WHERE deleted_at IS NULL AND interval_months = 12 ORDER BY sort_order LIMIT 1`)!.id;
    const before = [y - 1, y].map((year) => healthYearFacts(store, year, today));
    const now = new Date().toISOString();
    store.run(
      `INSERT INTO health_exposures (id, worker_id, factor_id, post, start_date, end_date, source, created_at, updated_at) VALUES ('tx-old', ?, ?, '岗位', ?, NULL, 'manual', ?, ?)`,
      [w, f, `${y - 6}-03-15`, now, now],
    );
    // examined on 01-01 four years ago (January 1st: this year's due is never after today)
    store.run(`INSERT INTO health_exam_batches (id, date, institution, kind, source, entered_by_name, created_at, updated_at) VALUES ('tb-old', ?, '市职防院', 'periodic', 'manual', '测试', ?, ?)`, [`${y - 4}-01-01`, now, now]);
    store.run(
      `INSERT INTO health_exams (id, batch_id, worker_id, date, kind, factor_ids, conclusion, created_at, updated_at) VALUES ('te-old', 'tb-old', ?, ?, 'periodic', ?, 'normal', ?, ?)`,
      [w, `${y - 4}-01-01`, JSON.stringify([f]), now, now],
    );
    refreshed(store, w);
    for (const [i, year] of [y - 1, y].entries()) {
      const after = healthYearFacts(store, year, today);
      expect(after, String(year)).toEqual(reference(store, year, today));
      expect(after.examsDue - before[i]!.examsDue, String(year)).toBe(1);
      expect(after.examsMissing - before[i]!.examsMissing, String(year)).toBe(1);
      expect(after.examsOnTime, String(year)).toBe(before[i]!.examsOnTime);
      expect(after.examsLate, String(year)).toBe(before[i]!.examsLate);
    }
  });
});

describe('the due list search', () => {
  it('builds the year dues on the first read of a store from before they were kept, and again past their span', async () => {
    const today = todayLocal();
    const y = Number(today.slice(0, 4));
    const store = await variedStore(today);
    const expected = reference(store, y - 1, today);
    const rows = store.get<{ n: number }>(`SELECT count(*) AS n FROM health_year_dues`)!.n;
    expect(rows).toBeGreaterThan(100);
    expect(yearDuesSpan(store)).toBe(`${y + 1}-12-31`);
    // as a v19 store arrives: no dues, no span
    store.run(`DELETE FROM health_year_dues`);
    store.run(`DELETE FROM health_year_dues_span`);
    expect(healthYearFacts(store, y - 1, today)).toEqual(expected);
    expect(store.get<{ n: number }>(`SELECT count(*) AS n FROM health_year_dues`)!.n).toBe(rows);
    // a span that stops before the day read (a store left unopened for years): written again up to the year after
    store.run(`UPDATE health_year_dues_span SET until = ?`, [`${y - 1}-06-30`]);
    store.run(`DELETE FROM health_year_dues WHERE due > ?`, [`${y - 1}-06-30`]);
    const later = addDays(today, 200);
    expect(healthYearFacts(store, y, later)).toEqual(reference(store, y, later));
    expect(yearDuesSpan(store)! >= `${Number(later.slice(0, 4)) + 1}-12-31`).toBe(true);
    expect(healthYearFacts(store, y - 1, today)).toEqual(expected);
  });

  it('finds on the text indexes exactly what a substring test of name and 工号 finds', async () => {
    const today = todayLocal();
    const store = await variedStore(today);
    const all = (search?: string): DueRow[] => {
      const rows: DueRow[] = [];
      for (let page = 1; ; page++) {
        const r = dueList(store, dueQuery.parse({ search, page, pageSize: 500 }), today);
        rows.push(...r.rows);
        if (rows.length >= r.total) return rows;
      }
    };
    const everything = all();
    expect(everything.length).toBeGreaterThan(50);
    const key = (r: DueRow) => `${r.workerId} ${r.alert} ${r.factorId} ${r.dueDate}`;
    // a worker with a name of three characters and a 工号 with letters, renamed so the list holds them
    const w = everything[0]!;
    store.run(`UPDATE workers SET name = '欧阳明Ab', emp_no = 'Qx-07' WHERE id = ?`, [w.workerId]);
    rebuildHealthDue(store, today);
    const rows = all();
    const [surname, given] = [...rows.find((r) => r.name.length === 2)!.name];
    const terms = [surname!, `${surname}${given}`, '欧阳明', '阳明a', 'AB', 'b', 'qX', 'qx-0', '-', 'x-', '07', '0', 'Q', '欧', '无此人名', ' 欧阳 '];
    for (const t of terms) {
      const s = t.trim().toLowerCase(); // the query trims (optText)
      const expected = rows.filter((r) => r.name.toLowerCase().includes(s) || r.empNo.toLowerCase().includes(s)).map(key).sort();
      expect(all(t).map(key).sort(), t).toEqual(expected);
    }
    expect(all('欧阳明').length).toBeGreaterThan(0);
    expect(all('qx-0').length).toBeGreaterThan(0);
  });
});
