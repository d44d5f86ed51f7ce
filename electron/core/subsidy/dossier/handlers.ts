import { dossierContract } from '../../../../shared/subsidy/dossier/contract';
import { defineHandlers } from '../../kernel/handlers';

export const dossierHandlers = defineHandlers(dossierContract, {});
