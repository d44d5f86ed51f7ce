// Words of the proposal handling report shared by its xlsx and PDF (pure: no exceljs or pdfkit here).
import type { ProposalReport } from '../../../../shared/congress/proposals/types';

export function hazardText(h: { total: number; closed: number; allClosed: boolean }): string {
  if (h.total === 0) return '';
  return h.allClosed ? `${h.total} 项，已全部销号` : `${h.total} 项，已销号 ${h.closed} 项`;
}

export function countsText(r: ProposalReport): string {
  const c = r.counts;
  const filed = c.total - c.byState.submitted - c.byState.referred - c.byState.rejected;
  return [
    `共收到提案 ${c.total} 件，立案 ${filed} 件，转意见建议 ${c.byState.referred} 件，不予立案 ${c.byState.rejected} 件，待审查 ${c.byState.submitted} 件`,
    `已答复 A 类 ${c.byAnswer.A} 件、B 类 ${c.byAnswer.B} 件、C 类 ${c.byAnswer.C} 件；办理中 ${c.byState.assigned} 件，其中逾期 ${c.overdue} 件`,
    `提案人满意 ${c.byFeedback.satisfied} 件、基本满意 ${c.byFeedback.basically} 件、不满意 ${c.byFeedback.dissatisfied} 件`,
    `关联隐患 ${c.hazards.linked} 项，已销号 ${c.hazards.closed} 项`,
  ].join('；') + '。';
}
