import { create } from 'zustand';
import { DEFAULT_LOCALE, isGlossaryKey, term, type Locale } from '../../../shared/glossary';
import { en, zh, type MessageKey } from './messages';

const STORAGE_KEY = 'ankang.locale';

function initialLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    /* storage unavailable */
  }
  return DEFAULT_LOCALE;
}

interface I18nState {
  locale: Locale;
  setLocale(l: Locale): void;
}
export const useI18n = create<I18nState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      /* ignore */
    }
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

function fill(s: string, vars?: Record<string, string | number>) {
  return vars ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : s;
}

export function translate(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  if (isGlossaryKey(key)) return fill(term(key, locale), vars);
  const dict = locale === 'en' ? en : zh;
  const s = (dict as Record<string, string>)[key];
  return fill(s ?? key, vars);
}

export type TFunc = (key: MessageKey | string, vars?: Record<string, string | number>) => string;

/** t('roster.total', { n }) for UI strings and glossary terms ('role.safety_officer', 'v.required'). */
export function useT(): TFunc {
  const locale = useI18n((s) => s.locale);
  return (key, vars) => translate(locale, key, vars);
}
