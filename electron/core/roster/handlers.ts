import { rosterContract } from '../../../shared/roster/contract';
import { decodeBase64 } from '../kernel/base64';
import { defineHandlers } from '../kernel/handlers';
import { uuidv7 } from '../util';
import { commitImport, ImportSessions, planImport } from './import';
import * as workers from './workers';

const sessions = (ctx: { env: { state<T>(k: string, init: () => T): T } }) => ctx.env.state('roster.imports', () => new ImportSessions());

export const rosterHandlers = defineHandlers(rosterContract, {
  'workers.list': (i, ctx) => workers.listWorkers(ctx.store, i),
  'workers.get': (i, ctx) => workers.getWorker(ctx.store, i.id),
  'workers.create': (i, ctx) => workers.createWorker(ctx.store, ctx.actor, i),
  'workers.update': (i, ctx) => workers.updateWorker(ctx.store, ctx.actor, i.id, i.data),
  'workers.remove': (i, ctx) => workers.removeWorker(ctx.store, ctx.actor, i.id),
  'workers.restore': (i, ctx) => workers.restoreWorker(ctx.store, ctx.actor, i.id),
  'workers.history': (i, ctx) => workers.workerHistory(ctx.store, i.id),
  'roster.importPreview': async (i, ctx) => {
    // exceljs loads on the first import or export, not at start
    const { readTable } = await import('../documents/tabular');
    const { table } = await readTable(i.fileName, decodeBase64(i.dataBase64));
    const s = sessions(ctx).open(uuidv7(), i.fileName, table, i.mapping);
    return planImport(ctx.store, s).preview;
  },
  'roster.importRemap': (i, ctx) => {
    const all = sessions(ctx);
    const s = all.get(i.importId);
    if (i.headerRow !== undefined) all.setHeaderRow(s, i.headerRow, i.mapping);
    else if (i.mapping) s.mapping = i.mapping;
    return planImport(ctx.store, s).preview;
  },
  'roster.importCommit': (i, ctx) => {
    const all = sessions(ctx);
    const r = commitImport(ctx.store, ctx.actor, all.get(i.importId), { skipInvalid: i.skipInvalid, job: ctx.job });
    all.cancel(i.importId);
    return r;
  },
  'roster.importRejected': async (i, ctx) => (await import('./export')).rejectedRowsFile(ctx, sessions(ctx).get(i.importId), i.locale),
  'roster.importTemplate': async (i, ctx) => (await import('./export')).importTemplateFile(ctx, i.locale),
  'roster.importCancel': (i, ctx) => ({ cancelled: sessions(ctx).cancel(i.importId) }),
  'roster.export': async (i, ctx) => (await import('./export')).rosterExportFile(ctx, i),
});
