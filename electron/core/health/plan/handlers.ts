import { planContract } from '../../../../shared/health/plan/contract';
import { defineHandlers } from '../../kernel/handlers';

export const planHandlers = defineHandlers(planContract, {});
