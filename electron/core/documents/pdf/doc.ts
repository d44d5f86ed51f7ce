// The PDF toolkit's document: A4 setup with the embedded CJK font (Noto Sans SC, subset per document), a layout cursor
// that knows the page's free space, page hooks (running headers, repeated table headers), paragraphs that flow
// across pages, and the footer written over every page at the end (page numbers, a left note, a fingerprint line).
// Only pdfkit's public API is used. The same input and `createdAt` give the same bytes (pdfkit derives the file ID
// from the document info).
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { installFallback } from './fallback';
import { parsedFallbackFonts, parsedFonts } from './fonts';

export type Doc = PDFKit.PDFDocument;
export type Align = 'left' | 'center' | 'right';

export const PDF_FONT = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold' } as const;

/** Sizes and colours shared by every document (五号 body text, black borders, grey label cells). */
export const PDF_STYLE = {
  body: 10.5,
  small: 9,
  tiny: 7.5,
  lineGap: 1.5,
  text: '#000000',
  muted: '#555555',
  border: '#000000',
  labelFill: '#F2F2F2',
  sectionFill: '#E3E3E3',
} as const;

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
export const DEFAULT_MARGINS: Margins = { top: 48, bottom: 58, left: 50, right: 50 };

export interface PdfSetup {
  /** PDF Title (also shown as the window title by viewers) */
  title: string;
  subject?: string;
  keywords?: string;
  landscape?: boolean;
  /** the PDF CreationDate and the "生成于" time of the fingerprint line; fixed → deterministic bytes. Default: now */
  createdAt?: Date;
  margins?: Partial<Margins>;
}

export interface PdfFooter {
  /** page numbers centred at the foot of every page (default true) */
  pageNumbers?: boolean;
  /** default: “第 N 页 / 共 M 页” */
  pageNumberText?: (page: number, pages: number) => string;
  /** a short note at the left of the foot (e.g. the document number) */
  left?: string;
  /**
   * a data fingerprint printed at the foot of every page as “数据指纹 xxxx-xxxx · 生成于 YYYY-MM-DD HH:mm”, so a
   * printed copy can be matched to the data it was made from
   */
  fingerprint?: string;
}

