// The hazard ledger's documents as output files: which records may print what, file names, photos to embed.
import { periodText } from './text';
import type { HazardQuery } from '../../../../shared/hazards/schemas';
import type { HazardDetail } from '../../../../shared/hazards/types';
import type { FileRef } from '../../../../shared/files';
import { AppError } from '../../../../shared/result';
import { photoAsJpeg } from '../../attachments/service';
import { getEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { PDF_MIME, XLSX_MIME } from '../../kernel/mime';
import { stamp } from '../../util';
import { getHazard, iterateHazards } from '../queries';
import { hazardStats } from '../stats';
import { renderAcceptanceRecord, renderRectificationNotice, renderStatsTable, type PdfPhoto } from './pdf';
import { exportLedgerXlsx, exportStatsXlsx } from './xlsx';

/** Statuses whose acceptance record (验收记录) can be printed: once submitted for acceptance. */
export const ACCEPTANCE_PRINTABLE = ['submitted', 'closed'] as const;

async function photosOf(ctx: Ctx, h: HazardDetail, phase: 'before' | 'after'): Promise<PdfPhoto[]> {
  const out: PdfPhoto[] = [];
  for (const p of h.photos.filter((x) => x.phase === phase).slice(0, 4)) {
    out.push({ phase, data: await photoAsJpeg(ctx.store, ctx.env.paths.attachments, p.id), mime: 'image/jpeg' });
  }
  return out;
}

export async function noticePdf(ctx: Ctx, id: string): Promise<FileRef> {
  const h = getHazard(ctx.store, id, ctx.operator);
  const photos = await photosOf(ctx, h, 'before');
  const buffer = await renderRectificationNotice(h, { enterprise: getEnterprise(ctx.store), issuedBy: ctx.actor.name, photos });
  return ctx.env.files.fromBuffer(`整改通知单-${h.serial}.pdf`, PDF_MIME, buffer);
}

export async function acceptancePdf(ctx: Ctx, id: string): Promise<FileRef> {
  const h = getHazard(ctx.store, id, ctx.operator);
  if (!(ACCEPTANCE_PRINTABLE as readonly string[]).includes(h.status)) {
    throw new AppError('CONFLICT', 'err.hazard.acceptanceNotYet', { status: `@hazardStatus.${h.status}` });
  }
  const photos = await photosOf(ctx, h, 'after');
  const buffer = await renderAcceptanceRecord(h, { enterprise: getEnterprise(ctx.store), issuedBy: ctx.actor.name, photos });
  return ctx.env.files.fromBuffer(`验收记录-${h.serial}.pdf`, PDF_MIME, buffer);
}

export async function statsPdf(ctx: Ctx, year: number, quarter: number | null): Promise<FileRef> {
  const buffer = await renderStatsTable(hazardStats(ctx.store, year, quarter), { enterprise: getEnterprise(ctx.store) });
  return ctx.env.files.fromBuffer(`隐患排查治理统计表-${periodText(year, quarter)}.pdf`, PDF_MIME, buffer);
}

export async function statsXlsx(ctx: Ctx, year: number, quarter: number | null): Promise<FileRef> {
  const buffer = await exportStatsXlsx(hazardStats(ctx.store, year, quarter), { enterprise: getEnterprise(ctx.store) });
  return ctx.env.files.fromBuffer(`隐患排查治理统计表-${periodText(year, quarter)}.xlsx`, XLSX_MIME, buffer);
}

export async function ledgerXlsx(ctx: Ctx, q: Omit<HazardQuery, 'page' | 'pageSize'>): Promise<FileRef> {
  const buffer = await exportLedgerXlsx(iterateHazards(ctx.store, q), { enterprise: getEnterprise(ctx.store) });
  return ctx.env.files.fromBuffer(`隐患台账-${stamp()}.xlsx`, XLSX_MIME, buffer);
}
