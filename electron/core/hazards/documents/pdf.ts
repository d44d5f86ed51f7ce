// Hazard-ledger documents as PDF (pdfkit, A4, Noto Sans SC embedded as a subset):
//   安全隐患整改通知单 (renderRectificationNotice), 隐患整改验收记录 (renderAcceptanceRecord),
//   隐患排查治理统计表 (renderStatsTable, landscape).
// Bordered form tables whose cells wrap Chinese text; a row too tall for the rest of the page is split across pages
// (the label repeats with “（续）”) and continuation pages repeat a header (and the column header for the statistics
// table). Page numbers “第 N 页 / 共 M 页” are added at the end over the buffered pages.
// Output is deterministic for the same input and `now` (the file ID is derived from the document info).
import PDFDocument from 'pdfkit';
import { GOVERNANCE_FIELDS, type RiskColor } from '../../../../shared/hazards/rules';
import type { Enterprise } from '../../../../shared/enterprise/types';
import type { HazardDetail, HazardEvent, HazardStats } from '../../../../shared/hazards/types';
import { loadFonts } from '../../documents/pdf/fonts';
import {
  RISK_COLOR_NAME,
  accidentText,
  categoryText,
  dateCn,
  dateTimeCn,
  gradeText,
  label,
  localDateCn,
  orgText,
  periodText,
  riskText,
  STATS_COLUMNS,
  sourceText,
  statsRowsWithTotal,
  statsSummary,
  statusText,
  stopText,
  yuan,
} from './text';

type Doc = PDFKit.PDFDocument;

export interface PdfPhoto {
  phase: 'before' | 'after';
  /** JPEG or PNG bytes (WebP cannot be embedded by pdfkit: convert first, e.g. attachments.photoAsJpeg) */
  data: Buffer;
  mime: string;
}

export interface HazardDocContext {
  enterprise: Enterprise;
  /** the operator issuing / printing the document */
  issuedBy: string;
  /** the document date and the PDF CreationDate; default: now */
  now?: Date;
  photos?: PdfPhoto[];
}

export interface StatsDocContext {
  enterprise: Enterprise;
  now?: Date;
}

// ---------------------------------------------------------------------------------------------------------------
// document scaffolding

const F_REGULAR = 'NotoSansSC';
const F_BOLD = 'NotoSansSC-Bold';
const MARGINS = { top: 48, bottom: 58, left: 50, right: 50 };
const BODY = 10.5; // 五号
const SMALL = 9;
const LINE_GAP = 1.5;
const PAD_X = 6;
const PAD_Y = 5;
const MIN_ROW = 24;
const BORDER = '#000000';
const LABEL_FILL = '#F2F2F2';
const SECTION_FILL = '#E3E3E3';
const TEXT = '#000000';
const MUTED = '#555555';
/** rows up to this height move to the next page whole instead of being split */
const KEEP_TOGETHER = 110;
/** never split a row into a piece shorter than this */
const MIN_SPLIT = 3 * 17 + 2 * PAD_Y;

/** The four colours of the 风险分级 (GB/T 45001 practice: 红橙黄蓝). */
export const RISK_RGB: Record<RiskColor, string> = { red: '#E02020', orange: '#F28C28', yellow: '#F5D000', blue: '#1F6FD0' };

let parsedFonts: { source: object; regular: unknown; bold: unknown } | null = null;

function createDoc(o: { title: string; subject: string; keywords?: string; landscape?: boolean; now: Date }): {
  doc: Doc;
  done: Promise<Buffer>;
} {
  const fonts = loadFonts();
  const options = {
    size: 'A4',
    layout: o.landscape ? 'landscape' : 'portrait',
    margins: MARGINS,
    bufferPages: true,
    // no default Helvetica: every glyph comes from the embedded CJK font
    font: null,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: o.title,
      Author: 'Ankang 安康',
      Creator: 'Ankang 安康',
      Subject: o.subject,
      ...(o.keywords ? { Keywords: o.keywords } : {}),
      CreationDate: o.now,
    },
  } as unknown as PDFKit.PDFDocumentOptions;
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit accepts an already parsed fontkit font: parse the 10 MB files once per process, not once per document
  // (each document still makes its own subset)
  const parsed = parsedFonts?.source === fonts ? parsedFonts : null;
  doc.registerFont(F_REGULAR, (parsed?.regular ?? fonts.regular) as Buffer);
  doc.registerFont(F_BOLD, (parsed?.bold ?? fonts.bold) as Buffer);
  doc.font(F_BOLD).font(F_REGULAR).fontSize(BODY).fillColor(TEXT);
  if (!parsed) {
    const fam = (doc as unknown as { _fontFamilies?: Record<string, { font?: { layout?: unknown } }> })._fontFamilies;
    const r = fam?.[F_REGULAR]?.font;
    const b = fam?.[F_BOLD]?.font;
    if (typeof r?.layout === 'function' && typeof b?.layout === 'function') parsedFonts = { source: fonts, regular: r, bold: b };
  }
  return { doc, done };
}

