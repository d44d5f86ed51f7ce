// Rosters as Chinese HR offices keep them (issue 7): header rows found by what they name, group rows and merged
// cells, headers by meaning, values in every spelling, footers, numbers that lost digits, re-imports of partial
// files, the header-row pick, the rejected-rows sheet and the template — through the core channels.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../../electron/core/documents/tabular';
import { HEADER_CONTAINS, matchHeader } from '../../electron/core/roster/import';
import { normalizeName, normalizePhone, parseLooseDate, parseSkillGrade, parseYesNo } from '../../shared/roster/normalize';
import { workerInput } from '../../shared/roster/schemas';
import type { ImportPreview } from '../../shared/roster/types';
import { openTestCore, say, type TestCore } from '../helpers/core';
import { ID_AS_NUMBER, MESSY_HEADER, MESSY_IDS, MESSY_XLSX_EXPECTED, makeId, messyCsvGbk, messyCsvUtf8Bom, messyXlsx } from '../helpers/messyRoster';

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});
const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64');
const rowOf = (p: ImportPreview, n: number) => {
  const r = p.rows.find((x) => x.rowNumber === n);
  if (!r) throw new Error(`no report for row ${n}`);
  return r;
};
const workerByEmpNo = (t: TestCore, empNo: string) => t.core.store.db.prepare('SELECT * FROM workers WHERE emp_no = ?').get(empNo) as Record<string, unknown> | undefined;

describe('values as people write them (shared normalisers)', () => {
  it('skill grades: 初级…高级 with or without 工, 技师, 高级技师, 一级…五级, 1–5, a note in brackets', () => {
    const cases: [string, number][] = [
      ['高级技师', 1], ['技师', 2], ['高级工', 3], ['高级', 3], ['中级工', 4], ['中级', 4], ['初级工', 5], ['初级', 5],
      ['一级', 1], ['五级', 5], ['3级', 3], ['1', 1], ['5', 5], ['３', 3], ['三级（高级工）', 3], ['4.0', 4],
    ];
    for (const [v, g] of cases) expect([v, parseSkillGrade(v)]).toEqual([v, g]);
    expect(parseSkillGrade('')).toBeNull();
    for (const v of ['6', '0', '特级', '六级']) expect(parseSkillGrade(v)).toBe('bad');
  });

  it('phones: spaces, dashes, +86 / 0086 / 86-, brackets around an area code', () => {
    expect(normalizePhone('138 0576 9999')).toBe('13805769999');
    expect(normalizePhone('138-0576-9999')).toBe('13805769999');
    expect(normalizePhone('+86 138 0576 9999')).toBe('13805769999');
    expect(normalizePhone('0086 13805769999')).toBe('13805769999');
    expect(normalizePhone('86-138-0576-9999')).toBe('13805769999');
    expect(normalizePhone('１３８０５７６９９９９')).toBe('13805769999');
    expect(normalizePhone('(0523)8765 4321')).toBe('0523-87654321');
    expect(normalizePhone('0523-8765-4321')).toBe('0523-87654321');
    expect(normalizePhone('010-12345678')).toBe('010-12345678');
    expect(normalizePhone('')).toBe('');
  });

  it('names and units: full-width spaces between Chinese characters go, Latin names keep one space', () => {
    expect(normalizeName('张　三')).toBe('张三');
    expect(normalizeName(' 金工　车间 ')).toBe('金工车间');
    expect(normalizeName('欧阳 娜娜')).toBe('欧阳娜娜');
    expect(normalizeName('𠮷野　家')).toBe('𠮷野家');
    expect(normalizeName('Li   Na')).toBe('Li Na');
  });

  it('dates: 2019/3/5, 2019.3.5, 2019年3月5日, 20190305, an Excel serial; impossible dates are bad', () => {
    for (const v of ['2019/3/5', '2019.3.5', '2019年3月5日', '20190305', '2019-03-05', '2019 年 3 月 5 日', '43529']) expect([v, parseLooseDate(v)]).toEqual([v, '2019-03-05']);
    expect(parseLooseDate('2021-02-30')).toBe('bad');
    expect(parseLooseDate('')).toBeNull();
  });

  it('yes/no cells: √ ✓ 是 Y 1 / 否 × empty', () => {
    for (const v of ['√', '✓', '是', 'Y', '1', '有']) expect(parseYesNo(v)).toBe(true);
    for (const v of ['', '否', '×', 'N', '0', '无']) expect(parseYesNo(v)).toBe(false);
    expect(parseYesNo('也许')).toBe('bad');
  });

  it('the worker schema accepts and normalises what the import accepts (the form uses it)', () => {
    const w = workerInput.parse({ empNo: 'Ａ001', name: '张　三', gender: 'M', phone: '138-0576-9999', hireDate: '2019/3/5', certType: '电工作业', certNo: 'T1', certExpiry: '2027年6月30日', idCard: ` ${MESSY_IDS.zhang.slice(0, 6)} ${MESSY_IDS.zhang.slice(6)} ` });
    expect(w).toMatchObject({ empNo: 'A001', name: '张三', phone: '13805769999', hireDate: '2019-03-05', certExpiry: '2027-06-30', idCard: MESSY_IDS.zhang });
    const bad = workerInput.safeParse({ empNo: 'A1', name: '甲', gender: 'M', idCard: '3.20102199001011E+17', hireDate: '2019/2/30' });
    expect(bad.success).toBe(false);
    const msgs = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(msgs).toEqual({ idCard: 'v.idCard.number', hireDate: 'v.date' });
  });
});

