// The document toolkits themselves (electron/core/documents): the PDF toolkit (checked with poppler: pdftotext per
// page, pdfinfo), the xlsx toolkit (read back with exceljs), the streamed exports through the real dispatch with
// progress and cancellation, and the shared money / risk / statistics helpers they use.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterEach, describe, expect, test } from 'vitest';
import {
  BLANK_DATE,
  columnWidths,
  createPdf,
  FieldGrid,
  fingerprintText,
  PdfTable,
  photoGrid,
  runningHeader,
  signatureBoxes,
  signatureLines,
  signatureLinesHeight,
  titleBlock,
  type TableColumn,
} from '../../electron/core/documents/pdf';
import { auditFingerprint, shortDigest } from '../../electron/core/documents/fingerprint';
import { excelSerial, writeXlsxFile, XlsxWriter, type XlsxColumn } from '../../electron/core/documents/xlsx';
import { readTable } from '../../electron/core/documents/tabular';
import { generateDemo } from '../../electron/core/demo';
import { generateDemoHazards } from '../../electron/core/demoHazards';
import { setQuiet } from '../../electron/core/log';
import { argb, RISK_LEVELS, RISK_STYLE, riskMessages, riskStyle } from '../../shared/hazards/risk';
import { statsTotals } from '../../shared/hazards/stats';
import { fenToYuan, fenToYuanNumber, formatYuan } from '../../shared/kernel/money';
import { openTestCore, type TestCore } from '../helpers/core';
import { progressReporter } from '../../electron/core/kernel/jobs';
import { writeRosterXlsx } from '../../electron/core/roster/export';
import type { FileRef } from '../../shared/files';

setQuiet(true);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-toolkit-'));
const shots = path.resolve('test-results/docs');
const NOW = new Date('2026-03-18T10:20:00+08:00');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
const pageText = (file: string, p: number) => squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-']));
function save(name: string, buf: Buffer): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, buf);
  return f;
}
function png(file: string, name: string, page = 1) {
  fs.mkdirSync(shots, { recursive: true });
  run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, path.join(shots, name)]);
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

/** Chinese text without spaces, with a unique token per piece (Latin+digits, never split by the layout). */
const CJK = '配电箱箱门未上锁箱内漏电保护器试验按钮失灵进出线未做防护箱体接地线松动箱前堆放物料标识模糊不清';
function description(row: number, pieces: number): string {
  let s = '';
  for (let k = 1; k <= pieces; k++) s += `${CJK.slice(0, 8 + ((row * 7 + k * 3) % 30))}R${String(row).padStart(3, '0')}N${String(k).padStart(2, '0')}；`;
  return s;
}
const tokensOf = (text: string) => text.match(/R\d{3}N\d{2}/g) ?? [];

const COLUMNS: TableColumn[] = [
  { header: '序号', width: 40, align: 'center', onSplit: 'repeat' },
  { header: '隐患描述', flex: 2 },
  { header: '整改措施', flex: 1 },
  { header: '金额（元）', width: 70, align: 'right' },
];
const HEADER_TEXT = '序号隐患描述整改措施金额（元）';

