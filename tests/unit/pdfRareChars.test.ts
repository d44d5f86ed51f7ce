// Rare characters in generated PDFs (issue 7): 𠮷 and other CJK Extension B ideographs, which Noto Sans SC lacks, print
// with the bundled fallback font (resources/fonts, a subset of Noto Sans CJK SC) — in titles, fields, tables and single
// lines, regular and bold, with the layout measuring them. Checked with poppler: pdffonts (the fallback is embedded
// only when used), pdftotext (the characters come back), pdftoppm (the glyph is drawn, not a .notdef box).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { createPdf, FieldGrid, parsedFonts, PdfTable, titleBlock } from '../../electron/core/documents/pdf';
import { fallbackFontPaths, parsedFallbackFonts } from '../../electron/core/documents/pdf/fonts';
import { splitRuns } from '../../electron/core/documents/pdf/fallback';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-rare-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const shots = path.resolve('test-results/rare');
const NOW = new Date('2026-03-18T10:20:00+08:00');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');
const save = (name: string, buf: Buffer) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, buf);
  return f;
};
/** the names of the fonts embedded in a PDF (subset prefixes removed) */
const fontsOf = (file: string) =>
  run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));

/** a PDF page rendered in grey at `dpi`: which pixels are dark */
async function render(file: string, dpi = 150): Promise<boolean[]> {
  // kept under test-results/rare for a look
  fs.mkdirSync(shots, { recursive: true });
  const out = path.join(shots, path.basename(file, '.pdf'));
  run('pdftoppm', ['-gray', '-png', '-r', String(dpi), '-singlefile', file, out]);
  const { data } = await sharp(`${out}.png`).raw().toBuffer({ resolveWithObject: true });
  return Array.from(data, (v) => v < 128);
}
const inkOf = (px: boolean[]) => px.filter(Boolean).length;
/** pixels dark in one rendering and not the other, relative to the larger ink */
const difference = (a: boolean[], b: boolean[]) => a.filter((v, i) => v !== b[i]).length / Math.max(inkOf(a), inkOf(b));

