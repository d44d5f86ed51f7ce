// The skill-level wage module's channels: one part per area, merged (a channel defined twice is a type error).
import { mergeParts } from '../kernel/channel';
import { manualContract } from './manual/contract';
import { importsContract } from './imports/contract';
import { recordsContract } from './records/contract';
import { schemesContract } from './schemes/contract';
import { runsContract } from './runs/contract';
import { exportsContract } from './exports/contract';

export const wageContract = mergeParts([recordsContract, manualContract, runsContract, schemesContract, importsContract, exportsContract] as const);
