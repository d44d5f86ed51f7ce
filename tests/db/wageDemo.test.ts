// The demo's skill-level wage (issue 9, "Demo data"): a year of safe production time for every active worker (most
// months near 174 hours, leave and the month of joining shorter), behaviour records through the year with the form's
// categories (a few of a whole team), a near miss and a minor injury — every write audited, the chain intact, the same
// records for the same seed and day.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/auditChain';
import { generateDemoCongress } from '../../electron/core/congress/demo';
import { migrate } from '../../electron/core/db/migrations';
import { openDatabase, Store } from '../../electron/core/db/store';
import { generateDemo } from '../../electron/core/demo';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import { DEMO_REVIEWER_EMP_NO, demoDraftName, demoPeriods, demoSchemeName, generateDemoWage, generateDemoWagePlan, STANDARD_MONTH_HOURS } from '../../electron/core/wage/demo';
import type { SchemeContent } from '../../shared/wage/schemes/types';
import { openTestCore, type TestCore } from '../helpers/core';
import { BEHAVIOUR_CATEGORY_HINTS } from '../../shared/wage/records/types';

setQuiet(true);
let dirs: string[] = [];
let stores: Store[] = [];
let cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
  for (const s of stores) s.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  stores = [];
  dirs = [];
});

async function demoStore(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-wage-demo-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'ankang.sqlite'));
  await migrate(db);
  const store = new Store(db);
  stores.push(store);
  generateDemo(store, 'small');
  generateDemoCongress(store);
  return store;
}

/** the small demo with the wage's records on a Core (the scheme and the runs go through its dispatch) */
async function demoCore(leaveWageVote = true): Promise<TestCore> {
  const tc = await openTestCore({ init: false });
  cores.push(tc);
  generateDemo(tc.core.store, 'small');
  generateDemoCongress(tc.core.store, { leaveWageVote });
  generateDemoWage(tc.core.store, { today });
  return tc;
}

const n = (s: Store, sql: string, ...params: unknown[]) => s.db.prepare(sql).pluck().get(...params) as number;
const today = todayLocal();

/** the records as content (no ids, no times): what the seed decides */
function content(s: Store) {
  return {
    time: s.db.prepare(`SELECT w.emp_no, t.period, t.hours, t.shifts, t.source, t.note FROM wage_timekeeping t JOIN workers w ON w.id = t.worker_id ORDER BY 1, 2`).raw().all(),
    behaviour: s.db
      .prepare(
        `SELECT b.date, w.emp_no, tm.name, b.kind, b.category, b.points, b.note FROM wage_behaviour b LEFT JOIN workers w ON w.id = b.worker_id
         LEFT JOIN org_units tm ON tm.id = b.team_id ORDER BY b.rid`,
      )
      .raw()
      .all(),
    accidents: s.db
      .prepare(
        `SELECT a.date, a.place, a.severity, a.description, tm.name, (SELECT group_concat(w.emp_no) FROM wage_accident_workers aw JOIN workers w ON w.id = aw.worker_id WHERE aw.accident_id = a.id)
         FROM wage_accidents a LEFT JOIN org_units tm ON tm.id = a.team_id ORDER BY a.rid`,
      )
      .raw()
      .all(),
  };
}

