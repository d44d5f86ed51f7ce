// The skill-level wage's monthly runs (issue 9, "The monthly run") in a real Chromium against a real browser host at
// 1366×768: the runs tab with no scheme in effect (→ the schemes tab), then a scheme adopted elsewhere and in effect (set
// up through the API) with a month of hours, a good act, a major hazard found and an accident that vetoes; the month
// calculated from its empty state, the totals and lines in 元, a worker's explanation with the hazard behind it (the link
// opens #/hazards/<id>), 复核 by the administrator (who then may not approve), 审批 by a second union officer, and after
// the hazard is cancelled a recalculation — confirmed, a new version beside the locked one — with the difference worker
// by worker. The month and the open explanation are in the address (#/wage/runs/<YYYY-MM>/worker/<id>): Back from a
// record returns to the drawer, a reload keeps the month; a behaviour record's link opens the records tab on its month.
// The records changed under the approved month say so (stale); the new version, reviewed and approved, replaces the
// approved one (one approved version a month) and shows 补发/扣回 against it. The home card is about the pay month (last
// month). Screenshots in test-results/e2e/wage-runs-*.png.
import dayjs from 'dayjs';
import { describe, expect } from 'vitest';
import type { SchemeVersion } from '../../shared/wage/schemes/types';
import { api, CHAIR, completeFirstRun, journeySteps, signInFirstOperator, useE2E } from './fixtures';
import { Shell, label, waitText } from './pages';

const SECOND = { empNo: 'A0002', name: '李副主席' };
const THIS_MONTH = dayjs().format('YYYY-MM');
const LAST_MONTH = dayjs().subtract(1, 'month').format('YYYY-MM');
const TODAY = dayjs().format('YYYY-MM-DD');

