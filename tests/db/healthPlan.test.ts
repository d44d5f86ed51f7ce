// The health plan (issue 10, area HEALTH-PLAN) through the real dispatch: the interval table (edit, add, soft delete and
// restore, synonyms unique), the women workers' settings, exposures (add, overlap refused, end, delete with undo, made
// from the roster's free text), the due list with every alert kind judged against today, the exit check, the quarter's
// xlsx, the year's facts — every write audited, only the health writers write, every refusal leaves the tables unchanged.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { healthYearFacts } from '../../electron/core/health/facts';
import { rebuildHealthDue, refreshHealthDue } from '../../electron/core/health/plan/due';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput } from '../../shared/contract';
import { addDays, addMonths } from '../../shared/health/plan/rules';
import type { Factor } from '../../shared/health/plan/types';
import { localToday } from '../../shared/kernel/schemas';
import { caller, openTestCore, refusal, say, type Call, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const today = localToday();
const ago = (days: number) => addDays(today, -days);

/** A factor as health.factorSave takes it, with changes. */
const edit = (f: Factor, ch: Partial<ChannelInput<'health.factorSave'>> = {}): ChannelInput<'health.factorSave'> => ({
  id: f.id,
  code: f.code,
  name: f.name,
  category: f.category,
  intervalMonths: f.intervalMonths,
  levelNote: f.levelNote,
  synonyms: f.synonyms,
  ...ch,
});

function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(['health_factors', 'health_exposures', 'health_due', 'settings', 'audit_log'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const ws2 = await admin('org.create', { kind: 'workshop', parentId: null, name: '包装车间' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: team.id, hireDate: '2020-03-01', post: '操作工', ...extra });
  const factors = await admin('health.factors', {});
  const fid = (code: string) => factors.find((f) => f.code === code)!.id;
  return { admin, ws, ws2, team, w, factors, fid };
}

/** An exam batch with exams, written the way the exams area writes them (and the plan refreshed, as it calls it). */
function exam(core: Core, workerId: string, date: string, kind: string, factorIds: string[], more: { conclusion?: string; recheckDue?: string; contraindication?: string } = {}) {
  const db = core.store.db;
  const now = new Date().toISOString();
  const bid = `b-${workerId}-${date}-${kind}`;
  db.prepare(
    `INSERT OR IGNORE INTO health_exam_batches (id, date, institution, kind, source, entered_by_name, created_at, updated_at) VALUES (?, ?, '市职防院', ?, 'manual', '测试', ?, ?)`,
  ).run(bid, date, kind, now, now);
  db.prepare(
    `INSERT INTO health_exams (id, batch_id, worker_id, date, kind, factor_ids, conclusion, recheck_items, recheck_due, contraindication, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(`e-${bid}`, bid, workerId, date, kind, JSON.stringify(factorIds), more.conclusion ?? 'normal', more.recheckDue ? '电测听' : null, more.recheckDue ?? null, more.contraindication ?? null, now, now);
  core.store.tx(() => refreshHealthDue(core.store, [workerId]));
}

describe('the interval table', () => {
  it('is seeded with the GBZ 188 defaults; edits, additions, soft delete and restore are audited', async () => {
    const { admin, factors, fid } = await world();
    expect(factors.map((f) => [f.code, f.intervalMonths])).toEqual([
      ['NOISE_85', 12],
      ['NOISE_80', 24],
      ['LEAD', 12],
      ['BENZENE', 12],
      ['CHLORINE', 12],
      ['AMMONIA', 12],
      ['FORMALDEHYDE', 12],
      ['CO', 36],
      ['H2S', 36],
      ['COAL_DUST', 24],
    ]);
    expect(factors.every((f) => f.seeded)).toBe(true);
    const co = factors.find((f) => f.code === 'CO')!;
    const edited = await admin('health.factorSave', edit(co, { intervalMonths: 24, synonyms: [...co.synonyms, ' 煤 气 '] }));
    expect(edited).toMatchObject({ intervalMonths: 24, seeded: true, synonyms: ['一氧化碳', 'co', '煤气'] });
    const added = await admin('health.factorSave', { code: 'silica', name: '矽尘', category: 'dust', intervalMonths: 24, levelNote: null, synonyms: ['矽尘', '游离二氧化硅'] });
    expect(added).toMatchObject({ code: 'SILICA', seeded: false, sortOrder: 10 });
    const del = await admin('health.factorDelete', { id: added.id });
    expect(del.deletedAt).not.toBeNull();
    expect((await admin('health.factors', {})).some((f) => f.id === added.id)).toBe(false);
    expect((await admin('health.factors', { deleted: true })).map((f) => f.code)).toEqual(['SILICA']);
    expect((await admin('health.factorRestore', { id: added.id })).deletedAt).toBeNull();
    const log = tc!.core.store.db.prepare(`SELECT action FROM audit_log WHERE entity = 'health_factor' ORDER BY seq`).pluck().all();
    expect(log).toEqual(['update', 'create', 'delete', 'restore']);
    void fid;
  });

  it('refuses a taken code or synonym, a bad interval, deleting a factor workers are exposed to — changing nothing', async () => {
    const { admin, w, fid, factors } = await world();
    const a = await w('W001', '张三');
    await admin('health.exposureAdd', { workerId: a.id, factorId: fid('BENZENE'), startDate: '2021-01-01' });
    const before = tables(tc!.core);
    const lead = factors.find((f) => f.code === 'LEAD')!;
    const e1 = await refusal(admin('health.factorSave', { code: 'NEW', name: '新因素', category: 'chemical', intervalMonths: 12, synonyms: ['苯'] }));
    expect(e1).toMatchObject({ code: 'CONFLICT', message: 'err.health.synonymTaken' });
    expect(say(e1 as never)).toBe('同义词“苯”已属于“苯”，一个词只能对应一个因素');
    expect(await refusal(admin('health.factorSave', edit(lead, { code: 'benzene' })))).toMatchObject({ code: 'CONFLICT', message: 'err.health.factorCodeTaken' });
    const e3 = await refusal(admin('health.factorSave', edit(lead, { intervalMonths: 0 })));
    expect(e3.details?.issues).toEqual([{ path: 'intervalMonths', message: 'v.health.interval' }]);
    expect(await refusal(admin('health.factorSave', edit(lead, { intervalMonths: 1.5 })))).toMatchObject({ code: 'VALIDATION' });
    const e4 = await refusal(admin('health.factorDelete', { id: fid('BENZENE') }));
    expect(e4).toMatchObject({ code: 'CONFLICT', message: 'err.health.factorInUse' });
    expect(say(e4 as never)).toBe('仍有 1 名职工接触“苯”，请先结束这些接触再删除');
    expect(await refusal(admin('health.factorRestore', { id: fid('LEAD') }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(tables(tc!.core)).toBe(before);
  });

  it("a changed interval moves the exposed workers' periodic due dates", async () => {
    const { admin, w, fid, factors } = await world();
    const a = await w('W001', '张三');
    await admin('health.exposureAdd', { workerId: a.id, factorId: fid('CO'), startDate: '2020-03-01' });
    const last = ago(400);
    exam(tc!.core, a.id, last, 'periodic', [fid('CO')]);
    expect((await admin('health.due', {})).counts.periodic_overdue).toBe(0);
    const co = factors.find((f) => f.code === 'CO')!;
    await admin('health.factorSave', edit(co, { intervalMonths: 12 }));
    const due = await admin('health.due', { kind: 'periodic_overdue' });
    expect(due.rows.map((r) => [r.empNo, r.factorName, r.dueDate, r.lastDate])).toEqual([['W001', '一氧化碳', addMonths(last, 12), last]]);
  });
});

describe('exposures', () => {
  it('add, overlap refused, end, delete and restore — each rewriting the plan of that worker', async () => {
    const { admin, w, fid } = await world();
    const a = await w('W001', '张三');
    const x = await admin('health.exposureAdd', { workerId: a.id, factorId: fid('NOISE_85'), post: '压缩机岗', startDate: addDays(today, 10) });
    expect(x).toMatchObject({ empNo: 'W001', factorName: '噪声', factorLevel: '≥ 85 dB(A)', post: '压缩机岗', source: 'manual', endDate: null });
    // starting in 10 days with no pre-job exam: alerted now
    let due = await admin('health.due', {});
    expect(due.rows.map((r) => [r.alert, r.dueDate, r.days])).toEqual([['pre_job', addDays(today, 10), 10]]);
    const before = tables(tc!.core);
    const o = await refusal(admin('health.exposureAdd', { workerId: a.id, factorId: fid('NOISE_85'), startDate: addDays(today, 20) }));
    expect(o).toMatchObject({ code: 'CONFLICT', message: 'err.health.exposureOverlap' });
    expect(o.details?.issues).toEqual([{ path: 'startDate', message: 'v.health.exposureOverlap' }]);
    expect(await refusal(admin('health.exposureAdd', { workerId: a.id, factorId: fid('LEAD'), startDate: '2026-02-01', endDate: '2026-01-01' }))).toMatchObject({ code: 'VALIDATION' });
    expect(await refusal(admin('health.exposureAdd', { workerId: 'nope', factorId: fid('LEAD'), startDate: '2026-02-01' }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.worker.notFound' });
    expect(await refusal(admin('health.exposureEnd', { id: x.id, endDate: addDays(today, 9) }))).toMatchObject({ code: 'VALIDATION', message: 'v.health.endBeforeStart' });
    expect(tables(tc!.core)).toBe(before);

    const del = await admin('health.exposureDelete', { id: x.id });
    expect(del.deletedAt).not.toBeNull();
    expect((await admin('health.due', {})).total).toBe(0);
    expect((await admin('health.exposures', { state: 'deleted' })).rows.map((r) => r.id)).toEqual([x.id]);
    await admin('health.exposureRestore', { id: x.id });
    expect((await admin('health.due', {})).total).toBe(1);
    const ended = await admin('health.exposureEnd', { id: x.id, endDate: addDays(today, 10) });
    expect(ended.endDate).toBe(addDays(today, 10));
    expect(await refusal(admin('health.exposureEnd', { id: x.id, endDate: addDays(today, 11) }))).toMatchObject({ code: 'CONFLICT', message: 'err.health.exposureEnded' });
    due = await admin('health.due', {});
    expect(due.total).toBe(1);
    const log = tc!.core.store.db.prepare(`SELECT action FROM audit_log WHERE entity = 'health_exposure' ORDER BY seq`).pluck().all();
    expect(log).toEqual(['create', 'delete', 'restore', 'end']);
    expect((await admin('health.exposures', { workerId: a.id })).total).toBe(1);
    expect((await admin('health.exposures', { search: '李' })).total).toBe(0);
  });

  it('dates before 2000 or more than a year ahead are refused on their field (a start up to a year ahead is a planned one)', async () => {
    const { admin, w, fid } = await world();
    const a = await w('W001', '张三');
    const before = tables(tc!.core);
    const yearOn = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    const refusedOn = async (input: Partial<ChannelInput<'health.exposureAdd'>>, path: string, message: string) => {
      const e = await refusal(admin('health.exposureAdd', { workerId: a.id, factorId: fid('NOISE_85'), startDate: '2020-01-01', ...input }));
      expect(e).toMatchObject({ code: 'VALIDATION' });
      expect(e.details?.issues).toEqual([{ path, message }]);
    };
    await refusedOn({ startDate: '2099-01-01' }, 'startDate', 'v.health.startTooLate');
    await refusedOn({ startDate: addDays(yearOn, 1) }, 'startDate', 'v.health.startTooLate');
    await refusedOn({ startDate: '1999-12-31' }, 'startDate', 'v.health.dateTooEarly');
    await refusedOn({ endDate: '2099-01-01' }, 'endDate', 'v.health.endTooLate');
    await refusedOn({ startDate: '2020-01-01', endDate: '1999-06-30' }, 'endDate', 'v.health.dateTooEarly');
    expect(tables(tc!.core)).toBe(before);
    // the boundaries are accepted: 2000-01-01, and a planned start exactly a year ahead
    const old = await admin('health.exposureAdd', { workerId: a.id, factorId: fid('LEAD'), startDate: '2000-01-01', endDate: '2000-12-31' });
    const planned = await admin('health.exposureAdd', { workerId: a.id, factorId: fid('NOISE_85'), startDate: yearOn });
    expect(planned.startDate).toBe(yearOn);
    const bad = await refusal(admin('health.exposureEnd', { id: planned.id, endDate: '2099-01-01' }));
    expect(bad.details?.issues).toEqual([{ path: 'endDate', message: 'v.health.endTooLate' }]);
    expect(old.endDate).toBe('2000-12-31');
  });

  it("按花名册生成: the roster's words through the synonyms; start = hire date, post = roster post; unknown and ambiguous words listed", async () => {
    const { admin, w, fid } = await world();
    await w('W001', '张三', { hazardFactors: ['噪声', '苯', '高温'] });
    await w('W002', '李四', { hazardFactors: ['噪 音', '电焊烟尘', '高温'], hireDate: null, post: '焊工' });
    await w('W003', '王五', { hazardFactors: ['苯'], status: 'left' });
    const a4 = await w('W004', '赵六', { hazardFactors: ['CO'] });
    await admin('health.exposureAdd', { workerId: a4.id, factorId: fid('CO'), startDate: '2024-01-01' });
    const before = tables(tc!.core);
    const dry = await admin('health.exposuresFromRoster', { dryRun: true });
    expect(dry).toEqual({
      dryRun: true,
      created: 3,
      workers: 2,
      existing: 1,
      withoutHireDate: 1,
      unmatched: [
        { word: '高温', workers: 2, ambiguous: false },
        { word: '电焊烟尘', workers: 1, ambiguous: false },
      ],
    });
    expect(tables(tc!.core)).toBe(before);
    const done = await admin('health.exposuresFromRoster', { dryRun: false });
    expect(done).toMatchObject({ dryRun: false, created: 3, workers: 2, existing: 1 });
    const rows = (await admin('health.exposures', { pageSize: 50 })).rows;
    expect(rows.map((r) => [r.empNo, r.factorName, r.startDate, r.post, r.source])).toEqual([
      ['W001', '噪声', '2020-03-01', '操作工', 'roster'],
      ['W001', '苯', '2020-03-01', '操作工', 'roster'],
      ['W002', '噪声', today, '焊工', 'roster'],
      ['W004', '一氧化碳', '2024-01-01', null, 'manual'],
    ]);
    // again: nothing new
    expect(await admin('health.exposuresFromRoster', { dryRun: false })).toMatchObject({ created: 0, existing: 4 });
    // the plan: pre-job missing for every exposure begun without one
    expect((await admin('health.due', { kind: 'pre_job' })).total).toBe(4);
  });
});

describe('the due list', () => {
  it('shows every alert kind judged against today, filtered by workshop, team and name, counted per kind', async () => {
    const { admin, w, fid, ws, ws2, team } = await world();
    const a = await w('W001', '张三');
    const b = await w('W002', '李四');
    await w('W003', '王芳', { gender: 'F', hireDate: '2019-01-01' });
    const d = await w('W004', '钱七', { orgUnitId: ws2.id });
    const e = await w('W005', '孙八');
    for (const x of [a, b, d, e]) await admin('health.exposureAdd', { workerId: x.id, factorId: fid('NOISE_85'), startDate: '2020-03-01' });
    exam(tc!.core, a.id, ago(370), 'periodic', [fid('NOISE_85')]); // overdue (due 5 days ago)
    exam(tc!.core, b.id, ago(350), 'periodic', [fid('NOISE_85')]); // due in ~15 days
    exam(tc!.core, d.id, ago(100), 'periodic', [fid('NOISE_85')], { conclusion: 'recheck', recheckDue: ago(1) });
    exam(tc!.core, e.id, ago(30), 'periodic', [fid('NOISE_85')], { conclusion: 'contraindication', contraindication: '高血压' });
    const all = await admin('health.due', {});
    expect(all.today).toBe(today);
    const got = all.rows.map((r) => `${r.empNo}:${r.alert}`);
    expect(got).toContain('W001:periodic_overdue');
    expect(got).toContain('W002:periodic_due');
    expect(got).toContain('W004:recheck_overdue');
    expect(got).toContain('W005:contraindication');
    expect(got).toContain('W003:women_overdue');
    expect(all.counts).toMatchObject({ periodic_overdue: 1, periodic_due: 1, recheck_overdue: 1, contraindication: 1, women_overdue: 1, pre_job: 0, exit: 0 });
    expect(all.total).toBe(all.rows.length);
    // sorted by due date
    expect(all.rows.map((r) => r.dueDate)).toEqual([...all.rows.map((r) => r.dueDate)].sort());
    expect((await admin('health.due', { workshopId: ws2.id })).rows.map((r) => r.empNo)).toEqual(['W004']);
    expect((await admin('health.due', { teamId: team.id, kind: 'contraindication' })).rows.map((r) => [r.empNo, r.detail])).toEqual([['W005', '高血压']]);
    const byName = await admin('health.due', { search: '王' });
    expect(byName.rows.map((r) => r.empNo)).toEqual(['W003']);
    expect(byName.counts.periodic_overdue).toBe(0);
    expect((await admin('health.due', { kind: 'periodic_due', workshopId: ws.id })).total).toBe(1);
    const paged = await admin('health.due', { pageSize: 2, page: 2 });
    expect(paged.rows).toHaveLength(2);
    expect(paged.total).toBe(5);

    // a worker set to 离职 without an exit exam shows once they left; their other alerts go
    await admin('workers.update', { id: e.id, data: { empNo: 'W005', name: '孙八', gender: 'M', orgUnitId: team.id, status: 'left' } });
    const after = await admin('health.due', {});
    expect(after.counts).toMatchObject({ contraindication: 0, exit: 1 });
    // the exit row names the factors the exit exam covers and counts the days from the exposure it is due on
    const exitRow = after.rows.find((r) => r.alert === 'exit')!;
    expect(exitRow).toMatchObject({ empNo: 'W005', dueDate: '2020-03-01', factorName: '噪声（≥ 85 dB(A)）' });
    expect(exitRow.days).toBe(Math.round((Date.parse('2020-03-01') - Date.parse(today)) / 86_400_000));
    expect(exitRow.days).toBeLessThan(-365);
    // a rebuild gives the same list
    const rows = after.rows;
    rebuildHealthDue(tc!.core.store);
    expect((await admin('health.due', {})).rows).toEqual(rows);
  });

  it('the exit check: exposed without an exit exam since the latest exposure began', async () => {
    const { admin, w, fid } = await world();
    const a = await w('W001', '张三');
    const b = await w('W002', '李四');
    expect(await admin('health.exitCheck', { workerId: b.id })).toEqual({ workerId: b.id, needed: false, factorNames: [], lastExitExam: null });
    await admin('health.exposureAdd', { workerId: a.id, factorId: fid('NOISE_85'), startDate: '2020-03-01' });
    await admin('health.exposureAdd', { workerId: a.id, factorId: fid('BENZENE'), startDate: '2022-03-01' });
    expect(await admin('health.exitCheck', { workerId: a.id })).toEqual({ workerId: a.id, needed: true, factorNames: ['噪声（≥ 85 dB(A)）', '苯'], lastExitExam: null });
    exam(tc!.core, a.id, '2022-02-28', 'exit', [fid('NOISE_85')]);
    expect((await admin('health.exitCheck', { workerId: a.id })).needed).toBe(true);
    exam(tc!.core, a.id, '2022-03-01', 'exit', [fid('NOISE_85'), fid('BENZENE')]);
    expect(await admin('health.exitCheck', { workerId: a.id })).toMatchObject({ needed: false, lastExitExam: '2022-03-01' });
    expect(await refusal(admin('health.exitCheck', { workerId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("women's settings: saved, audited, and the women's due dates follow", async () => {
    const { admin, w } = await world();
    const hire = ago(400);
    const c = await w('W003', '王芳', { gender: 'F', hireDate: hire });
    expect(await admin('health.womenSettings')).toEqual({ intervalMonths: 24, screeningFromAge: 35 });
    expect((await admin('health.due', {})).counts.women_overdue).toBe(0);
    const before = tables(tc!.core);
    const bad = await refusal(admin('health.womenSettingsSave', { intervalMonths: 0, screeningFromAge: 10 }));
    expect(bad.details?.issues).toEqual([
      { path: 'intervalMonths', message: 'v.health.womenInterval' },
      { path: 'screeningFromAge', message: 'v.health.screeningAge' },
    ]);
    expect(tables(tc!.core)).toBe(before);
    expect(await admin('health.womenSettingsSave', { intervalMonths: 12, screeningFromAge: 40 })).toEqual({ intervalMonths: 12, screeningFromAge: 40 });
    const due = await admin('health.due', {});
    expect(due.rows.map((r) => [r.workerId, r.alert, r.dueDate])).toEqual([[c.id, 'women_overdue', addMonths(hire, 12)]]);
    expect(tc!.core.store.db.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'setting' AND entity_id = 'health.women'`).pluck().get()).toBe(1);
  });

  it("the quarter's xlsx lists what is alerted and what falls due by the quarter's end", async () => {
    const { admin, w, fid } = await world();
    const a = await w('W001', '张三');
    await admin('health.exposureAdd', { workerId: a.id, factorId: fid('NOISE_85'), startDate: '2020-03-01' });
    exam(tc!.core, a.id, ago(370), 'periodic', [fid('NOISE_85')]);
    const ref = await admin('health.dueQuarterXlsx', {});
    expect(ref.fileName).toMatch(/^\d{4}年第[1-4]季度体检计划\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc!.fileBytes(ref) as never);
    const ws = wb.worksheets[0]!;
    const text = JSON.stringify(ws.getSheetValues());
    expect(text).toContain('张三');
    expect(text).toContain('在岗期间');
    expect(text).toMatch(/已逾期 \d+ 天/);
    expect(text).toContain('噪声（≥ 85 dB(A)）');
  });
});

