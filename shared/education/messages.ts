// The education module's words: one part per area (a key defined twice throws at load).
import { mergeMessages } from '../kernel/i18n';
import { messages as activities } from './activities/messages';
import { messages as hours } from './hours/messages';
import { messages as walls } from './walls/messages';

export const messages = mergeMessages([activities, hours, walls]);
