// The PDF toolkit's blocks: the title block, the running header of continuation pages, signature lines and boxes,
// and photo grids.
import { PDF_STYLE, type PdfDoc } from './doc';
import { RowLayout } from './rows';

// ---------------------------------------------------------------------------------------------------------------
// title block and running header

export interface TitleBlock {
  /** the enterprise's name, above the title */
  enterprise: string;
  title: string;
  /** under the title at the left (addressee, period…) */
  left?: string;
  /** under the title at the right (编号：…, 制表日期：…) */
  right?: string;
}

/** Enterprise, document title (large, spaced), then one info line with a left and a right part. */
export function titleBlock(pdf: PdfDoc, t: TitleBlock): void {
  const doc = pdf.doc;
  doc.fillColor(PDF_STYLE.text);
  pdf.font(true, 13);
  const eh = pdf.measure(t.enterprise, { width: pdf.width });
  pdf.draw(t.enterprise, pdf.left, pdf.y, { width: pdf.width, align: 'center' });
  pdf.y += eh + 4;
  pdf.font(true, 20);
  doc.text(t.title, pdf.left, pdf.y, { width: pdf.width, align: 'center', characterSpacing: 3 });
  pdf.y += doc.heightOfString(t.title, { width: pdf.width, characterSpacing: 3 }) + 10;
  if (t.left || t.right) infoLine(pdf, t.left ?? '', t.right ?? '');
}

/** A line with a left-aligned and a right-aligned part (the right part keeps its width, the left wraps). */
export function infoLine(pdf: PdfDoc, left: string, right: string): void {
  const doc = pdf.doc;
  pdf.font(false, PDF_STYLE.body);
  doc.fillColor(PDF_STYLE.text);
  const rightW = Math.min(pdf.width / 2, doc.widthOfString(right) + 2);
  const leftW = pdf.width - rightW - 12;
  const h = Math.max(pdf.measure(left || ' ', { width: leftW }), pdf.measure(right || ' ', { width: rightW }));
  pdf.ensure(h);
  if (left) pdf.draw(left, pdf.left, pdf.y, { width: leftW });
  if (right) pdf.draw(right, pdf.left + pdf.width - rightW, pdf.y, { width: rightW, align: 'right' });
  pdf.y += h + 6;
}

/**
 * From the next page on, a compact header at the top of every page: the title (e.g. “… 整改通知单（续）”) at the
 * left, a reference at the right, a rule under both. Returns the remover.
 */
