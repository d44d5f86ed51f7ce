// The workers' congress module's channels: one part per area, merged (a channel defined twice is a type error).
import { mergeParts } from '../kernel/channel';
import { repsContract } from './reps/contract';

export const congressContract = mergeParts([repsContract] as const);
