// The exact schema of each version, and the comparison of an (untrusted) file's schema with it.
// A data file is trusted only when its tables, indexes, triggers and views are exactly what Ankang's migrations make
// for its version: an extra trigger (one that rewrites closed hazards whenever an audit row is written), an extra view,
// dropped audit triggers or empty look-alike tables are all refused. The expected schema is never written down by
// hand: it is computed by migrating a fresh in-memory database to that version, so it follows the migrations.
import type { DB } from './store';
import { openDatabase } from './store';
import { MIGRATIONS } from './migrations';

/** SQLite's application_id of an Ankang store: 'AnKg'. New and migrated stores carry it. */
export const APPLICATION_ID = 0x416e4b67;

export interface SchemaObject {
  type: string;
  name: string;
  tbl: string;
  sql: string;
}

export interface SchemaDifference {
  kind: 'missing' | 'extra' | 'different';
  type: string;
  name: string;
}

/**
 * sqlite_stat1/4 come and go with ANALYZE and PRAGMA optimize; they hold planner statistics, never code. Only those
 * two tables with exactly the SQL SQLite gives them are passed over: any other object under a `sqlite_stat…` name (a
 * trigger slipped into sqlite_master with writable_schema loads and runs like any other) is compared like the rest.
 */
const IGNORED: ReadonlyMap<string, string> = new Map([
  ['sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat)'],
  ['sqlite_stat4', 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'],
]);

const normalise = (sql: string | null): string => (sql ?? '').replace(/\s+/g, ' ').replace(/\s*([(),;])\s*/g, '$1').trim();

/** The schema objects of a database, keyed `type:name`, their SQL normalised (whitespace). */
export function readSchema(db: DB): Map<string, SchemaObject> {
  const rows = db.prepare(`SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master`).all() as {
    type: string;
    name: string;
    tbl: string;
    sql: string | null;
  }[];
  const out = new Map<string, SchemaObject>();
  for (const r of rows) {
    const sql = normalise(r.sql);
    if (r.type === 'table' && r.tbl === r.name && IGNORED.get(r.name) === sql) continue;
    out.set(`${r.type}:${r.name}`, { type: r.type, name: r.name, tbl: r.tbl, sql });
  }
  return out;
}

const expectedCache = new Map<number, Map<string, SchemaObject>>();

/** The exact schema Ankang's migrations make for `version` (0: an empty database). */
export function expectedSchema(version: number): Map<string, SchemaObject> {
  if (!Number.isInteger(version) || version < 0 || version > MIGRATIONS.length) throw new Error(`no schema version ${version}`);
  let s = expectedCache.get(version);
  if (!s) {
    const db = openDatabase(':memory:');
    try {
      for (const m of MIGRATIONS) {
        if (m.version > version) break;
        db.transaction(() => m.up(db)).immediate();
      }
      s = readSchema(db);
    } finally {
      db.close();
    }
    expectedCache.set(version, s);
  }
  return s;
}

/** Every difference between the database's schema and the exact schema of `version` (default: its user_version). */
export function compareSchema(db: DB, version = db.pragma('user_version', { simple: true }) as number): SchemaDifference[] {
  const want = expectedSchema(version);
  const have = readSchema(db);
  const diffs: SchemaDifference[] = [];
  for (const [k, w] of want) {
    const h = have.get(k);
    if (!h) diffs.push({ kind: 'missing', type: w.type, name: w.name });
    else if (h.sql !== w.sql || h.tbl !== w.tbl) diffs.push({ kind: 'different', type: w.type, name: w.name });
  }
  for (const [k, h] of have) if (!want.has(k)) diffs.push({ kind: 'extra', type: h.type, name: h.name });
  return diffs;
}

export function applicationId(db: DB): number {
  return db.pragma('application_id', { simple: true }) as number;
}
