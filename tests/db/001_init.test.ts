// Schema migrations, one test group per migration (Signal-style): migrate an empty file step by step,
// check the objects, exercise triggers, query plans, version refusal, backup-before-migrate and rollback.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion, type Migration } from '../../electron/core/db/migrations';
import { openDatabase, Store, type DB } from '../../electron/core/db/store';
import { Core } from '../../electron/core/core';
import { buildWorkerQuery, workerListSql } from '../../electron/core/roster/workers';
import { setQuiet } from '../../electron/core/log';
import { AppError } from '../../shared/result';
import { workerQuery, type WorkerQueryInput } from '../../shared/roster/schemas';
import { tmpDir } from '../helpers/core';

setQuiet(true);

let dir: string;
let db: DB | null = null;
beforeEach(() => {
  dir = tmpDir('ankang-mig-');
});
afterEach(() => {
  if (db?.open) db.close();
  db = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const objects = (d: DB, type: string) =>
  d.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all(type) as string[];
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let seq = 0;
function insertWorker(d: DB, o: Partial<Record<string, unknown>> = {}) {
  seq++;
  const row = {
    id: `w-${seq}`,
    emp_no: `E${String(seq).padStart(4, '0')}`,
    name: `职工${seq}`,
    gender: 'M',
    id_card: null,
    phone: null,
    workshop_id: null,
    team_id: null,
    post: null,
    status: 'active',
    created_at: '2026-01-01T00:00:00.000+08:00',
    updated_at: '2026-01-01T00:00:00.000+08:00',
    ...o,
  };
  d.prepare(
    `INSERT INTO workers (id, emp_no, name, gender, id_card, phone, workshop_id, team_id, post, status, created_at, updated_at)
     VALUES (@id, @emp_no, @name, @gender, @id_card, @phone, @workshop_id, @team_id, @post, @status, @created_at, @updated_at)`,
  ).run(row);
  return row;
}
const ftsRids = (d: DB, phrase: string) =>
  d.prepare(`SELECT rowid FROM workers_fts WHERE workers_fts MATCH ? ORDER BY rowid`).pluck().all(`"${phrase}"`) as number[];
const ridOf = (d: DB, id: string) => d.prepare('SELECT rid FROM workers WHERE id = ?').pluck().get(id) as number;

describe('migration list', () => {
  it('versions are 1..n in order and LATEST_VERSION is the last one', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(1);
  });
});

describe('001_init', () => {
  it('target 0 leaves an empty file empty; then to 1 creates the tables, indexes and triggers', async () => {
    db = openDatabase(path.join(dir, 'a.sqlite'));
    expect(schemaVersion(db)).toBe(0);
    expect(await migrate(db, { target: 0 })).toEqual({ from: 0, to: 0, backupFile: null });
    expect(schemaVersion(db)).toBe(0);
    expect(objects(db, 'table')).toEqual([]);

    const r = await migrate(db, { target: 1, backupDir: path.join(dir, 'backups') });
    expect(r).toEqual({ from: 0, to: 1, backupFile: null });
    // an empty database is not backed up
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    expect(schemaVersion(db)).toBe(1);
    const tables = objects(db, 'table');
    for (const t of ['enterprise', 'org_units', 'workers', 'workers_fts', 'operators', 'settings', 'audit_log']) {
      expect(tables).toContain(t);
    }
    expect(objects(db, 'index')).toEqual(
      expect.arrayContaining([
        'org_units_unique_name',
        'org_units_parent',
        'workers_workshop',
        'workers_team',
        'workers_id_card',
        'operators_worker',
        'audit_entity',
      ]),
    );
    // the live-roster list has an index led by deleted_at that also holds emp_no (no table reads for the default order)
    const workerIndexes = db.prepare(`SELECT name FROM pragma_index_list('workers')`).pluck().all() as string[];
    const cols = workerIndexes.map((ix) => db!.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(ix) as string[]);
    expect(cols.some((c) => c[0] === 'deleted_at' && c.includes('emp_no')), JSON.stringify(cols)).toBe(true);
    // the ID-card index is unique and partial (live rows only)
    expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'workers_id_card'`).pluck().get()).toMatch(/UNIQUE[\s\S]*WHERE[\s\S]*deleted_at IS NULL/);
    expect(objects(db, 'trigger').sort()).toEqual(['audit_no_delete', 'audit_no_update', 'workers_fts_ad', 'workers_fts_ai', 'workers_fts_au', 'workers_grams_ad', 'workers_grams_ai', 'workers_grams_au']);
    // migrating to the same target again is a no-op
    expect(await migrate(db, { target: 1 })).toEqual({ from: 1, to: 1, backupFile: null });
  });

  it('constraints: unique employee number, unique live ID card, org kind/parent rule, checks', async () => {
    db = openDatabase(path.join(dir, 'a.sqlite'));
    await migrate(db, { target: 1 });
    insertWorker(db, { emp_no: 'DUP', id_card: '11010519491231002X' });
    expect(() => insertWorker(db!, { emp_no: 'DUP' })).toThrow(/UNIQUE/);
    expect(() => insertWorker(db!, { id_card: '11010519491231002X' })).toThrow(/UNIQUE/);
    // a soft-deleted worker frees the ID card
    db.prepare(`UPDATE workers SET deleted_at = 'x' WHERE emp_no = 'DUP'`).run();
    expect(() => insertWorker(db!, { id_card: '11010519491231002X' })).not.toThrow();
    expect(() => insertWorker(db!, { gender: 'X' })).toThrow(/CHECK/);
    expect(() => insertWorker(db!, { status: 'retired' })).toThrow(/CHECK/);
    const unit = db.prepare(`INSERT INTO org_units (id, parent_id, kind, name, created_at, updated_at) VALUES (?, ?, ?, ?, 'n', 'n')`);
    unit.run('ws1', null, 'workshop', '一车间');
    expect(() => unit.run('t0', null, 'team', '无主班')).toThrow(/CHECK/);
    expect(() => unit.run('ws2', 'ws1', 'workshop', '子车间')).toThrow(/CHECK/);
    expect(() => unit.run('ws3', null, 'workshop', '一车间')).toThrow(/UNIQUE/);
    unit.run('t1', 'ws1', 'team', '甲班');
    expect(() => unit.run('t2', 'ws1', 'team', '甲班')).toThrow(/UNIQUE/);
    // foreign keys are on
    expect(() => insertWorker(db!, { workshop_id: 'nope' })).toThrow(/FOREIGN KEY/);
  });

  it('FTS trigram search finds a Chinese substring of 3+ characters and follows updates and deletes', async () => {
    db = openDatabase(path.join(dir, 'a.sqlite'));
    await migrate(db, { target: 1 });
    const a = insertWorker(db, { name: '欧阳振华', post: '反应釜操作工', phone: '13812345678' });
    const b = insertWorker(db, { name: '司马相如', post: '精馏操作工' });
    const ra = ridOf(db, a.id);
    const rb = ridOf(db, b.id);
    expect(ftsRids(db, '反应釜')).toEqual([ra]);
    expect(ftsRids(db, '操作工')).toEqual([ra, rb]);
    expect(ftsRids(db, '阳振华')).toEqual([ra]); // a substring in the middle of a name
    // phone (and ID-card) digits are deliberately not in the trigram index; the roster query scans them
    expect(ftsRids(db, '2345')).toEqual([]);
    expect(ftsRids(db, a.emp_no.slice(1))).toEqual([ra]);

    db.prepare('UPDATE workers SET post = ? WHERE id = ?').run('包装工', a.id);
    expect(ftsRids(db, '反应釜')).toEqual([]);
    expect(ftsRids(db, '包装工')).toEqual([ra]);
    expect(ftsRids(db, '操作工')).toEqual([rb]);
    db.prepare('UPDATE workers SET name = ? WHERE id = ?').run('诸葛孔明', b.id);
    expect(ftsRids(db, '司马相')).toEqual([]);
    expect(ftsRids(db, '葛孔明')).toEqual([rb]);

    db.prepare('DELETE FROM workers WHERE id = ?').run(b.id);
    expect(ftsRids(db, '葛孔明')).toEqual([]);
    expect(ftsRids(db, '操作工')).toEqual([]);
    // the index is consistent with its content table
    expect(() => db!.exec(`INSERT INTO workers_fts (workers_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
  });

  it('audit_log is append-only: UPDATE and DELETE raise', async () => {
    db = openDatabase(path.join(dir, 'a.sqlite'));
    await migrate(db, { target: 1 });
    db.prepare(
      `INSERT INTO audit_log (id, at, actor_id, actor_name, entity, entity_id, action) VALUES ('a1', 'now', NULL, '系统', 'worker', 'w1', 'create')`,
    ).run();
    expect(() => db!.prepare(`UPDATE audit_log SET action = 'forged' WHERE id = 'a1'`).run()).toThrow(/append-only/);
    expect(() => db!.prepare(`DELETE FROM audit_log WHERE id = 'a1'`).run()).toThrow(/append-only/);
    expect(() => db!.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    expect(db.prepare(`SELECT action FROM audit_log`).pluck().all()).toEqual(['create']);
  });

  describe('roster list query plans', () => {
    let store: Store;
    let ws: string;
    let team: string;
    beforeEach(async () => {
      db = openDatabase(path.join(dir, 'plan.sqlite'));
      await migrate(db);
      store = new Store(db);
      const unit = db.prepare(`INSERT INTO org_units (id, parent_id, kind, name, created_at, updated_at) VALUES (?, ?, ?, ?, 'n', 'n')`);
      for (let w = 0; w < 5; w++) {
        unit.run(`ws${w}`, null, 'workshop', `车间${w}`);
        for (let t = 0; t < 4; t++) unit.run(`ws${w}t${t}`, `ws${w}`, 'team', `班组${t}`);
      }
      ws = 'ws2';
      team = 'ws2t1';
      db.transaction(() => {
        for (let i = 0; i < 2000; i++) {
          const w = i % 5;
          const t = i % 4;
          insertWorker(db!, { workshop_id: `ws${w}`, team_id: `ws${w}t${t}`, post: i % 7 === 0 ? '反应釜操作工' : '巡检工', status: i % 30 === 0 ? 'left' : 'active' });
        }
      })();
      db.exec('ANALYZE');
    });

    /**
     * Plans of the list queries built by buildWorkerQuery/workerListSql. The list may run as one query (rows)
     * or as a filter query for the page's ids followed by a lookup of those rows (ids + rows); `filter` is
     * whichever applies the WHERE clause.
     */
    function plan(q: WorkerQueryInput) {
      const parsed = workerQuery.parse(q);
      const b = buildWorkerQuery(store, parsed);
      const sql = workerListSql(b) as { ids?: string; rows: string; count: string };
      const detail = (s: string, params: unknown[]) =>
        (db!.prepare(`EXPLAIN QUERY PLAN ${s}`).all(params) as { detail: string }[]).map((r) => r.detail);
      const paged = [...b.params, 50, 0];
      return {
        filter: detail(sql.ids ?? sql.rows, paged),
        rows: sql.ids ? detail(sql.rows, ['[1,2,3]']) : detail(sql.rows, paged),
        count: detail(sql.count, b.params),
      };
    }
    /** a full scan of the workers table itself (not of an index) */
    const tableScans = (lines: string[]) => lines.filter((l) => /^SCAN w\b/.test(l) && !l.includes('INDEX'));
    const seeks = (lines: string[], col: string) =>
      lines.some((l) => new RegExp(`^SEARCH w USING (COVERING )?INDEX \\w+ \\((.* AND )?${col}=\\?`).test(l));

    it('filtering by a workshop seeks on workshop_id through an index (workers_workshop)', () => {
      const p = plan({ orgUnitId: ws });
      expect(seeks(p.filter, 'workshop_id'), p.filter.join('\n')).toBe(true);
      expect(seeks(p.count, 'workshop_id'), p.count.join('\n')).toBe(true);
      expect(p.filter.join('\n')).toContain('workers_workshop');
      expect(tableScans([...p.filter, ...p.rows, ...p.count])).toEqual([]);
      // sorting by employee number comes straight from the index: no temp b-tree
      expect(p.filter.some((l) => l.includes('TEMP B-TREE'))).toBe(false);
    });

    it('filtering by a team seeks on team_id through an index (workers_team)', () => {
      const p = plan({ orgUnitId: team, status: 'all' });
      expect(seeks(p.filter, 'team_id'), p.filter.join('\n')).toBe(true);
      expect(seeks(p.count, 'team_id'), p.count.join('\n')).toBe(true);
      expect(p.filter.join('\n')).toContain('workers_team');
      expect(tableScans([...p.filter, ...p.rows, ...p.count])).toEqual([]);
    });

    it('the unfiltered list seeks live workers through an index in employee-number order', () => {
      const p = plan({});
      expect(seeks(p.filter, 'deleted_at'), p.filter.join('\n')).toBe(true);
      expect(p.filter.some((l) => l.includes('TEMP B-TREE'))).toBe(false);
      expect(tableScans([...p.filter, ...p.rows, ...p.count])).toEqual([]);
    });

    it('a 3+ character search goes through the FTS index; a short one does not', () => {
      const p = plan({ search: '反应釜' });
      expect(p.filter.some((l) => /workers_fts VIRTUAL TABLE INDEX \d+:M/.test(l)), p.filter.join('\n')).toBe(true);
      expect(p.count.some((l) => /workers_fts VIRTUAL TABLE INDEX \d+:M/.test(l))).toBe(true);
      expect(tableScans([...p.filter, ...p.rows, ...p.count])).toEqual([]);
      const short = plan({ search: '反应' });
      expect([...short.filter, ...short.count].some((l) => l.includes('workers_fts'))).toBe(false);
    });

    it('the row lookup for a page goes by primary key', () => {
      const p = plan({ orgUnitId: ws });
      expect(tableScans(p.rows)).toEqual([]);
      expect(p.rows.some((l) => /^SEARCH ws USING INDEX/.test(l))).toBe(true);
      expect(p.rows.some((l) => /^SEARCH t USING INDEX/.test(l))).toBe(true);
    });

    it('the plans return the right rows', () => {
      const parsed = workerQuery.parse({ orgUnitId: team, status: 'all', pageSize: 500 });
      const b = buildWorkerQuery(store, parsed);
      const sql = workerListSql(b);
      const n = db!.prepare(sql.count).pluck().get(b.params) as number;
      expect(n).toBe(db!.prepare(`SELECT count(*) FROM workers WHERE team_id = ?`).pluck().get(team));
      const fts = buildWorkerQuery(store, workerQuery.parse({ search: '反应釜', status: 'all' }));
      expect(db!.prepare(workerListSql(fts).count).pluck().get(fts.params)).toBe(
        db!.prepare(`SELECT count(*) FROM workers WHERE post LIKE '%反应釜%'`).pluck().get(),
      );
    });
  });
});

describe('migrate: refusals, backup and rollback', () => {
  it('a database with user_version 99 → DB_TOO_NEW and the file is unchanged', async () => {
    const file = path.join(dir, 'new.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_thing (x); INSERT INTO future_thing VALUES (42);');
    raw.pragma('user_version = 99');
    raw.close();
    const before = sha(file);

    db = new Database(file);
    let err: unknown;
    try {
      await migrate(db, { backupDir: path.join(dir, 'backups') });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DB_TOO_NEW');
    expect((err as AppError).details).toEqual({ fileVersion: 99, appVersion: LATEST_VERSION });
    expect(schemaVersion(db)).toBe(99);
    expect(objects(db, 'table')).toEqual(['future_thing']);
    db.close();
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('Core.open refuses a newer WAL store (as Ankang writes them) without changing it', async () => {
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    const file = path.join(dataDir, 'ankang.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec('CREATE TABLE future_thing (x)');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = sha(file);
    await expect(Core.open({ dataDir, host: 'test' })).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });

  it('migrating a non-empty older database writes a backup first', async () => {
    const file = path.join(dir, 'old.sqlite');
    db = openDatabase(file);
    await migrate(db);
    insertWorker(db, { name: '备份前的人' });
    const next = LATEST_VERSION + 1;
    const extra: Migration = {
      version: next,
      name: 'add_notes',
      up: (d) => d.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`),
    };
    const backupDir = path.join(dir, 'backups');
    const r = await migrate(db, { backupDir, migrations: [...MIGRATIONS, extra] });
    expect(r.from).toBe(LATEST_VERSION);
    expect(r.to).toBe(next);
    expect(r.backupFile).not.toBeNull();
    expect(path.dirname(r.backupFile!)).toBe(backupDir);
    expect(path.basename(r.backupFile!)).toMatch(new RegExp(`^pre-migrate-v${LATEST_VERSION}-\\d{8}-\\d{6}\\.sqlite$`));
    expect(schemaVersion(db)).toBe(next);
    expect(objects(db, 'table')).toContain('notes');

    // the backup is the database as it was: the worker, and no notes table
    const bk = new Database(r.backupFile!, { readonly: true });
    try {
      expect(schemaVersion(bk)).toBe(LATEST_VERSION);
      expect(objects(bk, 'table')).not.toContain('notes');
      expect(bk.prepare('SELECT name FROM workers').pluck().all()).toEqual(['备份前的人']);
    } finally {
      bk.close();
    }
  });

  it('a v1 database with data is backed up before the shipped migrations bring it to the latest version', async () => {
    const file = path.join(dir, 'v1.sqlite');
    db = openDatabase(file);
    await migrate(db, { target: 1 });
    insertWorker(db, { name: '老数据' });
    const backupDir = path.join(dir, 'backups');
    const r = await migrate(db, { backupDir });
    expect(r).toMatchObject({ from: 1, to: LATEST_VERSION });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT name FROM workers').pluck().all()).toEqual(['老数据']);
    if (LATEST_VERSION > 1) {
      expect(fs.readdirSync(backupDir)).toEqual([path.basename(r.backupFile!)]);
    } else {
      expect(r.backupFile).toBeNull();
    }
  });

  it('a failing migration step rolls back: user_version unchanged, no partial tables', async () => {
    const file = path.join(dir, 'old.sqlite');
    db = openDatabase(file);
    await migrate(db);
    insertWorker(db, { name: '留下' });
    const L = LATEST_VERSION;
    const good: Migration = { version: L + 1, name: 'good', up: (d) => d.exec('CREATE TABLE two (x)') };
    const badUp = (d: DB) => {
      d.exec('CREATE TABLE three_a (x); INSERT INTO three_a VALUES (1);');
      d.exec(`UPDATE workers SET name = '被改了'`);
      throw new Error('step failed half way');
    };
    const bad: Migration = { version: L + 2, name: 'bad', up: badUp };
    const backupDir = path.join(dir, 'backups');
    await expect(migrate(db, { backupDir, migrations: [...MIGRATIONS, good, bad] })).rejects.toThrow('step failed half way');
    // the good step committed on its own; the bad one left nothing behind
    expect(schemaVersion(db)).toBe(L + 1);
    const tables = objects(db, 'table');
    expect(tables).toContain('two');
    expect(tables).not.toContain('three_a');
    expect(db.prepare('SELECT name FROM workers').pluck().all()).toEqual(['留下']);
    // the backup was written before the first step
    expect(fs.readdirSync(backupDir)).toHaveLength(1);

    // a failing first step leaves the version where it was
    await expect(migrate(db, { migrations: [...MIGRATIONS, good, { version: L + 2, name: 'bad', up: badUp }] })).rejects.toThrow();
    expect(schemaVersion(db)).toBe(L + 1);
    expect(objects(db, 'table')).not.toContain('three_a');
  });

  it('a target below the current version does nothing (no down-migrations)', async () => {
    db = openDatabase(path.join(dir, 'a.sqlite'));
    await migrate(db);
    expect(await migrate(db, { target: 0 })).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, backupFile: null });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });
});
