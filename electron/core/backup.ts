import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { LATEST_VERSION, schemaVersion } from './db/migrations';
import { checkStore, fileProblem, openUntrusted, problemError, problemOf, problemsError } from './db/health';
import type { DB } from './db/store';
import { backupFiles } from './recovery';
import { stamp } from './util';

/** Online backup through SQLite's backup API (a plain copy can miss what is still in the WAL). */
export async function backupTo(
  db: DB,
  file: string,
  onProgress?: (p: { done: number; total: number }) => void,
): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (fs.existsSync(file)) throw new AppError('CONFLICT', 'err.backup.exists', { file });
  const tmp = `${file}.partial`;
  try {
    // page by page (SQLite's backup API), reporting pages copied of the total
    const r = await db.backup(tmp, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.({ done: totalPages - remainingPages, total: totalPages });
        return 2000; // pages per step
      },
    });
    onProgress?.({ done: r.totalPages, total: r.totalPages });
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, file);
  return { file, bytes: fs.statSync(file).size };
}

export function defaultBackupName(dir: string): string {
  return path.join(dir, `ankang-${stamp()}.sqlite`);
}

/**
 * The day's automatic backup: when the backups folder holds no dated backup (ankang-YYYYMMDD-…) of today yet, one is
 * made through SQLite's backup API and old ones are pruned. Returns the new file, or null when today's exists.
 */
export async function dailyBackup(db: DB, dir: string, now = new Date()): Promise<string | null> {
  const today = stamp(now).slice(0, 8);
  if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.startsWith(`ankang-${today}-`) && f.endsWith('.sqlite'))) return null;
  const file = path.join(dir, `ankang-${stamp(now)}.sqlite`);
  await backupTo(db, file);
  pruneBackups(dir, { now });
  return file;
}

/**
 * Retention like Actual's: keep today's newest `today` backups, the newest one of each earlier day,
 * and at most `cap` files overall. Only files named ankang-YYYYMMDD-HHMMSS.sqlite are touched.
 */
export function pruneBackups(dir: string, opts: { today?: number; cap?: number; now?: Date } = {}): string[] {
  const keepToday = opts.today ?? 5;
  const cap = opts.cap ?? 30;
  if (!fs.existsSync(dir)) return [];
  const now = opts.now ?? new Date();
  const todayKey = stamp(now).slice(0, 8);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^ankang-\d{8}-\d{6}\.sqlite$/.test(f))
    .sort()
    .reverse(); // newest first
  const keep = new Set<string>();
  const days = new Set<string>();
  let todays = 0;
  for (const f of files) {
    const day = f.slice(7, 15);
    if (day === todayKey) {
      if (todays < keepToday) keep.add(f);
      todays++;
    } else if (!days.has(day)) {
      days.add(day);
      keep.add(f);
    }
  }
  const kept = files.filter((f) => keep.has(f)).slice(0, cap);
  const removed = files.filter((f) => !kept.includes(f));
  for (const f of removed) fs.rmSync(path.join(dir, f));
  return removed;
}

export interface ValidatedBackup {
  schemaVersion: number;
  workers: number;
  enterprise: string | null;
}

/**
 * Checks a candidate file as untrusted (read-only, trusted_schema=OFF, defensive): an SQLite file, intact
 * (integrity_check, foreign keys), Ankang's application_id (or none, from before it was set), a version this app
 * knows, and exactly the schema of that version — anything extra, missing or different is refused.
 */
