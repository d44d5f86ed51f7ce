import { enterpriseContract } from '../../../shared/enterprise/contract';
import { defineHandlers } from '../kernel/handlers';
import { getEnterprise, updateEnterprise } from './service';

export const enterpriseHandlers = defineHandlers(enterpriseContract, {
  'enterprise.get': (_i, ctx) => getEnterprise(ctx.store),
  'enterprise.update': (i, ctx) => updateEnterprise(ctx.store, ctx.actor, i),
});
