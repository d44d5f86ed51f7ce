// The demo's health, education and subsidy records (issue 10, "Demo data"): exposures from the roster's words, two
// years of exam batches with every conclusion, certificates in every state, a year of activities with attendees and the
// three-level education of new workers, pre-shift meetings, walls for most units with a few stale, this year's dossier
// draft with nominees — audited, the chain intact, the same records for the same seed and day, a second run refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../electron/core/auditChain';
import { migrate } from '../../electron/core/db/migrations';
import { openDatabase, Store } from '../../electron/core/db/store';
import { generateDemo } from '../../electron/core/demo';
import { generateDemoEducation } from '../../electron/core/education/demo';
import { generateDemoHealth, shiftDays } from '../../electron/core/health/demo';
import { dueList } from '../../electron/core/health/plan/due';
import { ALERT_KINDS } from '../../shared/health/plan/types';
import { dueQuery } from '../../shared/health/plan/schemas';
import { fileFor } from '../../electron/core/attachments/service';
import { DEMO_PHOTO_KINDS } from '../../electron/core/education/demoPhotos';
import { DEMO_DOSSIER_PHOTOS, generateDemoSpecialGroups } from '../../electron/core/subsidy/demoAll';
import { openTestCore } from '../helpers/core';
import { setQuiet } from '../../electron/core/log';
import { DEMO_NOMINEE_ROLES, demoSummaryFacts, generateDemoSubsidy } from '../../electron/core/subsidy/demo';
import { photoSources, yearPhotoIds } from '../../electron/core/subsidy/dossier/records';
import { todayLocal } from '../../electron/core/util';
import { ACTIVITY_KINDS, SECTOR_SETTING } from '../../shared/education/kinds';
import { CERT_STATUSES, certStatus } from '../../shared/health/certs/rules';
import { CONCLUSIONS, EXAM_KINDS } from '../../shared/health/kinds';

setQuiet(true);
// whole demos on small stores: seconds each, more on a busy machine
vi.setConfig({ testTimeout: 120_000 });
let dirs: string[] = [];
let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  stores = [];
  dirs = [];
});

async function demoStore(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-i10-demo-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'ankang.sqlite'));
  await migrate(db);
  const store = new Store(db);
  stores.push(store);
  generateDemo(store, 'small');
  return store;
}

const n = (s: Store, sql: string, ...params: unknown[]) => s.db.prepare(sql).pluck().get(...params) as number;
const col = <T>(s: Store, sql: string, ...params: unknown[]) => s.db.prepare(sql).pluck().all(...params) as T[];
const today = todayLocal();

