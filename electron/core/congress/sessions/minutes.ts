// The session's documents as output files: the papers (notice, sign-in sheet, ballots) once issued; the minutes once the
// session has opened (a draft while it runs, the record once closed).
import type { FileRef } from '../../../../shared/files';
import { AppError } from '../../../../shared/result';
import { chainHead } from '../../auditChain';
import { getEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { writeOutputFile } from '../../documents/output';
import { PDF_MIME, XLSX_MIME } from '../../kernel/mime';
import { listAttendance } from './day';
import { getSession } from './sessions';

export async function minutesPdf(ctx: Ctx, id: string): Promise<FileRef> {
  const s = getSession(ctx.store, id);
  if (s.status !== 'in_session' && s.status !== 'closed') throw new AppError('CONFLICT', 'err.congress.session.minutesNotYet');
  // pdfkit loads on the first document, not at start
  const { renderMinutes, sessionTitleCn } = await import('./minutesPdf');
  const buffer = await renderMinutes(s, { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint });
  return ctx.env.files.fromBuffer(`${sessionTitleCn(s)}纪要.pdf`, PDF_MIME, buffer);
}

export type Paper = 'notice' | 'signIn' | 'ballots';
const PAPER_NAMES: Record<Paper, string> = { notice: '会议通知', signIn: '代表签到表', ballots: '表决票' };

/** The papers: from the moment they are issued (the notice shows the date it went out). */
export async function papersPdf(ctx: Ctx, id: string, paper: Paper): Promise<FileRef> {
  const s = getSession(ctx.store, id);
  if (s.status === 'preparing') throw new AppError('CONFLICT', 'err.congress.session.papersNotYet');
  const p = await import('./papersPdf');
  const doc = { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint };
  const buffer =
    paper === 'notice' ? await p.renderNotice(s, doc) : paper === 'signIn' ? await p.renderSignIn(s, listAttendance(ctx.store, id, null).rows, doc) : await p.renderBallots(s, doc);
  const { sessionTitleCn } = await import('./minutesPdf');
  return ctx.env.files.fromBuffer(`${sessionTitleCn(s)}${PAPER_NAMES[paper]}.pdf`, PDF_MIME, buffer);
}

/** The resolutions alone (决议): once the session has opened (a draft while it runs), like the minutes. */
export async function resolutionsPdf(ctx: Ctx, id: string): Promise<FileRef> {
  const s = getSession(ctx.store, id);
  if (s.status !== 'in_session' && s.status !== 'closed') throw new AppError('CONFLICT', 'err.congress.session.resolutionsNotYet');
  const { renderResolutions } = await import('./resolutionsPdf');
  const { sessionTitleCn } = await import('./minutesPdf');
  const buffer = await renderResolutions(s, { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint });
  return ctx.env.files.fromBuffer(`${sessionTitleCn(s)}决议.pdf`, PDF_MIME, buffer);
}

/** The vote results (表决结果统计表) as xlsx: once the session has opened; exceljs loads on the first export. */
export async function voteResultsXlsx(ctx: Ctx, id: string): Promise<FileRef> {
  const s = getSession(ctx.store, id);
  if (s.status !== 'in_session' && s.status !== 'closed') throw new AppError('CONFLICT', 'err.congress.session.votesNotYet');
  const { writeVoteResultsXlsx } = await import('./votesXlsx');
  const { sessionTitleCn } = await import('./minutesPdf');
  const doc = { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint };
  return writeOutputFile(ctx.env.files, `${sessionTitleCn(s)}表决结果.xlsx`, XLSX_MIME, (p) => writeVoteResultsXlsx(p, s, doc));
}
