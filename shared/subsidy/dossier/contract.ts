// The subsidy module's dossier channels: the year's application (anyone signed in reads it; union officers and
// administrators write it), the role holders to nominate, and the dossier as a PDF (the application, the scorecard, the
// evidence annex with tables, charts and the chosen photos, the nominees).
import { ch, defineContract } from '../../kernel/channel';
import type { FileRef } from '../../files';
import { yearInput } from '../scorecard/schemas';
import { candidatesInput, dossierSave } from './schemas';
import type { Dossier, NomineeCandidate } from './types';

export const dossierContract = defineContract(['subsidy'], {
  'subsidy.dossier': ch<Dossier>()(yearInput),
  'subsidy.dossierSave': ch<Dossier>()(dossierSave),
  'subsidy.nomineeCandidates': ch<NomineeCandidate[]>()(candidatesInput),
  'subsidy.dossierPdf': ch<FileRef>()(yearInput),
});
