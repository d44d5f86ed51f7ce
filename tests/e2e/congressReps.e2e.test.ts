// The workers' congress, representatives (issue 8) in a real Chromium against a real browser host at 1366×768: a term
// made in the form (custom quota), representatives from the roster's flags, the composition going from red to green
// as representatives are added and the presidium set, a recall with its grounds, a by-election, the history — and one
// pass in English. Screenshots in test-results/e2e/congress-reps-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { api, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { label, pickSelect, waitText } from './pages';

describe('congress representatives (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'congress-');
  const shot = (n: string) => app.shot(`congress-reps-${n}`);
  const page = () => app.page;
  const check = (key: string) => page().getByTestId(`check-${key}`);
  const waitCheck = async (key: string, ok: boolean) => page().locator(`[data-testid="check-${key}"][data-ok="${ok}"]`).waitFor();
  const row = (name: string) => page().locator('.ant-table-row').filter({ has: page().getByText(name, { exact: true }) });
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();

  step('an empty congress page says what to do first; the term is made in the form with a custom quota', async () => {
    await setUpSignedIn(app);

    // the roster: 10 workers + the operator = 11 staff, 5 women; three flagged as representatives
    const ws = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    const w = (empNo: string, name: string, gender: 'M' | 'F', extra: Record<string, unknown> = {}) =>
      api(app.host, 'workers.create', { empNo, name, gender, orgUnitId: ws.id, isFrontline: true, ...extra });
    await w('R01', '张丽', 'F', { isRepresentative: true });
    await w('R02', '李强', 'M', { isRepresentative: true });
    await w('R03', '王芳', 'F', { isRepresentative: true, isFrontline: false });
    await w('R04', '赵刚', 'M');
    await w('R05', '孙梅', 'F');
    for (const [i, g] of (['F', 'F', 'M', 'M', 'M'] as const).entries()) await w(`S0${i}`, `职工${i}`, g);

    await page().getByRole('menuitem', { name: '职代会' }).click();
    await page().getByTestId('congress-no-term').waitFor();
    expect(page().url()).toContain('#/congress');
    await shot('01-no-term');
    await page().getByRole('button', { name: label('新建一届') }).click();
    const d = dialog();
    await d.getByText('全国（职工人数 5% 且不少于 30 人）').waitFor();
    await d.getByLabel('自定义').check();
    await d.getByLabel('每千名职工的代表数（‰）').fill('200');
    await d.getByLabel('最少名额').fill('4');
    await waitText(d.getByTestId('quota-now'), '按现有职工 11 人，至少需要 4 名代表');
    await d.getByLabel('主席团人数（代表 100 名以内） min').fill('1');
    await d.getByLabel('主席团人数（代表 100 名以内） max').fill('3');
    await shot('02-term-form');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
    await page().getByText(/本届还没有代表/).waitFor();
  });

  step('representatives from the roster: the composition is red where it falls short', async () => {
    await page().getByRole('button', { name: label('从花名册导入') }).click();
    const d = dialog();
    await d.getByRole('button', { name: label('导入') }).click();
    await waitText(page().getByTestId('import-summary'), /新增 3 名代表，已在任 0 名，新建代表团（组）1 个/);
    await row('王芳').waitFor();
    await waitCheck('quota', false);
    await waitText(check('quota'), '代表名额：3 名，职工 11 人应不少于 4 名');
    await waitCheck('presidiumSize', false);
    await waitCheck('frontLine', true);
    await waitText(page().getByTestId('composition-summary'), '3 项不符合要求');
    await shot('03-imported-red');
  });

  step('adding a representative and setting the presidium turn every check green', async () => {
    await page().getByRole('button', { name: label('新增代表') }).click();
    const d = dialog();
    await pickSelect(page(), d.getByRole('combobox', { name: '职工' }), /赵刚/, '赵刚');
    await d.getByRole('button', { name: label('确定') }).click();
    await d.waitFor({ state: 'hidden' });
    await row('赵刚').waitFor();
    await waitCheck('quota', true);
    expect(await row('赵刚').innerText()).toContain('合成车间'); // the workshop's constituency was suggested
    await page().getByRole('switch', { name: '张丽 是否进入主席团' }).click();
    await waitCheck('presidiumSize', true);
    await waitCheck('presidiumFrontLine', true);
    await waitText(page().getByTestId('composition-summary'), '各项均符合要求');
    await shot('04-green');
  });

  step('a recall needs its grounds and a confirmation; the quota turns red, the history keeps why', async () => {
    await page().getByRole('button', { name: '李强 离任' }).click();
    const d = dialog();
    await d.getByLabel('罢免').check();
    await d.getByRole('button', { name: label('确认离任') }).click();
    await d.getByText('罢免须写明依据（如职代会决议）').waitFor();
    await d.getByLabel('罢免依据（如职代会决议）').fill('第一届第二次职代会罢免决议');
    await d.getByText('罢免须写明依据（如职代会决议）').waitFor({ state: 'detached' }); // the message goes once the grounds are written
    await shot('05-recall');
    await d.getByRole('button', { name: label('确认离任') }).click();
    await d.waitFor({ state: 'hidden' });
    await row('李强').waitFor({ state: 'detached' });
    await waitCheck('quota', false);
    await page().getByRole('switch', { name: '含历史记录' }).click();
    await waitText(row('李强'), /罢免[\s\S]*第一届第二次职代会罢免决议/);
    await page().getByRole('switch', { name: '含历史记录' }).click();
  });

  step('a by-election brings the quota back to green', async () => {
    await page().getByRole('button', { name: label('补选') }).click();
    const d = dialog();
    await pickSelect(page(), d.getByRole('combobox', { name: '职工' }), /孙梅/, '孙梅');
    await d.getByRole('button', { name: label('确定') }).click();
    await d.waitFor({ state: 'hidden' });
    await waitText(row('孙梅'), /补选/);
    await waitCheck('quota', true);
    await waitText(page().getByTestId('composition-summary'), '各项均符合要求');
    await waitText(page().getByTestId('term-counts'), /代表 4 名/);
    await shot('06-by-election');
    expect(app.pageErrors).toEqual([]);
  });

  step('a sheet: rows matched by 工号, problems with their row numbers, an observer from the 列席 column', async () => {
    const file = path.join(app.dataDir, '代表名单.csv');
    fs.writeFileSync(file, '\ufeff' + ['工号,姓名,列席', 'R04,赵刚,', 'S00,职工0,是', 'R99,无名,'].join('\r\n'));
    await page().getByRole('button', { name: label('从表格导入') }).click();
    const d = dialog();
    await d.locator('input[type=file]').setInputFiles(file);
    await waitText(d.getByTestId('sheet-summary'), /代表名单\.csv：新增 1 名，已在任 1 名，有问题 1 行/);
    await d.getByText('花名册中没有 R99').waitFor();
    await shot('07-sheet-preview');
    await d.getByLabel('跳过有问题的 1 行').check();
    await d.getByRole('button', { name: label('导入 1 名') }).click();
    await d.waitFor({ state: 'hidden' });
    await waitText(page().getByTestId('import-summary'), /已从表格导入 1 名代表（已在任 1 名，跳过 1 行/);
    await waitText(row('职工0'), /列席代表[\s\S]*特邀/);
    await waitText(page().getByTestId('term-counts'), /代表 4 名 · 列席 1 名/);
    await waitCheck('quota', true); // an observer does not count
  });

  step('in English', async () => {
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('tab', { name: 'Terms and representatives' }).waitFor();
    await waitText(check('quota'), 'Quota: 4 representatives; 11 staff need at least 4');
    await waitText(page().getByTestId('composition-summary'), 'Every check passes');
    await waitText(page().getByTestId('import-summary'), /Imported 1 representative from the sheet \(1 already serving, 1 row skipped/); // follows the language
    await page().getByRole('switch', { name: 'With history' }).click();
    await waitText(row('李强'), /Recalled/);
    await shot('08-english');
    await page().getByRole('button', { name: 'language' }).click();
  });
});
