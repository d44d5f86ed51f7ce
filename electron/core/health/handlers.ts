// The health module's handlers: one part per area, merged like the contract.
import { mergeParts } from '../../../shared/kernel/channel';
import { planHandlers } from './plan/handlers';
import { examsHandlers } from './exams/handlers';
import { certsHandlers } from './certs/handlers';

export const healthHandlers = mergeParts([planHandlers, examsHandlers, certsHandlers] as const);
