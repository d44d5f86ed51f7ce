// The subsidy module's channels: one part per area, merged (a channel defined twice is a type error).
import { mergeParts } from '../kernel/channel';
import { scorecardContract } from './scorecard/contract';
import { dossierContract } from './dossier/contract';

export const subsidyContract = mergeParts([scorecardContract, dossierContract] as const);
