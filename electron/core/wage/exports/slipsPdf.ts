// The pay slips (能级工资条) as one PDF to print and cut: several slips to an A4 page, each kept whole — a title line
// with the enterprise and the period, a row with 工号 / 姓名 / 车间 / 班组, the components with their amounts (元, two
// decimals, from the run's integer fen) and 合计, and why an amount was reduced (一票否决, pro rata, caps); a dashed
// cutting line between slips; the scheme version and the audit-chain fingerprint at the foot of every page.
import type { Enterprise } from '../../../../shared/enterprise/types';
import { periodCn, yuanGrouped, type SlipBlock } from '../../../../shared/wage/exports/layout';
import type { RunSummary } from '../../../../shared/wage/runs/types';
import { createPdf, PDF_STYLE, RowLayout, type Cell, type PdfDoc } from '../../documents/pdf';

export interface SlipsCtx {
  enterprise: Enterprise;
  run: RunSummary;
  fingerprint: string;
  now?: Date;
}

/** components per row of a slip (the rest continue in a second pair of rows) */
export const SLIP_COLUMNS = 7;

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out.length > 0 ? out : [[]];
}

function slipRows(pdf: PdfDoc, s: SlipBlock): Cell[][] {
  const w = pdf.width;
  const label = 44;
  const val = w / 4 - label;
  const info: Cell[] = [
    { text: '工号', w: label, kind: 'label' },
    { text: s.empNo, w: val, kind: 'value' },
    { text: '姓名', w: label, kind: 'label' },
    { text: s.name, w: val, kind: 'value' },
    { text: '车间', w: label, kind: 'label' },
    { text: s.workshop, w: val, kind: 'value' },
    { text: '班组', w: label, kind: 'label' },
    { text: s.team, w: val, kind: 'value' },
  ];
  const rows: Cell[][] = [info];
  const items: { name: string; text: string; total?: boolean }[] = [...s.items.map((i) => ({ name: i.name, text: yuanGrouped(i.fen) })), { name: '合计', text: yuanGrouped(s.totalFen), total: true }];
  for (const part of chunks(items, SLIP_COLUMNS + 1)) {
    const cw = w / Math.max(part.length, Math.min(items.length, SLIP_COLUMNS + 1));
    const used = cw * part.length;
    const pad = w - used > 1 ? [{ text: '', w: w - used, kind: 'value' as const }] : [];
    rows.push([...part.map((p): Cell => ({ text: p.name, w: cw, kind: 'head', align: 'center' })), ...pad.map((c) => ({ ...c, kind: 'head' as const }))]);
    rows.push([...part.map((p): Cell => ({ text: p.text, w: cw, kind: p.total ? 'total' : 'value', align: 'right' })), ...pad]);
  }
  return rows;
}

/** All slips in the run's order; an empty run gives one page saying so. */
export async function renderSlips(slips: readonly SlipBlock[], ctx: SlipsCtx): Promise<Buffer> {
  const title = `${periodCn(ctx.run.period)}能级工资条`;
  const pdf = createPdf({ title, subject: `${ctx.enterprise.name} ${title}`, createdAt: ctx.now ?? new Date(), margins: { top: 36, bottom: 50 } });
  const layout = new RowLayout(pdf, { minRow: 20, padY: 3, padX: 4, keepTogether: 400 });
  const doc = pdf.doc;
  if (slips.length === 0) pdf.para('本次核算没有职工。', { align: 'center' });
  slips.forEach((s, k) => {
    const rows = slipRows(pdf, s);
    const note = s.notes.length > 0 ? `说明：${s.notes.join('；')}。` : '';
    const titleH = 18;
    const noteH = note ? pdf.paraHeight(note, { size: PDF_STYLE.small }) + 4 : 0;
    const h = titleH + rows.reduce((t, r) => t + layout.height(r), 0) + noteH + 22;
    if (k > 0 && pdf.y + h > pdf.bottom) pdf.newPage();
    else if (k > 0) {
      // the cutting line between two slips on a page
      const y = pdf.y + 8;
      doc.save().moveTo(pdf.left, y).lineTo(pdf.left + pdf.width, y).dash(4, { space: 3 }).lineWidth(0.5).strokeColor('#888888').stroke().restore();
      pdf.gap(16);
    }
    pdf.font(true, 11.5);
    doc.fillColor(PDF_STYLE.text);
    pdf.line(`${ctx.enterprise.name}\u3000${title}`, pdf.left, pdf.y, { width: pdf.width * 0.85 });
    pdf.font(false, PDF_STYLE.small);
    pdf.line('单位：元', pdf.left + pdf.width * 0.85, pdf.y + 2, { width: pdf.width * 0.15, align: 'right' });
    pdf.gap(titleH);
    for (const r of rows) layout.row(r);
    if (note) {
      pdf.gap(3);
      pdf.para(note, { size: PDF_STYLE.small, gap: 0 });
    }
    pdf.gap(4);
  });
  return pdf.finish({ left: `${title} · ${ctx.run.schemeName} 第 ${ctx.run.schemeVersion} 版`, fingerprint: ctx.fingerprint });
}