describe('the health demo', () => {
  it('exposures from the roster words, two years of batches with every conclusion, certificates in every state — audited', async () => {
    const s = await demoStore();
    const progress: { stage?: string; done: number; total: number | null }[] = [];
    const r = generateDemoHealth(s, { today, progress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ done: 1, total: 1, stage: 'demo.health' });

    // exposures: the roster's words a factor knows (start = hire date, post = the roster's), and a few post changes
    expect(n(s, `SELECT count(*) FROM health_exposures`)).toBe(r.exposures);
    expect(r.exposures).toBeGreaterThan(200);
    expect(
      n(
        s,
        `SELECT count(*) FROM health_exposures e JOIN workers w ON w.id = e.worker_id WHERE e.source = 'roster' AND (e.start_date <> w.hire_date OR e.post IS NOT w.post)`,
      ),
    ).toBe(0);
    // every roster exposure's factor is named by one of the worker's words (甲苯, 高温, 粉尘 … are left out)
    const unmatched = n(
      s,
      `SELECT count(*) FROM health_exposures e JOIN workers w ON w.id = e.worker_id JOIN health_factors f ON f.id = e.factor_id
       WHERE e.source = 'roster' AND NOT EXISTS (SELECT 1 FROM json_each(w.hazard_factors) x, json_each(f.synonyms) y WHERE x.value = y.value OR x.value = f.name)`,
    );
    expect(unmatched).toBe(0);
    expect(n(s, `SELECT count(DISTINCT f.code) FROM health_exposures e JOIN health_factors f ON f.id = e.factor_id`)).toBeGreaterThanOrEqual(5);
    const soon = n(s, `SELECT count(*) FROM health_exposures WHERE source = 'manual' AND start_date > ? AND start_date <= ?`, today, shiftDays(today, 30));
    expect(soon).toBeGreaterThanOrEqual(2);
    expect(n(s, `SELECT count(*) FROM health_exposures WHERE source = 'manual' AND start_date <= ?`, today)).toBeGreaterThanOrEqual(1);
    expect(n(s, `SELECT count(*) FROM health_exams x JOIN health_exposures e ON e.worker_id = x.worker_id WHERE e.source = 'manual' AND x.kind = 'pre_job'`)).toBe(0);
    // the left workers' exposures have ended
    expect(n(s, `SELECT count(*) FROM health_exposures e JOIN workers w ON w.id = e.worker_id WHERE w.status = 'left' AND e.end_date IS NULL`)).toBe(0);

    // batches of every kind over two years, none in the future; one exam per worker in a batch
    const kinds = col<string>(s, `SELECT DISTINCT kind FROM health_exam_batches`);
    expect([...kinds].sort()).toEqual([...EXAM_KINDS].sort());
    expect(n(s, `SELECT count(*) FROM health_exam_batches`)).toBe(r.batches);
    expect(n(s, `SELECT count(*) FROM health_exams`)).toBe(r.exams);
    expect(n(s, `SELECT min(date) >= ? FROM health_exam_batches`, shiftDays(today, -920))).toBe(1);
    expect(n(s, `SELECT max(date) < ? FROM health_exams`, today)).toBe(1);
    expect(n(s, `SELECT count(*) FROM health_exam_batches WHERE date < ?`, shiftDays(today, -365))).toBeGreaterThan(3);
    expect(n(s, `SELECT count(*) FROM health_exams x JOIN health_exam_batches b ON b.id = x.batch_id WHERE x.kind <> b.kind`)).toBe(0);
    // every conclusion, with its fields
    for (const c of CONCLUSIONS) expect(r.conclusions[c], c).toBeGreaterThan(0);
    expect(n(s, `SELECT count(*) FROM health_exams WHERE conclusion = 'recheck' AND (recheck_items IS NULL OR recheck_due IS NULL)`)).toBe(0);
    expect(n(s, `SELECT count(*) FROM health_exams WHERE conclusion IN ('suspected', 'other') AND detail IS NULL`)).toBe(0);
    expect(r.conclusions.normal / r.exams).toBeGreaterThan(0.75);
    // rechecks: some done (a later exam of the worker), some still open
    const later = `EXISTS (SELECT 1 FROM health_exams y WHERE y.worker_id = x.worker_id AND y.date > x.date)`;
    expect(n(s, `SELECT count(*) FROM health_exams x WHERE conclusion = 'recheck' AND ${later}`)).toBeGreaterThan(0);
    expect(n(s, `SELECT count(*) FROM health_exams x WHERE conclusion = 'recheck' AND NOT ${later}`)).toBeGreaterThan(0);
    // contraindications: some moved out of the post (the exposure ended), some still in it
    const exposedStill = `EXISTS (SELECT 1 FROM health_exposures e, json_each(x.factor_ids) f WHERE e.worker_id = x.worker_id AND e.factor_id = f.value AND e.end_date IS NULL)`;
    const ci = n(s, `SELECT count(*) FROM health_exams x WHERE conclusion = 'contraindication'`);
    const still = n(s, `SELECT count(*) FROM health_exams x WHERE conclusion = 'contraindication' AND ${exposedStill}`);
    expect(still).toBeGreaterThan(0);
    expect(still).toBeLessThan(ci);
    // the periodic exams cover the factors the worker was exposed to on the day
    expect(n(s, `SELECT count(*) FROM health_exams WHERE kind = 'periodic' AND factor_ids = '[]'`)).toBe(0);
    // pre-job exams before the work started, exit exams of those who left, women's exams of women, screening from 35
    expect(n(s, `SELECT count(*) FROM health_exams x JOIN workers w ON w.id = x.worker_id WHERE x.kind = 'pre_job' AND x.date >= w.hire_date`)).toBe(0);
    expect(n(s, `SELECT count(*) FROM health_exams x JOIN workers w ON w.id = x.worker_id WHERE x.kind = 'exit' AND w.status <> 'left'`)).toBe(0);
    expect(n(s, `SELECT count(*) FROM health_exams x JOIN workers w ON w.id = x.worker_id WHERE x.kind = 'women' AND w.gender <> 'F'`)).toBe(0);
    const age = `(CAST(substr(x.date, 1, 4) AS INTEGER) - CAST(substr(w.id_card, 7, 4) AS INTEGER) - (substr(x.date, 6, 5) < substr(w.id_card, 11, 2) || '-' || substr(w.id_card, 13, 2)))`;
    expect(n(s, `SELECT count(*) FROM health_exams x JOIN workers w ON w.id = x.worker_id WHERE x.kind = 'women' AND x.screening <> (${age} >= 35)`)).toBe(0);
    expect(n(s, `SELECT count(*) FROM health_exams WHERE kind = 'women' AND screening = 1`)).toBeGreaterThan(0);
    // some exposed workers overdue (no exam in the last year for a yearly factor)
    const overdue = n(
      s,
      `SELECT count(DISTINCT e.worker_id) FROM health_exposures e JOIN health_factors f ON f.id = e.factor_id JOIN workers w ON w.id = e.worker_id
       WHERE e.end_date IS NULL AND w.status = 'active' AND f.interval_months = 12 AND e.start_date < ? AND e.source = 'roster'
         AND NOT EXISTS (SELECT 1 FROM health_exams x, json_each(x.factor_ids) j WHERE x.worker_id = e.worker_id AND j.value = e.factor_id AND x.date >= ?)`,
      shiftDays(today, -365),
      shiftDays(today, -365),
    );
    expect(overdue).toBeGreaterThan(0);

    // the plan rebuilt from it all: every alert kind on the due list
    const due = dueList(s, dueQuery.parse({}), today);
    for (const k of ALERT_KINDS) expect(due.counts[k], k).toBeGreaterThan(0);
    expect(due.total).toBeLessThan(n(s, `SELECT count(*) FROM workers WHERE status = 'active'`) / 2);

    // certificates: every roster certificate, in every state
    expect(n(s, `SELECT count(*) FROM workers w WHERE w.cert_no IS NOT NULL AND NOT EXISTS (SELECT 1 FROM health_certificates c WHERE c.worker_id = w.id AND c.cert_no = w.cert_no)`)).toBe(0);
    expect(n(s, `SELECT count(*) FROM health_certificates`)).toBe(r.certificates);
    // renewed ones moved the roster's column with them: the roster and its certificate agree
    expect(n(s, `SELECT count(*) FROM health_certificates c JOIN workers w ON w.id = c.worker_id AND w.cert_no = c.cert_no WHERE c.expiry_date <> w.cert_expiry`)).toBe(0);
    const certs = s.db.prepare(`SELECT issue_date, review_years, last_review_date, expiry_date, category, type_text FROM health_certificates`).all() as {
      issue_date: string;
      review_years: number;
      last_review_date: string | null;
      expiry_date: string;
      category: string | null;
      type_text: string | null;
    }[];
    const states = new Set(certs.map((c) => certStatus({ issueDate: c.issue_date, lastReviewDate: c.last_review_date, reviewYears: c.review_years, expiryDate: c.expiry_date }, today)));
    expect([...states].sort()).toEqual([...CERT_STATUSES].sort());
    expect(certs.some((c) => c.review_years === 6)).toBe(true);
    expect(certs.some((c) => c.category === null && c.type_text !== null)).toBe(true);
    expect(certs.filter((c) => c.category !== null).length / certs.length).toBeGreaterThan(0.5);

    // audited: one entry per batch and per certificate; the chain holds
    expect(n(s, `SELECT count(*) FROM audit_log WHERE entity = 'health_exam_batch' AND action = 'import'`)).toBe(r.batches);
    const rows = col<string>(s, `SELECT after FROM audit_log WHERE entity = 'health_exam_batch'`).reduce((a, x) => a + (JSON.parse(x) as { rows: number }).rows, 0);
    expect(rows).toBe(r.exams);
    expect(n(s, `SELECT count(*) FROM audit_log WHERE entity = 'health_certificate' AND reason = '演示数据'`)).toBe(r.certificates);
    expect(verifyAuditChain(s.db)).toEqual([]);

    // a second run is refused and changes nothing
    const before = n(s, `SELECT count(*) FROM audit_log`);
    expect(() => generateDemoHealth(s, { today })).toThrow();
    expect(n(s, `SELECT count(*) FROM audit_log`)).toBe(before);
  });

  it('the same seed and day make the same records', async () => {
    const content = (s: Store) =>
      s.db
        .prepare(
          `SELECT w.emp_no, x.date, x.kind, x.conclusion, x.recheck_due, x.contraindication, x.screening, b.institution FROM health_exams x JOIN workers w ON w.id = x.worker_id
           JOIN health_exam_batches b ON b.id = x.batch_id ORDER BY 1, 2, 3`,
        )
        .raw()
        .all();
    const a = await demoStore();
    const b = await demoStore();
    generateDemoHealth(a, { today });
    generateDemoHealth(b, { today });
    expect(content(a)).toEqual(content(b));
  });
});

