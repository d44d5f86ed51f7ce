// Health exams (issue 10, HEALTH-EXAMS) in a real Chromium against a real browser host: the exams tab's empty state, the
// clinic's xlsx imported (a recheck, a contraindication, an unknown worker skipped — nothing written before the
// commit), the batch's grid filled by keyboard for one more worker, the batch re-imported updating instead of adding,
// and the worker's health file as a PDF from the exams tab and from the roster's worker drawer (pdftotext-checked).
// Screenshots in test-results/e2e/health-exams-*.png.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { api, createUnit, createWorkers, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { pickSelect, toast, waitText } from './pages';
import { pickMultiple } from './pages/antd';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('体检结果');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEADER = ['序号', '工号', '姓名', '体检日期', '体检机构', '体检类别', '接触危害因素', '主检结论'];
const clinic = (w1: string) =>
  sheet([
    ['泰州市职业病防治所 职业健康检查结果汇总表'],
    HEADER,
    [1, 'W001', '张三', '2026-03-10', '泰州市职业病防治所', '在岗期间', '噪声、苯', w1],
    [2, 'W002', '李四', '2026-03-10', '泰州市职业病防治所', '在岗期间', '噪声', '职业禁忌证（高血压）'],
    [3, 'W099', '赵六', '2026-03-10', '泰州市职业病防治所', '在岗期间', '噪声', '目前未见异常'],
    ['制表人：赵医生'],
  ]);

interface Batch {
  id: string;
  examCount: number;
  source: string;
}
interface Exam {
  empNo: string;
  conclusion: string;
  recheckItems: string | null;
  recheckDue: string | null;
  contraindication: string | null;
}

