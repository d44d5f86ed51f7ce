// The health plan (issue 10, HEALTH-PLAN) in a real Chromium against a real browser host: the plan tab empty and saying
// what to do; exposures generated from the roster's free-text hazard words (previewed, the unknown word listed); the
// pre-job alerts that follow, a woman's exam and the counts as filters; the interval table with its GBZ 188 marks and an
// interval edited; the home card; the roster asking before 离职 without the exit exam. Screenshots in
// test-results/e2e/health-plan-*.png.
import { describe, expect } from 'vitest';
import { api, createUnit, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { label, pickDate, RosterPage, WorkerDrawer, WorkerForm } from './pages';

describe('health plan (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'health-plan-');
  const shot = (n: string) => app.shot(`health-plan-${n}`);
  const page = () => app.page;
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();
  let team = '';

  step('the plan tab opens first and, with nothing recorded, says what to do', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    team = await createUnit(app.host, '甲班', ws);
    await api(app.host, 'workers.create', { empNo: 'W001', name: '张三', gender: 'M', orgUnitId: team, hireDate: '2020-03-01', post: '压缩机岗', hazardFactors: ['噪声', '苯'] });
    await api(app.host, 'workers.create', { empNo: 'W002', name: '李四', gender: 'M', orgUnitId: team, hireDate: '2021-05-10', post: '炉前工', hazardFactors: ['高温'] });
    await page().getByRole('menuitem', { name: '体检与特种作业' }).click();
    await page().getByRole('tab', { name: '体检计划与提醒' }).waitFor();
    await page().getByText(/目前没有需要提醒的体检/).waitFor();
    expect(await page().getByRole('tab', { selected: true }).innerText()).toBe('体检计划与提醒');
    await shot('01-empty');
  });

  step('按花名册生成: previewed with the unknown word listed, then generated', async () => {
    await page().getByText('接触登记', { exact: true }).click();
    expect(page().url()).toContain('#/health/plan/exposures');
    await page().getByText(/还没有接触登记/).waitFor();
    await page().getByRole('button', { name: label('按花名册生成') }).click();
    const preview = page().getByTestId('health-roster-preview');
    await preview.waitFor();
    await expect.poll(() => preview.innerText()).toContain('将为 1 名职工新建 2 条接触记录');
    expect(await preview.innerText()).toContain('高温（1 人）');
    await shot('02-roster-preview');
    await dialog().getByRole('button', { name: label('生成') }).click();
    await page().getByText('已生成 2 条接触记录').waitFor();
    await page().locator('.ant-table-row').filter({ hasText: '压缩机岗' }).nth(1).waitFor();
    const rows = await api<{ rows: { empNo: string; factorName: string; startDate: string; source: string }[] }>(app.host, 'health.exposures', {});
    expect(rows.rows.map((r) => [r.empNo, r.factorName, r.startDate, r.source])).toEqual([
      ['W001', '噪声', '2020-03-01', 'roster'],
      ['W001', '苯', '2020-03-01', 'roster'],
    ]);
    await shot('03-exposures');
    // a start in 2099 is a typing slip: refused on its field, nothing saved
    await page().getByRole('button', { name: label('登记接触') }).click();
    const d = dialog();
    await d.getByText('登记接触危害因素').waitFor();
    await d.getByLabel('职工').click();
    await d.getByLabel('职工').fill('李四');
    // each option taken from the open list (not a closed one's), and the list closed before the next field
    const openList = page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true });
    await openList.locator('.ant-select-item-option').filter({ hasText: '李四' }).first().click();
    await openList.waitFor({ state: 'hidden' });
    await d.getByLabel('危害因素').click();
    await openList.locator('.ant-select-item-option').filter({ hasText: /^苯$/ }).click();
    await openList.waitFor({ state: 'hidden' });
    await pickDate(page(), d.getByLabel('开始接触日期'), '2099-01-01');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.getByText('开始日期最多可提前一年登记（计划中的接触），请核对年份').waitFor();
    await shot('03a-start-2099-refused');
    await d.getByRole('button', { name: label('取消') }).click();
    await d.waitFor({ state: 'hidden' });
    expect((await api<{ total: number }>(app.host, 'health.exposures', { state: 'all' })).total).toBe(2);
  });

  step('the alerts follow: pre-job exams missing, a woman’s exam due; a count filters the list', async () => {
    await api(app.host, 'workers.create', { empNo: 'W003', name: '王芳', gender: 'F', orgUnitId: team, hireDate: '2018-01-01', post: '质检员' });
    await page().getByText('到期提醒', { exact: true }).click();
    const all = page().getByTestId('health-alert-all');
    await expect.poll(() => all.innerText()).toBe('全部提醒 3');
    await expect.poll(() => page().getByTestId('health-alert-pre_job').innerText()).toBe('缺上岗前体检 2');
    expect(await page().getByTestId('health-alert-women_overdue').innerText()).toBe('女职工体检已逾期 1');
    await page().locator('.ant-table-row').filter({ hasText: '王芳' }).waitFor();
    await shot('04-alerts');
    await page().getByTestId('health-alert-pre_job').click();
    await expect.poll(() => page().locator('.ant-table-row').count()).toBe(2);
    expect(await page().locator('.ant-table-row').filter({ hasText: '王芳' }).count()).toBe(0);
    await shot('05-filtered');
  });

  step('the interval table: GBZ 188 defaults marked; an interval edited', async () => {
    await page().getByRole('tab', { name: '危害因素与周期' }).click();
    await page().getByText('CO', { exact: true }).waitFor();
    expect(await page().getByTestId('health-factor-seeded').count()).toBe(10);
    await page().getByRole('button', { name: '编辑 CO', exact: true }).click();
    const d = dialog();
    // 0 is refused on the field, never saved as 1
    await d.getByLabel('在岗体检周期（月）').fill('0');
    await d.getByLabel('在岗体检周期（月）').press('Tab');
    expect(await d.getByLabel('在岗体检周期（月）').inputValue()).toBe('0');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.getByText('体检周期应为 1–120 个月的整数').waitFor();
    await shot('06a-interval-0-refused');
    await d.getByLabel('在岗体检周期（月）').fill('24');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
    const co = (await api<{ code: string; intervalMonths: number }[]>(app.host, 'health.factors', {})).find((f) => f.code === 'CO');
    expect(co?.intervalMonths).toBe(24);
    await shot('06-factors');
  });

  step('the home card counts the alerts, the urgent ones red', async () => {
    await page().getByRole('menuitem', { name: '首页' }).click();
    const card = page().getByTestId('health-card');
    await card.waitFor();
    await expect.poll(() => card.getByTestId('health-card-pre_job').innerText()).toBe('缺上岗前体检 2');
    await card.scrollIntoViewIfNeeded();
    await shot('07-home-card');
  });

  step('the roster asks before 离职 when the exit exam is missing', async () => {
    await page().getByRole('menuitem', { name: '职工花名册' }).click();
    const roster = new RosterPage(page());
    await roster.waitUntilVisible();
    await roster.openDetails('张三');
    const drawer = new WorkerDrawer(page());
    await drawer.waitFor('张三', 'W001');
    await drawer.editButton.click();
    const form = new WorkerForm(page());
    await form.waitUntilVisible('张三');
    await form.root.getByText('离职', { exact: true }).click();
    await form.saveButton.click();
    const warning = page().getByTestId('exit-exam-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('张三 接触 噪声（≥ 85 dB(A)）、苯，尚无离岗时职业健康检查记录');
    await shot('08-exit-warning');
    await page().getByRole('button', { name: label('先安排体检') }).click();
    await warning.waitFor({ state: 'hidden' });
    const w = await api<{ rows: { empNo: string; status: string }[] }>(app.host, 'workers.list', { search: 'W001' });
    expect(w.rows[0]?.status).toBe('active');
  });

  step('the exit row: overdue by the days since the exposure it is due on, its factors shown; it opens the worker’s exposures', async () => {
    await new WorkerForm(page()).saveButton.click();
    await page().getByTestId('exit-exam-warning').waitFor();
    await page().getByRole('button', { name: label('仍设为离职') }).click();
    await page().getByTestId('exit-exam-warning').waitFor({ state: 'hidden' });
    // the worker's drawer stays open after the save: closed first (by its close button: after the confirmation the
    // focus is not always inside the drawer, where Escape would reach it)
    await page().locator('.ant-drawer-open .ant-drawer-close').click();
    await page().locator('.ant-drawer-open').waitFor({ state: 'hidden' });
    await page().getByRole('menuitem', { name: '体检与特种作业' }).click();
    await page().getByRole('tab', { name: '体检计划与提醒' }).click();
    const exit = page().getByTestId('health-due-row-W001-exit');
    await exit.waitFor();
    const due = (await api<{ rows: { alert: string; days: number; factorName: string | null }[] }>(app.host, 'health.due', { kind: 'exit' })).rows[0]!;
    expect(due.days).toBeLessThan(-365);
    expect(await exit.innerText()).toContain(`逾期 ${-due.days} 天`);
    expect(await exit.innerText()).toContain('噪声（≥ 85 dB(A)）、苯');
    await shot('09-exit-row');
    await exit.click();
    await expect.poll(() => page().url()).toContain(`#/health/plan/exposures/worker/`);
    await page().getByTestId('health-exp-worker').waitFor();
    await page().locator('.ant-table-row').filter({ hasText: '张三' }).first().waitFor();
    await shot('10-exit-opens-exposures');
  });

  step('no current exposure but an ended one: the empty state says so and where to see it', async () => {
    const li = (await api<{ rows: { id: string }[] }>(app.host, 'workers.list', { search: 'W002' })).rows[0]!;
    const factors = await api<{ id: string; code: string }[]>(app.host, 'health.factors', {});
    await api(app.host, 'health.exposureAdd', { workerId: li.id, factorId: factors.find((f) => f.code === 'CO')!.id, startDate: '2021-05-10', endDate: '2024-06-30' });
    await page().getByRole('button', { name: label('显示全部职工') }).click();
    await page().getByRole('searchbox', { name: '姓名或工号' }).fill('李四');
    await page().getByTestId('health-exp-empty').filter({ hasText: '目前没有在岗接触：已登记的接触都已结束。' }).waitFor();
    await shot('11-no-current-exposure');
    await page().getByText('全部（含已结束）', { exact: true }).click();
    await page().locator('.ant-table-row').filter({ hasText: '2024-06-30' }).waitFor();
  });
});