describe('who may write', () => {
  it('occupational-health managers, safety officers, union officers and admins write; a team leader only reads', async () => {
    const { admin, w, fid, factors } = await world();
    const a = await w('W001', '张三');
    const x = await admin('health.exposureAdd', { workerId: a.id, factorId: fid('LEAD'), startDate: '2021-01-01' });
    const tl = await w('T001', '孙班长', { roles: ['team_leader'] });
    const oh = await w('O001', '周卫生', { roles: ['oh_manager'] });
    const asTl = caller(tc!.core);
    await asTl.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: tl.id })).id });
    const asOh = caller(tc!.core);
    await asOh.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: oh.id })).id });
    const before = tables(tc!.core);
    const lead = factors.find((f) => f.code === 'LEAD')!;
    const writes: Promise<unknown>[] = [
      asTl.call('health.factorSave', edit(lead, { intervalMonths: 6 })),
      asTl.call('health.factorDelete', { id: fid('H2S') }),
      asTl.call('health.womenSettingsSave', { intervalMonths: 12, screeningFromAge: 35 }),
      asTl.call('health.exposureAdd', { workerId: a.id, factorId: fid('CO'), startDate: '2021-01-01' }),
      asTl.call('health.exposureEnd', { id: x.id, endDate: '2022-01-01' }),
      asTl.call('health.exposureDelete', { id: x.id }),
      asTl.call('health.exposureRestore', { id: x.id }),
      asTl.call('health.exposuresFromRoster', { dryRun: false }),
    ];
    for (const p of writes) expect(await refusal(p)).toMatchObject({ code: 'FORBIDDEN', message: 'err.health.writersOnly' });
    expect(tables(tc!.core)).toBe(before);
    expect((await asTl.call('health.due', {})).total).toBe(1);
    expect(await asOh.call('health.exposureEnd', { id: x.id, endDate: '2022-01-01' })).toMatchObject({ endDate: '2022-01-01' });
  });
});

