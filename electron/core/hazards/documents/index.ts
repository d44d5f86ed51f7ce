// The hazard ledger's documents as output files: which records may print what, file names, photos to embed, the
// data fingerprint on the statistics table. Large exports stream straight into the output file.
import fs from 'node:fs';
import { categoryText, gradeText, periodText, riskText, sourceText, statusText } from './text';
import { isImageMime } from '../../../../shared/attachments/rules';
import { noticePrintable } from '../../../../shared/hazards/rules';
import type { HazardQuery } from '../../../../shared/hazards/schemas';
import type { HazardDetail } from '../../../../shared/hazards/types';
import type { FileRef } from '../../../../shared/files';
import { AppError } from '../../../../shared/result';
import { photoAsJpeg } from '../../attachments/service';
import { chainHead } from '../../auditChain';
import { writeOutputFile } from '../../documents/output';
import { getEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { PDF_MIME, XLSX_MIME } from '../../kernel/mime';
import { stamp } from '../../util';
import { getHazard } from '../queries';
import { hazardStats } from '../stats';
import { ledgerSource } from './ledgerSource';
import type { PdfPhoto } from './pdf';

// pdfkit and exceljs load on the first document, not at start (they cost ~0.5 s of the core's start-up)
const pdf = () => import('./pdf');
const xlsx = () => import('./xlsx');

/** Statuses whose acceptance record (验收记录) can be printed: once submitted for acceptance. */
export const ACCEPTANCE_PRINTABLE = ['submitted', 'closed'] as const;

/**
 * The photos a document embeds (at most 4). After-photos: the latest submission round's first, then earlier (rejected)
 * rounds', each with its round so the captions tell them apart.
 */
async function photosOf(ctx: Ctx, h: HazardDetail, phase: 'before' | 'after'): Promise<PdfPhoto[]> {
  const out: PdfPhoto[] = [];
  const round = (id: string) => h.photoRounds?.[id] ?? 1;
  // photos only: a document can never be linked as a photo, and would not be embedded if it were
  const list = h.photos.filter((x) => x.phase === phase && isImageMime(x.mime));
  if (phase === 'after') list.sort((a, b) => round(b.id) - round(a.id));
  for (const p of list.slice(0, 4)) {
    const data = await photoAsJpeg(ctx.store, ctx.env.paths.attachments, p.id);
    out.push(phase === 'after' ? { phase, data, mime: 'image/jpeg', round: round(p.id) } : { phase, data, mime: 'image/jpeg' });
  }
  return out;
}

const outputFile = (ctx: Ctx, fileName: string, mime: string, write: (filePath: string) => Promise<unknown>) =>
  writeOutputFile(ctx.env.files, fileName, mime, write);

export async function noticePdf(ctx: Ctx, id: string): Promise<FileRef> {
  const h = getHazard(ctx.store, id, ctx.operator);
  // the notice states the 五落实 (责任人, 措施, 资金, 期限, 预案): none before they are assigned, none for a voided hazard
  if (h.status === 'cancelled') throw new AppError('CONFLICT', 'err.hazard.noticeCancelled');
  if (!noticePrintable(h)) throw new AppError('CONFLICT', 'err.hazard.noticeNotYet');
  const photos = await photosOf(ctx, h, 'before');
  const buffer = await (await pdf()).renderRectificationNotice(h, { enterprise: getEnterprise(ctx.store), issuedBy: ctx.actor.name, photos });
  return ctx.env.files.fromBuffer(`整改通知单-${h.serial}.pdf`, PDF_MIME, buffer);
}

export async function acceptancePdf(ctx: Ctx, id: string): Promise<FileRef> {
  const h = getHazard(ctx.store, id, ctx.operator);
  if (!(ACCEPTANCE_PRINTABLE as readonly string[]).includes(h.status)) {
    throw new AppError('CONFLICT', 'err.hazard.acceptanceNotYet', { status: `@hazardStatus.${h.status}` });
  }
  const photos = await photosOf(ctx, h, 'after');
  const buffer = await (await pdf()).renderAcceptanceRecord(h, { enterprise: getEnterprise(ctx.store), issuedBy: ctx.actor.name, photos });
  return ctx.env.files.fromBuffer(`验收记录-${h.serial}.pdf`, PDF_MIME, buffer);
}

export async function statsPdf(ctx: Ctx, year: number, quarter: number | null): Promise<FileRef> {
  const stats = hazardStats(ctx.store, year, quarter);
  // the audit chain's head (auditChain.ts): the signed paper names the exact state of the record it was made from
  const buffer = await (await pdf()).renderStatsTable(stats, { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint });
  return ctx.env.files.fromBuffer(`隐患排查治理统计表-${periodText(year, quarter)}.pdf`, PDF_MIME, buffer);
}

export async function statsXlsx(ctx: Ctx, year: number, quarter: number | null): Promise<FileRef> {
  const stats = hazardStats(ctx.store, year, quarter);
  const ctxDoc = { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint };
  const { writeStatsXlsx } = await xlsx();
  return outputFile(ctx, `隐患排查治理统计表-${periodText(year, quarter)}.xlsx`, XLSX_MIME, (p) => writeStatsXlsx(p, stats, ctxDoc));
}

/** 隐患台账: streamed into the output file chunk by chunk, with progress; a cancelled job leaves no file behind. */
export async function ledgerXlsx(ctx: Ctx, q: Omit<HazardQuery, 'page' | 'pageSize'>): Promise<FileRef> {
  const enterprise = getEnterprise(ctx.store);
  const { total, rows } = ledgerSource(ctx.store, q);
  ctx.job.report(0, total, undefined, true);
  const { writeLedgerXlsx } = await xlsx();
  return outputFile(ctx, `隐患台账-${stamp()}.xlsx`, XLSX_MIME, (p) =>
    writeLedgerXlsx(p, rows, { enterprise, total, progress: (done, all, last) => ctx.job.report(done, all, undefined, last) }),
  );
}

/** The most hazards one printed ledger takes (about 20 a page: 250 pages); more: narrow the filter or use the xlsx. */
export const LEDGER_PDF_MAX = 5000;

/** 隐患台账 as a PDF of the current filter (what 打印 prints), with progress; bounded at LEDGER_PDF_MAX rows. */
export async function ledgerPdf(ctx: Ctx, q: Omit<HazardQuery, 'page' | 'pageSize'>): Promise<FileRef> {
  const enterprise = getEnterprise(ctx.store);
  const { total, rows } = ledgerSource(ctx.store, q);
  if (total > LEDGER_PDF_MAX) throw new AppError('VALIDATION', 'err.hazard.ledgerPdfTooMany', { n: total, max: LEDGER_PDF_MAX });
  ctx.job.report(0, total, undefined, true);
  const { renderLedgerPdf } = await pdf();
  return outputFile(ctx, `隐患台账-${stamp()}.pdf`, PDF_MIME, async (p) => {
    const buffer = await renderLedgerPdf(rows, {
      enterprise,
      total,
      filterText: ledgerFilterText(ctx, q),
      progress: (done, all, last) => ctx.job.report(done, all, undefined, last),
    });
    await fs.promises.writeFile(p, buffer);
  });
}

/** The ledger filter in words for the printed page (Chinese, like the document). */
export function ledgerFilterText(ctx: Pick<Ctx, 'store'>, q: Omit<HazardQuery, 'page' | 'pageSize'>): string {
  const parts: string[] = [];
  parts.push(`状态：${q.status === 'open' ? '未销号' : q.status === 'all' ? '全部' : statusText(q.status)}`);
  if (q.grade) parts.push(`等级：${gradeText(q.grade)}`);
  if (q.risk) parts.push(`风险：${riskText(q.risk)}`);
  if (q.orgUnitId) {
    const u = ctx.store.get<{ name: string }>('SELECT name FROM org_units WHERE id = ?', [q.orgUnitId]);
    if (u) parts.push(`车间/班组：${u.name}`);
  }
  if (q.category1) parts.push(`类别：${categoryText(q.category1, null)}`);
  if (q.source) parts.push(`来源：${sourceText(q.source)}`);
  if (q.overdue) parts.push('只看逾期');
  if (q.from || q.to) parts.push(`发现日期：${q.from ?? '…'} 至 ${q.to ?? '…'}`);
  if (q.search.trim()) parts.push(`搜索：${q.search.trim()}`);
  return parts.join('；');
}