/** “第 N 页 / 共 M 页” centred in the bottom margin of every page, then end the document. */
function finish(doc: Doc, done: Promise<Buffer>, footerLeft?: string): Promise<Buffer> {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    const saved = page.margins.bottom;
    page.margins.bottom = 0; // writing inside the margin must not add a page
    const y = page.height - 36;
    const w = page.width - page.margins.left - page.margins.right;
    doc.font(F_REGULAR).fontSize(SMALL).fillColor(MUTED);
    doc.text(`第 ${i + 1} 页 / 共 ${range.count} 页`, page.margins.left, y, { width: w, align: 'center', lineBreak: false });
    if (footerLeft) doc.text(footerLeft, page.margins.left, y, { width: w / 2 - 60, align: 'left', lineBreak: false, ellipsis: true });
    page.margins.bottom = saved;
  }
  doc.fillColor(TEXT);
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------------------------
// layout: bordered rows of cells that wrap and split across pages

type CellKind = 'label' | 'value' | 'section' | 'head' | 'total';
interface Cell {
  text: string;
  w: number;
  kind: CellKind;
  align?: 'left' | 'center' | 'right';
  /** a colour swatch drawn before the text */
  swatch?: string;
  /** value cells: centre vertically (default true for short content) */
  valign?: 'top' | 'center';
}

interface TextOpts {
  width: number;
  lineGap: number;
  align?: 'left' | 'center' | 'right';
}
/**
 * Text with hard line breaks is measured and drawn paragraph by paragraph: pdfkit gives '\n' the advance width of a
 * full glyph in this font, so a line just short of the cell width would otherwise wrap one character early.
 */
const paragraphs = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');
function measure(doc: Doc, text: string, o: TextOpts): number {
  if (!text) return 0;
  let h = 0;
  for (const p of paragraphs(text)) h += doc.heightOfString(p || 'x', o);
  return h;
}
function draw(doc: Doc, text: string, x: number, y: number, o: TextOpts): void {
  for (const p of paragraphs(text)) {
    const h = doc.heightOfString(p || 'x', o);
    if (p) doc.text(p, x, y, { ...o, height: h + 2 });
    y += h;
  }
}

const NO_LINE_START = '，。、；：？！）」』”’》〉】〕…—·%,.;:?!)]}';

class Layout {
  y: number;
  onNewPage: (() => void) | null = null;

  constructor(
    readonly doc: Doc,
    /** the smallest row height */
    readonly minRow = MIN_ROW,
    /** space above and below the text in a cell */
    readonly padY = PAD_Y,
  ) {
    this.y = doc.page.margins.top;
  }
  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get avail() {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
    this.onNewPage?.();
  }
  ensure(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }

  private font(kind: CellKind) {
    const bold = kind === 'label' || kind === 'section' || kind === 'head' || kind === 'total';
    this.doc.font(bold ? F_BOLD : F_REGULAR).fontSize(kind === 'section' ? BODY + 0.5 : BODY);
  }
  private innerW(c: Cell) {
    return Math.max(8, c.w - 2 * PAD_X - (c.swatch ? 20 : 0));
  }
  private textH(c: Cell, text = c.text): number {
    if (!text) return 0;
    this.font(c.kind);
    return measure(this.doc, text, { width: this.innerW(c), lineGap: LINE_GAP });
  }
  rowHeight(cells: Cell[]): number {
    let h = this.minRow;
    for (const c of cells) h = Math.max(h, this.textH(c) + 2 * this.padY);
    return Math.ceil(h);
  }

