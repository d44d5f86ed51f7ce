// Imports of the wage records (issue 9) in a real Chromium against a real browser host: the timekeeping sheet of the
// month as an office keeps it (a title naming the month, 车间 merged down, hours with 小时, full-width digits, an unknown
// worker, a footer) previews with each row's values and problems, imports with the bad row skipped, and re-importing it
// updates instead of adding; a behaviour sheet (违章 扣2分, 表扬 +3, a team's record) imports the same way and its refused
// rows download as a sheet. Screenshots in test-results/e2e/wage-import-*.png.
import ExcelJS from 'exceljs';
import dayjs from 'dayjs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, createUnit, createWorkers, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { toast, waitText } from './pages';

const PERIOD = dayjs().format('YYYY-MM');
const [YEAR, MONTH] = PERIOD.split('-').map(Number) as [number, number];
const FIRST = `${PERIOD}-01`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(rows: (string | number | null)[][], merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((r) => ws.addRow(r));
  for (const m of merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const timekeeping = (w2hours: string) =>
  sheet(
    [
      [`${YEAR}年${MONTH}月份安全生产工时考勤表`, null, null, null, null, null],
      ['车间', '工号', '姓名', '出勤小时', '出勤天数', '备注'],
      ['合成车间', 'W001', '张三', '176小时', '22天', null],
      [null, 'W002', '李四', w2hours, 21, '夜班多'],
      [null, 'W003', '王五', 160.5, null, null],
      ['储运车间', 'W099', '赵六', '150', null, null],
      ['制表人：刘会计    审核人：陈主任', null, null, null, null, null],
    ],
    ['A1:F1', 'A3:A5'],
  );

describe('wage records import (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 860 } });
  const step = journeySteps(app, 'wage-import-', 60_000);
  const shot = (n: string) => app.shot(`wage-import-${n}`);
  const page = () => app.page;
  const dialog = (title: string) => page().getByRole('dialog', { name: title });
  const previewRow = (d: ReturnType<typeof dialog>, n: number) =>
    d.locator('.ant-table-row').filter({ has: page().locator('.ant-table-cell', { hasText: new RegExp(`^${n}$`) }) });
  const settle = () => expect.poll(() => page().locator('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear').count()).toBe(0);

  step('signed in as the union chair, the records tab offers the timekeeping import and its template', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    const team = await createUnit(app.host, '甲班', ws);
    await createUnit(app.host, '乙班', ws);
    await createWorkers(app.host, team, [
      ['W001', '张三'],
      ['W002', '李四'],
      ['W003', '王五'],
    ]);
    await page().getByRole('menuitem', { name: '能级工资' }).click();
    await page().getByTestId('wage-tk-empty').waitFor();
    await page().getByTestId('wage-import-timekeeping').click();
    const d = dialog('导入考勤表（安全生产工时）');
    await d.getByRole('button', { name: '下载导入模板' }).waitFor();
    await settle();
    await shot('01-picker');
    const [download] = await Promise.all([page().waitForEvent('download'), d.getByRole('button', { name: '下载导入模板' }).click()]);
    expect(download.suggestedFilename()).toBe('考勤工时导入模板.xlsx');
    const file = path.join(app.dataDir, 'downloads', download.suggestedFilename());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['考勤工时', '填写说明']);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['工号', '姓名', '车间', '班组', '月份', '工时（小时）', '班次', '备注']);
  });

  step('the messy timekeeping sheet previews: month from the title, merged workshop, 小时 and full-width digits, the unknown worker named', async () => {
    const d = dialog('导入考勤表（安全生产工时）');
    await d.locator('input[type=file]').setInputFiles({ name: '3月考勤（综合办）.xlsx', mimeType: XLSX, buffer: await timekeeping('１６８') });
    await waitText(d.getByTestId('wage-import-summary'), '共 4 行：新增 3，更新 0，无变化 0，有问题 1');
    await d.getByText('表头在第 2 行').waitFor();
    await d.getByText('已从标题读取').waitFor();
    expect(await d.getByLabel('月份（文件没有月份列时）').inputValue()).toBe(PERIOD);
    await d.getByText('已跳过 1 行（表尾或重复的表头，不是记录）：第 7 行“制表人：刘会计 审核人：陈主任”').waitFor();
    expect(await previewRow(d, 3).innerText()).toContain(`${PERIOD} · 工时（小时） 176 · 班次 22`);
    expect(await previewRow(d, 4).innerText()).toContain(`${PERIOD} · 工时（小时） 168 · 班次 21 · 夜班多`);
    const bad = await previewRow(d, 6).innerText();
    expect(bad).toContain('有问题');
    expect(bad).toContain('工号：花名册中没有工号 W099');
    await expect.poll(() => d.getByRole('button', { name: '导入 3 行' }).isDisabled()).toBe(true);
    await shot('02-timekeeping-preview');
    // at 1280×800 the dialog's footer stays on screen: the preview scrolls inside the dialog
    await page().setViewportSize({ width: 1280, height: 800 });
    const commitBtn = d.getByRole('button', { name: '导入 3 行' });
    await expect.poll(async () => {
      const box = await commitBtn.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 800;
    }).toBe(true);
    await shot('02b-timekeeping-preview-1280x800');
    await page().setViewportSize({ width: 1366, height: 860 });
    // nothing is written by the preview
    expect(await api<unknown[]>(app.host, 'wage.timekeeping', { period: PERIOD })).toEqual([]);
  });

  step('skipping the unknown worker imports the month; the section shows it', async () => {
    const d = dialog('导入考勤表（安全生产工时）');
    await d.getByText('跳过有问题的 1 行').click();
    await d.getByRole('button', { name: '导入 3 行' }).click();
    await toast(page(), '导入完成：新增 3，更新 0，无变化 0，跳过 1').waitFor();
    await d.waitFor({ state: 'detached' });
    await waitText(page().getByTestId('wage-tk-totals'), '共 3 人 · 工时合计 504.5 小时 · 班次合计 43');
    await shot('03-timekeeping-imported');
    const month = await api<{ empNo: string; hours: number | null; shifts: number | null; source: string }[]>(app.host, 'wage.timekeeping', { period: PERIOD });
    expect(month.map((r) => [r.empNo, r.hours, r.shifts, r.source])).toEqual([
      ['W001', 176, 22, 'import'],
      ['W002', 168, 21, 'import'],
      ['W003', 160.5, null, 'import'],
    ]);
  });

  step('re-importing the corrected sheet updates the one changed row instead of adding the month again', async () => {
    await page().getByTestId('wage-import-timekeeping').click();
    const d = dialog('导入考勤表（安全生产工时）');
    await d.locator('input[type=file]').setInputFiles({ name: '3月考勤（更正）.xlsx', mimeType: XLSX, buffer: await timekeeping('172.5小时') });
    await waitText(d.getByTestId('wage-import-summary'), '共 4 行：新增 0，更新 1，无变化 2，有问题 1');
    expect(await previewRow(d, 4).innerText()).toContain('将更改：工时（小时）');
    await d.getByText('跳过有问题的 1 行').click();
    await shot('04-timekeeping-reimport');
    await d.getByRole('button', { name: '导入 1 行' }).click();
    await toast(page(), '导入完成：新增 0，更新 1，无变化 2，跳过 1').waitFor();
    await waitText(page().getByTestId('wage-tk-totals'), '共 3 人 · 工时合计 509 小时 · 班次合计 43');
    expect(await api<unknown[]>(app.host, 'wage.timekeeping', { period: PERIOD })).toHaveLength(3);
  });

  step('last month’s 考勤表 kept day by day (a cover tab first, 姓名 above the days 1 … 31, √ and 夜 marks, hours per day): the days are summed', async () => {
    const prev = dayjs().subtract(1, 'month');
    const n = prev.daysInMonth();
    const days = Array.from({ length: n }, (_, i) => i + 1);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('封面').addRow([`${prev.year()}年${prev.month() + 1}月 考勤 封面`]);
    const ws = wb.addWorksheet('考勤');
    ws.addRow([`${prev.year()}年${prev.month() + 1}月份考勤表`]);
    ws.addRow(['工号', '姓名', '出勤情况']);
    ws.addRow([null, null, ...days]);
    ws.addRow(['W001', '张 三', ...days.map((d) => (d % 7 === 0 ? '休' : d % 5 === 0 ? '夜' : '√'))]);
    ws.addRow(['W002', '李四', ...days.map((d) => (d % 7 === 0 ? '休' : 8))]);
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:B3');
    const worked = days.filter((d) => d % 7 !== 0).length;
    await page().getByTestId('wage-import-timekeeping').click();
    const d = dialog('导入考勤表（安全生产工时）');
    await d.locator('input[type=file]').setInputFiles({ name: '上月考勤.xlsx', mimeType: XLSX, buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await waitText(d.getByTestId('wage-import-summary'), /共 2 行：新增 2/);
    await d.getByText(`逐日考勤表（1–${n} 日）`, { exact: false }).waitFor();
    expect(await previewRow(d, 4).innerText()).toContain(`${prev.format('YYYY-MM')} · 班次 ${worked}`);
    expect(await previewRow(d, 5).innerText()).toContain(`工时（小时） ${worked * 8} · 班次 ${worked}`);
    await settle();
    await shot('04b-timekeeping-day-grid');
    await d.getByRole('button', { name: '导入 2 行' }).click();
    await toast(page(), '导入完成：新增 2，更新 0，无变化 0，跳过 0').waitFor();
    const rows = await api<{ empNo: string; hours: number | null; shifts: number | null }[]>(app.host, 'wage.timekeeping', { period: prev.format('YYYY-MM') });
    expect(rows.map((r) => [r.empNo, r.hours, r.shifts])).toEqual([
      ['W001', null, worked],
      ['W002', worked * 8, worked],
    ]);
  });

  step('a behaviour sheet: 违章 扣2分, a violation written as 5, 表扬 +3, a team’s good act; an unknown kind refused', async () => {
    await page().getByTestId('wage-section-behaviour').click();
    await page().getByTestId('wage-bh-empty').waitFor();
    await page().getByTestId('wage-import-behaviour').click();
    const d = dialog('导入行为记录（违章与安全行为）');
    const data = await sheet(
      [
        [`${YEAR}年${MONTH}月 违章及表扬记录`, null, null, null, null, null, null, null],
        ['日期', '工号', '姓名', '班组', '类别', '事项', '分值', '备注'],
        [FIRST, 'W001', '张三', '甲班', '违章', '未戴安全帽', '扣2分', '巡检发现'],
        [FIRST, 'W002', '李四', '甲班', '违章', '违章动火', 5, null],
        [FIRST, 'W003', '王五', '甲班', '表扬', '制止违章', '+3', null],
        [FIRST, null, null, '乙班', '奖励', '采纳安全建议', '加2分', '班组建议'],
        [FIRST, 'W001', '张三', null, '批评', '未系安全带', '-1', null],
      ],
      ['A1:H1'],
    );
    await d.locator('input[type=file]').setInputFiles({ name: '违章及表扬记录.xlsx', mimeType: XLSX, buffer: data });
    await waitText(d.getByTestId('wage-import-summary'), '共 5 行：新增 4，更新 0，无变化 0，有问题 1');
    expect(await previewRow(d, 3).innerText()).toContain(`${FIRST} · 违章 · 未戴安全帽 · -2 · 巡检发现`);
    expect(await previewRow(d, 4).innerText()).toContain(`${FIRST} · 违章 · 违章动火 · -5`);
    expect(await previewRow(d, 5).innerText()).toContain(`${FIRST} · 安全行为 · 制止违章 · +3`);
    expect(await previewRow(d, 6).innerText()).toContain(`${FIRST} · 安全行为 · 采纳安全建议 · +2 · 班组：乙班`);
    expect(await previewRow(d, 7).innerText()).toContain('类别：类别无法识别：应为 违章，或 表扬 / 奖励 / 安全行为');
    await shot('05-behaviour-preview');

    const [download] = await Promise.all([page().waitForEvent('download'), d.getByRole('button', { name: '下载有问题的行' }).click()]);
    expect(download.suggestedFilename()).toBe('违章及表扬记录-未导入的行.xlsx');
    const file = path.join(app.dataDir, 'downloads', download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['行号', '日期', '工号', '姓名', '班组', '类别', '事项', '分值', '备注', '问题']);
    expect((ws.getRow(2).values as unknown[]).slice(1, 3)).toEqual([7, FIRST]);
    expect(String((ws.getRow(2).values as unknown[]).at(-1))).toBe('类别：类别无法识别：应为 违章，或 表扬 / 奖励 / 安全行为');

    await d.getByText('跳过有问题的 1 行').click();
    await d.getByRole('button', { name: '导入 4 行' }).click();
    await toast(page(), '导入完成：新增 4，更新 0，无变化 0，跳过 1').waitFor();
    await d.waitFor({ state: 'detached' });
    await page().locator('.ant-table-row').filter({ hasText: '采纳安全建议' }).waitFor();
    await shot('06-behaviour-imported');
    const list = await api<{ empNo: string | null; teamName: string | null; kind: string; category: string; points: number }[]>(app.host, 'wage.behaviour', { period: PERIOD });
    expect(list.map((b) => [b.empNo ?? b.teamName, b.kind, b.category, b.points]).sort()).toEqual([
      ['W001', 'violation', '未戴安全帽', -2],
      ['W002', 'violation', '违章动火', -5],
      ['W003', 'good_act', '制止违章', 3],
      ['乙班', 'good_act', '采纳安全建议', 2],
    ]);
  });

  it('left no uncaught errors in the page', () => {
    expect(app.pageErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
