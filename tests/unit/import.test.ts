// Roster import through the core channels: preview (writes nothing), remap, commit (all or nothing), cancel,
// and the export → re-import round trip.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/core/demo';
import { fieldLabel } from '../../electron/core/roster/import';
import { idCardCheckChar } from '../../shared/roster/idcard';
import { IMPORT_FIELDS, type ImportPreview } from '../../shared/roster/types';
import { openTestCore, say, type TestCore } from '../helpers/core';

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

function makeId(birth: string, seq: string, region = '321202'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
}
const ID_M1 = makeId('19850615', '011'); // 17th digit 1 → male
const ID_M2 = makeId('19900101', '013');
const ID_F1 = makeId('19920304', '022'); // 17th digit 2 → female

const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64');

function counts(t: TestCore) {
  const db = t.core.store.db;
  const n = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { workers: n('workers'), audit: n('audit_log'), units: n('org_units') };
}
function workerByEmpNo(t: TestCore, empNo: string) {
  return t.core.store.db.prepare('SELECT * FROM workers WHERE emp_no = ?').get(empNo) as Record<string, unknown> | undefined;
}
async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return (e as { data: { code: string; message: string; details?: Record<string, unknown> } }).data;
  }
  throw new Error('expected the call to fail');
}
const rowOf = (p: ImportPreview, rowNumber: number) => {
  const r = p.rows.find((x) => x.rowNumber === rowNumber);
  if (!r) throw new Error(`no report for row ${rowNumber}`);
  return r;
};

const PROBLEM_CSV = [
  '2026 年度职工花名册,,,,,',
  '工号,姓名,性别,身份证号,入职日期,安全职责',
  `A001,张三,男,${ID_M1},2020-01-02,安全员`, // 3: ok
  'A002,李四,女,110105194912310021,2020-01-02,', // 4: bad check digit
  'A001,王五,男,,2021-01-01,', // 5: duplicate employee no. (row 3)
  'A003,赵六,男,,2020-13-45,', // 6: bad date
  'A004,钱七,男,,,厂长', // 7: unknown role
  '', // 8: blank, skipped
  'A005,孙八,女,,2019.3.5,班组长、安全员', // 9: ok
  '',
].join('\n');

