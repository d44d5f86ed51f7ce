// Agenda materials as documents (issue 8) in a real Chromium against a real browser host: a PDF and a CSV attached to
// the work-report item through the file picker, listed with icon, name and size; a program is refused with its name
// and reason and nothing stored; the PDF downloads byte for byte under its own name.
// Screenshots in test-results/e2e/agenda-materials-*.png.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api, setUpSignedIn, useE2E } from './fixtures';
import { waitText } from './pages';

const CSV = Buffer.from('工号,姓名\nR01,张丽\nR02,李强\n', 'utf8');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

describe('agenda materials (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const page = () => app.page;

  it('attaches a PDF and a CSV, refuses a program, downloads the PDF as it was', async () => {
    await setUpSignedIn(app);
    const year = new Date().getFullYear();
    const term = await api<{ id: string }>(app.host, 'congress.termCreate', { number: 3, startDate: `${year - 1}-01-01`, endDate: `${year + 2}-12-31` });
    await api(app.host, 'congress.sessionCreate', { termId: term.id, kind: 'safety', date: `${year + 1}-03-20`, time: '08:30', place: '职工活动中心', convenor: '公司工会' });

    await page().getByRole('menuitem', { name: '职代会' }).click();
    await page().getByRole('tab', { name: '会议与表决' }).click();
    await page().getByText('第3届职工代表大会第1次会议').first().click();
    await page().getByRole('heading', { name: '第3届职工代表大会第1次会议' }).waitFor();

    const item = page().getByTestId('agenda-2');
    await item.getByLabel('附材料 听取安全生产和职业健康工作报告').setInputFiles([
      { name: '2025年安全生产工作报告.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: '代表名单.csv', mimeType: 'text/csv', buffer: CSV },
      { name: '会议材料.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]) },
    ]);
    await page().getByText('“会议材料.pdf”是程序或脚本，不能作为附件上传').waitFor();
    await waitText(item.getByTestId('material').nth(1), new RegExp(`代表名单\\.csv\\s*${CSV.length} B`));
    await expect(item.getByTestId('material').count()).resolves.toBe(2);
    await waitText(item.getByTestId('material').first(), new RegExp(`2025年安全生产工作报告\\.pdf\\s*${PDF.length} B`));
    expect(await item.getByTestId('material').first().locator('.anticon-file-pdf').count()).toBe(1);
    await app.shot('agenda-materials-01-listed');

    const [download] = await Promise.all([
      page().waitForEvent('download'),
      item.getByRole('button', { name: '下载材料 2025年安全生产工作报告.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2025年安全生产工作报告.pdf');
    const saved = await download.path();
    expect(fs.readFileSync(saved).equals(PDF)).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
