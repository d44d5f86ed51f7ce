// The education module's channels: one part per area, merged (a channel defined twice is a type error).
import { mergeParts } from '../kernel/channel';
import { activitiesContract } from './activities/contract';
import { hoursContract } from './hours/contract';
import { wallsContract } from './walls/contract';

export const educationContract = mergeParts([activitiesContract, hoursContract, wallsContract] as const);