  /** The longest start of `text` whose height fits `maxH`, and the rest; never breaks inside a Latin word or before closing punctuation. */
  private fit(c: Cell, maxH: number): [string, string] {
    const text = c.text;
    if (this.textH(c, text) <= maxH) return [text, ''];
    let lo = 0;
    let hi = text.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.textH(c, text.slice(0, mid)) <= maxH) lo = mid;
      else hi = mid;
    }
    let cut = lo;
    const code = text.charCodeAt(cut - 1);
    if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut--;
    if (cut > 0 && /[A-Za-z0-9]/.test(text[cut - 1] ?? '') && /[A-Za-z0-9]/.test(text[cut] ?? '')) {
      const from = Math.max(0, cut - 40);
      const m = /[^A-Za-z0-9][A-Za-z0-9]*$/.exec(text.slice(from, cut));
      if (m && from + m.index + 1 > 0) cut = from + m.index + 1;
    }
    while (cut > 1 && NO_LINE_START.includes(text[cut] ?? '')) cut--;
    return [text.slice(0, cut).replace(/\s+$/, ''), text.slice(cut).replace(/^[ \t]*\n?/, '')];
  }

  private drawRow(cells: Cell[], h: number): void {
    const doc = this.doc;
    let x = this.left;
    doc.lineWidth(0.75);
    for (const c of cells) {
      const fill = c.kind === 'label' || c.kind === 'head' || c.kind === 'total' ? LABEL_FILL : c.kind === 'section' ? SECTION_FILL : null;
      if (fill) doc.rect(x, this.y, c.w, h).fill(fill);
      doc.rect(x, this.y, c.w, h).strokeColor(BORDER).stroke();
      if (c.text || c.swatch) {
        const th = this.textH(c);
        const lineH = (this.font(c.kind), doc.currentLineHeight(true));
        const valign = c.valign ?? (c.kind === 'value' && th > 2 * lineH + 1 ? 'top' : 'center');
        const ty = valign === 'top' ? this.y + this.padY : this.y + Math.max(this.padY, (h - th) / 2);
        let tx = x + PAD_X;
        if (c.swatch) {
          const sy = this.y + (h - 11) / 2;
          doc.rect(tx, sy, 15, 11).fillAndStroke(c.swatch, '#333333');
          doc.strokeColor(BORDER);
          tx += 20;
        }
        if (c.text) {
          this.font(c.kind);
          doc.fillColor(TEXT);
          draw(doc, c.text, tx, ty, { width: this.innerW(c), lineGap: LINE_GAP, align: c.align ?? (c.kind === 'value' ? 'left' : 'center') });
        }
      }
      x += c.w;
    }
    this.y += h;
  }

  /** Draw a row; if it does not fit, move it to the next page (short rows) or split its text across pages. */
  row(cells: Cell[]): void {
    // a section heading never ends a page: keep it with (the start of) the next row
    if (cells.length === 1 && cells[0]!.kind === 'section') this.ensure(this.rowHeight(cells) + 2 * this.minRow);
    let cur = cells;
    for (let guard = 0; guard < 500; guard++) {
      const h = this.rowHeight(cur);
      if (h <= this.avail + 0.01) {
        this.drawRow(cur, h);
        return;
      }
      const atTop = this.y <= this.doc.page.margins.top + 60;
      if (!atTop && (h <= KEEP_TOGETHER || this.avail < MIN_SPLIT)) {
        this.newPage();
        continue;
      }
      const availH = this.avail;
      const head: Cell[] = [];
      const tail: Cell[] = [];
      let progress = false;
      for (const c of cur) {
        if (c.kind === 'value') {
          const [a, b] = this.fit(c, availH - 2 * this.padY);
          if (a) progress = true;
          head.push({ ...c, text: a, valign: 'top' });
          tail.push({ ...c, text: b, valign: 'top' });
        } else {
          head.push(c);
          tail.push({ ...c, text: c.text && !c.text.endsWith('（续）') ? `${c.text}（续）` : c.text });
        }
      }
      if (!progress) {
        if (atTop) {
          this.drawRow(cur, availH); // cannot happen with real data: a label taller than a page
          return;
        }
        this.newPage();
        continue;
      }
      this.drawRow(head, availH);
      this.newPage();
      cur = tail;
    }
  }

  paraHeight(text: string, size = BODY): number {
    this.doc.font(F_REGULAR).fontSize(size);
    return measure(this.doc, text, { width: this.width, lineGap: LINE_GAP + 1.5 });
  }

  /** Free text outside the table (may flow across pages). */
  para(text: string, o: { size?: number; bold?: boolean; indent?: number; gap?: number; align?: 'left' | 'center' | 'right'; color?: string } = {}): void {
    const doc = this.doc;
    const size = o.size ?? BODY;
    let rest = text;
    const opts = { width: this.width - (o.indent ?? 0), lineGap: LINE_GAP + 1.5, align: o.align ?? 'left' } as const;
    for (let guard = 0; rest && guard < 200; guard++) {
      doc.font(o.bold ? F_BOLD : F_REGULAR).fontSize(size);
      const h = measure(doc, rest, opts);
      if (h <= this.avail) {
        doc.fillColor(o.color ?? TEXT);
        draw(doc, rest, this.left + (o.indent ?? 0), this.y, opts);
        this.y += h;
        break;
      }
      const cell: Cell = { text: rest, w: opts.width + 2 * PAD_X, kind: 'value' };
      if (this.avail < 40) {
        this.newPage();
        continue;
      }
      const [a, b] = this.fitPara(cell, size, o.bold ?? false, opts);
      if (!a) {
        this.newPage();
        continue;
      }
      doc.fillColor(o.color ?? TEXT);
      draw(doc, a, this.left + (o.indent ?? 0), this.y, opts);
      this.newPage();
      rest = b;
    }
    doc.fillColor(TEXT);
    this.y += o.gap ?? 6;
  }
  private fitPara(c: Cell, size: number, bold: boolean, opts: { width: number; lineGap: number }): [string, string] {
    const doc = this.doc;
    const m = (t: string) => (doc.font(bold ? F_BOLD : F_REGULAR).fontSize(size), measure(doc, t, opts));
    let lo = 0;
    let hi = c.text.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (m(c.text.slice(0, mid)) <= this.avail) lo = mid;
      else hi = mid;
    }
    let cut = lo;
    while (cut > 1 && NO_LINE_START.includes(c.text[cut] ?? '')) cut--;
    return [c.text.slice(0, cut), c.text.slice(cut).replace(/^\n/, '')];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// form pieces shared by the notice and the acceptance record