describe('the education demo', () => {
  it('a year of activities with attendees, the new workers three levels, pre-shift meetings, walls — audited', async () => {
    const s = await demoStore();
    const r = generateDemoEducation(s, { today });
    expect(JSON.parse(s.db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(SECTOR_SETTING) as string)).toBe('high_risk');
    expect(n(s, `SELECT count(*) FROM edu_activities`)).toBe(r.activities);
    expect(n(s, `SELECT count(*) FROM edu_attendance`)).toBe(r.attendance);
    for (const k of ACTIVITY_KINDS) expect(r.byKind[k], k).toBeGreaterThan(0);
    expect(n(s, `SELECT max(date) < ? FROM edu_activities`, today)).toBe(1);
    expect(n(s, `SELECT count(*) FROM edu_activities WHERE kind <> 'three_level' AND date < ?`, shiftDays(today, -365))).toBe(0);
    // a pre-shift meeting a week per team
    const teams = n(s, `SELECT count(*) FROM org_units WHERE kind = 'team' AND deleted_at IS NULL`);
    expect(r.byKind.pre_shift).toBeGreaterThanOrEqual(teams * 50);
    // …attended by most of the team (a few away, more or fewer each week), hosted by a person of the team, not a role
    const meetings = s.db
      .prepare(
        `SELECT a.host, (SELECT count(*) FROM edu_attendance t WHERE t.activity_id = a.id) AS came,
           (SELECT count(*) FROM workers w WHERE w.team_id = a.org_unit_id AND w.status = 'active' AND w.deleted_at IS NULL AND (w.hire_date IS NULL OR w.hire_date <= a.date)) AS team,
           (SELECT count(*) FROM workers w WHERE w.team_id = a.org_unit_id AND w.name = a.host) AS hostInTeam
         FROM edu_activities a WHERE a.kind = 'pre_shift'`,
      )
      .all() as { host: string | null; came: number; team: number; hostInTeam: number }[];
    expect(meetings.every((m) => m.came >= m.team * 0.8 && m.came < m.team + 1)).toBe(true);
    expect(meetings.some((m) => m.came < m.team)).toBe(true);
    expect(new Set(meetings.map((m) => m.team - m.came)).size).toBeGreaterThan(2);
    expect(meetings.filter((m) => m.host === '班组长' || m.hostInTeam === 0)).toEqual([]);
    // nobody attends before joining or after leaving
    expect(n(s, `SELECT count(*) FROM edu_attendance t JOIN edu_activities a ON a.id = t.activity_id JOIN workers w ON w.id = t.worker_id WHERE w.hire_date > a.date OR w.status <> 'active'`)).toBe(0);
    // three-level education of the workers hired in the last two years: company and workshop levels for all, the team
    // level for most; a third of the high-risk 72 hours each
    const hires = col<string>(s, `SELECT id FROM workers WHERE status = 'active' AND hire_date >= ? AND hire_date < ?`, shiftDays(today, -730), today);
    expect(hires.length).toBeGreaterThan(5);
    const levels = (level: string) => n(s, `SELECT count(DISTINCT t.worker_id) FROM edu_attendance t JOIN edu_activities a ON a.id = t.activity_id WHERE a.kind = 'three_level' AND a.level = ?`, level);
    expect(levels('company')).toBe(hires.length);
    expect(levels('team')).toBeLessThan(hires.length);
    expect(levels('team')).toBeGreaterThan(hires.length / 2);
    expect(col<number>(s, `SELECT DISTINCT hours FROM edu_activities WHERE kind = 'three_level'`)).toEqual([24]);
    // the year's hours that count toward re-training: most workers meet the 20 hours, some fall short
    const hours = col<number>(
      s,
      `SELECT coalesce((SELECT sum(coalesce(t.hours, a.hours)) FROM edu_attendance t JOIN edu_activities a ON a.id = t.activity_id
                        WHERE t.worker_id = w.id AND a.kind IN ('retraining', 'special', 'drill', 'ankang_cup', 'post_change')), 0)
       FROM workers w WHERE w.status = 'active' AND w.deleted_at IS NULL AND w.hire_date < ?`,
      shiftDays(today, -400),
    );
    const meeting = hours.filter((h) => h >= 20).length / hours.length;
    expect(meeting).toBeGreaterThan(0.6);
    expect(meeting).toBeLessThan(0.98);
    // test scores on the trainings, a few failed
    expect(n(s, `SELECT count(*) FROM edu_attendance WHERE passed = 0`)).toBeGreaterThan(0);
    expect(n(s, `SELECT count(*) FROM edu_attendance WHERE score IS NOT NULL AND passed <> (score >= 60)`)).toBe(0);

    // walls: most units have one, a few stale (no update in three months), a few none
    const units = n(s, `SELECT count(*) FROM org_units WHERE kind IN ('workshop', 'team') AND deleted_at IS NULL`);
    const withWall = n(s, `SELECT count(DISTINCT org_unit_id) FROM edu_walls`);
    expect(withWall).toBe(r.walls);
    expect(withWall).toBeLessThan(units);
    expect(withWall / units).toBeGreaterThan(0.7);
    const last = col<string>(s, `SELECT max(u.date) FROM edu_walls w JOIN edu_wall_updates u ON u.wall_id = w.id GROUP BY w.id`);
    expect(last.length).toBe(r.walls);
    const stale = last.filter((d) => d < shiftDays(today, -92)).length;
    expect(stale).toBeGreaterThan(0);
    expect(stale).toBeLessThan(last.length / 3);
    expect(n(s, `SELECT count(*) FROM edu_wall_updates WHERE sections = '[]'`)).toBe(0);

    // audited: each activity, wall and update; the chain holds; a second run is refused
    expect(n(s, `SELECT count(*) FROM audit_log WHERE entity = 'edu_activity' AND action = 'create'`)).toBe(r.activities);
    expect(n(s, `SELECT count(*) FROM audit_log WHERE entity = 'edu_wall_update'`)).toBe(r.wallUpdates);
    expect(verifyAuditChain(s.db)).toEqual([]);
    const before = n(s, `SELECT count(*) FROM audit_log`);
    expect(() => generateDemoEducation(s, { today })).toThrow();
    expect(n(s, `SELECT count(*) FROM audit_log`)).toBe(before);
  });
});

