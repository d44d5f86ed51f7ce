// Health exams (issue 10, area HEALTH-EXAMS) through the real dispatch: batches and one exam per worker with the GBZ 188
// conclusion and its fields; the same worker again updates; soft delete with restore (a batch takes its exams along);
// every write audited, only HEALTH_WRITERS write, every refusal leaves the tables unchanged. The clinic's xlsx import:
// headers by meaning, preview with row numbers and problems (nothing written), re-importing the same batch updates,
// cancel writes nothing, the rejected rows and the template as xlsx. The worker's health file as a PDF (pdftotext).
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput } from '../../shared/contract';
import { type Call, caller, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(['health_exam_batches', 'health_exams', 'audit_log'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}
const count = (t: string) => tc!.core.store.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
function pdfText(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-health-')), 'file.pdf');
  fs.writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('体检结果');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) => admin('workers.create', { empNo, name, gender: 'M', orgUnitId: team.id, ...extra });
  const a = await w('W001', '张三', { idCard: '110101199003071233' });
  const b = await w('W002', '李四');
  const c = await w('W003', '王芳', { gender: 'F' });
  const factors = await admin('health.examFactors', {});
  const f = (code: string) => factors.find((x) => x.code === code)!.id;
  return { admin, ws, team, w, a, b, c, f };
}

describe('batches and exams by hand', () => {
  it('a batch with every conclusion, counted per conclusion; the same worker again updates; each write audited', async () => {
    const { admin, a, b, c, f } = await world();
    const batch = await admin('health.batchCreate', { date: '2026-03-10', institution: '泰州市职业病防治所', kind: 'periodic' });
    expect(batch).toMatchObject({ source: 'manual', examCount: 0, enteredByName: '王主席' });
    const saved = await admin('health.examsSave', {
      batchId: batch.id,
      exams: [
        { workerId: a.id, factorIds: [f('NOISE_85'), f('BENZENE')], conclusion: 'recheck', recheckItems: '纯音听阈测试', recheckDue: '2026-05-10', detail: '' },
        { workerId: b.id, factorIds: [f('NOISE_85')], conclusion: 'contraindication', contraindication: '高血压', recheckItems: '不该保存' },
        { workerId: c.id, factorIds: [f('NOISE_85')], conclusion: 'normal', detail: '不该保存' },
      ],
    });
    expect(saved.map((e) => [e.empNo, e.date, e.kind, e.conclusion])).toEqual([
      ['W001', '2026-03-10', 'periodic', 'recheck'],
      ['W002', '2026-03-10', 'periodic', 'contraindication'],
      ['W003', '2026-03-10', 'periodic', 'normal'],
    ]);
    expect(saved[0]).toMatchObject({ recheckItems: '纯音听阈测试', recheckDue: '2026-05-10', factorNames: ['噪声（≥ 85 dB(A)）', '苯'] });
    // the fields of another conclusion are dropped
    expect(saved[1]).toMatchObject({ contraindication: '高血压', recheckItems: null });
    expect(saved[2]).toMatchObject({ detail: null });
    const page = await admin('health.batches', {});
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ examCount: 3, conclusions: { normal: 1, recheck: 1, contraindication: 1, suspected: 0, other: 0 } });

    const again = await admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: c.id, factorIds: [f('NOISE_85')], conclusion: 'other', detail: '乳腺结节' }] });
    expect(again[0]).toMatchObject({ id: saved[2]!.id, conclusion: 'other', detail: '乳腺结节' });
    expect(count('health_exams')).toBe(3);
    const log = tc!.core.store.db.prepare(`SELECT entity, action FROM audit_log WHERE entity LIKE 'health_exam%' ORDER BY seq`).all();
    expect(log).toEqual([
      { entity: 'health_exam_batch', action: 'create' },
      { entity: 'health_exam', action: 'create' },
      { entity: 'health_exam', action: 'create' },
      { entity: 'health_exam', action: 'create' },
      { entity: 'health_exam', action: 'update' },
    ]);
    expect((await admin('health.batch', { id: batch.id })).exams.map((e) => e.empNo)).toEqual(['W001', 'W002', 'W003']);
    expect((await admin('health.workerExams', { workerId: a.id })).map((e) => e.conclusion)).toEqual(['recheck']);
    // the year, kind and search narrow the list
    expect((await admin('health.batches', { year: 2025 })).total).toBe(0);
    expect((await admin('health.batches', { kind: 'pre_job' })).total).toBe(0);
    expect((await admin('health.batches', { search: '防治所' })).total).toBe(1);
  });

  it('a screening flag is kept only on a women workers’ exam', async () => {
    const { admin, c, f } = await world();
    const women = await admin('health.batchCreate', { date: '2026-04-01', institution: '妇幼保健院', kind: 'women' });
    const other = await admin('health.batchCreate', { date: '2026-04-01', institution: '妇幼保健院', kind: 'periodic' });
    expect((await admin('health.examsSave', { batchId: women.id, exams: [{ workerId: c.id, factorIds: [f('NOISE_85')], conclusion: 'normal', screening: true }] }))[0]!.screening).toBe(true);
    expect((await admin('health.examsSave', { batchId: other.id, exams: [{ workerId: c.id, factorIds: [f('NOISE_85')], conclusion: 'normal', screening: true }] }))[0]!.screening).toBe(false);
  });

  it('refuses a conclusion without its fields, an unknown worker or factor, a recheck before the exam, a twin batch, a future date — changing nothing', async () => {
    const { admin, a, b, f } = await world();
    const batch = await admin('health.batchCreate', { date: '2026-03-10', institution: '职防所', kind: 'periodic' });
    await admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('NOISE_85')], conclusion: 'normal' }] });
    const before = tables(tc!.core);
    const r1 = await refusal(admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('NOISE_85')], conclusion: 'recheck' }] }));
    expect(r1.details!.issues).toEqual([
      { path: 'exams.0.recheckItems', message: 'v.health.exam.recheckItems' },
      { path: 'exams.0.recheckDue', message: 'v.health.exam.recheckDue' },
    ]);
    expect(say({ message: 'v.health.exam.recheckDue' })).toBe('请填写复查期限');
    expect((await refusal(admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('NOISE_85')], conclusion: 'contraindication' }] }))).details!.issues).toEqual([
      { path: 'exams.0.contraindication', message: 'v.health.exam.contraindication' },
    ]);
    expect((await refusal(admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('NOISE_85')], conclusion: 'suspected' }] }))).details!.issues![0]!.message).toBe('v.health.exam.suspectedName');
    // one bad exam among good ones writes none
    const r2 = await refusal(admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: b.id, factorIds: [f('NOISE_85')], conclusion: 'normal' }, { workerId: 'nobody', factorIds: [f('NOISE_85')], conclusion: 'normal' }] }));
    expect(r2).toMatchObject({ code: 'NOT_FOUND', message: 'err.worker.notFound' });
    expect(await refusal(admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: b.id, factorIds: ['nofactor'], conclusion: 'normal' }] }))).toMatchObject({ message: 'err.health.exam.unknownFactor' });
    const r3 = await refusal(admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: b.id, factorIds: [f('LEAD')], conclusion: 'recheck', recheckItems: '血铅', recheckDue: '2026-03-01' }] }));
    expect(r3).toMatchObject({ code: 'VALIDATION', message: 'v.health.exam.recheckBeforeExam' });
    expect(await refusal(admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: b.id, factorIds: [f('NOISE_85')], conclusion: 'normal' }, { workerId: b.id, factorIds: [f('NOISE_85')], conclusion: 'normal' }] }))).toMatchObject({ message: 'err.health.exam.workerTwice' });
    expect(await refusal(admin('health.batchCreate', { date: '2026-03-10', institution: '职防所', kind: 'periodic' }))).toMatchObject({ code: 'CONFLICT', message: 'err.health.exam.batchExists' });
    expect((await refusal(admin('health.batchCreate', { date: '2099-01-01', institution: '职防所', kind: 'periodic' }))).details!.issues).toEqual([{ path: 'date', message: 'v.futureDate' }]);
    expect((await refusal(admin('health.batchCreate', { date: '2026-01-01', institution: ' ', kind: 'periodic' }))).details!.issues).toEqual([{ path: 'institution', message: 'v.required' }]);
    expect(await refusal(admin('health.batchCreate', { date: '2026-01-01', institution: '职防所', kind: 'periodic', reportId: 'nofile' }))).toMatchObject({ message: 'err.health.exam.reportNotFound' });
    expect(tables(tc!.core)).toBe(before);
  });

  it('moving a batch to a later date than one of its rechecks is refused; a change of date moves its exams', async () => {
    const { admin, a, f } = await world();
    const batch = await admin('health.batchCreate', { date: '2026-03-10', institution: '职防所', kind: 'periodic' });
    await admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('NOISE_85')], conclusion: 'recheck', recheckItems: '血常规', recheckDue: '2026-04-01' }] });
    const before = tables(tc!.core);
    expect(await refusal(admin('health.batchUpdate', { id: batch.id, date: '2026-04-05', institution: '职防所', kind: 'periodic' }))).toMatchObject({ message: 'err.health.exam.rechecksBeforeDate' });
    expect(tables(tc!.core)).toBe(before);
    await admin('health.batchUpdate', { id: batch.id, date: '2026-03-12', institution: '职防所', kind: 'pre_job' });
    expect((await admin('health.workerExams', { workerId: a.id }))[0]).toMatchObject({ date: '2026-03-12', kind: 'pre_job' });
  });

  it('soft delete with restore: an exam alone, or a batch with its exams (those deleted before stay deleted)', async () => {
    const { admin, a, b, f } = await world();
    const batch = await admin('health.batchCreate', { date: '2026-03-10', institution: '职防所', kind: 'periodic' });
    const [ea, eb] = await admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('NOISE_85')], conclusion: 'normal' }, { workerId: b.id, factorIds: [f('NOISE_85')], conclusion: 'normal' }] });
    await admin('health.examDelete', { id: ea!.id });
    expect(await admin('health.workerExams', { workerId: a.id })).toEqual([]);
    expect(await refusal(admin('health.examDelete', { id: ea!.id }))).toMatchObject({ message: 'err.health.exam.alreadyDeleted' });
    await admin('health.batchDelete', { id: batch.id });
    expect((await admin('health.batches', {})).total).toBe(0);
    expect((await admin('health.batches', { deleted: true })).total).toBe(1);
    expect(await refusal(admin('health.examRestore', { id: eb!.id }))).toMatchObject({ message: 'err.health.exam.batchDeleted' });
    await admin('health.batchRestore', { id: batch.id });
    expect((await admin('health.workerExams', { workerId: b.id })).length).toBe(1);
    expect((await admin('health.workerExams', { workerId: a.id })).length).toBe(0);
    expect((await admin('health.examRestore', { id: ea!.id })).deletedAt).toBeNull();
    expect(await refusal(admin('health.batchRestore', { id: batch.id }))).toMatchObject({ message: 'err.health.exam.notDeleted' });
  });

  it('only occupational-health managers, safety officers, union officers and admins write; a refusal changes nothing', async () => {
    const { admin, w, a, f } = await world();
    const tl = await w('T001', '孙班长', { roles: ['team_leader'] });
    const oh = await w('H001', '钱卫生', { roles: ['oh_manager'] });
    const asTl = caller(tc!.core);
    await asTl.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: tl.id })).id });
    const asOh = caller(tc!.core);
    await asOh.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: oh.id })).id });
    const batch = await admin('health.batchCreate', { date: '2026-03-10', institution: '职防所', kind: 'periodic' });
    const before = tables(tc!.core);
    for (const p of [
      asTl.call('health.batchCreate', { date: '2026-03-11', institution: '职防所', kind: 'periodic' }),
      asTl.call('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('NOISE_85')], conclusion: 'normal' }] }),
      asTl.call('health.batchDelete', { id: batch.id }),
      asTl.call('health.examImportPreview', { fileName: 'x.xlsx', dataBase64: 'eA==' }),
    ]) {
      expect(await refusal(p)).toMatchObject({ code: 'FORBIDDEN', message: 'err.health.exam.writersOnly' });
    }
    expect(tables(tc!.core)).toBe(before);
    // nor do they read the exams (tests/db/healthPrivacy.test.ts)
    expect(await refusal(asTl.call('health.batches', {}))).toMatchObject({ code: 'FORBIDDEN', message: 'err.health.exam.readersOnly' });
    expect((await asOh.call('health.batches', {})).total).toBe(1);
    expect(await asOh.call('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('NOISE_85')], conclusion: 'normal' }] })).toHaveLength(1);
  });
});

