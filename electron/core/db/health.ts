// Health of a data file: what is wrong with it, every problem at once (`cli check`), and the checks every open runs
// before anything is written (a corrupt, foreign or tampered file is never opened for writing).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { verifyAuditChain } from '../auditChain';
import { migrate, MIGRATIONS, schemaVersion } from './migrations';
import { quickCheckHere, quickCheckInBackground, type QuickCheckOutcome } from './quickCheck';
import { APPLICATION_ID, applicationId, compareSchema } from './schemaCheck';
import { openDatabase, type DB } from './store';

/** One problem found in a store: a code for programs, a message key and its parameters for people (shared with the
 * renderer, which shows the start-up check's problems). */
export type { StoreProblem } from '../../../shared/app/types';
import type { StoreProblem } from '../../../shared/app/types';

/** Problems that a restore from a backup can fix (the hosts then offer the newest backups). */
export const RECOVERABLE = new Set(['EMPTY', 'NOT_SQLITE', 'CORRUPT', 'INTEGRITY', 'SCHEMA', 'FOREIGN_APP', 'UNREADABLE', 'HOT_JOURNAL']);

/** An SQLite or file-system error as a problem in the user's language (never SQLite's English text alone). */
export function problemOf(e: unknown): StoreProblem {
  if (e instanceof AppError) {
    return { code: String((e.details as { problem?: string } | undefined)?.problem ?? e.code), key: e.message, params: e.details as Record<string, string | number> };
  }
  const code = String((e as { code?: unknown })?.code ?? '');
  if (code.startsWith('SQLITE_CORRUPT')) return { code: 'CORRUPT', key: 'err.db.corrupt' };
  if (code === 'SQLITE_NOTADB') return { code: 'NOT_SQLITE', key: 'err.db.notSqlite' };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { code: 'DISK_FULL', key: 'err.diskFull' };
  // a rollback journal of an unfinished transaction beside the file: a read-only connection may not apply it (a
  // writable one would, after the checks) — never Ankang's (its stores are WAL), so the file is refused, not "read-only"
  if (code === 'SQLITE_READONLY_ROLLBACK') return { code: 'HOT_JOURNAL', key: 'err.db.hotJournal' };
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return { code: 'READ_ONLY', key: 'err.db.readOnly' };
  }
  return { code: 'UNREADABLE', key: 'err.db.unreadable', params: { cause: String((e as Error)?.message ?? e).slice(0, 200) } };
}

/** A problem as the error the open or restore throws; `recoverable` tells the hosts to offer a backup. */
export function problemError(p: StoreProblem, file?: string): AppError {
  const code = p.code === 'DISK_FULL' ? 'INTERNAL' : p.code === 'TOO_NEW' ? 'DB_TOO_NEW' : p.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'BAD_FILE';
  return new AppError(code, p.key, { ...p.params, problem: p.code, recoverable: RECOVERABLE.has(p.code), ...(file ? { file } : {}) });
}

/** The first problem (the most telling one) as the error to throw; every problem rides along in details.problems. */
export function problemsError(problems: StoreProblem[], file?: string): AppError {
  const rank = (p: StoreProblem) =>
    ['NOT_FOUND', 'EMPTY', 'NOT_SQLITE', 'CORRUPT', 'HOT_JOURNAL', 'INTEGRITY', 'READ_ONLY', 'DISK_FULL', 'FOREIGN_APP', 'TOO_NEW', 'SCHEMA'].indexOf(p.code) >>> 0;
  const first = [...problems].sort((a, b) => rank(a) - rank(b))[0]!;
  let err: AppError;
  if (first.code === 'SCHEMA') {
    const schema = problems.filter((p) => p.code === 'SCHEMA');
    err = problemError(
      {
        code: 'SCHEMA',
        key: 'err.db.schema',
        params: { version: first.params?.version ?? 0, count: schema.length, names: schema.slice(0, 3).map((p) => p.params?.name).join(', ') },
      },
      file,
    );
  } else err = problemError(first, file);
  (err.details as Record<string, unknown>).problems = problems;
  return err;
}

/** quick_check's or integrity_check's report as problems (none when it found nothing). */
export function integrityProblems(o: QuickCheckOutcome): StoreProblem[] {
  if (o.error) return [problemOf(Object.assign(new Error(o.error.message), { code: o.error.code }))];
  if (o.lines.length === 0) return [];
  return [{ code: 'INTEGRITY', key: 'err.db.integrity', params: { detail: o.lines.slice(0, 3).join('; ').slice(0, 300) } }];
}