/** 4-column grid of a portrait form: label | value | label | value. */
function grid(l: Layout) {
  const labelW = 88;
  const valueW = (l.width - 2 * labelW) / 2;
  const full = (lab: string, text: string | null | undefined, extra: Partial<Cell> = {}): Cell[] => [
    { text: lab, w: labelW, kind: 'label' },
    { text: text ?? '', w: l.width - labelW, kind: 'value', ...extra },
  ];
  const pair = (l1: string, v1: string | null | undefined, l2: string, v2: string | null | undefined, extra2: Partial<Cell> = {}): Cell[] => [
    { text: l1, w: labelW, kind: 'label' },
    { text: v1 ?? '', w: valueW, kind: 'value' },
    { text: l2, w: labelW, kind: 'label' },
    { text: v2 ?? '', w: valueW, kind: 'value', ...extra2 },
  ];
  const section = (text: string): Cell[] => [{ text, w: l.width, kind: 'section', align: 'left' }];
  return { full, pair, section, labelW, valueW };
}

/** Title block on page 1: enterprise, title, then one info line with a left and a right part. */
function titleBlock(l: Layout, enterprise: string, title: string, left: string, right: string): void {
  const doc = l.doc;
  doc.font(F_BOLD).fontSize(13).fillColor(TEXT);
  doc.text(enterprise, l.left, l.y, { width: l.width, align: 'center' });
  l.y += doc.heightOfString(enterprise, { width: l.width }) + 4;
  doc.font(F_BOLD).fontSize(20);
  doc.text(title, l.left, l.y, { width: l.width, align: 'center', characterSpacing: 3 });
  l.y += doc.heightOfString(title, { width: l.width, characterSpacing: 3 }) + 10;
  infoLine(l, left, right);
}

function infoLine(l: Layout, left: string, right: string): void {
  const doc = l.doc;
  doc.font(F_REGULAR).fontSize(BODY).fillColor(TEXT);
  const rightW = Math.min(l.width / 2, doc.widthOfString(right) + 2);
  const leftW = l.width - rightW - 12;
  const h = Math.max(doc.heightOfString(left || ' ', { width: leftW }), doc.heightOfString(right || ' ', { width: rightW }));
  doc.text(left, l.left, l.y, { width: leftW, align: 'left' });
  doc.text(right, l.left + l.width - rightW, l.y, { width: rightW, align: 'right' });
  l.y += h + 6;
}