describe('PDF toolkit', () => {
  test('a 300-row CJK table continues across pages: header repeated, no row lost, page numbers and fingerprint on every page', async () => {
    const pdf = createPdf({ title: '表格测试', createdAt: NOW });
    titleBlock(pdf, { enterprise: '台州市恒安机械制造有限公司', title: '隐患清单', left: '统计期间：2026年第1季度', right: '编号：T-0001' });
    runningHeader(pdf, '台州市恒安机械制造有限公司  隐患清单（续）', '编号：T-0001');
    const table = new PdfTable(pdf, COLUMNS).begin();
    const expected: string[] = [];
    for (let i = 1; i <= 300; i++) {
      // mostly short rows, some long ones, and row 150 taller than a whole page
      const pieces = i === 150 ? 120 : i % 37 === 0 ? 14 : 1 + (i % 3);
      const desc = description(i, pieces);
      expected.push(...tokensOf(desc));
      table.row([String(i), desc, `措施${i}：逐项整改并复查`, (i * 12.5).toFixed(2)]);
    }
    table.end();
    expect(table.rowCount).toBe(300);
    pdf.gap(12);
    signatureLines(pdf, [[{ label: '填表人：' }, { label: '审核人：' }, { label: '日期：', value: BLANK_DATE }]]);
    const buf = await pdf.finish({ left: 'T-0001', fingerprint: 'ab12-cd34' });
    const file = save('table-300.pdf', buf);
    png(file, 'toolkit-table-p2', 2);

    const n = pageCount(file);
    expect(n).toBeGreaterThan(8);
    const seen: string[] = [];
    let pagesOf150 = 0;
    for (let p = 1; p <= n; p++) {
      const t = pageText(file, p);
      const tokens = tokensOf(t);
      seen.push(...tokens);
      if (tokens.some((x) => x.startsWith('R150')) && pagesOf150++ === 1) png(file, 'toolkit-table-row150-continued', p);
      // the header comes before the first row on every page that has rows
      if (tokens.length) {
        expect(t.indexOf(HEADER_TEXT), `page ${p} header`).toBeGreaterThanOrEqual(0);
        expect(t.indexOf(HEADER_TEXT)).toBeLessThan(t.indexOf(tokens[0]!));
      }
      if (p > 1) expect(t).toContain('隐患清单（续）');
      expect(t).toContain(`第${p}页/共${n}页`);
      expect(t).toContain(squash(fingerprintText('ab12-cd34', NOW)));
      expect(t).toContain('T-0001');
    }
    // every piece of every row exactly once, in order
    expect(seen).toEqual(expected);
    // the tall row went on over several pages, its 序号 repeated with （续）
    expect(pagesOf150).toBeGreaterThanOrEqual(2);
    expect(squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']))).toContain('150（续）');
    const last = pageText(file, n);
    for (const s of ['填表人：', '审核人：', '日期：']) expect(last).toContain(s);
  });

  test('field grid: pairs, sections, a value longer than a page continues with its label （续）; signature boxes', async () => {
    const pdf = createPdf({ title: '表单测试', createdAt: NOW });
    titleBlock(pdf, { enterprise: '测试企业', title: '整改通知单', right: '编号：YH-2026-0001' });
    const g = new FieldGrid(pdf);
    const long = Array.from({ length: 90 }, (_, i) => `第${i + 1}条检查记录：${CJK}`).join('\n');
    g.section('一、隐患情况')
      .pair('发现时间', '2026年3月5日 14:10', '发现人', '王海燕')
      .fields([
        { label: '隐患来源', value: '专项检查' },
        { label: '车间/班组', value: '二车间 / 热处理班' },
        { label: '隐患描述', value: long, full: true },
        { label: '整改期限', value: '2026年4月30日' },
      ]);
    pdf.gap(10);
    signatureBoxes(pdf, ['整改责任人', '验收人', '安全管理部门']);
    const file = save('fields.pdf', await pdf.finish());
    const n = pageCount(file);
    expect(n).toBeGreaterThanOrEqual(2);
    const all = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    expect(all).toContain('隐患描述（续）');
    for (let i = 1; i <= 90; i++) expect(all).toContain(`第${i}条检查记录：`);
    expect(all).toContain('整改期限2026年4月30日');
    png(file, 'toolkit-fields-last', n);
    png(file, 'toolkit-fields-p2', 2);
    const last = pageText(file, n);
    for (const s of ['整改责任人', '验收人', '安全管理部门']) expect(last).toContain(s);
    expect(last.match(/签字：/g)?.length).toBe(3);
    expect(last.match(/日期：/g)?.length).toBe(3);
    expect(last).toContain(`第${n}页/共${n}页`);
    expect(all).not.toContain('数据指纹'); // no fingerprint unless given
  });

  test('photo grid embeds JPEG and PNG, returns the rest as skipped', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer();
    const pngBuf = await sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 40, g: 110, b: 190 } } }).png().toBuffer();
    const webp = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 0, g: 160, b: 80 } } }).webp().toBuffer();
    const pdf = createPdf({ title: '照片', createdAt: NOW });
    const r = photoGrid(pdf, [
      { data: jpeg, caption: '照片 1' },
      { data: webp, caption: '照片 2' },
      { data: pngBuf, caption: '照片 3' },
      { data: Buffer.from('not an image'), caption: '照片 4' },
    ]);
    expect(r.placed).toBe(2);
    expect(r.skipped).toEqual([
      { index: 1, reason: 'webp' },
      { index: 3, reason: 'unsupported' },
    ]);
    const file = save('photos.pdf', await pdf.finish());
    expect(run('pdfimages', ['-list', file]).trim().split('\n').slice(2)).toHaveLength(2);
  });

  test('same input and creation date → same bytes; another date → other bytes', async () => {
    const make = async (at: Date) => {
      const pdf = createPdf({ title: '确定性', createdAt: at });
      titleBlock(pdf, { enterprise: '测试企业', title: '统计表' });
      const t = new PdfTable(pdf, COLUMNS).begin();
      for (let i = 1; i <= 40; i++) t.row([String(i), description(i, 2), '措施', '1.00']);
      t.end();
      return pdf.finish({ fingerprint: 'ab12-cd34' });
    };
    const a = await make(NOW);
    expect((await make(NOW)).equals(a)).toBe(true);
    expect((await make(new Date('2026-03-19T08:00:00+08:00'))).equals(a)).toBe(false);
  });

  test('column widths: fixed as given, the rest shared by flex; too wide is refused', () => {
    const w = columnWidths(COLUMNS, 495);
    expect(w[0]).toBe(40);
    expect(w[3]).toBe(70);
    expect(w[1]).toBeCloseTo(2 * w[2]!, 6);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(495, 6);
    expect(() => columnWidths([{ header: 'a', width: 400 }, { header: 'b', width: 200 }], 495)).toThrow(/do not fit/);
    expect(() => columnWidths([], 495)).toThrow();
  });

  test('keepWithNext: signatures that fit stay under the last row; ones that do not take the last row along, never alone', async () => {
    const SIGS = [
      [{ label: '整改责任人（签字）：' }, { label: '日期：', value: BLANK_DATE }],
      [{ label: '验收人（签字）：' }, { label: '日期：', value: BLANK_DATE }],
    ];
    const sigH = signatureLinesHeight(2, { spacing: 8 });
    expect(sigH).toBe(2 * 26 + 8);
    /** rows down to `room` points above the bottom margin, then the last row kept with the signatures */
    const make = async (room: number) => {
      const pdf = createPdf({ title: '签字位置', createdAt: NOW });
      runningHeader(pdf, '签字位置（续）', 'K-0001');
      const g = new FieldGrid(pdf);
      g.section('一、情况');
      const lastH = g.fullHeight('最后一行', 'LASTROW 验收意见：复查合格。');
      const top = pdf.bottom - room - lastH; // where the last row starts
      for (let i = 1; pdf.y + g.fullHeight('行', `ROW${i}`) <= top; i++) g.full(`第${i}行`, `ROW${i} 检查记录`);
      pdf.y = top; // exact position (the rows above are only there to make a full page)
      pdf.keepWithNext(sigH, () => g.full('最后一行', 'LASTROW 验收意见：复查合格。'));
      const afterRow = pdf.y;
      signatureLines(pdf, SIGS, { spacing: 8 });
      // the signature block is exactly as high as announced
      if (pdf.doc.bufferedPageRange().count === 1) expect(pdf.y - afterRow).toBe(sigH);
      return save(`keep-${room}.pdf`, await pdf.finish());
    };
    // room for exactly the signatures (and for a few points more): one page, the signatures under the last row
    for (const room of [sigH, sigH + 3]) {
      const file = await make(room);
      expect(pageCount(file), `room ${room}`).toBe(1);
      const t = pageText(file, 1);
      expect(t.indexOf('LASTROW')).toBeLessThan(t.indexOf('验收人（签字）'));
    }
    // a point short: the last row moves to page 2 with the signatures, page 1 keeps the rows before it
    const file = await make(sigH - 1);
    png(file, 'toolkit-keep-with-next-p2', 2);
    expect(pageCount(file)).toBe(2);
    const [p1, p2] = [pageText(file, 1), pageText(file, 2)];
    expect(p1).not.toContain('LASTROW');
    expect(p1).not.toContain('签字');
    expect(p2).toContain('签字位置（续）');
    expect(p2).toContain('LASTROW');
    expect(p2.indexOf('LASTROW')).toBeLessThan(p2.indexOf('整改责任人（签字）'));
    expect(() => createPdf({ title: 'x' }).keepWithNext(-1, () => 0)).toThrow(/≥ 0/);
  });

  test('keepWithNext: a long row splits so that its last lines go with the signatures; the reserve ends with the block', async () => {
    const pdf = createPdf({ title: '长行', createdAt: NOW });
    const g = new FieldGrid(pdf);
    const lines = Array.from({ length: 30 }, (_, i) => `第${i + 1}条：${CJK.slice(0, 20)}L${String(i + 1).padStart(2, '0')}`).join('\n');
    pdf.y = pdf.bottom - 200;
    const bottom = pdf.bottom;
    pdf.keepWithNext(120, () => {
      expect(pdf.bottom).toBe(bottom - 120);
      g.full('记录', lines);
    });
    expect(pdf.bottom).toBe(bottom);
    expect(pdf.avail).toBeGreaterThanOrEqual(120);
    signatureLines(pdf, [[{ label: '记录人：' }, { label: '日期：', value: BLANK_DATE }]]);
    const file = save('keep-split.pdf', await pdf.finish());
    expect(pageCount(file)).toBe(2);
    const [p1, p2] = [pageText(file, 1), pageText(file, 2)];
    // split: the first lines on page 1 (within 200 − 120 points), the rest with the signature on page 2
    expect(p1).toContain('L01');
    expect(p1).not.toContain('L30');
    expect(p2).toContain('记录（续）');
    expect(p2).toContain('L30');
    expect(p2).toContain('记录人：');
  });

  test('the toolkit uses no private pdfkit fields', () => {
    const dir = path.resolve('electron/core/documents/pdf');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      // the one exception: the rare-character fallback wraps _fragment, through which pdfkit draws every line (pdfkit
      // has no font fallback; tests/unit/pdfRareChars.test.ts fails loudly should that method change)
      const src = fs.readFileSync(path.join(dir, f), 'utf8').replace(f === 'fallback.ts' ? /\bdoc\._fragment\b/g : /^$/, '');
      expect(src, f).not.toMatch(/\b(doc|document|page)\._[a-zA-Z]/);
      expect(src, f).not.toMatch(/_fontFamilies|_font\b|_pageBuffer|_root/);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// xlsx

const XCOLS: XlsxColumn[] = [
  { header: '工号', width: 10, format: 'id' },
  { header: '身份证号', width: 22, format: 'id' },
  { header: '姓名', width: 10 },
  { header: '入职日期', width: 12, format: 'date' },
  { header: '发现时间', width: 17, format: 'datetime' },
  { header: '金额（元）', width: 13, format: 'money' },
  { header: '人数', width: 8, format: 'integer' },
  { header: '说明', width: 30, wrap: true },
];

async function load(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('xlsx toolkit', () => {
  test('title rows, header formats, frozen header, auto-filter, print setup; the file reads back', async () => {
    const file = path.join(tmp, 'toolkit.xlsx');
    const size = await writeXlsxFile(
      file,
      async (w) => {
        const s = w.addSheet({
          name: '花名册',
          columns: XCOLS,
          title: '台州市恒安机械制造有限公司职工花名册',
          subtitle: { left: '统计期间：2026年第1季度', right: '制表日期：2026年3月18日' },
          freezeColumns: 1,
          print: { footerLeft: '数据指纹 ab12-cd34 & 1', footerRight: '花名册' },
        });
        expect(s.headerRow).toBe(3);
        s.addRow(['0012', '33100219900101001X', '张三', '2025-07-15', '2026-03-05T14:10:00.000+08:00', 123456, 5, '长文本'.repeat(20)]);
        s.addRow([null, null, '李四', null, null, null, null, null], { fills: [null, null, argb(RISK_STYLE.red.fill)] });
        s.addRow(['', '', '合计', '', '', 123456, 5, ''], { total: true });
        s.commit();
      },
      { createdAt: NOW },
    );
    expect(size).toBe(fs.statSync(file).size);
    const ws = (await load(file)).worksheets[0]!;
    expect(ws.name).toBe('花名册');
    expect(ws.getCell('A1').value).toBe('台州市恒安机械制造有限公司职工花名册');
    expect(ws.model.merges).toContain('A1:H1');
    expect(String(ws.getCell('A2').value)).toContain('2026年第1季度');
    expect(ws.model.merges.some((m) => m.startsWith('A2:'))).toBe(true);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(XCOLS.map((c) => c.header));
    const r = ws.getRow(4);
    expect(r.getCell(1).value).toBe('0012');
    expect(r.getCell(1).numFmt).toBe('@');
    expect(r.getCell(2).value).toBe('33100219900101001X');
    expect(r.getCell(4).value).toEqual(new Date(Date.UTC(2025, 6, 15)));
    expect(r.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(r.getCell(5).value).toEqual(new Date(Date.UTC(2026, 2, 5, 14, 10)));
    expect(r.getCell(6).value).toBe(1234.56);
    expect(r.getCell(6).numFmt).toBe('#,##0.00');
    expect(r.getCell(7).value).toBe(5);
    expect(r.getCell(8).alignment?.wrapText).toBe(true);
    expect(r.getCell(1).border?.top?.style).toBe('thin');
    expect((ws.getRow(5).getCell(3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(RISK_STYLE.red.fill));
    expect(ws.getRow(5).getCell(1).value).toBeNull();
    expect(ws.getRow(6).getCell(3).font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(22);

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 1 });
    expect(ws.autoFilter).toBe('A3:H6');
    const ps = ws.pageSetup;
    expect(ps).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(ps.margins).toMatchObject({ left: 0.4, right: 0.4 });
    expect(ws.headerFooter.oddFooter).toBe('&L数据指纹 ab12-cd34 && 1&C第 &P 页 / 共 &N 页&R花名册');
  });

  test('streams 20,000 rows to a file with flat memory; exceljs and the importer read it back intact', async () => {
    const file = path.join(tmp, 'stream.xlsx');
    const N = 20_000;
    await writeXlsxFile(file, async (w) => {
      const s = w.addSheet({ name: '数据', columns: XCOLS.slice(0, 3) });
      for (let i = 1; i <= N; i++) {
        s.addRow([String(i).padStart(6, '0'), `3310021990010${String(i).padStart(5, '0')}`, `${CJK.slice(i % 20, (i % 20) + 12)}${i}`]);
        if (i % 500 === 0) await s.drain();
      }
      s.commit();
    });
    const ws = (await load(file)).worksheets[0]!;
    expect(ws.actualRowCount).toBe(N + 1);
    expect(ws.getCell(`A${N + 1}`).value).toBe(String(N).padStart(6, '0'));
    // the import reader (streaming, with its whole-file fallback) sees every Chinese character intact
    const { table } = await readTable('stream.xlsx', fs.readFileSync(file));
    expect(table).toHaveLength(N + 1);
    expect(table.some((row) => row.some((v) => v.includes('\uFFFD')))).toBe(false);
    expect(table[N]![2]).toBe(`${CJK.slice(N % 20, (N % 20) + 12)}${N}`);
  });

  test('a failure while writing (a cancelled job) leaves no file; abort after commit is not possible twice', async () => {
    const file = path.join(tmp, 'cancelled.xlsx');
    await expect(
      writeXlsxFile(file, async (w) => {
        const s = w.addSheet({ name: 'x', columns: XCOLS });
        for (let i = 0; i < 2000; i++) s.addRow(['1', '2', '3', null, null, 1, 1, '']);
        await s.drain();
        throw new Error('CANCELLED');
      }),
    ).rejects.toThrow('CANCELLED');
    expect(fs.existsSync(file)).toBe(false);
    const w = XlsxWriter.toFile(path.join(tmp, 'twice.xlsx'));
    w.addSheet({ name: 'x', columns: XCOLS }).commit();
    await w.commit();
    await expect(w.commit()).rejects.toThrow(/already/);
  });

  test('excel serial numbers from stored dates and wall-clock times', () => {
    expect(excelSerial('1970-01-01', false)).toBe(25569);
    expect(excelSerial('2026-03-05', false)).toBe(46086);
    expect(excelSerial('2026-03-05T12:00:00.000+08:00', true)).toBe(46086.5);
    expect(excelSerial('2026-03-05T12:00:00.000+08:00', false)).toBe(46086);
    expect(excelSerial('不是日期', false)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// the streamed exports through the real dispatch

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

describe('streamed exports', () => {
  test('the ledger export streams into an output file with progress; a cancelled export leaves nothing', { timeout: 60_000 }, async () => {
    tc = await openTestCore({ init: false });
    generateDemo(tc.core.store, 'small');
    generateDemoHazards(tc.core.store, 1200);
    const admin = (await tc.call('session.operators')).find((o) => o.isAdmin)!;
    await tc.call('session.signIn', { operatorId: admin.id });
    const exportsDir = tc.core.env.paths.exports;

    const progress: { done: number; total: number | null }[] = [];
    const r = await tc.core.dispatch('hazards.exportLedger', { status: 'all' }, tc.session, { progress: (p) => progress.push(p) });
    expect(r.ok).toBe(true);
    const ref = (r as { value: FileRef }).value;
    expect(ref.fileName).toMatch(/^隐患台账-\d{8}-\d{6}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc.fileBytes(ref) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.actualRowCount).toBe(1200 + 2);
    expect(progress[0]).toMatchObject({ done: 0, total: 1200 });
    expect(progress.at(-1)).toMatchObject({ done: 1200, total: 1200 });
    // same order as the ledger list (serial descending by default)
    const firstPage = await tc.call('hazards.list', { status: 'all', pageSize: 3 } as never);
    expect([2, 3, 4].map((i) => ws.getCell(i + 1, 2).value)).toEqual(firstPage.rows.map((h) => h.serial));

    // cancelled: CANCELLED, and no file or folder left in the exports folder
    const before = fs.existsSync(exportsDir) ? fs.readdirSync(exportsDir).length : 0;
    const ac = new AbortController();
    ac.abort();
    const c = await tc.core.dispatch('hazards.exportLedger', { status: 'all' }, tc.session, { signal: ac.signal });
    expect(c.ok).toBe(false);
    expect((c as { error: { code: string } }).error.code).toBe('CANCELLED');
    expect(fs.existsSync(exportsDir) ? fs.readdirSync(exportsDir).length : 0).toBe(before);
  });

  test('the roster export streams with progress, stops on cancel mid-way and removes the partial file', { timeout: 60_000 }, async () => {
    tc = await openTestCore({ init: false });
    generateDemo(tc.core.store, 'small');
    const q = { search: '', status: 'all', sortField: 'empNo', sortDir: 'asc' } as const;
    const file = path.join(tmp, 'roster.xlsx');
    const progress: { done: number; total: number | null }[] = [];
    const n = await writeRosterXlsx(tc.core.store, q as never, file, { job: progressReporter({ progress: (p) => progress.push(p) }) });
    const workers = tc.core.store.db.prepare('SELECT count(*) FROM workers WHERE deleted_at IS NULL').pluck().get() as number;
    expect(n).toBe(workers);
    expect(progress.at(-1)).toMatchObject({ done: workers, total: workers });
    const ws = (await load(file)).worksheets[0]!;
    expect(ws.actualRowCount).toBe(workers + 1);
    expect(ws.getCell('A1').value).toBe('工号');
    expect(ws.getCell('A2').numFmt).toBe('@');

    const ac = new AbortController();
    const partial = path.join(tmp, 'roster-cancelled.xlsx');
    const job = progressReporter({ signal: ac.signal, progress: (p) => p.done >= 500 && ac.abort() }, 0);
    await expect(writeRosterXlsx(tc.core.store, q as never, partial, { job })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.existsSync(partial)).toBe(false);

    // the channel still answers with a file (through the Buffer path until its handler uses rosterExportFile)
    const admin = (await tc.call('session.operators')).find((o) => o.isAdmin)!;
    await tc.call('session.signIn', { operatorId: admin.id });
    const ref = await tc.call('roster.export', { status: 'all' });
    expect(ref.bytes).toBeGreaterThan(10_000);
  });

  test('the audit fingerprint changes with every audited change', async () => {
    tc = await openTestCore();
    const a = auditFingerprint(tc.core.store);
    expect(a).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}$/);
    const r = tc.core.store.get<{ seq: number; id: string; at: string }>('SELECT seq, id, at FROM audit_log ORDER BY seq DESC LIMIT 1')!;
    expect(a).toBe(shortDigest(`${r.seq}|${r.id}|${r.at}`));
    await tc.call('org.create', { kind: 'workshop', name: '新车间', parentId: null } as never);
    expect(auditFingerprint(tc.core.store)).not.toBe(a);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// the shared helpers

describe('shared money, risk and statistics helpers', () => {
  test('money: fen → yuan', () => {
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatYuan(123456789012)).toBe('1,234,567,890.12');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-123450)).toBe('-1,234.50');
    expect(formatYuan(null)).toBe('');
    expect(fenToYuanNumber(287550)).toBe(2875.5);
    expect(fenToYuanNumber(undefined)).toBeNull();
  });

  test('risk: one table of colours and message keys', () => {
    expect(RISK_LEVELS).toEqual(['red', 'orange', 'yellow', 'blue', 'unassessed']);
    for (const r of RISK_LEVELS) {
      const s = RISK_STYLE[r];
      for (const c of [s.hex, s.fill, s.ink]) expect(c).toMatch(/^#[0-9A-F]{6}$/);
      expect(s.nameKey).toBe(`risk.${r}`);
      expect(riskMessages).toHaveProperty(s.colorKey);
    }
    expect(riskStyle(null)).toBe(RISK_STYLE.unassessed);
    expect(argb('#e02020')).toBe('FFE02020');
    expect(() => argb('red')).toThrow();
  });

  test('statistics totals: summed from the rows, any total row in the input dropped', () => {
    const row = (workshop: string, n: number) => ({ workshop, found: n, general: n, major: 0, ungraded: 0, closed: n, rectifying: 0, overdue: 0, plannedFunds: n * 100, actualFunds: n * 50 });
    const { rows, total } = statsTotals([row('一车间', 2), row('二车间', 3), row('合计', 99)]);
    expect(rows.map((r) => r.workshop)).toEqual(['一车间', '二车间']);
    expect(total).toEqual({ found: 5, general: 5, major: 0, ungraded: 0, closed: 5, rectifying: 0, overdue: 0, plannedFunds: 500, actualFunds: 250 });
    expect(statsTotals([]).total.found).toBe(0);
  });
});
