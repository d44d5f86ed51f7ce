// The workers' congress module's words: one part per area (a key defined twice throws at load).
import { mergeMessages } from '../kernel/i18n';
import { messages as reps } from './reps/messages';

export const messages = mergeMessages([reps]);
