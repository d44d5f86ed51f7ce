// Exam results are private medical data (shared/health/privacy.ts), in a real Chromium against a real browser host: a
// team leader signed in sees the exams tab's notice instead of the results (and can go to the plan), the due list with
// the periodic exam due but without the contraindication and with the note that says why, and the roster drawer's
// health-file button disabled with its reason; the union chair (an admin) sees the contraindication.
// Screenshots in test-results/e2e/health-privacy-*.png.
import { describe, expect } from 'vitest';
import { addDays } from '../../shared/health/plan/rules';
import { localToday } from '../../shared/kernel/schemas';
import { api, createUnit, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { Shell, waitText } from './pages';

describe('health privacy (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 860 } });
  const step = journeySteps(app, 'health-privacy-', 60_000);
  const shot = (n: string) => app.shot(`health-privacy-${n}`);
  const page = () => app.page;
  const today = localToday();
  const ids: Record<string, string> = {};

  step('the chair records a periodic exam overdue and a contraindication; the chair sees both', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    const team = await createUnit(app.host, '甲班', ws);
    const w = async (empNo: string, name: string, roles: string[] = []) =>
      (await api<{ id: string }>(app.host, 'workers.create', { empNo, name, gender: 'M', orgUnitId: team, hireDate: '2020-03-01', roles })).id;
    ids.a = await w('W001', '张三');
    ids.b = await w('W002', '李四');
    const tl = await w('T001', '钱班长', ['team_leader']);
    await api(app.host, 'operators.add', { workerId: tl });
    const factors = await api<{ id: string; code: string }[]>(app.host, 'health.examFactors', {});
    const noise = factors.find((f) => f.code === 'NOISE_85')!.id;
    for (const x of [ids.a, ids.b]) await api(app.host, 'health.exposureAdd', { workerId: x, factorId: noise, startDate: '2020-03-01' });
    const exam = async (date: string, e: Record<string, unknown>) => {
      const batch = await api<{ id: string }>(app.host, 'health.batchCreate', { date, institution: '泰州市职业病防治所', kind: 'periodic' });
      await api(app.host, 'health.examsSave', { batchId: batch.id, exams: [e] });
    };
    await exam(addDays(today, -370), { workerId: ids.a, factorIds: [noise], conclusion: 'normal' });
    await exam(addDays(today, -30), { workerId: ids.b, factorIds: [noise], conclusion: 'contraindication', contraindication: '高血压' });
    await page().getByRole('menuitem', { name: '体检与特种作业' }).click();
    const due = page().getByTestId('health-due');
    await due.getByText('高血压').waitFor();
    expect(await page().getByTestId('health-due-restricted').count()).toBe(0);
  });

  step('a team leader: the due list without the contraindication, and says why', async () => {
    await new Shell(page()).switchOperator('钱班长');
    await page().getByRole('menuitem', { name: '体检与特种作业' }).click();
    const due = page().getByTestId('health-due');
    await due.getByText('张三').waitFor();
    await waitText(page().getByTestId('health-due-restricted'), /复查和职业禁忌证提醒涉及体检结论/);
    expect(await due.getByText('李四').count()).toBe(0);
    expect(await due.getByText('高血压').count()).toBe(0);
    expect(await page().getByTestId('health-alert-contraindication').count()).toBe(0);
    await shot('01-due-restricted');
  });

  step('a team leader: the exams tab shows the notice; its button opens the plan', async () => {
    await page().getByRole('tab', { name: '体检记录' }).click();
    await page().getByText('体检结果仅限授权人员查看').waitFor();
    expect(await page().getByText('泰州市职业病防治所').count()).toBe(0);
    await shot('02-exams-notice');
    await page().getByRole('button', { name: /查看体检计划与提醒/ }).click();
    await page().getByTestId('health-due').waitFor();
    expect(page().url()).toContain('#/health/plan');
  });

  step('a team leader: the roster drawer’s health-file button is disabled and says why', async () => {
    await page().evaluate((id) => ((globalThis as unknown as { location: { hash: string } }).location.hash = `#/roster/${id}`), ids.b!);
    const drawer = page().locator('.ant-drawer').filter({ visible: true });
    await drawer.getByText('李四 · W002').waitFor();
    const button = drawer.getByTestId('health-file-button');
    expect(await button.isDisabled()).toBe(true);
    await drawer.getByTestId('health-file-locked').hover();
    await waitText(page().getByRole('tooltip').filter({ visible: true }), /职业健康监护档案含体检结论/);
    await shot('03-drawer-locked');
    expect(app.pageErrors).toEqual([]);
  });
});
