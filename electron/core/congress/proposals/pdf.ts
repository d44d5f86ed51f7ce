// 提案办理情况报告 as PDF on the shared toolkit (electron/core/documents/pdf): title, one row per proposal with its
// state, answer, feedback and linked hazards, the counts in words, signature lines, the audit-chain fingerprint.
import type { ProposalReport } from '../../../../shared/congress/proposals/types';
import type { Enterprise } from '../../../../shared/enterprise/types';
import { term } from '../../../../shared/glossary';
import { BLANK_DATE, createPdf, PdfTable, runningHeader, signatureLines, signatureLinesHeight, titleBlock, type TableColumn } from '../../documents/pdf';
import { countsText, hazardText } from './text';

const COLUMNS: TableColumn[] = [
  { header: '序号', width: 28, align: 'center' },
  { header: '提案编号', width: 78, onSplit: 'repeat' },
  { header: '案由', flex: 1 },
  { header: '类别', width: 58, align: 'center' },
  { header: '提案人', width: 48, align: 'center' },
  { header: '主办单位', width: 66, align: 'center' },
  { header: '状态', width: 56, align: 'center' },
  { header: '答复类别', width: 70, align: 'center' },
  { header: '提案人\n意见', width: 48, align: 'center' },
  { header: '关联隐患', width: 84 },
];

export async function renderProposalReportPdf(r: ProposalReport, ctx: { enterprise: Enterprise; fingerprint?: string; now?: Date }): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = `第${r.termNumber}届职工代表大会提案办理情况报告`;
  const pdf = createPdf({ title, subject: `${ctx.enterprise.name} ${title}`, landscape: true, createdAt: now });
  titleBlock(pdf, { enterprise: ctx.enterprise.name, title, left: `统计日期：${r.asOf}`, right: `共 ${r.counts.total} 件` });
  runningHeader(pdf, `${ctx.enterprise.name}  ${title}（续）`, `统计日期：${r.asOf}`);
  const table = new PdfTable(pdf, COLUMNS, { minRow: 20, padY: 3 }).begin();
  if (r.rows.length === 0) table.note('本届尚无提案');
  r.rows.forEach((p, i) =>
    table.row([
      i + 1,
      p.serial,
      p.title,
      term(`congress.proposal.category.${p.category}`),
      p.proposer.name,
      p.leadUnitName ?? '',
      term(`congress.proposal.state.${p.state}`) + (p.overdue ? '（逾期）' : ''),
      p.answerClass ? term(`congress.proposal.answer.${p.answerClass}`).split('：')[0]! : '',
      p.feedback ? term(`congress.proposal.feedback.${p.feedback}`) : '',
      hazardText(p.hazards),
    ]),
  );
  table.end();
  const summary = `说明：${countsText(r)}`;
  pdf.gap(10);
  pdf.ensure(Math.min(pdf.paraHeight(summary), 120) + 12 + signatureLinesHeight(1));
  pdf.para(summary, { gap: 12 });
  signatureLines(pdf, [[{ label: '填表人：' }, { label: '审核人：' }, { label: '工会主席（签字）：' }, { label: '日期：', value: BLANK_DATE }]], { gap: 20 });
  return pdf.finish({ left: title, ...(ctx.fingerprint ? { fingerprint: ctx.fingerprint } : {}) });
}
