// The subsidy module's handlers: one part per area, merged like the contract.
import { mergeParts } from '../../../shared/kernel/channel';
import { scorecardHandlers } from './scorecard/handlers';
import { dossierHandlers } from './dossier/handlers';

export const subsidyHandlers = mergeParts([scorecardHandlers, dossierHandlers] as const);