/** Continuation pages: a compact running header with a rule under it. */
function runningHeader(l: Layout, title: string, right: string): void {
  const doc = l.doc;
  const y = doc.page.margins.top - 18;
  doc.font(F_REGULAR).fontSize(SMALL);
  const rightW = doc.widthOfString(right) + 4;
  doc.text(right, l.left + l.width - rightW, y + 1, { width: rightW, align: 'right', lineBreak: false });
  doc.font(F_BOLD).fontSize(SMALL + 1).fillColor(MUTED);
  doc.text(title, l.left, y, { width: l.width - rightW - 10, lineBreak: false, ellipsis: true });
  doc.moveTo(l.left, y + 15).lineTo(l.left + l.width, y + 15).lineWidth(0.5).strokeColor('#888888').stroke();
  doc.fillColor(TEXT).strokeColor(BORDER);
  l.y = Math.max(l.y, y + 22);
}

function lecText(h: HazardDetail): string {
  if (!h.lec) return '未评价';
  const d = h.riskD ?? Math.round(h.lec.l * h.lec.e * h.lec.c * 100) / 100;
  return `L = ${h.lec.l}\u3000E = ${h.lec.e}\u3000C = ${h.lec.c}\nD = L × E × C = ${d}`;
}
function riskCell(h: HazardDetail): { text: string; swatch?: string } {
  if (!h.risk) return { text: h.riskD === null ? '未评价' : `D = ${h.riskD}` };
  return { text: `${RISK_COLOR_NAME[h.risk]} · ${riskText(h.risk)}`, swatch: RISK_RGB[h.risk] };
}

type ImageKind = 'jpeg' | 'png' | 'webp' | null;
function sniff(data: Buffer): ImageKind {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 8 && data[0] === 0x89 && data.toString('latin1', 1, 4) === 'PNG') return 'png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** A titled block of photos, two per row, each in a bordered cell with a caption; unusable images become a note. */
function photoBlock(l: Layout, title: string, photos: PdfPhoto[]): void {
  if (photos.length === 0) return;
  const doc = l.doc;
  const g = grid(l);
  const notes: string[] = [];
  const usable: { data: Buffer; n: number }[] = [];
  photos.forEach((p, i) => {
    const kind = sniff(p.data);
    if (kind === 'jpeg' || kind === 'png') usable.push({ data: p.data, n: i + 1 });
    else if (kind === 'webp' || /webp/i.test(p.mime)) notes.push(`照片 ${i + 1} 为 WebP 格式，PDF 中无法嵌入，请在系统中查看原图。`);
    else notes.push(`照片 ${i + 1} 不是 JPEG 或 PNG 图片，未嵌入。`);
  });
  const imgH = 170;
  const captionH = 16;
  const cellH = imgH + captionH + 2 * PAD_Y;
  const cellW = l.width / 2;
  l.ensure(MIN_ROW + (usable.length ? cellH : 0));
  l.row(g.section(`${title}（${photos.length} 张）`));
  for (let i = 0; i < usable.length; i += 2) {
    l.ensure(cellH);
    for (let k = 0; k < 2; k++) {
      const x = l.left + k * cellW;
      doc.lineWidth(0.75).rect(x, l.y, cellW, cellH).strokeColor(BORDER).stroke();
      const p = usable[i + k];
      if (!p) continue;
      try {
        doc.image(p.data, x + PAD_X, l.y + PAD_Y, { fit: [cellW - 2 * PAD_X, imgH], align: 'center', valign: 'center' });
      } catch {
        notes.push(`照片 ${p.n} 无法读取，未嵌入。`);
      }
      doc.font(F_REGULAR).fontSize(SMALL).fillColor(MUTED);
      doc.text(`照片 ${p.n}`, x, l.y + PAD_Y + imgH + 2, { width: cellW, align: 'center', lineBreak: false });
      doc.fillColor(TEXT);
    }
    l.y += cellH;
  }
  if (notes.length) l.row(g.full('说明', notes.join('\n')));
}

