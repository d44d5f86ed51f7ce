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

/** A problem found in the store (audit chain, triggers, schema): a message key (zh + en) and its parameters. */
export interface StoreProblem {
  code: string;
  key: string;
  params?: Record<string, string | number>;
}

/** The integrity check the core runs once in the background after it opens the store (app.integrity). */
export interface IntegrityReport {
  problems: StoreProblem[];
  /** audit entries verified */
  entries: number;
  /** the chain head's fingerprint, as printed on signed documents ('a1b2-c3d4-e5f6 #1234') */
  head: string;
  ms: number;
}

/** A backup in the data folder's backups folder (settings page: backup and restore). */
export interface BackupInfo {
  /** file name inside the backups folder (what app.restore takes) */
  name: string;
  bytes: number;
  /** ISO time the file was written */
  modifiedAt: string;
  enterprise: string | null;
  workers: number | null;
  schemaVersion: number | null;
  /** message key of why it would not restore (damaged, newer version…), null when it looks fine */
  problem: string | null;
}

/** What a restore did: the backup's contents, and where the replaced store was kept. */
export interface RestoreResult {
  name: string;
  enterprise: string | null;
  workers: number;
  schemaVersion: number;
  /** file name (in the data folder) of the store that was replaced, null if there was none */
  keptAs: string | null;
}
