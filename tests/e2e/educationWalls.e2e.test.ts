// Culture walls (issue 10, area WALLS) in a real Chromium against a real browser host: the check lists every workshop
// and team without a wall; a wall added for a team from the check; an update recorded with two sections, a note and a
// photo (the thumbnail shows); the check follows; a wall deleted and brought back with Undo — each checked through the
// backend too. Screenshots in test-results/e2e/edu-walls-*.png.
import sharp from 'sharp';
import { describe, expect } from 'vitest';
import { api, createUnit, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { label, waitText } from './pages';

interface Wall {
  id: string;
  unitName: string;
  location: string;
  lastUpdate: string | null;
  updates: number;
  state: string;
}

describe('culture walls (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'edu-walls-');
  const shot = (n: string) => app.shot(`edu-walls-${n}`);
  const page = () => app.page;
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();

  step('the walls tab: no walls yet, the check lists every workshop and team as missing', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    await createUnit(app.host, '甲班', ws);
    await createUnit(app.host, '乙班', ws);
    await page().getByRole('menuitem', { name: '教育与文化墙' }).click();
    await page().getByRole('tab', { name: '文化墙' }).click();
    await waitText(page().getByTestId('edu-wall-empty'), /^还没有文化墙。/);
    await waitText(page().getByTestId('edu-wall-missing'), /没有文化墙（3）/);
    await waitText(page().getByTestId('edu-wall-check-summary'), /^3 个车间\/班组中，0 个有文化墙，0 个在 3 个月内更新过/);
    expect(page().url()).toContain('#/education/walls');
    await shot('01-empty');
  });

  step("a wall for 甲班 from the check's button: location required, then saved from the keyboard", async () => {
    await page().getByRole('button', { name: '建墙 合成车间 / 甲班' }).click();
    const d = dialog();
    await d.getByRole('button', { name: label('保存') }).click();
    await d.getByText('必填').waitFor();
    await d.getByLabel('位置').fill('甲班休息室东墙');
    await d.getByLabel('名称').fill('甲班安康文化墙');
    await d.getByLabel('名称').press('Enter');
    await d.waitFor({ state: 'hidden' });
    await page().locator('.ant-table-row').filter({ hasText: '甲班休息室东墙' }).waitFor();
    await waitText(page().getByTestId('edu-wall-missing'), /没有文化墙（2）/);
    await waitText(page().getByTestId('edu-wall-stale'), /合成车间 \/ 甲班从未更新/);
    await shot('02-wall-added');
    const walls = await api<Wall[]>(app.host, 'education.walls', {});
    expect(walls.map((w) => [w.unitName, w.location, w.updates, w.state])).toEqual([['甲班', '甲班休息室东墙', 0, 'stale']]);
  });

  step('an update with two sections, a note and a photo: the drawer shows it, the wall is current', async () => {
    await page().getByRole('button', { name: '登记更新 合成车间 / 甲班' }).click();
    const d = page().locator('.ant-modal').filter({ visible: true }).last();
    await d.getByText('更新栏目').waitFor();
    await d.getByRole('button', { name: label('保存') }).click();
    await d.getByText('请至少选择一个更新的栏目').waitFor();
    await d.getByRole('checkbox', { name: '事故案例' }).check();
    await d.getByRole('checkbox', { name: '操作要点' }).check();
    await d.getByLabel('更新内容').fill('张贴本月事故案例两则，新增冬季防冻操作要点');
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#0f766e' } }).jpeg().toBuffer();
    await d.getByTestId('photo-input').setInputFiles({ name: '文化墙更新.jpg', mimeType: 'image/jpeg', buffer: photo });
    await d.getByRole('img', { name: '文化墙更新.jpg' }).waitFor();
    await shot('03-update-form');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
    const drawer = page().getByTestId('edu-wall-drawer');
    const upd = drawer.getByTestId('edu-wall-upd');
    await waitText(upd, /事故案例.*操作要点/);
    await upd.getByRole('img').first().waitFor();
    await shot('04-drawer');
    await page().keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await waitText(page().getByTestId('edu-wall-check-summary'), /1 个有文化墙，1 个在 3 个月内更新过/);
    const [wall] = await api<Wall[]>(app.host, 'education.walls', {});
    expect(wall).toMatchObject({ updates: 1, state: 'current' });
    const ups = await api<{ sections: string[]; photos: { id: string }[] }[]>(app.host, 'education.wallUpdates', { wallId: wall!.id });
    expect(ups).toEqual([expect.objectContaining({ sections: ['accident_cases', 'tips'], photos: [expect.objectContaining({ id: expect.any(String) })] })]);
    await shot('05-current');
  });

  step('a wall deleted comes back with Undo', async () => {
    await page().getByRole('button', { name: '删除 合成车间 / 甲班 · 甲班安康文化墙' }).click();
    await page().getByRole('tooltip').getByRole('button', { name: label('删除') }).click();
    await page().getByTestId('edu-wall-empty').waitFor();
    await waitText(page().getByTestId('edu-wall-missing'), /没有文化墙（3）/);
    await page().getByRole('button', { name: label('撤销') }).click();
    await page().locator('.ant-table-row').filter({ hasText: '甲班休息室东墙' }).waitFor();
    await waitText(page().getByTestId('edu-wall-check-summary'), /1 个有文化墙，1 个在 3 个月内更新过/);
    await shot('06-restored');
    expect(await api<Wall[]>(app.host, 'education.walls', {})).toHaveLength(1);
  });
});