describe('roster import: reading the file', () => {
  it('finds the header below a title row in an .xlsx and reports 1-based file row numbers', async () => {
    tc = await openTestCore();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['泰州市安康化工有限公司 职工花名册']);
    ws.addRow(['制表日期：2026-01-01']);
    ws.addRow(['工号', '姓名', '性别', '入职日期']);
    ws.addRow(['X001', '周一', '男', new Date(Date.UTC(2021, 5, 7))]);
    ws.addRow(['X002', '吴二', '女', '2022/7/8']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const p = await tc.call('roster.importPreview', { fileName: 'roster.xlsx', dataBase64: b64(buf) });
    expect(p.headerRow).toBe(3);
    expect(p.columns.map((c) => c.header)).toEqual(['工号', '姓名', '性别', '入职日期']);
    expect(p.mapping).toEqual({ empNo: 0, name: 1, gender: 2, hireDate: 3 });
    expect(p.rows.map((r) => [r.rowNumber, r.empNo, r.action])).toEqual([
      [4, 'X001', 'create'],
      [5, 'X002', 'create'],
    ]);
    const res = await tc.call('roster.importCommit', { importId: p.importId });
    expect(res).toEqual({ created: 2, updated: 0, skipped: 0, orgUnitsCreated: 0 });
    expect(workerByEmpNo(tc, 'X001')).toMatchObject({ name: '周一', gender: 'M', hire_date: '2021-06-07' });
    expect(workerByEmpNo(tc, 'X002')).toMatchObject({ name: '吴二', gender: 'F', hire_date: '2022-07-08' });
  });

  it('maps English headers in any order', async () => {
    tc = await openTestCore();
    const csv = ['Hire date,ID card no.,Phone,Name,Employee no.,Committee roles', `2019-05-06,${ID_F1},13800001111,Li Na,EN01,Safety officer`].join('\n');
    const p = await tc.call('roster.importPreview', { fileName: 'en.csv', dataBase64: b64(csv) });
    expect(p.mapping).toEqual({ hireDate: 0, idCard: 1, phone: 2, name: 3, empNo: 4, roles: 5 });
    expect(p.missingRequired).toEqual([]);
    expect(p.counts).toEqual({ total: 1, create: 1, update: 0, invalid: 0 });
    await tc.call('roster.importCommit', { importId: p.importId });
    // gender is taken from the ID card when there is no gender column
    expect(workerByEmpNo(tc, 'EN01')).toMatchObject({
      name: 'Li Na',
      gender: 'F',
      id_card: ID_F1,
      phone: '13800001111',
      hire_date: '2019-05-06',
      roles: '["safety_officer"]',
    });
  });

  it('maps Chinese alias headers in any order', async () => {
    tc = await openTestCore();
    const csv = ['手机号码,所属班组,员工编号,身份证号码,职工姓名,所属车间,岗位名称', `13912345678,甲班,CN01,${ID_M1},陈刚,合成车间,操作工`].join('\n');
    const p = await tc.call('roster.importPreview', { fileName: 'cn.csv', dataBase64: b64(csv) });
    expect(p.mapping).toEqual({ phone: 0, team: 1, empNo: 2, idCard: 3, name: 4, workshop: 5, post: 6 });
    expect(p.counts.create).toBe(1);
    await tc.call('roster.importCommit', { importId: p.importId });
    const w = (await tc.call('workers.list', { search: 'CN01' })).rows[0]!;
    expect(w).toMatchObject({ name: '陈刚', gender: 'M', workshopName: '合成车间', teamName: '甲班', post: '操作工' });
  });

  it('reads a GBK-encoded CSV', async () => {
    tc = await openTestCore();
    const csv = ['工号,姓名,性别,车间', 'G001,欧阳娜娜,女,聚合车间', 'G002,司马光,男,聚合车间'].join('\r\n');
    const gbk = iconv.encode(csv, 'gbk');
    const p = await tc.call('roster.importPreview', { fileName: 'gbk.csv', dataBase64: b64(gbk) });
    expect(p.columns.map((c) => c.header)).toEqual(['工号', '姓名', '性别', '车间']);
    expect(p.rows.map((r) => r.name)).toEqual(['欧阳娜娜', '司马光']);
    expect(p.newOrgUnits).toEqual(['聚合车间']);
    await tc.call('roster.importCommit', { importId: p.importId });
    expect(workerByEmpNo(tc, 'G001')?.name).toBe('欧阳娜娜');
  });

  it('a file without a recognisable header row is BAD_FILE; invalid base64 is BAD_FILE', async () => {
    tc = await openTestCore();
    const e = await errorOf(tc.call('roster.importPreview', { fileName: 'x.csv', dataBase64: b64('a,b,c\n1,2,3\n') }));
    expect(e.code).toBe('BAD_FILE');
    const e2 = await errorOf(tc.call('roster.importPreview', { fileName: 'x.csv', dataBase64: '!!!not base64!!!' }));
    expect(e2.code).toBe('BAD_FILE');
    const e3 = await errorOf(tc.call('roster.importPreview', { fileName: 'x.xls', dataBase64: b64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])) }));
    expect(e3.code).toBe('BAD_FILE');
  });
});

