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
  db.pragma('recursive_triggers = ON'); // a row that INSERT OR REPLACE removes fires its delete triggers (append-only tables refuse)
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

/**
 * `CREATE TRIGGER t AFTER INSERT ON tbl [WHEN c] BEGIN INSERT INTO x (cols) VALUES (exprs); END` →
 * `INSERT INTO x (cols) SELECT exprs FROM tbl AS new WHERE new.rowid > ? [AND (c)] ORDER BY new.rowid`:
 * the same statement run once for every row appended after a given rowid (see Store.bulkInsert).
 */
export function replayInsertTrigger(triggerSql: string, table: string): string {
  const m =
    /^CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\S+\s+AFTER\s+INSERT\s+ON\s+"?(\w+)"?\s+(?:FOR\s+EACH\s+ROW\s+)?(?:WHEN\s+([\s\S]+?)\s+)?BEGIN\s+(INSERT\s+INTO\s+"?\w+"?\s*\([^()]*\))\s*VALUES\s*\(([\s\S]*)\)\s*;\s*END\s*$/i.exec(
      triggerSql.trim(),
    );
  if (!m || m[1] !== table || m[4]!.includes(';')) {
    throw new Error(`cannot replay trigger (needs AFTER INSERT ON ${table} with one INSERT … VALUES body): ${triggerSql.slice(0, 120)}`);
  }
  const when = m[2] ? ` AND (${m[2]})` : '';
  return `${m[3]} SELECT ${m[4]} FROM "${table}" AS new WHERE new.rowid > ?${when} ORDER BY new.rowid`;
}

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

  /**
   * Bulk insert into `table` in one IMMEDIATE transaction, with the named AFTER INSERT triggers held back:
   * they are dropped, `fn` runs, they are re-created from their stored SQL and replayed once over the rows `fn`
   * appended (rowid above the largest before) as a single INSERT … SELECT.
   *
   * Why: an FTS5 index kept by a row trigger inside a large transaction gets slower with every row (each trigger
   * statement flushes the FTS5 pending data into a new segment, which is then merged again and again); 100,000 demo
   * hazards took 5½ minutes that way and 16 s with their two FTS triggers held back (a bigger page cache alone did
   * not help). Held-back triggers must have a single `INSERT … VALUES (…)` body (the FTS triggers do); the others
   * (statistics, checks) keep firing row by row.
   *
   * Everything commits or rolls back together: no other connection ever sees the table without its triggers, and a
   * failure or crash leaves the schema as it was. `fn` must only insert rows into `table` (an update or delete of a
   * row it inserted would meet index entries that do not exist yet); it may write other tables freely.
   */
  bulkInsert<T>(table: string, holdBack: readonly string[], fn: () => T): T {
    if (!/^\w+$/.test(table)) throw new Error(`bulkInsert: bad table name ${table}`);
    return this.tx(() => {
      const held = holdBack.map((name) => {
        const row = this.db.prepare(`SELECT tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(name) as
          | { tbl: string; sql: string }
          | undefined;
        if (!row) throw new Error(`bulkInsert: no trigger ${name}`);
        if (row.tbl !== table) throw new Error(`bulkInsert: trigger ${name} is on ${row.tbl}, not ${table}`);
        return { name, sql: row.sql, replay: replayInsertTrigger(row.sql, table) };
      });
      const before = held.length > 0 ? (this.db.prepare(`SELECT coalesce(max(rowid), 0) FROM "${table}"`).pluck().get() as number) : 0;
      for (const h of held) this.db.exec(`DROP TRIGGER "${h.name}"`);
      const result = fn();
      for (const h of held) {
        this.db.exec(h.sql);
        this.db.prepare(h.replay).run(before);
      }
      return result;
    });
  }

  /** Refresh planner statistics after a bulk change (the roster queries pick indexes by them). */
  analyze(): void {
    this.db.exec('ANALYZE');
  }

  /** Never throws for PRAGMA optimize (it fails on a read-only file or a full disk; closing must still happen). */
  /** `optimize: false` for a store not known to be sound (PRAGMA optimize may write statistics into it). */
  close(opts: { optimize?: boolean } = {}): void {
    try {
      if ((opts.optimize ?? true) && this.db.open && !this.db.readonly) this.db.pragma('optimize');
    } catch (e) {
      log('warn', 'PRAGMA optimize failed while closing the store', e);
    } finally {
      this.cache.clear();
      if (this.db.open) this.db.close();
    }
  }
}
