import { DEFAULT_LOCALE, type Locale } from '../../../shared/kernel/i18n';
import type { Store } from '../db/store';
import { nowIso } from '../util';

export function getSetting<T>(store: Store, key: string, fallback: T): T {
  const r = store.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  if (!r) return fallback;
  try {
    return JSON.parse(r.value) as T;
  } catch {
    return fallback;
  }
}

export function setSetting(store: Store, key: string, value: unknown): void {
  store.run(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [key, JSON.stringify(value), nowIso()],
  );
}

export const getLocale = (store: Store): Locale => getSetting<Locale>(store, 'locale', DEFAULT_LOCALE);