describe('health exams (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 860 } });
  const step = journeySteps(app, 'health-exams-', 60_000);
  const shot = (n: string) => app.shot(`health-exams-${n}`);
  const page = () => app.page;
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();
  const settle = () => expect.poll(() => page().locator('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear').count()).toBe(0);
  async function pdfText(download: import('playwright-core').Download): Promise<string> {
    const file = path.join(app.dataDir, 'downloads', download.suggestedFilename());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await download.saveAs(file);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }

  step('the exams tab opens empty and says how to fill it', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    const team = await createUnit(app.host, '甲班', ws);
    await createWorkers(app.host, team, [
      ['W001', '张三'],
      ['W002', '李四'],
      ['W003', '王五'],
    ]);
    // 王五 works in noise: his row in a periodic batch starts with that factor
    const factors = await api<{ id: string; code: string }[]>(app.host, 'health.examFactors', {});
    const w3 = (await api<{ rows: { id: string }[] }>(app.host, 'workers.list', { search: 'W003' })).rows[0]!.id;
    await api(app.host, 'health.exposureAdd', { workerId: w3, factorId: factors.find((f) => f.code === 'NOISE_85')!.id, startDate: '2020-03-01' });
    await page().getByRole('menuitem', { name: '体检与特种作业' }).click();
    await page().getByRole('tab', { name: '体检记录' }).click();
    await page().getByText(/还没有体检记录。点“新建体检批次”逐人录入/).waitFor();
    expect(page().url()).toContain('#/health');
    await shot('01-empty');
  });

  step('the clinic’s sheet previews with row numbers and problems; nothing is written before the commit', async () => {
    await page().getByTestId('health-import').click();
    const d = dialog();
    await d.getByRole('button', { name: '下载导入模板' }).waitFor();
    await settle();
    await d.locator('input[type=file]').setInputFiles({ name: '体检结果汇总.xlsx', mimeType: XLSX, buffer: await clinic('复查（纯音听阈测试，2026-05-10前）') });
    await waitText(d.getByTestId('health-import-summary'), '共 3 行：新增 2，更新 0，无变化 0，有问题 1');
    await d.getByText('表头在第 2 行').waitFor();
    await waitText(d.getByTestId('health-import-batches'), /2026-03-10 泰州市职业病防治所 在岗期间（新批次，2 人）/);
    const row = (n: number) => d.locator('.ant-table-row').filter({ has: page().locator('.ant-table-cell', { hasText: new RegExp(`^${n}$`) }) });
    expect(await row(3).innerText()).toContain('复查（纯音听阈测试、2026-05-10）');
    expect(await row(4).innerText()).toContain('职业禁忌证（高血压）');
    expect(await row(5).innerText()).toContain('工号：花名册中没有工号 W099');
    await shot('02-import-preview');
    expect((await api<{ total: number }>(app.host, 'health.batches', {})).total).toBe(0);
    await d.getByText('跳过有问题的 1 行').click();
    await d.getByRole('button', { name: '导入 2 行' }).click();
    await toast(page(), '导入完成：新增 2，更新 0，无变化 0，跳过 1').waitFor();
    // the one batch imported opens
    await waitText(page().getByTestId('health-batch-title'), '2026-03-10 泰州市职业病防治所 在岗期间');
    await shot('03-batch-imported');
    const batches = await api<{ rows: Batch[] }>(app.host, 'health.batches', {});
    expect(batches.rows.map((b) => [b.examCount, b.source])).toEqual([[2, 'import']]);
  });

  step('one more worker entered by hand in the batch: conclusion by key, Ctrl+S saves', async () => {
    await pickMultiple(page(), page().getByRole('combobox', { name: '添加受检职工' }), 'W003');
    await page().getByTestId('health-exam-add').click();
    await waitText(page().getByTestId('health-exam-factors-W003'), '噪声（≥ 85 dB(A)）');
    const conclusion = page().getByRole('combobox', { name: '结论 王五' });
    await conclusion.focus();
    await page().keyboard.press('5');
    await page().getByLabel('疾病或异常 王五').fill('脂肪肝');
    await page().keyboard.press('Control+s');
    await toast(page(), '已保存 1 人的体检结果').waitFor();
    await expect.poll(async () => page().getByText('未保存').count()).toBe(0);
    await shot('04-batch-grid');
    const id = (await api<{ rows: Batch[] }>(app.host, 'health.batches', {})).rows[0]!.id;
    const detail = await api<{ exams: Exam[] }>(app.host, 'health.batch', { id });
    expect(detail.exams.map((e) => [e.empNo, e.conclusion, e.recheckItems, e.recheckDue, e.contraindication])).toEqual([
      ['W001', 'recheck', '纯音听阈测试', '2026-05-10', null],
      ['W002', 'contraindication', null, null, '高血压'],
      ['W003', 'other', null, null, null],
    ]);
  });

  step('the same batch imported again updates the recheck instead of adding it twice', async () => {
    await page().getByRole('button', { name: /返回批次列表/ }).click();
    await page().getByTestId('health-import').click();
    const d = dialog();
    await d.locator('input[type=file]').setInputFiles({ name: '体检结果汇总（更正）.xlsx', mimeType: XLSX, buffer: await clinic('复查（纯音听阈测试，2026-06-01前）') });
    await waitText(d.getByTestId('health-import-summary'), '共 3 行：新增 0，更新 1，无变化 1，有问题 1');
    await d.getByText('更新：复查期限').waitFor();
    await shot('05-reimport-preview');
    await d.getByText('跳过有问题的 1 行').click();
    await d.getByRole('button', { name: '导入 1 行' }).click();
    await toast(page(), '导入完成：新增 0，更新 1，无变化 1，跳过 1').waitFor();
    const batches = await api<{ rows: Batch[] }>(app.host, 'health.batches', {});
    expect(batches.rows.map((b) => b.examCount)).toEqual([3]);
  });

  step('the worker’s health file from the exams tab and from the roster’s drawer', async () => {
    await page().getByRole('button', { name: /返回批次列表/ }).click();
    await pickSelect(page(), page().locator('#health-file-worker'), /张三 · W001/, 'W001');
    await shot('06-health-file');
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByTestId('health-file-button').click()]);
    expect(download.suggestedFilename()).toBe('职业健康监护档案 W001 张三.pdf');
    const text = await pdfText(download);
    for (const s of ['职业健康监护档案', 'W001', '张三', '泰州市职业病防治所', '复查（纯音听阈测试，2026-06-01前）', '噪声']) expect(text).toContain(s);

    const workers = await api<{ rows: { id: string; empNo: string }[] }>(app.host, 'workers.list', { search: 'W002' });
    await page().evaluate((id) => ((globalThis as unknown as { location: { hash: string } }).location.hash = `#/roster/${id}`), workers.rows[0]!.id);
    const drawer = page().locator('.ant-drawer').filter({ visible: true });
    await drawer.getByText('李四 · W002').waitFor();
    await shot('07-roster-drawer');
    const [second] = await Promise.all([page().waitForEvent('download'), drawer.getByTestId('health-file-button').click()]);
    expect(second.suggestedFilename()).toBe('职业健康监护档案 W002 李四.pdf');
    expect(await pdfText(second)).toContain('职业禁忌证（高血压）');
    expect(app.pageErrors).toEqual([]);
  });
});