describe('headers by meaning', () => {
  it('containment rules with priorities name the right field', () => {
    const cases: [string, string][] = [
      ['所在车间', 'workshop'], ['所在部门', 'workshop'], ['车间/部门', 'workshop'], ['所在班组', 'team'], ['身份证号码', 'idCard'],
      ['身份证号（18位）', 'idCard'], ['联系电话', 'phone'], ['手机号码（必填）', 'phone'], ['证书有效期', 'certExpiry'], ['复审日期', 'certExpiry'],
      ['特种作业证有效期至', 'certExpiry'], ['特种作业操作证号', 'certNo'], ['操作证编号', 'certNo'], ['特种作业类别', 'certType'], ['安全技能等级', 'skillGrade'],
      ['入厂时间', 'hireDate'], ['参加工作时间', 'hireDate'], ['是否职工代表', 'isRepresentative'], ['职代会代表', 'isRepresentative'],
      ['员工工号', 'empNo'], ['职工姓名', 'name'], ['工种', 'post'], ['岗位（工种）', 'post'], ['接触职业病危害因素', 'hazardFactors'],
      ['班组长', 'role.team_leader'], ['安全员', 'role.safety_officer'], ['是否安全员', 'role.safety_officer'], ['工会主席', 'role.union_officer'],
      ['Ｅｍｐｌｏｙｅｅ ｎｏ．', 'empNo'], ['序号', ''], ['备注', ''], ['基本信息', ''],
    ];
    for (const [h, f] of cases) expect([h, matchHeader(h) ?? '']).toEqual([h, f]);
    // every field has one rule; the README lists every Chinese word of them
    expect(new Set(HEADER_CONTAINS.map(([f]) => f)).size).toBe(HEADER_CONTAINS.length);
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('**Headers by meaning**'), readme.indexOf('**Values**'));
    for (const [, words] of HEADER_CONTAINS) for (const w of words.filter((x) => /[\u4e00-\u9fff]/.test(x))) expect([w, section.includes(w)]).toEqual([w, true]);
  });
});