describe('the subsidy demo', () => {
  it("this year's dossier draft with nominees of every role", async () => {
    const s = await demoStore();
    const r = generateDemoSubsidy(s, { today });
    expect(r.year).toBe(Number(today.slice(0, 4)));
    const d = s.db.prepare(`SELECT * FROM subsidy_dossiers`).get() as { id: string; year: number; fields: string };
    expect(d.year).toBe(r.year);
    const fields = JSON.parse(d.fields) as Record<string, unknown>;
    expect(fields.amountFen).toBe(30_000_000);
    expect(String(fields.summary)).toContain(String(r.year));
    // the summary states only what the records say: the year's counts from the store, no blanket claims
    const summary = String(fields.summary);
    const facts = demoSummaryFacts(s, r.year, today);
    expect(summary).toContain(`组织安全教育培训活动 ${facts.activities} 次（其中班前会 ${facts.preShift} 次）`);
    const from = `${r.year}-01-01`;
    const hazards = n(s, `SELECT count(*) FROM hazards WHERE deleted_at IS NULL AND status <> 'cancelled' AND found_date BETWEEN ? AND ?`, from, today);
    expect(facts.hazardsFound).toBe(hazards);
    if (hazards > 0) expect(summary).toContain(`排查登记隐患 ${hazards} 项`);
    const accidents = n(s, `SELECT count(*) FROM wage_accidents WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`, from, `${r.year}-12-31`);
    if (accidents === 0) expect(summary).toContain('本年度未记录生产安全事故及未遂事件');
    else expect(summary).not.toContain('未发生');
    for (const claim of ['100%', '职业病病例', '持证上岗率', '按期复审', '全员']) expect(summary, claim).not.toContain(claim);
    const roles = s.db.prepare(`SELECT role, count(*) FROM subsidy_nominees WHERE dossier_id = ? GROUP BY role`).raw().all(d.id) as [string, number][];
    expect(Object.fromEntries(roles)).toEqual(Object.fromEntries(DEMO_NOMINEE_ROLES));
    // each nominee holds the role on the roster
    expect(n(s, `SELECT count(*) FROM subsidy_nominees x JOIN workers w ON w.id = x.worker_id WHERE NOT EXISTS (SELECT 1 FROM json_each(w.roles) WHERE value = x.role)`)).toBe(0);
    expect(n(s, `SELECT count(*) FROM audit_log WHERE entity = 'subsidy_dossier' AND entity_id = ?`, d.id)).toBe(1);
    expect(() => generateDemoSubsidy(s, { today })).toThrow();
    expect(n(s, `SELECT count(*) FROM subsidy_nominees`)).toBe(r.nominees);
  });
});

