// The skill-level wage module's words: one part per area (a key defined twice throws at load).
import { mergeMessages } from '../kernel/i18n';
import { messages as records } from './records/messages';

export const messages = mergeMessages([records]);