export function validateDatabaseFile(file: string): ValidatedBackup {
  const fp = fileProblem(file);
  if (fp) throw problemError(fp, file);
  let db: DB | null = null;
  try {
    db = openUntrusted(file);
    const problems = checkStore(db, { full: true });
    if (problems.length > 0) throw problemsError(problems);
    const v = schemaVersion(db);
    if (v === 0) throw problemError({ code: 'SCHEMA', key: 'err.db.noData' });
    const workers = db.prepare('SELECT count(*) FROM workers WHERE deleted_at IS NULL').pluck().get() as number;
    const enterprise = (db.prepare('SELECT name FROM enterprise WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string | undefined) ?? null;
    return { schemaVersion: v, workers, enterprise };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw problemError(problemOf(e), file);
  } finally {
    db?.close();
  }
}

export interface BackupEntry extends Partial<ValidatedBackup> {
  /** file name inside the backups folder */
  name: string;
  file: string;
  bytes: number;
  /** ISO time the backup was made (from its name; the file's time for other names) */
  modifiedAt: string;
  /** the message key of what is wrong with it, when it would not restore */
  problem: string | null;
}

/** The backups in the folder (dated and pre-migration copies), newest first; `inspect` reads each one's contents. */
export function listBackups(dir: string, opts: { inspect?: boolean; limit?: number } = {}): BackupEntry[] {
  const list: BackupEntry[] = backupFiles(dir, opts.limit ?? 100).map((f) => ({ ...f, problem: null }));
  if (opts.inspect) {
    for (const e of list) {
      try {
        Object.assign(e, quickInfo(e.file));
      } catch (err) {
        e.problem = err instanceof AppError ? err.message : 'err.db.unreadable';
      }
    }
  }
  return list;
}

/** Enterprise, workers and version of a backup without the full check (the list shows many; restore checks fully). */
function quickInfo(file: string): ValidatedBackup {
  const fp = fileProblem(file);
  if (fp) throw problemError(fp, file);
  const db = openUntrusted(file);
  try {
    const v = schemaVersion(db);
    if (v > LATEST_VERSION) throw problemError({ code: 'TOO_NEW', key: 'err.db.backupTooNew', params: { version: v } });
    const workers = db.prepare('SELECT count(*) FROM workers WHERE deleted_at IS NULL').pluck().get() as number;
    const enterprise = (db.prepare('SELECT name FROM enterprise WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string | undefined) ?? null;
    return { schemaVersion: v, workers, enterprise };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw problemError(problemOf(e), file);
  } finally {
    db.close();
  }
}

export interface RestoreOutcome extends ValidatedBackup {
  /** where the store that was replaced was kept (null: there was none) */
  aside: string | null;
}

/**
 * Restores `source` into the data folder, trusting nothing:
 * 1. copies it through SQLite (backup API from a read-only, untrusted connection), so the rows still in a `-wal`
 *    beside it come along, into `ankang.sqlite.restoring`;
 * 2. validates that copy (the file that will be used, not the one that was offered) — see validateDatabaseFile;
 * 3. `closeCurrent()` (the host's open store), keeps the current store aside as ankang.sqlite.before-restore-…
 *    (with its WAL, if it could not be checkpointed), and moves the copy into place;
 * 4. `reopen()` (opens, migrates an older backup); if that fails, the store kept aside is put back and the error
 *    is thrown (the caller reopens it).
 */
export async function restoreInto(
  paths: { db: string; dataDir: string },
  source: string,
  hooks: { closeCurrent?: () => void; reopen: () => Promise<void> },
): Promise<RestoreOutcome> {
  const src = path.resolve(source);
  if (src === path.resolve(paths.db)) throw new AppError('CONFLICT', 'err.restore.self');
  const fp = fileProblem(src);
  if (fp) throw problemError(fp, src);
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const staged = `${paths.db}.restoring`;
  const clean = () => {
    for (const f of [staged, `${staged}-wal`, `${staged}-shm`, `${staged}-journal`]) fs.rmSync(f, { force: true });
  };
  clean();
  let info: ValidatedBackup;
  try {
    const from = openUntrusted(src);
    try {
      await from.backup(staged);
    } finally {
      from.close();
    }
    info = validateDatabaseFile(staged);
  } catch (e) {
    clean();
    if (e instanceof AppError) throw e;
    throw problemError(problemOf(e), src);
  }
  hooks.closeCurrent?.();
  let aside: string | null = null;
  try {
    aside = moveAside(paths.db);
    fs.renameSync(staged, paths.db);
  } catch (e) {
    if (aside) putBack(paths.db, aside);
    clean();
    throw e instanceof AppError ? e : problemError(problemOf(e));
  }
  try {
    await hooks.reopen();
  } catch (e) {
    for (const f of [paths.db, `${paths.db}-wal`, `${paths.db}-shm`]) fs.rmSync(f, { force: true });
    if (aside) putBack(paths.db, aside);
    throw e;
  }
  return { ...info, aside };
}

/** Keeps the store (and a WAL that could not be checkpointed into it) as ankang.sqlite.before-restore-<stamp>. */
function moveAside(db: string): string | null {
  if (!fs.existsSync(db)) {
    for (const ext of ['-wal', '-shm', '-journal']) fs.rmSync(db + ext, { force: true });
    return null;
  }
  if (fs.existsSync(`${db}-wal`)) {
    // fold the WAL into the file so the copy kept aside is one complete file (a damaged store may refuse: then
    // its WAL travels with it under the matching name)
    try {
      const c = new Database(db, { fileMustExist: true });
      try {
        c.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        c.close();
      }
    } catch {
      /* kept with the WAL beside it */
    }
  }
  // never overwrite an earlier copy (stamp() has one-second resolution; rename replaces silently)
  const base = `${db}.before-restore-${stamp()}`;
  let aside = base;
  for (let n = 2; fs.existsSync(aside); n++) aside = `${base}-${n}`;
  // a second name for the file, so that `ankang.sqlite` never goes missing: the restored copy then replaces it in one
  // rename (a crash in between leaves the old store in place, never an empty folder that becomes a new store)
  try {
    fs.linkSync(db, aside);
  } catch {
    fs.renameSync(db, aside); // no hard links on this file system (FAT)
  }
  if (fs.existsSync(`${db}-wal`)) fs.renameSync(`${db}-wal`, `${aside}-wal`);
  // a rollback journal travels with the file it belongs to: left beside the restored store, SQLite would apply it there
  if (fs.existsSync(`${db}-journal`)) fs.renameSync(`${db}-journal`, `${aside}-journal`);
  fs.rmSync(`${db}-shm`, { force: true });
  return aside;
}

function putBack(db: string, aside: string): void {
  let same = false;
  try {
    const a = fs.statSync(aside);
    const d = fs.statSync(db);
    same = a.ino === d.ino && a.dev === d.dev && a.ino !== 0;
  } catch {
    /* db is gone: rename back */
  }
  // still the same file under both names (the swap never happened): drop the second name
  if (same) fs.rmSync(aside);
  else fs.renameSync(aside, db);
  if (fs.existsSync(`${aside}-wal`)) fs.renameSync(`${aside}-wal`, `${db}-wal`);
  if (fs.existsSync(`${aside}-journal`)) fs.renameSync(`${aside}-journal`, `${db}-journal`);
}
