// The skill-level wage module's handlers: one part per area, merged like the contract.
import { mergeParts } from '../../../shared/kernel/channel';
import { manualHandlers } from './manual/handlers';
import { importsHandlers } from './imports/handlers';
import { recordsHandlers } from './records/handlers';
import { schemesHandlers } from './schemes/handlers';
import { runsHandlers } from './runs/handlers';
import { exportsHandlers } from './exports/handlers';

export const wageHandlers = mergeParts([recordsHandlers, manualHandlers, runsHandlers, schemesHandlers, importsHandlers, exportsHandlers] as const);