export interface TextOpts {
  width: number;
  lineGap?: number;
  align?: Align;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** a Date as 'YYYY-MM-DD HH:mm' in local time */
export const localStamp = (d: Date) => `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
export const defaultPageNumberText = (n: number, m: number) => `第 ${n} 页 / 共 ${m} 页`;
export const fingerprintText = (fp: string, at: Date) => `数据指纹 ${fp} · 生成于 ${localStamp(at)}`;

/**
 * Text with hard line breaks is measured and drawn paragraph by paragraph: pdfkit gives '\n' the advance width of a
 * full glyph in this font, so a line just short of the width would otherwise wrap one character early.
 */
export const paragraphs = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

/** Characters that must not start a line (Chinese and Latin closing punctuation). */
export const NO_LINE_START = '，。、；：？！）」』”’》〉】〕…—·%,.;:?!)]}';

export class PdfDoc {
  readonly doc: Doc;
  readonly createdAt: Date;
  /** the layout cursor: where the next block starts on the current page */
  y: number;
  private readonly hooks: (() => void)[] = [];
  /** points kept free above the bottom margin while a keepWithNext block is drawn */
  private reserved = 0;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private ended = false;

  constructor(setup: PdfSetup) {
    if (!setup.title.trim()) throw new Error('a PDF needs a title');
    this.createdAt = setup.createdAt ?? new Date();
    const margins = { ...DEFAULT_MARGINS, ...setup.margins };
    const options: Omit<PDFKit.PDFDocumentOptions, 'font' | 'lang' | 'displayTitle'> & { font: null; lang: string; displayTitle: boolean } = {
      size: 'A4',
      layout: setup.landscape ? 'landscape' : 'portrait',
      margins,
      bufferPages: true,
      // no default Helvetica: every glyph comes from the embedded CJK font
      font: null,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: setup.title,
        Author: 'Ankang 安康',
        Creator: 'Ankang 安康',
        ...(setup.subject ? { Subject: setup.subject } : {}),
        ...(setup.keywords ? { Keywords: setup.keywords } : {}),
        CreationDate: this.createdAt,
      },
    };
    this.doc = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    // already parsed fonts (pdfkit accepts fontkit fonts): parsed once per process, subset per document
    const fonts = parsedFonts();
    this.doc.registerFont(PDF_FONT.regular, fonts.regular as unknown as Buffer);
    this.doc.registerFont(PDF_FONT.bold, fonts.bold as unknown as Buffer);
    // rare characters (CJK Extension B in names) the primary font lacks come from the fallback font
    const fallback = parsedFallbackFonts();
    if (fallback) installFallback(this.doc, PDF_FONT, fonts, fallback);
    this.doc.font(PDF_FONT.regular).fontSize(PDF_STYLE.body).fillColor(PDF_STYLE.text);
    this.y = this.top;
  }

  // ---- geometry of the current page ----
  get top() {
    return this.doc.page.margins.top;
  }
  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  /** the lowest y a block may reach on this page (the bottom margin, raised by a keepWithNext reserve) */
  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom - this.reserved;
  }
  /** free height below the cursor on this page */
  get avail() {
    return this.bottom - this.y;
  }
  /** true while nothing but page hooks has been drawn on this page */
  get atPageTop() {
    return this.y <= this.top + 60;
  }

  // ---- pages ----
  /** Runs `fn` after every page break from now on (running header, table header); returns the remover. */
  onNewPage(fn: () => void): () => void {
    this.hooks.push(fn);
    return () => {
      const i = this.hooks.indexOf(fn);
      if (i >= 0) this.hooks.splice(i, 1);
    };
  }
  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
    for (const h of [...this.hooks]) h();
  }
  /** Starts a new page when less than `h` is left on this one. */
  ensure(h: number): void {
    if (this.y + h > this.bottom + 0.01) this.newPage();
  }
  gap(h: number): void {
    this.y += h;
  }

  /**
   * Draws `draw` so that it ends at least `h` points above the bottom of the page it ends on: the block of height `h`
   * drawn next (a closing paragraph with its signature lines) then fits under it, on the same page. What does not fit
   * together with that reserve moves to the next page (a short row whole, a long one split), so the following block
   * is never left alone on a page. Wrap only the last rows of what the following block belongs to: every block drawn
   * inside keeps the reserve free. The reserve is capped at half the page, so a very long follower still lets
   * something stand above it.
   */
  keepWithNext<T>(h: number, draw: () => T): T {
    if (!Number.isFinite(h) || h < 0) throw new Error(`keepWithNext needs a height ≥ 0, not ${h}`);
    const saved = this.reserved;
    const page = this.doc.page.height - this.doc.page.margins.bottom - this.top;
    this.reserved = Math.min(saved + h, page / 2);
    try {
      return draw();
    } finally {
      this.reserved = saved;
    }
  }

  // ---- text ----
  font(bold: boolean, size: number = PDF_STYLE.body): this {
    this.doc.font(bold ? PDF_FONT.bold : PDF_FONT.regular).fontSize(size);
    return this;
  }
  /** Height of (multi-line) text in the current font. */
  measure(text: string, o: TextOpts): number {
    if (!text) return 0;
    const opts = { width: o.width, lineGap: o.lineGap ?? PDF_STYLE.lineGap };
    let h = 0;
    for (const p of paragraphs(text)) h += this.doc.heightOfString(p || 'x', opts);
    return h;
  }
  /** Draws (multi-line) text in the current font at x, y; never adds a page. */
  draw(text: string, x: number, y: number, o: TextOpts): void {
    const opts = { width: o.width, lineGap: o.lineGap ?? PDF_STYLE.lineGap, align: o.align ?? 'left' };
    for (const p of paragraphs(text)) {
      const h = this.doc.heightOfString(p || 'x', opts);
      if (p) this.doc.text(p, x, y, { ...opts, height: h + 2 });
      y += h;
    }
  }
  /** One line, cut with an ellipsis when too wide; never adds a page. */
  line(text: string, x: number, y: number, o: { width: number; align?: Align }): void {
    this.doc.text(text, x, y, { width: o.width, align: o.align ?? 'left', lineBreak: false, ellipsis: true, height: this.doc.currentLineHeight(true) + 2 });
  }

  /**
   * The longest start of `text` whose height fits `maxH` at `width` in the current font, and the rest. Never breaks
   * inside a Latin word or number, before closing punctuation, or inside a surrogate pair.
   */
  fit(text: string, maxH: number, o: TextOpts): [string, string] {
    if (this.measure(text, o) <= maxH) return [text, ''];
    let lo = 0;
    let hi = text.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.measure(text.slice(0, mid), o) <= maxH) lo = mid;
      else hi = mid;
    }
    let cut = lo;
    const code = text.charCodeAt(cut - 1);
    if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut--;
    if (cut > 0 && /[A-Za-z0-9]/.test(text[cut - 1] ?? '') && /[A-Za-z0-9]/.test(text[cut] ?? '')) {
      const from = Math.max(0, cut - 40);
      const m = /[^A-Za-z0-9][A-Za-z0-9]*$/.exec(text.slice(from, cut));
      if (m) cut = from + m.index + 1;
    }
    while (cut > 1 && NO_LINE_START.includes(text[cut] ?? '')) cut--;
    return [text.slice(0, cut).replace(/\s+$/, ''), text.slice(cut).replace(/^[ \t]*\n?/, '')];
  }

  paraHeight(text: string, o: { size?: number; bold?: boolean; indent?: number } = {}): number {
    this.font(o.bold ?? false, o.size ?? PDF_STYLE.body);
    return this.measure(text, { width: this.width - (o.indent ?? 0), lineGap: PDF_STYLE.lineGap + 1.5 });
  }

  /** Free text across the full width; flows onto further pages. */
  para(text: string, o: { size?: number; bold?: boolean; indent?: number; gap?: number; align?: Align; color?: string } = {}): void {
    const size = o.size ?? PDF_STYLE.body;
    const indent = o.indent ?? 0;
    const opts: TextOpts = { width: this.width - indent, lineGap: PDF_STYLE.lineGap + 1.5, align: o.align ?? 'left' };
    let rest = text;
    for (let guard = 0; rest && guard < 500; guard++) {
      this.font(o.bold ?? false, size);
      const h = this.measure(rest, opts);
      if (h <= this.avail) {
        this.doc.fillColor(o.color ?? PDF_STYLE.text);
        this.draw(rest, this.left + indent, this.y, opts);
        this.y += h;
        break;
      }
      if (this.avail < 40) {
        this.newPage();
        continue;
      }
      const [a, b] = this.fit(rest, this.avail, opts);
      if (!a) {
        this.newPage();
        continue;
      }
      this.doc.fillColor(o.color ?? PDF_STYLE.text);
      this.draw(a, this.left + indent, this.y, opts);
      this.newPage();
      rest = b;
    }
    this.doc.fillColor(PDF_STYLE.text);
    this.y += o.gap ?? 6;
  }

  // ---- the end ----
  /** Writes the footer on every page and returns the finished PDF. */
  async finish(footer: PdfFooter = {}): Promise<Buffer> {
    if (this.ended) throw new Error('PDF already finished');
    this.ended = true;
    this.writeFooters(footer);
    this.doc.end();
    return this.done;
  }

  /** Like finish(), then writes the bytes to `filePath`. */
  async finishToFile(filePath: string, footer: PdfFooter = {}): Promise<number> {
    const buf = await this.finish(footer);
    await fs.promises.writeFile(filePath, buf);
    return buf.length;
  }

  private writeFooters(f: PdfFooter): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const numbers = f.pageNumbers ?? true;
    const numberText = f.pageNumberText ?? defaultPageNumberText;
    const fp = f.fingerprint ? fingerprintText(f.fingerprint, this.createdAt) : null;
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const page = doc.page;
      const saved = page.margins.bottom;
      page.margins.bottom = 0; // writing inside the bottom margin must not add a page
      const y = page.height - 36;
      const x = page.margins.left;
      const w = page.width - page.margins.left - page.margins.right;
      doc.fillColor(PDF_STYLE.muted);
      let centreW = 0;
      if (numbers) {
        const t = numberText(i - range.start + 1, range.count);
        this.font(false, PDF_STYLE.small);
        centreW = doc.widthOfString(t);
        doc.text(t, x, y, { width: w, align: 'center', lineBreak: false });
      }
      const sideW = (w - centreW) / 2 - 12;
      if (f.left) {
        this.font(false, PDF_STYLE.small);
        this.line(f.left, x, y, { width: sideW });
      }
      if (fp) {
        this.font(false, PDF_STYLE.tiny);
        const fits = doc.widthOfString(fp) <= sideW;
        // on the page-number line at the right when it fits, otherwise on a line of its own under it
        this.line(fp, fits ? x + w - sideW : x, fits ? y + 1 : y + 12, { width: fits ? sideW : w, align: fits ? 'right' : 'center' });
      }
      page.margins.bottom = saved;
    }
    doc.fillColor(PDF_STYLE.text);
  }
}

export function createPdf(setup: PdfSetup): PdfDoc {
  return new PdfDoc(setup);
}
