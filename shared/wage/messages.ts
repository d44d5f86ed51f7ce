// The skill-level wage module's words: one part per area (a key defined twice throws at load).
import { mergeMessages } from '../kernel/i18n';
import { messages as manual } from './manual/messages';
import { messages as records } from './records/messages';
import { messages as runs } from './runs/messages';
import { messages as imports } from './imports/messages';
import { messages as schemes } from './schemes/messages';
import { messages as exportsMessages } from './exports/messages';

export const messages = mergeMessages([records, manual, schemes, imports, runs, exportsMessages]);
