// The audit log as a hash chain (schema v4, migrations/004_audit_chain.ts). Every entry stores the hash of the entry
// before it (prev_hash; '' for the first) and its own hash: sha256 over a canonical serialisation of its content and
// prev_hash (entryHash). Changing, removing or inserting an entry anywhere but at the end breaks the chain from that
// entry on; verifyAuditChain names the first broken entry. Triggers make the table append-only for every connection
// (UPDATE, DELETE, INSERT OR REPLACE and inserts that do not extend the chain are refused); their presence and exact
// SQL are checked too, since dropping them is the first step of any edit. What a chain cannot show by itself is a
// rewrite of the whole chain from some entry on: the chain head's fingerprint printed on signed documents
// (chainHead) ties paper to data, so such a rewrite shows against any document printed before it.
import { hash as digest } from 'node:crypto';
import type { StoreProblem } from './db/health';
import type { DB, Store } from './db/store';

export type { StoreProblem };

/** prev_hash of the first entry */
export const GENESIS = '';
/** the serialisation's version tag: part of every hash, so a future format can never be confused with this one */
const FORMAT = 'ankang-audit-v1';

/** An audit-log row's content as stored (before/after are JSON text). */
export interface AuditRowContent {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/**
 * sha256 (hex) of an entry: the JSON array [format, seq, id, at, actor_id, actor_name, entity, entity_id, action,
 * before, after, reason, prev_hash] — integers, strings and nulls only, so JSON.stringify is canonical.
 */
export function entryHash(r: AuditRowContent, prevHash: string): string {
  const s = stored;
  const text = JSON.stringify([FORMAT, r.seq, s(r.id), s(r.at), s(r.actor_id), s(r.actor_name), s(r.entity), s(r.entity_id), s(r.action), s(r.before), s(r.after), s(r.reason), prevHash]);
  return digest('sha256', text, 'hex');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * A text as it reads back from SQLite: a lone surrogate has no UTF-8 form, so it is stored as the three bytes
 * ED A0 80 (say) and reads back as three U+FFFD. The hash is over the text as read back, so an entry whose reason
 * carried a lone surrogate (any caller of the API can send one) still verifies — otherwise one such comment would
 * report the chain broken there, and the check, which stops at the first broken entry, would see nothing after it.
 * Well-formed text (all text Ankang ever wrote before) is unchanged, and so is its hash.
 */
function stored<T extends string | null>(v: T): T {
  return (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\uFFFD\uFFFD\uFFFD') : v) as T;
}

/**
 * The triggers that keep the audit log and the hazard timeline append-only, with their SQL as the migrations create
 * it (compared with runs of whitespace collapsed). audit_no_update also refuses any change of the hash columns.
 */
export const PROTECTIVE_TRIGGERS: readonly { name: string; table: string; since: number; sql: string }[] = [
  {
    name: 'audit_no_update',
    table: 'audit_log',
    since: 1,
    sql: `CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  },
  {
    name: 'audit_no_delete',
    table: 'audit_log',
    since: 1,
    sql: `CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  },
  {
    name: 'audit_append_only',
    table: 'audit_log',
    since: 4,
    sql: `CREATE TRIGGER audit_append_only BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq >= new.seq) OR EXISTS (SELECT 1 FROM audit_log WHERE id = new.id) OR new.hash IS NULL OR new.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '') BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  },
  {
    name: 'hazard_events_no_update',
    table: 'hazard_events',
    since: 2,
    sql: `CREATE TRIGGER hazard_events_no_update BEFORE UPDATE ON hazard_events BEGIN SELECT RAISE(ABORT, 'hazard_events is append-only'); END`,
  },
  {
    name: 'hazard_events_no_delete',
    table: 'hazard_events',
    since: 2,
    sql: `CREATE TRIGGER hazard_events_no_delete BEFORE DELETE ON hazard_events BEGIN SELECT RAISE(ABORT, 'hazard_events is append-only'); END`,
  },
  {
    name: 'hazard_events_append_only',
    table: 'hazard_events',
    since: 4,
    sql: `CREATE TRIGGER hazard_events_append_only BEFORE INSERT ON hazard_events WHEN EXISTS (SELECT 1 FROM hazard_events WHERE seq = new.seq) OR EXISTS (SELECT 1 FROM hazard_events WHERE id = new.id) BEGIN SELECT RAISE(ABORT, 'hazard_events is append-only'); END`,
  },
];

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** the schema version that made the audit log a chain (migrations/004_audit_chain.ts) */
export const CHAIN_VERSION = 4;

/**
 * The protective triggers of the file's schema version: each present on its table with its exact SQL, and no other
 * trigger on those tables.
 */
export function checkProtectiveTriggers(db: DB, version = schemaVersionOf(db)): StoreProblem[] {
  const problems: StoreProblem[] = [];
  const expected = PROTECTIVE_TRIGGERS.filter((t) => t.since <= version);
  const tables = [...new Set(PROTECTIVE_TRIGGERS.map((t) => t.table))];
  const rows = db
    .prepare(`SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${tables.map(() => '?').join(', ')})`)
    .all(...tables) as { name: string; tbl: string; sql: string | null }[];
  const found = new Map(rows.map((r) => [r.name, r]));
  for (const t of expected) {
    const r = found.get(t.name);
    if (!r) problems.push({ code: 'AUDIT_TRIGGER_MISSING', key: 'problem.audit.triggerMissing', params: { name: t.name, table: t.table } });
    else if (r.tbl !== t.table || squash(r.sql ?? '') !== squash(t.sql)) {
      problems.push({ code: 'AUDIT_TRIGGER_CHANGED', key: 'problem.audit.triggerChanged', params: { name: t.name, table: t.table } });
    }
  }
  const known = new Set(expected.map((t) => t.name));
  for (const r of rows) {
    if (!known.has(r.name)) problems.push({ code: 'AUDIT_TRIGGER_EXTRA', key: 'problem.audit.triggerExtra', params: { name: r.name, table: r.tbl } });
  }
  return problems;
}

interface ChainRow extends AuditRowContent {
  prev_hash: string | null;
  hash: string | null;
}

const ROW_COLUMNS = 'seq, id, at, actor_id, actor_name, entity, entity_id, action, before, after, reason, prev_hash, hash';
/** an entry's time as people read it: '2026-05-01 08:30:00' */
const when = (at: unknown) => String(at ?? '').slice(0, 19).replace('T', ' '); // String(): a tampered cell may be any type

/** Walks the chain in seq order, one entry at a time; stops at the first broken entry. */
class ChainWalker {
  entries = 0;
  lastSeq = 0;
  lastAt = '';
  lastHash = GENESIS;
  problem: StoreProblem | null = null;

  /** false once a problem is found */
  step(r: ChainRow): boolean {
    if (r.seq !== this.lastSeq + 1) {
      this.problem =
        this.lastSeq === 0
          ? { code: 'AUDIT_CHAIN_GAP', key: 'problem.audit.chainStart', params: { seq: r.seq, at: when(r.at) } }
          : { code: 'AUDIT_CHAIN_GAP', key: 'problem.audit.chainGap', params: { seq: r.seq, at: when(r.at), after: this.lastSeq } };
    } else if ((r.prev_hash ?? null) !== this.lastHash) {
      this.problem = { code: 'AUDIT_CHAIN_LINK', key: 'problem.audit.chainLink', params: { seq: r.seq, at: when(r.at) } };
    } else if (r.hash !== entryHash(r, this.lastHash)) {
      this.problem = { code: 'AUDIT_CHAIN_HASH', key: 'problem.audit.chainHash', params: { seq: r.seq, at: when(r.at) } };
    }
    if (this.problem) return false;
    this.entries++;
    this.lastSeq = r.seq;
    this.lastAt = r.at;
    this.lastHash = r.hash!;
    return true;
  }

  /** entries removed from the end: SQLite's AUTOINCREMENT counter remembers a larger seq than the last entry's */
  finish(db: DB): StoreProblem[] {
    if (this.problem) return [this.problem];
    const used = (db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck().get() as number | undefined) ?? 0;
    if (used > this.lastSeq) {
      return [{ code: 'AUDIT_CHAIN_TRUNCATED', key: 'problem.audit.chainTruncated', params: { seq: this.lastSeq, at: this.lastAt ? when(this.lastAt) : '-', last: used } }];
    }
    return [];
  }
}

const schemaVersionOf = (db: DB) => db.pragma('user_version', { simple: true }) as number;

function hasChainColumns(db: DB): boolean {
  const cols = new Set((db.prepare(`SELECT name FROM pragma_table_info('audit_log')`).pluck().all() as string[]));
  return cols.has('hash') && cols.has('prev_hash');
}

export interface AuditChainReport {
  problems: StoreProblem[];
  /** entries verified (up to the first broken one) */
  entries: number;
  ms: number;
}

/**
 * Checks the audit chain entry by entry (streamed: constant memory at any size) and the protective triggers of the
 * file's schema version (a file older than v4 has no chain to check). Returns every problem found: trigger problems,
 * and the first broken entry of the chain (seq and time). Read-only: works on an untrusted, query-only connection.
 */
export function verifyAuditChain(db: DB): StoreProblem[] {
  return auditChainReport(db).problems;
}

export function auditChainReport(db: DB): AuditChainReport {
  const t0 = performance.now();
  const version = schemaVersionOf(db);
  const problems = checkProtectiveTriggers(db, version);
  if (version < CHAIN_VERSION) return { problems, entries: 0, ms: performance.now() - t0 }; // an older file: no chain yet
  if (!hasChainColumns(db)) {
    problems.push({ code: 'AUDIT_CHAIN_MISSING', key: 'problem.audit.chainMissing' });
    return { problems, entries: 0, ms: performance.now() - t0 };
  }
  const walk = new ChainWalker();
  for (const r of db.prepare(`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY seq`).iterate() as IterableIterator<ChainRow>) {
    if (!walk.step(r)) break; // leaving the loop closes the iterator
  }
  problems.push(...walk.finish(db));
  return { problems, entries: walk.entries, ms: performance.now() - t0 };
}

/**
 * The same check in slices of `chunk` entries, yielding to the event loop between slices (setImmediate), so a core
 * that serves the UI keeps answering while a long log is verified. Entries appended meanwhile are verified too.
 */
export async function auditChainReportAsync(db: DB, chunk = 2000): Promise<AuditChainReport> {
  const t0 = performance.now();
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  await pause();
  const version = schemaVersionOf(db);
  const problems = checkProtectiveTriggers(db, version);
  if (version < CHAIN_VERSION) return { problems, entries: 0, ms: performance.now() - t0 };
  if (!hasChainColumns(db)) {
    problems.push({ code: 'AUDIT_CHAIN_MISSING', key: 'problem.audit.chainMissing' });
    return { problems, entries: 0, ms: performance.now() - t0 };
  }
  const walk = new ChainWalker();
  const slice = db.prepare(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`);
  let after = 0;
  for (;;) {
    if (!db.open) throw new Error('the database was closed during the audit-chain check');
    const rows = slice.all(after, chunk) as ChainRow[];
    let ok = true;
    for (const r of rows) {
      if (!walk.step(r)) {
        ok = false;
        break;
      }
    }
    if (!ok || rows.length < chunk) break;
    after = rows[rows.length - 1]!.seq;
    await pause();
  }
  problems.push(...walk.finish(db));
  return { problems, entries: walk.entries, ms: performance.now() - t0 };
}

export interface ChainHead {
  seq: number;
  hash: string;
  /** short, printable: the first 12 hex digits of the head's hash in groups of four, and its seq — 'a1b2-c3d4-e5f6 #1234' */
  fingerprint: string;
}

/** The newest entry of the chain, for the fingerprint printed on signed documents. An empty log: seq 0. */
export function chainHead(store: Store): ChainHead {
  return chainHeadOf(store.db);
}

/** chainHead on a bare connection (e.g. a file opened read-only for `cli check`). */
export function chainHeadOf(db: DB): ChainHead {
  const r = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string | null } | undefined;
  const seq = r?.seq ?? 0;
  const hash = r?.hash ?? '0'.repeat(64);
  return { seq, hash, fingerprint: `${hash.slice(0, 4)}-${hash.slice(4, 8)}-${hash.slice(8, 12)} #${seq}` };
}