interface Sig {
  label: string;
  /** printed on the line (e.g. the issuer's name or a date) */
  value?: string;
  /** where the label starts, from the left margin */
  x: number;
  /** where the line ends, from the left margin */
  end: number;
}

/** One line of signature fields: “签发人：＿＿＿＿” with an optional printed value on the line. */
function sigLine(l: Layout, items: Sig[]): void {
  const doc = l.doc;
  const h = 26;
  l.ensure(h);
  const baseY = l.y + 17;
  for (const it of items) {
    doc.font(F_REGULAR).fontSize(BODY).fillColor(TEXT);
    const x0 = l.left + it.x;
    doc.text(it.label, x0, l.y + 2, { lineBreak: false });
    const x = x0 + doc.widthOfString(it.label) + 2;
    const w = l.left + it.end - x;
    doc.moveTo(x, baseY).lineTo(x + w, baseY).lineWidth(0.6).strokeColor(BORDER).stroke();
    if (it.value) doc.text(it.value, x, l.y + 2, { width: w, align: 'center', lineBreak: false });
  }
  l.y += h;
}

const BLANK_DATE = '        年     月     日';

function events(h: HazardDetail, action: string): HazardEvent[] {
  return h.events.filter((e) => e.action === action).sort((a, b) => a.seq - b.seq);
}

// ---------------------------------------------------------------------------------------------------------------
// 安全隐患整改通知单

/** 安全隐患整改通知单 (A4 portrait). Before-photos from ctx.photos are embedded when JPEG or PNG. */
export async function renderRectificationNotice(h: HazardDetail, ctx: HazardDocContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = '安全隐患整改通知单';
  const { doc, done } = createDoc({ title: `${title} ${h.serial}`, subject: `${ctx.enterprise.name} ${title}`, keywords: h.serial, now });
  const l = new Layout(doc);
  const g = grid(l);
  const org = orgText(h.workshopName, h.teamName);

  titleBlock(l, ctx.enterprise.name, title, `致：${org || '（未指定车间/班组）'}`, `编号：${h.serial}`);
  l.para(
    '经排查，你单位（部门）存在下列安全隐患。根据《中华人民共和国安全生产法》和本单位事故隐患排查治理制度，' +
      '现予通知，请立即落实临时管控措施，并按“五落实”要求限期整改。',
    { indent: 0, gap: 8 },
  );
  l.onNewPage = () => runningHeader(l, `${ctx.enterprise.name}  ${title}（续）`, `编号：${h.serial}`);

  // hazard
  l.row(g.section('一、隐患情况'));
  l.row(g.pair('发现时间', dateTimeCn(h.foundAt), '发现人', h.finderName));
  l.row(g.pair('隐患来源', sourceText(h.source), '车间/班组', org));
  l.row(g.pair('具体位置', h.place, '涉及设备设施', h.equipment));
  l.row(g.full('隐患描述', h.description));
  l.row(g.full('隐患类别', `${categoryText(h.category1, h.category2)}（GB/T 13861）`));
  l.row(g.pair('事故类型', accidentText(h.accidentType) || '—', '隐患等级', gradeText(h.grade)));
  const risk = riskCell(h);
  l.row(g.pair('LEC 评价', lecText(h), '风险等级', risk.text, risk.swatch ? { swatch: risk.swatch } : {}));
  l.row(g.pair('停产停业', stopText(h.productionStop), '当前状态', statusText(h.status)));
  l.row(g.full('临时管控措施', h.interimMeasures || '—'));

  // 五落实
  l.row(g.section('二、整改要求（五落实：责任、措施、资金、期限、预案）'));
  l.row(g.pair('整改责任人', h.responsibleName, '整改期限', dateCn(h.deadline)));
  l.row(g.full('整改措施', h.measures));
  l.row(g.full('整改资金', h.plannedFunds === null ? '' : `${yuan(h.plannedFunds)} 元`));
  l.row(g.full('应急预案', h.emergencyPlan));

  if (h.grade === 'major') {
    l.row(g.section('三、重大隐患治理方案'));
    for (const f of GOVERNANCE_FIELDS) {
      const lab = label(`hazard.gov.${f}`, f);
      l.row(g.full(lab, h.governancePlan?.[f] ?? ''));
    }
  }

  photoBlock(
    l,
    '整改前照片',
    (ctx.photos ?? []).filter((p) => p.phase === 'before'),
  );

  l.y += 10;
  const deadline = h.deadline ? `于 ${dateCn(h.deadline)} 前` : '在规定期限内';
  const closing =
    `请接到本通知后立即落实临时管控措施，按上述要求${deadline}完成整改；整改完成后如实填写整改情况，连同整改后照片报安全管理部门验收销号。` +
    '不能按期完成整改的，应在期限届满前书面说明原因并采取有效的防范措施。';
  // the closing paragraph stays on the page of the signatures
  l.ensure(l.paraHeight(closing) + 14 + 2 * 26 + 6 + 30);
  l.para(closing, { gap: 14 });
  const half = l.width / 2;
  sigLine(l, [
    { label: '签发人：', value: ctx.issuedBy, x: 0, end: half - 24 },
    { label: '签发日期：', value: localDateCn(now), x: half, end: l.width },
  ]);
  l.y += 6;
  sigLine(l, [
    { label: '接收人签字：', x: 0, end: half - 24 },
    { label: '接收日期：', value: BLANK_DATE, x: half, end: l.width },
  ]);
  l.y += 6;
  l.para('注：本通知单一式两份，签发部门和接收单位（部门）各执一份。', { size: SMALL, color: MUTED });
  return finish(doc, done, h.serial);
}

