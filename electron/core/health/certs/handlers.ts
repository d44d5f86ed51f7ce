import { certsContract } from '../../../../shared/health/certs/contract';
import { defineHandlers } from '../../kernel/handlers';

export const certsHandlers = defineHandlers(certsContract, {});