/** What the file looks like from outside: missing, zero bytes, or not an SQLite file (first 16 bytes). */
export function fileProblem(file: string): StoreProblem | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return { code: 'NOT_FOUND', key: 'err.file.notFound', params: { file } };
  }
  if (!st.isFile()) return { code: 'NOT_SQLITE', key: 'err.db.notSqlite' };
  if (st.size === 0) return { code: 'EMPTY', key: 'err.db.empty' };
  const head = Buffer.alloc(16);
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    fs.readSync(fd, head, 0, 16, 0);
  } catch (e) {
    return problemOf(e);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  if (head.toString('latin1') !== 'SQLite format 3\u0000') return { code: 'NOT_SQLITE', key: 'err.db.notSqlite' };
  if (st.size < 512) return { code: 'CORRUPT', key: 'err.db.corrupt' };
  return null;
}

/**
 * Opens a file nobody vouched for, read-only: `trusted_schema=OFF` (no function or virtual table of the file's
 * schema runs with the app's rights) and defensive mode (better-sqlite3 turns SQLITE_DBCONFIG_DEFENSIVE on for every
 * connection unless unsafeMode() is asked for; `unsafeMode(false)` says so explicitly). Nothing here writes.
 */
export function openUntrusted(file: string): DB {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.unsafeMode(false);
    db.pragma('trusted_schema = OFF');
    db.pragma('query_only = ON');
  } catch (e) {
    db.close();
    throw e;
  }
  // reading a WAL-mode file makes SQLite create an empty -wal and -shm beside it: a check leaves no trace, so the
  // ones this connection created are removed when it closes (never a WAL that holds pages, nor one that was there)
  const hadWal = fs.existsSync(`${file}-wal`);
  const hadShm = fs.existsSync(`${file}-shm`);
  const close = db.close.bind(db);
  db.close = () => {
    close();
    try {
      if (!hadWal && fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size === 0) {
        fs.rmSync(`${file}-wal`);
        if (!hadShm) fs.rmSync(`${file}-shm`, { force: true });
      }
    } catch {
      /* best effort */
    }
    return db;
  };
  return db;
}

/**
 * Every problem of an open database: integrity (`full`: integrity_check and foreign keys; otherwise quick_check),
 * schema version, application id, the exact schema of its version. Never stops at the first one.
 */
export function checkStore(db: DB, opts: { full?: boolean; integrity?: boolean } = {}): StoreProblem[] {
  const problems: StoreProblem[] = [];
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      problems.push(problemOf(e));
    }
  };
  if (opts.full) {
    attempt(() => {
      const rows = db.pragma('integrity_check(20)', { simple: false }) as Record<string, string>[];
      problems.push(...integrityProblems({ lines: rows.map((r) => String(Object.values(r)[0])).filter((l) => l !== 'ok'), error: null }));
    });
  } else if (opts.integrity !== false) problems.push(...integrityProblems(quickCheckHere(db)));
  if (opts.full) {
    attempt(() => {
      const rows = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      for (const r of rows.slice(0, 20)) problems.push({ code: 'FOREIGN_KEY', key: 'check.foreignKey', params: { table: r.table, rowid: r.rowid ?? 0, parent: r.parent } });
      if (rows.length > 20) problems.push({ code: 'FOREIGN_KEY', key: 'check.foreignKeyMore', params: { count: rows.length - 20 } });
    });
  }
  let version = NaN; // stays NaN when user_version cannot be read (every comparison below is then false)
  attempt(() => {
    version = db.pragma('user_version', { simple: true }) as number;
  });
  attempt(() => {
    const id = applicationId(db);
    if (id !== 0 && id !== APPLICATION_ID) problems.push({ code: 'FOREIGN_APP', key: 'err.db.foreignApp', params: { id: `0x${id.toString(16)}` } });
  });
  if (version > MIGRATIONS.length) {
    problems.push({ code: 'TOO_NEW', key: 'err.db.tooNew', params: { fileVersion: version, appVersion: MIGRATIONS.length } });
  } else if (version < 0) {
    // user_version is a signed 32-bit field: a negative one was never written by Ankang (and would skip every check
    // below, then make migrate() run from step 1 over whatever the file holds)
    problems.push({ code: 'SCHEMA', key: 'check.schema.badVersion', params: { type: 'user_version', name: 'user_version', version } });
  } else if (version >= 0) {
    attempt(() => {
      for (const d of compareSchema(db, version)) {
        problems.push({ code: 'SCHEMA', key: `check.schema.${d.kind}`, params: { type: d.type, name: d.name, version } });
      }
    });
  }
  if (opts.full && version >= 0 && version <= MIGRATIONS.length) {
    // the audit chain and its protective triggers (auditChain.ts); a trigger it names is not listed twice
    attempt(() => {
      const audit = verifyAuditChain(db);
      const named = new Set(audit.map((p) => p.params?.name).filter((n) => n !== undefined));
      for (let i = problems.length - 1; i >= 0; i--) {
        if (problems[i]!.code === 'SCHEMA' && problems[i]!.params?.type === 'trigger' && named.has(problems[i]!.params!.name!)) problems.splice(i, 1);
      }
      problems.push(...audit);
    });
  }
  // a damaged file fails every step with the same error: say it once
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.code}|${p.key}|${JSON.stringify(p.params ?? {})}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** Every problem of a file on disk (opened read-only and untrusted). */
export function checkFile(file: string, opts: { full?: boolean } = { full: true }): StoreProblem[] {
  const fp = fileProblem(file);
  if (fp) return [fp];
  let db: DB | null = null;
  try {
    db = openUntrusted(file);
    return checkStore(db, opts);
  } catch (e) {
    return [problemOf(e)];
  } finally {
    db?.close();
  }
}

