// The skill-level wage's records (issue 9) in a real Chromium against a real browser host: a month of safe production
// time entered worker by worker from the keyboard (employee number search, Enter saves), a violation with an evidence
// photo, an accident with two workers, a manual monthly figure — each checked through the backend too. Screenshots in
// test-results/e2e/wage-records-*.png.
import sharp from 'sharp';
import dayjs from 'dayjs';
import { describe, expect } from 'vitest';
import { api, createUnit, createWorkers, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { label, pickSelect, waitText } from './pages';

const PERIOD = dayjs().format('YYYY-MM');

describe('wage records (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'wage-records-');
  const shot = (n: string) => app.shot(`wage-records-${n}`);
  const page = () => app.page;
  const row = (text: string) => page().locator('.ant-table-row').filter({ has: page().getByText(text, { exact: true }) });
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();

  step('the records tab opens empty for this month and says how to fill it', async () => {
    await setUpSignedIn(app);

    const ws = await createUnit(app.host, '合成车间');
    const team = await createUnit(app.host, '甲班', ws);
    await createWorkers(app.host, team, [
      ['W001', '张三'],
      ['W002', '李四'],
      ['W003', '王五'],
    ]);

    await page().getByRole('menuitem', { name: '能级工资' }).click();
    await waitText(page().getByTestId('wage-tk-empty'), new RegExp(`^${PERIOD} 还没有工时记录。`));
    expect(page().url()).toContain('#/wage');
    await shot('01-empty');
  });

  step('a month of time from the keyboard: employee number, hours, Enter — the next worker follows', async () => {
    const form = page().getByRole('form', { name: '录入' });
    await pickSelect(page(), form.getByRole('combobox', { name: '职工' }), /张三 · W001/, 'W001');
    await form.getByLabel('工时（小时）').fill('176');
    await form.getByLabel('工时（小时）').press('Enter');
    await row('张三').waitFor();
    // the worker picker has the focus again: type the next one straight away
    await page().locator('#wageTk_workerId:focus').waitFor();
    await pickSelect(page(), form.getByRole('combobox', { name: '职工' }), /李四 · W002/, 'W002');
    await form.getByLabel('工时（小时）').fill('160.5');
    await form.getByLabel('班次').fill('20');
    await form.getByLabel('班次').press('Enter');
    await row('李四').waitFor();
    await waitText(page().getByTestId('wage-tk-totals'), '共 2 人 · 工时合计 336.5 小时 · 班次合计 20');
    // a negative figure is refused on its field (never clamped to 0 and saved)
    await pickSelect(page(), form.getByRole('combobox', { name: '职工' }), /王五 · W003/, 'W003');
    await form.getByLabel('工时（小时）').fill('-5');
    await form.getByLabel('工时（小时）').press('Enter');
    await form.getByText('工时应为 0–744 小时，最多两位小数').waitFor();
    expect(await form.getByLabel('工时（小时）').inputValue()).toBe('-5');
    await shot('02a-negative-hours');
    expect(await api<unknown[]>(app.host, 'wage.timekeeping', { period: PERIOD })).toHaveLength(2);
    await form.getByLabel('工时（小时）').fill('');
    // the worker list is as wide as its options (name · employee no. · workshop untruncated)
    await form.getByRole('combobox', { name: '职工' }).click();
    const popup = page().locator('.ant-select-dropdown').filter({ visible: true }).last();
    await popup.locator('.ant-select-item-option').first().waitFor();
    // the popup is measured once it has been placed (it opens at width 0 for a frame or two)
    await expect.poll(async () => (await popup.boundingBox())?.width ?? 0, { timeout: 5000, interval: 100 }).toBeGreaterThanOrEqual(360);
    await shot('02b-worker-picker');
    await page().keyboard.press('Escape');
    // neither hours nor shifts: refused on the field
    await pickSelect(page(), form.getByRole('combobox', { name: '职工' }), /王五 · W003/, 'W003');
    await form.getByRole('button', { name: label('保存') }).click();
    await form.getByText('请填写工时或班次（至少一项）').waitFor();
    await shot('02-timekeeping');
    const month = await api<{ empNo: string; hours: number | null; shifts: number | null; source: string }[]>(app.host, 'wage.timekeeping', { period: PERIOD });
    expect(month.map((r) => [r.empNo, r.hours, r.shifts, r.source])).toEqual([
      ['W001', 176, null, 'manual'],
      ['W002', 160.5, 20, 'manual'],
    ]);
  });

  step('a violation with an evidence photo', async () => {
    await page().getByTestId('wage-section-behaviour').click();
    await waitText(page().getByTestId('wage-bh-empty'), new RegExp(`^${PERIOD} 还没有行为记录。`));
    await page().getByRole('button', { name: label('新增行为记录') }).click();
    const d = dialog();
    await pickSelect(page(), d.getByRole('combobox', { name: '职工' }), /王五 · W003/, 'W003');
    await d.getByRole('combobox', { name: '事项' }).fill('未戴安全帽');
    await d.getByLabel('分值').fill('-3');
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c0392b' } }).jpeg().toBuffer();
    await d.getByTestId('photo-input').setInputFiles({ name: '现场违章.jpg', mimeType: 'image/jpeg', buffer: photo });
    await d.getByRole('img', { name: '现场违章.jpg' }).waitFor();
    await shot('03-violation-form');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
    await row('未戴安全帽').getByRole('img', { name: '证据照片 王五 未戴安全帽' }).waitFor();
    await waitText(row('未戴安全帽'), /王五 · W003.*违章.*-3/);
    await shot('04-violation');
    const list = await api<{ kind: string; points: number; evidenceId: string | null; workerName: string }[]>(app.host, 'wage.behaviour', { period: PERIOD });
    expect(list).toEqual([expect.objectContaining({ kind: 'violation', points: -3, workerName: '王五', evidenceId: expect.any(String) })]);
  });

  step('an accident with its team and two workers', async () => {
    await page().getByTestId('wage-section-accidents').click();
    await waitText(page().getByTestId('wage-ac-empty'), `${PERIOD} 没有事故记录。`);
    await page().getByRole('button', { name: label('新增事故') }).click();
    const d = dialog();
    await d.getByLabel('地点').fill('合成车间二楼反应釜旁');
    await d.getByText('轻伤', { exact: true }).click();
    await pickSelect(page(), d.getByRole('combobox', { name: '涉及班组' }), '合成车间 / 甲班');
    const workers = d.getByRole('combobox', { name: '涉及职工' });
    await workers.click();
    await workers.pressSequentially('W001');
    await page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: /张三 · W001/ }).click();
    await workers.pressSequentially('W002');
    await page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: /李四 · W002/ }).click();
    await workers.press('Escape');
    await d.getByLabel('经过').fill('检修时未停机，手部被划伤，送医缝合。');
    await shot('05-accident-form');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
    await waitText(row('合成车间二楼反应釜旁'), /轻伤.*甲班.*张三（W001）、李四（W002）/);
    await shot('06-accident');
    const list = await api<{ severity: string; teamName: string; workers: { empNo: string }[] }[]>(app.host, 'wage.accidents', { period: PERIOD });
    expect(list).toEqual([expect.objectContaining({ severity: 'minor_injury', teamName: '甲班', workers: [expect.objectContaining({ empNo: 'W001' }), expect.objectContaining({ empNo: 'W002' })] })]);
  });

  step('a manual figure: none until the catalogue has a manual indicator; then chosen from it, entered again it changes', async () => {
    await page().getByTestId('wage-section-manual').click();
    await waitText(page().getByTestId('wage-mn-empty'), `${PERIOD} 还没有手工录入的数值。`);
    await waitText(page().getByTestId('wage-mn-noIndicators'), /指标目录中还没有来源为“手工录入”的指标/);
    await shot('07a-manual-no-indicator');
    await api(app.host, 'wage.catalogueSave', {
      code: 'CONTEST',
      name: { 'zh-CN': '技能竞赛', en: 'Skills contest' },
      unit: { 'zh-CN': '分', en: 'points' },
      source: 'manual',
      rule: { kind: 'linear', perUnit: 1, floor: 0, cap: 100 },
      weightPct: 0,
      safety: false,
    });
    await page().reload();
    await page().getByTestId('wage-section-manual').click();
    const form = page().getByRole('form', { name: '手工数值' });
    await pickSelect(page(), form.getByRole('combobox', { name: '职工' }), /张三 · W001/, 'W001');
    await pickSelect(page(), form.getByRole('combobox', { name: '指标' }), 'CONTEST · 技能竞赛');
    await form.getByLabel('数值').fill('85.5');
    await form.getByLabel('数值').press('Enter');
    await waitText(row('CONTEST · 技能竞赛'), /张三.*CONTEST.*85\.5/);
    await form.getByLabel('数值').fill('90');
    await pickSelect(page(), form.getByRole('combobox', { name: '职工' }), /张三 · W001/, 'W001');
    await form.getByLabel('数值').press('Enter');
    await waitText(row('CONTEST · 技能竞赛'), /张三.*CONTEST.*90/);
    await shot('07-manual');
    const list = await api<{ code: string; value: number; empNo: string }[]>(app.host, 'wage.manual', { period: PERIOD });
    expect(list).toEqual([expect.objectContaining({ empNo: 'W001', code: 'CONTEST', value: 90 })]);
    expect(app.pageErrors).toEqual([]);
  });

  step('the month is in the address: the previous month pushes an entry, Back returns; a behaviour record opens from its address', async () => {
    const prev = dayjs().subtract(1, 'month').format('YYYY-MM');
    await page().getByTestId('wage-section-behaviour').click();
    await page().getByRole('button', { name: '上个月' }).click();
    await expect.poll(() => page().url()).toContain(`#/wage/records/${prev}`);
    await page().goBack();
    await expect.poll(() => page().url()).toContain(`#/wage/records/${PERIOD}`);
    await row('未戴安全帽').waitFor();
    const [bh] = await api<{ id: string }[]>(app.host, 'wage.behaviour', { period: PERIOD });
    await page().goto(page().url().replace(/#.*$/, `#/wage/records/${PERIOD}/behaviour/${bh!.id}`));
    const d = dialog();
    await d.getByText('修改行为记录').waitFor();
    expect(await d.getByRole('combobox', { name: '事项' }).inputValue()).toBe('未戴安全帽');
    await shot('08-record-from-address');
    await d.getByRole('button', { name: label('取消') }).click();
    await expect.poll(() => page().url()).toMatch(new RegExp(`#/wage/records/${PERIOD}$`));
    expect(app.pageErrors).toEqual([]);
  });
});
