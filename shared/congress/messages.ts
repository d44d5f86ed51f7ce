// The workers' congress module's words: one part per area (a key defined twice throws at load).
import { mergeMessages } from '../kernel/i18n';
import { messages as reps } from './reps/messages';
import { messages as sessions } from './sessions/messages';
import { messages as proposals } from './proposals/messages';

export const messages = mergeMessages([reps, sessions, proposals]);
