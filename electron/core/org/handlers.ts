import { orgContract } from '../../../shared/org/contract';
import { defineHandlers } from '../kernel/handlers';
import * as org from './service';

export const orgHandlers = defineHandlers(orgContract, {
  'org.tree': (i, ctx) => org.listUnits(ctx.store, i.includeRetired),
  'org.create': (i, ctx) => org.createUnit(ctx.store, ctx.actor, i),
  'org.rename': (i, ctx) => org.renameUnit(ctx.store, ctx.actor, i.id, i.name),
  'org.move': (i, ctx) => org.moveUnit(ctx.store, ctx.actor, i.id, i.parentId),
  'org.retire': (i, ctx) => org.retireUnit(ctx.store, ctx.actor, i.id),
  'org.restore': (i, ctx) => org.restoreUnit(ctx.store, ctx.actor, i.id),
});
