// The one message mechanism: domain terms, validation and error messages (shared/<module>/messages.ts) and UI strings
// (renderer/src/features/<module>/messages.ts) are all parts of { key: { 'zh-CN', en } }, merged with a check that no key
// is defined twice, and looked up by translate(). Placeholders: {name}.
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Term = { 'zh-CN': string; en: string };
export type MessagePart = Record<string, Term>;
export type Vars = Record<string, string | number | null | undefined>;

/** Declares a part of the catalog; `satisfies`-style typing keeps the keys literal. */
export function defineMessages<const T extends MessagePart>(part: T): T {
  return part;
}

/** Merges parts; a key defined twice (with any text) throws, naming the key. */
export function mergeMessages(parts: readonly MessagePart[]): MessagePart {
  const out: MessagePart = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(out, k)) throw new Error(`message key defined twice: ${k}`);
      out[k] = v;
    }
  }
  return out;
}

/**
 * Replaces {name} placeholders. A value that is itself a message key ('@key') is translated first. {name|one|other}
 * picks a word by the number: `one` when it is 1, else `other` (English: "{n} {n|worker|workers}").
 */
export function fill(s: string, vars: Vars | undefined, resolve?: (key: string) => string): string {
  if (!vars) return s;
  const counted = s.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, other: string) => {
    const v = vars[k];
    if (v === undefined || v === null) return m;
    return Number(String(v).replace(/,/g, '')) === 1 ? one : other;
  });
  return counted.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = vars[k];
    if (v === undefined || v === null) return m;
    if (typeof v === 'string' && v.startsWith('@') && resolve) return resolve(v.slice(1));
    return String(v);
  });
}

/** A translator over a catalog: t(key, vars). Unknown keys come back unchanged (so plain text passes through). */
export function makeTranslator(catalog: MessagePart, locale: Locale) {
  const t = (key: string, vars?: Vars): string => {
    const term = Object.prototype.hasOwnProperty.call(catalog, key) ? catalog[key] : undefined;
    return fill(term ? term[locale] : key, vars, (k) => t(k));
  };
  return t;
}
