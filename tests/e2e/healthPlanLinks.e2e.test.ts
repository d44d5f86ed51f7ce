// The health alerts lead somewhere (issue 10 walk), in a real Chromium against a real browser host: the home card's
// 复查已逾期 count opens the due list of that kind (#/health/plan/recheck_overdue, Back returns home); the recheck row
// shows the factor its exam covered and opens the exam's batch by Enter; a periodic row opens the worker's exposures by
// click; the certificates card's 复审逾期 figure opens the certificates in that state. Screenshots in
// test-results/e2e/health-links-*.png.
import dayjs from 'dayjs';
import { describe, expect } from 'vitest';
import { api, createUnit, journeySteps, setUpSignedIn, useE2E } from './fixtures';

describe('health alerts lead to their lists (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'health-links-');
  const shot = (n: string) => app.shot(`health-links-${n}`);
  const page = () => app.page;
  const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD');
  let recheckBatch = '';

  step('home: the health card’s 复查已逾期 opens the due list of that kind', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    const team = await createUnit(app.host, '甲班', ws);
    const w = (empNo: string, name: string) =>
      api<{ id: string }>(app.host, 'workers.create', { empNo, name, gender: 'M', orgUnitId: team, hireDate: '2020-03-01', post: '压缩机岗' });
    const a = await w('W001', '张三');
    const b = await w('W002', '李四');
    const factors = await api<{ id: string; code: string }[]>(app.host, 'health.examFactors', {});
    const noise = factors.find((f) => f.code === 'NOISE_85')!.id;
    for (const x of [a, b]) await api(app.host, 'health.exposureAdd', { workerId: x.id, factorId: noise, startDate: '2020-03-01' });
    const old = await api<{ id: string }>(app.host, 'health.batchCreate', { date: day(-380), institution: '泰州市职业病防治所', kind: 'periodic' });
    await api(app.host, 'health.examsSave', { batchId: old.id, exams: [{ workerId: a.id, factorIds: [noise], conclusion: 'normal' }] });
    const rb = await api<{ id: string }>(app.host, 'health.batchCreate', { date: day(-100), institution: '泰州市职业病防治所', kind: 'periodic' });
    await api(app.host, 'health.examsSave', { batchId: rb.id, exams: [{ workerId: b.id, factorIds: [noise], conclusion: 'recheck', recheckItems: '纯音听阈测试', recheckDue: day(-3) }] });
    recheckBatch = rb.id;
    await api(app.host, 'health.certCreate', { workerId: a.id, category: 'electrician', certNo: 'DG-001', issueDate: dayjs().subtract(3, 'year').subtract(15, 'day').format('YYYY-MM-DD'), expiryDate: day(1000) });

    // the home page was open while the records were made through the API: open it afresh, as a user arriving would
    await page().reload();
    await page().getByRole('menuitem', { name: '首页' }).click();
    const card = page().getByTestId('health-card');
    const tag = card.getByTestId('health-card-recheck_overdue');
    await expect.poll(() => tag.innerText()).toBe('复查已逾期 1');
    await card.scrollIntoViewIfNeeded();
    await shot('01-home-card');
    await tag.click();
    await expect.poll(() => page().url()).toContain('#/health/plan/recheck_overdue');
    const row = page().getByTestId('health-due-row-W002-recheck_overdue');
    await row.waitFor();
    expect(await page().locator('.ant-table-row').count()).toBe(1);
    expect(await row.innerText()).toContain('噪声');
    expect(await page().getByTestId('health-alert-recheck_overdue').getAttribute('aria-pressed')).toBe('true');
    await shot('02-due-recheck');
  });

  step('the recheck row opens the exam’s batch by Enter; Back returns to the filtered list', async () => {
    await page().getByTestId('health-due-row-W002-recheck_overdue').focus();
    await page().keyboard.press('Enter');
    await expect.poll(() => page().url()).toContain(`#/health/exams/batch/${recheckBatch}`);
    await page().getByText('泰州市职业病防治所').first().waitFor();
    await shot('03-batch');
    await page().goBack();
    await expect.poll(() => page().url()).toContain('#/health/plan/recheck_overdue');
    await page().getByTestId('health-due-row-W002-recheck_overdue').waitFor();
  });

  step('all alerts; a periodic row opens the worker’s exposures by click', async () => {
    await page().getByTestId('health-alert-all').click();
    await expect.poll(() => page().url()).toMatch(/#\/health$/);
    const periodic = page().getByTestId('health-due-row-W001-periodic_overdue');
    await periodic.waitFor();
    await shot('04-due-all');
    await periodic.click();
    await expect.poll(() => page().url()).toContain('#/health/plan/exposures/worker/');
    await expect.poll(() => page().getByTestId('health-exp-worker').innerText()).toContain('仅显示张三（W001）的接触登记');
    await shot('05-worker-exposures');
  });

  step('home: the certificates card’s 复审逾期 figure opens those certificates', async () => {
    await page().getByRole('menuitem', { name: '首页' }).click();
    const fig = page().getByTestId('cert-card-open-overdue');
    await expect.poll(() => fig.innerText()).toContain('1');
    await fig.click();
    await expect.poll(() => page().url()).toContain('#/health/certs/overdue');
    await page().getByText('DG-001', { exact: true }).waitFor();
    await shot('06-certs-overdue');
  });
});