describe("the year's facts", () => {
  it('counts exams due in the year and how they were met, conclusions, rechecks missed, contraindications in post', async () => {
    const { admin, w, fid } = await world();
    const a = await w('W001', '张三');
    const b = await w('W002', '李四');
    const c = await w('W003', '王芳', { gender: 'F', hireDate: '2019-01-01' });
    await admin('health.exposureAdd', { workerId: a.id, factorId: fid('NOISE_85'), startDate: '2024-03-01' });
    await admin('health.exposureAdd', { workerId: b.id, factorId: fid('NOISE_85'), startDate: '2024-03-01' });
    exam(tc!.core, a.id, '2024-02-20', 'pre_job', [fid('NOISE_85')]);
    exam(tc!.core, a.id, '2025-02-15', 'periodic', [fid('NOISE_85')]); // on time
    exam(tc!.core, b.id, '2024-02-20', 'pre_job', [fid('NOISE_85')]);
    exam(tc!.core, b.id, '2025-03-15', 'periodic', [fid('NOISE_85')], { conclusion: 'contraindication', contraindication: '噪声易感' }); // late
    exam(tc!.core, c.id, '2023-05-01', 'women', []);
    exam(tc!.core, c.id, '2025-05-01', 'women', [], { conclusion: 'recheck', recheckDue: '2025-06-01' }); // on time; recheck missed
    const f = healthYearFacts(tc!.core.store, 2025, '2026-01-15');
    expect(f).toMatchObject({
      year: 2025,
      exposedWorkers: 2,
      examsDue: 3,
      examsOnTime: 2,
      examsLate: 1,
      examsMissing: 0,
      womenDue: 1,
      womenOnTime: 1,
      conclusions: { normal: 1, recheck: 1, suspected: 0, contraindication: 1, other: 0 },
      contraindicationsInPost: 1,
      rechecksMissed: 1,
    });
    expect(f.certificates).toMatchObject({ total: 0 });
    const f24 = healthYearFacts(tc!.core.store, 2024, '2026-01-15');
    expect(f24).toMatchObject({ exposedWorkers: 2, examsDue: 2, examsOnTime: 2 });
  });
});
