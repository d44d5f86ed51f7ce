import { wallsContract } from '../../../../shared/education/walls/contract';
import { defineHandlers } from '../../kernel/handlers';

export const wallsHandlers = defineHandlers(wallsContract, {});
