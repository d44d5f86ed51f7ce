// The registration point of the shared message parts: one line per module. Kept apart from shared/modules.ts so the
// renderer's first screen gets every module's words without every module's schemas (and zod); a test checks both
// lists name the same parts (tests/unit/contract.test.ts).
import { messages as app } from './app/messages';
import { messages as attachments } from './attachments/messages';
import { messages as congress } from './congress/messages';
import { messages as education } from './education/messages';
import { messages as enterprise } from './enterprise/messages';
import { messages as hazards } from './hazards/messages';
import { messages as health } from './health/messages';
import type { MessagePart } from './kernel/i18n';
import { messages as operators } from './operators/messages';
import { messages as org } from './org/messages';
import { messages as roster } from './roster/messages';
import { messages as subsidy } from './subsidy/messages';
import { messages as views } from './views/messages';
import { messages as wage } from './wage/messages';

export const MESSAGE_PARTS: readonly MessagePart[] = [app, enterprise, org, roster, operators, attachments, views, hazards, congress, wage, health, education, subsidy];
