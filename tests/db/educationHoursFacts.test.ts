// educationYearFacts' hours figures (aggregated in SQL: electron/core/education/hours/summary.ts) against a
// straightforward computation on a varied store: every worker read, their role and counting window by the rules of
// shared/education/hours/rules.ts, every attendance tested one by one (counts) and the requirement assessed (assess) —
// and against the hours tab's own per-worker list (yearHours + summarize). Workers new in the year, managers, without a
// hire date, hired after the year, left (after the year's end), deleted; activities of every kind, deleted, dated after
// today, at the first-year window's edges (PRE_HIRE_DAYS before hiring, the day before the anniversary, 29 February),
// own hours and the activity's; both sectors; past and current years.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { educationYearFacts } from '../../electron/core/education/facts';
import { asOfDay, requiredHours, summarize, yearHours } from '../../electron/core/education/hours/service';
import { setQuiet } from '../../electron/core/log';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/education/kinds';
import { addDays, assess, counts, firstYearEnd, MEETING_KINDS, PRE_HIRE_DAYS, requirementRole } from '../../shared/education/hours/rules';
import { type Call, openTestCore, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

/** a small deterministic generator */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** hours exact in binary (any order of summing gives the same) */
const HOURS = [0.5, 0.75, 1, 1.25, 2, 2.5, 3.5, 4, 8, 12, 16, 24];

async function varied(seed: number) {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const core = tc.core;
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const hires = [null, '2018-04-01', '2024-02-29', '2024-11-30', '2025-01-01', '2025-03-15', '2025-10-02', '2025-12-31', '2026-01-01', '2026-02-28', '2026-06-15', '2026-09-01'];
  const ids: { id: string; hire: string | null }[] = [];
  for (let i = 0; i < 48; i++) {
    const hire = pick(hires);
    const w = await admin('workers.create', { empNo: `E${String(i).padStart(3, '0')}`, name: `工人${i}`, gender: 'M', orgUnitId: team.id, ...(hire ? { hireDate: hire } : {}), isManager: r() < 0.25 });
    ids.push({ id: w.id, hire });
  }
  // a few left (today: their leave date is after the past years' ends), a few deleted
  for (const x of ids.slice(0, 5)) {
    const w = await admin('workers.get', { id: x.id });
    await admin('workers.update', { id: x.id, data: { empNo: w.empNo, name: w.name, gender: w.gender, orgUnitId: team.id, hireDate: w.hireDate, isManager: w.isManager, status: 'left' } });
  }
  core.store.db.prepare(`UPDATE workers SET deleted_at = '2026-01-01T00:00:00Z' WHERE id IN (?, ?)`).run(ids[5]!.id, ids[6]!.id);

  const db = core.store.db;
  const now = new Date().toISOString();
  const insA = db.prepare(
    `INSERT INTO edu_activities (id, kind, level, title, date, hours, entered_by_name, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, '王主席', ?, ?, ?)`,
  );
  const insT = db.prepare(`INSERT INTO edu_attendance (activity_id, worker_id, hours, source, created_at) VALUES (?, ?, ?, 'manual', ?)`);
  // dates: spread over three years, plus the edges of the first-year windows
  const edges = ids.flatMap((x) => (x.hire ? [addDays(x.hire, -PRE_HIRE_DAYS), addDays(x.hire, -PRE_HIRE_DAYS - 1), firstYearEnd(x.hire), addDays(firstYearEnd(x.hire), 1), x.hire] : []));
  const day = () => (r() < 0.3 ? pick(edges) : addDays('2024-06-01', Math.floor(r() * 1000)));
  for (let i = 0; i < 160; i++) {
    const kind: ActivityKind = r() < 0.3 ? 'three_level' : pick(ACTIVITY_KINDS);
    const level = kind === 'three_level' ? 'company' : kind === 'post_change' ? 'team' : null;
    const id = `act-${i}`;
    insA.run(id, kind, level, `${kind} ${i}`, day(), pick(HOURS), now, now, r() < 0.08 ? now : null);
    const n = Math.floor(r() * 40);
    const seen = new Set<string>();
    for (let k = 0; k < n; k++) {
      const w = pick(ids).id;
      if (seen.has(w)) continue;
      seen.add(w);
      insT.run(id, w, r() < 0.3 ? pick(HOURS) : null, now);
    }
  }
  return { core };
}

/** The straightforward computation: every worker, every attendance, one by one. */
function naive(core: Core, year: number, today: string) {
  const db = core.store.db;
  const asOf = asOfDay(year, today);
  const required = requiredHours(core.store);
  const leftOn = new Map<string, string>();
  for (const a of db.prepare(`SELECT entity_id, at, before, after FROM audit_log WHERE entity = 'worker' ORDER BY seq`).all() as { entity_id: string; at: string; before: string | null; after: string | null }[]) {
    const b = a.before ? JSON.parse(a.before) : null;
    const f = a.after ? JSON.parse(a.after) : null;
    if (b?.status === 'active' && f?.status === 'left') leftOn.set(a.entity_id, a.at.slice(0, 10));
  }
  const workers = (db.prepare(`SELECT id, hire_date, is_manager, status, deleted_at FROM workers`).all() as { id: string; hire_date: string | null; is_manager: number; status: string; deleted_at: string | null }[]).filter(
    (w) => w.deleted_at === null && (w.hire_date === null || w.hire_date <= asOf) && (w.status !== 'left' || (asOf < today && (leftOn.get(w.id) ?? '') > asOf)),
  );
  const att = db
    .prepare(`SELECT t.worker_id, a.kind, a.date, coalesce(t.hours, a.hours) AS h, a.deleted_at FROM edu_attendance t JOIN edu_activities a ON a.id = t.activity_id`)
    .all() as { worker_id: string; kind: ActivityKind; date: string; h: number; deleted_at: string | null }[];
  let req = 0;
  let meeting = 0;
  let newWorkers = 0;
  let newComplete = 0;
  for (const w of workers) {
    const facts = { hireDate: w.hire_date, isManager: w.is_manager === 1 };
    const role = requirementRole(facts, year);
    let c = 0;
    for (const a of att) if (a.worker_id === w.id && a.deleted_at === null && counts(facts, year, today, a.kind, a.date)) c += a.h;
    const x = assess(role, required[role], c);
    if (x.applies) req++;
    if (x.meets) meeting++;
    if (role === 'new_worker') {
      newWorkers++;
      if (x.applies ? x.meets : x.counted > 0) newComplete++;
    }
  }
  let person = 0;
  for (const a of att) if (a.deleted_at === null && a.date >= `${year}-01-01` && a.date <= asOf && !MEETING_KINDS.includes(a.kind)) person += a.h;
  return { workersRequired: req, workersMeeting: meeting, newWorkers, newWorkersComplete: newComplete, personHours: Math.round(person * 10) / 10 };
}

describe('educationYearFacts: the hours figures as a straightforward computation gives them', () => {
  it.each([1, 2, 3])('a varied store (seed %i), both sectors, past and current years', async (seed) => {
    const { core } = await varied(seed);
    const cases: [number, string][] = [
      [2024, '2026-12-01'],
      [2025, '2026-12-01'],
      [2025, '2025-08-20'],
      [2026, '2026-06-15'],
      [2026, '2026-12-01'],
      [2027, '2026-12-01'],
    ];
    let meets = 0;
    let newComplete = 0;
    for (const sector of ['general', 'high_risk'] as const) {
      core.store.db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('education.sector', ?, 'x') ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(sector));
      for (const [year, today] of cases) {
        const f = educationYearFacts(core.store, year, today);
        const want = naive(core, year, today);
        expect({ year, today, sector, ...pickFacts(f) }).toEqual({ year, today, sector, ...want });
        const list = yearHours(core.store, year, today);
        const s = summarize(list.rows, list.personHours);
        expect({ required: s.required, meeting: s.meeting, personHours: s.personHours }).toEqual({ required: want.workersRequired, meeting: want.workersMeeting, personHours: want.personHours });
        meets += want.workersMeeting;
        newComplete += want.newWorkersComplete;
      }
    }
    // the store is varied enough that both figures are reached somewhere
    expect(meets).toBeGreaterThan(0);
    expect(newComplete).toBeGreaterThan(0);
  });
});

