// The subsidy module's dossier channels (owned by the dossier area; empty until it lands).
import { defineContract } from '../../kernel/channel';

export const dossierContract = defineContract(['subsidy'], {});