describe('the three together on a Core (cli demo)', () => {
  it('photos on activities, wall updates and the dossier; the scorecard and the dossier PDF read the demo', async () => {
    const tc = await openTestCore({ init: false });
    try {
      const s = tc.core.store;
      generateDemo(s, 'small');
      const r = await generateDemoSpecialGroups(tc.core, { today });
      expect(r.photos).toBe(DEMO_PHOTO_KINDS.length);
      expect(r.education.photosLinked).toBe(DEMO_PHOTO_KINDS.length);
      expect(n(s, `SELECT count(*) FROM edu_activity_photos`)).toBe(DEMO_PHOTO_KINDS.filter((k) => k !== 'wall').length);
      expect(n(s, `SELECT count(*) FROM edu_wall_photos`)).toBe(DEMO_PHOTO_KINDS.filter((k) => k === 'wall').length);
      // stored like any uploaded photo: the files are there, JPEG
      const photos = s.db.prepare(`SELECT sha256, mime FROM attachments`).all() as { sha256: string; mime: string }[];
      expect(photos.length).toBe(DEMO_PHOTO_KINDS.length);
      for (const p of photos) expect(fs.existsSync(fileFor(tc.core.paths.attachments, p.sha256, p.mime))).toBe(true);
      const ids = JSON.parse(s.db.prepare(`SELECT photo_ids FROM subsidy_dossiers`).pluck().get() as string) as string[];
      // only photos of this year's activities and wall updates, each captioned with one of them
      const ofYear = yearPhotoIds(s, r.subsidy.year, today);
      expect(ids.length).toBe(Math.min(DEMO_DOSSIER_PHOTOS, ofYear.length));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(ofYear).toContain(id);
      const sources = photoSources(s, ids, r.subsidy.year);
      for (const id of ids) expect(sources.get(id)?.date.slice(0, 4)).toBe(String(r.subsidy.year));
      expect(verifyAuditChain(s.db)).toEqual([]);

      // the admin reads the year's scorecard and prints the dossier
      const admin = s.db.prepare(`SELECT id FROM operators WHERE is_admin = 1 AND deleted_at IS NULL LIMIT 1`).pluck().get() as string;
      await tc.call('session.signIn', { operatorId: admin });
      const card = await tc.call('subsidy.scorecard', { year: r.subsidy.year });
      expect(card.criteria.length).toBe(5);
      const pdf = await tc.call('subsidy.dossierPdf', { year: r.subsidy.year });
      expect(tc.fileBytes(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      tc.close();
    }
  });
});