const pickFacts = (f: ReturnType<typeof educationYearFacts>) => ({
  workersRequired: f.workersRequired,
  workersMeeting: f.workersMeeting,
  newWorkers: f.newWorkers,
  newWorkersComplete: f.newWorkersComplete,
  personHours: f.personHours,
});

describe('edu_year_hours (migration 022): kept by triggers', () => {
  it('equals the attendance grouped by year, worker and kind after every kind of change', async () => {
    const { core } = await varied(7);
    const db = core.store.db;
    const direct = () =>
      db
        .prepare(
          `SELECT CAST(substr(a.date, 1, 4) AS INTEGER) AS year, t.worker_id, a.kind, sum(CAST(round(coalesce(t.hours, a.hours) * 100) AS INTEGER)) AS cents
           FROM edu_activities a JOIN edu_attendance t ON t.activity_id = a.id WHERE a.deleted_at IS NULL GROUP BY 1, 2, 3 HAVING cents <> 0 ORDER BY 1, 2, 3`,
        )
        .all();
    const kept = () => db.prepare(`SELECT year, worker_id, kind, cents FROM edu_year_hours WHERE cents <> 0 ORDER BY 1, 2, 3`).all();
    expect(kept().length).toBeGreaterThan(50);
    expect(kept()).toEqual(direct());
    const now = new Date().toISOString();
    const steps: [string, () => void][] = [
      ['an activity moved to another year', () => db.prepare(`UPDATE edu_activities SET date = '2023-05-05' WHERE id = 'act-1'`).run()],
      ['its kind changed', () => db.prepare(`UPDATE edu_activities SET kind = 'drill' WHERE id = 'act-2'`).run()],
      ['its hours changed', () => db.prepare(`UPDATE edu_activities SET hours = 7.25 WHERE id = 'act-3'`).run()],
      ['deleted', () => db.prepare(`UPDATE edu_activities SET deleted_at = ? WHERE id = 'act-4'`).run(now)],
      ['a deleted one restored', () => db.prepare(`UPDATE edu_activities SET deleted_at = NULL WHERE deleted_at IS NOT NULL`).run()],
      ['an attendance given its own hours', () => db.prepare(`UPDATE edu_attendance SET hours = 1.5 WHERE rowid IN (SELECT rowid FROM edu_attendance LIMIT 5)`).run()],
      ['own hours taken back', () => db.prepare(`UPDATE edu_attendance SET hours = NULL WHERE rowid IN (SELECT rowid FROM edu_attendance LIMIT 3)`).run()],
      ['attendances removed', () => db.prepare(`DELETE FROM edu_attendance WHERE rowid IN (SELECT rowid FROM edu_attendance LIMIT 7)`).run()],
      ['an attendance moved to another worker', () => db.prepare(`UPDATE edu_attendance SET worker_id = (SELECT id FROM workers ORDER BY emp_no DESC LIMIT 1) WHERE rowid = (SELECT max(rowid) FROM edu_attendance) AND worker_id <> (SELECT id FROM workers ORDER BY emp_no DESC LIMIT 1)`).run()],
      ['a deleted activity edited (counts nowhere)', () => {
        db.prepare(`UPDATE edu_activities SET deleted_at = ? WHERE id = 'act-5'`).run(now);
        db.prepare(`UPDATE edu_activities SET hours = 3, date = '2025-02-02' WHERE id = 'act-5'`).run();
      }],
      ['an activity removed for good with its attendance', () => {
        db.prepare(`DELETE FROM edu_attendance WHERE activity_id = 'act-6'`).run();
        db.prepare(`DELETE FROM edu_activity_photos WHERE activity_id = 'act-6'`).run();
        db.prepare(`DELETE FROM edu_activities WHERE id = 'act-6'`).run();
      }],
    ];
    for (const [what, step] of steps) {
      step();
      expect(kept(), what).toEqual(direct());
    }
  });
});
