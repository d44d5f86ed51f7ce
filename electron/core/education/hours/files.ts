// The worker's training file (培训档案) as an output file. pdfkit loads on the first one.
import type { FileRef } from '../../../../shared/files';
import { chainHead } from '../../auditChain';
import { getEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { PDF_MIME } from '../../kernel/mime';
import { todayLocal } from '../../util';
import { workerTraining } from './service';

export async function trainingFilePdf(ctx: Ctx, i: { workerId: string; year?: number | undefined }): Promise<FileRef> {
  const today = todayLocal();
  const t = workerTraining(ctx.store, i.workerId, i.year ?? Number(today.slice(0, 4)), today);
  const { renderTrainingFile } = await import('./trainingPdf');
  const buffer = await renderTrainingFile(t, { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint });
  return ctx.env.files.fromBuffer(`培训档案 ${t.hours.empNo} ${t.hours.name}.pdf`, PDF_MIME, buffer);
}
