// 提案办理情况表 as xlsx on the shared toolkit (electron/core/documents/xlsx): one row per proposal, then the counts.
import type { ProposalReport } from '../../../../shared/congress/proposals/types';
import type { Enterprise } from '../../../../shared/enterprise/types';
import { term } from '../../../../shared/glossary';
import { writeXlsxFile, type XlsxColumn } from '../../documents/xlsx';
import { countsText, hazardText } from './text';

const COLUMNS = [
  { header: '序号', width: 6, format: 'integer', align: 'center' },
  { header: '提案编号', width: 15, format: 'id', align: 'center' },
  { header: '案由', width: 34, wrap: true },
  { header: '类别', width: 13, align: 'center' },
  { header: '提案人', width: 10, align: 'center' },
  { header: '附议人数', width: 9, format: 'integer' },
  { header: '提交日期', width: 12, format: 'date' },
  { header: '主办单位', width: 14, align: 'center' },
  { header: '办理期限', width: 12, format: 'date' },
  { header: '状态', width: 12, align: 'center' },
  { header: '是否逾期', width: 9, align: 'center' },
  { header: '答复类别', width: 22, wrap: true },
  { header: '提案人意见', width: 11, align: 'center' },
  { header: '关联隐患', width: 16, wrap: true },
] as const satisfies readonly XlsxColumn[];

const t = (key: string) => term(key);

export async function writeProposalReportXlsx(filePath: string, r: ProposalReport, ctx: { enterprise: Enterprise; fingerprint?: string; now?: Date }): Promise<number> {
  const now = ctx.now ?? new Date();
  return writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({
        name: '提案办理情况',
        columns: COLUMNS,
        title: `${ctx.enterprise.name}第${r.termNumber}届职工代表大会提案办理情况表`,
        subtitle: { left: `统计日期：${r.asOf}`, right: `共 ${r.counts.total} 件` },
        print: { ...(ctx.fingerprint ? { footerLeft: `数据指纹 ${ctx.fingerprint}` } : {}) },
      });
      r.rows.forEach((p, i) =>
        sheet.addRow([
          i + 1,
          p.serial,
          p.title,
          t(`congress.proposal.category.${p.category}`),
          p.proposer.name,
          p.cosigners,
          p.submittedOn,
          p.leadUnitName ?? '',
          p.dueDate ?? '',
          t(`congress.proposal.state.${p.state}`) + (p.round === 2 && p.state === 'assigned' ? '（再次答复）' : ''),
          p.overdue ? '逾期' : '',
          p.answerClass ? t(`congress.proposal.answer.${p.answerClass}`) : '',
          p.feedback ? t(`congress.proposal.feedback.${p.feedback}`) : '',
          hazardText(p.hazards),
        ]),
      );
      sheet.addText([{ text: `说明：${countsText(r)}`, from: 1, to: COLUMNS.length }], { height: 48, wrap: true, gapBefore: 1 });
      sheet.addText(
        [
          { text: '填表人：', from: 1, to: 3 },
          { text: '审核人：', from: 4, to: 7 },
          { text: '工会主席（签字）：', from: 8, to: 11 },
          { text: '日期：      年    月    日', from: 12, to: 14 },
        ],
        { height: 30, gapBefore: 1 },
      );
      sheet.commit();
    },
    { createdAt: now },
  );
}
