// The subsidy module's words: one part per area (a key defined twice throws at load).
import { mergeMessages } from '../kernel/i18n';
import { messages as scorecard } from './scorecard/messages';
import { messages as dossier } from './dossier/messages';

export const messages = mergeMessages([scorecard, dossier]);