export function runningHeader(pdf: PdfDoc, title: string, right: string): () => void {
  return pdf.onNewPage(() => {
    const doc = pdf.doc;
    const y = pdf.top - 18;
    pdf.font(false, PDF_STYLE.small);
    doc.fillColor(PDF_STYLE.text);
    const rightW = doc.widthOfString(right) + 4;
    pdf.line(right, pdf.left + pdf.width - rightW, y + 1, { width: rightW, align: 'right' });
    pdf.font(true, PDF_STYLE.small + 1);
    doc.fillColor(PDF_STYLE.muted);
    pdf.line(title, pdf.left, y, { width: pdf.width - rightW - 10 });
    doc.moveTo(pdf.left, y + 15).lineTo(pdf.left + pdf.width, y + 15).lineWidth(0.5).strokeColor('#888888').stroke();
    doc.fillColor(PDF_STYLE.text).strokeColor(PDF_STYLE.border);
    pdf.y = Math.max(pdf.y, y + 22);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// signatures

/** A date left blank for hand-writing: “        年     月     日”. */
export const BLANK_DATE = '        年     月     日';

export interface SignatureItem {
  /** e.g. '签发人：', '验收人（签字）：', '日期：' */
  label: string;
  /** printed on the line (a name, a date, or BLANK_DATE) */
  value?: string;
  /** share of the line's width (default 1) */
  span?: number;
}

const SIG_LINE_H = 26;

/**
 * One line of signature fields spread across the width: “签发人：＿＿＿＿   日期：＿＿年＿月＿日”. Each field gets its
 * share of the width (by `span`), its rule ends `gap` points before the next field.
 */
export function signatureLine(pdf: PdfDoc, items: readonly SignatureItem[], o: { gap?: number } = {}): void {
  if (items.length === 0) return;
  const doc = pdf.doc;
  const gap = o.gap ?? 24;
  const spans = items.reduce((s, it) => s + (it.span ?? 1), 0);
  pdf.ensure(SIG_LINE_H);
  const baseY = pdf.y + 17;
  let x0 = pdf.left;
  items.forEach((it, i) => {
    const w = (pdf.width * (it.span ?? 1)) / spans;
    const end = x0 + w - (i < items.length - 1 ? gap : 0);
    pdf.font(false, PDF_STYLE.body);
    doc.fillColor(PDF_STYLE.text);
    const labelW = doc.widthOfString(it.label);
    doc.text(it.label, x0, pdf.y + 2, { lineBreak: false });
    const x = x0 + labelW + 2;
    const lineW = Math.max(24, end - x);
    doc.moveTo(x, baseY).lineTo(x + lineW, baseY).lineWidth(0.6).strokeColor(PDF_STYLE.border).stroke();
    if (it.value) pdf.line(it.value, x, pdf.y + 2, { width: lineW, align: 'center' });
    x0 += w;
  });
  pdf.y += SIG_LINE_H;
}

/** The height signatureLines(pdf, `lines` lines, { spacing }) takes (to keep it with what precedes it: PdfDoc.keepWithNext). */
export function signatureLinesHeight(lines: number, o: { spacing?: number } = {}): number {
  if (!Number.isInteger(lines) || lines < 0) throw new Error(`signature line count must be an integer ≥ 0, not ${lines}`);
  return lines === 0 ? 0 : lines * SIG_LINE_H + (lines - 1) * (o.spacing ?? 6);
}

/** Several signature lines kept together on one page, `spacing` points apart. */
export function signatureLines(pdf: PdfDoc, lines: readonly (readonly SignatureItem[])[], o: { gap?: number; spacing?: number } = {}): void {
  const spacing = o.spacing ?? 6;
  pdf.ensure(signatureLinesHeight(lines.length, { spacing }));
  lines.forEach((items, i) => {
    if (i > 0) pdf.gap(spacing);
    signatureLine(pdf, items, o);
  });
}

/**
 * Bordered boxes side by side, one per signer: the role at the top (grey), room to sign, and “签字：” and
 * “日期：  年  月  日” lines at the bottom. Kept on one page.
 */
export function signatureBoxes(pdf: PdfDoc, roles: readonly string[], o: { height?: number; dateLabel?: string; signLabel?: string } = {}): void {
  if (roles.length === 0) return;
  const doc = pdf.doc;
  const h = o.height ?? 96;
  const headH = 22;
  pdf.ensure(headH + h);
  const w = pdf.width / roles.length;
  const rows = new RowLayout(pdf, { minRow: headH, padY: 4 });
  rows.row(roles.map((r) => ({ text: r, w, kind: 'label' as const })));
  const top = pdf.y;
  doc.lineWidth(0.75);
  roles.forEach((_, i) => {
    const x = pdf.left + i * w;
    doc.rect(x, top, w, h).strokeColor(PDF_STYLE.border).stroke();
    pdf.font(false, PDF_STYLE.body);
    doc.fillColor(PDF_STYLE.text);
    const sign = o.signLabel ?? '签字：';
    const date = o.dateLabel ?? '日期：';
    const signY = top + h - 46;
    const dateY = top + h - 22;
    doc.text(sign, x + 8, signY, { lineBreak: false });
    const sx = x + 8 + doc.widthOfString(sign) + 2;
    doc.moveTo(sx, signY + 14).lineTo(x + w - 10, signY + 14).lineWidth(0.6).stroke();
    doc.text(date, x + 8, dateY, { lineBreak: false });
    const dx = x + 8 + doc.widthOfString(date) + 2;
    pdf.line(BLANK_DATE.trim().replace(/\s+/g, '\u3000\u3000'), dx, dateY, { width: x + w - 10 - dx, align: 'right' });
    doc.lineWidth(0.75);
  });
  pdf.y = top + h;
}

// ---------------------------------------------------------------------------------------------------------------
// photos

export type ImageKind = 'jpeg' | 'png' | 'webp' | null;
/** What the bytes are (by their signature, not by a claimed MIME type). */
export function sniffImage(data: Buffer): ImageKind {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 8 && data[0] === 0x89 && data.toString('latin1', 1, 4) === 'PNG') return 'png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export interface GridPhoto {
  /** JPEG or PNG bytes (pdfkit embeds no other format; convert first, e.g. attachments.photoAsJpeg) */
  data: Buffer;
  caption?: string;
}
export interface PhotoSkip {
  /** index in the input list */
  index: number;
  reason: 'webp' | 'unsupported' | 'unreadable';
}

/**
 * Photos in a grid of bordered cells (`columns` per row, default 2), each scaled to fit with its caption under it.
 * A row of photos never breaks across pages; with `keepWithNext` the last row leaves that much room under it on its
 * page (PdfDoc.keepWithNext), for the block that follows. Images pdfkit cannot embed are skipped and returned, so
 * the caller can say so in the document's words.
 */
export function photoGrid(
  pdf: PdfDoc,
  photos: readonly GridPhoto[],
  o: { columns?: number; imageHeight?: number; keepWithNext?: number } = {},
): { placed: number; skipped: PhotoSkip[] } {
  const doc = pdf.doc;
  const columns = o.columns ?? 2;
  const imgH = o.imageHeight ?? 170;
  const padX = 6;
  const padY = 5;
  const captionH = 16;
  const cellH = imgH + captionH + 2 * padY;
  const cellW = pdf.width / columns;
  const skipped: PhotoSkip[] = [];
  const usable: { p: GridPhoto; index: number }[] = [];
  photos.forEach((p, index) => {
    const kind = sniffImage(p.data);
    if (kind === 'jpeg' || kind === 'png') usable.push({ p, index });
    else skipped.push({ index, reason: kind === 'webp' ? 'webp' : 'unsupported' });
  });
  let placed = 0;
  for (let i = 0; i < usable.length; i += columns) {
    const last = i + columns >= usable.length;
    pdf.keepWithNext(last ? (o.keepWithNext ?? 0) : 0, () => pdf.ensure(cellH));
    for (let k = 0; k < columns; k++) {
      const x = pdf.left + k * cellW;
      doc.lineWidth(0.75).rect(x, pdf.y, cellW, cellH).strokeColor(PDF_STYLE.border).stroke();
      const u = usable[i + k];
      if (!u) continue;
      try {
        doc.image(u.p.data, x + padX, pdf.y + padY, { fit: [cellW - 2 * padX, imgH], align: 'center', valign: 'center' });
        placed++;
      } catch {
        skipped.push({ index: u.index, reason: 'unreadable' });
      }
      if (u.p.caption) {
        pdf.font(false, PDF_STYLE.small);
        doc.fillColor(PDF_STYLE.muted);
        pdf.line(u.p.caption, x, pdf.y + padY + imgH + 2, { width: cellW, align: 'center' });
        doc.fillColor(PDF_STYLE.text);
      }
    }
    pdf.y += cellH;
  }
  skipped.sort((a, b) => a.index - b.index);
  return { placed, skipped };
}

/** The height of a photo grid row (to keep a heading with the first row). */
export const photoRowHeight = (imageHeight = 170) => imageHeight + 16 + 10;

/** How many of `photos` photoGrid can embed (JPEG and PNG, by their bytes), and so how many rows it draws. */
export function photoGridRows(photos: readonly GridPhoto[], columns = 2): number {
  return Math.ceil(photos.filter((p) => ['jpeg', 'png'].includes(sniffImage(p.data) ?? '')).length / columns);
}
