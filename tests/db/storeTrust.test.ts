// Untrusted files and a bad store at start (issue 7, "Files and the store" 1 and 3): the exact schema per version,
// application_id, restore through SQLite (with the WAL's rows), the checks every open runs before writing, read-only
// closing, a full disk, and a restore while the core is open.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupTo, listBackups, restoreInto, validateDatabaseFile } from '../../electron/core/backup';
import { Core } from '../../electron/core/core';
import { checkFile, checkStore, openUntrusted } from '../../electron/core/db/health';
import { LATEST_VERSION, migrate } from '../../electron/core/db/migrations';
import { APPLICATION_ID, compareSchema, expectedSchema } from '../../electron/core/db/schemaCheck';
import { openDatabase, Store } from '../../electron/core/db/store';
import { AppError } from '../../shared/result';
import { openTestCore, say, tmpDir, type TestCore } from '../helpers/core';

let dir: string;
let tc: TestCore | null = null;
beforeEach(() => {
  dir = tmpDir('ankang-trust-');
});
afterEach(() => {
  tc?.close();
  tc = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}
async function asyncErrorOf(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

/** A good backup of a small store, and a copy of it changed by `tamper` (raw SQLite, as an attacker would). */
async function tampered(name: string, tamper: (db: Database.Database) => void): Promise<{ good: string; bad: string }> {
  tc ??= await openTestCore();
  const good = path.join(dir, `good-${name}.sqlite`);
  if (!fs.existsSync(good)) await backupTo(tc.core.store.db, good);
  const bad = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(good, bad);
  const db = new Database(bad);
  db.unsafeMode(true); // an attacker's own SQLite has no defensive mode
  tamper(db);
  db.close();
  return { good, bad };
}

describe('exact schema per version', () => {
  it('a fresh store has exactly the schema of its version; every version has one', async () => {
    tc = await openTestCore();
    expect(compareSchema(tc.core.store.db)).toEqual([]);
    expect(expectedSchema(0).size).toBe(0);
    for (let v = 1; v <= LATEST_VERSION; v++) expect(expectedSchema(v).size).toBeGreaterThan(0);
    // a store migrated step by step from version 1 ends with the same schema as a fresh one
    const old = openDatabase(path.join(dir, 'old.sqlite'));
    await migrate(old, { target: 1 });
    expect(compareSchema(old)).toEqual([]);
    await migrate(old);
    expect(compareSchema(old, LATEST_VERSION)).toEqual([]);
    old.close();
  });

  it.each<[string, (db: Database.Database) => void, string]>([
    [
      'an extra trigger that rewrites closed hazards whenever an audit row is written',
      (db) =>
        db.exec(`CREATE TRIGGER evil AFTER INSERT ON audit_log BEGIN UPDATE hazards SET status = 'open' WHERE status = 'closed'; END`),
      // the audit-chain check names a foreign trigger on a protected table itself (the schema check would too)
      'problem.audit.triggerExtra',
    ],
    ['an extra view', (db) => db.exec('CREATE VIEW v_workers AS SELECT * FROM workers'), 'check.schema.extra'],
    [
      'the audit triggers dropped',
      (db) => {
        const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).pluck().all() as string[];
        expect(triggers.length).toBeGreaterThan(0);
        for (const t of triggers) db.exec(`DROP TRIGGER "${t}"`);
      },
      'problem.audit.triggerMissing',
    ],
    ['a changed index', (db) => db.exec(`DROP INDEX ${db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL LIMIT 1`).pluck().get() as string}`), 'check.schema.missing'],
    ['an extra table', (db) => db.exec('CREATE TABLE notes (x)'), 'check.schema.extra'],
  ])('restore refuses %s', async (_label, tamper, key) => {
    const { good, bad } = await tampered('t', tamper);
    const e = errorOf(() => validateDatabaseFile(bad));
    expect(e.code).toBe('BAD_FILE');
    expect((e.details!.problems as { key: string }[]).map((p) => p.key)).toContain(key);
    expect(e.message).toBe(key.startsWith('check.schema') ? 'err.db.schema' : key);
    if (key.startsWith('check.schema')) expect(say(e)).toContain(`结构版本 ${LATEST_VERSION}`);
    expect(validateDatabaseFile(good).workers).toBe(1);
    // and restoring it changes nothing
    const data = path.join(dir, 'data');
    const reopen = vi.fn(async () => undefined);
    expect((await asyncErrorOf(() => restoreInto({ db: path.join(data, 'ankang.sqlite'), dataDir: data }, bad, { reopen }))).message).toBe(e.message);
    expect(reopen).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(data, 'ankang.sqlite'))).toBe(false);
    expect(fs.readdirSync(data)).toEqual([]);
  });

  it('three empty tables named like Ankang’s are not an Ankang store', () => {
    const f = path.join(dir, 'lookalike.sqlite');
    const db = new Database(f);
    db.exec('CREATE TABLE enterprise (name, deleted_at); CREATE TABLE workers (deleted_at); CREATE TABLE audit_log (x);');
    db.pragma(`user_version = ${LATEST_VERSION}`);
    db.close();
    const e = errorOf(() => validateDatabaseFile(f));
    expect(e.message).toBe('err.db.schema');
    const keys = (e.details!.problems as { key: string }[]).map((p) => p.key);
    expect(keys).toContain('check.schema.different');
    expect(keys).toContain('check.schema.missing');
  });

  it('a foreign application_id is refused even with Ankang’s schema', async () => {
    const { bad } = await tampered('app', (db) => db.pragma('application_id = 1234'));
    const e = errorOf(() => validateDatabaseFile(bad));
    expect(e.message).toBe('err.db.foreignApp');
    expect(say(e)).toContain('0x4d2');
  });
});

describe('untrusted connections', () => {
  it('are read-only, query-only, with trusted_schema OFF: a function of the file’s schema never runs', async () => {
    const { bad } = await tampered('fn', (db) => db.exec(`CREATE VIEW calls_app AS SELECT ankang_grams(name) AS g FROM workers`));
    const db = openUntrusted(bad);
    try {
      expect(db.readonly).toBe(true);
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(db.pragma('query_only', { simple: true })).toBe(1);
      db.function('ankang_grams', (_v: unknown) => 'ran');
      // an app function reached through the file's own view is refused (not innocuous)
      expect(() => db.prepare('SELECT g FROM calls_app').all()).toThrow(/unsafe use of ankang_grams/);
    } finally {
      db.close();
    }
  });
});

describe('restore through SQLite', () => {
  it('a file with a -wal beside it is restored WITH the rows that are only in the WAL', async () => {
    tc = await openTestCore();
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    const srcFile = path.join(src, 'b.sqlite');
    await backupTo(tc.core.store.db, srcFile);
    // a writer that never checkpoints: its new rows live only in b.sqlite-wal
    const w = new Database(srcFile);
    w.pragma('journal_mode = WAL');
    w.pragma('wal_autocheckpoint = 0');
    w.prepare(`UPDATE enterprise SET name = '只在日志里的企业名'`).run();
    const copy = path.join(dir, 'copy');
    fs.mkdirSync(copy);
    // what a user copies: the main file (without the row) and the WAL beside it
    fs.copyFileSync(srcFile, path.join(copy, 'b.sqlite'));
    fs.copyFileSync(`${srcFile}-wal`, path.join(copy, 'b.sqlite-wal'));
    w.close();
    const plain = new Database(path.join(copy, 'b.sqlite'), { readonly: true });
    plain.close();
    expect(fs.existsSync(path.join(copy, 'b.sqlite-wal'))).toBe(true);

    const data = path.join(dir, 'data');
    const r = await restoreInto({ db: path.join(data, 'ankang.sqlite'), dataDir: data }, path.join(copy, 'b.sqlite'), { reopen: async () => undefined });
    expect(r.enterprise).toBe('只在日志里的企业名');
    expect(fs.readdirSync(data).sort()).toEqual(['ankang.sqlite']);
    const got = new Database(path.join(data, 'ankang.sqlite'), { readonly: true });
    expect(got.prepare('SELECT name FROM enterprise').pluck().get()).toBe('只在日志里的企业名');
    got.close();
  });
});

describe('restore rolls back', () => {
  it('when the restored store does not open, the previous one is back in place and nothing is left over', async () => {
    tc = await openTestCore();
    const backup = path.join(dir, 'b.sqlite');
    await backupTo(tc.core.store.db, backup);
    const data = path.join(dir, 'data');
    fs.mkdirSync(data);
    const db = path.join(data, 'ankang.sqlite');
    fs.copyFileSync(backup, db);
    const w = new Database(db);
    w.prepare(`UPDATE enterprise SET address = '原来的'`).run();
    w.close();
    const before = sha(db);
    const e = await asyncErrorOf(() =>
      restoreInto({ db, dataDir: data }, backup, {
        reopen: async () => {
          throw new AppError('INTERNAL', 'err.diskFull');
        },
      }),
    );
    expect(e.message).toBe('err.diskFull');
    expect(sha(db)).toBe(before);
    expect(fs.readdirSync(data)).toEqual(['ankang.sqlite']);
  });
});

describe('opening the store', () => {
  const dbOf = (d: string) => path.join(d, 'ankang.sqlite');

  it('a missing file becomes a new store carrying Ankang’s application_id; nothing half-made is left', async () => {
    tc = await openTestCore({ dir });
    expect(tc.core.store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.new'))).toEqual([]);
  });

  it.each<[string, (f: string) => void, string]>([
    ['a zero-byte file', (f) => fs.writeFileSync(f, ''), 'err.db.empty'],
    ['a text file', (f) => fs.writeFileSync(f, '工号,姓名\n'.repeat(100)), 'err.db.notSqlite'],
  ])('%s is refused in the user’s language and left as it was', async (_l, make, key) => {
    make(dbOf(dir));
    const before = sha(dbOf(dir));
    const e = await asyncErrorOf(() => Core.open({ dataDir: dir, host: 'test' }));
    expect(e.message).toBe(key);
    expect(e.details!.recoverable).toBe(true);
    expect(say(e)).not.toMatch(/SQLITE|malformed|file is not a database/);
    expect(sha(dbOf(dir))).toBe(before);
  });

  it('a truncated store and one with damaged pages are refused (quick_check) and never written', async () => {
    tc = await openTestCore();
    for (let i = 0; i < 60; i++) await tc.call('workers.create', { empNo: `X${i}`, name: `职工${i}`, gender: 'M', post: '很长的岗位名称'.repeat(7) });
    const good = path.join(dir, 'good.sqlite');
    await backupTo(tc.core.store.db, good);
    const buf = fs.readFileSync(good);
    const pageSize = buf.readUInt16BE(16);

    const truncated = path.join(dir, 'truncated');
    fs.mkdirSync(truncated);
    fs.writeFileSync(dbOf(truncated), buf.subarray(0, Math.floor(buf.length / 3)));
    const e1 = await asyncErrorOf(() => Core.open({ dataDir: truncated, host: 'test' }));
    expect(['err.db.corrupt', 'err.db.integrity']).toContain(e1.message);

    const damaged = path.join(dir, 'damaged');
    fs.mkdirSync(damaged);
    const bad = Buffer.from(buf);
    // keep the schema pages, scribble over the second half of the file (workers' pages)
    for (let i = Math.floor(buf.length / pageSize / 2) * pageSize; i < bad.length; i++) bad[i] = (i * 131) % 251;
    fs.writeFileSync(dbOf(damaged), bad);
    const before = sha(dbOf(damaged));
    const e2 = await asyncErrorOf(() => Core.open({ dataDir: damaged, host: 'test' }));
    expect(['err.db.corrupt', 'err.db.integrity']).toContain(e2.message);
    expect(e2.details!.recoverable).toBe(true);
    expect(sha(dbOf(damaged))).toBe(before);
    expect(fs.readdirSync(damaged)).toEqual(['ankang.sqlite']);
  });

  it('a foreign database in the data folder is refused and never migrated in place', async () => {
    const foreign = new Database(dbOf(dir));
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total)');
    foreign.pragma('application_id = 1179796551');
    foreign.close();
    const before = sha(dbOf(dir));
    const e = await asyncErrorOf(() => Core.open({ dataDir: dir, host: 'test' }));
    expect(e.message).toBe('err.db.foreignApp');
    expect(sha(dbOf(dir))).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);

    // without an application_id: a schema that is not Ankang's for its version is refused too
    fs.rmSync(dbOf(dir));
    const other = new Database(dbOf(dir));
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total)');
    other.close();
    const e2 = await asyncErrorOf(() => Core.open({ dataDir: dir, host: 'test' }));
    expect(e2.message).toBe('err.db.schema');
    expect(say(e2)).toContain('invoices');
    const check = new Database(dbOf(dir), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.prepare(`SELECT count(*) FROM sqlite_master`).pluck().get()).toBe(1);
    check.close();
  });

  it('an older Ankang store without an application_id is migrated and stamped', async () => {
    const old = openDatabase(dbOf(dir));
    await migrate(old, { target: 2 });
    old.close();
    const core = await Core.open({ dataDir: dir, host: 'test' });
    expect(core.schemaVersion).toBe(LATEST_VERSION);
    expect(core.store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    core.close();
  });

  it('a store with an extra trigger is refused at open (never run)', async () => {
    const { bad } = await tampered('open', (db) => db.exec(`CREATE TRIGGER evil AFTER INSERT ON audit_log BEGIN DELETE FROM workers; END`));
    const d = path.join(dir, 'tampered');
    fs.mkdirSync(d);
    fs.copyFileSync(bad, dbOf(d));
    const e = await asyncErrorOf(() => Core.open({ dataDir: d, host: 'test' }));
    expect(e.message).toBe('err.db.schema');
    expect(say(e)).toContain('evil');
  });
});

describe('a read-only file or folder', () => {
  it('the store is refused for writing with a clear message (nothing opened, nothing written)', async () => {
    tc = await openTestCore({ dir });
    tc.core.close();
    const before = sha(path.join(dir, 'ankang.sqlite'));
    // tests run as root, where chmod does not stop writes: the file system answers EACCES instead
    const real = fs.accessSync;
    const spy = vi.spyOn(fs, 'accessSync').mockImplementation((p, mode) => {
      if (mode === fs.constants.W_OK) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return real(p, mode);
    });
    try {
      const e = await asyncErrorOf(() => Core.open({ dataDir: dir, host: 'test' }));
      expect(e.message).toBe('err.db.readOnly');
      expect(e.details!.recoverable).toBe(false);
      expect(say(e)).toContain('只读');
    } finally {
      spy.mockRestore();
    }
    expect(sha(path.join(dir, 'ankang.sqlite'))).toBe(before);
    tc = null;
  });

  it('a lock in a read-only folder: a clear message, and no lock file left behind', async () => {
    const { acquireLock } = await import('../../electron/core/lock');
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
    });
    try {
      const e = errorOf(() => acquireLock(path.join(dir, 'ankang.lock')));
      expect(e.message).toBe('err.db.readOnly');
    } finally {
      spy.mockRestore();
    }
    expect(fs.existsSync(path.join(dir, 'ankang.lock'))).toBe(false);
  });
});

describe('closing, a full disk, every problem at once', () => {
  it('Store.close never throws when PRAGMA optimize fails (read-only file) and still closes', () => {
    const db = openDatabase(path.join(dir, 'x.sqlite'));
    const store = new Store(db);
    const real = db.pragma.bind(db);
    vi.spyOn(db, 'pragma').mockImplementation(((s: string, o?: object) => {
      if (s === 'optimize') throw Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
      return real(s, o as never);
    }) as typeof db.pragma);
    expect(() => store.close()).not.toThrow();
    expect(db.open).toBe(false);
  });

  it('a full disk: "磁盘空间不足" and nothing half-written', async () => {
    tc = await openTestCore();
    const db = tc.core.store.db;
    const count = () => [db.prepare('SELECT count(*) FROM workers').pluck().get(), db.prepare('SELECT count(*) FROM audit_log').pluck().get()];
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let err: { message: string } | null = null;
    let before = count();
    for (let i = 0; i < 500 && !err; i++) {
      before = count();
      try {
        await tc.call('workers.create', { empNo: `F${i}`, name: `满盘${i}`, gender: 'M', post: '岗位'.repeat(20) });
      } catch (e) {
        err = (e as { data: { message: string } }).data;
      }
    }
    expect(err?.message).toBe('err.diskFull');
    expect(say(err!)).toContain('磁盘空间不足');
    // the failed call left neither its worker nor its audit row
    expect(count()).toEqual(before);
    db.pragma('max_page_count = 1073741823');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('checkFile reports every problem of a file, not the first one', async () => {
    const { bad } = await tampered('many', (db) => {
      db.exec(`CREATE VIEW v1 AS SELECT 1; CREATE TABLE extra (x)`);
      db.pragma('application_id = 77');
      db.pragma('foreign_keys = OFF');
      db.exec(`INSERT INTO operators (id, worker_id, is_admin, created_at, updated_at) SELECT 'zz', 'nobody', 0, '', '' WHERE 0`);
    });
    const problems = checkFile(bad);
    const codes = problems.map((p) => p.code);
    expect(codes).toContain('FOREIGN_APP');
    expect(problems.filter((p) => p.code === 'SCHEMA').map((p) => p.params?.name)).toEqual(expect.arrayContaining(['v1', 'extra']));
    // a healthy store has none
    expect(checkStore(tc!.core.store.db, { full: true })).toEqual([]);
  });
});

describe('backups list and restore while the core is open', () => {
  it('lists backups newest first with enterprise and workers; a damaged one says what is wrong', async () => {
    tc = await openTestCore();
    const b = tc.core.paths.backups;
    await backupTo(tc.core.store.db, path.join(b, 'ankang-20260101-100000.sqlite'));
    fs.utimesSync(path.join(b, 'ankang-20260101-100000.sqlite'), new Date(2026, 0, 1), new Date(2026, 0, 1));
    await backupTo(tc.core.store.db, path.join(b, 'ankang-20260102-100000.sqlite'));
    fs.writeFileSync(path.join(b, 'ankang-20250101-100000.sqlite'), 'junk');
    fs.utimesSync(path.join(b, 'ankang-20250101-100000.sqlite'), new Date(2025, 0, 1), new Date(2025, 0, 1));
    fs.writeFileSync(path.join(b, 'notes.txt'), 'x');
    const list = listBackups(b, { inspect: true });
    expect(list.map((e) => e.name)).toEqual(['ankang-20260102-100000.sqlite', 'ankang-20260101-100000.sqlite', 'ankang-20250101-100000.sqlite']);
    expect(list[0]).toMatchObject({ enterprise: '测试化工有限公司', workers: 1, schemaVersion: LATEST_VERSION, problem: null });
    expect(list[2]!.problem).toBe('err.db.notSqlite');
  });

  it('Core.restore swaps the store in place, keeps the old one aside, and signs every session out', async () => {
    tc = await openTestCore();
    const backup = path.join(dir, 'b.sqlite');
    await backupTo(tc.core.store.db, backup);
    await tc.call('workers.create', { empNo: 'LATER', name: '后来者', gender: 'M' });
    const r = await tc.core.restore(backup);
    expect(r).toMatchObject({ workers: 1, enterprise: '测试化工有限公司' });
    expect(fs.existsSync(r.aside!)).toBe(true);
    // the session signed in before the restore must sign in again
    await expect(tc.call('workers.list', {})).rejects.toThrow(/UNAUTHENTICATED/);
    const op = (await tc.call('session.operators'))[0]!;
    await tc.call('session.signIn', { operatorId: op.id });
    const rows = (await tc.call('workers.list', {})).rows.map((w) => w.empNo);
    expect(rows).toEqual(['A0001']);
    // the store kept aside holds the later worker
    const aside = new Database(r.aside!, { readonly: true });
    expect(aside.prepare(`SELECT count(*) FROM workers WHERE emp_no = 'LATER'`).pluck().get()).toBe(1);
    aside.close();
  });

  it('Core.restore of a tampered file changes nothing and the core keeps working', async () => {
    const { bad } = await tampered('live', (db) => db.exec('CREATE VIEW spy AS SELECT * FROM operators'));
    await tc!.call('workers.create', { empNo: 'STAY', name: '留下', gender: 'F' });
    const e = await asyncErrorOf(() => tc!.core.restore(bad));
    expect(e.message).toBe('err.db.schema');
    expect((await tc!.call('workers.list', {})).rows.map((w) => w.empNo).sort()).toEqual(['A0001', 'STAY']);
    expect(fs.readdirSync(tc!.dir).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([]);
  });
});
