// The proposal handling report (提案办理情况报告): every proposal of the term with its state, answer and feedback, and
// the counts — what item 5 of the next session reads (congress.proposalReport), and the xlsx export.
import { ANSWER_CLASSES, FEEDBACKS, PROPOSAL_CATEGORIES, PROPOSAL_STATES, type ProposalReport } from '../../../../shared/congress/proposals/types';
import type { FileRef } from '../../../../shared/files';
import { chainHead } from '../../auditChain';
import type { Store } from '../../db/store';
import { writeOutputFile } from '../../documents/output';
import { getEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { PDF_MIME, XLSX_MIME } from '../../kernel/mime';
import { todayLocal } from '../../util';
import { termRow } from '../reps/terms';
import { listProposals } from './queries';

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function proposalReport(store: Store, termId: string): ProposalReport {
  const t = termRow(store, termId);
  const rows = listProposals(store, { termId, state: null, category: null, overdue: false, search: null });
  const byState = zeros(PROPOSAL_STATES);
  const byCategory = zeros(PROPOSAL_CATEGORIES);
  const byAnswer = zeros(ANSWER_CLASSES);
  const byFeedback = zeros(FEEDBACKS);
  let overdue = 0;
  let linked = 0;
  let closed = 0;
  for (const r of rows) {
    byState[r.state]++;
    byCategory[r.category]++;
    if (r.answerClass) byAnswer[r.answerClass]++;
    if (r.feedback) byFeedback[r.feedback]++;
    if (r.overdue) overdue++;
    linked += r.hazards.total;
    closed += r.hazards.closed;
  }
  return {
    termId,
    termNumber: t.number,
    asOf: todayLocal(),
    rows,
    counts: { total: rows.length, byState, byCategory, byAnswer, byFeedback, overdue, hazards: { linked, closed } },
  };
}

/** 提案办理情况表 (xlsx) as an output file; exceljs loads on the first export. */
export async function proposalReportXlsx(ctx: Ctx, termId: string): Promise<FileRef> {
  const r = proposalReport(ctx.store, termId);
  const doc = { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint };
  const { writeProposalReportXlsx } = await import('./xlsx');
  return writeOutputFile(ctx.env.files, `提案办理情况表-第${r.termNumber}届-${r.asOf}.xlsx`, XLSX_MIME, (p) => writeProposalReportXlsx(p, r, doc));
}

/** 提案办理情况报告 (PDF) for the printed minutes' annex; pdfkit loads on the first document. */
export async function proposalReportPdf(ctx: Ctx, termId: string): Promise<FileRef> {
  const r = proposalReport(ctx.store, termId);
  const doc = { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint };
  const { renderProposalReportPdf } = await import('./pdf');
  return ctx.env.files.fromBuffer(`提案办理情况报告-第${r.termNumber}届-${r.asOf}.pdf`, PDF_MIME, await renderProposalReportPdf(r, doc));
}
