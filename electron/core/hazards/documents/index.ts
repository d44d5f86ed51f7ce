// The hazard ledger's documents as output files: which records may print what, file names, photos to embed, the
// data fingerprint on the statistics table. Large exports stream straight into the output file.
import { periodText } from './text';
import type { HazardQuery } from '../../../../shared/hazards/schemas';
import type { HazardDetail } from '../../../../shared/hazards/types';
import type { FileRef } from '../../../../shared/files';
import { AppError } from '../../../../shared/result';
import { photoAsJpeg } from '../../attachments/service';
import { auditFingerprint } from '../../documents/fingerprint';
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

async function photosOf(ctx: Ctx, h: HazardDetail, phase: 'before' | 'after'): Promise<PdfPhoto[]> {
  const out: PdfPhoto[] = [];
  for (const p of h.photos.filter((x) => x.phase === phase).slice(0, 4)) {
    out.push({ phase, data: await photoAsJpeg(ctx.store, ctx.env.paths.attachments, p.id), mime: 'image/jpeg' });
  }
  return out;
}

const outputFile = (ctx: Ctx, fileName: string, mime: string, write: (filePath: string) => Promise<unknown>) =>
  writeOutputFile(ctx.env.files, fileName, mime, write);

export async function noticePdf(ctx: Ctx, id: string): Promise<FileRef> {
  const h = getHazard(ctx.store, id, ctx.operator);
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
  const buffer = await (await pdf()).renderStatsTable(stats, { enterprise: getEnterprise(ctx.store), fingerprint: auditFingerprint(ctx.store) });
  return ctx.env.files.fromBuffer(`隐患排查治理统计表-${periodText(year, quarter)}.pdf`, PDF_MIME, buffer);
}

export async function statsXlsx(ctx: Ctx, year: number, quarter: number | null): Promise<FileRef> {
  const stats = hazardStats(ctx.store, year, quarter);
  const ctxDoc = { enterprise: getEnterprise(ctx.store), fingerprint: auditFingerprint(ctx.store) };
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
