// The subsidy module through the real dispatch: the scorecard of a year read from the other modules' records (wage
// scheme and approved runs, congress sessions, education activities, roster grades), the dossier read empty, saved,
// read back with each nominee's record of the year (hazards found, trainings and hours, proposals, wage paid), saved
// again (audited before → after), every refusal leaving the tables and the audit log unchanged, the role holders to
// nominate, and the dossier PDF read with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput } from '../../shared/contract';
import { addYears } from '../../shared/health/certs/rules';
import { localToday } from '../../shared/kernel/schemas';
import { addDays } from '../../shared/roster/certs';
import { caller, openTestCore, refusal, say, type Call, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const T = '2025-01-01T00:00:00.000Z';
const b64 = (b: Buffer) => b.toString('base64');

function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(['subsidy_dossiers', 'subsidy_nominees', 'audit_log'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const db = tc.core.store.db;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: team.id, skillGrade: 3, ...extra });
  const leader = await w('W001', '张班长', { roles: ['team_leader'] });
  const officer = await w('W002', '李安全', { roles: ['safety_officer'], gender: 'F' });
  const plain = await w('W003', '王普通', { skillGrade: null });
  const gone = await w('W004', '赵离职', { roles: ['team_leader'], status: 'left' });

  // the wage module: a scheme in effect since February 2025, two approved months and one replaced
  db.prepare(
    `INSERT INTO wage_schemes (id, name, version, state, content, adopted_on, effective_from, created_by_name, created_at, updated_at)
     VALUES ('sch1', '安全生产能级工资方案', 1, 'effective', '{}', '2025-01-20', '2025-02-01', '王主席', ?, ?)`,
  ).run(T, T);
  // a run is written while calculated, then approved (and one replaced): the lines are locked once approved
  const run = db.prepare(
    `INSERT INTO wage_runs (id, period, version, state, scheme_id, scheme_name, scheme_version, scheme_content, workers, total_fen, safety_paid, vetoes,
       calculated_at, calculated_by_name) VALUES (?, ?, ?, 'calculated', 'sch1', '安全生产能级工资方案', 1, '{}', ?, ?, ?, 0, ?, '王主席')`,
  );
  const line = db.prepare(`INSERT INTO wage_run_lines (run_id, worker_id, emp_no, name, total_fen, veto, components) VALUES (?, ?, ?, ?, ?, 0, '[]')`);
  const approve = db.prepare(`UPDATE wage_runs SET state = 'approved', reviewed_at = ?, approved_at = ? WHERE id = ?`);
  const lines = (r: string, a: number, b: number) => {
    line.run(r, leader.id, 'W001', '张班长', a);
    line.run(r, officer.id, 'W002', '李安全', b);
  };
  run.run('r1', '2025-03', 1, 2, 95_000, 2, T);
  lines('r1', 50_000, 45_000);
  approve.run(T, T, 'r1');
  run.run('r2', '2025-04', 1, 2, 1_000_000, 0, T);
  lines('r2', 999_999, 1);
  approve.run(T, T, 'r2');
  db.prepare(`UPDATE wage_runs SET state = 'replaced', replaced_at = ? WHERE id = 'r2'`).run(T);
  run.run('r3', '2025-04', 2, 3, 95_000, 2, T);
  lines('r3', 50_000, 45_000);
  approve.run(T, T, 'r3');

  // the congress: a session of 2025 closed
  db.prepare(`INSERT INTO congress_terms (id, number, start_date, end_date, created_at, updated_at) VALUES ('t1', 3, '2024-01-01', '2028-12-31', ?, ?)`).run(T, T);
  db.prepare(
    `INSERT INTO congress_sessions (id, term_id, seq, kind, date, period_from, period_to, status, hazard_snapshot, closed_at, created_at, updated_at)
     VALUES ('s1', 't1', 2, 'regular', '2025-03-20', '2024-03-01', '2025-03-20', 'closed', '{}', ?, ?, ?)`,
  ).run(T, T, T);

  // education: a re-training and a pre-shift meeting attended by the leader
  const act = db.prepare(`INSERT INTO edu_activities (id, kind, title, date, hours, entered_by_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '王主席', ?, ?)`);
  act.run('a1', 'retraining', '年度再培训', '2025-05-10', 8, T, T);
  act.run('a2', 'pre_shift', '班前会', '2025-05-11', 0.5, T, T);
  act.run('a3', 'retraining', '上年培训', '2024-05-10', 8, T, T);
  const att = db.prepare(`INSERT INTO edu_attendance (activity_id, worker_id, hours, source, created_at) VALUES (?, ?, ?, 'manual', ?)`);
  att.run('a1', leader.id, 6, T);
  att.run('a2', leader.id, null, T);
  att.run('a3', leader.id, null, T);

  // hazards found by the leader: one in 2025, one cancelled, one in 2024
  const hz = db.prepare(
    `INSERT INTO hazards (id, serial, found_at, found_date, finder_id, source, category1, description, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'self_check', 'material', '护栏松动', ?, ?, ?)`,
  );
  hz.run('h1', 'YH-2025-0001', '2025-06-01T09:00', '2025-06-01', leader.id, 'reported', T, T);
  hz.run('h2', 'YH-2025-0002', '2025-06-02T09:00', '2025-06-02', leader.id, 'cancelled', T, T);
  hz.run('h3', 'YH-2024-0001', '2024-06-02T09:00', '2024-06-02', leader.id, 'reported', T, T);

  // an accident of 2024 (in the last three years of 2025) and one of 2021 (not)
  const acc = db.prepare(`INSERT INTO wage_accidents (id, date, place, severity, description, entered_by_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '王主席', ?, ?)`);
  acc.run('x1', '2024-08-01', '合成车间', 'minor_injury', '搬运时扭伤手腕', T, T);
  acc.run('x2', '2021-08-01', '仓库', 'near_miss', '叉车险些碰撞', T, T);

  return { admin, db, leader, officer, plain, gone };
}

