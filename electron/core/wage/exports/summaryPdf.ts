// The monthly summary of an approved run (能级工资月度汇总表) for the committee to sign: per workshop the workers, each
// component and the total (元 from the run's integer fen), vetoes; the totals row; who calculated, reviewed and approved
// the run and when; the budget used; signature lines for 制表 / 复核 / 审批 and the union's labour-protection committee;
// the audit-chain fingerprint printed on every page (and named in the text) so the paper matches the record.
import type { Enterprise } from '../../../../shared/enterprise/types';
import { periodCn, yuanGrouped, type WorkshopSummary } from '../../../../shared/wage/exports/layout';
import type { RunSummary } from '../../../../shared/wage/runs/types';
import { BLANK_DATE, createPdf, PdfTable, signatureLines, signatureLinesHeight, titleBlock, type TableColumn } from '../../documents/pdf';

export interface SummaryCtx {
  enterprise: Enterprise;
  run: RunSummary;
  fingerprint: string;
  now?: Date;
}

const stamp = (at: string | null) => (at ? at.slice(0, 16).replace('T', ' ') : '');

export async function renderSummary(sum: WorkshopSummary, ctx: SummaryCtx): Promise<Buffer> {
  const r = ctx.run;
  const title = `${periodCn(r.period)}能级工资汇总表`;
  // up to four components a portrait page (room for ten workshops, the totals and the signatures on one page); more:
  // landscape, so 元 amounts of six figures stay on one line
  const landscape = sum.heads.length > 4;
  const pdf = createPdf({ title, subject: `${ctx.enterprise.name} ${title}`, createdAt: ctx.now ?? new Date(), landscape });
  titleBlock(pdf, { enterprise: ctx.enterprise.name, title, left: `方案：${r.schemeName}（第 ${r.schemeVersion} 版）\u3000核算：第 ${r.version} 次`, right: '单位：元' });
  const columns: TableColumn[] = [
    { header: '车间', flex: 1 },
    { header: '人数', width: 34, align: 'right' },
    ...sum.heads.map((h): TableColumn => ({ header: h.name, flex: 1, align: 'right' })),
    { header: '合计', flex: 1.2, align: 'right' },
    { header: '一票\n否决', width: 32, align: 'right' },
  ];
  const t = sum.totals;
  const budget = r.budget ? `本期奖金预算 ${yuanGrouped(r.budget.budgetFen)} 元，已用 ${yuanGrouped(r.budget.usedFen)} 元。` : '';
  const paras: [string, { size?: number; color?: string }][] = [
    [`本月参加核算职工 ${t.workers} 人，发放合计 ${yuanGrouped(t.totalFen)} 元；安全类项目金额大于零的 ${r.safetyPaid} 人；因事故适用一票否决 ${t.vetoes} 人。${budget}`, {}],
    [`计算：${r.calculatedBy} ${stamp(r.calculatedAt)}\u3000复核：${r.reviewedBy ?? ''} ${stamp(r.reviewedAt)}\u3000审批：${r.approvedBy ?? ''} ${stamp(r.approvedAt)}`, { size: 9.5 }],
    [`本表依据已审批的核算结果生成，金额以分为单位计算，每项四舍五入，合计为各项之和。审计链指纹：${ctx.fingerprint}。`, { size: 9, color: '#555555' }],
  ];
  const lines = [
    [{ label: '制表（签字）：' }, { label: '复核（签字）：' }, { label: '审批（签字）：' }],
    [{ label: '工会劳动保护监督检查委员会（签字）：', span: 2 }, { label: '日期：', value: BLANK_DATE }],
  ];
  const signH = signatureLinesHeight(lines.length, { spacing: 12 });
  const tailH = 8 + paras.reduce((h, [text, o]) => h + pdf.paraHeight(text, o) + 6, 0) + 12 + signH;

  const table = new PdfTable(pdf, columns, { minRow: 18, padY: 2, padX: 3 }).begin();
  if (sum.rows.length === 0) table.note('本次核算没有职工。');
  for (const w of sum.rows) table.row([w.workshop, w.workers, ...w.amounts.map(yuanGrouped), yuanGrouped(w.totalFen), w.vetoes]);
  // the totals row stays on the page of the sentences and the signatures: nobody signs a page without the figures
  pdf.keepWithNext(tailH, () => table.row(['合计', t.workers, ...t.amounts.map(yuanGrouped), yuanGrouped(t.totalFen), t.vetoes], 'total'));
  table.end();
  pdf.gap(8);
  for (const [text, o] of paras) pdf.para(text, o);
  pdf.gap(12);
  signatureLines(pdf, lines, { gap: 20, spacing: 12 });
  return pdf.finish({ left: title, fingerprint: ctx.fingerprint });
}
