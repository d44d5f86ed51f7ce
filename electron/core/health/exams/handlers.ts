import { examsContract } from '../../../../shared/health/exams/contract';
import { defineHandlers } from '../../kernel/handlers';

export const examsHandlers = defineHandlers(examsContract, {});
