import { importsContract } from '../../../../shared/wage/imports/contract';
import { decodeBase64 } from '../../kernel/base64';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import { uuidv7 } from '../../util';
import { assertRecorder } from '../records/service';
import { commitImport, planImport, sheetFits, WageImportSessions } from './service';

const sessions = (ctx: { env: { state<T>(k: string, init: () => T): T } }) => ctx.env.state('wage.imports', () => new WageImportSessions());

export const importsHandlers = defineHandlers(importsContract, {
  'wage.importPreview': async (i, ctx) => {
    // only those who enter the records import them: refused before the file is read
    assertRecorder(signedIn(ctx));
    // exceljs loads on the first import or export, not at start
    const { readTable } = await import('../../documents/tabular');
    const { table } = await readTable(i.fileName, decodeBase64(i.dataBase64), (t) => sheetFits(i.kind, t));
    const s = sessions(ctx).open(uuidv7(), i.kind, i.fileName, table, { mapping: i.mapping, period: i.period });
    return planImport(ctx.store, s).preview;
  },
  'wage.importRemap': (i, ctx) => {
    const all = sessions(ctx);
    const s = all.get(i.importId);
    if (i.headerRow !== undefined) all.setHeaderRow(s, i.headerRow, i.mapping);
    else if (i.mapping) s.mapping = i.mapping;
    if (i.period !== undefined) s.period = i.period;
    return planImport(ctx.store, s).preview;
  },
  'wage.importCommit': (i, ctx) => {
    const all = sessions(ctx);
    const r = commitImport(ctx.store, signedIn(ctx), ctx.actor, all.get(i.importId), { skipInvalid: i.skipInvalid, job: ctx.job });
    all.cancel(i.importId);
    return r;
  },
  'wage.importRejected': async (i, ctx) => (await import('./files')).wageRejectedFile(ctx, sessions(ctx).get(i.importId), i.locale),
  'wage.importTemplate': async (i, ctx) => (await import('./files')).wageTemplateFile(ctx, i.kind, i.locale),
  'wage.importCancel': (i, ctx) => ({ cancelled: sessions(ctx).cancel(i.importId) }),
});