// ---------------------------------------------------------------------------------------------------------------
// 隐患整改验收记录

/** 隐患整改验收记录 (A4 portrait): the rectification, the rejection history and the acceptance; after-photos when given. */
export async function renderAcceptanceRecord(h: HazardDetail, ctx: HazardDocContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = '隐患整改验收记录';
  const { doc, done } = createDoc({ title: `${title} ${h.serial}`, subject: `${ctx.enterprise.name} ${title}`, keywords: h.serial, now });
  const l = new Layout(doc);
  const g = grid(l);
  const org = orgText(h.workshopName, h.teamName);

  titleBlock(l, ctx.enterprise.name, title, `整改单位：${org || '—'}`, `编号：${h.serial}`);
  l.onNewPage = () => runningHeader(l, `${ctx.enterprise.name}  ${title}（续）`, `编号：${h.serial}`);

  l.row(g.section('一、隐患情况'));
  l.row(g.pair('发现时间', dateTimeCn(h.foundAt), '发现人', h.finderName));
  l.row(g.pair('具体位置', h.place, '涉及设备设施', h.equipment));
  l.row(g.full('隐患描述', h.description));
  const risk = riskCell(h);
  l.row(g.pair('隐患等级', gradeText(h.grade), '风险等级', risk.text, risk.swatch ? { swatch: risk.swatch } : {}));

  l.row(g.section('二、整改情况'));
  l.row(g.pair('整改责任人', h.responsibleName, '整改期限', dateCn(h.deadline)));
  l.row(g.full('整改措施', h.measures));
  l.row(g.full('整改情况', h.rectificationNote));
  l.row(
    g.pair(
      '计划整改资金',
      h.plannedFunds === null ? '' : `${yuan(h.plannedFunds)} 元`,
      '实际投入资金',
      h.actualFunds === null ? '' : `${yuan(h.actualFunds)} 元`,
    ),
  );
  l.row(g.pair('提交人', h.submittedByName, '提交时间', dateTimeCn(h.submittedAt)));

  l.row(g.section('三、验收情况'));
  const rejects = events(h, 'reject');
  rejects.forEach((e, i) => {
    const text = `${dateTimeCn(e.at)}\u3000验收人：${e.actorName}\u3000结论：不合格，退回继续整改\n意见：${e.comment?.trim() || '（未填写）'}`;
    l.row(g.full(`第 ${i + 1} 次验收`, text));
  });
  const accepted = h.status === 'closed';
  const rejectedNow = !accepted && rejects.length > 0 && h.status === 'rectifying';
  const box = (on: boolean) => (on ? '■' : '□');
  l.row(
    g.full(
      rejects.length ? `第 ${rejects.length + 1} 次验收结论` : '验收结论',
      `${box(accepted)} 合格，同意销号\u3000\u3000\u3000${box(rejectedNow)} 不合格，退回继续整改` +
        (accepted ? '' : rejectedNow ? '（见上次验收意见）' : ''),
    ),
  );
  const acceptEvent = events(h, 'accept').at(-1);
  l.row(g.full('验收意见', acceptEvent?.comment?.trim() || (accepted ? '整改措施已落实，隐患已消除。' : '')));
  l.row(g.pair('验收人', h.acceptedByName, '验收时间', dateTimeCn(h.acceptedAt)));
  if (h.status === 'closed' && h.closedDate) l.row(g.pair('销号日期', dateCn(h.closedDate), '当前状态', statusText(h.status)));

  photoBlock(
    l,
    '整改后照片',
    (ctx.photos ?? []).filter((p) => p.phase === 'after'),
  );

  l.y += 16;
  l.ensure(26 * 2 + 8);
  const half = l.width / 2;
  sigLine(l, [
    { label: '整改责任人（签字）：', x: 0, end: half - 24 },
    { label: '日期：', value: BLANK_DATE, x: half, end: l.width },
  ]);
  l.y += 8;
  sigLine(l, [
    { label: '验收人（签字）：', x: 0, end: half - 24 },
    { label: '日期：', value: BLANK_DATE, x: half, end: l.width },
  ]);
  l.y += 6;
  l.para(`打印人：${ctx.issuedBy}\u3000打印日期：${localDateCn(now)}`, { size: SMALL, color: MUTED });
  return finish(doc, done, h.serial);
}

