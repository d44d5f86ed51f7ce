import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { LATEST_VERSION, schemaVersion } from './db/migrations';
import { openDatabase, type DB } from './db/store';
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

/** Opens a candidate file read-only and checks it is an Ankang database this version can open. */
export function validateDatabaseFile(file: string): ValidatedBackup {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'err.file.notFound', { file });
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') !== 'SQLite format 3\u0000') throw new AppError('BAD_FILE', 'err.db.notSqlite');
  let db: DB | null = null;
  try {
    db = openDatabase(file, { readonly: true });
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new AppError('BAD_FILE', 'err.db.integrity', { detail: String(ok) });
    const v = schemaVersion(db);
    if (v > LATEST_VERSION) throw new AppError('DB_TOO_NEW', 'err.db.backupTooNew', { version: v });
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    for (const t of ['enterprise', 'workers', 'audit_log']) {
      if (!tables.has(t)) throw new AppError('BAD_FILE', 'err.db.notAnkang', { table: t });
    }
    const workers = db.prepare('SELECT count(*) FROM workers WHERE deleted_at IS NULL').pluck().get() as number;
    const enterprise = (db.prepare('SELECT name FROM enterprise WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string | undefined) ?? null;
    return { schemaVersion: v, workers, enterprise };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_FILE', 'err.db.unreadable', { cause: (e as Error).message });
  } finally {
    db?.close();
  }
}