describe('the plan follows the exams', () => {
  it('an exam written, deleted or restored refreshes that worker’s due dates in the same transaction', async () => {
    const { admin, a, f } = await world();
    const db = tc!.core.store.db;
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO health_exposures (id, worker_id, factor_id, post, start_date, source, created_at, updated_at) VALUES ('x1', ?, ?, '精馏工', '2020-05-01', 'manual', ?, ?)`).run(a.id, f('BENZENE'), now, now);
    const due = () => db.prepare(`SELECT kind, due_date, last_date FROM health_due WHERE worker_id = ? AND factor_id = ? AND kind = 'periodic'`).all(a.id, f('BENZENE'));
    const batch = await admin('health.batchCreate', { date: '2026-03-10', institution: '职防所', kind: 'periodic' });
    const [e] = await admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('BENZENE')], conclusion: 'normal' }] });
    // benzene is examined every 12 months: due a year after this exam
    expect(due()).toEqual([{ kind: 'periodic', due_date: '2027-03-10', last_date: '2026-03-10' }]);
    await admin('health.examDelete', { id: e!.id });
    expect(due()).not.toEqual([{ kind: 'periodic', due_date: '2027-03-10', last_date: '2026-03-10' }]);
    await admin('health.examRestore', { id: e!.id });
    expect(due()).toEqual([{ kind: 'periodic', due_date: '2027-03-10', last_date: '2026-03-10' }]);
  });
});

describe('factors and dates of a batch', () => {
  it('a pre-job or periodic exam without a factor is refused naming the worker; exit, emergency and women workers’ exams may have none', async () => {
    const { admin, a, b, f } = await world();
    for (const kind of ['pre_job', 'periodic'] as const) {
      const batch = await admin('health.batchCreate', { date: '2026-03-10', institution: '职防所', kind });
      const before = tables(tc!.core);
      const r = await refusal(admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: a.id, factorIds: [f('NOISE_85')], conclusion: 'normal' }, { workerId: b.id, conclusion: 'normal' }] }));
      expect(r).toMatchObject({ code: 'VALIDATION', message: 'err.health.exam.needFactor', details: { who: 'W002 李四', issues: [{ path: 'exams.1.factorIds', message: 'v.health.exam.needFactor' }] } });
      expect(tables(tc!.core)).toBe(before);
    }
    for (const kind of ['exit', 'emergency', 'women'] as const) {
      const batch = await admin('health.batchCreate', { date: '2026-03-11', institution: '职防所', kind });
      expect(await admin('health.examsSave', { batchId: batch.id, exams: [{ workerId: b.id, conclusion: 'normal' }] })).toHaveLength(1);
      // nor can such a batch become a pre-job or periodic one while an exam of it names no factor
      if (kind === 'exit') {
        const r = await refusal(admin('health.batchUpdate', { id: batch.id, date: '2026-03-11', institution: '职防所', kind: 'periodic' }));
        expect(r).toMatchObject({ code: 'VALIDATION', message: 'err.health.exam.kindNeedsFactors', details: { count: 1 } });
        expect((await admin('health.batch', { id: batch.id })).batch.kind).toBe('exit');
      }
    }
  });

  it('a batch date is refused in the future and before 2000', async () => {
    const { admin } = await world();
    const before = tables(tc!.core);
    expect((await refusal(admin('health.batchCreate', { date: '1995-06-01', institution: '职防所', kind: 'periodic' }))).details!.issues).toEqual([{ path: 'date', message: 'v.health.exam.dateTooOld' }]);
    expect((await refusal(admin('health.batchCreate', { date: '2099-06-01', institution: '职防所', kind: 'periodic' }))).details!.issues).toEqual([{ path: 'date', message: 'v.futureDate' }]);
    expect(tables(tc!.core)).toBe(before);
    const batch = await admin('health.batchCreate', { date: '2000-01-01', institution: '职防所', kind: 'periodic' });
    expect((await refusal(admin('health.batchUpdate', { id: batch.id, date: '1999-12-31', institution: '职防所', kind: 'periodic' }))).details!.issues).toEqual([{ path: 'date', message: 'v.health.exam.dateTooOld' }]);
  });

  it('workers added to a batch start with the factors of their exposures its kind and date are for', async () => {
    const { admin, a, b, c, f } = await world();
    const db = tc!.core.store.db;
    const now = new Date().toISOString();
    const x = db.prepare(`INSERT INTO health_exposures (id, worker_id, factor_id, post, start_date, end_date, source, created_at, updated_at) VALUES (?, ?, ?, '岗位', ?, ?, 'manual', ?, ?)`);
    x.run('x1', a.id, f('NOISE_85'), '2026-03-20', null, now, now); // starts after the exam: the post a pre-job exam is for
    x.run('x2', a.id, f('BENZENE'), '2020-01-01', '2025-12-31', now, now); // ended before
    x.run('x3', b.id, f('LEAD'), '2020-01-01', null, now, now);
    const of = async (kind: 'pre_job' | 'periodic' | 'exit' | 'emergency') => {
      const batch = await admin('health.batchCreate', { date: '2026-03-10', institution: `职防所${kind}`, kind });
      return admin('health.batchWorkerFactors', { batchId: batch.id, workerIds: [a.id, b.id, c.id] });
    };
    expect(await of('pre_job')).toEqual({ [a.id]: [f('NOISE_85')], [b.id]: [f('LEAD')], [c.id]: [] });
    expect(await of('periodic')).toEqual({ [a.id]: [], [b.id]: [f('LEAD')], [c.id]: [] });
    expect(await of('exit')).toEqual({ [a.id]: [f('BENZENE')], [b.id]: [f('LEAD')], [c.id]: [] });
    expect(await of('emergency')).toEqual({ [a.id]: [], [b.id]: [], [c.id]: [] });
  });
});

describe('the clinic’s xlsx', () => {
  const HEADER = ['序号', '工号', '身份证号码', '姓名', '体检日期', '体检类别', '接触危害因素', '主检结论', '复查日期'];
  it('preview with row numbers and problems writes nothing; the commit makes the batch; the same batch again updates', async () => {
    const { admin, w, a, b } = await world();
    await w('W009', '李四');
    const data = await xlsx([
      ['2026年职业健康检查结果汇总表'],
      HEADER,
      [1, 'W001', '', '张三', '2026-03-10', '在岗期间', '噪声、苯', '复查（纯音听阈测试）', '2026-05-10'],
      [2, '', '110101199003071233', '', '2026/3/10', '在岗', '噪声', '目前未见异常', ''],
      [3, 'W002', '', '李四', '2026-03-10', '在岗期间', '噪声', '职业禁忌证：高血压', ''],
      [4, '', '', '王芳', '2026-03-10', '在岗期间', '噪声', '未见异常', ''],
      [5, '', '', '李四', '2026-03-10', '在岗期间', '噪声', '正常', ''],
      [6, 'W404', '', '无名', '2026-03-10', '在岗期间', '噪声', '正常', ''],
      [7, 'W003', '', '王芳', '2026-03-10', '体检', '石棉', '看不懂', ''],
      ['制表人：赵医生'],
    ]);
    const before = tables(tc!.core);
    const p = await admin('health.examImportPreview', { fileName: '体检结果.xlsx', dataBase64: data, defaults: { institution: '泰州市职业病防治所' } });
    expect(tables(tc!.core)).toBe(before);
    expect(p.headerRow).toBe(2);
    expect(p.missingRequired).toEqual([]);
    expect(p.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [3, 'create'],
      [4, 'invalid'],
      [5, 'create'],
      [6, 'create'],
      [7, 'invalid'],
      [8, 'invalid'],
      [9, 'invalid'],
    ]);
    expect(p.rows[0]!.parsed).toMatchObject({ conclusion: 'recheck', recheckItems: '纯音听阈测试', recheckDue: '2026-05-10', factors: ['噪声（≥ 85 dB(A)）', '苯'], institution: '泰州市职业病防治所' });
    // the ID card found 张三 again: the same worker twice in one batch
    expect(p.rows[1]!.problems).toEqual([{ field: 'empNo', message: 'v.health.exam.import.dupRow', params: { row: 3 } }]);
    expect(p.rows[2]!.parsed).toMatchObject({ conclusion: 'contraindication', contraindication: '高血压' });
    expect(p.rows[3]!.who).toBe('W003 王芳');
    expect(p.rows[4]!.problems[0]).toMatchObject({ field: 'name', message: 'v.wage.import.ambiguousName' });
    expect(p.rows[5]!.problems[0]).toMatchObject({ field: 'empNo', message: 'v.wage.import.unknownWorker' });
    expect(p.rows[6]!.problems.map((x) => x.field)).toEqual(['kind', 'factors', 'conclusion']);
    expect(p.skippedRows).toEqual([{ rowNumber: 10, reason: 'footer', text: '制表人：赵医生' }]);
    expect(p.batches).toEqual([{ date: '2026-03-10', institution: '泰州市职业病防治所', kind: 'periodic', rows: 3, existing: false }]);

    // the rejected rows as xlsx, with the reasons
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc!.fileBytes(await admin('health.examImportRejected', { importId: p.importId })) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('问题');
    expect(sheet.rowCount).toBe(5);
    expect(String(sheet.getRow(4).getCell(sheet.columnCount).value)).toContain('花名册中没有工号 W404');

    expect(await refusal(admin('health.examImportCommit', { importId: p.importId }))).toMatchObject({ code: 'VALIDATION', message: 'err.health.exam.import.invalidRows' });
    expect(tables(tc!.core)).toBe(before);
    const r = await admin('health.examImportCommit', { importId: p.importId, skipInvalid: true });
    expect(r).toMatchObject({ created: 3, updated: 0, skipped: 4 });
    const page = await admin('health.batches', {});
    expect(page.rows[0]).toMatchObject({ source: 'import', fileName: '体检结果.xlsx', institution: '泰州市职业病防治所', examCount: 3 });
    expect((await admin('health.workerExams', { workerId: b.id }))[0]).toMatchObject({ conclusion: 'contraindication', contraindication: '高血压' });

    // the same batch again: updates, unchanged rows stay, nothing added twice
    const again = await admin('health.examImportPreview', {
      fileName: '体检结果（更正）.xlsx',
      dataBase64: await xlsx([
        ['工号', '姓名', '体检日期', '体检机构', '体检类别', '危害因素', '体检结论'],
        ['W001', '张三', '2026-03-10', '泰州市职业病防治所', '在岗期间', '噪声、苯', '复查（纯音听阈测试，2026-06-01前）'],
        ['W002', '李四', '2026-03-10', '泰州市职业病防治所', '在岗期间', '噪声', '职业禁忌证（高血压）'],
      ]),
    });
    expect(again.rows.map((x) => [x.action, x.changes])).toEqual([
      ['update', ['recheckDue']],
      ['unchanged', []],
    ]);
    expect(again.batches[0]!.existing).toBe(true);
    expect(await admin('health.examImportCommit', { importId: again.importId })).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(count('health_exam_batches')).toBe(1);
    expect(count('health_exams')).toBe(3);
    expect((await admin('health.workerExams', { workerId: a.id }))[0]!.recheckDue).toBe('2026-06-01');
  });

  it('cancel writes nothing and forgets the file; columns missing are said before anything is read; the template has every column', async () => {
    const { admin } = await world();
    const before = tables(tc!.core);
    const p = await admin('health.examImportPreview', { fileName: 'x.xlsx', dataBase64: await xlsx([['工号', '体检结论'], ['W001', '正常']]) });
    expect(p.missingRequired).toEqual(['date', 'institution', 'kind']);
    expect(await refusal(admin('health.examImportCommit', { importId: p.importId }))).toMatchObject({ message: 'err.health.exam.import.missingColumns' });
    const fixed = await admin('health.examImportRemap', { importId: p.importId, defaults: { date: '2026-02-01', institution: '职防所', kind: 'pre_job' } });
    expect(fixed.missingRequired).toEqual([]);
    // a pre-job exam names the factors it is for: the row without any is refused
    expect(fixed.counts).toMatchObject({ create: 0, invalid: 1 });
    expect(fixed.rows[0]!.problems).toEqual([{ field: 'factors', message: 'v.health.exam.needFactor' }]);
    const exit = await admin('health.examImportRemap', { importId: p.importId, defaults: { date: '2026-02-01', institution: '职防所', kind: 'exit' } });
    expect(exit.counts).toMatchObject({ create: 1, invalid: 0 });
    // a default date before 2000 is refused on every row that takes it
    const old = await admin('health.examImportRemap', { importId: p.importId, defaults: { date: '1995-06-01', institution: '职防所', kind: 'exit' } });
    expect(old.rows[0]!.problems).toEqual([{ field: 'date', message: 'v.health.exam.dateTooOld' }]);
    expect(await admin('health.examImportCancel', { importId: p.importId })).toEqual({ cancelled: true });
    expect(await refusal(admin('health.examImportCommit', { importId: p.importId }))).toMatchObject({ message: 'err.import.expired' });
    expect(tables(tc!.core)).toBe(before);
    expect(await refusal(admin('health.examImportPreview', { fileName: 'x.xlsx', dataBase64: await xlsx([['随便'], ['x']]) }))).toMatchObject({ code: 'BAD_FILE', message: 'err.health.exam.import.noHeader' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc!.fileBytes(await admin('health.examImportTemplate', {})) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '工号', '身份证号', '姓名', '体检日期', '体检机构', '体检类别', '危害因素', '体检结论', '复查项目', '复查日期', '结论说明', '两癌筛查']);
    // the template read back finds every column
    const back = await admin('health.examImportPreview', { fileName: 't.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(Object.keys(back.mapping).sort()).toEqual(['conclusion', 'date', 'detail', 'empNo', 'factors', 'idCard', 'institution', 'kind', 'name', 'recheckDue', 'recheckItems', 'screening'].sort());
  });
});

describe('the health file', () => {
  it('prints the worker, exposures, exams with conclusions, rechecks, certificates and the open alerts', async () => {
    const { admin, a, f } = await world();
    const db = tc!.core.store.db;
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO health_exposures (id, worker_id, factor_id, post, start_date, source, created_at, updated_at) VALUES ('x1', ?, ?, '精馏工', '2020-05-01', 'manual', ?, ?)`).run(a.id, f('BENZENE'), now, now);
    db.prepare(`INSERT INTO health_certificates (id, worker_id, category, cert_no, issue_date, expiry_date, source, created_at, updated_at) VALUES ('c1', ?, 'electrician', 'T3201', '2020-01-01', '2021-01-01', 'manual', ?, ?)`).run(a.id, now, now);
    const b1 = await admin('health.batchCreate', { date: '2025-03-10', institution: '泰州市职业病防治所', kind: 'periodic' });
    await admin('health.examsSave', { batchId: b1.id, exams: [{ workerId: a.id, factorIds: [f('BENZENE')], conclusion: 'contraindication', contraindication: '再生障碍性贫血' }] });
    const b2 = await admin('health.batchCreate', { date: '2025-09-01', institution: '人民医院', kind: 'emergency' });
    await admin('health.examsSave', { batchId: b2.id, exams: [{ workerId: a.id, conclusion: 'recheck', recheckItems: '血常规', recheckDue: '2025-10-01' }] });
    const text = pdfText(tc!.fileBytes(await admin('health.healthFilePdf', { workerId: a.id })));
    for (const s of ['职业健康监护档案', '测试化工有限公司', 'W001', '张三', '1990-03-07', '精馏工', '2020-05-01', '至今', '泰州市职业病防治所', '职业禁忌证（再生障碍性贫血）', '血常规', '逾期未复查', '电工作业', 'T3201', '复查已逾期', '职业禁忌证仍在岗：苯（再生障碍性贫血）', '特种作业证已过期', '到期换证']) {
      expect(text).toContain(s);
    }
    // the review cycle (2020 + 3 years) ends after the expiry (2021-01-01): the renewal at the expiry, no review date
    expect(text).not.toContain('2023-01-01');
    expect(await refusal(admin('health.healthFilePdf', { workerId: 'nobody' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
