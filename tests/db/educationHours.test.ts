// Hours of safety education against the requirement (issue 10, "Hours per worker against the requirement"): the
// requirement table and the sector (edited by the editors, audited, refusals change nothing), the hours per worker
// and year with the gaps by workshop and team, one worker's training, the training file PDF (pdftotext), the wage
// indicator source 'training.hours' and educationYearFacts — through the real dispatch. The activities and attendance
// are written with SQL (the activities area's tables).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { educationYearFacts } from '../../electron/core/education/facts';
import { setQuiet } from '../../electron/core/log';
import { gatherInputs } from '../../electron/core/wage/runs/inputs';
import type { ChannelInput } from '../../shared/contract';
import type { SchemeContent } from '../../shared/wage/schemes/types';
import { type Call, caller, openTestCore, refusal, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify([
    db.prepare(`SELECT * FROM edu_requirements ORDER BY sector, role`).all(),
    db.prepare(`SELECT * FROM settings WHERE key = 'education.sector'`).all(),
    db.prepare(`SELECT count(*) FROM audit_log`).pluck().get(),
  ]);
}

let seq = 0;
function activity(core: Core, a: { kind: string; level?: string | null; title?: string; date: string; hours: number; deleted?: boolean; unitId?: string | null }, attendees: (string | { id: string; hours?: number; score?: number; passed?: boolean })[]): string {
  const id = `act-${++seq}`;
  const db = core.store.db;
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO edu_activities (id, kind, level, title, date, hours, host, org_unit_id, content, entered_by_name, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, '安全科', ?, ?, '王主席', ?, ?, ?)`,
  ).run(id, a.kind, a.level ?? null, a.title ?? `${a.kind} ${a.date}`, a.date, a.hours, a.unitId ?? null, '安全生产法、操作规程', now, now, a.deleted ? now : null);
  const ins = db.prepare(`INSERT INTO edu_attendance (activity_id, worker_id, hours, score, passed, source, created_at) VALUES (?, ?, ?, ?, ?, 'manual', ?)`);
  for (const x of attendees) {
    const o = typeof x === 'string' ? { id: x } : x;
    ins.run(id, o.id, o.hours ?? null, o.score ?? null, o.passed === undefined ? null : o.passed ? 1 : 0, now);
  }
  return id;
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const core = tc.core;
  const ws1 = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const t1 = await admin('org.create', { kind: 'team', parentId: ws1.id, name: '甲班' });
  const t2 = await admin('org.create', { kind: 'team', parentId: ws1.id, name: '乙班' });
  const ws2 = await admin('org.create', { kind: 'workshop', parentId: null, name: '维修车间' });
  const t3 = await admin('org.create', { kind: 'team', parentId: ws2.id, name: '丙班' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) => admin('workers.create', { empNo, name, gender: 'M', orgUnitId: t1.id, ...extra });
  const n1 = await w('N001', '新工甲', { hireDate: '2025-03-01' });
  const n2 = await w('N002', '新工乙', { hireDate: '2025-09-01', orgUnitId: t2.id });
  const o1 = await w('O001', '老工甲', { hireDate: '2018-01-01' });
  const o2 = await w('O002', '老工乙', { orgUnitId: t3.id });
  const m1 = await w('M001', '管理丙', { hireDate: '2015-01-01', orgUnitId: t3.id, isManager: true });
  const l1 = await w('L001', '离职丁', { hireDate: '2010-01-01', orgUnitId: t2.id });
  await admin('workers.update', { id: l1.id, data: { empNo: 'L001', name: '离职丁', gender: 'M', orgUnitId: t2.id, hireDate: '2010-01-01', status: 'left' } });

  const a1 = activity(core, { kind: 'three_level', level: 'company', title: '厂级安全教育', date: '2025-02-20', hours: 8 }, [{ id: n1.id, score: 92, passed: true }]);
  const a2 = activity(core, { kind: 'three_level', level: 'workshop', title: '车间级安全教育', date: '2025-03-05', hours: 8, unitId: ws1.id }, [n1.id]);
  const a3 = activity(core, { kind: 'three_level', level: 'team', title: '班组级安全教育', date: '2026-02-27', hours: 8, unitId: t1.id }, [n1.id]);
  const a4 = activity(core, { kind: 'retraining', title: '年度再培训', date: '2025-05-10', hours: 4 }, [{ id: o1.id, hours: 6 }, o2.id, l1.id]);
  activity(core, { kind: 'pre_shift', title: '班前会', date: '2025-05-11', hours: 0.5, unitId: t1.id }, [o1.id, n1.id]);
  activity(core, { kind: 'manager', title: '管理人员再培训', date: '2025-06-01', hours: 12 }, [m1.id]);
  activity(core, { kind: 'drill', title: '消防演练', date: '2025-12-31', hours: 2 }, [o1.id]);
  activity(core, { kind: 'retraining', title: '次年再培训', date: '2026-01-01', hours: 3 }, [o1.id]);
  activity(core, { kind: 'retraining', title: '已删除的培训', date: '2025-07-01', hours: 50, deleted: true }, [o1.id, n2.id]);
  return { admin, core, w, ws1, ws2, t1, t2, t3, n1, n2, o1, o2, m1, l1, a1, a2, a3, a4 };
}

const byEmp = (rows: { empNo: string }[]) => Object.fromEntries(rows.map((r) => [r.empNo, r]));

describe('hours against the requirement', () => {
  it('general sector: a new worker’s three-level education within the first year, a manager’s own training; no fixed minimum for the yearly re-training', async () => {
    const { admin } = await world();
    const r = await admin('education.hours', { year: 2025 });
    expect(r).toMatchObject({ year: 2025, sector: 'general', asOf: '2025-12-31', total: 7 });
    const rows = byEmp(r.rows);
    // 8 (20 Feb, 9 days before the hire) + 8 + 8 (27 Feb 2026, within the first year)
    expect(rows.N001).toMatchObject({ role: 'new_worker', required: 24, counted: 24, gap: 0, meets: true, yearHours: 16, meetings: 1, workshopName: '合成车间', teamName: '甲班' });
    // the deleted activity never counts
    expect(rows.N002).toMatchObject({ role: 'new_worker', required: 24, counted: 0, gap: 24, meets: false, yearHours: 0 });
    // the worker's own hours (6) instead of the activity's; the pre-shift meeting is a meeting; 2026 is not 2025
    expect(rows.O001).toMatchObject({ role: 'worker_yearly', required: 0, applies: false, counted: 8, yearHours: 8, meetings: 1 });
    expect(rows.O002).toMatchObject({ role: 'worker_yearly', counted: 4, applies: false });
    expect(rows.M001).toMatchObject({ role: 'manager_yearly', required: 12, counted: 12, meets: true, isManager: true });
    // left today: still on the roster at the end of 2025
    expect(rows.L001).toMatchObject({ role: 'worker_yearly', counted: 4 });
    // the first operator (A0001, no hire date) is on the roster too
    expect(rows.A0001).toMatchObject({ role: 'worker_yearly', applies: false, workshopName: null });
    expect(r.summary).toEqual({ workers: 7, required: 3, meeting: 2, below: 1, gapHours: 24, personHours: 16 + 6 + 4 + 4 + 12 + 2 });
  });

  it('high-risk sector and an edited requirement change every gap; gaps by workshop and team; filters and paging', async () => {
    const { admin, ws1, t1, t2, t3 } = await world();
    const view = await admin('education.sectorSave', { sector: 'high_risk' });
    expect(view.sector).toBe('high_risk');
    let rows = byEmp((await admin('education.hours', { year: 2025 })).rows);
    expect(rows.N001).toMatchObject({ required: 72, counted: 24, gap: 48 });
    expect(rows.O001).toMatchObject({ required: 20, counted: 8, gap: 12, applies: true });
    expect(rows.O002).toMatchObject({ required: 20, counted: 4, gap: 16 });
    expect(rows.M001).toMatchObject({ required: 16, counted: 12, gap: 4 });
    const saved = await admin('education.requirementSave', { sector: 'high_risk', role: 'new_worker', hours: 30.5 });
    expect(saved.rows.find((x) => x.sector === 'high_risk' && x.role === 'new_worker')?.hours).toBe(30.5);
    expect(saved.rows).toHaveLength(8);
    const r = await admin('education.hours', { year: 2025 });
    rows = byEmp(r.rows);
    expect(rows.N001).toMatchObject({ required: 30.5, gap: 6.5 });
    expect(r.summary).toMatchObject({ workers: 7, required: 7, meeting: 0, below: 7 });
    const unit = (id: string) => r.units.find((u) => u.unitId === id);
    expect(r.units.map((u) => u.name)).toEqual(['合成车间', '甲班', '乙班', '维修车间', '丙班']);
    // 甲班: N001 6.5 + O001 12; 乙班: N002 30.5 + L001 16
    expect(unit(t1.id)).toMatchObject({ kind: 'team', parentName: '合成车间', workers: 2, required: 2, below: 2, gapHours: 18.5 });
    expect(unit(t2.id)).toMatchObject({ workers: 2, gapHours: 46.5 });
    expect(unit(ws1.id)).toMatchObject({ kind: 'workshop', workers: 4, below: 4, gapHours: 65 });
    expect(unit(t3.id)).toMatchObject({ workers: 2, gapHours: 20 });

    expect((await admin('education.hours', { year: 2025, teamId: t3.id })).rows.map((x) => x.empNo)).toEqual(['M001', 'O002']);
    expect((await admin('education.hours', { year: 2025, workshopId: ws1.id, search: '新工' })).rows.map((x) => x.empNo)).toEqual(['N001', 'N002']);
    expect((await admin('education.hours', { year: 2025, search: 'o00' })).rows.map((x) => x.empNo)).toEqual(['O001', 'O002']);
    const p2 = await admin('education.hours', { year: 2025, pageSize: 4, page: 2 });
    expect(p2).toMatchObject({ total: 7, page: 2 });
    expect(p2.rows.map((x) => x.empNo)).toEqual(['N002', 'O001', 'O002']);
    // back to the seeded 72: only the gaps
    await admin('education.requirementSave', { sector: 'high_risk', role: 'new_worker', hours: 72 });
    await admin('education.requirementSave', { sector: 'high_risk', role: 'manager_yearly', hours: 12 });
    expect((await admin('education.hours', { year: 2025, onlyGaps: true })).rows.map((x) => x.empNo)).toEqual(['A0001', 'L001', 'N001', 'N002', 'O001', 'O002']);
  });

  it('the current year lists the workers on the roster today: the one who left is gone; a new worker of last year has the yearly requirement', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-30T10:00:00'));
    try {
      const { admin } = await world();
      const r = await admin('education.hours', { year: 2026 });
      expect(r.asOf).toBe('2026-06-30');
      expect(r.rows.map((x) => x.empNo)).not.toContain('L001');
      // the three-level education of February 2026 finished last year's requirement; it is not re-training
      expect(byEmp(r.rows).N001).toMatchObject({ role: 'worker_yearly', counted: 0, yearHours: 8 });
      expect(byEmp(r.rows).O001).toMatchObject({ counted: 3, yearHours: 3 });
      // left today: listed for 2025 (on the roster at its end)
      expect((await admin('education.hours', { year: 2025 })).rows.map((x) => x.empNo)).toContain('L001');
    } finally {
      vi.useRealTimers();
    }
  });

  it('edits are audited; the same value again writes nothing', async () => {
    const { admin, core } = await world();
    await admin('education.requirementSave', { sector: 'general', role: 'worker_yearly', hours: 8 });
    await admin('education.requirementSave', { sector: 'general', role: 'worker_yearly', hours: 8 });
    await admin('education.sectorSave', { sector: 'high_risk' });
    await admin('education.sectorSave', { sector: 'high_risk' });
    const log = core.store.db.prepare(`SELECT entity, entity_id, action, before, after FROM audit_log WHERE entity IN ('edu_requirement', 'setting') ORDER BY seq`).all();
    expect(log).toEqual([
      { entity: 'edu_requirement', entity_id: 'general/worker_yearly', action: 'update', before: JSON.stringify({ sector: 'general', role: 'worker_yearly', hours: 0 }), after: JSON.stringify({ sector: 'general', role: 'worker_yearly', hours: 8 }) },
      { entity: 'setting', entity_id: 'education.sector', action: 'update', before: JSON.stringify({ sector: 'general' }), after: JSON.stringify({ sector: 'high_risk' }) },
    ]);
    expect((await admin('education.requirements', {})).rows.find((x) => x.role === 'worker_yearly' && x.sector === 'general')?.hours).toBe(8);
  });

  it('refusals change nothing: hours out of range or with two decimals, unknown sector or role, a writer who is not an editor', async () => {
    const { admin, core, t1 } = await world();
    const before = tables(core);
    for (const hours of [-1, 500.5, 1.25, Number.NaN]) {
      const e = await refusal(admin('education.requirementSave', { sector: 'general', role: 'new_worker', hours }));
      expect(e.code).toBe('VALIDATION');
      expect(e.details?.issues?.[0]).toMatchObject({ path: 'hours', message: 'v.education.requirementHours' });
    }
    expect((await refusal(admin('education.requirementSave', { sector: 'mining', role: 'new_worker', hours: 1 } as never))).code).toBe('VALIDATION');
    expect((await refusal(admin('education.requirementSave', { sector: 'general', role: 'boss', hours: 1 } as never))).code).toBe('VALIDATION');
    expect((await refusal(admin('education.sectorSave', { sector: 'x' } as never))).code).toBe('VALIDATION');
    expect((await refusal(admin('education.hours', { year: 1999 }))).details?.issues?.[0]).toMatchObject({ path: 'year', message: 'v.education.year' });
    const tl = await admin('workers.create', { empNo: 'T001', name: '孙班长', gender: 'M', orgUnitId: t1.id, roles: ['team_leader'] });
    const op = await admin('operators.add', { workerId: tl.id });
    const asTl = caller(core);
    await asTl.call('session.signIn', { operatorId: op.id });
    const b2 = tables(core);
    for (const p of [asTl.call('education.requirementSave', { sector: 'general', role: 'new_worker', hours: 30 }), asTl.call('education.sectorSave', { sector: 'high_risk' })]) {
      expect(await refusal(p)).toMatchObject({ code: 'FORBIDDEN', message: 'err.education.hours.editorsOnly' });
    }
    expect(tables(core)).toBe(b2);
    // reading is for anyone signed in
    expect((await asTl.call('education.hours', { year: 2025 })).total).toBe(8);
    expect(before).not.toBe(b2); // the team leader's creation was audited
  });
});

describe("a worker's training and training file", () => {
  it('every activity attended, newest first, with what counts toward the year; an unknown worker is refused', async () => {
    const { admin, n1, a1, a2, a3 } = await world();
    const t = await admin('education.workerTraining', { workerId: n1.id, year: 2025 });
    expect(t.hours).toMatchObject({ empNo: 'N001', counted: 24, meetings: 1 });
    expect(t.entries.map((e) => [e.title, e.counts])).toEqual([
      ['班组级安全教育', true],
      ['班前会', false],
      ['车间级安全教育', true],
      ['厂级安全教育', true],
    ]);
    expect(t.entries.find((e) => e.activityId === a1)).toMatchObject({ score: 92, passed: true, level: 'company', host: '安全科' });
    expect(t.entries.find((e) => e.activityId === a2)?.unitName).toBe('合成车间');
    expect(t.entries.find((e) => e.activityId === a3)?.unitName).toBe('甲班');
    expect(await refusal(admin('education.workerTraining', { workerId: 'nobody', year: 2025 }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.education.hours.workerNotFound' });
  });

  it('the training file PDF: the worker, the requirement and the hours, every activity with its score (pdftotext)', async () => {
    const { admin, n1 } = await world();
    const ref = await admin('education.trainingFilePdf', { workerId: n1.id, year: 2025 });
    expect(ref).toMatchObject({ fileName: '培训档案 N001 新工甲.pdf', mime: 'application/pdf' });
    const file = path.join(tc!.dir, 'training.pdf');
    fs.writeFileSync(file, tc!.fileBytes(ref));
    if (process.env.EDU_PDF_OUT) fs.copyFileSync(file, process.env.EDU_PDF_OUT);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['测试化工有限公司', '职工安全教育培训档案', '新工甲', 'N001', '合成车间', '甲班', '2025-03-01', '新职工三级教育', '24学时', '已达到要求', '厂级安全教育', '三级教育', '（厂级）', '92', '2026年合计', '2025年合计', '班前会1次', '职工本人签字']) {
      expect(text).toContain(s);
    }
    const none = await admin('workers.create', { empNo: 'Z001', name: '无培训', gender: 'F' });
    const ref2 = await admin('education.trainingFilePdf', { workerId: none.id });
    const f2 = path.join(tc!.dir, 'none.pdf');
    fs.writeFileSync(f2, tc!.fileBytes(ref2));
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', f2, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('尚无教育培训记录');
  });
});

describe('the training file PDF layout', () => {
  it('a manager with four trainings (long titles, a failed score) and two years of meetings fits one page: titles whole, 56 / 不合格, the note and the signatures with the tables', async () => {
    const { admin, core, w } = await world();
    const m1 = await w('M009', '白峰辉', { hireDate: '2008-12-02', isManager: true });
    const long = [
      ['manager', '主要负责人和安全生产管理人员年度再培训', '2026-09-03', 71],
      ['retraining', '2026年度从业人员安全再培训（第二期·合成车间甲班）', '2026-08-12', 64],
      ['drill', '合成车间受限空间救援演练', '2026-03-31', null],
      ['retraining', '2026年度从业人员安全再培训（第一期·合成车间甲班）', '2026-02-13', 56],
    ] as const;
    for (const [kind, title, date, score] of long) activity(core, { kind, title, date, hours: kind === 'drill' ? 2 : 8 }, [score === null ? m1.id : { id: m1.id, score, passed: score >= 60 }]);
    for (let i = 0; i < 44; i++) activity(core, { kind: 'pre_shift', title: '班前会', date: `2026-${String((i % 11) + 1).padStart(2, '0')}-${String(Math.floor(i / 11) + 3).padStart(2, '0')}`, hours: 0.25 }, [m1.id]);
    for (let i = 0; i < 4; i++) activity(core, { kind: 'pre_shift', title: '班前会', date: `2025-12-${String(i + 10).padStart(2, '0')}`, hours: 0.25 }, [m1.id]);
    const ref = await admin('education.trainingFilePdf', { workerId: m1.id, year: 2026 });
    const file = path.join(tc!.dir, 'layout.pdf');
    fs.writeFileSync(file, tc!.fileBytes(ref));
    if (process.env.EDU_PDF_OUT) fs.copyFileSync(file, process.env.EDU_PDF_OUT);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const want of ['主要负责人和安全生产管理人员年度再培训', '2026年度从业人员安全再培训（第二期·合成车间甲班）', '合成车间受限空间救援演练：', '56不合格', '说明：“计入要求”', '职工本人签字：', '安全管理部门（盖章）：']) {
      expect(text).toContain(want);
    }
  });
});

describe("the wage module's source 'training.hours'", () => {
  it("a month's training hours per worker: own hours else the activity's, pre-shift meetings and deleted activities left out; none: 0", async () => {
    const { core, o1, o2, n1, a4 } = await world();
    const content = {
      indicators: [{ code: 'TRAIN', name: { 'zh-CN': '培训学时', en: 'Training' }, unit: { 'zh-CN': '小时', en: 'hours' }, source: 'training.hours', rule: { kind: 'linear', perUnit: 10, floor: 0, cap: 100 }, weightPct: 100, safety: true }],
      money: { kind: 'pointValue', fenPerPoint: 100 },
      totalCapFen: null,
      veto: { severities: [], team: false },
      proRata: false,
    } as unknown as SchemeContent;
    const may = gatherInputs(core.store, '2025-05', content);
    const raw = (id: string) => may.inputs.find((i) => i.workerId === id)?.raw.TRAIN;
    expect(raw(o1.id)).toBe(6);
    expect(raw(o2.id)).toBe(4);
    expect(raw(n1.id)).toBe(0); // only the pre-shift meeting in May
    expect(may.workers.find((g) => g.workerId === o1.id)?.records.TRAIN).toEqual([{ kind: 'training', id: a4, date: '2025-05-10', label: '年度再培训', value: 6 }]);
    const july = gatherInputs(core.store, '2025-07', content);
    expect(july.inputs.find((i) => i.workerId === o1.id)?.raw.TRAIN).toBe(0);
  });
});

describe("the wage catalogue takes the new source (migration 017's data step)", () => {
  it("an indicator with source 'training.hours' is saved; the built-in entries are kept as they were", async () => {
    const { admin } = await world();
    const before = await admin('wage.catalogue', {});
    expect(before.map((c) => c.code)).toEqual(['SKILL', 'SAFE_TIME', 'BEHAVIOUR', 'HAZARDS']);
    const saved = await admin('wage.catalogueSave', {
      code: 'TRAIN',
      name: { 'zh-CN': '安全培训学时', en: 'Safety training hours' },
      unit: { 'zh-CN': '学时', en: 'hours' },
      source: 'training.hours',
      rule: { kind: 'tiers', tiers: [{ min: 2, points: 60 }, { min: 4, points: 100 }] },
      weightPct: 10,
      safety: true,
    });
    expect(saved).toMatchObject({ code: 'TRAIN', source: 'training.hours' });
    expect((await admin('wage.catalogue', {})).slice(0, 4)).toEqual(before);
  });
});

describe('educationYearFacts', () => {
  it('activities by kind, person-hours, workers meeting their requirement, new workers complete, pre-shift meetings', async () => {
    const { core } = await world();
    const f = educationYearFacts(core.store, 2025, '2026-12-01');
    expect(f).toMatchObject({
      year: 2025,
      activities: 6,
      byKind: { three_level: 2, retraining: 1, pre_shift: 1, manager: 1, drill: 1 },
      personHours: 44,
      workersRequired: 3,
      workersMeeting: 2,
      newWorkers: 2,
      newWorkersComplete: 1,
      preShiftMeetings: 1,
    });
    expect(f.walls).toMatchObject({ units: expect.any(Number), months: expect.any(Number) });
    expect(f.photoIds).toEqual([]);
    // the current year so far: activities dated after today are not held yet
    const early = educationYearFacts(core.store, 2025, '2025-05-10');
    expect(early).toMatchObject({ activities: 3, byKind: { three_level: 2, retraining: 1 }, preShiftMeetings: 0 });
  });
});
