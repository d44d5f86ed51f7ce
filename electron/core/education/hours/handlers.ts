import { hoursContract } from '../../../../shared/education/hours/contract';
import { defineHandlers } from '../../kernel/handlers';

export const hoursHandlers = defineHandlers(hoursContract, {});
