// Special-operation certificates (issue 10, area CERTS) in a real Chromium against a real browser host: a certificate
// written on the roster appears in the certificates tab; one entered by hand from the keyboard; the due list (window
// open, overdue, expired) with its counts; the roster highlights and filters the worker by the worst certificate; a
// review recorded moves the dates and the certificate leaves the due list; deleted and undone; the home card.
// Screenshots in test-results/e2e/health-certs-*.png.
import dayjs from 'dayjs';
import sharp from 'sharp';
import { describe, expect } from 'vitest';
import { api, createUnit, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { label, pickDate, pickSelect, waitText } from './pages';

const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD');
const TODAY = day(0);
type Cert = {
  id: string;
  certNo: string;
  status: string;
  scanName: string | null;
  nextReviewDate: string | null;
  lastReviewDate: string | null;
  dueKind: string;
  dueDate: string;
  source: string;
  category: string | null;
};

describe('special-operation certificates (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 800 } });
  const step = journeySteps(app, 'health-certs-');
  const shot = (n: string) => app.shot(`health-certs-${n}`);
  const page = () => app.page;
  const row = (text: string) => page().locator('.ant-table-row').filter({ has: page().getByText(text, { exact: true }) });
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();
  const certs = async (q: Record<string, unknown> = {}) => (await api<{ rows: Cert[] }>(app.host, 'health.certs', q)).rows;
  const ids: Record<string, string> = {};

  step('a certificate on the roster and one overdue for review appear in the tab, the due ones first', async () => {
    await setUpSignedIn(app);
    const ws = await createUnit(app.host, '合成车间');
    const team = await createUnit(app.host, '甲班', ws);
    const w1 = await api<{ id: string }>(app.host, 'workers.create', { empNo: 'W001', name: '张焊工', gender: 'M', orgUnitId: team, certType: '熔化焊接与热切割作业', certNo: 'HJ-001', certExpiry: day(20) });
    const w2 = await api<{ id: string }>(app.host, 'workers.create', { empNo: 'W002', name: '李电工', gender: 'M', orgUnitId: team });
    ids.w1 = w1.id;
    ids.w2 = w2.id;
    await api(app.host, 'health.certCreate', { workerId: w2.id, category: 'electrician', certNo: 'DG-002', issueDate: dayjs().subtract(3, 'year').subtract(15, 'day').format('YYYY-MM-DD'), expiryDate: day(1000) });
    expect((await certs()).map((c) => [c.certNo, c.status, c.source, c.category])).toEqual([
      ['DG-002', 'overdue', 'manual', 'electrician'],
      ['HJ-001', 'window', 'roster', 'welding'],
    ]);

    await page().getByRole('menuitem', { name: '体检与特种作业' }).click();
    await page().getByRole('tab', { name: '特种作业证' }).click();
    expect(page().url()).toContain('#/health/certs');
    await row('HJ-001').waitFor();
    await waitText(row('DG-002').getByTestId('cert-status-overdue'), '复审逾期 · 已过 15 天');
    // the roster's certificate has no issue date: what falls due is the renewal at its expiry, and the tag says so
    await waitText(row('HJ-001').getByTestId('cert-status-window'), '待换证 · 20 天后');
    await waitText(row('HJ-001').getByTestId('cert-renewal'), `${day(20)} 换证`);
    await waitText(page().getByTestId('cert-filter-due'), '待办 2');
    await shot('01-due-list');
  });

  step('a certificate entered from the keyboard (Alt+N), checked first, then saved', async () => {
    await page().keyboard.press('Alt+KeyN');
    const dlg = dialog();
    await dlg.getByText('登记证书').first().waitFor();
    await dlg.getByRole('button', { name: label('保存') }).click();
    await dlg.getByText('必填').first().waitFor();
    await pickSelect(page(), dlg.getByRole('combobox', { name: '持证人' }), /张焊工 · W001/, 'W001');
    await dlg.getByLabel('证号').fill('GC-003');
    await pickSelect(page(), dlg.getByRole('combobox', { name: '作业类别' }), '高处作业');
    // Enter in a date saves the form: the issue date's Enter finds the expiry still missing
    // the scan: an image, uploaded when chosen
    const scan = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#3366aa' } }).png().toBuffer();
    await dlg.getByTestId('cert-scan-input').setInputFiles({ name: '高处作业证.png', mimeType: 'image/png', buffer: scan });
    await waitText(dlg.getByTestId('cert-scan-name'), '高处作业证.png');
    // a text file is not a scan: refused under the picker, the image kept
    await dlg.getByTestId('cert-scan-input').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
    await waitText(dlg.getByTestId('cert-scan-error'), '“说明.txt”不是图片或 PDF：证书扫描件请选择 JPG、PNG、WebP 图片或 PDF 文件');
    await waitText(dlg.getByTestId('cert-scan-name'), '高处作业证.png');
    await shot('02a-scan-refused');
    // a text file named .pdf is refused by its content
    await dlg.getByTestId('cert-scan-input').setInputFiles({ name: '假的.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await dlg.getByTestId('cert-scan-error').waitFor();
    await waitText(dlg.getByTestId('cert-scan-name'), '高处作业证.png');
    await pickDate(page(), dlg.getByLabel('初领日期'), day(-30));
    await dlg.getByText('必填').first().waitFor();
    await shot('02-new-certificate');
    expect((await certs({ status: null })).map((c) => c.certNo)).not.toContain('GC-003');
    // the expiry's Enter saves
    await pickDate(page(), dlg.getByLabel('有效期至'), dayjs().add(6, 'year').subtract(30, 'day').format('YYYY-MM-DD'));
    await dlg.waitFor({ state: 'hidden' });
    // current: not among the due ones; shown under "all"
    await page().getByTestId('cert-filter-all').click();
    await row('GC-003').waitFor();
    await waitText(row('GC-003').getByTestId('cert-status-current'), '有效');
    const gc = (await certs()).find((c) => c.certNo === 'GC-003')!;
    expect(gc).toMatchObject({ status: 'current', nextReviewDate: dayjs(day(-30)).add(3, 'year').format('YYYY-MM-DD'), source: 'manual', scanName: '高处作业证.png' });
    await row('GC-003').getByRole('button', { name: '下载扫描件 张焊工 GC-003' }).waitFor();
    await shot('03-all');
  });

  step('the roster highlights the worker by the worst certificate and filters on it', async () => {
    await page().getByRole('menuitem', { name: '职工花名册' }).click();
    const lee = page().locator('.ant-table-row').filter({ hasText: '李电工' });
    await lee.getByTestId('cert-expired').waitFor();
    await page().locator('.ant-table-row').filter({ hasText: '张焊工' }).getByTestId('cert-soon').waitFor();
    await shot('04-roster-highlight');
    await pickSelect(page(), page().getByRole('combobox', { name: '证书到期' }), '已过期');
    await expect.poll(async () => page().locator('.ant-table-row').count()).toBe(1);
    await lee.waitFor();
    await shot('05-roster-filter');
  });

  step('a review recorded moves the dates: the certificate leaves the due list', async () => {
    await page().getByRole('menuitem', { name: '体检与特种作业' }).click();
    await page().getByRole('tab', { name: '特种作业证' }).click();
    await row('DG-002').waitFor();
    await row('DG-002').getByRole('button', { name: '登记复审 李电工 DG-002' }).click();
    const dlg = dialog();
    // reviewed 15 days late, the next cycle (3 years on) would end after the expiry (1000 days on): the renewal comes first
    await waitText(
      dlg.getByTestId('cert-review-next'),
      `登记后：有效期至 ${day(1000)}，到期换证（再过一个复审周期为 ${dayjs().add(3, 'year').format('YYYY-MM-DD')}，已晚于有效期）`,
    );
    await dlg.getByLabel('复审结论 / 备注').fill('复审合格');
    await shot('06-review');
    await dlg.getByRole('button', { name: label('保存') }).click();
    await dlg.waitFor({ state: 'hidden' });
    await expect.poll(async () => row('DG-002').count()).toBe(0);
    await waitText(page().getByTestId('cert-filter-due'), '待办 1');
    const dg = (await certs()).find((c) => c.certNo === 'DG-002')!;
    expect(dg).toMatchObject({ status: 'current', lastReviewDate: TODAY, nextReviewDate: null, dueKind: 'renewal', dueDate: day(1000) });
    await page().getByTestId('cert-filter-all').click();
    await waitText(row('DG-002').getByTestId('cert-renewal'), `${day(1000)} 换证`);
    await waitText(row('DG-002').getByTestId('cert-status-current'), '有效');
    await shot('06a-after-review');
    await page().getByTestId('cert-filter-due').click();
  });

  step('deleted with an undo; the home card counts what is due', async () => {
    await row('HJ-001').getByRole('button', { name: '删除 张焊工 HJ-001' }).click();
    await page().getByRole('tooltip').getByRole('button', { name: label('删除') }).click();
    await expect.poll(async () => row('HJ-001').count()).toBe(0);
    await page().getByRole('button', { name: label('撤销') }).click();
    await row('HJ-001').waitFor();
    expect((await certs({ status: 'due' })).map((c) => c.certNo)).toEqual(['HJ-001']);

    await page().getByRole('menuitem', { name: '首页' }).click();
    const card = page().getByTestId('cert-card');
    await waitText(card.getByTestId('cert-card-window'), /1/);
    await waitText(card, /在册证书 3 张/);
    await card.scrollIntoViewIfNeeded();
    await shot('07-home-card');
  });

  step('in English at 1366 px: the fixed actions column covers no other column, its buttons and the headers whole', async () => {
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('menuitem', { name: 'Health' }).click();
    await page().getByRole('tab', { name: 'Certificates' }).click();
    await page().getByTestId('cert-filter-all').click();
    await row('GC-003').waitFor();
    const r = row('GC-003');
    for (const name of ['Record review', 'Edit', 'Delete']) {
      const b = r.getByRole('button', { name: new RegExp(`^${name} `) });
      expect(await b.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    }
    // scrolled to the end, the last columns sit left of the fixed actions column
    await page().locator('.ant-table-content, .ant-table-body').first().evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const actions = (await page().locator('.ant-table-thead th').filter({ hasText: 'Actions' }).boundingBox())!;
    const viewportRight = 1366;
    expect(actions.x + actions.width).toBeLessThanOrEqual(viewportRight);
    const delBox = (await r.getByRole('button', { name: /^Delete / }).boundingBox())!;
    expect(delBox.x + delBox.width).toBeLessThanOrEqual(actions.x + actions.width);
    const source = (await page().locator('.ant-table-thead th').filter({ hasText: 'Source' }).boundingBox())!;
    expect(source.x + source.width).toBeLessThanOrEqual(actions.x + 1);
    const issued = page().locator('.ant-table-thead th').filter({ hasText: 'Issued on' });
    expect(await issued.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await waitText(r.getByTestId('cert-status-current'), 'Current');
    await shot('08-english-1366');
    // back to the start: the first columns
    await page().locator('.ant-table-content, .ant-table-body').first().evaluate((el) => (el.scrollLeft = 0));
    await shot('09-english-1366-start');
    await page().getByRole('button', { name: 'language' }).click();
  });
});
