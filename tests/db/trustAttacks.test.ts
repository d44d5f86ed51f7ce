// Attacks on issue 7's defences that got through, and the fixes: an object hidden under a `sqlite_stat…` name (the
// schema check passed over every such name, of any type), a negative user_version (every check skipped), and a lone
// UTF-16 surrogate in a comment (stored mangled, so its audit entry no longer matched its hash: any caller could
// make the chain read "broken" there, and the check — which stops at the first broken entry — blind after it).
// Also a few attacks that held, kept as regressions: a hot rollback journal beside the file, planner statistics.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../electron/cli/cli';
import { SYSTEM_ACTOR, writeAudit } from '../../electron/core/audit';
import { chainHead, entryHash, verifyAuditChain, type AuditRowContent } from '../../electron/core/auditChain';
import { backupTo, restoreInto, validateDatabaseFile } from '../../electron/core/backup';
import { Core } from '../../electron/core/core';
import { checkFile } from '../../electron/core/db/health';
import { loneSurrogatePath } from '../../electron/core/kernel/inputSize';
import { setQuiet } from '../../electron/core/log';
import { AppError } from '../../shared/result';
import { openTestCore, say, tmpDir, type TestCore } from '../helpers/core';

setQuiet(true);

let dir: string;
let tc: TestCore | null = null;
beforeEach(() => {
  dir = tmpDir('ankang-attack-');
});
afterEach(() => {
  tc?.close();
  tc = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A backup of a small store changed by `tamper` over a plain connection (an attacker's own SQLite). */
async function tampered(name: string, tamper: (db: Database.Database) => void): Promise<string> {
  tc ??= await openTestCore();
  const good = path.join(dir, 'good.sqlite');
  if (!fs.existsSync(good)) await backupTo(tc.core.store.db, good);
  const bad = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(good, bad);
  const db = new Database(bad);
  db.unsafeMode(true);
  tamper(db);
  db.close();
  return bad;
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

async function openRefused(file: string): Promise<AppError> {
  const d = path.join(dir, `data-${path.basename(file, '.sqlite')}`);
  fs.mkdirSync(d);
  fs.copyFileSync(file, path.join(d, 'ankang.sqlite'));
  try {
    const core = await Core.open({ dataDir: d, host: 'test' });
    core.close();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('the store opened');
}

/** writes a schema row directly, as `PRAGMA writable_schema` lets any SQLite do: SQLite loads and runs it */
const hideInSchema = (type: string, name: string, table: string, sql: string) => (db: Database.Database) => {
  db.pragma('writable_schema = ON');
  db.prepare(`INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES (?, ?, ?, 0, ?)`).run(type, name, table, sql);
  db.pragma('writable_schema = OFF');
};

describe('objects hidden under the names of SQLite’s statistics tables', () => {
  it('a trigger named sqlite_stat1 is refused by restore, cli check and open — and it would run', async () => {
    const evil = `CREATE TRIGGER sqlite_stat1 AFTER UPDATE ON hazards BEGIN UPDATE enterprise SET name = 'PWNED'; END`;
    const bad = await tampered('stat1', hideInSchema('trigger', 'sqlite_stat1', 'hazards', evil));
    // SQLite loads it like any trigger (what would happen once trusted)
    const plain = new Database(bad, { readonly: true });
    expect(plain.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'sqlite_stat1'`).pluck().get()).toBe(1);
    plain.close();
    const e = errorOf(() => validateDatabaseFile(bad));
    expect(e.message).toBe('err.db.schema');
    expect(say(e)).toContain('sqlite_stat1');
    expect(checkFile(bad).map((p) => p.key)).toContain('check.schema.extra');
    expect((await openRefused(bad)).message).toBe('err.db.schema');
  });

  it('a view under sqlite_stat4, and a sqlite_stat1 table with other columns, are refused too', async () => {
    const view = await tampered('stat4view', hideInSchema('view', 'sqlite_stat4', 'sqlite_stat4', 'CREATE VIEW sqlite_stat4 AS SELECT 1'));
    expect(checkFile(view).map((p) => p.code)).toContain('SCHEMA');
    const table = await tampered('stat1cols', (db) => {
      db.exec('ANALYZE');
      db.pragma('writable_schema = ON');
      db.prepare(`UPDATE sqlite_master SET sql = 'CREATE TABLE sqlite_stat1(tbl,idx,stat,x AS (upper(tbl)))' WHERE name = 'sqlite_stat1'`).run();
      db.pragma('writable_schema = OFF');
    });
    expect(checkFile(table).map((p) => p.key)).toContain('check.schema.extra');
  });

  it('the statistics ANALYZE and PRAGMA optimize write are still no reason to refuse a file', async () => {
    const analysed = await tampered('analysed', (db) => db.exec('ANALYZE'));
    const db = new Database(analysed, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('sqlite_stat1', 'sqlite_stat4')`).pluck().get()).toBeGreaterThan(0);
    db.close();
    expect(checkFile(analysed)).toEqual([]);
    expect(validateDatabaseFile(analysed).workers).toBe(1);
  });
});

describe('a negative user_version', () => {
  it('is refused (it skipped the schema and audit checks: an extra trigger passed)', async () => {
    const bad = await tampered('negative', (db) => {
      db.exec(`CREATE TRIGGER evil AFTER UPDATE ON hazards BEGIN UPDATE enterprise SET name = 'PWNED'; END`);
      db.pragma('user_version = -1');
    });
    const e = errorOf(() => validateDatabaseFile(bad));
    expect(e.message).toBe('err.db.schema');
    expect((e.details!.problems as { key: string }[]).map((p) => p.key)).toContain('check.schema.badVersion');
    expect(checkFile(bad).map((p) => p.key)).toContain('check.schema.badVersion');
    expect((await openRefused(bad)).message).toBe('err.db.schema');
  });
});

describe('a hot rollback journal beside the file', () => {
  /** a store and the journal of a transaction whose pages were spilled into it, both copied while it was open */
  async function hotJournal(): Promise<{ file: string; good: string }> {
    tc = await openTestCore();
    const good = path.join(dir, 'good.sqlite');
    await backupTo(tc.core.store.db, good);
    const f = path.join(dir, 'journal.sqlite');
    fs.copyFileSync(good, f);
    const db = new Database(f);
    db.pragma('journal_mode = DELETE');
    db.pragma('cache_size = 1');
    db.exec('BEGIN');
    db.exec('CREATE TABLE spill (x)');
    for (let i = 0; i < 500; i++) db.prepare('INSERT INTO spill VALUES (randomblob(600))').run();
    const file = path.join(dir, 'hot.sqlite');
    fs.copyFileSync(f, file);
    fs.copyFileSync(`${f}-journal`, `${file}-journal`);
    db.exec('ROLLBACK');
    db.close();
    return { file, good };
  }

  it('is never rolled back by a check: the file is refused as such (not "read-only"), the journal left alone', async () => {
    const { file } = await hotJournal();
    expect(checkFile(file).map((p) => p.key)).toContain('err.db.hotJournal');
    expect(errorOf(() => validateDatabaseFile(file)).message).toBe('err.db.hotJournal');
    expect(fs.existsSync(`${file}-journal`)).toBe(true);
  });

  it('at start: refused with a restore offered; the restore keeps the journal aside with the file it belongs to', async () => {
    const { file, good } = await hotJournal();
    const data = path.join(dir, 'data-hot');
    fs.mkdirSync(data);
    const db = path.join(data, 'ankang.sqlite');
    fs.copyFileSync(file, db);
    fs.copyFileSync(`${file}-journal`, `${db}-journal`);
    let e: AppError | null = null;
    await Core.open({ dataDir: data, host: 'test' }).then(
      (c) => c.close(),
      (x: unknown) => (e = x as AppError),
    );
    expect(e).toBeInstanceOf(AppError);
    e = e as unknown as AppError;
    expect(e.message).toBe('err.db.hotJournal');
    expect(e.details).toMatchObject({ recoverable: true });
    const opened: { core: Core | null } = { core: null };
    const r = await restoreInto({ db, dataDir: data }, good, {
      reopen: async () => {
        opened.core = await Core.open({ dataDir: data, host: 'test' });
      },
    });
    const core = opened.core;
    try {
      expect(core).not.toBeNull();
      expect(fs.existsSync(`${db}-journal`)).toBe(false);
      expect(fs.existsSync(`${r.aside}-journal`)).toBe(true);
      expect(core!.store.db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'spill'`).pluck().get()).toBe(0);
    } finally {
      core?.close();
    }
  });
});

describe('lone UTF-16 surrogates', () => {
  it('an audit entry written with one verifies when read back (the hash is over the text as stored)', async () => {
    tc = await openTestCore();
    const store = tc.core.store;
    writeAudit(store, SYSTEM_ACTOR, { entity: 'test', entityId: 'e1', action: 'note', reason: '重复\uD800上报', after: { note: 'x\uDC00y' } });
    writeAudit(store, SYSTEM_ACTOR, { entity: 'test', entityId: 'e2', action: 'note', reason: '正常' });
    expect(verifyAuditChain(store.db)).toEqual([]);
  });

  it('every channel refuses input text with one, naming the field, and writes nothing', async () => {
    tc = await openTestCore();
    const ws = await tc.call('org.create', { kind: 'workshop', parentId: null, name: '一车间' });
    const before = tc.core.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const r = await tc.core.dispatch(
      'hazards.report',
      { foundAt: '2026-11-20T09:30', source: 'self_check', category1: 'material', category2: 'physical', description: '配电箱门未关闭\uD800', workshopId: ws.id },
      tc.session,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.details).toEqual({ issues: [{ path: 'description', message: 'v.invalid' }] });
    }
    const renamed = await tc.core.dispatch('org.rename', { id: ws.id, name: '\uDFFF车间' }, tc.session);
    expect(renamed.ok).toBe(false);
    expect(tc.core.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    expect(verifyAuditChain(tc.core.store.db)).toEqual([]);
    // well-formed text, rare characters (a surrogate pair) included, passes
    expect((await tc.core.dispatch('org.rename', { id: ws.id, name: '𠮷车间' }, tc.session)).ok).toBe(true);
  });

  it('loneSurrogatePath finds one in a nested value or key and passes pairs', () => {
    expect(loneSurrogatePath({ a: [{ b: 'ok' }, { c: 'x\uD83D' }] })).toBe('a.1.c');
    expect(loneSurrogatePath({ ['k\uDC00']: 1 })).toBe('k\uDC00');
    expect(loneSurrogatePath({ a: '𠮷😀', b: ['\u202E\u0000'] })).toBeNull();
    expect(loneSurrogatePath('\uD800')).toBe('');
    expect(loneSurrogatePath(null)).toBeNull();
  });
});

describe('a whole log rewritten from some entry on (hashes recomputed, triggers put back)', () => {
  async function check(dataDir: string, ...args: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const so = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    }) as typeof process.stdout.write);
    const se = vi.spyOn(process.stderr, 'write').mockImplementation((() => true) as typeof process.stderr.write);
    try {
      return { code: await run(['check', '--data', dataDir, ...args]), out };
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
  }

  it('passes the chain check (the documented limit) but not `cli check --fingerprint` with the 数据指纹 printed before', async () => {
    tc = await openTestCore({ dir: path.join(dir, 'data') });
    for (let i = 0; i < 3; i++) await tc.call('org.create', { kind: 'workshop', parentId: null, name: `车间${i}` });
    const printed = chainHead(tc.core.store); // on a statistics table signed today
    for (let i = 3; i < 6; i++) await tc.call('org.create', { kind: 'workshop', parentId: null, name: `车间${i}` });
    const dataDir = tc.dir;
    tc.core.close();
    tc = null;
    expect(await check(dataDir, '--fingerprint', printed.fingerprint)).toMatchObject({ code: 0 });
    expect((await check(dataDir, '--fingerprint', printed.fingerprint)).out).toContain(`数据指纹 ${printed.fingerprint} 与审计日志第 ${printed.seq} 条相符`);

    // the attacker edits an entry before the printed one and recomputes every later hash, triggers dropped and re-made
    const raw = new Database(path.join(dataDir, 'ankang.sqlite'));
    const triggers = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).all() as { name: string; sql: string }[];
    for (const t of triggers) raw.exec(`DROP TRIGGER ${t.name}`);
    const rows = raw.prepare('SELECT seq, id, at, actor_id, actor_name, entity, entity_id, action, before, after, reason FROM audit_log ORDER BY seq').all() as AuditRowContent[];
    let prev = '';
    for (const r of rows) {
      if (r.seq === printed.seq - 1) r.reason = '补录';
      const hash = entryHash(r, prev);
      raw.prepare('UPDATE audit_log SET reason = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(r.reason, prev, hash, r.seq);
      prev = hash;
    }
    for (const t of triggers) raw.exec(t.sql);
    raw.close();

    expect((await check(dataDir)).code).toBe(0); // the chain alone cannot show it
    const bad = await check(dataDir, '--fingerprint', printed.fingerprint);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`数据指纹 ${printed.fingerprint} 与审计日志第 ${printed.seq} 条不符`);
    // as printed, or typed without dashes and in capitals
    expect((await check(dataDir, '--fingerprint', printed.fingerprint.replace(/-/g, '').toUpperCase())).code).toBe(1);
    expect(await check(dataDir, '--fingerprint', 'not a fingerprint')).toMatchObject({ code: 2 });
  });
});
