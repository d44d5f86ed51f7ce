import { operatorsContract } from '../../../shared/operators/contract';
import { defineHandlers, signedIn } from '../kernel/handlers';
import * as ops from './service';

export const operatorsHandlers = defineHandlers(operatorsContract, {
  'operators.list': (_i, ctx) => ops.listOperators(ctx.store),
  'operators.add': (i, ctx) => ops.addOperator(ctx.store, ctx.actor, { workerId: i.workerId, isAdmin: i.isAdmin, pin: i.pin || null }),
  'operators.setPin': (i, ctx) => ops.setOperatorPin(ctx.store, ctx.actor, signedIn(ctx), i.operatorId, i.pin),
  'operators.remove': (i, ctx) => ops.removeOperator(ctx.store, ctx.actor, signedIn(ctx), i.id),
});
