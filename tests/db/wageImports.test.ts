// Imports of the wage records (issue 9) through the real dispatch, from real .xlsx files built here the way offices
// make them: a title row above the header, merged workshop cells, months written five ways, hours with 小时, full-width
// digits, a footer, duplicates and unknown workers. The preview writes nothing; the commit writes in one transaction;
// re-importing updates instead of duplicating; cancelling writes nothing; hostile files are refused with a clear message.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput } from '../../shared/contract';
import type { WageImportPreview } from '../../shared/wage/imports/types';
import { type Call, caller, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

/** A snapshot of the wage tables and the audit log, to prove a preview, a refusal or a cancel changed nothing. */
function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(['wage_timekeeping', 'wage_behaviour', 'wage_accidents', 'wage_accident_workers', 'audit_log'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

type Cell = string | number | Date | null;
/** An .xlsx of one sheet: rows of cells (1-based A1 addressing for merges). */
async function xlsx(rows: Cell[][], merges: string[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((r) => ws.addRow(r));
  for (const m of merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
async function readBack(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const ws2 = await admin('org.create', { kind: 'workshop', parentId: null, name: '储运车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const team2 = await admin('org.create', { kind: 'team', parentId: ws2.id, name: '甲班' });
  const teamB = await admin('org.create', { kind: 'team', parentId: ws.id, name: '乙班' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: team.id, ...extra });
  const a = await w('W001', '张三');
  const b = await w('W002', '李四');
  const c = await w('W003', '王五', { orgUnitId: teamB.id });
  return { admin, ws, team, team2, teamB, a, b, c };
}

const preview = (call: Call, kind: 'timekeeping' | 'behaviour' | 'accidents', dataBase64: string, extra: Partial<ChannelInput<'wage.importPreview'>> = {}) =>
  call('wage.importPreview', { kind, fileName: `${kind}.xlsx`, dataBase64, ...extra });
const problemsOf = (p: WageImportPreview, row: number) => p.rows.find((r) => r.rowNumber === row)!.problems.map((x) => say({ message: x.message, params: x.params }));

describe('timekeeping import', () => {
  it('reads a messy sheet (title row, merged workshop cells, months five ways, 小时, full-width digits, a footer) and writes nothing until confirmed', async () => {
    const { admin, a, b, c } = await world();
    const data = await xlsx(
      [
        ['2026年3月份安全生产工时考勤表', null, null, null, null, null, null],
        ['车间', '工号', '姓名', '考勤月份', '出勤小时', '出勤天数', '备注'],
        ['合成车间', 'W001', '张三', '2026-03', '176小时', '22天', null],
        [null, 'Ｗ００２', '李四', '2026年3月', '１６８', 21, '夜班多'],
        [null, 'W003', '王五', new Date(Date.UTC(2026, 2, 1)), 160.5, null, null],
        ['储运车间', 'W001', '张三', '202604', '170', '21', null],
        [null, 'W099', '赵六', '2026-03', '150', null, null],
        [null, 'W002', '李十', '2026/3', '150', null, null],
        [null, 'W001', '张三', '2026.3', '150', null, null],
        [null, 'W002', '李四', '3月', '180', '21.5', null],
        ['制表人：刘会计    审核人：陈主任', null, null, null, null, null, null],
      ],
      ['A1:G1', 'A3:A5', 'A6:A10'],
    );
    const before = tables(tc!.core);
    const p = await preview(admin, 'timekeeping', data);
    expect(tables(tc!.core)).toBe(before);
    expect(p.headerRow).toBe(2);
    expect(p.periodFrom).toBe('title');
    expect(p.period).toBe('2026-03');
    expect(p.missingRequired).toEqual([]);
    expect(p.counts).toEqual({ total: 8, create: 4, update: 0, unchanged: 0, invalid: 4 });
    expect(p.skippedRows).toEqual([{ rowNumber: 11, reason: 'footer', text: '制表人：刘会计    审核人：陈主任' }]);
    const row = (n: number) => p.rows.find((r) => r.rowNumber === n)!;
    expect(row(3)).toMatchObject({ who: 'W001 张三', action: 'create', parsed: { period: '2026-03', hours: 176, shifts: 22 } });
    expect(row(4)).toMatchObject({ who: 'W002 李四', action: 'create', parsed: { period: '2026-03', hours: 168, shifts: 21, note: '夜班多' } });
    expect(row(5)).toMatchObject({ who: 'W003 王五', action: 'create', parsed: { period: '2026-03', hours: 160.5, shifts: null } });
    expect(row(6)).toMatchObject({ action: 'create', parsed: { period: '2026-04', hours: 170 } });
    expect(problemsOf(p, 7)).toEqual(['花名册中没有工号 W099']);
    expect(problemsOf(p, 8)).toEqual(['工号 W002 在花名册中是“李四”']);
    expect(problemsOf(p, 9)).toEqual(['与第 3 行是同一条记录']);
    expect(problemsOf(p, 10)).toEqual(['月份无法识别（可写 2026-03、2026/3、2026年3月、202603 或日期）', '班次应为整数']);
    expect(row(10).problems.map((x) => x.field)).toEqual(['period', 'shifts']);

    // rows with problems refuse the commit unless they are skipped: nothing written
    expect(await refusal(admin('wage.importCommit', { importId: p.importId }))).toMatchObject({ code: 'VALIDATION', message: 'err.wage.import.invalidRows', details: { count: 4, invalidRows: [7, 8, 9, 10] } });
    expect(tables(tc!.core)).toBe(before);

    // the refused rows as a sheet to correct: the file's cells and the reasons
    const rejected = await readBack(tc!.fileBytes(await admin('wage.importRejected', { importId: p.importId })));
    expect(rejected[0]).toEqual(['行号', '车间', '工号', '姓名', '考勤月份', '出勤小时', '出勤天数', '备注', '问题']);
    expect(rejected.slice(1).map((r) => r[0])).toEqual(['7', '8', '9', '10']);
    expect(rejected[1]).toContain('W099');
    expect(rejected[1]!.at(-1)).toBe('工号：花名册中没有工号 W099');
    expect(rejected[4]!.at(-1)).toBe('月份：月份无法识别（可写 2026-03、2026/3、2026年3月、202603 或日期）；班次：班次应为整数');
    // numbers stay numbers (工时 150, 班次 21.5), the employee number text
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc!.fileBytes(await admin('wage.importRejected', { importId: p.importId })) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(2).getCell(6).value).toBe(150);
    expect(sheet.getRow(5).getCell(6).value).toBe(180);
    expect(sheet.getRow(5).getCell(7).value).toBe(21.5);
    expect(sheet.getRow(2).getCell(3).value).toBe('W099');
    expect(sheet.getRow(2).getCell(1).value).toBe(7);

    const r = await admin('wage.importCommit', { importId: p.importId, skipInvalid: true });
    expect(r).toEqual({ kind: 'timekeeping', created: 4, updated: 0, unchanged: 0, skipped: 4 });
    const march = await admin('wage.timekeeping', { period: '2026-03' });
    expect(march.map((t) => [t.empNo, t.hours, t.shifts, t.source, t.note])).toEqual([
      ['W001', 176, 22, 'import', null],
      ['W002', 168, 21, 'import', '夜班多'],
      ['W003', 160.5, null, 'import', null],
    ]);
    expect((await admin('wage.timekeeping', { period: '2026-04' })).map((t) => [t.empNo, t.hours])).toEqual([['W001', 170]]);
    const log = tc!.core.store.db.prepare(`SELECT action FROM audit_log WHERE entity = 'wage_timekeeping'`).pluck().all();
    expect(log).toEqual(['create', 'create', 'create', 'create']);
    // the session is gone after the commit
    expect(await refusal(admin('wage.importCommit', { importId: p.importId, skipInvalid: true }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.import.expired' });

    // re-importing the month: changed hours update the row, an unchanged row stays, a sheet without the days column
    // keeps the days entered before — no duplicates
    const again = await xlsx([
      ['工号', '姓名', '月份', '工时'],
      ['W001', '张三', '2026-03', '176'],
      ['W002', '李四', '2026-03', '172.5'],
      ['W003', '王五', '2026-03', '160.5'],
    ]);
    const p2 = await preview(admin, 'timekeeping', again);
    expect(p2.counts).toEqual({ total: 3, create: 0, update: 1, unchanged: 2, invalid: 0 });
    expect(p2.rows[1]).toMatchObject({ action: 'update', changes: ['hours'], parsed: { hours: 172.5, shifts: 21 } });
    expect(await admin('wage.importCommit', { importId: p2.importId })).toEqual({ kind: 'timekeeping', created: 0, updated: 1, unchanged: 2, skipped: 0 });
    const after = await admin('wage.timekeeping', { period: '2026-03' });
    expect(after.map((t) => [t.empNo, t.hours, t.shifts, t.note])).toEqual([
      ['W001', 176, 22, null],
      ['W002', 172.5, 21, '夜班多'],
      ['W003', 160.5, null, null],
    ]);
    expect(tc!.core.store.db.prepare(`SELECT count(*) FROM wage_timekeeping`).pluck().get()).toBe(4);
    const upd = tc!.core.store.db.prepare(`SELECT before, after FROM audit_log WHERE entity = 'wage_timekeeping' AND action = 'update'`).all() as { before: string; after: string }[];
    expect(upd).toHaveLength(1);
    expect(JSON.parse(upd[0]!.before)).toMatchObject({ empNo: 'W002', hours: 168 });
    expect(JSON.parse(upd[0]!.after)).toMatchObject({ empNo: 'W002', hours: 172.5, source: 'import' });
    void a;
    void b;
    void c;
  });

  it('a sheet without a month anywhere asks for one; the month chosen applies to every row', async () => {
    const { admin } = await world();
    const p = await preview(admin, 'timekeeping', await xlsx([['工号', '姓名', '工时'], ['W001', '张三', '176'], ['W002', '李四', '168']]));
    expect(p.missingRequired).toEqual(['period']);
    expect(p.period).toBeNull();
    expect(problemsOf(p, 2)).toEqual(['必填']);
    const before = tables(tc!.core);
    expect(await refusal(admin('wage.importCommit', { importId: p.importId, skipInvalid: true }))).toMatchObject({ code: 'VALIDATION', message: 'err.wage.import.missingColumns', details: { columns: '月份' } });
    expect(tables(tc!.core)).toBe(before);
    const p2 = await admin('wage.importRemap', { importId: p.importId, period: '2026-02' });
    expect(p2).toMatchObject({ missingRequired: [], period: '2026-02', periodFrom: 'chosen', counts: { create: 2, invalid: 0 } });
    await admin('wage.importCommit', { importId: p.importId });
    expect((await admin('wage.timekeeping', { period: '2026-02' })).map((t) => [t.empNo, t.hours])).toEqual([
      ['W001', 176],
      ['W002', 168],
    ]);
  });

  it('a sheet with neither hours nor days is refused as missing a column', async () => {
    const { admin } = await world();
    const p = await preview(admin, 'timekeeping', await xlsx([['工号', '姓名', '月份', '备注'], ['W001', '张三', '2026-03', 'x']]));
    expect(p.missingRequired).toEqual(['hours']);
  });
});

describe('behaviour import', () => {
  it('reads kinds and points as offices write them, records of a worker or a team, and re-imports without duplicates', async () => {
    const { admin, a, team, teamB } = await world();
    const data = await xlsx(
      [
        ['2026年3月违章及表扬记录', null, null, null, null, null, null, null],
        ['日期', '工号', '姓名', '班组', '类别', '事项', '分值', '备注'],
        [new Date(Date.UTC(2026, 2, 5)), 'W001', '张三', '甲班', '违章', '未戴安全帽', '扣2分', '巡检发现'],
        ['2026/3/6', 'W002', '李四', '甲班', '违章', '违章动火', 5, null],
        ['2026年3月7日', 'W003', '王五', '乙班', '表扬', '制止违章', '+3', null],
        ['2026-03-08', null, null, '乙班', '奖励', '采纳安全建议', '加２分', '班组建议'],
        ['2026-03-09', 'W001', '张三', null, null, '脱岗睡岗', '-1', null],
        ['2026-03-10', null, null, '甲班', '表扬', '参与应急处置', '2', null],
        ['2099-01-01', 'W001', '张三', null, '违章', '未系安全带', '-2', null],
        ['2026-03-11', 'W001', '张三', null, '批评', '未系安全带', '-2', null],
        ['2026-03-05', 'W001', '张三', '甲班', '违章', '未戴安全帽', '-2', '重复'],
        ['2026-03-12', 'W001', '张三', null, '表扬', '发现重大隐患', '扣1分', null],
      ],
      ['A1:H1'],
    );
    const before = tables(tc!.core);
    const p = await preview(admin, 'behaviour', data);
    expect(tables(tc!.core)).toBe(before);
    expect(p.headerRow).toBe(2);
    expect(p.counts).toMatchObject({ total: 10, create: 5, invalid: 5 });
    const row = (n: number) => p.rows.find((r) => r.rowNumber === n)!;
    expect(row(3)).toMatchObject({ action: 'create', parsed: { date: '2026-03-05', kind: 'violation', category: '未戴安全帽', points: -2, note: '巡检发现' } });
    expect(row(4).parsed).toMatchObject({ kind: 'violation', points: -5 }); // a violation written as 5 takes five off
    expect(row(5).parsed).toMatchObject({ kind: 'good_act', points: 3 });
    expect(row(6)).toMatchObject({ who: '乙班', parsed: { kind: 'good_act', points: 2, team: '乙班' } });
    expect(row(7).parsed).toMatchObject({ kind: 'violation', points: -1 }); // no kind: the sign decides
    expect(problemsOf(p, 8)).toEqual(['有多个班组叫“甲班”，请填写车间']);
    expect(problemsOf(p, 9)).toEqual(['日期不能晚于今天']);
    expect(problemsOf(p, 10)).toEqual(['类别无法识别：应为 违章，或 表扬 / 奖励 / 安全行为']);
    expect(problemsOf(p, 11)).toEqual(['与第 3 行是同一条记录']);
    expect(problemsOf(p, 12)).toEqual(['安全行为应加分（分值为正数）']);

    await admin('wage.importCommit', { importId: p.importId, skipInvalid: true });
    const all = await admin('wage.behaviour', {});
    expect(all.map((x) => [x.date, x.empNo ?? x.teamName, x.kind, x.category, x.points]).reverse()).toEqual([
      ['2026-03-05', 'W001', 'violation', '未戴安全帽', -2],
      ['2026-03-06', 'W002', 'violation', '违章动火', -5],
      ['2026-03-07', 'W003', 'good_act', '制止违章', 3],
      ['2026-03-08', '乙班', 'good_act', '采纳安全建议', 2],
      ['2026-03-09', 'W001', 'violation', '脱岗睡岗', -1],
    ]);
    expect(all.find((x) => x.teamName === '乙班')!.teamId).toBe(teamB.id);
    expect(all.find((x) => x.empNo === 'W001' && x.points === -2)!.enteredBy).toBe('王主席');

    // the same sheet again: the same records, unchanged; a changed note updates; a deleted record stays deleted
    const deleted = all.find((x) => x.category === '脱岗睡岗')!;
    await admin('wage.behaviourDelete', { id: deleted.id });
    const again = await xlsx([
      ['日期', '工号', '班组', '车间', '类别', '事项', '分值', '备注'],
      ['2026-03-05', 'W001', null, null, '违章', '未戴安全帽', '-2', '巡检发现，已整改'],
      ['2026-03-06', 'W002', null, null, '违章', '违章动火', '-5', null],
      ['2026-03-09', 'W001', null, null, '违章', '脱岗睡岗', '-1', null],
      ['2026-03-10', null, '甲班', '合成车间', '表扬', '参与应急处置', '2', null],
    ]);
    const p2 = await preview(admin, 'behaviour', again);
    expect(p2.counts).toEqual({ total: 4, create: 1, update: 1, unchanged: 2, invalid: 0 });
    expect(p2.rows.map((r) => [r.action, r.changes])).toEqual([
      ['update', ['note']],
      ['unchanged', []],
      ['unchanged', ['deleted']],
      ['create', undefined],
    ]);
    await admin('wage.importCommit', { importId: p2.importId });
    const after = await admin('wage.behaviour', {});
    expect(after).toHaveLength(5);
    expect(after.find((x) => x.category === '未戴安全帽')!.note).toBe('巡检发现，已整改');
    expect(after.find((x) => x.category === '参与应急处置')).toMatchObject({ teamId: team.id, empNo: null });
    expect(await admin('wage.behaviour', { deleted: true })).toHaveLength(1);
    void a;
  });

  it('a points column named 扣分 takes points off without a kind column', async () => {
    const { admin } = await world();
    const p = await preview(admin, 'behaviour', await xlsx([['日期', '工号', '违章内容', '扣分'], ['2026-03-05', 'W001', '未戴安全帽', 3]]));
    expect(p.rows[0]).toMatchObject({ action: 'create', parsed: { kind: 'violation', category: '未戴安全帽', points: -3 } });
  });
});

describe('accidents import', () => {
  it('reads severity words and the people involved; the same date, place and severity again updates the accident', async () => {
    const { admin, a, b, team } = await world();
    const data = await xlsx([
      ['事故登记台账'],
      ['日期', '地点', '等级', '车间', '班组', '涉及人员', '经过'],
      ['2026-03-10', '罐区', '未遂事件', '合成车间', '甲班', 'W001 张三、W002', '阀门泄漏，及时关闭'],
      ['2026-03-12', '装卸站', '轻伤', null, null, '李四', '扭伤脚踝'],
      ['2026-03-14', '泵房', '很严重', null, null, 'W009', '—'],
    ]);
    const p = await preview(admin, 'accidents', data);
    expect(p.counts).toMatchObject({ total: 3, create: 2, invalid: 1 });
    expect(p.rows[0]).toMatchObject({ who: '罐区', parsed: { kind: 'near_miss', team: '甲班', workers: ['W001 张三', 'W002 李四'] } });
    expect(problemsOf(p, 5)).toEqual(['等级无法识别：应为 未遂、轻伤、重伤 或 死亡', '“W009”不在花名册中']);
    await admin('wage.importCommit', { importId: p.importId, skipInvalid: true });
    const list = await admin('wage.accidents', {});
    expect(list.map((x) => [x.date, x.place, x.severity, x.teamId, x.workers.map((w) => w.empNo)])).toEqual([
      ['2026-03-12', '装卸站', 'minor_injury', null, ['W002']],
      ['2026-03-10', '罐区', 'near_miss', team.id, ['W001', 'W002']],
    ]);

    const again = await xlsx([
      ['日期', '地点', '等级', '涉及人员', '经过'],
      ['2026-03-10', '罐区', '未遂', 'W001', '阀门泄漏，及时关闭'],
      ['2026-03-12', '装卸站', '轻伤', '李四', '扭伤脚踝'],
    ]);
    const p2 = await preview(admin, 'accidents', again);
    expect(p2.rows.map((r) => [r.action, r.changes])).toEqual([
      ['update', ['workers']],
      ['unchanged', []],
    ]);
    await admin('wage.importCommit', { importId: p2.importId });
    const after = await admin('wage.accidents', {});
    expect(after).toHaveLength(2);
    // a sheet without the team column keeps the accident's team
    expect(after.find((x) => x.place === '罐区')).toMatchObject({ teamId: team.id, workers: [{ empNo: 'W001' }] });
    void a;
    void b;
  });
});

describe('cancel, refusals and hostile files', () => {
  it('cancelling writes nothing and forgets the file', async () => {
    const { admin } = await world();
    const before = tables(tc!.core);
    const p = await preview(admin, 'timekeeping', await xlsx([['工号', '月份', '工时'], ['W001', '2026-03', '176']]));
    expect(await admin('wage.importCancel', { importId: p.importId })).toEqual({ cancelled: true });
    expect(await refusal(admin('wage.importCommit', { importId: p.importId }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.import.expired' });
    expect(tables(tc!.core)).toBe(before);
  });

  it('refuses what is not a workbook, an old .xls, a sheet without a header, too many rows and too large a file — changing nothing', async () => {
    const { admin } = await world();
    const before = tables(tc!.core);
    const b64 = (b: Buffer) => b.toString('base64');
    expect(await refusal(admin('wage.importPreview', { kind: 'behaviour', fileName: 'x.xlsx', dataBase64: b64(Buffer.from('not a workbook at all')) }))).toMatchObject({ code: 'BAD_FILE', message: 'err.file.notXlsx' });
    expect(await refusal(admin('wage.importPreview', { kind: 'behaviour', fileName: 'x.xls', dataBase64: b64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])) }))).toMatchObject({ code: 'BAD_FILE', message: 'err.file.xls' });
    expect(await refusal(admin('wage.importPreview', { kind: 'behaviour', fileName: 'x.png', dataBase64: b64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])) }))).toMatchObject({ code: 'BAD_FILE', message: 'err.file.notTable' });
    const noHeader = await refusal(preview(admin, 'accidents', await xlsx([['随便写点什么'], ['a', 'b']])));
    expect(noHeader).toMatchObject({ code: 'BAD_FILE', message: 'err.wage.import.noHeader' });
    expect(say(noHeader)).toBe('找不到表头行：前 30 行中没有一行包含“日期”“地点”“等级”“经过”等列名');
    const many = ['工号,月份,工时', ...Array.from({ length: 100_001 }, (_, i) => `W${i},2026-03,1`)].join('\n');
    const tooMany = await refusal(admin('wage.importPreview', { kind: 'timekeeping', fileName: 'big.csv', dataBase64: b64(Buffer.from(many)) }));
    expect(tooMany).toMatchObject({ code: 'BAD_FILE', message: 'err.wage.import.tooManyRows', details: { rows: 100_001, max: 100_000 } });
    expect(say(tooMany)).toBe('文件有 100001 行，一次最多导入 100000 行，请分成几个文件');
    const huge = await refusal(admin('wage.importPreview', { kind: 'timekeeping', fileName: 'huge.xlsx', dataBase64: 'A'.repeat(Math.ceil((21 * 1024 * 1024) / 3) * 4) }));
    // the same bound as the roster import's: a file over 20 MB is refused at the door
    expect(huge).toMatchObject({ message: 'err.input.tooLarge', details: { reason: 'TOO_LARGE' } });
    expect(tables(tc!.core)).toBe(before);
  });

  it('only those who enter the records import them', async () => {
    const { admin } = await world();
    const tl = await admin('workers.create', { empNo: 'T001', name: '孙班长', gender: 'M', roles: ['team_leader'] });
    const op = await admin('operators.add', { workerId: tl.id });
    const asTl = caller(tc!.core);
    await asTl.call('session.signIn', { operatorId: op.id });
    const data = await xlsx([['工号', '月份', '工时'], ['W001', '2026-03', '176']]);
    expect(await refusal(preview(asTl.call, 'timekeeping', data))).toMatchObject({ code: 'FORBIDDEN', message: 'err.wage.recordersOnly' });
    // a preview made by a recorder cannot be committed by someone else who is not one
    const p = await preview(admin, 'timekeeping', data);
    const before = tables(tc!.core);
    expect(await refusal(asTl.call('wage.importCommit', { importId: p.importId }))).toMatchObject({ code: 'FORBIDDEN', message: 'err.wage.recordersOnly' });
    expect(tables(tc!.core)).toBe(before);
  });

  it('a template per kind: the importer’s own columns, and a sheet that explains them', async () => {
    const { admin } = await world();
    for (const [kind, header] of [
      ['timekeeping', ['工号', '姓名', '车间', '班组', '月份', '工时（小时）', '班次', '备注']],
      ['behaviour', ['日期', '工号', '姓名', '车间', '班组', '类别', '事项', '分值', '备注']],
      ['accidents', ['日期', '地点', '等级', '车间', '班组', '涉及人员', '经过']],
    ] as const) {
      const ref = await admin('wage.importTemplate', { kind });
      expect(ref.fileName).toMatch(/导入模板\.xlsx$/);
      const bytes = tc!.fileBytes(ref);
      expect((await readBack(bytes))[0]).toEqual(header);
      // the template imports as an empty sheet: its header is recognised in full
      const p = await preview(admin, kind, bytes.toString('base64'));
      expect(p.headerRow).toBe(1);
      expect(Object.keys(p.mapping).sort()).toEqual([...header.keys()].map((i) => p.fields[i]).sort());
      expect(p.counts.total).toBe(0);
    }
    const en = await admin('wage.importTemplate', { kind: 'behaviour', locale: 'en' });
    expect(en.fileName).toBe('Behaviour records import template.xlsx');
  });
});

describe('timekeeping kept day by day (考勤表: one column per day)', () => {
  const days = (n = 31) => Array.from({ length: n }, (_, i) => i + 1);
  const weekdays = ['三', '四', '五', '六', '日', '一', '二'];

  it('a two-row header (姓名 above, 1 … 31 below), a weekday row, marks and a 出勤天数 total column: the total is read; 00123 written as 123 and 张 三 are found', async () => {
    const { admin } = await world();
    await admin('workers.create', { empNo: '00123', name: '赵六', gender: 'M' });
    const marks = (worked: number) => Array.from({ length: 31 }, (_, i) => (i < worked ? (i % 7 === 5 ? '夜' : '√') : i < 30 ? '休' : null));
    const data = await xlsx(
      [
        ['合成车间2026年4月份考勤表', ...Array<null>(35).fill(null)],
        ['序号', '工号', '姓名', '出勤情况', ...Array<null>(30).fill(null), '出勤天数', '备注'],
        [null, null, null, ...days(), null, null],
        [null, null, '星期', ...days().map((d) => weekdays[(d - 1) % 7]!), null, null],
        [1, 'W001', '张 三', ...marks(22), 22, null],
        [2, 123, '赵六', ...marks(20), 20, '病假两天'],
        [3, 'W002', '李四', ...marks(21), null, null],
        ['制表：刘会计', ...Array<null>(35).fill(null)],
      ],
      ['A1:AJ1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:AH2', 'AI2:AI3', 'AJ2:AJ3'],
    );
    const before = tables(tc!.core);
    const p = await preview(admin, 'timekeeping', data);
    expect(tables(tc!.core)).toBe(before);
    expect(p).toMatchObject({ headerRow: 3, period: '2026-04', periodFrom: 'title', missingRequired: [], days: { count: 31, first: 1, last: 31 } });
    expect(p.skippedRows.map((r) => [r.rowNumber, r.reason])).toEqual([
      [4, 'header'],
      [8, 'footer'],
    ]);
    const row = (n: number) => p.rows.find((r) => r.rowNumber === n)!;
    expect(row(5)).toMatchObject({ who: 'W001 张三', action: 'create', parsed: { period: '2026-04', hours: null, shifts: 22 } });
    expect(row(6)).toMatchObject({ who: '00123 赵六', action: 'create', parsed: { shifts: 20, note: '病假两天' } });
    // no total written: the days marked are counted
    expect(row(7)).toMatchObject({ who: 'W002 李四', action: 'create', parsed: { shifts: 21 } });
    await admin('wage.importCommit', { importId: p.importId });
    expect((await admin('wage.timekeeping', { period: '2026-04' })).map((t) => [t.empNo, t.hours, t.shifts])).toEqual([
      ['00123', null, 20],
      ['W001', null, 22],
      ['W002', null, 21],
    ]);
  });

  it('hours per day without a total column are summed (8, 8.5h, 夜 without hours, 休, -, blank); a cell not understood, day 31 of April and the same worker twice are the rows’ problems', async () => {
    const { admin } = await world();
    const grid = (cells: Record<number, string | number>) => days().map((d) => cells[d] ?? null);
    const eights = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i + 1, 8]));
    const data = await xlsx([
      ['姓名', '工号', ...days().map((d) => `${d}日`)],
      ['张三', 'W001', ...grid({ ...eights(20), 21: '8.5h', 22: '夜', 23: '休', 24: '-' })],
      ['李四', 'W002', ...grid({ ...eights(3), 4: '出差?' })],
      ['王五', 'W003', ...grid({ ...eights(2), 31: 8 })],
      ['张三', 'W001', ...grid(eights(1))],
    ]);
    const p = await preview(admin, 'timekeeping', data, { period: '2026-04' });
    expect(p).toMatchObject({ headerRow: 1, missingRequired: [], period: '2026-04', periodFrom: 'chosen' });
    const row = (n: number) => p.rows.find((r) => r.rowNumber === n)!;
    expect(row(2)).toMatchObject({ action: 'create', parsed: { hours: 168.5, shifts: 22 } });
    expect(problemsOf(p, 3)).toEqual(['逐日考勤有 1 格无法识别（日: 内容）：4: “出差?”；可写当日工时（8、7.5h）、出勤标记（√ ○ 夜 白 中）或 休 假 病 事 旷 -']);
    expect(problemsOf(p, 4)).toEqual(['2026-04 没有 31 日，但该日有出勤']);
    expect(problemsOf(p, 5)).toEqual(['与第 2 行是同一条记录']);
    const before = tables(tc!.core);
    expect(await refusal(admin('wage.importCommit', { importId: p.importId }))).toMatchObject({ message: 'err.wage.import.invalidRows', details: { invalidRows: [3, 4, 5] } });
    expect(tables(tc!.core)).toBe(before);
    await admin('wage.importCommit', { importId: p.importId, skipInvalid: true });
    expect((await admin('wage.timekeeping', { period: '2026-04' })).map((t) => [t.empNo, t.hours, t.shifts])).toEqual([['W001', 168.5, 22]]);
  });

  it('a total column of hours is read as written; a dash or 休 in it is 0 hours', async () => {
    const { admin } = await world();
    const data = await xlsx([
      ['2026年3月考勤表'],
      ['工号', '姓名', ...days(), '工时合计'],
      ['W001', '张三', ...days().map(() => 8), '176'],
      ['W002', '李四', ...days().map(() => '休'), '-'],
      ['W003', '王五', ...days().map(() => null), '176 小时'],
    ]);
    const p = await preview(admin, 'timekeeping', data);
    expect(p.rows.map((r) => [r.rowNumber, r.action, r.parsed?.hours, r.parsed?.shifts])).toEqual([
      [3, 'create', 176, 31],
      [4, 'create', 0, 0],
      [5, 'create', 176, null],
    ]);
  });
});

describe('workbooks as offices send them', () => {
  it('a first tab that is a cover (or an explanation) is passed over: the first tab with the kind’s header is read', async () => {
    const { admin } = await world();
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet('封面');
    cover.addRow(['合成车间 2026 年 3 月考勤']);
    cover.addRow(['填报单位：合成车间', '填报人：刘会计']);
    const help = wb.addWorksheet('填表说明');
    help.addRow(['工时请填写数字']);
    const sheet = wb.addWorksheet('3月');
    sheet.addRow(['工号', '姓名', '月份', '工时']);
    sheet.addRow(['W001', '张三', '2026-03', 176]);
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await preview(admin, 'timekeeping', data);
    expect(p).toMatchObject({ headerRow: 1, counts: { total: 1, create: 1, invalid: 0 } });
    expect(p.rows[0]).toMatchObject({ who: 'W001 张三', parsed: { period: '2026-03', hours: 176 } });
  });
});

describe('hostile and half-made files', () => {
  it('a cell far longer than any record (a zip bomb’s payload) refuses the file without echoing it; a formula saved without its value says so', async () => {
    const { admin } = await world();
    const before = tables(tc!.core);
    const long = await refusal(preview(admin, 'timekeeping', await xlsx([['工号', '月份', '工时'], ['W001', '2026-03', 'A'.repeat(50_000)]])));
    expect(long).toMatchObject({ code: 'BAD_FILE', message: 'err.wage.import.cellTooLong', details: { row: 2, column: 'C', length: 50_000, max: 10_000 } });
    expect(say(long)).toBe('第 2 行 C 列的内容有 50000 个字符（记录中最长 10000 个）：这不像一张记录表，请检查文件');
    expect(tables(tc!.core)).toBe(before);

    // a zip bomb: a sheet that says it unpacks to 512 MB is refused before it is unpacked
    const bomb = Buffer.from(Buffer.from(await xlsx([['工号', '月份', '工时']]), 'base64'));
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(512 * 1024 * 1024, cd + 24);
    const refused = await refusal(admin('wage.importPreview', { kind: 'timekeeping', fileName: 'bomb.xlsx', dataBase64: bomb.toString('base64') }));
    expect(refused).toMatchObject({ code: 'BAD_FILE', message: 'err.file.unpackedTooBig', details: { max: 400 } });
    expect(say(refused)).toMatch(/^这个 Excel 文件解压后有 51\d MB（最多 400 MB），不像一张正常的表格/);
    expect(tables(tc!.core)).toBe(before);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['工号', '月份', '工时']);
    ws.addRow(['W001', '2026-03', { formula: 'SUM(D2:AH2)' }]);
    ws.addRow(['W002', '2026-03', { formula: 'SUM(D3:AH3)', result: 168 }]);
    const p = await preview(admin, 'timekeeping', Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'));
    expect(problemsOf(p, 2)).toEqual(['公式没有保存计算结果：请在 Excel 中打开文件、保存后再导入（或把公式列粘贴为数值）']);
    expect(p.rows[1]).toMatchObject({ action: 'create', parsed: { hours: 168 } });
  });

  it('accidents: people separated by 、 , / or spaces; a ledger without an account column is told so once', async () => {
    const { admin } = await world();
    const p = await preview(
      admin,
      'accidents',
      await xlsx([
        ['日期', '地点', '等级', '涉及人员', '事故概况'],
        ['2026-03-05', '罐区', '轻伤', '张三、李四', '滑倒'],
        ['2026-03-06', '泵房', '未遂', '张三,李四 / 王五', '泄漏'],
        ['2026-03-07', '装卸站', '未遂', '张三 李四', '溜车'],
        ['2026-03-08', '库房', '未遂', '张 三', '坠物'],
      ]),
    );
    expect(p.rows.map((r) => [r.action, r.parsed?.workers])).toEqual([
      ['create', ['W001 张三', 'W002 李四']],
      ['create', ['W001 张三', 'W002 李四', 'W003 王五']],
      ['create', ['W001 张三', 'W002 李四']],
      ['create', ['W001 张三']],
    ]);
    const q = await preview(admin, 'accidents', await xlsx([['日期', '地点', '等级', '涉及人员'], ['2026-03-05', '罐区', '轻伤', '张三']]));
    expect(q.missingRequired).toEqual(['description']);
    const before = tables(tc!.core);
    expect(await refusal(admin('wage.importCommit', { importId: q.importId, skipInvalid: true }))).toMatchObject({ message: 'err.wage.import.missingColumns', details: { columns: '经过' } });
    expect(tables(tc!.core)).toBe(before);
  });
});

describe('cells pasted from elsewhere', () => {
  it('zero-width spaces, direction marks and control characters are dropped; w001 and rare characters (𠮷) are found', async () => {
    const { admin } = await world();
    await admin('workers.create', { empNo: 'W009', name: '𠮷野', gender: 'M' });
    const csv = ['日期,工号,姓名,类别,事项,分值,备注', '2026-03-05,W001\u200b,张三\u202c,违章,未戴\u0007安全帽,扣2分,a\u0001b', '2026-03-05,w009,𠮷野,违章,未系安全带,扣两分,'].join('\r\n');
    const p = await admin('wage.importPreview', { kind: 'behaviour', fileName: 'b.csv', dataBase64: Buffer.from(csv).toString('base64') });
    expect(p.rows.map((r) => [r.who, r.action, r.parsed?.category, r.parsed?.points, r.parsed?.note ?? null])).toEqual([
      ['W001 张三', 'create', '未戴安全帽', -2, 'ab'],
      ['W009 𠮷野', 'create', '未系安全带', -2, null],
    ]);
  });
});