describe('the wage demo', () => {
  it('the twelve months end with the month before today, across a new year', () => {
    expect(demoPeriods('2026-12-01')).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(demoPeriods('2027-01-15')[0]).toBe('2026-01');
    expect(demoPeriods('2027-01-15').at(-1)).toBe('2026-12');
    expect(demoPeriods('2026-03-31').slice(-3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('a year of time for every active worker, behaviour records through the year, a near miss and a minor injury — audited', async () => {
    const s = await demoStore();
    const progress: { stage?: string; done: number; total: number | null }[] = [];
    const r = generateDemoWage(s, { today, progress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ done: 1, total: 1, stage: 'demo.wage' });
    const periods = demoPeriods(today);
    expect(r.periods).toEqual(periods);

    // every active worker has every month since joining, no one else any; the left ones none
    const active = n(s, `SELECT count(*) FROM workers WHERE deleted_at IS NULL AND status = 'active'`);
    expect(n(s, `SELECT count(DISTINCT worker_id) FROM wage_timekeeping`)).toBe(active);
    expect(n(s, `SELECT count(*) FROM wage_timekeeping t JOIN workers w ON w.id = t.worker_id WHERE w.status <> 'active'`)).toBe(0);
    const missing = n(
      s,
      `SELECT count(*) FROM workers w, json_each(?) p WHERE w.deleted_at IS NULL AND w.status = 'active' AND coalesce(w.hire_date, '') <= p.value || '-31'
         AND NOT EXISTS (SELECT 1 FROM wage_timekeeping t WHERE t.worker_id = w.id AND t.period = p.value)`,
      JSON.stringify(periods),
    );
    expect(missing).toBe(0);
    expect(n(s, `SELECT count(*) FROM wage_timekeeping`)).toBe(r.timekeeping);
    expect(n(s, `SELECT count(*) FROM wage_timekeeping WHERE period NOT IN (SELECT value FROM json_each(?))`, JSON.stringify(periods))).toBe(0);

    // realistic hours: most months near 174, some shorter (leave, joining) with a note saying why, none beyond a month
    const hours = s.db.prepare(`SELECT hours FROM wage_timekeeping`).pluck().all() as number[];
    const near = hours.filter((h) => Math.abs(h - STANDARD_MONTH_HOURS) <= 16).length;
    expect(near / hours.length).toBeGreaterThan(0.85);
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...hours)).toBeLessThanOrEqual(200);
    expect(hours.every((h) => Number.isInteger(h * 2))).toBe(true);
    const short = n(s, `SELECT count(*) FROM wage_timekeeping WHERE hours < 150`);
    expect(short).toBeGreaterThan(50);
    expect(n(s, `SELECT count(*) FROM wage_timekeeping WHERE hours < 150 AND note IS NULL`)).toBe(0);
    for (const kind of ['年休假', '病假', '入职']) expect(n(s, `SELECT count(*) FROM wage_timekeeping WHERE note LIKE ?`, `%${kind}%`), kind).toBeGreaterThan(0);
    expect(n(s, `SELECT count(*) FROM wage_timekeeping WHERE shifts <> round(hours / 8)`)).toBe(0);

    // behaviour: violations and good acts of the form's categories through the year, a few of a whole team
    const byKind = Object.fromEntries(s.db.prepare(`SELECT kind, count(*) FROM wage_behaviour GROUP BY kind`).raw().all() as [string, number][]);
    expect(byKind.violation! / active).toBeGreaterThan(0.1);
    expect(byKind.good_act! / active).toBeGreaterThan(0.15);
    expect(byKind.violation! + byKind.good_act!).toBe(r.behaviour);
    const cats = s.db.prepare(`SELECT DISTINCT kind, category FROM wage_behaviour`).raw().all() as [keyof typeof BEHAVIOUR_CATEGORY_HINTS, string][];
    for (const [kind, c] of cats) expect(BEHAVIOUR_CATEGORY_HINTS[kind]).toContain(c);
    expect(cats.length).toBe(BEHAVIOUR_CATEGORY_HINTS.violation.length + BEHAVIOUR_CATEGORY_HINTS.good_act.length);
    expect(n(s, `SELECT count(*) FROM wage_behaviour WHERE (kind = 'violation') <> (points < 0)`)).toBe(0);
    const teamOnly = n(s, `SELECT count(*) FROM wage_behaviour WHERE worker_id IS NULL AND team_id IS NOT NULL`);
    expect(teamOnly).toBeGreaterThanOrEqual(4);
    expect(teamOnly).toBeLessThan(20);
    const months = new Set(s.db.prepare(`SELECT substr(date, 1, 7) FROM wage_behaviour`).pluck().all() as string[]);
    for (const p of periods) expect(months.has(p), p).toBe(true);
    expect(n(s, `SELECT count(*) FROM wage_behaviour WHERE date > ?`, today)).toBe(0);

    // the accidents: a near miss and a minor injury, with their team and the workers involved
    const acc = s.db.prepare(`SELECT severity, team_id, date, (SELECT count(*) FROM wage_accident_workers aw WHERE aw.accident_id = a.id) AS n FROM wage_accidents a ORDER BY rid`).all() as {
      severity: string;
      team_id: string | null;
      date: string;
      n: number;
    }[];
    expect(acc.map((a) => a.severity)).toEqual(['near_miss', 'minor_injury']);
    for (const a of acc) {
      expect(a.team_id).not.toBeNull();
      expect(a.n).toBeGreaterThan(0);
      expect(periods).toContain(a.date.slice(0, 7));
    }

    // audited: each behaviour record and accident, and the months of time by month; the chain holds
    expect(n(s, `SELECT count(*) FROM audit_log WHERE entity = 'wage_behaviour' AND action = 'create'`)).toBe(r.behaviour);
    expect(n(s, `SELECT count(*) FROM audit_log WHERE entity = 'wage_accident' AND action = 'create'`)).toBe(2);
    const imports = s.db.prepare(`SELECT entity_id, after FROM audit_log WHERE entity = 'wage_timekeeping' AND action = 'import' ORDER BY entity_id`).all() as { entity_id: string; after: string }[];
    expect(imports.map((e) => e.entity_id)).toEqual(periods);
    expect(imports.reduce((a, e) => a + (JSON.parse(e.after) as { rows: number }).rows, 0)).toBe(r.timekeeping);
    // the behaviour audit entry is the record as the records service returns it
    const one = s.db.prepare(`SELECT entity_id, after, actor_name FROM audit_log WHERE entity = 'wage_behaviour' ORDER BY seq LIMIT 1`).get() as { entity_id: string; after: string; actor_name: string };
    const rec = s.db.prepare(`SELECT b.*, w.emp_no FROM wage_behaviour b LEFT JOIN workers w ON w.id = b.worker_id WHERE b.id = ?`).get(one.entity_id) as Record<string, unknown>;
    expect(JSON.parse(one.after)).toMatchObject({ id: one.entity_id, date: rec.date, kind: rec.kind, category: rec.category, points: rec.points, empNo: rec.emp_no, enteredBy: one.actor_name });
    expect(verifyAuditChain(s.db)).toEqual([]);

    // a second run is refused and changes nothing
    const before = n(s, `SELECT count(*) FROM audit_log`);
    expect(() => generateDemoWage(s, { today })).toThrow();
    expect(n(s, `SELECT count(*) FROM audit_log`)).toBe(before);
  });

  it('the same seed and day make the same records', async () => {
    const a = await demoStore();
    const b = await demoStore();
    generateDemoWage(a, { today });
    generateDemoWage(b, { today });
    expect(content(a)).toEqual(content(b));
    const c = await demoStore();
    generateDemoWage(c, { today, seed: 7 });
    expect(content(c).time).not.toEqual(content(a).time);
  });

  it('the year scheme: put to item 4 of last year session and adopted by its vote, effective from January; a draft copy with other weights; an approved run for each past month of this year', async () => {
    const tc = await demoCore();
    const s = tc.core.store;
    const Y = Number(today.slice(0, 4));
    const r = await generateDemoWagePlan(tc.core, { today });

    // the versions, through the lifecycle
    const versions = s.db.prepare(`SELECT * FROM wage_schemes WHERE deleted_at IS NULL ORDER BY version`).all() as Record<string, string | number | null>[];
    expect(versions.map((v) => [v.version, v.name, v.state])).toEqual([
      [1, demoSchemeName(Y), 'effective'],
      [2, demoDraftName(Y), 'draft'],
    ]);
    const [adopted, draft] = versions as [Record<string, string | number | null>, Record<string, string | number | null>];
    expect(adopted.id).toBe(r.adoptedId);
    expect(draft.id).toBe(r.draftId);
    expect(adopted.effective_from).toBe(`${Y}-01-01`);
    // put to last year's session as its item 4 (能级工资), adopted by its vote on the session's date; the session closed
    const past = s.db
      .prepare(
        `SELECT cs.date, cs.status, i.id AS item, i.resolution, v.id AS vote, v.verdict FROM congress_sessions cs
         JOIN congress_agenda_items i ON i.session_id = cs.id AND i.template_key = 'wage'
         JOIN congress_votes v ON v.item_id = i.id AND v.status = 'announced' WHERE cs.date < ?`,
      )
      .get(today) as { date: string; status: string; item: string; resolution: string; vote: string; verdict: string };
    expect(past.date.slice(0, 4)).toBe(String(Y - 1));
    expect(past.status).toBe('closed');
    expect(adopted).toMatchObject({ agenda_item_id: past.item, vote_id: past.vote, verdict: 'passed', adopted_on: past.date, adoption_doc_no: null });
    expect(past.resolution).toContain(`《${demoSchemeName(Y)}》，自 ${Y} 年 1 月 1 日起执行`);
    const acts = s.db.prepare(`SELECT entity_id, action FROM audit_log WHERE entity = 'wage_scheme' ORDER BY seq`).raw().all();
    expect(acts).toEqual([
      [adopted.id, 'create'],
      [adopted.id, 'update'],
      [adopted.id, 'propose'],
      [adopted.id, 'record_vote'],
      [adopted.id, 'make_effective'],
      [draft.id, 'copy'],
      [draft.id, 'update'],
    ]);
    // the session's minutes carry the vote and the resolution like every other item
    expect(n(s, `SELECT count(*) FROM congress_votes v JOIN congress_agenda_items i ON i.id = v.item_id WHERE i.session_id = (SELECT session_id FROM congress_agenda_items WHERE id = ?) AND v.status <> 'announced'`, past.item)).toBe(0);
    const a = JSON.parse(adopted.content as string) as SchemeContent;
    const d = JSON.parse(draft.content as string) as SchemeContent;
    expect(draft.based_on_id).toBe(adopted.id);
    expect(a.indicators.map((i) => [i.code, i.weightPct])).toEqual([['SKILL', 30], ['SAFE_TIME', 30], ['BEHAVIOUR', 20], ['HAZARDS', 20]]);
    expect(d.indicators.map((i) => [i.code, i.weightPct])).toEqual([['SKILL', 25], ['SAFE_TIME', 25], ['BEHAVIOUR', 25], ['HAZARDS', 25]]);
    expect(a.veto).toEqual({ severities: ['minor_injury', 'serious_injury', 'death'], team: false });
    expect(d.veto.team).toBe(true);
    expect({ ...d, indicators: d.indicators.map((i) => ({ ...i, weightPct: 0 })), veto: null }).toEqual({ ...a, indicators: a.indicators.map((i) => ({ ...i, weightPct: 0 })), veto: null });

    // a run for each past month of this year: calculated, reviewed by the second union officer, approved by the chair
    const months = Number(today.slice(5, 7)) - 1;
    const runs = s.db.prepare(`SELECT * FROM wage_runs ORDER BY period, version`).all() as Record<string, string | number | null>[];
    expect(runs.map((x) => x.period)).toEqual(Array.from({ length: months }, (_, k) => `${Y}-${String(k + 1).padStart(2, '0')}`));
    expect(r.runs.map((x) => x.id)).toEqual(runs.map((x) => x.id));
    const reviewer = s.db.prepare(`SELECT name FROM workers WHERE emp_no = ?`).pluck().get(DEMO_REVIEWER_EMP_NO);
    expect(r.reviewer).toBe(reviewer);
    expect(r.operatorsAdded).toBe(1);
    for (const run of runs) {
      expect(run.state).toBe('approved');
      expect(run.version).toBe(1);
      expect(run.scheme_id).toBe(adopted.id);
      expect(run.reviewed_by_name).toBe(reviewer);
      expect(run.approved_by_name).toBe('段云梅');
      // every worker with time in the month has a line, and the lines add up to the run's total
      expect(run.workers).toBe(n(s, `SELECT count(*) FROM wage_run_lines WHERE run_id = ?`, run.id));
      expect(run.total_fen).toBe(n(s, `SELECT sum(total_fen) FROM wage_run_lines WHERE run_id = ?`, run.id));
      expect(Number(run.total_fen) / Number(run.workers)).toBeGreaterThan(100_00);
      expect(Number(run.total_fen) / Number(run.workers)).toBeLessThan(600_00);
    }
    // the minor injury's month (when it falls in this year) has its veto
    const injury = s.db.prepare(`SELECT substr(date, 1, 7) FROM wage_accidents WHERE severity = 'minor_injury'`).pluck().get() as string;
    const vetoed = runs.find((x) => x.period === injury);
    if (vetoed) expect(vetoed.vetoes).toBeGreaterThanOrEqual(1);
    expect(runs.filter((x) => x.period !== injury).every((x) => x.vetoes === 0)).toBe(true);

    // a second plan is refused
    await expect(generateDemoWagePlan(tc.core, { today })).rejects.toThrow();
  });

  it('a congress whose session was closed without leaving item 4 open: the adoption recorded with its resolution as the document', async () => {
    const tc = await demoCore(false);
    const s = tc.core.store;
    const Y = Number(today.slice(0, 4));
    await generateDemoWagePlan(tc.core, { today });
    const v = s.db.prepare(`SELECT * FROM wage_schemes WHERE version = 1`).get() as Record<string, unknown>;
    const past = s.db.prepare(`SELECT date, seq FROM congress_sessions WHERE date < ? AND status = 'closed'`).get(today) as { date: string; seq: number };
    expect(v).toMatchObject({ state: 'effective', vote_id: null, adoption_doc_no: `第3届职代会第${past.seq}次会议决议（议程第4项）`, adopted_on: past.date, effective_from: `${Y}-01-01` });
  });

  it('the same seed and day make the same runs', async () => {
    const a = await demoCore();
    const b = await demoCore();
    await generateDemoWagePlan(a.core, { today });
    await generateDemoWagePlan(b.core, { today });
    const totals = (tc: TestCore) => tc.core.store.db.prepare(`SELECT period, workers, total_fen, safety_paid, vetoes FROM wage_runs ORDER BY period`).raw().all();
    expect(totals(a)).toEqual(totals(b));
  });
});
