// The workers' congress module's channels: one part per area, merged (a channel defined twice is a type error).
import { mergeParts } from '../kernel/channel';
import { repsContract } from './reps/contract';
import { sessionsContract } from './sessions/contract';
import { proposalsContract } from './proposals/contract';

export const congressContract = mergeParts([repsContract, sessionsContract, proposalsContract] as const);
