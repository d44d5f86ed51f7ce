// Backups: online backup of a live WAL store, retention of dated backup files, validation of a file before restore.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupTo, defaultBackupName, pruneBackups, validateDatabaseFile } from '../../electron/core/backup';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { AppError } from '../../shared/result';
import { openTestCore, say, tmpDir, type TestCore } from '../helpers/core';

let dir: string;
let tc: TestCore | null = null;
beforeEach(() => {
  dir = tmpDir('ankang-backup-');
});
afterEach(() => {
  tc?.close();
  tc = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
  return undefined;
}

describe('backupTo', () => {
  it('reports progress in pages until every page is copied, and leaves no partial file', async () => {
    tc = await openTestCore();
    const seen: { done: number; total: number }[] = [];
    const file = path.join(dir, 'progress.sqlite');
    await backupTo(tc.core.store.db, file, (p) => seen.push(p));
    expect(seen.length).toBeGreaterThan(0);
    const last = seen[seen.length - 1]!;
    expect(last.total).toBeGreaterThan(0);
    expect(last.done).toBe(last.total);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it('an online backup of a live store contains every committed row (including what is still in the WAL)', async () => {
    tc = await openTestCore();
    await tc.call('workers.create', { empNo: 'B1', name: '备份一', gender: 'M' });
    await tc.call('workers.create', { empNo: 'B2', name: '备份二', gender: 'F' });
    // the store is in WAL mode and the rows are not checkpointed into the main file yet
    expect(tc.core.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fs.existsSync(path.join(tc.dir, 'ankang.sqlite-wal'))).toBe(true);

    const file = path.join(dir, 'nested', 'deeper', 'copy.sqlite');
    const r = await backupTo(tc.core.store.db, file);
    expect(r.file).toBe(file);
    expect(r.bytes).toBe(fs.statSync(file).size);
    expect(r.bytes).toBeGreaterThan(0);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.prepare('SELECT emp_no FROM workers ORDER BY emp_no').pluck().all()).toEqual(['A0001', 'B1', 'B2']);
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(
        tc.core.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
      );
    } finally {
      copy.close();
    }
    expect(validateDatabaseFile(file)).toEqual({ schemaVersion: LATEST_VERSION, workers: 3, enterprise: '测试化工有限公司' });
  });

  it('refuses to overwrite an existing file and leaves it as it was', async () => {
    tc = await openTestCore();
    const file = path.join(dir, 'exists.sqlite');
    fs.writeFileSync(file, 'keep me');
    expect(await codeOf(() => backupTo(tc!.core.store.db, file))).toBe('CONFLICT');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const second = path.join(dir, 'b.sqlite');
    await backupTo(tc.core.store.db, second);
    const size = fs.statSync(second).size;
    await tc.call('workers.create', { empNo: 'LATE', name: '后来', gender: 'M' });
    expect(await codeOf(() => backupTo(tc!.core.store.db, second))).toBe('CONFLICT');
    expect(fs.statSync(second).size).toBe(size);
    expect(validateDatabaseFile(second).workers).toBe(1);
  });

  it('defaultBackupName is a dated file in the folder, the form pruneBackups manages', () => {
    const name = defaultBackupName(dir);
    expect(path.dirname(name)).toBe(dir);
    expect(path.basename(name)).toMatch(/^ankang-\d{8}-\d{6}\.sqlite$/);
  });
});

describe('pruneBackups retention', () => {
  const touch = (names: string[]) => {
    for (const n of names) fs.writeFileSync(path.join(dir, n), n);
  };
  const now = new Date(2026, 2, 10, 15, 0, 0); // 2026-03-10 15:00 local time
  const today = ['090000', '100000', '110000', '120000', '130000', '140000', '145959'].map((t) => `ankang-20260310-${t}.sqlite`);
  const yesterday = ['080000', '180000', '235959'].map((t) => `ankang-20260309-${t}.sqlite`);
  const older = ['ankang-20260301-120000.sqlite', 'ankang-20251231-010000.sqlite', 'ankang-20251231-020000.sqlite'];
  const foreign = ['notes.txt', 'ankang-20260310-1200.sqlite', 'pre-migrate-v1-20260101-000000.sqlite', 'ankang-20260310-100000.sqlite.partial'];

  it('keeps today’s newest 5 and the newest of each earlier day; other files are never touched', () => {
    touch([...today, ...yesterday, ...older, ...foreign]);
    const removed = pruneBackups(dir, { now });
    expect(removed.sort()).toEqual(
      [
        'ankang-20260310-090000.sqlite',
        'ankang-20260310-100000.sqlite',
        'ankang-20260309-080000.sqlite',
        'ankang-20260309-180000.sqlite',
        'ankang-20251231-010000.sqlite',
      ].sort(),
    );
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        'ankang-20260310-110000.sqlite',
        'ankang-20260310-120000.sqlite',
        'ankang-20260310-130000.sqlite',
        'ankang-20260310-140000.sqlite',
        'ankang-20260310-145959.sqlite',
        'ankang-20260309-235959.sqlite',
        'ankang-20260301-120000.sqlite',
        'ankang-20251231-020000.sqlite',
        ...foreign,
      ].sort(),
    );
    // idempotent
    expect(pruneBackups(dir, { now })).toEqual([]);
  });

  it('the cap keeps only the newest files overall', () => {
    touch([...today, ...yesterday, ...older, ...foreign]);
    pruneBackups(dir, { now, cap: 6 });
    expect(fs.readdirSync(dir).filter((f) => !foreign.includes(f)).sort()).toEqual(
      [
        'ankang-20260310-110000.sqlite',
        'ankang-20260310-120000.sqlite',
        'ankang-20260310-130000.sqlite',
        'ankang-20260310-140000.sqlite',
        'ankang-20260310-145959.sqlite',
        'ankang-20260309-235959.sqlite',
      ].sort(),
    );
    expect(foreign.every((f) => fs.existsSync(path.join(dir, f)))).toBe(true);
  });

  it('custom "today" count, and the default cap of 30 over many days', () => {
    touch(today);
    pruneBackups(dir, { now, today: 2 });
    expect(fs.readdirSync(dir).sort()).toEqual(['ankang-20260310-140000.sqlite', 'ankang-20260310-145959.sqlite']);

    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    const days: string[] = [];
    for (let i = 1; i <= 40; i++) {
      const d = new Date(2026, 0, i); // Jan 1 … Feb 9
      days.push(`ankang-${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}-120000.sqlite`);
    }
    touch(days);
    const removed = pruneBackups(dir, { now });
    expect(removed).toHaveLength(10);
    expect(fs.readdirSync(dir).sort()).toEqual(days.slice(10).sort());
  });

  it('a missing folder is fine', () => {
    expect(pruneBackups(path.join(dir, 'nope'))).toEqual([]);
  });
});

