import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { log } from '../log';

export type DB = Database.Database;
export const SLOW_QUERY_MS = 40;

/**
 * Opens the SQLite file with the settings legal records need:
 * WAL, synchronous=FULL (NORMAL can lose a committed record on power loss), foreign keys on, busy timeout.
 */
export function openDatabase(file: string, opts: { readonly?: boolean } = {}): DB {
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32000');
  registerFunctions(db);
  return db;
}

/**
 * The characters and character pairs of a text as space-separated tokens, lower-cased, for short-term search:
 * '反应釜 2号' → '反 应 釜 反应 应釜 2 号 2号'. Letters and digits only; punctuation separates runs.
 */
export function grams(text: string): string {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run];
    const seen = new Set<string>();
    for (let i = 0; i < chars.length; i++) {
      const one = chars[i]!;
      const two = i + 1 < chars.length ? one + chars[i + 1]! : null;
      for (const g of two ? [one, two] : [one]) {
        if (!seen.has(g)) {
          seen.add(g);
          out.push(g);
        }
      }
    }
  }
  return out.join(' ');
}

function registerFunctions(db: DB) {
  db.function('ankang_grams', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? grams(v) : ''));
}

type Params = unknown[] | Record<string, unknown>;

/** Thin wrapper: cached statements, timing of every query (slow ones are logged), immediate transactions. */
export class Store {
  private cache = new Map<string, Database.Statement>();
  constructor(public readonly db: DB) {}

  stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  private timed<T>(sql: string, fn: () => T): T {
    const t = performance.now();
    const r = fn();
    const ms = performance.now() - t;
    if (ms > SLOW_QUERY_MS) log('warn', `slow query ${ms.toFixed(1)} ms: ${sql.replace(/\s+/g, ' ').slice(0, 300)}`);
    return r;
  }

  all<T = Record<string, unknown>>(sql: string, params: Params = []): T[] {
    return this.timed(sql, () => this.stmt(sql).all(params as never) as T[]);
  }
  get<T = Record<string, unknown>>(sql: string, params: Params = []): T | undefined {
    return this.timed(sql, () => this.stmt(sql).get(params as never) as T | undefined);
  }
  run(sql: string, params: Params = []): Database.RunResult {
    return this.timed(sql, () => this.stmt(sql).run(params as never));
  }
  /** BEGIN IMMEDIATE … COMMIT; rolls back on any throw, so a failed operation leaves the store as it was. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Refresh planner statistics after a bulk change (the roster queries pick indexes by them). */
  analyze(): void {
    this.db.exec('ANALYZE');
  }

  close(): void {
    try {
      if (this.db.open && !this.db.readonly) this.db.pragma('optimize');
    } finally {
      this.cache.clear();
      if (this.db.open) this.db.close();
    }
  }
}