describe('wage monthly runs (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'wage-runs-', 60_000);
  const shot = (n: string) => app.shot(`wage-runs-${n}`);
  const page = () => app.page;
  const ids: Record<string, string> = {};
  const linesRow = (name: string) => page().getByTestId('run-lines').locator('.ant-table-row').filter({ has: page().getByText(name, { exact: true }) });
  const runState = () => page().getByTestId('run-header').getByTestId('run-state');
  const openRunsTab = async () => {
    await page().getByRole('menuitem', { name: '能级工资' }).click();
    await page().getByRole('tab', { name: '月度核算' }).click();
    await page().getByTestId('runs-month').waitFor();
  };
  const toThisMonth = async () => {
    await page().getByRole('button', { name: '下个月' }).click();
    await expect.poll(() => page().getByTestId('runs-month').inputValue()).toBe(THIS_MONTH);
  };

  step('no scheme in effect: the tab says so for last month and leads to the schemes tab', async () => {
    await completeFirstRun(page());

    await openRunsTab();
    expect(page().url()).toContain('#/wage/runs');
    expect(await page().getByTestId('runs-month').inputValue()).toBe(LAST_MONTH);
    await waitText(page().getByTestId('runs-no-scheme'), new RegExp(`${LAST_MONTH} 没有生效的能级工资方案`));
    await shot('01-no-scheme');
    await page().getByRole('button', { name: label('前往方案页') }).click();
    await page().waitForURL(/#\/wage\/schemes$/);
  });

  step('a scheme in effect and a month of records (API); the month is not calculated yet and a runner calculates it', async () => {
    await signInFirstOperator(app.host);
    const hc = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    const jia = await api<{ id: string }>(app.host, 'org.create', { kind: 'team', parentId: hc.id, name: '甲班' });
    const cy = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '储运车间' });
    const yi = await api<{ id: string }>(app.host, 'org.create', { kind: 'team', parentId: cy.id, name: '乙班' });
    for (const [empNo, name, team, grade] of [
      ['W001', '张三', jia.id, 3],
      ['W002', '李四', jia.id, 2],
      ['W003', '王五', yi.id, 4],
    ] as const) {
      const w = await api<{ id: string }>(app.host, 'workers.create', { empNo, name, gender: 'M', orgUnitId: team, hireDate: '2020-03-01', skillGrade: grade });
      ids[empNo] = w.id;
      await api(app.host, 'wage.timekeepingSave', { workerId: w.id, period: THIS_MONTH, hours: 176 });
    }
    const second = await api<{ id: string }>(app.host, 'workers.create', { empNo: SECOND.empNo, name: SECOND.name, gender: 'M', roles: ['union_officer'] });
    await api(app.host, 'operators.add', { workerId: second.id, isAdmin: false });
    ids.good = (await api<{ id: string }>(app.host, 'wage.behaviourCreate', { date: TODAY, workerId: ids.W001, kind: 'good_act', category: '合理化建议被采纳', points: 5 })).id;
    await api(app.host, 'wage.accidentCreate', { date: TODAY, place: '储运车间罐区', severity: 'minor_injury', description: '装卸时手部划伤', teamId: yi.id, workerIds: [ids.W003] });
    const h = await api<{ id: string; serial: string }>(app.host, 'hazards.report', {
      foundAt: dayjs().format('YYYY-MM-DDTHH:mm'),
      source: 'worker_report',
      category1: 'material',
      description: '储罐呼吸阀失效',
      orgUnitId: jia.id,
      finderId: ids.W001,
    });
    await api(app.host, 'hazards.confirm', { id: h.id, grade: 'major', lec: { l: 3, e: 6, c: 7 } });
    ids.hazard = h.id;
    ids.serial = h.serial;

    // the default draft, changed in negotiation: 10 元 a point, hazards capped at 100 元, a minor injury vetoes
    const draft = await api<SchemeVersion>(app.host, 'wage.schemeCreate', { name: '2026年度能级工资方案', codes: ['SKILL', 'SAFE_TIME', 'BEHAVIOUR', 'HAZARDS'] });
    const content = {
      ...draft.content,
      indicators: draft.content.indicators.map((i) => (i.code === 'HAZARDS' ? { ...i, capFen: 10_000 } : i)),
      money: { kind: 'pointValue', fenPerPoint: 1000 },
      veto: { severities: ['minor_injury', 'serious_injury', 'death'], team: false },
    };
    await api(app.host, 'wage.schemeUpdate', { id: draft.id, name: draft.name, note: null, content });
    await api(app.host, 'wage.schemeAction', { id: draft.id, action: 'adoptElsewhere', docNo: '泰安康工〔2026〕3号', date: '2026-01-01' });
    await api(app.host, 'wage.schemeAction', { id: draft.id, action: 'makeEffective', effectiveFrom: '2026-01-01' });

    await page().getByRole('tab', { name: '记录' }).click();
    await page().getByRole('tab', { name: '月度核算' }).click();
    await waitText(page().getByTestId('runs-no-run'), new RegExp(`${LAST_MONTH} 尚未核算`));
    await toThisMonth();
    await waitText(page().getByTestId('runs-no-run'), new RegExp(`${THIS_MONTH} 尚未核算.*按 2026年度能级工资方案（第 1 版）核算`));
    await shot('02-no-run');

    await page().getByTestId('run-calculate').click();
    await waitText(page().getByTestId('run-version'), '第 1 版');
    await waitText(runState(), '已核算');
    await linesRow('张三').waitFor();
    await shot('03-calculated');
  });

  step('the totals and lines in 元: components as columns, the veto marked', async () => {
    const run = (await api<{ id: string; totalFen: number; workers: number; vetoes: number; safetyPaid: number }[]>(app.host, 'wage.runs', { period: THIS_MONTH }))[0]!;
    ids.run1 = run.id;
    expect(run.vetoes).toBe(1);
    const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    await waitText(page().getByTestId('run-total'), new RegExp(yuan(run.totalFen).replace('.', '\\.')));
    await waitText(page().getByTestId('run-vetoes'), /1/);
    // 张三: grade 3 → 60 × 30% = 18 points = 180.00; 176 h → 100 × 30% = 300.00; +5 → 5 × 20% = 10.00; a major hazard → 40 × 20% = 80.00
    const zhang = linesRow('张三');
    for (const v of ['180.00', '300.00', '10.00', '80.00', '570.00']) await zhang.getByText(v, { exact: true }).first().waitFor();
    // 王五 is vetoed: his safety components are zero, the skill grade still pays (四级: 40 × 30% = 120.00)
    const wang = linesRow('王五');
    await wang.getByText('否决').waitFor();
    await wang.getByText('120.00', { exact: true }).first().waitFor();
    const lines = await api<{ rows: { empNo: string; totalFen: number }[] }>(app.host, 'wage.runLines', { runId: run.id, search: 'W001' });
    expect(lines.rows).toEqual([expect.objectContaining({ empNo: 'W001', totalFen: 57_000 })]);

    // search by number, then the group totals by workshop
    await page().getByLabel('搜索工号或姓名').fill('W003');
    await page().getByTestId('run-lines').locator('.ant-table-row').filter({ hasText: '张三' }).waitFor({ state: 'detached' });
    await linesRow('王五').waitFor();
    await page().getByLabel('搜索工号或姓名').fill('');
    await linesRow('张三').waitFor();
    await page().getByText('按车间', { exact: true }).click();
    await waitText(page().getByTestId('groups-workshop-total'), yuan(run.totalFen));
    await page().getByTestId('groups-workshop').getByText('储运车间').waitFor();
    await shot('04-by-workshop');
    await page().getByText('人员明细', { exact: true }).click();
    await linesRow('张三').waitFor();
  });

  step("a worker's explanation: raw values, points, amounts, the hazard behind it (its link opens the hazard) and the veto in words", async () => {
    await page().getByRole('link', { name: '查看 张三 的核算说明' }).click();
    await waitText(page().getByTestId('explain-title'), `W001 张三 · ${THIS_MONTH} 核算说明`);
    const hz = page().getByTestId('explain-HAZARDS');
    await waitText(hz.getByTestId('explain-raw'), '1 项');
    const link = hz.getByTestId('record-link-hazard');
    await waitText(link, new RegExp(`${ids.serial} 储罐呼吸阀失效`));
    expect(await link.getAttribute('href')).toBe(`#/hazards/${ids.hazard}`);
    await hz.getByText('重大隐患').waitFor();
    await waitText(page().getByTestId('explain-SAFE_TIME').getByTestId('explain-raw'), '176 小时');
    await shot('05-explain');
    // the month and the drawer are in the address
    await page().waitForURL(new RegExp(`#/wage/runs/${THIS_MONTH}/worker/${ids.W001}$`));
    await link.click();
    await page().waitForURL(new RegExp(`#/hazards/${ids.hazard}$`));
    await waitText(page().getByTestId('hazard-serial'), ids.serial!);
    // Back: the same month, the same worker's explanation
    await page().goBack();
    await waitText(page().getByTestId('explain-title'), `W001 张三 · ${THIS_MONTH} 核算说明`);
    expect(await page().getByTestId('runs-month').inputValue()).toBe(THIS_MONTH);
    await shot('05b-back-to-explain');
    // a behaviour record opens the records tab on its month with the record named in the address; Back returns
    const good = page().getByTestId('explain-BEHAVIOUR').getByTestId('record-link-behaviour');
    expect(await good.getAttribute('href')).toBe(`#/wage/records/${THIS_MONTH}/behaviour/${ids.good}`);
    await good.click();
    await page().waitForURL(new RegExp(`#/wage/records/${THIS_MONTH}/behaviour/${ids.good}$`));
    await page().getByRole('tab', { name: '记录', selected: true }).waitFor();
    await shot('05c-record-from-explain');
    await page().goBack();
    await waitText(page().getByTestId('explain-title'), `W001 张三 · ${THIS_MONTH} 核算说明`);
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    await page().getByTestId('explain').waitFor({ state: 'detached' });
    await page().waitForURL(new RegExp(`#/wage/runs/${THIS_MONTH}$`));
    await page().getByRole('link', { name: '查看 王五 的核算说明' }).click();
    await page().getByTestId('explain-veto').waitFor();
    await waitText(page().getByTestId('explain-SAFE_TIME').getByTestId('explain-reason'), new RegExp(`一票否决：${TODAY} 储运车间罐区 发生轻伤事故，安全类项目本月清零`));
    await page().getByTestId('explain-SAFE_TIME').getByTestId('record-link-accident').waitFor();
    await shot('06-explain-veto');
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    await page().getByTestId('explain').waitFor({ state: 'detached' });
  });

  step('复核 by the administrator: he may not approve it too; 审批 by the second union officer locks it', async () => {
    await page().getByTestId('run-review').click();
    await page().locator('.ant-popconfirm').filter({ visible: true }).locator('.ant-btn-primary').click();
    await waitText(runState(), '已复核');
    await page().getByTestId('run-own-review').waitFor();
    expect(await page().getByTestId('run-approve').count()).toBe(0);
    await shot('07-reviewed');

    await new Shell(page()).switchOperator(SECOND.name);
    await openRunsTab();
    await toThisMonth();
    await waitText(runState(), '已复核');
    await page().getByTestId('run-approve').click();
    await page().locator('.ant-popconfirm').filter({ visible: true }).locator('.ant-btn-primary').click();
    await waitText(runState(), '已审批');
    await waitText(page().getByTestId('run-header'), new RegExp(`已锁定.*${SECOND.name} ·`));
    expect(await page().getByTestId('run-review').count()).toBe(0);
    expect(await page().getByTestId('run-approve').count()).toBe(0);
    await page().getByTestId('run-exports').waitFor();
    expect(await page().getByTestId('run-exports-wait').count()).toBe(0);
    await shot('08-approved');
    // the home page's card is about the pay month (last month): not calculated yet, the last approved month shown
    await new Shell(page()).go('首页');
    await waitText(page().getByTestId('wage-card'), new RegExp(`能级工资 · ${LAST_MONTH}`));
    await waitText(page().getByTestId('wage-card-state'), new RegExp(`上月（${LAST_MONTH}）尚未核算\\s*以下为最近审批的 ${THIS_MONTH}`));
    await waitText(page().getByTestId('wage-card-vetoes'), /1/);
    await page().getByTestId('wage-card').scrollIntoViewIfNeeded();
    await shot('08b-dashboard-card');
    await page().getByRole('button', { name: '打开月度核算' }).click();
    await page().waitForURL(new RegExp(`#/wage/runs/${LAST_MONTH}$`));
    expect(await page().getByTestId('runs-month').inputValue()).toBe(LAST_MONTH);
    await toThisMonth();
    await waitText(runState(), '已审批');
  });

  step('the hazard cancelled: recalculating the approved month is confirmed, makes version 2, and the diff shows 张三', async () => {
    await api(app.host, 'hazards.cancel', { id: ids.hazard, kind: 'invalid', reason: '复查为误报' });
    // a reload keeps the month (in the address) and the approved version says its records changed
    await page().reload();
    await waitText(runState(), '已审批');
    expect(await page().getByTestId('runs-month').inputValue()).toBe(THIS_MONTH);
    await waitText(page().getByTestId('run-stale'), /第 1 版核算后，本月的记录有改动：隐患.*该月已审批/);
    await shot('08c-stale');
    await waitText(page().getByTestId('run-calculate'), /重新核算/);
    await page().getByTestId('run-calculate').click();
    await waitText(page().getByTestId('recalc-confirm'), /已审批的第 1 版保持锁定、不作任何改动；重新核算将生成第 2 版/);
    await shot('09-confirm');
    await page().getByRole('button', { name: label('生成新版本') }).click();
    await waitText(page().getByTestId('run-version'), '第 2 版');
    await waitText(runState(), '已核算');
    const versions = page().getByTestId('run-versions').locator('.ant-table-row');
    await waitText(versions.nth(1), /第 1 版.*已审批/);
    await versions.first().getByRole('button', { name: label('与上一版对比') }).click();
    await waitText(page().getByTestId('diff-summary'), /变动 1 人，新增 0 人，减少 0 人/);
    const zhang = page().locator('.ant-drawer .ant-table-row').filter({ hasText: '张三' });
    await waitText(zhang.getByTestId('diff-delta'), '-80.00');
    await zhang.getByText('80.00').first().waitFor();
    await shot('10-diff');
    // the approved version is unchanged
    const v1 = await api<{ state: string; totalFen: number }>(app.host, 'wage.run', { id: ids.run1 });
    const v2 = (await api<{ id: string; totalFen: number }[]>(app.host, 'wage.runs', { period: THIS_MONTH, current: true })).find((r) => r.id !== ids.run1)!;
    expect(v1.state).toBe('approved');
    expect(v1.totalFen - v2.totalFen).toBe(8000);
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    // against the approved version: 张三 has 80.00 deducted
    const settle = page().getByTestId('run-settlement');
    await waitText(settle, /与已审批的第 1 版相比：补发 \/ 扣回/);
    await waitText(settle.getByTestId('settle-W001'), '扣回80.00');
    await waitText(settle.getByTestId('settle-total'), /扣回 80\.00 元，净额 -80\.00 元（1 人）/);
    expect(await page().getByTestId('run-stale').count()).toBe(0);
  });

  step('version 2 reviewed and approved replaces version 1: one approved version a month, the old one exports nothing', async () => {
    await page().getByTestId('run-review').click();
    await page().locator('.ant-popconfirm').filter({ visible: true }).locator('.ant-btn-primary').click();
    await waitText(runState(), '已复核');
    await new Shell(page()).switchOperator(CHAIR.name);
    await openRunsTab();
    await toThisMonth();
    await waitText(runState(), '已复核');
    await page().getByTestId('run-approve').click();
    await page().locator('.ant-popconfirm').filter({ visible: true }).locator('.ant-btn-primary').click();
    await waitText(runState(), '已审批');
    const versions = page().getByTestId('run-versions').locator('.ant-table-row');
    await waitText(versions.nth(0), /第 2 版.*已审批/);
    await waitText(versions.nth(1), /第 1 版.*原审批版，已被新审批版本取代/);
    await waitText(page().getByTestId('run-settlement'), /本版审批后取代它/);
    await shot('10b-replaced');
    const runs = await api<{ state: string }[]>(app.host, 'wage.runs', { period: THIS_MONTH });
    expect(runs.map((r) => r.state)).toEqual(['approved', 'replaced']);
    await versions.nth(1).getByRole('link', { name: '第 1 版' }).click();
    await waitText(page().getByTestId('run-version'), '第 1 版');
    await page().getByText('工资表导出').click();
    await page().getByTestId('run-exports-wait').waitFor();
    await versions.nth(0).getByRole('link', { name: '第 2 版' }).click();
    await waitText(page().getByTestId('run-version'), '第 2 版');
  });

  step('in English: the tab, the states, the totals and the explanation', async () => {
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('tab', { name: 'Monthly runs' }).waitFor();
    await waitText(runState(), 'Approved');
    await waitText(page().getByTestId('run-calculate'), /Recalculate/);
    await page().getByText('Versions of the month').waitFor();
    await page().getByTestId('run-safety-hint').getByText(/workers paid more than zero for the safety components/).waitFor();
    await shot('11-english');
    await page().getByRole('link', { name: "Open 王五's explanation" }).click();
    await waitText(page().getByTestId('explain-SAFE_TIME').getByTestId('explain-reason'), new RegExp(`Veto: a Minor injury accident on ${TODAY} at 储运车间罐区 zeroes the safety components this month`, 'i'));
    // the grade by its name, not "4 grade"
    await waitText(page().getByTestId('explain-SKILL').getByTestId('explain-raw'), 'Grade 4 (intermediate worker)');
    await shot('12-english-explain');
    expect(app.pageErrors).toEqual([]);
  });
});
