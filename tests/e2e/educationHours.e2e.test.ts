// Hours against the requirement (issue 10, area EDU-HOURS) in a real Chromium against a real browser host: new
// workers show their 24-hour gap; a three-level education recorded (through the activities channels) shrinks it; a
// team row lists that team; a worker's training in the drawer and the training file PDF (pdftotext); the sector
// switched to high-risk and a requirement edited from the keyboard change the gaps; the home card counts the workers
// below. Screenshots in test-results/e2e/edu-hours-*.png.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { api, createUnit, journeySteps, setUpSignedIn, SHOTS_DIR, useE2E } from './fixtures';
import { waitText } from './pages';

const YEAR = new Date().getFullYear();

describe('hours against the requirement (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 860 } });
  const step = journeySteps(app, 'edu-hours-');
  const shot = (n: string) => app.shot(`edu-hours-${n}`);
  const page = () => app.page;
  const ids: Record<string, string> = {};

  const openTab = async () => {
    await page().getByRole('menuitem', { name: '教育与文化墙' }).click();
    await page().getByRole('tab', { name: '学时与差距' }).click();
    await page().getByTestId('hours-summary').waitFor();
  };

  step('at 1366×768 the tab fits without a page-wide horizontal scroll, in Chinese and in English', async () => {
    await setUpSignedIn(app);
    await page().setViewportSize({ width: 1366, height: 768 });
    // a new folder: the first operator only, no workshops yet (the tester's walk)
    await openTab();
    const overflow = () =>
      page().evaluate(() => {
        type El = { scrollWidth: number; clientWidth: number; tagName: string; className: unknown; closest(s: string): unknown };
        const g = globalThis as unknown as { document: { scrollingElement: El; querySelectorAll(s: string): Iterable<El> }; getComputedStyle(e: El): { overflowX: string } };
        const doc = g.document.scrollingElement;
        // the page's own scroll containers (the main area), not a table's deliberate inner scroll
        const wide = [...g.document.querySelectorAll('body *')]
          .filter((e) => !e.closest('.ant-table') && /(auto|scroll)/.test(g.getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
          .map((e) => `${e.tagName}.${String(e.className).slice(0, 40)} ${e.scrollWidth}>${e.clientWidth}`);
        return { extra: doc.scrollWidth - doc.clientWidth, wide };
      });
    expect(await overflow()).toEqual({ extra: 0, wide: [] });
    await page().screenshot({ path: path.join(SHOTS_DIR, 'edu-hours-01b-1366-zh.png'), animations: 'disabled' });
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('tab', { name: 'Hours & gaps' }).waitFor();
    await page().getByTestId('hours-summary').waitFor();
    expect(await overflow()).toEqual({ extra: 0, wide: [] });
    await page().screenshot({ path: path.join(SHOTS_DIR, 'edu-hours-01c-1366-en.png'), animations: 'disabled' });
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('tab', { name: '学时与差距' }).waitFor();
    await page().setViewportSize({ width: 1366, height: 860 });
    await page().getByRole('menuitem', { name: '首页' }).click();
  });

  step('new workers hired this year show their 24-hour gap; the gaps by workshop and team', async () => {
    const ws = await createUnit(app.host, '合成车间');
    const t1 = await createUnit(app.host, '甲班', ws);
    const t2 = await createUnit(app.host, '乙班', ws);
    ids.t1 = t1;
    const w = async (empNo: string, name: string, orgUnitId: string, hireDate: string) => (await api<{ id: string }>(app.host, 'workers.create', { empNo, name, gender: 'M', orgUnitId, hireDate })).id;
    ids.n1 = await w('N001', '新工甲', t1, `${YEAR}-01-05`);
    ids.n2 = await w('N002', '新工乙', t2, `${YEAR}-01-06`);
    ids.o1 = await w('O001', '老工甲', t1, '2015-03-01');
    await openTab();
    expect(page().url()).toContain('#/education/hours');
    await waitText(page().getByTestId('hours-below'), /2/);
    const units = page().getByTestId('hours-units');
    await waitText(units.locator('tr').filter({ hasText: '甲班' }), /甲班\s*1\s*1\s*24/);
    await waitText(page().getByTestId('hours-workers').locator('tr').filter({ hasText: 'N001' }), /新职工三级教育\s*24\s*0\s*24/);
    await waitText(page().getByTestId('hours-workers').locator('tr').filter({ hasText: 'O001' }), /无固定要求/);
    await shot('01-gaps');
  });

  step('a three-level education (厂级 8 h, 车间级 8 h, 班组级 8 h) for 新工甲 closes the gap', async () => {
    const levels = [
      ['company', '厂级安全教育'],
      ['workshop', '车间级安全教育'],
      ['team', '班组级安全教育'],
    ] as const;
    for (const [i, [level, title]] of levels.entries()) {
      const a = await api<{ id: string }>(app.host, 'education.activityCreate', { kind: 'three_level', level, title, date: `${YEAR}-01-${String(6 + i).padStart(2, '0')}`, hours: 8, host: '安全科', content: '安全生产法律法规、岗位操作规程' });
      await api(app.host, 'education.attendanceSave', { activityId: a.id, attendees: [{ workerId: ids.n1, score: 90 + i }] });
    }
    await page().getByRole('tab', { name: '文化墙' }).click();
    await page().getByRole('tab', { name: '学时与差距' }).click();
    await waitText(page().getByTestId('hours-below'), /^[^0-9]*1/);
    await waitText(page().getByTestId('hours-workers').locator('tr').filter({ hasText: 'N001' }), /24\s*已达到/);
    await shot('02-gap-closed');
  });

  step('a team row lists that team; only those below; the worker drawer and the training file PDF', async () => {
    await page().getByTestId('hours-units').locator('tr').filter({ hasText: '乙班' }).click();
    await waitText(page().getByTestId('hours-unit-filter'), '范围：合成车间 / 乙班');
    await page().getByTestId('hours-workers').locator('tr').filter({ hasText: 'N002' }).waitFor();
    await expect.poll(() => page().getByTestId('hours-workers').locator('tr').filter({ hasText: 'N001' }).count()).toBe(0);
    await page().getByTestId('hours-units').locator('tr').filter({ hasText: '乙班' }).click();
    await page().getByTestId('hours-unit-filter').waitFor({ state: 'hidden' });
    await page().getByRole('checkbox', { name: '只看未达到要求的' }).check();
    await expect.poll(() => page().getByTestId('hours-workers').locator('tr').filter({ hasText: 'N001' }).count()).toBe(0);
    await page().getByRole('checkbox', { name: '只看未达到要求的' }).uncheck();
    await page().getByRole('button', { name: '新工甲' }).click();
    const drawer = page().getByTestId('training-drawer');
    await waitText(drawer, /三级教育（班组级）.*班组级安全教育/);
    await waitText(drawer, /已达到/);
    await shot('03-drawer');
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByTestId('training-pdf').click()]);
    expect(download.suggestedFilename()).toBe('培训档案 N001 新工甲.pdf');
    const file = path.join(SHOTS_DIR, 'edu-hours-training-file.pdf');
    await download.saveAs(file);
    const flat = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const want of ['泰兴安康化工有限公司', '职工安全教育培训档案', '新工甲', '新职工三级教育', '已达到要求', '三级教育', '（厂级）', '车间级安全教育', `${YEAR}年合计`, '职工本人签字：']) {
      expect(flat).toContain(want);
    }
    await page().keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  step('high-risk sector and an edited requirement (keyboard) change the gaps', async () => {
    await page().getByTestId('hours-requirements').click();
    const dialog = page().getByTestId('requirements-dialog');
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: '行业类别' }).click();
    await page().getByTitle('高危行业（矿山、危化品、烟花爆竹、金属冶炼）').click();
    await page().getByText('行业类别已改为：高危行业（矿山、危化品、烟花爆竹、金属冶炼）').waitFor();
    const cell = dialog.getByRole('spinbutton', { name: /^高危行业.* 职工年度再培训$/ });
    await cell.fill('16');
    await cell.press('Enter');
    await page().getByText('已保存').first().waitFor();
    await shot('04-requirements');
    await page().keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // 新工甲 24 of 72; 新工乙 0 of 72; 老工甲 0 of 16;
    // and the first operator (王主席, no hire date) 0 of 16
    await waitText(page().getByTestId('hours-below'), /4/);
    await waitText(page().getByTestId('hours-workers').locator('tr').filter({ hasText: 'N001' }), /72\s*24\s*48/);
    await waitText(page().getByTestId('hours-workers').locator('tr').filter({ hasText: 'O001' }), /职工年度再培训\s*16\s*0\s*16/);
    const reqs = await api<{ sector: string; rows: { sector: string; role: string; hours: number }[] }>(app.host, 'education.requirements', {});
    expect(reqs.sector).toBe('high_risk');
    expect(reqs.rows.find((r) => r.sector === 'high_risk' && r.role === 'worker_yearly')?.hours).toBe(16);
    await shot('05-high-risk');
  });

  step('the home card counts the workers below the requirement this year', async () => {
    await page().getByRole('menuitem', { name: '首页' }).click();
    const card = page().getByTestId('edu-hours-card');
    await waitText(card.getByTestId('edu-hours-card-below'), /4/);
    await waitText(card, /有要求的 4 人中/);
    await card.scrollIntoViewIfNeeded();
    await shot('06-home-card');
    await card.getByRole('button', { name: '查看学时与差距' }).click();
    await page().getByTestId('hours-summary').waitFor();
    expect(page().url()).toContain('#/education/hours');
    expect(app.pageErrors).toEqual([]);
  });
});
