// The tabbed module pages at a 1366×800 window (the walk's laptop), in a real Chromium against a real browser host:
// a tab taller than the window scrolls under its tab bar with the mouse wheel until its last element shows (the
// frame's content area never scrolls itself); pages with their own virtual tables still fit; the dialogs of issue 10
// open with the first field focused; one Tab leaves a select chosen with Enter; the top menu shows every entry in
// Chinese and in English; the English due list, certificates and hours tabs fit their columns.
// Screenshots in test-results/e2e/tab-scroll-*.png.
import dayjs from 'dayjs';
import type { Locator } from 'playwright-core';
import { describe, expect } from 'vitest';
import { api, createUnit, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { label } from './pages';

const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD');

describe('tabbed pages scroll; dialogs focus their first field; menus and columns fit (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 800 } });
  const step = journeySteps(app, 'tab-scroll-');
  const shot = (n: string) => app.shot(`tab-scroll-${n}`);
  const page = () => app.page;
  const holder = () => page().locator('.ak-tabbed .ant-tabs-body-holder');
  const activePane = () => page().locator('.ak-tabbed .ant-tabs-content-active');
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();
  const go = async (hash: string, tab: string) => {
    await page().evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), hash);
    await page().getByRole('tab', { name: tab, selected: true }).waitFor();
  };
  /** the bottom of `el` is inside the window */
  const inView = async (el: Locator) => {
    const box = await el.boundingBox();
    const vh = page().viewportSize()!.height;
    return !!box && box.y >= 0 && box.y + box.height <= vh + 1;
  };
  /** sizes of the open tab's scroll area */
  const sizes = () => holder().evaluate((h) => ({ client: h.clientHeight, scroll: h.scrollHeight, top: h.scrollTop }));

  step('a tall tab scrolls with the mouse wheel until its last element shows; the tab bar stays put', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    const team = await createUnit(app.host, '甲班', ws);
    for (let i = 1; i <= 12; i++) {
      await api(app.host, 'workers.create', { empNo: `W${String(i).padStart(3, '0')}`, name: `职工${i}`, gender: i % 3 ? 'M' : 'F', orgUnitId: team, hireDate: '2015-03-01', post: '压缩机岗', hazardFactors: ['噪声', '苯'] });
    }
    const w = await api<{ id: string }>(app.host, 'workers.create', { empNo: 'W100', name: '欧阳建国长名字', gender: 'M', orgUnitId: team });
    await api(app.host, 'health.certCreate', { workerId: w.id, category: 'electrician', certNo: 'DG-100', issueDate: dayjs().subtract(3, 'year').subtract(961, 'day').format('YYYY-MM-DD'), expiryDate: day(1000) });
    await api(app.host, 'health.exposuresFromRoster', {});

    await go('#/subsidy', '准备度');
    await activePane().locator('*').last().waitFor({ state: 'attached' });
    await page().waitForTimeout(500);
    const s = await sizes();
    console.log('subsidy', s);
    const tabBar = page().getByRole('tab', { name: '准备度' });
    const barY = (await tabBar.boundingBox())!.y;
    expect(s.scroll).toBeGreaterThan(s.client);
    const last = activePane().locator(':scope > * > *').last();
    expect(await inView(last)).toBe(false);
    await holder().hover({ position: { x: 400, y: 200 } });
    for (let i = 0; i < 30 && !(await inView(last)); i++) await page().mouse.wheel(0, 400);
    expect(await inView(last)).toBe(true);
    expect((await sizes()).top).toBeGreaterThan(0);
    expect((await tabBar.boundingBox())!.y).toBe(barY);
    await shot('01-subsidy-scrolled');
  });

  const openPopupVisible = () => page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true }).waitFor();

  step('the dialogs open with their first field focused; one Tab leaves a select whose list Enter opened', async () => {
    const focusedId = () => page().evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? '');
    await go('#/health/certs', '特种作业证');
    await page().getByRole('button', { name: label('登记证书') }).click();
    const dlg = dialog();
    await dlg.getByRole('combobox', { name: '持证人' }).waitFor();
    await expect.poll(focusedId).toBe('healthCert_workerId');
    // 作业类别 from the keyboard: Enter opens the list, arrows and Enter choose, one Tab moves on to 工种
    await dlg.getByLabel('证号').click();
    await page().keyboard.press('Tab');
    await expect.poll(focusedId).toBe('healthCert_category');
    await page().keyboard.press('Enter');
    await openPopupVisible();
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Enter');
    await page().keyboard.press('Tab');
    await expect.poll(focusedId).toBe('healthCert_typeText');
    const first = await dlg.locator('#healthCert_category').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').innerText();
    // Enter opens the list and Tab takes the highlighted entry: still one Tab to move on (antd alone kept the focus)
    await page().keyboard.press('Shift+Tab');
    await expect.poll(focusedId).toBe('healthCert_category');
    await page().keyboard.press('Enter');
    await openPopupVisible();
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Tab');
    await expect.poll(focusedId).toBe('healthCert_typeText');
    const second = await dlg.locator('#healthCert_category').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').innerText();
    expect(second).not.toBe(first);
    await shot('02-cert-dialog');
    // Escape closes the dialog once the list has closed (while it closes, Escape is the list's)
    await page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true }).waitFor({ state: 'hidden' });
    await page().keyboard.press('Escape');
    await dlg.waitFor({ state: 'hidden' });

    await go('#/health/exams', '体检记录');
    await page().getByRole('button', { name: label('新建体检批次') }).click();
    await expect.poll(focusedId).toBe('healthBatch_date');
    await page().keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    await go('#/education', '教育活动');
    await page().getByRole('button', { name: label('新建活动') }).click();
    await expect.poll(focusedId).toBe('eduActivity_kind');
    await page().keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
  });

  step('pages with their own virtual tables fit the window: no second scroll bar', async () => {
    for (const [hash, tab] of [
      ['#/congress', '届次与代表'],
      ['#/congress/proposals', '提案'],
      ['#/wage/runs', '月度核算'],
    ] as const) {
      await go(hash, tab);
      await page().waitForTimeout(500);
      const s = await sizes();
      expect(s.scroll, hash).toBeLessThanOrEqual(s.client);
    }
  });

  /** every page of the menu is an entry of its own, none folded into "···" */
  const menuFits = async (labels: string[]) => {
    for (const name of labels) expect(await page().getByRole('menuitem', { name, exact: true }).isVisible(), name).toBe(true);
    expect(await page().locator('.ant-menu-overflow-item-rest').filter({ visible: true }).count()).toBe(0);
  };

  step('at 1366px the top menu shows every entry, in Chinese and in English', async () => {
    await menuFits(['首页', '隐患台账', '职工花名册', '职代会', '能级工资', '体检与特种作业', '教育与文化墙', '奖补申报', '企业档案', '操作员', '设置']);
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('menuitem', { name: 'Home' }).waitFor();
    await menuFits(['Home', 'Hazards', 'Worker roster', 'Congress', 'Wages', 'Health', 'Education', 'Subsidy', 'Enterprise', 'Operators', 'Settings']);
  });

  /** `inner` ends inside `cell` (nothing runs into the next column) */
  const within = async (inner: Locator, cell: Locator) => {
    const a = (await inner.boundingBox())!;
    const b = (await cell.boundingBox())!;
    expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
  };

  step('English: the due list’s alert, the certificates’ status and the hours card fit their columns', async () => {
    await go('#/health', 'Exam plan & alerts');
    const tag = page().locator('.ant-table-row .ant-tag').first();
    await tag.waitFor();
    await within(tag, tag.locator('xpath=ancestor::td[1]'));
    await shot('03-en-due-list');

    await go('#/health/certs', 'Certificates');
    const status = page().getByTestId('cert-status-overdue');
    await status.waitFor();
    expect(await status.innerText()).toMatch(/^Review overdue · \d+ days ago$/);
    await within(status, status.locator('xpath=ancestor::td[1]'));
    await shot('04-en-certificates');

    await go('#/education/hours', 'Hours & gaps');
    const title = page().getByRole('heading', { name: 'Gaps by workshop and team' });
    await title.waitFor();
    expect(await title.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    const hint = page().getByTestId('hours-unit-hint');
    await within(hint, hint.locator('xpath=ancestor::div[contains(@class,"ant-card")][1]'));
    await shot('05-en-hours');
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('menuitem', { name: '首页' }).waitFor();
    await go('#/education/hours', '学时与差距');
    await shot('06-zh-hours');
    await go('#/health/certs', '特种作业证');
    await page().getByTestId('cert-status-overdue').waitFor();
    await shot('07-zh-certificates');
    await go('#/health', '体检计划与提醒');
    await page().locator('.ant-table-row .ant-tag').first().waitFor();
    await shot('08-zh-due-list');
  });
});
