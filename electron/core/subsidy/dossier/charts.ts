// Simple horizontal bar charts drawn straight into a dossier PDF (no image library): a caption, then one row per bar —
// its label at the left, a filled bar scaled to the largest value, the value's text after the bar. Kept on one page.
import { PDF_STYLE, type PdfDoc } from '../../documents/pdf';

export interface Bar {
  label: string;
  value: number;
  /** shown after the bar (default: the value) */
  text?: string;
}

const ROW = 16;
const LABEL_W = 130;
const VALUE_W = 70;

export function barChartHeight(bars: readonly Bar[]): number {
  return 20 + Math.max(1, bars.length) * ROW + 8;
}

export function barChart(pdf: PdfDoc, caption: string, bars: readonly Bar[], color = '#4472C4'): void {
  const doc = pdf.doc;
  pdf.ensure(barChartHeight(bars));
  pdf.font(true, PDF_STYLE.small + 0.5);
  doc.fillColor(PDF_STYLE.text);
  pdf.line(caption, pdf.left, pdf.y, { width: pdf.width });
  pdf.y += 20;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const barW = pdf.width - LABEL_W - VALUE_W - 8;
  pdf.font(false, PDF_STYLE.small);
  if (bars.length === 0) {
    doc.fillColor(PDF_STYLE.muted);
    pdf.line('（无数据）', pdf.left, pdf.y, { width: pdf.width });
    pdf.y += ROW;
  }
  for (const b of bars) {
    doc.fillColor(PDF_STYLE.text);
    pdf.line(b.label, pdf.left, pdf.y + 2, { width: LABEL_W - 6, align: 'right' });
    const w = max > 0 ? Math.max(b.value > 0 ? 1 : 0, (b.value / max) * barW) : 0;
    if (w > 0) doc.save().rect(pdf.left + LABEL_W, pdf.y + 3, w, ROW - 6).fillColor(color).fill().restore();
    doc.fillColor(PDF_STYLE.text);
    pdf.line(b.text ?? String(b.value), pdf.left + LABEL_W + w + 4, pdf.y + 2, { width: VALUE_W });
    pdf.y += ROW;
  }
  doc.save().moveTo(pdf.left + LABEL_W, pdf.y - bars.length * ROW).lineTo(pdf.left + LABEL_W, pdf.y).lineWidth(0.6).strokeColor(PDF_STYLE.muted).stroke().restore();
  pdf.y += 8;
}
