// The skill-level wage module's handlers: one part per area, merged like the contract.
import { mergeParts } from '../../../shared/kernel/channel';
import { recordsHandlers } from './records/handlers';

export const wageHandlers = mergeParts([recordsHandlers] as const);