describe('roster import: preview and commit', () => {
  it('preview lists problems per row with file row numbers and writes nothing', async () => {
    tc = await openTestCore();
    const before = counts(tc);
    const p = await tc.call('roster.importPreview', { fileName: 'roster.csv', dataBase64: b64(PROBLEM_CSV) });
    expect(p.headerRow).toBe(2);
    expect(p.rows.map((r) => r.rowNumber)).toEqual([3, 4, 5, 6, 7, 9]);
    expect(p.counts).toEqual({ total: 6, create: 2, update: 0, invalid: 4 });
    expect(rowOf(p, 3)).toMatchObject({ empNo: 'A001', name: '张三', action: 'create', problems: [] });
    expect(rowOf(p, 4)).toMatchObject({ action: 'invalid', problems: [{ field: 'idCard', message: 'v.idCard.checksum' }] });
    const dup = rowOf(p, 5);
    expect(dup.action).toBe('invalid');
    expect(dup.problems).toHaveLength(1);
    expect(dup.problems[0]!.field).toBe('empNo');
    expect(say(dup.problems[0]!)).toContain('第 3 行');
    expect(rowOf(p, 6)).toMatchObject({ action: 'invalid', problems: [{ field: 'hireDate', message: 'v.date' }] });
    expect(rowOf(p, 7)).toMatchObject({ action: 'invalid', problems: [{ field: 'roles', message: 'v.role' }] });
    expect(rowOf(p, 9)).toMatchObject({ empNo: 'A005', action: 'create', problems: [] });
    // a remap is also a preview: still nothing written
    await tc.call('roster.importRemap', { importId: p.importId, mapping: p.mapping });
    expect(counts(tc)).toEqual(before);
  });

  it('commit with invalid rows and skipInvalid=false fails with VALIDATION and writes nothing', async () => {
    tc = await openTestCore();
    const before = counts(tc);
    const p = await tc.call('roster.importPreview', { fileName: 'roster.csv', dataBase64: b64(PROBLEM_CSV) });
    const e = await errorOf(tc.call('roster.importCommit', { importId: p.importId, skipInvalid: false }));
    expect(e.code).toBe('VALIDATION');
    expect(e.details?.invalidRows).toEqual([4, 5, 6, 7]);
    expect(counts(tc)).toEqual(before);
    expect(workerByEmpNo(tc, 'A001')).toBeUndefined();
    // the session survives a refused commit, so the user can choose to skip the bad rows
    const res = await tc.call('roster.importCommit', { importId: p.importId, skipInvalid: true });
    expect(res.created).toBe(2);
  });

  it('commit with skipInvalid=true writes only the valid rows, each audited with the file row', async () => {
    tc = await openTestCore();
    const before = counts(tc);
    const p = await tc.call('roster.importPreview', { fileName: 'roster.csv', dataBase64: b64(PROBLEM_CSV) });
    const res = await tc.call('roster.importCommit', { importId: p.importId, skipInvalid: true });
    expect(res).toEqual({ created: 2, updated: 0, skipped: 4, orgUnitsCreated: 0 });
    const after = counts(tc);
    expect(after.workers).toBe(before.workers + 2);
    expect(after.audit).toBe(before.audit + 2);
    expect(workerByEmpNo(tc, 'A001')).toMatchObject({ name: '张三', gender: 'M', id_card: ID_M1, roles: '["safety_officer"]' });
    expect(workerByEmpNo(tc, 'A005')).toMatchObject({ name: '孙八', hire_date: '2019-03-05', roles: '["team_leader","safety_officer"]' });
    for (const bad of ['A002', 'A003', 'A004']) expect(workerByEmpNo(tc, bad)).toBeUndefined();
    // the duplicate row (王五) did not overwrite the first A001
    const a1 = workerByEmpNo(tc, 'A001')!;
    const hist = await tc.call('workers.history', { id: a1.id as string });
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ action: 'create', actorName: '王主席', reason: '导入 roster.csv 第 3 行' });
  });

  it('importing the same file again updates by employee number: no duplicates, import_update audit entries', async () => {
    tc = await openTestCore();
    const first = await tc.call('roster.importPreview', { fileName: 'roster.csv', dataBase64: b64(PROBLEM_CSV) });
    await tc.call('roster.importCommit', { importId: first.importId, skipInvalid: true });
    const mid = counts(tc);

    const again = await tc.call('roster.importPreview', { fileName: 'roster.csv', dataBase64: b64(PROBLEM_CSV.replace('A005,孙八', 'A005,孙小八')) });
    expect(rowOf(again, 3).action).toBe('update');
    expect(rowOf(again, 9).action).toBe('update');
    expect(again.counts).toMatchObject({ create: 0, update: 2, invalid: 4 });
    const res = await tc.call('roster.importCommit', { importId: again.importId, skipInvalid: true });
    expect(res).toEqual({ created: 0, updated: 2, skipped: 4, orgUnitsCreated: 0 });
    const after = counts(tc);
    expect(after.workers).toBe(mid.workers);
    expect(after.audit).toBe(mid.audit + 2);
    expect(tc.core.store.db.prepare(`SELECT count(*) FROM workers WHERE emp_no IN ('A001','A005')`).pluck().get()).toBe(2);
    expect(workerByEmpNo(tc, 'A005')?.name).toBe('孙小八');
    const hist = await tc.call('workers.history', { id: workerByEmpNo(tc, 'A005')!.id as string });
    expect(hist.map((h) => h.action)).toEqual(['import_update', 'create']);
    expect((hist[0]!.before as { name: string }).name).toBe('孙八');
    expect((hist[0]!.after as { name: string }).name).toBe('孙小八');
  });

  it('an import revives a soft-deleted worker with the same employee number instead of failing', async () => {
    tc = await openTestCore();
    const p = await tc.call('roster.importPreview', { fileName: 'roster.csv', dataBase64: b64(PROBLEM_CSV) });
    await tc.call('roster.importCommit', { importId: p.importId, skipInvalid: true });
    const id = workerByEmpNo(tc, 'A005')!.id as string;
    await tc.call('workers.remove', { id });
    const p2 = await tc.call('roster.importPreview', { fileName: 'roster.csv', dataBase64: b64(PROBLEM_CSV) });
    expect(rowOf(p2, 9).action).toBe('update');
    await tc.call('roster.importCommit', { importId: p2.importId, skipInvalid: true });
    expect((await tc.call('workers.get', { id })).deletedAt).toBeNull();
  });

  it('an ID card already used by another worker is a row problem', async () => {
    tc = await openTestCore();
    await tc.call('workers.create', { empNo: 'OLD1', name: '老员工', gender: 'M', idCard: ID_M2 });
    const taken = await tc.call('roster.importPreview', { fileName: 'ids.csv', dataBase64: b64(`工号,姓名,身份证号\nNEW1,新员工,${ID_M2}\n`) });
    expect(rowOf(taken, 2)).toMatchObject({ action: 'invalid', problems: [{ field: 'idCard', message: 'v.import.idCardTaken' }] });
    const csv = ['工号,姓名,身份证号', `OLD1,老员工,${ID_M2}`, `NEW2,新二,${ID_M1}`, `NEW3,新三,${ID_M1}`].join('\n');
    const p = await tc.call('roster.importPreview', { fileName: 'ids.csv', dataBase64: b64(csv) });
    expect(rowOf(p, 2).action).toBe('update'); // the owner re-importing their own number is fine
    expect(rowOf(p, 3).action).toBe('create');
    expect(rowOf(p, 4).problems.map((x) => x.field)).toEqual(['idCard']);
    expect(say(rowOf(p, 4).problems[0]!)).toContain('第 3 行');
  });

  it('cancel, then commit or remap → NOT_FOUND; a committed session is gone too', async () => {
    tc = await openTestCore();
    const before = counts(tc);
    const p = await tc.call('roster.importPreview', { fileName: 'roster.csv', dataBase64: b64(PROBLEM_CSV) });
    expect(await tc.call('roster.importCancel', { importId: p.importId })).toEqual({ cancelled: true });
    expect(await tc.call('roster.importCancel', { importId: p.importId })).toEqual({ cancelled: false });
    expect((await errorOf(tc.call('roster.importCommit', { importId: p.importId, skipInvalid: true }))).code).toBe('NOT_FOUND');
    expect((await errorOf(tc.call('roster.importRemap', { importId: p.importId, mapping: {} }))).code).toBe('NOT_FOUND');
    expect(counts(tc)).toEqual(before);

    const p2 = await tc.call('roster.importPreview', { fileName: 'roster.csv', dataBase64: b64(PROBLEM_CSV) });
    await tc.call('roster.importCommit', { importId: p2.importId, skipInvalid: true });
    expect((await errorOf(tc.call('roster.importCommit', { importId: p2.importId, skipInvalid: true }))).code).toBe('NOT_FOUND');
  });

  it('creates missing workshops and teams, reuses existing ones, and places workers on them', async () => {
    tc = await openTestCore();
    const ws = await tc.call('org.create', { kind: 'workshop', parentId: null, name: '精馏车间' });
    const team = await tc.call('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
    const csv = [
      '工号,姓名,性别,车间,班组',
      'W1,甲,男,精馏车间,甲班', // existing team
      'W2,乙,男,精馏车间,乙班', // new team in an existing workshop
      'W3,丙,女,储运车间,装卸班', // new workshop and team
      'W4,丁,女,储运车间,', // workshop only
      'W5,戊,男,,无车间班', // team without workshop
    ].join('\n');
    const p = await tc.call('roster.importPreview', { fileName: 'units.csv', dataBase64: b64(csv) });
    expect(p.newOrgUnits).toEqual(['储运车间', '储运车间 / 装卸班', '精馏车间 / 乙班']);
    expect(rowOf(p, 6)).toMatchObject({ action: 'invalid', problems: [{ field: 'workshop' }] });
    const res = await tc.call('roster.importCommit', { importId: p.importId, skipInvalid: true });
    expect(res).toMatchObject({ created: 4, orgUnitsCreated: 3, skipped: 1 });
    const tree = await tc.call('org.tree', {});
    const byName = (n: string, parentId: string | null) => tree.find((u) => u.name === n && u.parentId === parentId);
    const cy = byName('储运车间', null)!;
    expect(cy.kind).toBe('workshop');
    expect(byName('装卸班', cy.id)?.kind).toBe('team');
    expect(byName('乙班', ws.id)?.kind).toBe('team');
    expect(tree.filter((u) => u.name === '精馏车间')).toHaveLength(1);
    expect(workerByEmpNo(tc, 'W1')).toMatchObject({ workshop_id: ws.id, team_id: team.id });
    expect(workerByEmpNo(tc, 'W3')).toMatchObject({ workshop_id: cy.id, team_id: byName('装卸班', cy.id)!.id });
    expect(workerByEmpNo(tc, 'W4')).toMatchObject({ workshop_id: cy.id, team_id: null });
    // the new units are audited as created by the operator
    const audits = tc.core.store.db.prepare(`SELECT actor_name FROM audit_log WHERE entity = 'org_unit' AND action = 'create'`).pluck().all();
    expect(audits).toEqual(['王主席', '王主席', '王主席', '王主席', '王主席']);
  });

  it('a retired workshop in the file is a row problem', async () => {
    tc = await openTestCore();
    const ws = await tc.call('org.create', { kind: 'workshop', parentId: null, name: '旧车间' });
    await tc.call('org.retire', { id: ws.id });
    const p = await tc.call('roster.importPreview', { fileName: 'r.csv', dataBase64: b64('工号,姓名,性别,车间\nR1,甲,男,旧车间\n') });
    expect(rowOf(p, 2)).toMatchObject({ action: 'invalid', problems: [{ field: 'workshop' }] });
    expect(p.newOrgUnits).toEqual([]);
  });

  it('remapping a column changes the result', async () => {
    tc = await openTestCore();
    const csv = ['工号,姓名,性别,身份证号,联系号码X', `M1,甲,男,110105194912310021,13911112222`, `M2,乙,男,${ID_M1},13933334444`].join('\n');
    const p = await tc.call('roster.importPreview', { fileName: 'm.csv', dataBase64: b64(csv) });
    expect(p.mapping).toEqual({ empNo: 0, name: 1, gender: 2, idCard: 3 });
    expect(p.counts).toMatchObject({ create: 1, invalid: 1 });
    // unmap the ID card column, map the unrecognised column to phone
    const r = await tc.call('roster.importRemap', { importId: p.importId, mapping: { empNo: 0, name: 1, gender: 2, idCard: null, phone: 4 } });
    expect(r.importId).toBe(p.importId);
    expect(r.counts).toMatchObject({ create: 2, invalid: 0 });
    // a mapping without the name column reports it missing, and commit refuses
    const missing = await tc.call('roster.importRemap', { importId: p.importId, mapping: { empNo: 0, gender: 2 } });
    expect(missing.missingRequired).toEqual(['name']);
    expect((await errorOf(tc.call('roster.importCommit', { importId: p.importId, skipInvalid: true }))).code).toBe('VALIDATION');
    // a mapping to a column that does not exist is refused
    expect((await errorOf(tc.call('roster.importRemap', { importId: p.importId, mapping: { empNo: 0, name: 9 } }))).code).toBe('VALIDATION');
    await tc.call('roster.importRemap', { importId: p.importId, mapping: { empNo: 0, name: 1, gender: 2, idCard: null, phone: 4 } });
    await tc.call('roster.importCommit', { importId: p.importId });
    expect(workerByEmpNo(tc, 'M1')).toMatchObject({ id_card: null, phone: '13911112222' });
    expect(workerByEmpNo(tc, 'M2')).toMatchObject({ id_card: null, phone: '13933334444' });
  });

  it('a mapping passed with the preview is used instead of the automatic one', async () => {
    tc = await openTestCore();
    const csv = ['工号,姓名,性别,岗位', 'P1,甲,男,焊工'].join('\n');
    const p = await tc.call('roster.importPreview', { fileName: 'p.csv', dataBase64: b64(csv), mapping: { empNo: 0, name: 1, gender: 2 } });
    expect(p.mapping).toEqual({ empNo: 0, name: 1, gender: 2 });
    await tc.call('roster.importCommit', { importId: p.importId });
    expect(workerByEmpNo(tc, 'P1')?.post).toBeNull();
  });

  it('re-importing a sheet with fewer columns changes only those columns: the rest of each worker stays', async () => {
    tc = await openTestCore();
    const ws = await tc.call('org.create', { kind: 'workshop', name: '一车间' });
    const team = await tc.call('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
    const full = await tc.call('workers.create', {
      empNo: 'K1', name: '旧名', gender: 'M', idCard: ID_M1, phone: '13900001111', orgUnitId: team.id, post: '焊工',
      hireDate: '2020-01-02', skillGrade: 3, roles: ['team_leader'], isRepresentative: true, isFrontline: true,
      certType: '焊接与热切割作业', certNo: 'T123', certExpiry: '2027-01-01', hazardFactors: ['噪声'],
    });
    const csv = ['工号,姓名,性别', 'K1,新名,男', 'K2,新人,女'].join('\n');
    const p = await tc.call('roster.importPreview', { fileName: 'few.csv', dataBase64: b64(csv) });
    expect(rowOf(p, 2)).toMatchObject({ action: 'update', changes: ['name'], problems: [] });
    expect(rowOf(p, 3)).toMatchObject({ action: 'create' });
    await tc.call('roster.importCommit', { importId: p.importId });
    const after = await tc.call('workers.get', { id: full.id });
    const { name: _n, updatedAt: _u, ...rest } = after;
    const { name: _n0, updatedAt: _u0, ...was } = full;
    expect(after.name).toBe('新名');
    expect(rest).toEqual(was);
    // a file that has the placement columns still moves the worker, and its blank cells do clear
    const csv2 = ['工号,姓名,性别,车间,班组,岗位', 'K1,新名,男,二车间,,'].join('\n');
    const p2 = await tc.call('roster.importPreview', { fileName: 'move.csv', dataBase64: b64(csv2) });
    expect(rowOf(p2, 2).changes).toEqual(expect.arrayContaining(['post', 'workshop']));
    await tc.call('roster.importCommit', { importId: p2.importId });
    const moved = await tc.call('workers.get', { id: full.id });
    expect(moved).toMatchObject({ workshopName: '二车间', teamName: null, post: null, idCard: ID_M1, roles: ['team_leader'] });
  });

  it('a sheet without a gender column updates existing workers (they have one) and says when it restores a deleted one', async () => {
    tc = await openTestCore();
    const k = await tc.call('workers.create', { empNo: 'G1', name: '甲', gender: 'F', phone: '13900002222' });
    await tc.call('workers.create', { empNo: 'G2', name: '乙', gender: 'M' });
    await tc.call('workers.remove', { id: (await tc.call('workers.list', { search: 'G2' })).rows[0]!.id });
    const csv = ['工号,姓名,手机号', 'G1,甲改,13900003333', 'G2,乙,', 'G3,新人,'].join('\n');
    const p = await tc.call('roster.importPreview', { fileName: 'nogender.csv', dataBase64: b64(csv) });
    expect(rowOf(p, 2)).toMatchObject({ action: 'update', problems: [], changes: ['name', 'phone'] });
    expect(rowOf(p, 3)).toMatchObject({ action: 'update', problems: [], changes: ['restored'] });
    // a new worker still needs a gender (no column, no ID card to read it from)
    expect(rowOf(p, 4)).toMatchObject({ action: 'invalid', problems: [{ field: 'gender', message: 'v.required' }] });
    await tc.call('roster.importCommit', { importId: p.importId, skipInvalid: true });
    expect(await tc.call('workers.get', { id: k.id })).toMatchObject({ name: '甲改', gender: 'F', phone: '13900003333' });
    expect((await tc.call('workers.list', { search: 'G2' })).total).toBe(1);
  });

  it('a failure while writing one row rolls back the whole import', async () => {
    tc = await openTestCore();
    const csv = ['工号,姓名,性别', 'T1,甲,男', 'T2,乙,男'].join('\n');
    const p = await tc.call('roster.importPreview', { fileName: 't.csv', dataBase64: b64(csv) });
    // another user takes T2 between preview and commit; the commit re-plans, so it becomes an update
    await tc.call('workers.create', { empNo: 'T2', name: '抢先', gender: 'F' });
    // and a trigger makes the second write fail
    tc.core.store.db.exec(`CREATE TEMP TRIGGER fail_t2 BEFORE UPDATE ON main.workers WHEN new.emp_no = 'T2' BEGIN SELECT RAISE(ABORT, 'boom'); END;`);
    const before = counts(tc);
    const e = await errorOf(tc.call('roster.importCommit', { importId: p.importId }));
    expect(e.code).toBe('CONFLICT'); // SQLITE_CONSTRAINT_TRIGGER
    expect(counts(tc)).toEqual(before);
    expect(workerByEmpNo(tc, 'T1')).toBeUndefined();
    expect(workerByEmpNo(tc, 'T2')?.name).toBe('抢先');
  });
});

