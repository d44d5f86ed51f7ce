import { manualContract } from '../../../../shared/wage/manual/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import * as manual from './service';

export const manualHandlers = defineHandlers(manualContract, {
  'wage.manual': (i, ctx) => manual.listManual(ctx.store, i),
  'wage.manualSave': (i, ctx) => manual.saveManual(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.manualDelete': (i, ctx) => manual.deleteManual(ctx.store, signedIn(ctx), ctx.actor, i.id),
});