/** An open store and the integrity check still running on it (see quickCheck.ts). */
export interface CheckedStore {
  db: DB;
  /** resolves with quick_check's problems (none: the store is sound); never rejects */
  integrity: Promise<StoreProblem[]>;
}

/**
 * Opens the store of a data folder for writing — only after it passed the checks:
 * - a missing file becomes a new store, made under a temporary name and renamed into place once migrated (a crash
 *   half-way never leaves a zero-byte or half-made store behind);
 * - a zero-byte, non-SQLite, truncated or damaged file, a foreign application_id, or a schema that is not exactly
 *   Ankang's for its version is refused with the problem in the user's language (problemError) and never migrated in
 *   place; `details.problems` lists all of them;
 * - quick_check reads every page (seconds for a large store): before a migration it runs here, first; otherwise the
 *   store opens at once and the check runs on a worker thread — `integrity` — and the caller writes nothing until it
 *   has passed (Core.dispatch holds every call but the first screen's reads);
 * - then it migrates (with a backup first), stamps the application_id, and returns the connection.
 */
export async function openCheckedStore(file: string, opts: { backupDir?: string; signal?: AbortSignal } = {}): Promise<CheckedStore> {
  const created = !fs.existsSync(file);
  if (created) await createStore(file);
  const fp = fileProblem(file);
  if (fp) throw problemError(fp, file);
  for (const target of [file, path.dirname(file)]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      throw problemError({ code: 'READ_ONLY', key: 'err.db.readOnly', params: { file: target } }, file);
    }
  }
  let problems: StoreProblem[];
  let checkedHere = created;
  try {
    const u = openUntrusted(file);
    try {
      // a store that will be migrated is checked whole before the first write; a current one in the background
      checkedHere ||= schemaVersion(u) < MIGRATIONS.length;
      problems = checkStore(u, { integrity: checkedHere });
    } finally {
      u.close();
    }
  } catch (e) {
    problems = [problemOf(e)];
  }
  if (problems.length > 0) throw problemsError(problems, file);
  let db: DB | null = null;
  try {
    db = openDatabase(file);
    await migrate(db, { backupDir: opts.backupDir });
    if (applicationId(db) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
  } catch (e) {
    try {
      db?.close();
    } catch {
      /* closing a broken connection */
    }
    if (e instanceof AppError) throw e;
    throw problemError(problemOf(e), file);
  }
  const open = db;
  const integrity = checkedHere
    ? Promise.resolve([])
    : quickCheckInBackground(file, () => (open.open ? open : null), { signal: opts.signal }).then(integrityProblems, (e: unknown) => [problemOf(e)]);
  return { db: open, integrity };
}

async function createStore(file: string): Promise<void> {
  const tmp = `${file}.new`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  let db: DB | null = null;
  try {
    db = openDatabase(tmp);
    await migrate(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close(); // the last connection: checkpoints the WAL into the file and removes it
    db = null;
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      db?.close();
    } catch {
      /* already broken */
    }
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    throw e instanceof AppError ? e : problemError(problemOf(e), file);
  }
}