describe('roster export → import round trip', () => {
  it('re-importing an export updates every row with zero problems and changes no data', async () => {
    tc = await openTestCore({ init: false });
    generateDemo(tc.core.store, 'small');
    const admin = (await tc.call('session.operators')).find((o) => o.isAdmin)!;
    await tc.call('session.signIn', { operatorId: admin.id });
    const snapshot = () =>
      tc!.core.store.db
        .prepare(
          `SELECT emp_no, name, gender, id_card, phone, workshop_id, team_id, post, hire_date, skill_grade, status, roles,
             is_representative, is_frontline, is_manager, cert_type, cert_no, cert_expiry, hazard_factors, deleted_at
           FROM workers ORDER BY emp_no`,
        )
        .all();
    const before = snapshot();
    const total = before.length;
    expect(total).toBe(860);

    const file = await tc.call('roster.export', { status: 'all' });
    expect(file.fileName).toMatch(/^职工花名册-\d{8}-\d{6}\.xlsx$/);
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    const fileData = tc.fileBytes(file);
    await wb.xlsx.load(fileData as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.actualRowCount).toBe(total + 1);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(IMPORT_FIELDS.map(fieldLabel));
    const first = (ws.getRow(2).values as unknown[]).slice(1);
    expect(first[0]).toBe('AK000001');
    expect(['男', '女']).toContain(first[2]);

    // active-only export (the default) leaves out the workers who left
    const active = await tc.call('roster.export', {});
    const wbA = new ExcelJS.Workbook();
    await wbA.xlsx.load(tc.fileBytes(active) as unknown as ArrayBuffer);
    const left = before.filter((w) => (w as { status: string }).status === 'left').length;
    expect(left).toBeGreaterThan(0);
    expect(wbA.worksheets[0]!.actualRowCount).toBe(total - left + 1);

    const p = await tc.call('roster.importPreview', { fileName: file.fileName, dataBase64: fileData.toString('base64') });
    expect(p.headerRow).toBe(1);
    expect(p.missingRequired).toEqual([]);
    expect(Object.keys(p.mapping).sort()).toEqual([...IMPORT_FIELDS].sort());
    const withProblems = p.rows.filter((r) => r.problems.length > 0);
    expect(withProblems).toEqual([]);
    expect(p.counts).toEqual({ total, create: 0, update: total, invalid: 0 });
    expect(p.newOrgUnits).toEqual([]);

    const auditBefore = counts(tc).audit;
    const res = await tc.call('roster.importCommit', { importId: p.importId });
    expect(res).toEqual({ created: 0, updated: total, skipped: 0, orgUnitsCreated: 0 });
    expect(snapshot()).toEqual(before);
    expect(counts(tc).audit).toBe(auditBefore + total);
  });
});