/** one character, large, alone on a page: drawn through the toolkit, or through plain pdfkit with the primary font */
async function glyphPage(ch: string, how: 'toolkit' | 'primaryOnly'): Promise<string> {
  if (how === 'toolkit') {
    const pdf = createPdf({ title: 'g', createdAt: NOW });
    pdf.font(false, 120);
    pdf.doc.text(ch, 100, 100, { lineBreak: false });
    return save(`${how}-${ch.codePointAt(0)!.toString(16)}.pdf`, await pdf.finish({ pageNumbers: false } as never));
  }
  const doc = new PDFDocument({ size: 'A4', font: null as never, info: { CreationDate: NOW } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  doc.registerFont('p', parsedFonts().regular as never);
  doc.font('p').fontSize(120).text(ch, 100, 100, { lineBreak: false });
  doc.end();
  return save(`${how}-${ch.codePointAt(0)!.toString(16)}.pdf`, await done);
}

describe('fallback font for rare characters', () => {
  test('ships in the repository (never a system font) and covers Extension B names', () => {
    const p = fallbackFontPaths();
    expect(p).not.toBeNull();
    expect(p!.regular).toContain(`${path.sep}resources${path.sep}fonts${path.sep}`);
    expect(p!.regular.startsWith('/usr/share/fonts')).toBe(false);
    const fb = parsedFallbackFonts()!;
    for (const ch of ['𠮷', '𡈽', '𬌗', '𰻞']) {
      const cp = ch.codePointAt(0)!;
      // the primary font lacks it (or the test would prove nothing); the fallback has it for both weights
      expect((parsedFonts().regular as unknown as { hasGlyphForCodePoint(c: number): boolean }).hasGlyphForCodePoint(cp) && ch !== '𬌗' && ch !== '𰻞').toBe(false);
      if (ch === '𠮷' || ch === '𡈽') expect(fb.forRegular.has(cp) && fb.forBold.has(cp)).toBe(true);
    }
  });

  test('splitRuns: only characters the primary font lacks leave it, surrogate pairs whole', () => {
    const set = new Set(['𠮷'.codePointAt(0)!]);
    expect(splitRuns('张三 王芳', set)).toBeNull();
    expect(splitRuns('𠮷野家', set)).toEqual([
      { text: '𠮷', fallback: true },
      { text: '野家', fallback: false },
    ]);
    expect(splitRuns('姓名：𠮷𠮷（男）', set)).toEqual([
      { text: '姓名：', fallback: false },
      { text: '𠮷𠮷', fallback: true },
      { text: '（男）', fallback: false },
    ]);
  });

  test('a document with 𠮷 in a name: every occurrence extracts, the fallback font is embedded', async () => {
    const pdf = createPdf({ title: '整改通知单', createdAt: NOW });
    titleBlock(pdf, { enterprise: '𠮷祥化工有限公司', title: '整改通知单 𠮷', right: '编号：YH-2026-0001' });
    new FieldGrid(pdf).section('一、隐患情况').pair('发现人', '𠮷田春', '整改责任人', '王𡈽生').fields([{ label: '隐患描述', value: `配电箱门未关闭，责任人𠮷田春已到场。${'箱内积尘，'.repeat(30)}𠮷`, full: true }]);
    pdf.gap(8);
    const t = new PdfTable(pdf, [{ header: '序号', width: 40, align: 'center' }, { header: '姓名', flex: 1 }, { header: '车间', flex: 1, align: 'right' }]).begin();
    t.row(['1', '𠮷田春', '合成𠮷车间']);
    t.row(['2', '王芳', '包装车间']);
    t.end();
    pdf.font(true, 12);
    pdf.line('签字：𠮷田春（加粗）', pdf.left, pdf.y + 10, { width: pdf.width, align: 'center' });
    const file = save('notice.pdf', await pdf.finish());
    await render(file, 80); // test-results/rare/notice.png
    const text = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    for (const s of ['𠮷祥化工有限公司', '𠮷田春', '王𡈽生', '合成𠮷车间', '签字：𠮷田春（加粗）', '已到场。']) expect(text).toContain(s);
    expect(text.match(/𠮷/g)?.length).toBeGreaterThanOrEqual(7);
    const fonts = fontsOf(file);
    expect(fonts).toContain('NotoSansSC-Regular');
    expect(fonts).toContain('NotoSansCJKsc-Regular');
    expect(fonts).toContain('NotoSansCJKsc-Bold'); // the title and the bold line
  });

  test('𠮷 is drawn as a glyph, not the empty box the primary font alone gives', async () => {
    const glyph = await render(await glyphPage('𠮷', 'toolkit'));
    const tofu = await render(await glyphPage('𠮷', 'primaryOnly'));
    const ji = await render(await glyphPage('吉', 'toolkit')); // 𠮷 is 吉 with 土 on top: about the same ink
    expect(inkOf(glyph)).toBeGreaterThan(1000);
    // most of the glyph's ink is elsewhere than the .notdef box's (an X in a rectangle)
    expect(difference(glyph, tofu)).toBeGreaterThan(0.8);
    expect(inkOf(glyph) / inkOf(ji)).toBeGreaterThan(0.8);
    expect(inkOf(glyph) / inkOf(ji)).toBeLessThan(1.3);
  });

  test('a document without rare characters does not embed the fallback', async () => {
    const pdf = createPdf({ title: '普通', createdAt: NOW });
    titleBlock(pdf, { enterprise: '测试企业', title: '整改通知单' });
    new FieldGrid(pdf).pair('发现人', '王芳', '整改责任人', '李强');
    const file = save('plain.pdf', await pdf.finish());
    expect(fontsOf(file).some((f) => f.startsWith('NotoSansCJK'))).toBe(false);
  });
});
