import { recordsContract } from '../../../../shared/wage/records/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import * as records from './service';

export const recordsHandlers = defineHandlers(recordsContract, {
  'wage.timekeeping': (i, ctx) => records.listTimekeeping(ctx.store, i),
  'wage.timekeepingSave': (i, ctx) => records.saveTimekeeping(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.timekeepingDelete': (i, ctx) => records.deleteTimekeeping(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.behaviour': (i, ctx) => records.listBehaviour(ctx.store, i),
  'wage.behaviourCreate': (i, ctx) => records.createBehaviour(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.behaviourUpdate': (i, ctx) => records.updateBehaviour(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.behaviourDelete': (i, ctx) => records.deleteBehaviour(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.behaviourRestore': (i, ctx) => records.restoreBehaviour(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.accidents': (i, ctx) => records.listAccidents(ctx.store, i),
  'wage.accidentCreate': (i, ctx) => records.createAccident(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.accidentUpdate': (i, ctx) => records.updateAccident(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.accidentDelete': (i, ctx) => records.deleteAccident(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.accidentRestore': (i, ctx) => records.restoreAccident(ctx.store, signedIn(ctx), ctx.actor, i.id),
});
