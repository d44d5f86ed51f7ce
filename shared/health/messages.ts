// The health module's words: one part per area (a key defined twice throws at load).
import { mergeMessages } from '../kernel/i18n';
import { messages as plan } from './plan/messages';
import { messages as exams } from './exams/messages';
import { messages as certs } from './certs/messages';

export const messages = mergeMessages([plan, exams, certs]);
