// The health exams channels (issue 10): exam batches and one exam per worker in a batch, entered by hand or imported
// from the clinic's xlsx (a preview first, nothing written until the commit; cancel forgets the file), soft delete
// with restore, and a worker's health file (职业健康监护档案) as a PDF. Writers: HEALTH_WRITERS (admins hold every role).
// Exams and the health file are private medical data: HEALTH_RESULT_READERS alone read them, the rest get FORBIDDEN
// (err.health.exam.readersOnly; shared/health/privacy.ts). The factor options are for everyone signed in.
import { z } from 'zod';
import { byId, ch, defineContract, fileData } from '../../kernel/channel';
import { idSchema, localeSchema, optDate, optText } from '../../kernel/schemas';
import type { FileRef } from '../../files';
import { batchesQuery, batchInput, batchUpdate, examKind, examsSave } from './schemas';
import { EXAM_IMPORT_FIELDS, type BatchDetail, type BatchPage, type Exam, type ExamBatch, type ExamImportPreview, type ExamImportResult, type FactorOption } from './types';

const mapping = z.partialRecord(z.enum(EXAM_IMPORT_FIELDS), z.union([z.number().int().min(0).max(500), z.null()])).optional();
const defaults = z
  .object({ date: optDate, institution: optText(100), kind: examKind.nullable().optional().default(null) })
  .strict()
  .optional();

export const examsContract = defineContract(['health'], {
  'health.batches': ch<BatchPage>()(batchesQuery),
  'health.batch': ch<BatchDetail>()(byId),
  'health.batchCreate': ch<ExamBatch>()(batchInput),
  'health.batchUpdate': ch<ExamBatch>()(batchUpdate),
  /** a batch and its exams leave the lists together; restore brings back the exams deleted with it */
  'health.batchDelete': ch<{ deleted: true }>()(byId),
  'health.batchRestore': ch<ExamBatch>()(byId),
  'health.examsSave': ch<Exam[]>()(examsSave),
  'health.examDelete': ch<{ deleted: true }>()(byId),
  'health.examRestore': ch<Exam>()(byId),
  /** a worker's exams, newest first */
  'health.workerExams': ch<Exam[]>()(z.object({ workerId: idSchema }).strict()),
  /** the factors workers added to a batch start with: those of their exposures the batch's kind and date are for */
  'health.batchWorkerFactors': ch<Record<string, string[]>>()(z.object({ batchId: idSchema, workerIds: z.array(idSchema).min(1, { error: 'v.required' }).max(500, { error: 'v.tooLong' }) }).strict()),
  /** the factors an exam may cover (the interval table without its deleted rows) */
  'health.examFactors': ch<FactorOption[]>()(z.object({}).strict()),
  /** 职业健康监护档案: the worker, exposures, exams with conclusions, rechecks, certificates and alerts */
  'health.healthFilePdf': ch<FileRef>()(z.object({ workerId: idSchema }).strict()),

  'health.examImportPreview': ch<ExamImportPreview>()(fileData.extend({ mapping, defaults }).strict()),
  'health.examImportRemap': ch<ExamImportPreview>()(
    z.object({ importId: idSchema, mapping, headerRow: z.number().int().min(1).max(1_000_000).optional(), defaults }).strict(),
  ),
  'health.examImportCommit': ch<ExamImportResult>()(z.object({ importId: idSchema, skipInvalid: z.boolean().optional().default(false) }).strict()),
  'health.examImportRejected': ch<FileRef>()(z.object({ importId: idSchema, locale: localeSchema.optional() }).strict()),
  'health.examImportTemplate': ch<FileRef>()(z.object({ locale: localeSchema.optional() }).strict()),
  'health.examImportCancel': ch<{ cancelled: boolean }>()(z.object({ importId: idSchema }).strict()),
});
