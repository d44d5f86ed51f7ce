// Entering exams by hand (the second walk's findings), in a real Chromium against a real browser host: a batch date in
// the future or before 2000 is kept and refused on the field, the report is chosen by the app's own button (no
// browser "Choose File"); a worker added to a pre-job batch starts with his exposure's factor and the saved exam clears
// his 缺上岗前体检; a row without a factor is marked on its cell; leaving with unsaved rows asks (stay / discard); the
// due list's 职业禁忌证 row opens the batch at that worker's row. Screenshots in test-results/e2e/health-entry-*.png.
import dayjs from 'dayjs';
import { describe, expect } from 'vitest';
import { api, createUnit, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { toast, waitText } from './pages';
import { pickDate, pickMultiple } from './pages/antd';

interface DuePage {
  rows: { workerId: string; alert: string }[];
  total: number;
}

describe('health exams entered by hand (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'health-entry-', 60_000);
  const shot = (n: string) => app.shot(`health-entry-${n}`);
  const page = () => app.page;
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();
  const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD');
  const ids: Record<string, string> = {};
  let bigBatch = '';

  step('a new batch refuses a future date and one before 2000 on the field; the report button is the app’s own', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    const team = await createUnit(app.host, '甲班', ws);
    const w = async (empNo: string, name: string) => (ids[empNo] = (await api<{ id: string }>(app.host, 'workers.create', { empNo, name, gender: 'M', orgUnitId: team })).id);
    await w('W001', '张三');
    await w('W004', '王建国');
    for (let i = 10; i < 50; i++) await w(`W0${i}`, `职工${i}`);
    await w('W099', '周东军');
    const factors = await api<{ id: string; code: string }[]>(app.host, 'health.examFactors', {});
    const noise = factors.find((f) => f.code === 'NOISE_85')!.id;
    // 王建国 goes to a noisy post today: 缺上岗前体检
    await api(app.host, 'health.exposureAdd', { workerId: ids.W004, factorId: noise, startDate: day(0) });
    // 周东军 works in noise too, against a contraindication found at the last periodic exam
    await api(app.host, 'health.exposureAdd', { workerId: ids.W099, factorId: noise, startDate: '2020-03-01' });
    expect((await api<DuePage>(app.host, 'health.due', { kind: 'pre_job' })).rows.map((r) => r.workerId)).toContain(ids.W004);
    // a periodic batch of 41 workers, the last of them (by employee number) with a contraindication
    const big = await api<{ id: string }>(app.host, 'health.batchCreate', { date: day(-60), institution: '泰州市职业病防治所', kind: 'periodic' });
    bigBatch = big.id;
    const exams = Object.entries(ids)
      .filter(([k]) => k.startsWith('W0') && k !== 'W001' && k !== 'W004')
      .map(([k, id]) => (k === 'W099' ? { workerId: id, factorIds: [noise], conclusion: 'contraindication', contraindication: '高血压' } : { workerId: id, factorIds: [noise], conclusion: 'normal' }));
    await api(app.host, 'health.examsSave', { batchId: big.id, exams });

    await page().reload();
    await page().getByRole('menuitem', { name: '体检与特种作业' }).click();
    await page().getByRole('tab', { name: '体检记录' }).click();
    await page().getByTestId('health-new-batch').click();
    const d = dialog();
    await d.getByLabel('体检机构').fill('人民医院');
    await d.locator('label.ant-radio-button-wrapper', { hasText: '上岗前' }).click();
    const date = d.getByLabel('体检日期');
    for (const [typed, said] of [
      ['2027-06-01', '日期不能晚于今天'],
      ['1995-06-01', '体检日期不能早于 2000-01-01'],
    ] as const) {
      await pickDate(page(), date, typed);
      await d.getByRole('button', { name: /保\s*存/ }).click();
      await d.getByText(said).waitFor();
      expect(await date.inputValue()).toBe(typed);
      if (typed === '1995-06-01') await shot('01-date-before-2000');
    }
    expect((await api<{ total: number }>(app.host, 'health.batches', {})).total).toBe(1);
    // the browser's file input never shows: the app's button (Chinese) opens it
    await d.getByRole('button', { name: /上传报告（PDF、图片或 Word）/ }).waitFor();
    expect(await d.locator('input[type=file]').isVisible()).toBe(false);
    expect(await d.innerText()).not.toContain('Choose File');
    // Enter in the date saves the form
    await pickDate(page(), date, day(0));
    await waitText(page().getByTestId('health-batch-title'), `${day(0)} 人民医院 上岗前`);
  });

  step('a worker added starts with his exposure’s factor; a row without one is marked; the saved exam clears 缺上岗前体检', async () => {
    // the hint names the real controls
    await page().getByText('本批次还没有体检结果。在上方搜索框按姓名或工号选人，点“加入表格”，再逐人填写结论。').waitFor();
    const adder = page().getByRole('combobox', { name: '添加受检职工' });
    await pickMultiple(page(), adder, 'W004');
    await pickMultiple(page(), adder, 'W001');
    await page().getByTestId('health-exam-add').click();
    await waitText(page().getByTestId('health-exam-factors-W004'), '噪声（≥ 85 dB(A)）');
    expect(await page().getByTestId('health-exam-factors-W001').innerText()).toContain('选择危害因素');
    for (const name of ['王建国', '张三']) {
      await page().getByRole('combobox', { name: `结论 ${name}` }).focus();
      await page().keyboard.press('1');
    }
    await page().keyboard.press('Control+s');
    await waitText(page().getByTestId('health-exam-error-factors-W001'), '上岗前和在岗期间体检须填写检查的危害因素');
    await toast(page(), /W001 张三：上岗前和在岗期间体检须填写检查的危害因素/).waitFor();
    await shot('02-row-without-factor');
    expect((await api<{ exams: unknown[] }>(app.host, 'health.batch', { id: (await api<{ rows: { id: string }[] }>(app.host, 'health.batches', { kind: 'pre_job' })).rows[0]!.id })).exams).toEqual([]);
    // 张三's row dropped, 王建国's saved
    await page().locator('.ant-table-row', { hasText: 'W001 张三' }).getByRole('button', { name: /取\s*消/ }).click();
    await page().getByRole('combobox', { name: '结论 王建国' }).focus();
    await page().keyboard.press('Control+s');
    await toast(page(), '已保存 1 人的体检结果').waitFor();
    await expect.poll(async () => page().getByText('未保存', { exact: true }).count()).toBe(0);
    await shot('03-saved');
    expect((await api<DuePage>(app.host, 'health.due', { kind: 'pre_job' })).rows.map((r) => r.workerId)).not.toContain(ids.W004);
  });

  step('leaving with unsaved rows asks: cancel stays, discard leaves without saving', async () => {
    const adder = page().getByRole('combobox', { name: '添加受检职工' });
    await pickMultiple(page(), adder, 'W001');
    await page().getByTestId('health-exam-add').click();
    await page().getByRole('combobox', { name: '结论 张三' }).focus();
    await page().keyboard.press('5');
    await page().getByRole('button', { name: /返回批次列表/ }).click();
    const ask = dialog();
    await waitText(ask, /有 1 行体检结果未保存/);
    await shot('04-leave-asks');
    await ask.getByRole('button', { name: /取消，留在本页/ }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(page().url()).toContain('#/health/exams/batch/');
    await page().getByText('未保存', { exact: true }).waitFor();
    // another tab: asked too; discard
    await page().getByRole('tab', { name: '体检计划与提醒' }).click();
    await waitText(dialog(), /有 1 行体检结果未保存/);
    await dialog().getByRole('button', { name: /放弃修改并离开/ }).click();
    await expect.poll(() => page().url()).toMatch(/#\/health\/plan|#\/health$/);
    const pre = (await api<{ rows: { id: string }[] }>(app.host, 'health.batches', { kind: 'pre_job' })).rows[0]!.id;
    expect((await api<{ exams: { empNo: string }[] }>(app.host, 'health.batch', { id: pre })).exams.map((e) => e.empNo)).toEqual(['W004']);
  });

  step('Back in the browser with unsaved rows asks and keeps the batch’s address', async () => {
    await page().getByRole('tab', { name: '体检记录' }).click();
    await page().getByRole('button', { name: `打开 ${day(0)} 人民医院` }).click();
    await page().getByTestId('health-batch-title').waitFor();
    const url = page().url();
    await pickMultiple(page(), page().getByRole('combobox', { name: '添加受检职工' }), 'W001');
    await page().getByTestId('health-exam-add').click();
    await page().getByText('未保存', { exact: true }).waitFor();
    await page().goBack();
    await waitText(dialog(), /有 1 行体检结果未保存/);
    expect(page().url()).toBe(url);
    await dialog().getByRole('button', { name: /放弃修改并离开/ }).click();
    await expect.poll(() => page().url()).not.toBe(url);
  });

  step('the due list’s 职业禁忌证 row opens the batch at that worker’s row, marked', async () => {
    await page().evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/health/plan/contraindication'));
    const row = page().getByTestId('health-due-row-W099-contraindication');
    await row.waitFor();
    await row.click();
    await expect.poll(() => page().url()).toContain(`#/health/exams/batch/${bigBatch}/${ids.W099}`);
    const focus = page().getByTestId('health-exam-focus-row');
    await waitText(focus, /W099 周东军/);
    await waitText(focus, /待处理/);
    const inView = () =>
      focus.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= (globalThis as unknown as { innerHeight: number }).innerHeight;
      });
    await expect.poll(inView).toBe(true);
    await shot('05-focus-worker');
    expect(app.pageErrors).toEqual([]);
  });
});
