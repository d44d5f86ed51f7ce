// The renderer's message catalog: the frame's parts and every registered page's (app/pages.ts), merged with the shared glossary (every
// module's terms, validation and error messages) into one catalog; a key defined twice throws at start.
import { glossary } from '../../../shared/glossary';
import { mergeMessages, type MessagePart } from '../../../shared/kernel/i18n';
import { messages as components } from '../components/messages';
import { messages as setup } from '../features/setup/messages';
import { messages as signin } from '../features/signin/messages';
import { uiMessages } from './messages';
import { PAGE_DEFS } from '../app/pages';

/** the frame's own parts, then every registered page's (app/pages.ts) */
export const UI_PARTS: readonly MessagePart[] = [uiMessages, components, setup, signin, ...PAGE_DEFS.flatMap((p) => ('messages' in p && p.messages ? [p.messages] : []))];

export const catalog: MessagePart = mergeMessages([glossary, ...UI_PARTS]);
