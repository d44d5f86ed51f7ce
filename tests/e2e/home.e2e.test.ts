// The home page and the roster after the first-run wizard (issue 7): 开始使用 (first steps) on the empty home page,
// 待我处理 once hazards wait for the operator, and in the roster the certificate highlight and filter, a rare name
// (𠮷), and the recycle bin (已删除) with restore. Screenshots in test-results/e2e/home-*.png.
import sharp from 'sharp';
import { describe, expect } from 'vitest';
import { todayLocal } from '../../electron/core/util';
import { addDays } from '../../shared/hazards/rules';
import { api, apiIn, completeFirstRun, journeySteps, useE2E } from './fixtures';
import { DashboardPage, RosterPage, Shell, pickSelect, toast, waitCount, waitText } from './pages';

const ADMIN = { empNo: 'A0001', name: '包主席', gender: '男' as const };
const day = (n: number) => addDays(todayLocal(), n);

describe('home page and roster after the wizard (browser host + Chromium)', () => {
  const app = useE2E();
  const step = journeySteps(app, 'home-');
  const shot = (n: string) => app.shot(`home-${n}`);
  const home = () => new DashboardPage(app.page);
  const shell = () => new Shell(app.page);
  const roster = () => new RosterPage(app.page);
  const ids = { ws: '', admin: '', tl: '' };

  step('after the wizard the empty home page shows the first steps and an empty 待我处理', async () => {
    await completeFirstRun(app.page, ADMIN);
    await home().waitUntilVisible();
    const first = app.page.getByTestId('first-steps');
    await first.getByText('开始使用').waitFor();
    for (const s of ['导入职工花名册', '添加操作员', '检查隐患规则']) await first.getByText(s, { exact: true }).waitFor();
    await app.page.getByTestId('my-tasks').getByText('没有等待您处理的隐患').waitFor();
    await shot('01-first-steps');
    // a step opens its page with what to do there: 去导入 opens the roster's import dialog (loaded on demand — wait for
    // it, or the menu click below races it and lands under its mask); closed with Escape, then back home
    await first.getByRole('button', { name: /去导入/ }).click();
    await roster().waitUntilVisible();
    const importing = roster().importDialog;
    await importing.waitUntilVisible();
    await app.page.keyboard.press('Escape');
    await importing.root.waitFor({ state: 'hidden' });
    await shell().go('首页');
    await home().waitUntilVisible();
  });

  step('hazards waiting for the administrator appear in 待我处理 (rectify and accept), a row opens the hazard', async () => {
    // the API helper's tab signs in as the administrator; a team leader signs in on a second tab
    const ops = await api<{ id: string; workerId: string }[]>(app.host, 'session.operators');
    await api(app.host, 'session.signIn', { operatorId: ops[0]!.id });
    ids.admin = ops[0]!.workerId;
    ids.ws = (await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '合成车间' })).id;
    const tl = await api<{ id: string }>(app.host, 'workers.create', { empNo: 'T001', name: '钱班长', gender: 'F', roles: ['team_leader'], orgUnitId: ids.ws });
    ids.tl = tl.id;
    const tlOp = await api<{ id: string }>(app.host, 'operators.add', { workerId: tl.id });
    const TL = 'e2eTabTeamLeader000000001';
    await apiIn(app.host, TL, 'session.signIn', { operatorId: tlOp.id });

    const hazard = async (description: string, responsibleId: string, deadline: string) => {
      const h = await api<{ id: string; serial: string }>(app.host, 'hazards.report', { foundAt: `${day(-3)}T09:30`, source: 'self_check', category1: 'material', category2: 'physical', description, workshopId: ids.ws });
      await api(app.host, 'hazards.confirm', { id: h.id, grade: 'general', lec: { l: 3, e: 6, c: 15 } });
      await api(app.host, 'hazards.assign', { id: h.id, responsibleId, measures: '按规程整改并复查', plannedFunds: 500, deadline, emergencyPlan: '按车间现场处置方案执行' });
      return h;
    };
    const mine = await hazard('反应釜安全阀铅封损坏，压力表超过检定有效期', ids.admin, day(6));
    const theirs = await hazard('消防通道堆放纸箱，应急照明灯不亮', tl.id, day(2));
    // the team leader rectifies theirs and submits it for acceptance
    await apiIn(app.host, TL, 'hazards.start', { id: theirs.id });
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).png().toBuffer();
    const a = await apiIn<{ id: string }>(app.host, TL, 'attachments.upload', { fileName: 'after.png', dataBase64: png.toString('base64') });
    await apiIn(app.host, TL, 'hazards.submit', { id: theirs.id, actualFunds: 450, rectificationNote: '纸箱已清走，应急灯已更换', afterPhotoIds: [a.id] });

    // back to the home page (it loads afresh when shown)
    await shell().go('职工花名册');
    await shell().go('首页');
    await home().waitUntilVisible();
    const tasks = app.page.getByTestId('my-tasks');
    await waitCount(tasks.locator('.ant-table-row'), 2);
    // soonest due first: the one to accept (due in 2 days), then the own rectification
    const rows = tasks.locator('.ant-table-row');
    await waitText(rows.nth(0), /待验收/);
    await waitText(rows.nth(0), new RegExp(theirs.serial));
    await waitText(rows.nth(1), /待整改/);
    await waitText(rows.nth(1), new RegExp(mine.serial));
    // roster and operators exist now: the first steps are done and gone
    expect(await app.page.getByTestId('first-steps').count()).toBe(0);
    await shot('02-my-tasks');
    await rows.nth(0).click();
    await app.page.locator('.ant-drawer-title').filter({ hasText: theirs.serial }).waitFor();
    expect(app.page.url()).toContain(`#/hazards/${theirs.id}`);
    await app.page.keyboard.press('Escape');
    await app.page.locator('.ant-drawer-title').filter({ hasText: theirs.serial }).waitFor({ state: 'hidden' });
  });

  step('roster: expired and expiring certificates are highlighted and filtered; a rare name shows', async () => {
    const cert = (expiry: string, no: string) => ({ certType: '电工作业', certNo: no, certExpiry: expiry });
    await api(app.host, 'workers.create', { empNo: 'C001', name: '𠮷田春', gender: 'M', orgUnitId: ids.ws, ...cert(day(-10), 'T-0001') });
    await api(app.host, 'workers.create', { empNo: 'C002', name: '王焊工', gender: 'M', orgUnitId: ids.ws, ...cert(day(30), 'T-0002') });
    await api(app.host, 'workers.create', { empNo: 'C003', name: '李电工', gender: 'F', orgUnitId: ids.ws, ...cert(day(400), 'T-0003') });
    await shell().go('职工花名册');
    const r = roster();
    await r.waitUntilVisible();
    await r.waitTotal(5);
    await waitText(await r.cell('𠮷田春', '特种作业证'), /已过期/);
    await waitText(await r.cell('王焊工', '特种作业证'), /30 天后到期/);
    await waitText(await r.cell('李电工', '特种作业证'), day(400));
    await shot('03-roster-certificates');
    await pickSelect(app.page, app.page.getByRole('combobox', { name: '证书到期' }), '已过期或即将到期');
    await r.waitTotal(2);
    await shot('04-roster-cert-filter');
    // clear the filter with the keyboard (the × is not a Tab stop)
    await app.page.getByRole('combobox', { name: '证书到期' }).focus();
    await app.page.keyboard.press('Delete');
    await r.waitTotal(5);
  });

  step('recycle bin: a deleted worker is found under 状态：已删除 and restored', async () => {
    const r = roster();
    await r.deleteWorker('王焊工');
    await r.waitTotal(4);
    await pickSelect(app.page, app.page.getByRole('combobox', { name: '状态' }), '已删除');
    await r.waitTotal(1);
    await app.page.getByTestId('roster-bin-hint').waitFor();
    const row = r.rows.filter({ hasText: '王焊工' });
    await row.waitFor();
    await waitText(row, /C002/);
    await shot('05-recycle-bin');
    await row.getByRole('button', { name: '恢复 王焊工' }).click();
    await toast(app.page, '已恢复 王焊工').waitFor();
    await r.waitTotal(0);
    await app.page.getByText('回收站是空的').waitFor();
    await pickSelect(app.page, app.page.getByRole('combobox', { name: '状态' }), '在职');
    await r.waitTotal(5);
    await r.row('王焊工').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  step('the yearly congress check: no term → a first step to the congress page; a session being prepared → its date and status', async () => {
    await shell().go('首页');
    await home().waitUntilVisible();
    const card = app.page.getByTestId('congress-year');
    await card.getByText(/尚未建立职代会届次和代表/).waitFor();
    await card.getByRole('button', { name: /去建立届次/ }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot('06-congress-no-term');
    // a term and this year's safety-themed session in preparation (the API tab is the administrator)
    const Y = Number(todayLocal().slice(0, 4));
    const term = await api<{ id: string }>(app.host, 'congress.termCreate', { number: 1, startDate: `${Y}-01-01`, endDate: `${Y + 3}-01-01` });
    const date = day(10) <= `${Y}-12-31` ? day(10) : `${Y}-12-31`;
    await api(app.host, 'congress.sessionCreate', { termId: term.id, kind: 'safety', date, place: '职工之家' });
    await shell().go('职工花名册');
    await shell().go('首页');
    await home().waitUntilVisible();
    await card.getByText(`第1届第1次会议定于 ${date} 召开`).waitFor();
    await card.getByText('筹备中').waitFor();
    expect(await card.getByTestId('congress-year-state').getAttribute('data-state')).toBe('planned');
    await card.scrollIntoViewIfNeeded();
    await shot('07-congress-planned');
    // 查看 opens the congress page
    await card.getByRole('button', { name: /查\s*看/ }).click();
    await app.page.waitForURL(/#\/congress/);
    expect(app.pageErrors).toEqual([]);
  });
});
