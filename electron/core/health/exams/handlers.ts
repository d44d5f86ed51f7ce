import { examsContract } from '../../../../shared/health/exams/contract';
import { decodeBase64 } from '../../kernel/base64';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import { uuidv7 } from '../../util';
import { commitExamImport, ExamImportSessions, planExamImport } from './imports';
import { EXAM_MATCHER } from './importHeaders';
import * as exams from './service';

const sessions = (ctx: { env: { state<T>(k: string, init: () => T): T } }) => ctx.env.state('health.examImports', () => new ExamImportSessions());

export const examsHandlers = defineHandlers(examsContract, {
  // reading exams (conclusions) and the health file: HEALTH_RESULT_READERS only (shared/health/privacy.ts)
  'health.batches': (i, ctx) => {
    exams.assertHealthReader(signedIn(ctx));
    return exams.listBatches(ctx.store, i);
  },
  'health.batch': (i, ctx) => {
    exams.assertHealthReader(signedIn(ctx));
    return exams.batchDetail(ctx.store, i.id);
  },
  'health.batchCreate': (i, ctx) => exams.createBatch(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.batchUpdate': (i, ctx) => exams.updateBatch(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.batchDelete': (i, ctx) => exams.deleteBatch(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'health.batchRestore': (i, ctx) => exams.restoreBatch(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'health.examsSave': (i, ctx) => exams.saveExams(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.examDelete': (i, ctx) => exams.deleteExam(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'health.examRestore': (i, ctx) => exams.restoreExam(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'health.workerExams': (i, ctx) => {
    exams.assertHealthReader(signedIn(ctx));
    return exams.workerExams(ctx.store, i.workerId);
  },
  'health.batchWorkerFactors': (i, ctx) => {
    exams.assertHealthReader(signedIn(ctx));
    return exams.workerFactors(ctx.store, i.batchId, i.workerIds);
  },
  'health.examFactors': (_i, ctx) => exams.factorOptions(ctx.store),
  'health.healthFilePdf': async (i, ctx) => {
    exams.assertHealthReader(signedIn(ctx));
    return (await import('./healthFile')).healthFilePdf(ctx, i.workerId);
  },

  'health.examImportPreview': async (i, ctx) => {
    // only those who record exams import them: refused before the file is read
    exams.assertHealthWriter(signedIn(ctx));
    const { readTable } = await import('../../documents/tabular');
    const { table } = await readTable(i.fileName, decodeBase64(i.dataBase64), (t) => EXAM_MATCHER.findHeaderRow(t) >= 0);
    const s = sessions(ctx).open(uuidv7(), i.fileName, table, { mapping: i.mapping, defaults: i.defaults });
    return planExamImport(ctx.store, s).preview;
  },
  'health.examImportRemap': (i, ctx) => {
    // the preview shows the file's conclusions: only those who import see it
    exams.assertHealthWriter(signedIn(ctx));
    const all = sessions(ctx);
    const s = all.get(i.importId);
    if (i.headerRow !== undefined) all.setHeaderRow(s, i.headerRow, i.mapping);
    else if (i.mapping) s.mapping = i.mapping;
    if (i.defaults !== undefined) s.defaults = i.defaults;
    return planExamImport(ctx.store, s).preview;
  },
  'health.examImportCommit': (i, ctx) => {
    const all = sessions(ctx);
    const r = commitExamImport(ctx.store, signedIn(ctx), ctx.actor, all.get(i.importId), { skipInvalid: i.skipInvalid, job: ctx.job });
    all.cancel(i.importId);
    return r;
  },
  'health.examImportRejected': async (i, ctx) => {
    exams.assertHealthWriter(signedIn(ctx));
    return (await import('./importFiles')).examRejectedFile(ctx, sessions(ctx).get(i.importId), i.locale);
  },
  'health.examImportTemplate': async (i, ctx) => (await import('./importFiles')).examTemplateFile(ctx, i.locale),
  'health.examImportCancel': (i, ctx) => ({ cancelled: sessions(ctx).cancel(i.importId) }),
});