/** a photo of its own colour (the same bytes would be the same attachment) */
async function photo(admin: Call, background = '#33aa77'): Promise<string> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background } }).png().toBuffer();
  return (await admin('attachments.upload', { fileName: '活动照片.png', dataBase64: b64(png) })).id;
}

describe('subsidy scorecard', () => {
  it('reads the year from the records: wage, congress, education, roster; a bad year refused', async () => {
    const { admin } = await world();
    const card = await admin('subsidy.scorecard', { year: 2025 });
    expect(card.year).toBe(2025);
    expect(card.asOf).toBe('2025-12-31');
    expect(card.criteria.map((c) => c.criterion)).toEqual(['education', 'capability', 'wage', 'congress', 'health']);
    const by = Object.fromEntries(card.criteria.map((c) => [c.criterion, c]));
    const fig = (c: string, key: string) => by[c]!.figures.find((f) => f.key === key)?.value;
    // the wage: the effective scheme, two approved months (the replaced run not counted), 4 of 5 worker-months safety
    expect(fig('wage', 'subsidy.fig.scheme')).toBe('安全生产能级工资方案（v1）');
    expect(fig('wage', 'subsidy.fig.approvedMonths')).toBe(2);
    expect(fig('wage', 'subsidy.fig.safetyShare')).toBeCloseTo(4 / 5);
    expect(fig('wage', 'subsidy.fig.perHead')).toBe(38_000);
    expect(by.wage!.light).toBe('amber');
    expect(by.wage!.reasons).toContainEqual({ key: 'subsidy.why.fewRuns', level: 'amber', params: { n: 2, need: 12 } });
    // the congress: the closed session by its name, with its minutes as evidence
    expect(by.congress!.light).toBe('green');
    expect(fig('congress', 'subsidy.fig.sessionsNames')).toBe('第3届第2次职工代表大会（2025-03-20）');
    expect(by.congress!.evidence[1]).toEqual({ key: 'subsidy.ev.minutes', params: { name: '第3届第2次职工代表大会' }, link: { page: 'congress', id: 'sessions' } });
    // the roster: 3 active workers (the admin operator's worker too), of them graded
    expect(fig('capability', 'subsidy.fig.graded')).not.toBeNull();
    // education: the year's two activities (not the one of 2024)
    expect(by.education!.unavailable).toBe(false);
    expect(fig('education', 'subsidy.fig.activities')).toBe(2);
    expect(card.green).toBe(card.criteria.filter((c) => c.light === 'green').length);

    const bad = await refusal(admin('subsidy.scorecard', { year: 1999 }));
    expect(bad.details?.issues).toEqual([{ path: 'year', message: 'v.subsidy.year' }]);
  });

  it("an enterprise with nothing to judge: health 'none' (no data), not green; a review-overdue certificate is lapsed", async () => {
    tc = await openTestCore();
    const admin = tc.call as Call;
    const year = Number(localToday().slice(0, 4));
    const fresh = await admin('subsidy.scorecard', { year });
    const health = fresh.criteria.find((c) => c.criterion === 'health')!;
    expect([health.light, health.reasons]).toEqual(['none', [{ key: 'subsidy.none.health' }]]);
    expect(fresh.green).toBe(0);
    // a certificate past its review date (not expired): lapsed in the capability criterion, not “review due”
    const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '机修车间' });
    const w = await admin('workers.create', { empNo: 'E001', name: '钱电工', gender: 'M', orgUnitId: ws.id, skillGrade: 3 });
    const back = (days: number) => addDays(localToday(), -days);
    await admin('health.certCreate', { workerId: w.id, category: 'electrician', certNo: 'T-OVER', issueDate: addYears(back(5), -3), expiryDate: addDays(localToday(), 900) });
    const cap = (await admin('subsidy.scorecard', { year })).criteria.find((c) => c.criterion === 'capability')!;
    const fig = Object.fromEntries(cap.figures.map((f) => [f.key, f.value]));
    expect(fig).toMatchObject({ 'subsidy.fig.certsTotal': 1, 'subsidy.fig.certsCurrent': 0, 'subsidy.fig.certsWindow': 0, 'subsidy.fig.certsLapsed': 1 });
    expect(cap.light).toBe('red');
    expect(cap.reasons).toContainEqual({ key: 'subsidy.why.certsLapsedMany', level: 'red', params: { n: 1, expired: 0, overdue: 1, pct: 100 } });
    expect(say({ message: cap.reasons.find((r) => r.key === 'subsidy.why.certsLapsedMany')!.key, params: { n: 1, expired: 0, overdue: 1, pct: 100 } })).toContain('逾期未复审 1 本');
    // the dossier says so too, and the grey light reads 无数据
    const ref = await admin('subsidy.dossierPdf', { year });
    const file = path.join(tc.dir, 'empty.pdf');
    fs.writeFileSync(file, tc.fileBytes(ref));
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('无数据');
    expect(text).toContain('无可评价的记录：本年度没有接触职业病危害的职工');
    expect(text).toContain('已失效1本（已过期0本，逾期未复审1本');
  });
});

