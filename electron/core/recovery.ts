// What to offer when the store cannot be opened, for hosts that cannot open SQLite themselves (Electron main): the
// newest backups from the file system only, and the decision of the desktop dialog (which buttons, which backup a
// button restores). Pure Node: unit-tested without Electron; main.ts only shows it (dialog.showMessageBox).
import fs from 'node:fs';
import path from 'node:path';
import { term } from '../../shared/glossary';
import type { Locale, Vars } from '../../shared/kernel/i18n';
import type { AppErrorData } from '../../shared/result';

export interface BackupFile {
  name: string;
  file: string;
  bytes: number;
  /** when the backup was made: the time in its name (ankang-YYYYMMDD-HHMMSS, local time), else the file's time (a copy
   * carried over from another machine has a new file time but keeps its name) */
  modifiedAt: string;
}

/** The local time a dated backup's name holds, as ISO; null for a name without one. */
export function timeOfName(name: string): string | null {
  const m = /-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.sqlite$/.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const t = new Date(y, mo - 1, d, h, mi, s);
  return Number.isNaN(t.getTime()) || t.getMonth() !== mo - 1 ? null : t.toISOString();
}

/** "2026-03-01 12:00" in this machine's local time (the hosts' pages and dialogs; the renderer formats its own). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Dated backups (ankang-…) and pre-migration copies in the folder, newest first (no file is opened). */
export function backupFiles(dir: string, limit = 100): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!/^(ankang|pre-migrate)-[\w-]+\.sqlite$/.test(name)) continue;
    const file = path.join(dir, name);
    try {
      const st = fs.statSync(file);
      if (st.isFile()) out.push({ name, file, bytes: st.size, modifiedAt: timeOfName(name) ?? st.mtime.toISOString() });
    } catch {
      /* gone meanwhile */
    }
  }
  out.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : a.name < b.name ? 1 : -1));
  return out.slice(0, limit);
}

/** Does this start failure offer a restore (a damaged, empty, foreign or tampered store — not a lock or a newer version)? */
export function isRecoverable(e: AppErrorData | null | undefined): boolean {
  return Boolean((e?.details as { recoverable?: unknown } | undefined)?.recoverable);
}

export interface RecoveryDialog {
  message: string;
  detail: string;
  /** one button per offered backup, then Quit */
  buttons: string[];
  /** the Quit button's index (Esc) */
  cancelId: number;
  /** the backup file each button restores, by index (null: Quit) */
  files: (string | null)[];
}

const both = (key: string, vars?: Vars) => {
  const zh = term(key, 'zh-CN', vars);
  const en = term(key, 'en' as Locale, vars);
  return zh === en ? zh : `${zh}\n${en}`;
};
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/**
 * The desktop dialog for a start failure: the problem in both languages (the chosen language lives in the store that
 * cannot be read), the data folder, and the newest `max` backups as buttons; null when nothing can be offered
 * (not a recoverable failure, or no backups) — main then shows the plain error and quits.
 */
export function recoveryDialog(error: AppErrorData, dataDir: string, backupsDir: string, max = 3): RecoveryDialog | null {
  if (!isRecoverable(error)) return null;
  const list = backupFiles(backupsDir, max);
  if (list.length === 0) return null;
  const buttons = list.map((b) => `${term('recover.restore')} ${b.name.replace(/\.sqlite$/, '')}（${localTime(b.modifiedAt)}，${size(b.bytes)}）`);
  buttons.push(both('recover.quit').replace('\n', ' / '));
  return {
    message: `${both('recover.title')}\n\n${both(error.message, error.details as Vars)}`,
    detail: `${both('recover.intro')}\n\n${both('recover.dataDir', { dir: dataDir })}`,
    buttons,
    cancelId: list.length,
    files: [...list.map((b) => b.file), null],
  };
}
