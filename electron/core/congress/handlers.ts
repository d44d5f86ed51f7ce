// The workers' congress module's handlers: one part per area, merged like the contract.
import { mergeParts } from '../../../shared/kernel/channel';
import { repsHandlers } from './reps/handlers';

export const congressHandlers = mergeParts([repsHandlers] as const);