describe('subsidy dossier', () => {
  it('reads empty, saves, reads back with the nominees’ records, saves again audited', async () => {
    const { admin, db, leader, officer } = await world();
    const empty = await admin('subsidy.dossier', { year: 2025 });
    expect(empty).toMatchObject({ year: 2025, id: null, photoIds: [], nominees: [], updatedAt: null });
    expect(empty.enterprise.name).toBe('测试化工有限公司');
    expect(empty.fields).toEqual({ contactName: null, contactPhone: null, leadership: null, summary: null, amountFen: null });
    expect(empty.accidents).toMatchObject({ from: '2023-01-01', to: '2025-12-31', total: 1, bySeverity: { minor_injury: 1, near_miss: 0 } });
    expect(empty.accidents.list[0]).toEqual({ date: '2024-08-01', place: '合成车间', severity: 'minor_injury', description: '搬运时扭伤手腕' });

    // the year's activity photos are offered (not those of an activity of another year); a photo chosen is kept among them
    const q = await photo(admin, '#aa3333');
    const old = await photo(admin, '#3333aa');
    db.prepare(`INSERT INTO edu_activity_photos (activity_id, attachment_id) VALUES ('a1', ?), ('a3', ?)`).run(q, old);
    expect((await admin('subsidy.dossier', { year: 2025 })).photoChoices).toEqual([q]);
    const p = await photo(admin);
    const saved = await admin('subsidy.dossierSave', {
      year: 2025,
      contactName: ' 王主席 ',
      contactPhone: '0523-8888',
      leadership: '安全生产委员会：主任 总经理',
      summary: '全年开展教育活动……',
      amountYuan: 123456.78,
      photoIds: [p],
      nominees: [
        { workerId: officer.id, role: 'safety_officer', reason: '隐患排查突出' },
        { workerId: leader.id, role: 'team_leader' },
      ],
    });
    expect(saved.id).not.toBeNull();
    expect(saved.fields).toEqual({ contactName: '王主席', contactPhone: '0523-8888', leadership: '安全生产委员会：主任 总经理', summary: '全年开展教育活动……', amountFen: 12_345_678 });
    expect(saved.photoIds).toEqual([p]);
    // the chosen first (in the PDF's order), then the year's others
    expect(saved.photoChoices).toEqual([p, q]);
    expect(saved.nominees.map((n) => [n.empNo, n.role, n.reason, n.stale])).toEqual([
      ['W002', 'safety_officer', '隐患排查突出', false],
      ['W001', 'team_leader', null, false],
    ]);
    expect(saved.nominees[1]!.record).toEqual({ hazardsFound: 1, trainings: 1, trainingHours: 6, preShift: 1, proposals: 0, wageFen: 100_000 });
    expect(saved.nominees[0]!.record.wageFen).toBe(90_000);
    expect(await admin('subsidy.dossier', { year: 2025 })).toEqual(saved);

    const again = await admin('subsidy.dossierSave', { year: 2025, summary: '改写', nominees: [{ workerId: leader.id, role: 'team_leader', reason: '班组零事故' }] });
    expect(again.id).toBe(saved.id);
    expect(again.fields.amountFen).toBeNull();
    expect(again.nominees.map((n) => n.name)).toEqual(['张班长']);
    expect(db.prepare(`SELECT count(*) FROM subsidy_nominees`).pluck().get()).toBe(1);
    const audits = db.prepare(`SELECT action, before, after FROM audit_log WHERE entity = 'subsidy_dossier' ORDER BY seq`).all() as { action: string; before: string | null; after: string }[];
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audits[1]!.before!).nominees).toHaveLength(2);
    expect(JSON.parse(audits[1]!.after).nominees).toEqual([{ workerId: leader.id, name: '张班长', role: 'team_leader', reason: '班组零事故' }]);

    // a nominee who later loses the role on the roster is kept and marked
    await admin('workers.update', { id: leader.id, data: { empNo: 'W001', name: '张班长', gender: 'M', orgUnitId: (await admin('workers.get', { id: leader.id })).teamId, roles: [] } as never });
    expect((await admin('subsidy.dossier', { year: 2025 })).nominees[0]!.stale).toBe(true);
  });

  it("the photos: only the year's, each with its source (activity, wall update, upload); one of another year refused", async () => {
    const { admin, db } = await world();
    const q = await photo(admin, '#aa3333'); // the 2025 re-training
    const old = await photo(admin, '#3333aa'); // only the 2024 training
    const both = await photo(admin, '#33aaaa'); // on both: the 2025 one is its source
    const onWall = await photo(admin, '#aaaa33'); // a wall update of 2025
    const up = await photo(admin); // uploaded on the dossier
    db.prepare(`INSERT INTO edu_activity_photos (activity_id, attachment_id) VALUES ('a1', ?), ('a3', ?), ('a3', ?), ('a1', ?)`).run(q, old, both, both);
    const ws = db.prepare(`SELECT id FROM org_units WHERE name = '合成车间'`).pluck().get() as string;
    db.prepare(`INSERT INTO edu_walls (id, org_unit_id, name, location, created_at, updated_at) VALUES ('wl1', ?, NULL, '车间走廊', ?, ?)`).run(ws, T, T);
    db.prepare(`INSERT INTO edu_wall_updates (id, wall_id, date, entered_by_name, created_at, updated_at) VALUES ('wu1', 'wl1', '2025-09-01', '王主席', ?, ?)`).run(T, T);
    db.prepare(`INSERT INTO edu_wall_photos (update_id, attachment_id) VALUES ('wu1', ?)`).run(onWall);

    const d = await admin('subsidy.dossier', { year: 2025 });
    expect([...d.photoChoices].sort()).toEqual([q, both, onWall].sort());
    expect(d.photoChoices).not.toContain(old);
    expect(d.photoSources[q]).toEqual({ kind: 'activity', title: '年度再培训', date: '2025-05-10' });
    expect(d.photoSources[both]).toEqual({ kind: 'activity', title: '年度再培训', date: '2025-05-10' });
    expect(d.photoSources[onWall]).toEqual({ kind: 'wall', wall: '合成车间 车间走廊文化墙', date: '2025-09-01' });

    // a photo of the 2024 training only: refused, naming it; nothing written
    const before = tables(tc!.core);
    const r = await refusal(admin('subsidy.dossierSave', { year: 2025, photoIds: [q, old] }));
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toBe('err.subsidy.photoOtherYear');
    expect(r.details?.issues).toEqual([{ path: 'photoIds.1', message: 'v.subsidy.photoOtherYear' }]);
    expect(say(r)).toBe('第 2 张照片是 2024-05-10 的活动或文化墙照片，不属于 2025 年度：请取消勾选');
    expect(tables(tc!.core)).toBe(before);

    // the year's photos and one uploaded here are saved, each with its source; the PDF captions them in that order
    const saved = await admin('subsidy.dossierSave', { year: 2025, photoIds: [onWall, both, up] });
    expect(saved.photoIds).toEqual([onWall, both, up]);
    expect(saved.photoSources[up]).toMatchObject({ kind: 'upload' });
    const file = path.join(tc!.dir, 'photos.pdf');
    fs.writeFileSync(file, tc!.fileBytes(await admin('subsidy.dossierPdf', { year: 2025 })));
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('照片1合成车间车间走廊文化墙（2025-09-01更新）');
    expect(text).toContain('照片2年度再培训（2025-05-10）');
    expect(text).toMatch(/照片3在申报材料中上传（\d{4}-\d\d-\d\d）/);
  });

  it('the PDF’s nominees (附件二): a wide reason column, every cell of a row centred alike (pdftotext -bbox)', async () => {
    const { admin, leader, db } = await world();
    db.prepare(`UPDATE org_units SET name = '合成二车间（北区）' WHERE name = '合成车间'`).run();
    const reason = '带领班组坚持班前会和“手指口述”，全年班组无违章、无事故，班组安全文化墙按月更新，组织班组成员参加应急演练和岗位练兵活动';
    await admin('subsidy.dossierSave', { year: 2025, nominees: [{ workerId: leader.id, role: 'team_leader', reason }] });
    const file = path.join(tc!.dir, 'nominees.pdf');
    fs.writeFileSync(file, tc!.fileBytes(await admin('subsidy.dossierPdf', { year: 2025 })));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const xml = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-bbox', file, '-'], { encoding: 'utf8' });
    const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      y0: Number(m[2]),
      y1: Number(m[4]),
      text: m[5]!,
    }));
    const header = words.find((w) => w.text === '推荐理由')!;
    expect(header).toBeDefined();
    // the reason's lines: the words right of its header's column start, below the header
    const reasonWords = words.filter((w) => w.x >= header.x - 60 && w.y0 > header.y1 + 4 && w.y0 < header.y1 + 200 && !/^[\d,.]+$/.test(w.text));
    const lines = [...new Set(reasonWords.map((w) => w.y0))];
    expect(reasonWords.map((w) => w.text).join('')).toContain('按月更新');
    expect(lines.length, 'the reason wraps in a few lines, not a narrow column').toBeLessThanOrEqual(5);
    // every cell's text block sits in the middle of the row: the name and 工号, the workshop and team (three lines),
    // the role, a figure, the reason
    const mid = (ws: { y0: number; y1: number }[]) => (Math.min(...ws.map((w) => w.y0)) + Math.max(...ws.map((w) => w.y1))) / 2;
    const block = (...texts: string[]) => words.filter((w) => texts.some((t) => w.text.startsWith(t)) && w.y0 > header.y1);
    const rowMid = mid(reasonWords);
    for (const [what, ws] of [
      ['name', block('张班长', 'W001')],
      ['unit', block('合成二车', '间', '（北区）', '甲班')],
      ['role', block('班组长')],
    ] as const) {
      expect(ws.length, what).toBeGreaterThan(0);
      expect(Math.abs(mid(ws) - rowMid), what).toBeLessThan(2);
    }
  });

  it('every refusal leaves the dossier, its nominees and the audit log unchanged', async () => {
    const { admin, plain, gone, leader, officer } = await world();
    await admin('subsidy.dossierSave', { year: 2025, summary: '初稿', nominees: [{ workerId: leader.id, role: 'team_leader' }] });
    const before = tables(tc!.core);
    const doc = (await admin('attachments.uploadDocument', { fileName: '说明.pdf', dataBase64: b64(Buffer.from('%PDF-1.4\n%%EOF\n')) })).id;
    const afterUpload = tables(tc!.core);
    const cases: [ChannelInput<'subsidy.dossierSave'>, string][] = [
      [{ year: 2025, nominees: [{ workerId: plain.id, role: 'team_leader' }] }, 'err.subsidy.nomineeNoRole'],
      [{ year: 2025, nominees: [{ workerId: gone.id, role: 'team_leader' }] }, 'err.subsidy.nomineeLeft'],
      [{ year: 2025, nominees: [{ workerId: 'nobody', role: 'team_leader' }] }, 'err.subsidy.nomineeUnknown'],
      [{ year: 2025, nominees: [{ workerId: officer.id, role: 'team_leader' }] }, 'err.subsidy.nomineeNoRole'],
      [{ year: 2025, photoIds: [doc] }, 'err.attachment.notImage'],
      [{ year: 2025, photoIds: ['missing'] }, 'err.photo.notFound'],
    ];
    for (const [input, message] of cases) {
      const r = await refusal(admin('subsidy.dossierSave', input));
      expect(r.message, JSON.stringify(input)).toBe(message);
      expect(tables(tc!.core)).toBe(afterUpload);
    }
    const noRole = await refusal(admin('subsidy.dossierSave', { year: 2025, nominees: [{ workerId: plain.id, role: 'team_leader' }] }));
    expect(say(noRole)).toBe('王普通 在花名册中不是“班组长”，请先在花名册中设置安全职责');
    expect(say(noRole, 'en')).toBe('王普通 does not hold “Team leader” on the roster: set it there first');
    const twice = await refusal(admin('subsidy.dossierSave', { year: 2025, nominees: [{ workerId: leader.id, role: 'team_leader' }, { workerId: leader.id, role: 'team_leader' }] }));
    expect(twice.details?.issues).toEqual([{ path: 'nominees.1.workerId', message: 'v.subsidy.nomineeTwice' }]);
    const amount = await refusal(admin('subsidy.dossierSave', { year: 2025, amountYuan: 1.234 }));
    expect(amount.details?.issues).toEqual([{ path: 'amountYuan', message: 'v.subsidy.amount' }]);
    expect((await refusal(admin('subsidy.dossierSave', { year: 2025, amountYuan: -1 }))).details?.issues?.[0]?.message).toBe('v.subsidy.amount');
    expect(tables(tc!.core)).toBe(afterUpload);
    expect(before).not.toBe(afterUpload); // the upload itself is audited

    // a safety officer (not a union officer) reads but does not write
    const asSo = caller(tc!.core);
    await asSo.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: officer.id })).id });
    const mid = tables(tc!.core);
    expect((await asSo.call('subsidy.dossier', { year: 2025 })).fields.summary).toBe('初稿');
    expect((await refusal(asSo.call('subsidy.dossierSave', { year: 2025, summary: '改' }))).message).toBe('err.subsidy.notWriter');
    expect(tables(tc!.core)).toBe(mid);
  });

  it('role holders to nominate: active holders of the role with their record, searched by name or 工号', async () => {
    const { admin, leader } = await world();
    const leaders = await admin('subsidy.nomineeCandidates', { year: 2025, role: 'team_leader' });
    expect(leaders.map((c) => c.empNo)).toEqual(['W001']);
    expect(leaders[0]).toMatchObject({ workerId: leader.id, name: '张班长', workshopName: '合成车间', teamName: '甲班', roles: ['team_leader'] });
    expect(leaders[0]!.record.hazardsFound).toBe(1);
    expect((await admin('subsidy.nomineeCandidates', { year: 2024, role: 'team_leader' }))[0]!.record).toMatchObject({ hazardsFound: 1, trainings: 1, trainingHours: 8, wageFen: 0 });
    expect((await admin('subsidy.nomineeCandidates', { year: 2025, role: 'safety_officer', search: 'w002' })).map((c) => c.name)).toEqual(['李安全']);
    expect(await admin('subsidy.nomineeCandidates', { year: 2025, role: 'safety_officer', search: '张' })).toEqual([]);
  });

  it('the dossier PDF: application, scorecard, evidence annex with charts and photos, nominees (pdftotext)', async () => {
    const { admin, leader, db } = await world();
    const p = await photo(admin);
    // the photo shows the year's re-training: its caption says so, with the date
    db.prepare(`INSERT INTO edu_activity_photos (activity_id, attachment_id) VALUES ('a1', ?)`).run(p);
    await admin('subsidy.dossierSave', {
      year: 2025,
      contactName: '王主席',
      leadership: '安全生产委员会由总经理任主任',
      summary: '坚持班前会制度，全年零死亡',
      amountYuan: 50000,
      photoIds: [p],
      nominees: [{ workerId: leader.id, role: 'team_leader', reason: '班组安全标兵' }],
    });
    const ref = await admin('subsidy.dossierPdf', { year: 2025 });
    expect(ref.fileName).toBe('2025年度安全赋能奖补申报材料.pdf');
    const file = path.join(tc!.dir, 'dossier.pdf');
    fs.writeFileSync(file, tc!.fileBytes(ref));
    // SUBSIDY_PDF_OUT=<file>: keep a copy to look at
    if (process.env.SUBSIDY_PDF_OUT) fs.copyFileSync(file, process.env.SUBSIDY_PDF_OUT);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const want of [
      '2025年度安全赋能奖补资金申报书',
      '测试化工有限公司',
      '安全生产委员会由总经理任主任',
      '坚持班前会制度，全年零死亡',
      '50,000.00元',
      '共1起：死亡0起，重伤0起，轻伤1起，未遂事件0起',
      '搬运时扭伤手腕',
      '日常教育扎实',
      '能级工资见效',
      '职代会按期召开',
      '第3届第2次职工代表大会',
      '图12025年安全教育活动',
      '年度再培训',
      '图4各月获安全类项目的职工占比',
      '2025-03',
      '活动照片（1张）',
      '照片1年度再培训（2025-05-10）',
      '附件二：拟奖励人员（1名）',
      '张班长',
      '班组安全标兵',
      '企业工会意见（盖章）',
    ])
      expect(text, want).toContain(want);
    // the accident detail sits in section 三 (numbered), not between 五 and 六
    const at = (w: string) => text.indexOf(w);
    expect(at('三、近三年生产安全事故情况')).toBeLessThan(at('搬运时扭伤手腕'));
    expect(at('搬运时扭伤手腕')).toBeLessThan(at('四、安全生产工作开展情况及成效'));
    expect(text).not.toContain('近三年事故明细');
    // the opinions never sit alone on a page: with the application (here), or the self-assessment follows them
    const page = (n: number) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const opinions = page([1, 2].find((n) => page(n).includes('六、审核意见'))!);
    expect(opinions.includes('五、申请奖补金额') || opinions.includes('七、2025年度准备度自评')).toBe(true);
    // the self-assessment's heading is never left at a page's foot without its first criterion
    const scorecard = page([1, 2].find((n) => page(n).includes('七、2025年度准备度自评'))!);
    expect(scorecard).toContain('日常教育扎实');
    // the wage table's title is whole (no “…”), the scheme on its own line
    expect(text).toContain('能级工资执行情况执行方案：安全生产能级工资方案（第1版，2025-02-01起）');
    expect(text).not.toContain('…');
  });
});
