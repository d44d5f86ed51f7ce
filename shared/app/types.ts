// What the app tells the renderer at start.
import type { Locale } from '../kernel/i18n';
import type { Operator } from '../operators/types';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataDir: string;
  host: 'electron' | 'browser';
  initialized: boolean;
  locale: Locale;
  operator: Operator | null;
}

