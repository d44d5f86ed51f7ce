// The education module's handlers: one part per area, merged like the contract.
import { mergeParts } from '../../../shared/kernel/channel';
import { activitiesHandlers } from './activities/handlers';
import { hoursHandlers } from './hours/handlers';
import { wallsHandlers } from './walls/handlers';

export const educationHandlers = mergeParts([activitiesHandlers, hoursHandlers, wallsHandlers] as const);
