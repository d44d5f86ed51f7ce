import { repsContract } from '../../../../shared/congress/reps/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import * as members from './members';
import * as terms from './terms';

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
});
