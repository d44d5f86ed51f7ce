// The workers' congress module's handlers: one part per area, merged like the contract.
import { mergeParts } from '../../../shared/kernel/channel';
import { repsHandlers } from './reps/handlers';
import { sessionsHandlers } from './sessions/handlers';
import { proposalsHandlers } from './proposals/handlers';

export const congressHandlers = mergeParts([repsHandlers, sessionsHandlers, proposalsHandlers] as const);
