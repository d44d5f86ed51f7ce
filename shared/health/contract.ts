// The health module's channels: one part per area, merged (a channel defined twice is a type error).
import { mergeParts } from '../kernel/channel';
import { planContract } from './plan/contract';
import { examsContract } from './exams/contract';
import { certsContract } from './certs/contract';

export const healthContract = mergeParts([planContract, examsContract, certsContract] as const);
