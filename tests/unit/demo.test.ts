// The demo data and the bulk-write path it uses: realistic shape (serials in date order, a few per cent open,
// finders across the roster, several operators, varied descriptions) and derived data that stays honest after a
// bulk load (statistics equal a recount, the text indexes find what a scan finds, the schema is unchanged).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrations';
import { openDatabase, replayInsertTrigger, Store } from '../../electron/core/db/store';
import { generateDemo } from '../../electron/core/demo';
import { generateDemoHazards } from '../../electron/core/demoHazards';
import { compareSchema } from '../../electron/core/db/schemaCheck';
import { verifyAuditChain } from '../../electron/core/auditChain';
import { hazardState4Rules, majorOf } from '../../electron/core/hazards/queries';
import { OPEN_STATUSES, refusal } from '../../shared/hazards/rules';
import { todayLocal } from '../../electron/core/util';
import { execFileSync } from 'node:child_process';
import { DEMO_PAST_FAILING, DEMO_PAST_PASSING, generateDemoCongress } from '../../electron/core/congress/demo';
import { composition, listMembers } from '../../electron/core/congress/reps/members';
import { listGroups, listTerms } from '../../electron/core/congress/reps/terms';
import { getSession, listSessions } from '../../electron/core/congress/sessions/sessions';
import { sessionYearCheck } from '../../electron/core/congress/sessions/yearCheck';
import { renderMinutes } from '../../electron/core/congress/sessions/minutesPdf';
import { chainHead } from '../../electron/core/auditChain';
import { getEnterprise } from '../../electron/core/enterprise/service';
import { AGENDA_TEMPLATE } from '../../shared/congress/sessions/types';

let dirs: string[] = [];
let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  stores = [];
  dirs = [];
});

async function freshStore(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-demo-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'ankang.sqlite'));
  await migrate(db);
  const store = new Store(db);
  stores.push(store);
  return store;
}

