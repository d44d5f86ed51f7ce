import { repsContract } from '../../../../shared/congress/reps/contract';
import { decodeBase64 } from '../../kernel/base64';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import * as importSheet from './importSheet';
import * as members from './members';
import * as terms from './terms';

const imports = (ctx: { env: { state<T>(k: string, init: () => T): T } }) => ctx.env.state('congress.repsImports', () => new importSheet.RepsImportSessions());

export const repsHandlers = defineHandlers(repsContract, {
  'congress.terms': (_i, ctx) => terms.listTerms(ctx.store),
  'congress.termCreate': (i, ctx) => terms.createTerm(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.termUpdate': (i, ctx) => terms.updateTerm(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.termDelete': (i, ctx) => terms.deleteTerm(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'congress.groups': (i, ctx) => terms.listGroups(ctx.store, i.termId, i.asOf),
  'congress.groupSave': (i, ctx) => terms.saveGroup(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.groupDelete': (i, ctx) => terms.deleteGroup(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'congress.groupsFromWorkshops': (i, ctx) => terms.groupsFromWorkshops(ctx.store, signedIn(ctx), ctx.actor, i.termId),
  'congress.members': (i, ctx) => members.listMembers(ctx.store, i),
  'congress.memberAdd': (i, ctx) => members.addMember(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.memberUpdate': (i, ctx) => members.updateMember(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.memberEnd': (i, ctx) => members.endMember(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.importFromRoster': (i, ctx) => members.importFromRoster(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.composition': (i, ctx) => members.composition(ctx.store, i),
  'congress.repsImportPreview': async (i, ctx) => {
    // exceljs loads on the first import, not at start
    const { readTable } = await import('../../documents/tabular');
    const { table } = await readTable(i.fileName, decodeBase64(i.dataBase64));
    return importSheet.previewImport(ctx.store, signedIn(ctx), imports(ctx), { fileName: i.fileName, table, termId: i.termId, joinedOn: i.joinedOn });
  },
  'congress.repsImportCommit': (i, ctx) => importSheet.commitImport(ctx.store, signedIn(ctx), ctx.actor, imports(ctx), i),
  'congress.repsImportCancel': (i, ctx) => ({ cancelled: imports(ctx).cancel(i.token) }),
});
