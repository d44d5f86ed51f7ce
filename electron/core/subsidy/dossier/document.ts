// The dossier PDF's data: the saved dossier, the scorecard and its inputs (read once), the year's approved runs by
// month, the chosen photos as JPEG with their captions; then the renderer (pdfkit loads on the first PDF, while the
// photos decode).
import type { FileRef } from '../../../../shared/files';
import { localToday } from '../../../../shared/kernel/schemas';
import { photoAsJpeg } from '../../attachments/service';
import { chainHead } from '../../auditChain';
import type { Ctx } from '../../kernel/handlers';
import { PDF_MIME } from '../../kernel/mime';
import { scoreInputs, scorecardOf } from '../scorecard/service';
import type { WageMonth } from './pdf';
import { photoCaptionZh } from '../../../../shared/subsidy/dossier/types';
import { getDossier } from './service';

export async function dossierPdf(ctx: Ctx, year: number): Promise<FileRef> {
  const today = localToday();
  const inputs = scoreInputs(ctx.store, year, today);
  const dossier = getDossier(ctx.store, year, today, inputs.education?.photoIds ?? []);
  const wageMonths = ctx.store.all<WageMonth>(
    `SELECT period, workers, safety_paid AS safetyPaid, total_fen AS totalFen FROM wage_runs WHERE state = 'approved' AND period BETWEEN ? AND ? ORDER BY period`,
    [`${year}-01`, `${year}-12`],
  );
  // each photo captioned with what it shows (its activity or wall and the date); decoded side by side, and pdfkit
  // loads meanwhile
  const [{ renderDossier }, ...datas] = await Promise.all([import('./pdf'), ...dossier.photoIds.map((id) => photoAsJpeg(ctx.store, ctx.env.paths.attachments, id))]);
  const photos = dossier.photoIds.map((id, i) => ({ data: datas[i]!, caption: `照片 ${i + 1}  ${photoCaptionZh(dossier.photoSources[id])}`.trim() }));
  const buffer = await renderDossier({ dossier, scorecard: scorecardOf(inputs), inputs, wageMonths, photos, fingerprint: chainHead(ctx.store).fingerprint });
  return ctx.env.files.fromBuffer(`${year}年度安全赋能奖补申报材料.pdf`, PDF_MIME, buffer);
}
