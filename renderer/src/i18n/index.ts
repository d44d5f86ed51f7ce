// The renderer's language: the locale (remembered), and t() over the one message catalog (./catalog).
// t is stable for a locale — the same function object until the language changes — so hooks may list it as a
// dependency without re-running on every render.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { create } from 'zustand';
import { DEFAULT_LOCALE, makeTranslator, type Locale, type Vars } from '../../../shared/kernel/i18n';
import { catalog } from './catalog';

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

/** Date pickers and dayjs formats follow the language (antd's locale covers its own words, dayjs month and weekday names). */
function applyDayjsLocale(locale: Locale): void {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

interface I18nState {
  locale: Locale;
  setLocale(l: Locale): void;
}
const startLocale = initialLocale();
applyDayjsLocale(startLocale);
export const useI18n = create<I18nState>((set) => ({
  locale: startLocale,
  setLocale: (locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      /* ignore */
    }
    document.documentElement.lang = locale;
    applyDayjsLocale(locale);
    set({ locale });
  },
}));

export type TFunc = (key: string, vars?: Vars) => string;

const translators: Record<Locale, TFunc> = {
  'zh-CN': makeTranslator(catalog, 'zh-CN'),
  en: makeTranslator(catalog, 'en'),
};

/** t for a locale outside React (tests, stores). */
export function translate(locale: Locale, key: string, vars?: Vars): string {
  return translators[locale](key, vars);
}

/** t('roster.total', { n }) for UI strings, glossary terms ('role.safety_officer') and error keys ('err.pin.locked'). */
export function useT(): TFunc {
  return translators[useI18n((s) => s.locale)];
}
