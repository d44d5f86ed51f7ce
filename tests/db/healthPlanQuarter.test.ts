// The quarter's exam plan xlsx (health.dueQuarterXlsx) read back cell by cell: the exams to BOOK by the quarter's end —
// active workers only (who left is not on it), pre-job, periodic (overdue marked), recheck (with its exam's factors),
// women's and exit exams (an active worker moved off the exposed post), one line per worker, exam and date; a
// contraindication still in the post is no exam to book: it goes on the second sheet 需调岗. And the due list's recheck
// row shows its exam's factors and the batch it came from.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { refreshHealthDue } from '../../electron/core/health/plan/due';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput } from '../../shared/contract';
import { addDays, addMonths, quarterOf } from '../../shared/health/plan/rules';
import { localToday } from '../../shared/kernel/schemas';
import { openTestCore, type Call, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const today = localToday();
const ago = (days: number) => addDays(today, -days);
const q = quarterOf(today);

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
  return bid;
}

/** the rows of a sheet under its header row, as plain values (dates as ISO text) */
function body(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  let header = 0;
  ws.eachRow((row, n) => {
    const raw = row.values as unknown[];
    const v = Array.from({ length: row.cellCount }, (_, i) => raw[i + 1]).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === '' || c === undefined ? null : c));
    if (v[0] === '序号') header = n;
    else if (header && n > header) out.push(v);
  });
  return out;
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: team.id, hireDate: '2020-03-01', post: '操作工', ...extra });
  const factors = await admin('health.factors', {});
  const fid = (code: string) => factors.find((f) => f.code === code)!.id;
  return { admin, w, fid, team };
}

describe("the quarter's exam plan", () => {
  it('lists the exams to book for active workers, overdue marked, and the post changes on a second sheet', async () => {
    const { admin, w, fid, team } = await world();
    const noise = fid('NOISE_85');
    const benzene = fid('BENZENE');
    const NOISE = '噪声（≥ 85 dB(A)）';
    // periodic, overdue by 5 days, two factors examined together: one line
    const a = await w('W001', '张三');
    await admin('health.exposureAdd', { workerId: a.id, factorId: noise, startDate: '2020-03-01' });
    await admin('health.exposureAdd', { workerId: a.id, factorId: benzene, startDate: '2020-03-01' });
    const aLast = addMonths(ago(5), -12);
    const aDue = addMonths(aLast, 12);
    const aOver = Math.round((Date.parse(today) - Date.parse(aDue)) / 86_400_000);
    exam(tc!.core, a.id, aLast, 'periodic', [noise, benzene]);
    // left without the exit exam: an alert in the due list, not on the plan
    const b = await w('W002', '李四');
    await admin('health.exposureAdd', { workerId: b.id, factorId: noise, startDate: '2020-03-01' });
    await admin('workers.update', { id: b.id, data: { empNo: 'W002', name: '李四', gender: 'M', orgUnitId: team.id, status: 'left' } });
    // a recheck due today of an exam that covered noise
    const c = await w('W003', '王五');
    await admin('health.exposureAdd', { workerId: c.id, factorId: noise, startDate: '2020-03-01' });
    const recheckBatch = exam(tc!.core, c.id, ago(30), 'periodic', [noise], { conclusion: 'recheck', recheckDue: today });
    // a contraindication while still exposed: 需调岗, not an exam
    const d = await w('W004', '赵六');
    await admin('health.exposureAdd', { workerId: d.id, factorId: noise, startDate: '2020-03-01' });
    exam(tc!.core, d.id, ago(20), 'periodic', [noise], { conclusion: 'contraindication', contraindication: '高血压' });
    // moved off the exposed post 10 days ago without an exit exam: the exit exam, overdue
    const e = await w('W005', '孙七');
    const x = await admin('health.exposureAdd', { workerId: e.id, factorId: benzene, startDate: '2021-01-01' });
    await admin('health.exposureEnd', { id: x.id, endDate: ago(10) });
    exam(tc!.core, e.id, ago(100), 'periodic', [benzene]);
    // exposed work begun today without a pre-job exam
    const f = await w('W006', '周八');
    await admin('health.exposureAdd', { workerId: f.id, factorId: benzene, startDate: today });
    // periodic due next year: not this quarter
    const g = await w('W007', '吴九');
    await admin('health.exposureAdd', { workerId: g.id, factorId: noise, startDate: '2020-03-01' });
    exam(tc!.core, g.id, ago(10), 'periodic', [noise]);

    // the due list's recheck row shows the exam's factors and leads to its batch
    const due = await admin('health.due', {});
    const recheck = due.rows.find((r) => r.empNo === 'W003')!;
    expect(recheck).toMatchObject({ alert: 'recheck_due', factorId: null, factorName: NOISE, batchId: recheckBatch });
    expect(due.rows.find((r) => r.empNo === 'W002')?.alert).toBe('exit');

    const ref = await admin('health.dueQuarterXlsx', {});
    expect(ref.fileName).toBe(`${q.label}体检计划.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc!.fileBytes(ref) as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['体检计划', '需调岗']);
    const plan = wb.worksheets[0]!;
    expect(String(plan.getCell('A1').value)).toContain(`${q.label}职业健康检查计划`);
    expect(String(plan.getCell('A2').value)).toContain(`截至 ${q.to}`);
    const header = (plan.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '工号', '姓名', '车间', '班组', '岗位', '体检类别', '危害因素', '应检日期', '状态', '上次体检', '说明']);
    expect(body(plan)).toEqual([
      [1, 'W005', '孙七', '合成车间', '甲班', '操作工', '离岗时', '苯', ago(10), '已逾期 10 天', null, '已调离接触岗位'],
      [2, 'W001', '张三', '合成车间', '甲班', '操作工', '在岗期间', `${NOISE}、苯`, aDue, `已逾期 ${aOver} 天`, aLast, null],
      [3, 'W003', '王五', '合成车间', '甲班', '操作工', '复查', NOISE, today, '本季度应检', ago(30), '复查项目：电测听'],
      [4, 'W006', '周八', '合成车间', '甲班', '操作工', '上岗前', '苯', today, '本季度应检', null, null],
    ]);
    const text = JSON.stringify(plan.getSheetValues());
    expect(text).not.toContain('李四');
    expect(text).not.toContain('赵六');
    expect(text).not.toContain('吴九');

    const moves = wb.worksheets[1]!;
    expect(body(moves)).toEqual([[1, 'W004', '赵六', '合成车间', '甲班', '操作工', NOISE, '高血压', ago(20)]]);
  });
});