const schema = (s: Store) => s.db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name`).all();
const n = (s: Store, sql: string, ...params: unknown[]) => s.db.prepare(sql).pluck().get(...params) as number;

/** what a full scan finds for a term, against what the FTS5 indexes find */
function textIndexAgrees(s: Store, term: string) {
  const short = [...term].length < 3;
  // the trigram index holds the measures too; the 1–2 character index does not (migration 002)
  const text = `serial || ' ' || description || ' ' || coalesce(place, '') || ' ' || coalesce(equipment, '')${short ? '' : ` || ' ' || coalesce(measures, '')`}`;
  const scan = n(s, `SELECT count(*) FROM hazards WHERE instr(${text}, ?) > 0`, term);
  const index =
    !short
      ? n(s, `SELECT count(*) FROM hazards_fts WHERE hazards_fts MATCH ?`, `"${term}"`)
      : n(s, `SELECT count(*) FROM hazards_grams WHERE hazards_grams MATCH ?`, `"${term}"`);
  return { term, scan, index };
}

function assertStatsEqualRecount(s: Store) {
  const kept = s.db.prepare(`SELECT month, workshop_id, status, grade, risk, n, planned, actual FROM hazard_month_stats WHERE n > 0 ORDER BY 1, 2, 3, 4, 5`).all();
  const recount = s.db
    .prepare(
      `SELECT substr(found_date, 1, 7) AS month, coalesce(workshop_id, '') AS workshop_id, status, coalesce(grade, '') AS grade, coalesce(risk, '') AS risk,
         count(*) AS n, coalesce(sum(planned_funds), 0) AS planned, coalesce(sum(actual_funds), 0) AS actual
       FROM hazards WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    )
    .all();
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(recount);
  const keptClosed = s.db.prepare(`SELECT month, n, round(days, 6) AS days FROM hazard_close_stats WHERE n > 0 ORDER BY 1`).all();
  const recountClosed = s.db
    .prepare(
      `SELECT substr(closed_date, 1, 7) AS month, count(*) AS n, round(sum(julianday(closed_date) - julianday(found_date)), 6) AS days
       FROM hazards WHERE closed_date IS NOT NULL AND deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
    )
    .all();
  expect(keptClosed).toEqual(recountClosed);
}

function assertSerialsFollowFoundTime(s: Store) {
  const rows = s.db.prepare(`SELECT serial, found_at, found_date FROM hazards`).all() as { serial: string; found_at: string; found_date: string }[];
  const byYear = new Map<string, { no: number; at: number }[]>();
  for (const r of rows) {
    const m = /^YH-(\d{4})-(\d{4,})$/.exec(r.serial);
    expect(m, r.serial).not.toBeNull();
    expect(m![1]).toBe(r.found_date.slice(0, 4));
    (byYear.get(m![1]!) ?? byYear.set(m![1]!, []).get(m![1]!)!).push({ no: Number(m![2]), at: Date.parse(r.found_at) });
  }
  for (const [year, list] of byYear) {
    list.sort((a, b) => a.no - b.no);
    // numbered 1..k without gaps, and never found earlier than the one numbered before it
    expect(list.map((x) => x.no), year).toEqual(list.map((_, i) => i + 1));
    const backwards = list.filter((x, i) => i > 0 && x.at < list[i - 1]!.at).length;
    expect(backwards, `serials out of found-time order in ${year}`).toBe(0);
  }
}

describe('demo data', () => {
  it('small roster + 3,000 hazards: realistic shape, honest derived data, unchanged schema', async () => {
    const s = await freshStore();
    const before = schema(s);
    const res = generateDemo(s, 'small');
    expect(res).toEqual({ workshops: 10, teams: 43, workers: 860, operators: 6 });
    const progress: { done: number; total: number | null; stage?: string }[] = [];
    expect(generateDemoHazards(s, 3000, { progress: (p) => progress.push(p) })).toEqual({ hazards: 3000 });
    // the bulk path drops and re-creates the text-index triggers: afterwards the schema is exactly as migrated
    expect(schema(s)).toEqual(before);
    expect(progress.at(-1)).toEqual({ done: 3000, total: 3000, stage: 'demo.hazards' });

    assertSerialsFollowFoundTime(s);
    assertStatsEqualRecount(s);

    // a few per cent open, every state present, mostly closed
    const byStatus = Object.fromEntries(
      (s.db.prepare(`SELECT status, count(*) AS n FROM hazards GROUP BY status`).all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    );
    for (const st of ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted', 'closed', 'cancelled']) expect(byStatus[st] ?? 0, st).toBeGreaterThan(0);
    const open = OPEN_STATUSES.reduce((a, st) => a + (byStatus[st] ?? 0), 0);
    expect(open / 3000).toBeGreaterThan(0.01);
    expect(open / 3000).toBeLessThan(0.08);
    expect(byStatus.closed! / 3000).toBeGreaterThan(0.85);

    // finders across the whole roster: most active workers found something, in every workshop, the newest hires too
    const active = n(s, `SELECT count(*) FROM workers WHERE status = 'active' AND deleted_at IS NULL`);
    const finders = n(s, `SELECT count(DISTINCT finder_id) FROM hazards`);
    expect(finders / active).toBeGreaterThan(0.7);
    expect(n(s, `SELECT count(DISTINCT w.workshop_id) FROM hazards h JOIN workers w ON w.id = h.finder_id`)).toBe(10);
    expect(n(s, `SELECT count(*) FROM hazards h JOIN workers w ON w.id = h.finder_id WHERE w.emp_no > 'AK000780'`)).toBeGreaterThan(0);

    // several operators take the steps; the acceptor is never the submitter
    expect(n(s, `SELECT count(DISTINCT actor_id) FROM hazard_events WHERE actor_id IS NOT NULL`)).toBeGreaterThanOrEqual(5);
    expect(n(s, `SELECT count(*) FROM hazards WHERE status = 'closed' AND accepted_by = submitted_by`)).toBe(0);
    expect(n(s, `SELECT count(*) FROM hazards h JOIN operators o ON o.id = h.accepted_by WHERE o.worker_id = h.responsible_id`)).toBe(0);

    // varied descriptions of 10–300 characters, not a dozen templates
    const lengths = s.db.prepare(`SELECT length(description) FROM hazards`).pluck().all() as number[];
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(300);
    expect(lengths.filter((l) => l >= 80).length).toBeGreaterThan(30);
    expect(n(s, `SELECT count(DISTINCT description) FROM hazards`) / 3000).toBeGreaterThan(0.8);
    // no description says the same sentence or clause twice (车间主任已到场确认…车间主任已到场确认…)
    const repeats = (s.db.prepare(`SELECT description FROM hazards`).pluck().all() as string[]).filter((d) => {
      const parts = d.split(/[，。：]/).filter((x) => x.length > 3);
      return new Set(parts).size < parts.length;
    });
    expect(repeats.slice(0, 3)).toEqual([]);

    // the text indexes built after the load find exactly what a scan finds (trigram and 1–2 character index)
    for (const term of ['安全阀', '法兰连接处渗漏', '反应釜', '泄', '护栏']) {
      const r = textIndexAgrees(s, term);
      expect(r.scan, term).toBeGreaterThan(0);
      expect(r.index, term).toBe(r.scan);
    }
    expect(n(s, `SELECT count(*) FROM workers_fts WHERE workers_fts MATCH '"AK000123"'`)).toBe(1);
    expect(n(s, `SELECT count(*) FROM workers_grams WHERE workers_grams MATCH '"工"'`)).toBe(
      n(s, `SELECT count(*) FROM workers WHERE instr(emp_no || name || coalesce(post, ''), '工') > 0`),
    );
  });

  it('batched commits and a second load keep serials in order, indexes complete and statistics equal a recount', async () => {
    const s = await freshStore();
    generateDemo(s, 'small');
    generateDemoHazards(s, 1500, { batchSize: 400, spanDays: 400 });
    // a later load continues the serials and indexes only its own rows on top of the earlier ones
    generateDemoHazards(s, 500, { batchSize: 200, spanDays: 5, seed: 99 });
    expect(n(s, `SELECT count(*) FROM hazards`)).toBe(2000);
    expect(n(s, `SELECT count(*) FROM hazards_fts_docsize`)).toBe(2000);
    assertStatsEqualRecount(s);
    const r = textIndexAgrees(s, '灭火器');
    expect(r.index).toBe(r.scan);
    // a hazard changed after the bulk load is re-indexed by the (re-created) update triggers
    const rid = n(s, `SELECT rid FROM hazards ORDER BY rid DESC LIMIT 1`);
    s.db.prepare(`UPDATE hazards SET description = '独一无二的测试描述内容' WHERE rid = ?`).run(rid);
    expect(n(s, `SELECT rowid FROM hazards_fts WHERE hazards_fts MATCH '"独一无二的测试"'`)).toBe(rid);
    expect(n(s, `SELECT rowid FROM hazards_grams WHERE hazards_grams MATCH '"独一"'`)).toBe(rid);
  });

  it('major hazards carry their report, 挂牌督办 and evaluation as the national rules require; the audit chain and schema hold', async () => {
    const s = await freshStore();
    generateDemo(s, 'small');
    generateDemoHazards(s, 6000, { batchSize: 2500 });
    type M = { id: string; serial: string; status: string; found_date: string; closed_date: string | null; accepted_at: string | null; submitted_at: string | null };
    const majors = s.db
      .prepare(`SELECT id, serial, status, found_date, closed_date, accepted_at, submitted_at FROM hazards WHERE grade = 'major'`)
      .all() as M[];
    const byStatus = (st: string) => majors.filter((h) => h.status === st);
    expect(byStatus('closed').length).toBeGreaterThan(20);
    // only major hazards have a record
    expect(n(s, `SELECT count(*) FROM hazard_major m JOIN hazards h ON h.id = m.hazard_id WHERE h.grade IS NOT 'major'`)).toBe(0);

    const today = todayLocal();
    const admin = { roles: [], isAdmin: true, workerId: 'nobody', operatorId: 'nobody' };
    for (const h of majors) {
      const m = majorOf(s, h.id);
      // reported once it is past confirmation (a freshly graded one may still be waiting), never before it was found
      if (h.status !== 'confirmed') expect(m.reportedDate, h.serial).not.toBeNull();
      if (m.reportedDate) {
        expect(m.reportedDate >= h.found_date && m.reportedDate <= today, h.serial).toBe(true);
        expect(m.reportBody && m.reportDocNo && m.reportSummary, h.serial).toBeTruthy();
      }
      if (m.supervised) expect(m.supervisionDate! >= m.reportedDate! && !!m.supervisionBody, h.serial).toBe(true);
      if (h.status === 'closed') {
        // accepted only after it was reported and its governance evaluated as passed, by the rule the service applies
        expect(m.evaluationPassed, h.serial).toBe(true);
        expect(m.evaluationDate! <= h.closed_date! && m.evaluationDate! >= h.submitted_at!.slice(0, 10), h.serial).toBe(true);
        const state = hazardState4Rules({ status: 'submitted', responsible_id: null, submitted_by: null, grade: 'major' }, m);
        expect(refusal('accept', state, admin), h.serial).toBeNull();
      } else {
        // open ones still await their evaluation
        expect(m.evaluationDate, h.serial).toBeNull();
      }
    }
    expect(byStatus('closed').filter((h) => majorOf(s, h.id).supervised).length).toBeGreaterThan(0);
    // without the records the same rule refuses the acceptance
    expect(refusal('accept', hazardState4Rules({ status: 'submitted', responsible_id: null, submitted_by: null, grade: 'major' }, null), admin)).toBe('major_pending');

    // each step is on the hazard's timeline (status unchanged, while it was open) and in the audit log, as the service writes them
    for (const action of ['majorReport', 'majorSupervise', 'majorEvaluate'] as const) {
      const col = { majorReport: 'reported_date', majorSupervise: 'supervision_date', majorEvaluate: 'evaluation_date' }[action];
      const recorded = n(s, `SELECT count(*) FROM hazard_major WHERE ${col} IS NOT NULL`);
      expect(recorded, action).toBeGreaterThan(0);
      expect(n(s, `SELECT count(*) FROM hazard_events WHERE action = ? AND from_status = to_status AND to_status NOT IN ('closed', 'cancelled')`, action), action).toBe(recorded);
      expect(n(s, `SELECT count(*) FROM audit_log WHERE entity = 'hazard' AND action = ?`, action), action).toBe(recorded);
    }
    expect(
      n(s, `SELECT count(*) FROM hazard_events e JOIN hazards h ON h.id = e.hazard_id WHERE e.action = 'majorEvaluate' AND e.at >= h.accepted_at`),
    ).toBe(0);
    const lastAudit = s.db.prepare(`SELECT before, after FROM audit_log WHERE action = 'majorEvaluate' ORDER BY seq DESC LIMIT 1`).get() as { before: string; after: string };
    expect(JSON.parse(lastAudit.before).major.evaluationPassed).toBeNull();
    expect(JSON.parse(lastAudit.after).major.evaluationPassed).toBe(true);

    expect(verifyAuditChain(s.db)).toEqual([]);
    expect(compareSchema(s.db)).toEqual([]);
  });

  it('refuses a store that already has workers', async () => {
    const s = await freshStore();
    generateDemo(s, 'small');
    expect(() => generateDemo(s, 'small')).toThrow();
  });
});

describe('demo congress', () => {
  it('第3届: roster representatives per workshop, composition green, a recall and a by-election; last year held and closed with its minutes; this year in preparation; proposals; audit chain whole', async () => {
    const s = await freshStore();
    generateDemo(s, 'small');
    generateDemoHazards(s, 300, { spanDays: 730 });
    const stages: (string | undefined)[] = [];
    const res = generateDemoCongress(s, { progress: (p) => stages.push(p.stage) });
    expect(stages.at(-1)).toBe('demo.congress');
    const today = todayLocal();
    const Y = Number(today.slice(0, 4));

    // the term: started two to three years ago, 3–5 years long, its representatives the roster's flagged workers
    const [term] = listTerms(s);
    expect(term).toMatchObject({ number: 3, startDate: `${Y - 2}-09-26`, observers: 2, groups: 10 });
    expect(res).toEqual({ termNumber: 3, representatives: term!.representatives, sessions: 2, proposals: 8 });
    const flagged = n(s, `SELECT count(*) FROM workers WHERE is_representative = 1 AND status = 'active' AND deleted_at IS NULL`);
    // the flagged ones, less the recalled one, plus the one elected in the by-election
    expect(term!.representatives).toBe(flagged);
    // one group per workshop, each with a leader serving in it
    const groups = listGroups(s, term!.id);
    expect(groups.map((g) => g.orgUnitName)).toEqual(groups.map((g) => g.name));
    for (const g of groups) expect(g.leaderWorkerId, g.name).not.toBeNull();
    // every composition check green: quota, front-line ≥ ½, managers ≤ 20 %, women by share, presidium of 5 (≤ 100 representatives)
    const c = composition(s, { termId: term!.id, asOf: null });
    expect(c.checks.filter((x) => !x.ok)).toEqual([]);
    expect(c.representatives.frontLine * 2).toBeGreaterThanOrEqual(c.representatives.total);
    expect(c.representatives.managers * 5).toBeLessThanOrEqual(c.representatives.total);
    expect(c.representatives.women * c.staff.total).toBeGreaterThanOrEqual(c.staff.women * c.representatives.total);
    expect(c.presidium.total).toBeGreaterThanOrEqual(5);
    expect(c.presidium.total).toBeLessThanOrEqual(7);
    // history: a recall with its grounds, and a by-election into the same group
    const history = listMembers(s, { termId: term!.id, asOf: null, history: true });
    const recalled = history.filter((m) => m.leftBy === 'recall');
    const by = history.filter((m) => m.joinedBy === 'by_election');
    expect(recalled).toHaveLength(1);
    expect(by).toHaveLength(1);
    expect(recalled[0]!.leftNote).toBeTruthy();
    expect(by[0]!.groupId).toBe(recalled[0]!.groupId);
    expect(by[0]!.joinedOn > recalled[0]!.leftOn!).toBe(true);

    // last year's safety-themed session: closed, above the quorum, votes announced by the legal rule
    const [next, pastSummary] = listSessions(s, term!.id);
    const past = getSession(s, pastSummary!.id);
    expect(past).toMatchObject({ seq: 1, kind: 'safety', status: 'closed', hazardsFrozen: true });
    expect(past.date.slice(0, 4)).toBe(String(Y - 1));
    expect(past.counts.quorum.met).toBe(true);
    expect(past.counts.leave).toBeGreaterThan(0);
    expect(past.counts.absent).toBeGreaterThan(0);
    expect(past.agenda.filter((i) => i.templateKey === null).map((i) => i.title)).toEqual([DEMO_PAST_PASSING, DEMO_PAST_FAILING]);
    const votes = past.agenda.flatMap((i) => i.votes.map((v) => ({ title: i.title, resolution: i.resolution, ...v })));
    expect(votes.length).toBe(past.agenda.filter((i) => i.kind === 'vote').length);
    for (const v of votes) {
      expect(v.status, v.title).toBe('announced');
      expect(v.entitled, v.title).toBe(past.counts.entitled);
      expect(v.verdict, v.title).toBe(v.title === DEMO_PAST_FAILING ? 'failed' : 'passed');
      // a resolution only for what passed
      expect(!!v.resolution, v.title).toBe(v.verdict === 'passed');
    }
    // the failing one: most of those present voted yes, yet not more than half of ALL representatives
    const failing = votes.find((v) => v.title === DEMO_PAST_FAILING)!;
    expect(failing.counts!.yes * 2).toBeGreaterThan(failing.present);
    expect(failing.counts!.yes).toBe(failing.needed - 1);
    expect(failing.needed).toBe(Math.floor(failing.entitled / 2) + 1);

    // its minutes print: every item, the attendance, the verdicts in words, the signature lines
    const pdf = await renderMinutes(past, { enterprise: getEnterprise(s), fingerprint: chainHead(s).fingerprint });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-demo-minutes-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'm.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'm.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const i of past.agenda) expect(text, i.title).toContain(i.title.replace(/\s+/g, ''));
    expect(text).toContain(`应到代表${past.counts.entitled}人，实到${past.counts.present}人，请假${past.counts.leave}人，缺席${past.counts.absent}人。`);
    expect(text).toContain(`赞成${failing.counts!.yes}票，未超过全体代表的半数（须至少${failing.needed}票），未通过。`);
    expect(text).toContain(`超过全体代表的半数（须至少${failing.needed}票），通过。`);
    expect(text).toContain('主持人（签字）');
    expect(text).toContain('记录人（签字）');

    // this year's: in preparation from the 5+X template (and one X item), papers not issued
    const nx = getSession(s, next!.id);
    expect(nx).toMatchObject({ seq: 2, kind: 'safety', status: 'preparing', issuedAt: null, hazardsFrozen: false });
    expect(nx.date.slice(0, 4)).toBe(String(Y));
    expect(nx.date >= today).toBe(true);
    expect(nx.agenda.filter((i) => i.templateKey).map((i) => i.templateKey)).toEqual(AGENDA_TEMPLATE.map((t) => t.key));
    // the home page's yearly check: this year's is planned, last year's was held
    expect(sessionYearCheck(s)).toMatchObject({ hasTerm: true, held: null, planned: { id: nx.id, status: 'preparing' }, lastYearMissed: false });

    // proposals for this year's session in various states, each with at least two co-signers, one linked to a new hazard
    const states = s.db.prepare(`SELECT state FROM congress_proposals ORDER BY serial`).pluck().all() as string[];
    expect(new Set(states)).toEqual(new Set(['submitted', 'filed', 'assigned', 'answered', 'closed', 'referred', 'rejected']));
    expect(n(s, `SELECT count(*) FROM congress_proposals p WHERE (SELECT count(*) FROM congress_proposal_cosigners c WHERE c.proposal_id = p.id) < 2`)).toBe(0);
    expect(n(s, `SELECT count(*) FROM congress_proposals WHERE round = 2 AND state = 'assigned'`)).toBe(1);
    expect(n(s, `SELECT count(*) FROM congress_proposal_hazards ph JOIN hazards h ON h.id = ph.hazard_id WHERE ph.created = 1 AND h.source = 'proposal'`)).toBe(1);

    // through the services: every change audited by the union officer, the chain whole, the schema unchanged
    const officer = s.db.prepare(`SELECT o.id FROM operators o JOIN workers w ON w.id = o.worker_id WHERE w.emp_no = 'AK000003'`).pluck().get();
    expect(n(s, `SELECT count(*) FROM audit_log WHERE entity LIKE 'congress%' AND actor_id IS NOT ?`, officer)).toBe(0);
    for (const [entity, action] of [['congress_term', 'create'], ['congress_member', 'recall'], ['congress_session', 'close'], ['congress_vote', 'announce'], ['congress_proposal', 'create']]) {
      expect(n(s, `SELECT count(*) FROM audit_log WHERE entity = ? AND action = ?`, entity, action), `${entity} ${action}`).toBeGreaterThan(0);
    }
    expect(verifyAuditChain(s.db)).toEqual([]);
    expect(compareSchema(s.db)).toEqual([]);

    // a second run refuses and changes nothing
    const audits = n(s, `SELECT count(*) FROM audit_log`);
    expect(() => generateDemoCongress(s)).toThrow();
    expect(n(s, `SELECT count(*) FROM audit_log`)).toBe(audits);
  });
});

describe('Store.bulkInsert', () => {
  it('a failure inside rolls back the rows and keeps the triggers', async () => {
    const s = await freshStore();
    generateDemo(s, 'small');
    const before = schema(s);
    const hazards = n(s, 'SELECT count(*) FROM hazards');
    expect(() =>
      s.bulkInsert('hazards', ['hazards_fts_ai', 'hazards_grams_ai'], () => {
        s.run(
          `INSERT INTO hazards (id, serial, found_at, found_date, source, category1, description, status, created_at, updated_at)
           VALUES ('h1', 'YH-2026-9999', '2026-01-05T09:00:00.000+08:00', '2026-01-05', 'self_check', 'material', '法兰渗漏测试', 'reported', 'x', 'x')`,
        );
        expect(n(s, 'SELECT count(*) FROM hazards')).toBe(hazards + 1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(schema(s)).toEqual(before);
    expect(n(s, 'SELECT count(*) FROM hazards')).toBe(hazards);
    expect(n(s, 'SELECT count(*) FROM hazards_fts_docsize')).toBe(0);
  });

  it('refuses triggers it cannot replay or that belong to another table', async () => {
    const s = await freshStore();
    expect(() => s.bulkInsert('hazards', ['hazard_stats_ai'], () => 0)).toThrow(/cannot replay/);
    expect(() => s.bulkInsert('hazards', ['workers_fts_ai'], () => 0)).toThrow(/is on workers/);
    expect(() => s.bulkInsert('hazards', ['no_such_trigger'], () => 0)).toThrow(/no trigger/);
    expect(schema(s).length).toBeGreaterThan(0);
  });

  it('replayInsertTrigger turns a one-statement trigger into INSERT … SELECT over the new rows', () => {
    expect(
      replayInsertTrigger(
        `CREATE TRIGGER t_ai AFTER INSERT ON t WHEN new.x IS NOT NULL BEGIN
           INSERT INTO t_fts (rowid, x) VALUES (new.rid, coalesce(new.x, ''));
         END`,
        't',
      ),
    ).toBe(`INSERT INTO t_fts (rowid, x) SELECT new.rid, coalesce(new.x, '') FROM "t" AS new WHERE new.rowid > ? AND (new.x IS NOT NULL) ORDER BY new.rowid`);
    expect(() => replayInsertTrigger(`CREATE TRIGGER a AFTER INSERT ON t BEGIN INSERT INTO x (a) VALUES (1); INSERT INTO y (b) VALUES (2); END`, 't')).toThrow();
    expect(() => replayInsertTrigger(`CREATE TRIGGER a AFTER UPDATE ON t BEGIN INSERT INTO x (a) VALUES (1); END`, 't')).toThrow();
  });
});
