// The skill-level wage module's channels: one part per area, merged (a channel defined twice is a type error).
import { mergeParts } from '../kernel/channel';
import { recordsContract } from './records/contract';

export const wageContract = mergeParts([recordsContract] as const);
