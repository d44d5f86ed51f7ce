// The workers' congress: importing representatives from a sheet (xlsx/csv) — matched by 工号 or 身份证号, the
// constituency from the sheet or the workshop (made when missing), observers and the presidium from their columns,
// problems per row with the row number; the preview writes nothing, the commit writes everything in one transaction
// or nothing — through the real dispatch.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { openTestCore, say, type TestCore } from '../helpers/core';
import { idCardCheckChar } from '../../shared/roster/idcard';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

type Call = <K extends ChannelName>(channel: K, input?: ChannelInput<K>) => Promise<ChannelOutput<K>>;
type Err = { code: string; message: string; details?: Record<string, unknown> };
async function refusal(p: Promise<unknown>): Promise<Err> {
  try {
    await p;
  } catch (e) {
    return (e as { data: Err }).data;
  }
  throw new Error('expected a refusal');
}
function tables(tc: TestCore): string {
  const db = tc.core.store.db;
  return JSON.stringify(['congress_terms', 'congress_groups', 'congress_members'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rid`).all()));
}
const csv = (rows: string[][]) => ({ fileName: 'reps.csv', dataBase64: Buffer.from('\ufeff' + rows.map((r) => r.join(',')).join('\r\n'), 'utf8').toString('base64') });
async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名单');
  for (const r of rows) ws.addRow(r);
  return { fileName: 'reps.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

const ID_A = '32010219800101123' + idCardCheckChar('32010219800101123');

async function world() {
  tc = await openTestCore();
  const call = tc.call as Call;
  const wsA = await call('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const wsB = await call('org.create', { kind: 'workshop', parentId: null, name: '包装车间' });
  const w = (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) => call('workers.create', { empNo, name, gender: 'M', orgUnitId: wsA.id, ...extra });
  const a = await w('R1', '张三', { idCard: ID_A });
  const b = await w('R2', '李四', { orgUnitId: wsB.id, gender: 'F' });
  const c = await w('R3', '王五');
  await w('R4', '赵六', { status: 'left' });
  const term = await call('congress.termCreate', { number: 5, startDate: '2025-01-01', endDate: '2028-12-31' });
  return { call, wsA, wsB, a, b, c, term };
}

describe('congress.repsImportPreview / repsImportCommit', () => {
  it('matches rows by 工号 or 身份证号, takes group, 列席 and 主席团 from their columns, reports problems with row numbers — and writes nothing', async () => {
    const { call, term } = await world();
    const before = tables(tc!);
    const file = csv([
      ['第五届职工代表名单'],
      ['工号', '姓名', '身份证号', '代表团', '列席', '主席团'],
      ['R1', '张三', '', '', '', '是'], // → workshop group 合成车间 (new), presidium
      ['', '', ID_A.toLowerCase(), '', '', ''], // same person by ID card → duplicate of row 3
      ['R2', '李四', '', '机关代表团', '', ''], // → new group from the sheet
      ['R3', '王五', '', '', '列席', ''], // observer
      ['R4', '赵六', '', '', '', ''], // left the enterprise
      ['R9', '无名', '', '', '', ''], // not in the roster
      ['R3', '王老五', '', '', '', ''], // name differs + duplicate
      ['R1', '张三', '', '', '也许', ''], // unreadable flag
      [],
      ['制表人：王主席'],
    ]);
    const p = await call('congress.repsImportPreview', { ...file, termId: term.id, joinedOn: '2025-01-10' });
    expect(p.columns).toEqual({ empNo: true, idCard: true, name: true, group: true, kind: true, presidium: true });
    const byRow = Object.fromEntries(p.rows.map((r) => [r.rowNumber, r]));
    expect(byRow[3]).toMatchObject({ workerName: '张三', groupName: '合成车间', groupNew: true, kind: 'representative', presidium: true, status: 'add', problems: [] });
    expect(byRow[4]).toMatchObject({ workerName: '张三', status: 'invalid', problems: [{ key: 'congress.import.duplicate', params: { row: 3 } }] });
    expect(byRow[5]).toMatchObject({ groupName: '机关代表团', groupNew: true, status: 'add' });
    expect(byRow[6]).toMatchObject({ kind: 'observer', status: 'add' });
    expect(byRow[7]!.problems.map((x) => x.key)).toEqual(['congress.import.workerNotActive']);
    expect(byRow[8]!.problems).toEqual([{ key: 'congress.import.workerNotFound', params: { value: 'R9' } }]);
    expect(byRow[9]!.problems.map((x) => x.key)).toEqual(['congress.import.nameMismatch', 'congress.import.duplicate']);
    expect(byRow[10]!.problems.map((x) => say({ message: x.key, params: x.params }))).toEqual(['与第 3 行是同一人', '无法识别“也许”（填 是/否）']);
    expect(p.rows.map((r) => r.rowNumber)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]); // blank and footer rows left out
    expect(p.counts).toEqual({ add: 3, already: 0, invalid: 5 });
    expect(p.newGroups.sort()).toEqual(['合成车间', '机关代表团'].sort());
    expect(tables(tc!)).toBe(before); // the preview writes nothing

    // rows with problems: refused unless skipped — and nothing written
    const e = await refusal(call('congress.repsImportCommit', { token: p.token }));
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'err.congress.importHasProblems' });
    expect(say(e)).toContain('5 行');
    expect(tables(tc!)).toBe(before);

    const r = await call('congress.repsImportCommit', { token: p.token, skipInvalid: true });
    expect(r).toEqual({ added: 3, already: 0, skipped: 5, groupsCreated: 2 });
    const members = await call('congress.members', { termId: term.id, asOf: '2025-02-01' });
    expect(members.map((m) => [m.empNo, m.groupName, m.kind, m.presidium, m.joinedOn, m.joinedBy]).sort()).toEqual([
      ['R1', '合成车间', 'representative', true, '2025-01-10', 'election'],
      ['R2', '机关代表团', 'representative', false, '2025-01-10', 'election'],
      ['R3', '合成车间', 'observer', false, '2025-01-10', 'invitation'],
    ]);
    const groups = await call('congress.groups', { termId: term.id });
    expect(groups.find((g) => g.name === '合成车间')!.orgUnitName).toBe('合成车间'); // the workshop's group knows its workshop
    // the token is spent
    expect(await refusal(call('congress.repsImportCommit', { token: p.token, skipInvalid: true }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.congress.importExpired' });
  });

  it('reads an xlsx; a second import leaves those already serving alone; a refused commit (nothing to add) changes nothing', async () => {
    const { call, term, a, b } = await world();
    await call('congress.memberAdd', { termId: term.id, workerId: a.id, joinedOn: '2025-01-02' });
    const file = await xlsx([
      ['员工编号', '代表姓名', '所在代表组', '是否主席团成员'],
      ['R1', '张三', '', ''],
      ['R2', '李四', '', '√'],
    ]);
    const p = await call('congress.repsImportPreview', { ...file, termId: term.id, joinedOn: '2025-01-10' });
    expect(p.rows.map((r) => [r.rowNumber, r.status, r.groupName, r.presidium])).toEqual([
      [2, 'already', '合成车间', false],
      [3, 'add', '包装车间', true],
    ]);
    expect(await call('congress.repsImportCommit', { token: p.token })).toEqual({ added: 1, already: 1, skipped: 0, groupsCreated: 1 });
    const again = await call('congress.repsImportPreview', { ...file, termId: term.id, joinedOn: '2025-01-10' });
    expect(again.counts).toEqual({ add: 0, already: 2, invalid: 0 });
    const before = tables(tc!);
    expect(await refusal(call('congress.repsImportCommit', { token: again.token }))).toMatchObject({ message: 'err.congress.importNothing' });
    expect(tables(tc!)).toBe(before);
    expect((await call('congress.members', { termId: term.id, asOf: '2025-02-01' })).find((m) => m.workerId === b.id)).toMatchObject({ presidium: true, groupName: '包装车间' });
  });

  it('re-checks at commit: a worker added meanwhile is not added twice; the whole commit rolls back on a refusal', async () => {
    const { call, term, b, c } = await world();
    const file = csv([
      ['工号', '姓名'],
      ['R2', '李四'],
      ['R3', '王五'],
    ]);
    const p = await call('congress.repsImportPreview', { ...file, termId: term.id, joinedOn: '2025-01-10' });
    expect(p.counts.add).toBe(2);
    await call('congress.memberAdd', { termId: term.id, workerId: b.id, joinedOn: '2025-01-02' });
    expect(await call('congress.repsImportCommit', { token: p.token })).toMatchObject({ added: 1, already: 1 });
    const ids = (await call('congress.members', { termId: term.id, asOf: '2025-02-01' })).map((m) => m.workerId).sort();
    expect(ids).toEqual([b.id, c.id].sort());
  });

  it('refuses: no header, a date outside the term, a non-runner — changing nothing', async () => {
    const { call, term } = await world();
    const before = tables(tc!);
    expect(await refusal(call('congress.repsImportPreview', { ...csv([['甲', '乙'], ['1', '2']]), termId: term.id, joinedOn: '2025-01-10' }))).toMatchObject({
      code: 'BAD_FILE',
      message: 'err.congress.importNoHeader',
    });
    const e = await refusal(call('congress.repsImportPreview', { ...csv([['工号'], ['R1']]), termId: term.id, joinedOn: '2030-01-01' }));
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'err.congress.dateOutsideTerm' });
    // a signed-in operator without the union role
    const so = await call('workers.create', { empNo: 'S1', name: '赵安全', gender: 'M', roles: ['safety_officer'] });
    const soOp = await call('operators.add', { workerId: so.id });
    await call('session.signIn', { operatorId: soOp.id });
    expect(await refusal(call('congress.repsImportPreview', { ...csv([['工号'], ['R1']]), termId: term.id, joinedOn: '2025-01-10' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'err.congress.runnersOnly',
    });
    expect(tables(tc!)).toBe(before);
  });
});
