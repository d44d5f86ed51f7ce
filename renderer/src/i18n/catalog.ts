// THE registration point of the renderer's messages: one line per feature. Merged with the shared glossary (every
// module's terms, validation and error messages) into one catalog; a key defined twice throws at start.
import { glossary } from '../../../shared/glossary';
import { mergeMessages, type MessagePart } from '../../../shared/kernel/i18n';
import { messages as components } from '../components/messages';
import { messages as dashboard } from '../features/dashboard/messages';
import { messages as enterprise } from '../features/enterprise/messages';
import { messages as hazards } from '../features/hazards/messages';
import { messages as operators } from '../features/operators/messages';
import { messages as roster } from '../features/roster/messages';
import { messages as settings } from '../features/settings/messages';
import { messages as setup } from '../features/setup/messages';
import { messages as signin } from '../features/signin/messages';
import { uiMessages } from './messages';

export const UI_PARTS: readonly MessagePart[] = [uiMessages, components, dashboard, enterprise, hazards, operators, roster, settings, setup, signin];

export const catalog: MessagePart = mergeMessages([glossary, ...UI_PARTS]);
