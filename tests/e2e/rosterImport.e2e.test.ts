// A roster as an HR office keeps it, imported in a real Chromium against a real browser host (issue 7): the template
// downloads from the import dialog; the messy .xlsx (title row, group row merged over the headers, 车间 merged down,
// role tick columns, phones and grades in every spelling, an ID card stored as a number, footer rows) previews with
// each row's values as read; the header row can be picked; the refused rows download as a sheet with the reasons.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoUscc } from '../../electron/core/demo';
import { MESSY_HEADER, messyXlsx } from '../helpers/messyRoster';
import { api, journeySteps, TAB, useE2E } from './fixtures';
import { RosterPage, SetupPage, Shell, toast, waitText } from './pages';

describe('roster import of a messy HR file (browser host + Chromium)', () => {
  const app = useE2E();
  const step = journeySteps(app, 'import-', 60_000);
  const roster = () => new RosterPage(app.page);
  const saveDownload = async (d: import('playwright-core').Download) => {
    const file = path.join(app.dataDir, 'downloads', d.suggestedFilename());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await d.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb;
  };

  step('signed in, the import dialog offers the template before a file is chosen', async () => {
    await new SetupPage(app.page).waitUntilVisible();
    await api(app.host, 'setup.init', {
      enterprise: { name: '泰兴安康化工有限公司', uscc: demoUscc(), headcount: 120 },
      operator: { empNo: 'A0001', name: '王主席', gender: 'M', roles: ['union_officer'], pin: null },
    });
    await app.page.evaluate((k) => (globalThis as unknown as { sessionStorage: { setItem(a: string, b: string): void } }).sessionStorage.setItem('ankang.tab', k), TAB);
    await app.page.reload();
    const shell = new Shell(app.page);
    await shell.waitSignedIn('王主席');
    await shell.go('职工花名册');
    const r = roster();
    await r.waitUntilVisible();
    await r.openImport();
    const dlg = r.importDialog;
    await dlg.root.getByRole('button', { name: '下载导入模板' }).waitFor();
    await app.page.locator('.ant-zoom-appear, .ant-zoom-enter').waitFor({ state: 'detached' });
    await app.shot('import-01-picker-with-template');
    const [download] = await Promise.all([app.page.waitForEvent('download'), dlg.root.getByRole('button', { name: '下载导入模板' }).click()]);
    expect(download.suggestedFilename()).toBe('职工花名册导入模板.xlsx');
    const wb = await saveDownload(download);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['职工花名册', '填写说明']);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['工号', '姓名', '性别', '身份证号']);
  });

  step('the messy .xlsx previews: header under the group row, values as read, footers left out, the number ID named', async () => {
    const dlg = roster().importDialog;
    await dlg.upload('花名册（人事科）.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await messyXlsx());
    await waitText(dlg.summary, '共 6 行：新增 5，更新 0，有问题 1');
    await waitText(dlg.headerRowNote, '表头在第 3 行');
    await dlg.root.getByText('已跳过 2 行（非职工行）：第 10 行“合计：6 人”；第 11 行“制表人：周某某 审核人：吴某某 日期：2025-01-10”').waitFor();
    const row4 = await dlg.row(4).innerText();
    expect(row4).toContain('张三');
    expect(row4).toContain('男 · 金工车间 / 甲班 · 车工 · 13805769999 · 入职 2019-03-05 · 三级（高级工） · 班组长 · 职工代表');
    expect(await dlg.row(5).innerText()).toContain('金工车间 / 甲班 · 铣工 · 13805768888 · 入职 2020-07-01 · 二级（技师） · 安全员 · 电工作业 证书至 2027-06-30');
    expect(await dlg.row(7).innerText()).toContain('0523-87654321');
    const bad = await dlg.row(6).innerText();
    expect(bad).toContain('有问题');
    expect(bad).toContain('身份证号：身份证号被存成了数字，后几位已丢失');
    await app.shot('import-02-messy-preview');
  });

  step('the header row can be picked in the preview, and picked back', async () => {
    const dlg = roster().importDialog;
    const pick = async (n: number) => {
      await dlg.root.getByLabel('表头行').click();
      await app.page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title^="第 ${n} 行"]`).click();
      await waitText(dlg.headerRowNote, `表头在第 ${n} 行`);
    };
    await dlg.root.getByLabel('表头行').click();
    await app.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title^="第 3 行"]').waitFor();
    await app.shot('import-03-header-row-options');
    await app.page.keyboard.press('Escape');
    await pick(2);
    await dlg.root.getByText(/第 3 行“序号 工号 姓名/).waitFor(); // the real header below now reads as a repeated header
    await app.shot('import-04-header-row-2');
    await pick(3);
    await waitText(dlg.summary, '共 6 行：新增 5，更新 0，有问题 1');
  });

  step('the refused rows download as a sheet with their reasons', async () => {
    const dlg = roster().importDialog;
    const [download] = await Promise.all([app.page.waitForEvent('download'), dlg.root.getByRole('button', { name: '下载有问题的行' }).click()]);
    expect(download.suggestedFilename()).toBe('花名册（人事科）-未导入的行.xlsx');
    const ws = (await saveDownload(download)).worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['行号', ...MESSY_HEADER, '问题']);
    expect(ws.actualRowCount).toBe(2);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 4)).toEqual([6, '3', 'JG003', '王强']);
    expect(String(row[row.length - 1])).toContain('身份证号被存成了数字');
    await app.shot('import-05-rejected-downloaded');
  });

  step('skipping the refused row imports the rest into the merged workshops', async () => {
    const r = roster();
    const dlg = r.importDialog;
    await dlg.root.getByText('跳过有问题的 1 行').click();
    await waitText(dlg.commitButton, '导入 5 行');
    await dlg.commit();
    await toast(app.page, '导入完成：新增 5，更新 0，跳过 1').waitFor();
    await r.waitTotal(6);
    await waitText(r.unit('金工车间'), /金工车间\s*2/);
    await waitText(r.unit('装配车间'), /装配车间\s*3/);
    await r.row('张三').waitFor();
    await app.shot('import-06-roster-after');
  });

  it('left no uncaught errors in the page', () => {
    expect(app.pageErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
