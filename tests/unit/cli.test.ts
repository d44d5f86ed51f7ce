// The admin CLI in-process: exit codes (0 ok, 1 failure, 2 usage), stdout/stderr, and what each command
// does to the data folder.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../electron/cli/cli';
import { validateDatabaseFile } from '../../electron/core/backup';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { todayLocal } from '../../electron/core/util';
import { idCardCheckChar } from '../../shared/roster/idcard';
import type { WorkerRow } from '../../shared/roster/types';
import { tmpDir } from '../helpers/core';
import { messyXlsx } from '../helpers/messyRoster';

interface CliResult {
  code: number;
  out: string;
  err: string;
}
async function cli(...args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const so = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write);
  const se = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  }) as typeof process.stderr.write);
  try {
    const code = await run(args);
    return { code, out, err };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

const dirs: string[] = [];
function newDir(): string {
  const d = tmpDir('ankang-cli-');
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** One demo store, made once; tests that change data work on a copy. */
let demoDir: string;
let DEMO_N: number;
beforeAll(async () => {
  demoDir = newDir();
  const r = await cli('demo', '--size', 'small', '--data', demoDir);
  expect(r.code).toBe(0);
  DEMO_N = query<number>(demoDir, 'SELECT count(*) FROM workers');
  // every module's demo (issue 10's photos and a year of activities too): seconds, more on a busy machine
}, 120_000);
function demoCopy(): string {
  const d = newDir();
  fs.copyFileSync(path.join(demoDir, 'ankang.sqlite'), path.join(d, 'ankang.sqlite'));
  return d;
}
function query<T = unknown>(dataDir: string, sql: string, ...params: unknown[]): T {
  const db = new Database(path.join(dataDir, 'ankang.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as T;
  } finally {
    db.close();
  }
}
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const USAGE = '用法 / usage';

describe('cli: arguments', () => {
  const d = () => newDir();
  it.each([
    [[]],
    [['frobnicate']],
    [['roster']],
    [['roster', 'delete']],
    [['roster', 'import']],
    [['roster', 'export']],
    [['roster', 'list', 'extra.csv']],
    [['roster', 'import', 'a.csv', 'b.csv']],
    [['check', 'extra']],
    [['backup', 'somewhere']],
    [['restore']],
    [['demo', 'now']],
    [['demo', '--size', 'huge']],
    [['check', '--bogus']],
    [['--verbose', 'check']],
    [['check', '--json=1']],
    [['backup', '--to']],
    [['backup', '--to', '--json']],
  ])('%j → exit 2 with usage on stderr and nothing created', async (args) => {
    const dir = d();
    const r = await cli(...args, '--data', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(USAGE);
    expect(r.out).toBe('');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('--data without a value is a usage error', async () => {
    const r = await cli('check', '--data');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--data needs a value');
  });

  it('--data=DIR works like --data DIR', async () => {
    const dir = newDir();
    const r = await cli('check', `--data=${dir}`);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'ankang.sqlite'))).toBe(true);
  });
});

describe('cli: demo and check', () => {
  it('demo --size small fills the store; check reports ok and exits 0', async () => {
    expect(query<number>(demoDir, 'SELECT count(*) FROM workers')).toBe(860);
    expect(query<number>(demoDir, 'SELECT count(*) FROM operators')).toBe(7);
    // the workers' congress comes with it: last year's session closed, this year's in preparation
    expect(query<string>(demoDir, `SELECT group_concat(status, ',') FROM (SELECT status FROM congress_sessions ORDER BY seq)`)).toBe('closed,preparing');
    // and the skill-level wage: last year's vote adopted this year's scheme (effective), next year's is a draft
    expect(query<string>(demoDir, `SELECT group_concat(state, ',') FROM (SELECT state FROM wage_schemes WHERE deleted_at IS NULL ORDER BY version)`)).toBe('effective,draft');
    // and the special groups' health, the year's education and walls, this year's subsidy dossier draft
    for (const t of ['health_exposures', 'health_exams', 'health_due', 'health_certificates', 'edu_activities', 'edu_attendance', 'edu_wall_updates', 'subsidy_nominees']) {
      expect(query<number>(demoDir, `SELECT count(*) FROM ${t}`), t).toBeGreaterThan(0);
    }
    expect(query<number>(demoDir, 'SELECT year FROM subsidy_dossiers')).toBe(Number(todayLocal().slice(0, 4)));
    const r = await cli('check', '--data', demoDir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`结构版本 ${LATEST_VERSION}/${LATEST_VERSION}`);
    expect(r.out).toContain('完整性 ok');
    expect(r.out).toContain('外键问题 0');
  });

  it('demo on a non-empty store → exit 1 and nothing added', async () => {
    const dir = demoCopy();
    const audit = query<number>(dir, 'SELECT count(*) FROM audit_log');
    const r = await cli('demo', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误：/);
    expect(r.err).toContain('已有职工数据');
    expect(query<number>(dir, 'SELECT count(*) FROM workers')).toBe(DEMO_N);
    expect(query<number>(dir, 'SELECT count(*) FROM audit_log')).toBe(audit);
  });

  it('check on a damaged foreign-key graph exits 1', async () => {
    const dir = demoCopy();
    const db = new Database(path.join(dir, 'ankang.sqlite'));
    db.pragma('foreign_keys = OFF');
    db.prepare(`UPDATE workers SET team_id = 'ghost' WHERE emp_no = 'AK000001'`).run();
    db.close();
    const r = await cli('check', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('外键问题 1');
  });
});

describe('cli: roster list / export / import', () => {
  it('roster list --json prints the employed workers as JSON on stdout', async () => {
    const r = await cli('roster', 'list', '--json', '--data', demoDir);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as WorkerRow[];
    const active = query<number>(demoDir, `SELECT count(*) FROM workers WHERE status = 'active' AND deleted_at IS NULL`);
    expect(active).toBeLessThan(DEMO_N);
    expect(rows).toHaveLength(active);
    expect(rows[0]).toMatchObject({ empNo: 'AK000001', status: 'active' });
    expect(rows.every((w) => w.status === 'active')).toBe(true);
    expect(new Set(rows.map((w) => w.empNo)).size).toBe(rows.length);
    // no unmasked ID numbers leave through the list
    expect(rows.every((w) => /^\d{6}\*{8}[\dX]{4}$/.test(w.idCardMasked))).toBe(true);

    const all = JSON.parse((await cli('roster', 'list', '--json', '--all', '--data', demoDir)).out) as WorkerRow[];
    expect(all).toHaveLength(DEMO_N);
    const search = JSON.parse((await cli('roster', 'list', '--json', '--search', '反应釜', '--data', demoDir)).out) as WorkerRow[];
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((w) => w.post?.includes('反应釜'))).toBe(true);
  });

  it('roster list without --json prints one tab-separated line per worker and the count on stderr', async () => {
    const r = await cli('roster', 'list', '--search', 'AK00000', '--data', demoDir);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]!.split('\t')[0]).toBe('AK000001');
    expect(r.err).toContain(`${lines.length} 人`);
  });

  it('roster export FILE writes an .xlsx of the employed workers', async () => {
    const file = path.join(newDir(), 'out.xlsx');
    const r = await cli('roster', 'export', file, '--data', demoDir);
    expect(r.code).toBe(0);
    const active = query<number>(demoDir, `SELECT count(*) FROM workers WHERE status = 'active' AND deleted_at IS NULL`);
    expect(r.out).toContain(`已导出 ${active} 名职工`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0]!.actualRowCount).toBe(active + 1);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('工号');
  });

  function makeId(seq: string) {
    const first17 = `32120219900101${seq}`;
    return first17 + idCardCheckChar(first17);
  }

  it('roster import of a CSV with errors → exit 1, problems on stderr, nothing written; --skip-invalid → 0', async () => {
    const dir = newDir();
    expect((await cli('check', '--data', dir)).code).toBe(0);
    const csv = path.join(dir, 'in.csv');
    fs.writeFileSync(
      csv,
      ['工号,姓名,性别,身份证号,车间', `C1,甲,男,${makeId('011')},新车间`, 'C2,乙,男,110105194912310021,新车间', 'C3,丙,火星,,'].join('\n'),
    );
    const bad = await cli('roster', 'import', csv, '--data', dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('第 3 行 C2');
    expect(bad.err).toContain('身份证号校验位不正确'); // problem keys are translated
    expect(bad.err).toContain('第 4 行 C3');
    expect(bad.err).toContain('错误：有 2 行存在问题');
    expect(query<number>(dir, 'SELECT count(*) FROM workers')).toBe(0);
    expect(query<number>(dir, 'SELECT count(*) FROM org_units')).toBe(0);
    expect(query<number>(dir, 'SELECT count(*) FROM audit_log')).toBe(0);

    const ok = await cli('roster', 'import', csv, '--skip-invalid', '--data', dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('新增 1，更新 0，跳过 2，新建车间/班组 1');
    expect(query<number>(dir, 'SELECT count(*) FROM workers')).toBe(1);
    expect(query<string>(dir, `SELECT name FROM workers WHERE emp_no = 'C1'`)).toBe('甲');
    expect(query<string>(dir, `SELECT DISTINCT actor_name FROM audit_log`)).toBe('命令行');

    // again: an update, not a duplicate
    const again = await cli('roster', 'import', csv, '--skip-invalid', '--data', dir);
    expect(again.out).toContain('新增 0，更新 1');
    expect(query<number>(dir, 'SELECT count(*) FROM workers')).toBe(1);
  });

  it('roster import of a messy HR .xlsx: merged cells, footers named as skipped, the lost-digit ID card reported', async () => {
    const dir = newDir();
    expect((await cli('check', '--data', dir)).code).toBe(0);
    const file = path.join(dir, '花名册.xlsx');
    fs.writeFileSync(file, await messyXlsx());
    const r = await cli('roster', 'import', file, '--skip-invalid', '--data', dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('表头在第 3 行');
    expect(r.err).toContain('第 6 行 JG003: 身份证号 身份证号被存成了数字');
    expect(r.err).toContain('跳过第 10 行（表尾）：合计：6 人');
    expect(r.out).toContain('新增 5，更新 0，跳过 1，新建车间/班组 5');
    expect(query<string>(dir, `SELECT roles FROM workers WHERE emp_no = 'JG002'`)).toBe('["safety_officer"]');
  });

  it('roster import of a missing or unreadable file → exit 1', async () => {
    const dir = newDir();
    const missing = await cli('roster', 'import', path.join(dir, 'nope.csv'), '--data', dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('文件不存在');
    const xls = path.join(dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const r = await cli('roster', 'import', xls, '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('.xls');
  });
});

describe('cli: backup and restore', () => {
  it('backup --to FILE makes a valid copy; the same FILE again → exit 1', async () => {
    const file = path.join(newDir(), 'bk.sqlite');
    const r = await cli('backup', '--to', file, '--data', demoDir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(file);
    expect(validateDatabaseFile(file)).toEqual({ schemaVersion: LATEST_VERSION, workers: DEMO_N, enterprise: '泰州市安康化工有限公司' });
    const size = fs.statSync(file).size;
    const again = await cli('backup', '--to', file, '--data', demoDir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在');
    expect(fs.statSync(file).size).toBe(size);
  });

  it('backup without --to writes a dated file into DATA/backups', async () => {
    const dir = demoCopy();
    const r = await cli('backup', '--data', dir);
    expect(r.code).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^ankang-\d{8}-\d{6}\.sqlite$/);
    expect(validateDatabaseFile(path.join(dir, 'backups', files[0]!)).workers).toBe(DEMO_N);
  });

  it('restore FILE brings back the backup and keeps the old store aside', async () => {
    const dir = demoCopy();
    const backup = path.join(newDir(), 'before.sqlite');
    expect((await cli('backup', '--to', backup, '--data', dir)).code).toBe(0);
    // change the store after the backup
    const csv = path.join(dir, 'late.csv');
    fs.writeFileSync(csv, '工号,姓名,性别\nLATE1,后来者,男\n');
    expect((await cli('roster', 'import', csv, '--data', dir)).code).toBe(0);
    expect(query<number>(dir, 'SELECT count(*) FROM workers')).toBe(DEMO_N + 1);

    const r = await cli('restore', backup, '--data', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已恢复：泰州市安康化工有限公司，${DEMO_N} 名职工`);
    expect(query<number>(dir, 'SELECT count(*) FROM workers')).toBe(DEMO_N);
    expect(query<number>(dir, `SELECT count(*) FROM workers WHERE emp_no = 'LATE1'`)).toBe(0);

    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('ankang.sqlite.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^ankang\.sqlite\.before-restore-\d{8}-\d{6}$/);
    expect(r.out).toContain(aside[0]);
    // the copy kept aside is complete (the WAL was checkpointed into it) and holds the later change
    const old = new Database(path.join(dir, aside[0]!), { readonly: true });
    try {
      expect(old.prepare(`SELECT name FROM workers WHERE emp_no = 'LATE1'`).pluck().get()).toBe('后来者');
    } finally {
      old.close();
    }
    // the restored store opens and checks clean
    expect((await cli('check', '--data', dir)).code).toBe(0);
  });

  it('two restores within the same second keep both earlier stores aside', async () => {
    const dir = demoCopy();
    const backup = path.join(newDir(), 'b.sqlite');
    expect((await cli('backup', '--to', backup, '--data', dir)).code).toBe(0);
    const csv = path.join(dir, 'late.csv');
    fs.writeFileSync(csv, '工号,姓名,性别\nONLY1,只在原库,男\n');
    expect((await cli('roster', 'import', csv, '--data', dir)).code).toBe(0);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 4, 1, 10, 0, 0));
    try {
      expect((await cli('restore', backup, '--data', dir)).code).toBe(0);
      expect((await cli('restore', backup, '--data', dir)).code).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('ankang.sqlite.before-restore-'));
    expect(aside).toHaveLength(2);
    // the store as it was before the first restore (with ONLY1) is still among them
    const holders = aside.filter((f) => {
      const db = new Database(path.join(dir, f), { readonly: true });
      try {
        return db.prepare(`SELECT count(*) FROM workers WHERE emp_no = 'ONLY1'`).pluck().get() === 1;
      } finally {
        db.close();
      }
    });
    expect(holders).toHaveLength(1);
  });

  it('restore into an empty data folder needs no aside copy', async () => {
    const backup = path.join(newDir(), 'b.sqlite');
    await cli('backup', '--to', backup, '--data', demoDir);
    const dir = newDir();
    const r = await cli('restore', backup, '--data', dir);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir).some((f) => f.includes('before-restore'))).toBe(false);
    expect(query<number>(dir, 'SELECT count(*) FROM workers')).toBe(DEMO_N);
  });

  it.each([
    ['a text file', (f: string) => fs.writeFileSync(f, 'this is not a database')],
    ['an SQLite file of another program', (f: string) => {
      const db = new Database(f);
      db.exec('CREATE TABLE stuff (x)');
      db.close();
    }],
    ['a newer Ankang store', (f: string) => {
      const db = new Database(f);
      db.exec('CREATE TABLE enterprise (x); CREATE TABLE workers (deleted_at); CREATE TABLE audit_log (x);');
      db.pragma('user_version = 42');
      db.close();
    }],
    ['a truncated copy', (f: string) => {
      const buf = fs.readFileSync(path.join(demoDir, 'ankang.sqlite'));
      fs.writeFileSync(f, buf.subarray(0, Math.floor(buf.length / 3)));
    }],
  ])('restore of %s → exit 1 and the current store untouched', async (_label, make) => {
    const dir = demoCopy();
    const dbFile = path.join(dir, 'ankang.sqlite');
    const before = sha(dbFile);
    const candidate = path.join(newDir(), 'candidate.sqlite');
    make(candidate);
    const r = await cli('restore', candidate, '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误：/);
    expect(sha(dbFile)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['ankang.sqlite']);
    expect((await cli('check', '--data', dir)).code).toBe(0);
  });

  it('restore of a missing file → exit 1', async () => {
    const dir = demoCopy();
    const r = await cli('restore', path.join(dir, 'nope.sqlite'), '--data', dir);
    expect(r.code).toBe(1);
    expect(query<number>(dir, 'SELECT count(*) FROM workers')).toBe(DEMO_N);
  });
});

describe('cli: untrusted files and a bad store (issue 7)', () => {
  it('check lists every problem it finds (schema, application id, foreign keys), exits 1 and changes nothing', async () => {
    const dir = demoCopy();
    const dbFile = path.join(dir, 'ankang.sqlite');
    const db = new Database(dbFile);
    db.unsafeMode(true);
    db.exec(`CREATE VIEW spy AS SELECT * FROM operators; CREATE TRIGGER evil AFTER UPDATE ON workers BEGIN SELECT 1; END;`);
    db.pragma('foreign_keys = OFF');
    db.exec(`UPDATE workers SET team_id = 'nowhere' WHERE rowid IN (SELECT rowid FROM workers LIMIT 2)`);
    db.pragma('application_id = 4242');
    db.close();
    const before = sha(dbFile);
    const r = await cli('check', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('结构多出 view spy');
    expect(r.out).toContain('结构多出 trigger evil');
    expect(r.out).toContain('其他程序的数据库');
    expect(r.out).toMatch(/外键问题 2/);
    expect(sha(dbFile)).toBe(before);
  });

  it('a damaged store: every command refuses in Chinese, names the newest backups and how to restore; restore fixes it', async () => {
    const dir = demoCopy();
    expect((await cli('backup', '--data', dir)).code).toBe(0);
    const dbFile = path.join(dir, 'ankang.sqlite');
    const buf = fs.readFileSync(dbFile);
    fs.writeFileSync(dbFile, buf.subarray(0, Math.floor(buf.length / 2)));
    const before = sha(dbFile);
    const r = await cli('roster', 'list', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误：数据库/m);
    expect(r.err).not.toMatch(/SQLITE_|malformed/);
    expect(r.err).toContain('npm run cli -- restore');
    const backup = fs.readdirSync(path.join(dir, 'backups'))[0]!;
    expect(r.err).toContain(backup);
    expect(sha(dbFile)).toBe(before);
    const c = await cli('check', '--data', dir);
    expect(c.code).toBe(1);
    expect(c.err).toContain('npm run cli -- restore');

    const restored = await cli('restore', path.join(dir, 'backups', backup), '--data', dir);
    expect(restored.code).toBe(0);
    expect((await cli('check', '--data', dir)).code).toBe(0);
    // the damaged file is kept aside as it was
    const aside = fs.readdirSync(dir).find((f) => f.startsWith('ankang.sqlite.before-restore-'))!;
    expect(sha(path.join(dir, aside))).toBe(before);
  });

  it('a zero-byte store is refused, not taken as a new one', async () => {
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'ankang.sqlite'), '');
    const r = await cli('roster', 'list', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('数据文件是空的');
    expect(fs.statSync(path.join(dir, 'ankang.sqlite')).size).toBe(0);
  });

  it('restore of a backup carrying an extra trigger → exit 1, nothing changed', async () => {
    const dir = demoCopy();
    const before = sha(path.join(dir, 'ankang.sqlite'));
    const candidate = path.join(newDir(), 'evil.sqlite');
    fs.copyFileSync(path.join(demoDir, 'ankang.sqlite'), candidate);
    const db = new Database(candidate);
    db.exec(`CREATE TRIGGER evil AFTER INSERT ON workers BEGIN DELETE FROM hazards; END`);
    db.close();
    const r = await cli('restore', candidate, '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('evil');
    expect(sha(path.join(dir, 'ankang.sqlite'))).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['ankang.sqlite']);
  });

  it('restore of a file with a -wal beside it brings the rows that are only in the WAL', async () => {
    const dir = newDir();
    const src = newDir();
    fs.copyFileSync(path.join(demoDir, 'ankang.sqlite'), path.join(src, 'b.sqlite'));
    const w = new Database(path.join(src, 'b.sqlite'));
    w.pragma('journal_mode = WAL');
    w.pragma('wal_autocheckpoint = 0');
    w.prepare(`UPDATE enterprise SET address = '日志中'`).run();
    const copy = newDir();
    fs.copyFileSync(path.join(src, 'b.sqlite'), path.join(copy, 'b.sqlite'));
    fs.copyFileSync(path.join(src, 'b.sqlite-wal'), path.join(copy, 'b.sqlite-wal'));
    w.close();
    const r = await cli('restore', path.join(copy, 'b.sqlite'), '--data', dir);
    expect(r.code).toBe(0);
    expect(query<string>(dir, `SELECT address FROM enterprise`)).toBe('日志中');
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