describe('the messy .xlsx (group row, merged cells, flags, footers, an ID card as a number)', () => {
  it('reads merged cells down their column and writes a 16+ digit number as Excel shows it', async () => {
    const { table } = await readTable('m.xlsx', await messyXlsx());
    expect(table[2]!.slice(0, 3)).toEqual(['序号', '工号', '姓名']); // merged down over the two header rows
    expect(table[2]![17]).toBe('备注');
    expect(table.slice(3, 9).map((r) => r[6])).toEqual(['金工　车间', '金工　车间', '金工　车间', '装配车间', '装配车间', '装配车间']);
    expect(table[5]![4]).toBe('3.20102199001011E+17');
    expect(String(ID_AS_NUMBER)).not.toBe('3.20102199001011E+17');
    // a title merged across the row stays in its first cell
    expect(table[0]![0]).toBe('泰兴安康化工有限公司 职工花名册（2025 年）');
    expect(table[0]![1] ?? '').toBe('');
  });

  it('finds the header under the group row, maps headers by meaning, fills 车间 down, skips the footers', async () => {
    tc = await openTestCore();
    const p = await tc.call('roster.importPreview', { fileName: '花名册.xlsx', dataBase64: b64(await messyXlsx()) });
    expect(p.headerRow).toBe(MESSY_XLSX_EXPECTED.headerRow);
    expect(p.columns.map((c) => c.header)).toEqual(MESSY_HEADER);
    expect(p.mapping).toEqual({
      empNo: 1, name: 2, gender: 3, idCard: 4, phone: 5, workshop: 6, team: 7, post: 8, skillGrade: 9, hireDate: 10, isRepresentative: 11,
      'role.team_leader': 12, 'role.safety_officer': 13, certType: 14, certNo: 15, certExpiry: 16,
    });
    expect(p.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(p.counts).toEqual({ total: 6, create: 5, update: 0, invalid: 1 });
    expect(p.skippedRows.map((r) => [r.rowNumber, r.reason])).toEqual([[10, 'footer'], [11, 'footer']]);
    expect(p.skippedRows[1]!.text).toContain('审核人');
    // the units the rows to be written create (金工车间 / 乙班 only has the refused row)
    expect(p.newOrgUnits).toEqual(['装配车间', '装配车间 / 一班', '装配车间 / 二班', '金工车间', '金工车间 / 甲班']);
    const r6 = rowOf(p, MESSY_XLSX_EXPECTED.numberIdRow);
    expect(r6.problems).toEqual([{ field: 'idCard', message: 'v.idCard.number' }]);
    expect(say(r6.problems[0]!)).toContain('存成了数字');

    expect(rowOf(p, 4)).toMatchObject({ name: '张三', action: 'create', parsed: { gender: 'M', phone: '13805769999', workshop: '金工车间', team: '甲班', skillGrade: 3, hireDate: '2019-03-05', roles: ['team_leader'], isRepresentative: true } });
    expect(rowOf(p, 5).parsed).toMatchObject({ phone: '13805768888', workshop: '金工车间', skillGrade: 2, hireDate: '2020-07-01', roles: ['safety_officer'], certType: '电工作业', certExpiry: '2027-06-30' });
    expect(rowOf(p, 6).parsed).toMatchObject({ phone: '13900001111', workshop: '金工车间', team: '乙班', skillGrade: 4, hireDate: '2018-05-06' });
    expect(rowOf(p, 7).parsed).toMatchObject({ phone: '0523-87654321', workshop: '装配车间', skillGrade: 5, hireDate: '2021-03-05', roles: ['safety_officer'], isRepresentative: true });
    expect(rowOf(p, 8).parsed).toMatchObject({ phone: '0523-87654322', workshop: '装配车间', skillGrade: 3, hireDate: '2022-01-01', roles: [] });
    expect(rowOf(p, 9).parsed).toMatchObject({ workshop: '装配车间', team: '二班', skillGrade: 4 });

    const res = await tc.call('roster.importCommit', { importId: p.importId, skipInvalid: true });
    expect(res).toEqual({ created: 5, updated: 0, skipped: 1, orgUnitsCreated: 5 }); // 金工车间 / 乙班 only had the refused row
    const zhang = (await tc.call('workers.list', { search: 'JG001' })).rows[0]!;
    expect(zhang).toMatchObject({ name: '张三', workshopName: '金工车间', teamName: '甲班', roles: ['team_leader'], isRepresentative: true, skillGrade: 3, phone: '13805769999' });
    expect((await tc.call('workers.list', { search: 'ZP003' })).rows[0]).toMatchObject({ workshopName: '装配车间', teamName: '二班' });
  });

  it('the user can pick another header row; the mapping is made again from it', async () => {
    tc = await openTestCore();
    const p = await tc.call('roster.importPreview', { fileName: '花名册.xlsx', dataBase64: b64(await messyXlsx()) });
    expect(p.headerCandidates.map((c) => c.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // the group row names 4 known columns (工号, 姓名, 岗位信息, 特种作业), the real header 16, data rows 1 or 2
    expect(p.headerCandidates.slice(0, 3).map((c) => c.matches)).toEqual([0, 4, 16]);
    expect(Math.max(...p.headerCandidates.slice(3).map((c) => c.matches))).toBeLessThanOrEqual(2);
    expect(p.headerCandidates[2]!.cells.slice(0, 3)).toEqual(['序号', '工号', '姓名']);
    const p2 = await tc.call('roster.importRemap', { importId: p.importId, headerRow: 2 });
    expect(p2.headerRow).toBe(2);
    expect(p2.mapping).toMatchObject({ empNo: 1, name: 2, post: 6, certType: 14 });
    // the real header under it reads as the header again (skipped, not a bad row)
    expect(p2.skippedRows[0]).toMatchObject({ rowNumber: 3, reason: 'header' });
    expect(p2.rows[0]!.rowNumber).toBe(4);
    const p3 = await tc.call('roster.importRemap', { importId: p.importId, headerRow: 3 });
    expect(p3.counts).toEqual(p.counts);
    const e = await tc.call('roster.importRemap', { importId: p.importId, headerRow: 99 }).catch((x: { data: { code: string } }) => x.data);
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'err.import.badHeaderRow' });
  });

  it('the rejected rows download as a sheet: the file row, its own cells and the reasons', async () => {
    tc = await openTestCore();
    const p = await tc.call('roster.importPreview', { fileName: '花名册.xlsx', dataBase64: b64(await messyXlsx()) });
    const ref = await tc.call('roster.importRejected', { importId: p.importId });
    expect(ref.fileName).toBe('花名册-未导入的行.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc.fileBytes(ref) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('未导入的行');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['行号', ...MESSY_HEADER, '问题']);
    expect(ws.actualRowCount).toBe(2);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row[0]).toBe(6);
    expect(row[2]).toBe('JG003');
    expect(row[5]).toBe('3.20102199001011E+17');
    expect(row[19]).toBe('身份证号：身份证号被存成了数字，后几位已丢失：请把该列设为“文本”格式后重新填写');
    // in English on request
    const en = await tc.call('roster.importRejected', { importId: p.importId, locale: 'en' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(tc.fileBytes(en) as unknown as ArrayBuffer);
    expect(String(wb2.worksheets[0]!.getRow(2).getCell(20).value)).toMatch(/^ID card no\.: The ID card no\. was stored as a number/);
  });
});

describe('the messy CSV (GBK and UTF-8 with BOM; no merges)', () => {
  for (const [enc, bytes] of [['GBK', messyCsvGbk], ['UTF-8 with BOM', messyCsvUtf8Bom]] as const) {
    it(`${enc}: 工号/姓名 only in the group row above the header, headers by meaning, lost-digit ID cards, footers`, async () => {
      tc = await openTestCore();
      const p = await tc.call('roster.importPreview', { fileName: 'messy.csv', dataBase64: b64(bytes()) });
      expect(p.headerRow).toBe(3);
      expect(p.columns.map((c) => c.header)).toEqual(['工号', '姓名', '性别', '身份证号码', '联系电话', '所在部门', '工种', '安全技能等级', '特种作业类别', '证书编号', '复审日期']);
      expect(p.mapping).toEqual({ empNo: 0, name: 1, gender: 2, idCard: 3, phone: 4, workshop: 5, post: 6, skillGrade: 7, certType: 8, certNo: 9, certExpiry: 10 });
      expect(p.rows.map((r) => [r.rowNumber, r.action])).toEqual([[4, 'create'], [5, 'invalid'], [6, 'invalid'], [7, 'create']]);
      expect(rowOf(p, 5).problems).toEqual([{ field: 'idCard', message: 'v.idCard.number' }]);
      expect(rowOf(p, 6).problems).toEqual([{ field: 'idCard', message: 'v.idCard.number' }]);
      expect(p.skippedRows.map((r) => r.rowNumber)).toEqual([8, 9]);
      expect(rowOf(p, 4)).toMatchObject({ name: '欧阳娜娜', parsed: { workshop: '聚合车间', phone: '13805761234', skillGrade: 1, certExpiry: '2026-12-31' } });
      expect(rowOf(p, 7).parsed).toMatchObject({ phone: '13905763333', skillGrade: 4, post: '班长' });
      expect(p.newOrgUnits).toEqual(['聚合车间']);
    });
  }
});

describe('a file without a 性别 column', () => {
  it('takes the gender from a valid ID card, never from one that lost its last digits in a number cell', async () => {
    tc = await openTestCore();
    const valid = makeId('19900307', '011');
    const lost = `${valid.slice(0, 15)}000`; // 18 digits ending in 000 that fail the check: the 17th digit is gone
    const csv = `工号,姓名,车间,身份证号\nG1,甲,一车间,${valid}\nG2,乙,一车间,${lost}\nG3,丙,一车间,3.20102199001011E+17\n`;
    const p = await tc.call('roster.importPreview', { fileName: 'g.csv', dataBase64: b64(csv) });
    expect(rowOf(p, 2).parsed).toMatchObject({ gender: 'M' });
    expect(rowOf(p, 2).problems).toEqual([]);
    for (const n of [3, 4]) {
      expect(rowOf(p, n).parsed?.gender).toBeUndefined();
      expect(rowOf(p, n).problems).toEqual(expect.arrayContaining([{ field: 'gender', message: 'v.required' }, { field: 'idCard', message: 'v.idCard.number' }]));
    }
  });
});

describe('re-importing a file that lacks a column', () => {
  it('keeps the team when the file has the workshop but no team column, and the other fields it does not carry', async () => {
    tc = await openTestCore();
    const ws = await tc.call('org.create', { kind: 'workshop', name: '一车间' });
    const team = await tc.call('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
    const w = await tc.call('workers.create', { empNo: 'K1', name: '旧名', gender: 'M', orgUnitId: team.id, roles: ['team_leader', 'lp_supervisor'], certType: '电工作业', certNo: 'C1', certExpiry: '2026-01-01', skillGrade: 2 });
    const csv = '\ufeff工号,姓名,所在车间,安全员,证书有效期\r\nK1,旧名,一车间,√,2029/1/1\r\n';
    const p = await tc.call('roster.importPreview', { fileName: 'renew.csv', dataBase64: b64(csv) });
    expect(p.mapping).toEqual({ empNo: 0, name: 1, workshop: 2, 'role.safety_officer': 3, certExpiry: 4 });
    expect(rowOf(p, 2)).toMatchObject({ action: 'update', problems: [], changes: ['roles', 'certExpiry'] });
    expect(p.newOrgUnits).toEqual([]);
    await tc.call('roster.importCommit', { importId: p.importId });
    expect(await tc.call('workers.get', { id: w.id })).toMatchObject({
      workshopName: '一车间', teamName: '甲班', roles: ['team_leader', 'lp_supervisor', 'safety_officer'], certType: '电工作业', certNo: 'C1', certExpiry: '2029-01-01', skillGrade: 2,
    });
    // an empty flag cell takes that one role away and leaves the others
    const p2 = await tc.call('roster.importPreview', { fileName: 'flags.csv', dataBase64: b64('工号,姓名,班组长\nK1,旧名,\n') });
    await tc.call('roster.importCommit', { importId: p2.importId });
    expect((await tc.call('workers.get', { id: w.id })).roles).toEqual(['lp_supervisor', 'safety_officer']);
    // a team column without the workshop column places the team under the worker's workshop
    const p3 = await tc.call('roster.importPreview', { fileName: 'team.csv', dataBase64: b64('工号,姓名,班组\nK1,旧名,乙班\n') });
    expect(p3.newOrgUnits).toEqual(['一车间 / 乙班']);
    await tc.call('roster.importCommit', { importId: p3.importId });
    expect(await tc.call('workers.get', { id: w.id })).toMatchObject({ workshopName: '一车间', teamName: '乙班' });
  });
});

describe('the import template', () => {
  it('downloads as .xlsx with the importer’s columns and a sheet that explains them; filled in, it imports', async () => {
    tc = await openTestCore();
    const ref = await tc.call('roster.importTemplate', {});
    expect(ref.fileName).toBe('职工花名册导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc.fileBytes(ref) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['职工花名册', '填写说明']);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 4)).toEqual(['工号', '姓名', '性别', '身份证号']);
    const help = wb.worksheets[1]!;
    expect(String(help.getRow(2).getCell(1).value)).toBe('工号');
    expect(help.actualRowCount).toBeGreaterThan(19);
    // fill one row and import it
    ws.getRow(2).values = ['T1', '张　三', '', makeId('19900101', '011'), '138 0576 9999', '一车间', '甲班', '车工', '2019/3/5', '高级工'];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const p = await tc.call('roster.importPreview', { fileName: 'tpl.xlsx', dataBase64: b64(filled) });
    expect(p.counts).toEqual({ total: 1, create: 1, update: 0, invalid: 0 });
    await tc.call('roster.importCommit', { importId: p.importId });
    expect(workerByEmpNo(tc, 'T1')).toMatchObject({ name: '张三', gender: 'M', phone: '13805769999', hire_date: '2019-03-05', skill_grade: 3 });
  });
});