// ---------------------------------------------------------------------------------------------------------------
// 隐患排查治理统计表

type TableRow = HazardStats['table'][number];

function statsRowValues(r: TableRow, index: number | null): string[] {
  return [
    index === null ? '' : String(index),
    r.workshop,
    String(r.found),
    String(r.general),
    String(r.major),
    String(r.closed),
    String(r.rectifying),
    String(r.overdue),
    yuan(r.plannedFunds),
    yuan(r.actualFunds),
  ];
}

/** 隐患排查治理统计表 for a quarter or a year (A4 landscape), with 合计, summary figures and signature lines. */
export async function renderStatsTable(s: HazardStats, ctx: StatsDocContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = '隐患排查治理统计表';
  const period = periodText(s.year, s.quarter);
  const { doc, done } = createDoc({ title: `${title} ${period}`, subject: `${ctx.enterprise.name} ${title}`, landscape: true, now });
  const l = new Layout(doc, 20, 3);
  const fixed = [36, 0, 66, 62, 62, 66, 60, 66, 96, 96];
  const flex = l.width - fixed.reduce((a, b) => a + b, 0);
  const widths = fixed.map((w) => w || flex);
  const header = (): Cell[] => STATS_COLUMNS.map((t, i) => ({ text: t, w: widths[i]!, kind: 'head' as const, align: 'center' as const }));
  const line = (vals: string[], kind: CellKind): Cell[] =>
    vals.map((t, i) => ({ text: t, w: widths[i]!, kind, align: i === 1 ? ('left' as const) : i >= 8 ? ('right' as const) : ('center' as const) }));

  titleBlock(l, ctx.enterprise.name, title, `统计期间：${period}（${dateCn(s.from)} 至 ${dateCn(s.to)}）`, `制表日期：${localDateCn(now)}`);
  l.row(header());
  l.onNewPage = () => {
    runningHeader(l, `${ctx.enterprise.name}  ${title}（续）`, `统计期间：${period}`);
    l.row(header());
  };
  const { rows, total } = statsRowsWithTotal(s);
  if (rows.length === 0) l.row([{ text: '本期无隐患记录', w: l.width, kind: 'value', align: 'center' }]);
  rows.forEach((r, i) => l.row(line(statsRowValues(r, i + 1), 'value')));
  l.row(line(statsRowValues(total, null), 'total'));
  l.onNewPage = () => runningHeader(l, `${ctx.enterprise.name}  ${title}（续）`, `统计期间：${period}`);

  l.y += 10;
  const summary = `说明：${statsSummary(s, total)}`;
  l.ensure(Math.min(l.paraHeight(summary), 120) + 12 + 40);
  l.para(summary, { gap: 12 });
  const q = l.width / 4;
  const items: Sig[] = [
    { label: '填表人：', x: 0, end: q - 20 },
    { label: '审核人：', x: q, end: 2 * q - 20 },
    { label: '主要负责人（签字）：', x: 2 * q, end: 3 * q - 20 },
    { label: '日期：', value: BLANK_DATE, x: 3 * q, end: l.width },
  ];
  l.ensure(40);
  sigLine(l, items);
  return finish(doc, done, `${period} ${title}`);
}
