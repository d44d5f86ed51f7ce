// The message catalog of the shared side: every module's terms, validation and error messages, merged (a key defined
// twice throws at load). The renderer adds its UI parts to the same mechanism (renderer/src/i18n).
import { DEFAULT_LOCALE, makeTranslator, mergeMessages, type Locale, type MessagePart, type Vars } from './kernel/i18n';
import { MESSAGE_PARTS } from './messages';

export { DEFAULT_LOCALE, LOCALES, type Locale } from './kernel/i18n';

export const glossary: MessagePart = mergeMessages(MESSAGE_PARTS);

export function isGlossaryKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(glossary, key);
}

const translators = new Map<Locale, (key: string, vars?: Vars) => string>();
/** A term or message in the given language; unknown keys come back unchanged. */
export function term(key: string, locale: Locale = DEFAULT_LOCALE, vars?: Vars): string {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = makeTranslator(glossary, locale)));
  return t(key, vars);
}