describe('validateDatabaseFile', () => {
  it('a file that is not SQLite → BAD_FILE', async () => {
    const f = path.join(dir, 'not.sqlite');
    fs.writeFileSync(f, '工号,姓名\nA1,张三\n');
    expect(await codeOf(() => validateDatabaseFile(f))).toBe('BAD_FILE');
    fs.writeFileSync(f, Buffer.alloc(0));
    expect(await codeOf(() => validateDatabaseFile(f))).toBe('BAD_FILE');
  });

  it('a missing file → NOT_FOUND', async () => {
    expect(await codeOf(() => validateDatabaseFile(path.join(dir, 'missing.sqlite')))).toBe('NOT_FOUND');
  });

  it('a newer schema → DB_TOO_NEW', async () => {
    const f = path.join(dir, 'newer.sqlite');
    const db = new Database(f);
    db.exec('CREATE TABLE enterprise (x); CREATE TABLE workers (deleted_at); CREATE TABLE audit_log (x);');
    db.pragma('user_version = 99');
    db.close();
    expect(await codeOf(() => validateDatabaseFile(f))).toBe('DB_TOO_NEW');
  });

  it('an SQLite file without the Ankang tables → BAD_FILE', async () => {
    const f = path.join(dir, 'other.sqlite');
    const db = new Database(f);
    db.exec('CREATE TABLE enterprise (x); CREATE TABLE something_else (y);');
    db.pragma('user_version = 1');
    db.close();
    let err: unknown;
    try {
      validateDatabaseFile(f);
    } catch (e) {
      err = e;
    }
    expect((err as AppError).code).toBe('BAD_FILE');
    // its schema is not Ankang's version 1: every difference is listed (workers missing, something_else extra, …)
    expect((err as AppError).message).toBe('err.db.schema');
    const problems = (err as AppError).details!.problems as { key: string; params: { name: string } }[];
    expect(problems).toContainEqual(expect.objectContaining({ key: 'check.schema.missing', params: expect.objectContaining({ name: 'workers' }) }));
    expect(problems).toContainEqual(expect.objectContaining({ key: 'check.schema.extra', params: expect.objectContaining({ name: 'something_else' }) }));
    expect(say(err as AppError)).toContain('结构版本 1');
  });

  it('a damaged SQLite file → BAD_FILE', async () => {
    tc = await openTestCore();
    for (let i = 0; i < 50; i++) await tc.call('workers.create', { empNo: `X${i}`, name: `职工${i}`, gender: 'M', post: '很长的岗位名称'.repeat(7) });
    const good = path.join(dir, 'good.sqlite');
    await backupTo(tc.core.store.db, good);
    const buf = fs.readFileSync(good);
    const pageSize = buf.readUInt16BE(16);
    expect(buf.length).toBeGreaterThan(pageSize * 3);
    // keep page 1 (header + schema), scribble over the rest
    for (let i = pageSize; i < buf.length; i++) buf[i] = (i * 131) % 251;
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, buf);
    expect(await codeOf(() => validateDatabaseFile(bad))).toBe('BAD_FILE');
    // the intact one validates
    expect(validateDatabaseFile(good).workers).toBe(51);
  });
});
