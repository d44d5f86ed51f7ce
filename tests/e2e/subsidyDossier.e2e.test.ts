// The subsidy dossier (issue 10) in a real Chromium against a real browser host: this year's readiness — five criteria
// with their lights in words and evidence links that open the records — the home card's five lights, the dossier
// written (contact, leadership, summary, amount), the year's activity photo ticked, a team leader nominated with his
// record (trainings and hours from the activity he attended) and a reason, saved and checked through the backend, the
// accident of last year listed, and the dossier PDF downloaded and read with pdftotext. Screenshots in
// test-results/e2e/subsidy-*.png.
import { execFileSync } from 'node:child_process';
import dayjs from 'dayjs';
import sharp from 'sharp';
import { describe, expect } from 'vitest';
import { api, createUnit, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { label, pickSelect, waitText } from './pages';

const YEAR = dayjs().year();
const TODAY = dayjs().format('YYYY-MM-DD');

describe('subsidy dossier (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 900 } });
  const step = journeySteps(app, 'subsidy-');
  const shot = (n: string) => app.shot(`subsidy-${n}`);
  const page = () => app.page;
  let leaderId = '';
  /** no element on the page scrolls sideways (or would: content wider than its scroll box), the three cards on one row */
  const expectNoSidewaysScroll = async () => {
    // (a string: this file is type-checked without the DOM library)
    const wide = await page().evaluate<string[]>(`[...document.querySelectorAll('*')]
      .filter((el) => { const o = getComputedStyle(el).overflowX; return (o === 'auto' || o === 'scroll' || el === document.scrollingElement) && el.scrollWidth > el.clientWidth + 1; })
      .map((el) => el.tagName + '.' + el.className + ' ' + el.scrollWidth + '>' + el.clientWidth)`);
    expect(wide).toEqual([]);
    const tops = await Promise.all(['education', 'capability', 'wage'].map(async (c) => (await page().getByTestId(`criterion-${c}`).boundingBox())!.y));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(2);
  };
  let photoId = '';

  step('the readiness tab: five criteria with their lights in words; an evidence link opens its records', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    const team = await createUnit(app.host, '甲班', ws);
    leaderId = (await api<{ id: string }>(app.host, 'workers.create', { empNo: 'W001', name: '张班长', gender: 'M', orgUnitId: team, skillGrade: 4, roles: ['team_leader'] })).id;
    await api(app.host, 'workers.create', { empNo: 'W002', name: '李安全', gender: 'F', orgUnitId: team, skillGrade: 3, roles: ['safety_officer'] });
    // a re-training this year with a photo, attended by the team leader; an accident last year
    const png = await sharp({ create: { width: 640, height: 420, channels: 3, background: '#2f6fb0' } }).png().toBuffer();
    photoId = (await api<{ id: string }>(app.host, 'attachments.upload', { fileName: '年度再培训.png', dataBase64: png.toString('base64') })).id;
    const act = await api<{ id: string }>(app.host, 'education.activityCreate', { kind: 'retraining', title: '年度安全再培训', date: TODAY, hours: 8, host: '安全科', orgUnitId: ws, photoIds: [photoId] });
    await api(app.host, 'education.attendanceSave', { activityId: act.id, attendees: [{ workerId: leaderId }] });
    await api(app.host, 'wage.accidentCreate', { date: `${YEAR - 1}-08-01`, place: '合成车间', severity: 'minor_injury', description: '搬运时扭伤手腕' });

    await page().getByRole('menuitem', { name: '奖补申报' }).click();
    const edu = page().getByTestId('criterion-education');
    await edu.waitFor();
    expect(page().url()).toContain('#/subsidy');
    await waitText(page().getByTestId('scorecard-summary'), new RegExp(`^${YEAR} 年度数据截至 ${TODAY}：五项标准中 \\d 项达标`));
    for (const c of ['education', 'capability', 'wage', 'congress', 'health']) {
      const light = page().getByTestId(`light-${c}`);
      expect(['达标', '待完善', '未达标', '无数据']).toContain((await light.innerText()).trim());
    }
    // no exposed worker and no exam due: nothing to judge — grey 无数据, never 达标
    expect((await page().getByTestId('light-health').innerText()).trim()).toBe('无数据');
    await page().getByTestId('reasons-health').getByText(/^无可评价的记录：本年度没有接触职业病危害的职工/).waitFor();
    // no scheme, no congress session: said so
    await page().getByTestId('criterion-wage').getByText('本年度没有经职代会通过并执行的能级工资方案').waitFor();
    await page().getByTestId('criterion-congress').getByText('本年度没有召开（闭幕）的职代会').waitFor();
    await edu.getByText(/教育活动（次）\s*1/).waitFor();
    await shot('01-scorecard');
    // at 1366×768 the cards fit: nothing scrolls sideways, in Chinese and in English (three cards a row)
    await page().setViewportSize({ width: 1366, height: 768 });
    await expectNoSidewaysScroll();
    await page().getByRole('button', { name: 'language' }).click();
    await waitText(page().getByTestId('light-education'), /^(Ready|Needs work|Not ready|No data)$/);
    await expectNoSidewaysScroll();
    await shot('01b-scorecard-en-1366');
    await page().getByRole('button', { name: 'language' }).click();
    await waitText(page().getByTestId('light-education'), /^(达标|待完善|未达标|无数据)$/);
    await page().setViewportSize({ width: 1366, height: 900 });
    await page().getByTestId('criterion-wage').getByRole('button', { name: '月度核算' }).click();
    await expect.poll(() => page().url()).toContain('#/wage/runs');
    await page().goBack();
    await edu.waitFor();
  });

  step('the home card: this year’s five lights', async () => {
    await page().getByRole('menuitem', { name: '首页' }).click();
    const card = page().getByTestId('subsidy-card');
    await card.getByTestId('subsidy-card-green').waitFor();
    await waitText(card.getByTestId('subsidy-card-congress'), /^职代会按期召开\s*未达标$/);
    await card.scrollIntoViewIfNeeded();
    await shot('02-home-card');
    await card.getByRole('button', { name: label('查看准备度') }).click();
    await page().getByTestId('criterion-education').waitFor();
  });

  step('the dossier: fields, the activity photo ticked, a team leader nominated with his record; saved', async () => {
    await page().getByRole('button', { name: label('编写申报材料') }).click();
    const tab = page().getByTestId('subsidy-dossier');
    await tab.getByText(`${YEAR} 年度的申报材料尚未保存：填写后点击“保存”。`).waitFor();
    await waitText(page().getByTestId('dossier-accidents').locator('.ant-typography').first(), '共 1 起：死亡 0 起，重伤 0 起，轻伤 1 起，未遂事件 0 起。');
    await tab.getByLabel('联系人').fill('王主席');
    await tab.getByLabel('联系电话').fill('0523-87654321');
    await tab.getByLabel('申请奖补金额').fill('80000');
    await tab.getByLabel('安全生产领导机构').fill('安全生产委员会：主任 总经理，副主任 工会主席');
    await tab.getByLabel('工作开展情况及成效').fill('坚持班前会和年度再培训，全年无重伤以上事故。');
    // the tile says where the photo comes from; ticked, it is numbered as in the PDF
    const tile = page().getByTestId('dossier-photo').first();
    await waitText(tile.getByTestId('dossier-photo-caption'), new RegExp(`^年度安全再培训\\s*${TODAY}$`));
    expect(await tile.getByTestId('dossier-photo-caption').getAttribute('data-caption')).toBe(`年度安全再培训（${TODAY}）`);
    await tile.getByTestId('dossier-photo-tick').click();
    await tile.getByText('申报书照片 1').waitFor();
    await pickSelect(page(), tab.getByRole('combobox', { name: '职工' }), /张班长（W001）/);
    await tab.getByRole('button', { name: label('添加') }).click();
    const row = page().getByTestId('dossier-nominees').locator('.ant-table-row').filter({ hasText: '张班长' });
    await waitText(row.locator('td').nth(4), '1 次 / 8 学时');
    await tab.getByLabel('张班长 的推荐理由').fill('班组全年零事故，带头参加培训');
    await tab.getByText('有未保存的修改').waitFor();
    await shot('03-dossier-filled');
    await tab.getByRole('button', { name: /保\s*存/ }).click();
    await tab.getByText(/^保存于 /).waitFor();
    const saved = await api<{ fields: { amountFen: number | null; contactName: string | null }; photoIds: string[]; nominees: { workerId: string; role: string; reason: string | null }[] }>(app.host, 'subsidy.dossier', { year: YEAR });
    expect(saved.fields).toMatchObject({ amountFen: 8_000_000, contactName: '王主席' });
    expect(saved.photoIds).toEqual([photoId]);
    expect(saved.nominees).toEqual([expect.objectContaining({ workerId: leaderId, role: 'team_leader', reason: '班组全年零事故，带头参加培训' })]);
    await shot('04-dossier-saved');
  });

  step('the dossier PDF downloads and reads back with pdftotext', async () => {
    const [d] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: /生成申报书 PDF/ }).click()]);
    expect(d.suggestedFilename()).toBe(`${YEAR}年度安全赋能奖补申报材料.pdf`);
    const file = await d.path();
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const want of [
      `${YEAR}年度安全赋能奖补资金申报书`,
      '泰兴安康化工有限公司',
      '安全生产委员会：主任总经理，副主任工会主席',
      '80,000.00元',
      '搬运时扭伤手腕',
      '日常教育扎实',
      '特殊群体体检到位',
      '年度再培训',
      '活动照片（1张）',
      `照片1年度安全再培训（${TODAY}）`,
      '附件二：拟奖励人员（1名）',
      '张班长',
      '班组全年零事故，带头参加培训',
    ])
      expect(text, want).toContain(want);
    expect(app.pageErrors).toEqual([]);
  });
});
