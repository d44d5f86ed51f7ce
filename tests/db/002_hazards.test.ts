// Migration 002_hazards (Signal-style): build a v1 file with data, migrate it to v2, check every new object,
// exercise the constraints and triggers with raw SQL, and check the ledger list's query plans.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrations';
import { openDatabase, Store, type DB } from '../../electron/core/db/store';
import { setQuiet } from '../../electron/core/log';
import { buildHazardQuery, hazardListSql } from '../../electron/core/hazards/queries';
import { hazardQuery, type HazardQueryInput } from '../../shared/hazards/schemas';
import { tmpDir } from '../helpers/core';

setQuiet(true);

let dir: string;
let db: DB | null = null;
beforeEach(() => {
  dir = tmpDir('ankang-mig2-');
});
afterEach(() => {
  if (db?.open) db.close();
  db = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const T = '2026-01-01T00:00:00.000+08:00';
const objects = (d: DB, type: string) =>
  d.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all(type) as string[];
/** Indexes of a table (explicit ones) with their key columns. */
function indexes(d: DB, table: string) {
  const list = d.prepare(`SELECT name, "unique", partial, origin FROM pragma_index_list(?)`).all(table) as { name: string; unique: number; partial: number; origin: string }[];
  return list
    .filter((ix) => ix.origin === 'c')
    .map((ix) => ({
      name: ix.name,
      unique: ix.unique === 1,
      partial: ix.partial === 1,
      cols: d.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(ix.name) as string[],
    }));
}
const dump = (d: DB, table: string) => d.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();

/** v1 rows: a workshop, a team, two workers, an operator, a setting and an audit entry. */
function seedV1(d: DB) {
  const unit = d.prepare(`INSERT INTO org_units (id, parent_id, kind, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
  unit.run('ws1', null, 'workshop', '合成车间', T, T);
  unit.run('t1', 'ws1', 'team', '甲班', T, T);
  const w = d.prepare(
    `INSERT INTO workers (id, emp_no, name, gender, workshop_id, team_id, post, roles, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  w.run('w1', 'E0001', '王主席', 'M', 'ws1', null, '工会主席', '["union_officer"]', T, T);
  w.run('w2', 'E0002', '李班长', 'F', 'ws1', 't1', '反应釜操作工', '["team_leader"]', T, T);
  d.prepare(`INSERT INTO operators (id, worker_id, is_admin, created_at, updated_at) VALUES ('op1', 'w1', 1, ?, ?)`).run(T, T);
  d.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('locale', '"zh-CN"', ?)`).run(T);
  d.prepare(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, entity, entity_id, action) VALUES ('a1', ?, 'op1', '王主席', 'worker', 'w2', 'create')`,
  ).run(T);
}

let hseq = 0;
/** Inserts a hazard row directly; `o` overrides columns. */
function insertHazard(d: DB, o: Record<string, unknown> = {}) {
  hseq++;
  const row: Record<string, unknown> = {
    id: `h-${hseq}`,
    serial: `YH-2026-${String(hseq).padStart(4, '0')}`,
    found_at: '2026-03-10T09:30:00.000+08:00',
    found_date: '2026-03-10',
    finder_id: null,
    source: 'self_check',
    workshop_id: null,
    team_id: null,
    place: null,
    equipment: null,
    category1: 'material',
    description: '配电箱门未关闭',
    status: 'reported',
    responsible_id: null,
    measures: null,
    planned_funds: null,
    deadline: null,
    emergency_plan: null,
    due_date: '2026-03-13',
    created_at: T,
    updated_at: T,
    ...o,
  };
  const cols = Object.keys(row);
  d.prepare(`INSERT INTO hazards (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  return row;
}
const FIVE = { responsible_id: 'w2', measures: '更换安全阀', planned_funds: 120050, deadline: '2026-04-30', emergency_plan: '现场处置方案' };

async function v2(): Promise<DB> {
  const d = openDatabase(path.join(dir, 'a.sqlite'));
  db = d;
  await migrate(d, { target: 1 });
  seedV1(d);
  await migrate(d, { target: 2, backupDir: path.join(dir, 'backups') });
  return d;
}

describe('002_hazards', () => {
  it('v1 → v2: new tables, indexes and triggers; v1 rows survive unchanged; a backup of v1 is written', async () => {
    const d = openDatabase(path.join(dir, 'a.sqlite'));
    db = d;
    await migrate(d, { target: 1 });
    seedV1(d);
    const tablesV1 = objects(d, 'table');
    expect(tablesV1).not.toContain('hazards');
    const before = Object.fromEntries(['org_units', 'workers', 'operators', 'settings', 'audit_log', 'enterprise'].map((t) => [t, dump(d, t)]));

    const r = await migrate(d, { target: 2, backupDir: path.join(dir, 'backups') });
    expect(r.from).toBe(1);
    expect(r.to).toBe(2);
    expect(schemaVersion(d)).toBe(2);
    expect(r.backupFile).not.toBeNull();
    expect(fs.existsSync(r.backupFile!)).toBe(true);

    const tables = objects(d, 'table');
    for (const t of ['serials', 'hazards', 'hazards_fts', 'hazard_events', 'attachments', 'hazard_photos', 'hazard_links', 'saved_views', 'drafts']) {
      expect(tables, t).toContain(t);
    }
    // v1 tables are all still there
    for (const t of tablesV1) expect(tables).toContain(t);
    // indexes, by structure rather than by name (the ledger's index design may change; its plans are tested below)
    const hz = indexes(d, 'hazards');
    expect(hz.some((ix) => ix.cols[0] === 'deleted_at' && ix.cols.includes('status')), JSON.stringify(hz)).toBe(true);
    for (const col of ['workshop_id', 'team_id', 'found_date']) {
      expect(hz.some((ix) => ix.cols.includes(col)), `an index holds hazards.${col}`).toBe(true);
    }
    expect(indexes(d, 'hazard_events').some((ix) => ix.cols[0] === 'hazard_id')).toBe(true);
    const uniquePartial = (table: string, cols: string[]) =>
      indexes(d, table).some((ix) => ix.unique && ix.partial && JSON.stringify(ix.cols) === JSON.stringify(cols));
    expect(uniquePartial('hazard_photos', ['hazard_id', 'attachment_id'])).toBe(true);
    expect(uniquePartial('hazard_links', ['a_id', 'b_id'])).toBe(true);
    expect(uniquePartial('saved_views', ['operator_id', 'kind', 'name'])).toBe(true);
    expect(indexes(d, 'hazard_photos').some((ix) => ix.cols[0] === 'hazard_id' && !ix.partial)).toBe(true);
    expect(indexes(d, 'hazard_links').some((ix) => ix.cols[0] === 'b_id')).toBe(true);
    expect(objects(d, 'trigger').filter((t) => t.startsWith('hazard'))).toEqual(
      ['hazard_events_no_delete', 'hazard_events_no_update', 'hazard_stats_ai', 'hazard_stats_au', 'hazards_fts_ad', 'hazards_fts_ai', 'hazards_fts_au', 'hazards_grams_ad', 'hazards_grams_ai', 'hazards_grams_au'].sort(),
    );
    // the v1 triggers are untouched
    expect(objects(d, 'trigger')).toEqual(expect.arrayContaining(['audit_no_delete', 'audit_no_update', 'workers_fts_ai', 'workers_fts_ad', 'workers_fts_au']));

    for (const [t, rows] of Object.entries(before)) expect(dump(d, t), t).toEqual(rows);
    // v1 search still works and the new tables are empty
    expect(d.prepare(`SELECT rowid FROM workers_fts WHERE workers_fts MATCH '"反应釜"'`).all()).toHaveLength(1);
    for (const t of ['hazards', 'hazard_events', 'attachments', 'serials', 'saved_views', 'drafts']) {
      expect(d.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
    }
    // foreign keys from the new tables reach the v1 rows
    insertHazard(d, { finder_id: 'w2', workshop_id: 'ws1', team_id: 't1', ...FIVE, status: 'rectifying' });
    expect(() => insertHazard(d, { finder_id: 'w-nobody' })).toThrow(/FOREIGN KEY/);
    expect(() => insertHazard(d, { workshop_id: 'nowhere' })).toThrow(/FOREIGN KEY/);
    // the backup is the v1 file
    const bk = openDatabase(r.backupFile!);
    try {
      expect(schemaVersion(bk)).toBe(1);
      expect(objects(bk, 'table')).not.toContain('hazards');
      expect(bk.prepare('SELECT name FROM workers ORDER BY emp_no').pluck().all()).toEqual(['王主席', '李班长']);
    } finally {
      bk.close();
    }
  });

  it('CHECK: rectifying/submitted/closed need all five 五落实 fields; earlier states do not', async () => {
    const d = await v2();
    for (const status of ['rectifying', 'submitted', 'closed']) {
      expect(() => insertHazard(d, { status })).toThrow(/CHECK/);
      for (const field of Object.keys(FIVE)) {
        expect(() => insertHazard(d, { ...FIVE, [field]: null, status }), `${status} without ${field}`).toThrow(/CHECK constraint failed/);
      }
      expect(() => insertHazard(d, { ...FIVE, status })).not.toThrow();
    }
    for (const status of ['reported', 'confirmed', 'assigned', 'cancelled']) {
      expect(() => insertHazard(d, { status }), status).not.toThrow();
    }
    // an UPDATE is checked too: clearing a field of a rectifying hazard, or moving a bare one to rectifying
    const h = insertHazard(d, { ...FIVE, status: 'rectifying' });
    expect(() => d.prepare('UPDATE hazards SET emergency_plan = NULL WHERE id = ?').run(h.id)).toThrow(/CHECK/);
    const bare = insertHazard(d, { status: 'assigned' });
    expect(() => d.prepare(`UPDATE hazards SET status = 'rectifying' WHERE id = ?`).run(bare.id)).toThrow(/CHECK/);
    expect(d.prepare('SELECT status FROM hazards WHERE id = ?').pluck().get(bare.id)).toBe('assigned');
    // planned funds of 0 fen count as present
    expect(() => insertHazard(d, { ...FIVE, planned_funds: 0, status: 'rectifying' })).not.toThrow();
  });

  it('CHECK and UNIQUE constraints on hazard columns', async () => {
    const d = await v2();
    insertHazard(d, { serial: 'YH-2026-9999' });
    expect(() => insertHazard(d, { serial: 'YH-2026-9999' })).toThrow(/UNIQUE/);
    expect(() => insertHazard(d, { status: 'lost' })).toThrow(/CHECK/);
    expect(() => insertHazard(d, { source: 'rumour' })).toThrow(/CHECK/);
    expect(() => insertHazard(d, { category1: 'weather' })).toThrow(/CHECK/);
    expect(() => insertHazard(d, { grade: 'medium' })).toThrow(/CHECK/);
    expect(() => insertHazard(d, { risk: 'green' })).toThrow(/CHECK/);
    expect(() => insertHazard(d, { production_stop: 'some' })).toThrow(/CHECK/);
    expect(() => insertHazard(d, { cancel_kind: 'bored' })).toThrow(/CHECK/);
    expect(() => insertHazard(d, { ...FIVE, planned_funds: -1, status: 'assigned' })).toThrow(/CHECK/);
    expect(() => insertHazard(d, { actual_funds: -5 })).toThrow(/CHECK/);
    expect(() => insertHazard(d, { submitted_by: 'op-nobody' })).toThrow(/FOREIGN KEY/);
    expect(() => insertHazard(d, { accepted_by: 'op1' })).not.toThrow();
    expect(() => insertHazard(d, { description: null })).toThrow(/NOT NULL/);
    // serials: one counter per kind and year
    d.prepare(`INSERT INTO serials (kind, year, last) VALUES ('hazard', 2026, 1)`).run();
    expect(() => d.prepare(`INSERT INTO serials (kind, year, last) VALUES ('hazard', 2026, 2)`).run()).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => d.prepare(`INSERT INTO serials (kind, year, last) VALUES ('hazard', 2025, 1)`).run()).not.toThrow();
  });

  it('hazard_events is append-only: UPDATE and DELETE raise', async () => {
    const d = await v2();
    const h = insertHazard(d);
    const ev = d.prepare(
      `INSERT INTO hazard_events (id, hazard_id, at, actor_id, actor_name, action, from_status, to_status, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    ev.run('e1', h.id, T, 'op1', '王主席', 'report', null, 'reported', null);
    ev.run('e2', h.id, T, 'op1', '王主席', 'confirm', 'reported', 'confirmed', '确认');
    expect(() => d.prepare(`UPDATE hazard_events SET comment = 'forged' WHERE id = 'e2'`).run()).toThrow(/append-only/);
    expect(() => d.prepare(`UPDATE hazard_events SET actor_name = '别人'`).run()).toThrow(/append-only/);
    expect(() => d.prepare(`DELETE FROM hazard_events WHERE id = 'e1'`).run()).toThrow(/append-only/);
    expect(() => d.prepare(`DELETE FROM hazard_events`).run()).toThrow(/append-only/);
    expect(d.prepare('SELECT action, comment FROM hazard_events ORDER BY seq').all()).toEqual([
      { action: 'report', comment: null },
      { action: 'confirm', comment: '确认' },
    ]);
    // an event must belong to a hazard; the id is unique
    expect(() => ev.run('e3', 'h-none', T, null, '系统', 'report', null, 'reported', null)).toThrow(/FOREIGN KEY/);
    expect(() => ev.run('e1', h.id, T, null, '系统', 'x', null, null, null)).toThrow(/UNIQUE/);
    // a hazard with events cannot be hard-deleted (the timeline stays)
    expect(() => d.prepare('DELETE FROM hazards WHERE id = ?').run(h.id)).toThrow(/FOREIGN KEY/);
  });

  it('FTS triggers keep hazards_fts in step with inserts, updates (incl. measures) and deletes', async () => {
    const d = await v2();
    const fts = (phrase: string) => d.prepare(`SELECT rowid FROM hazards_fts WHERE hazards_fts MATCH ? ORDER BY rowid`).pluck().all(`"${phrase}"`) as number[];
    const rid = (id: string) => d.prepare('SELECT rid FROM hazards WHERE id = ?').pluck().get(id) as number;
    const a = insertHazard(d, { description: '反应釜安全阀铅封损坏', place: '反应釜区二层平台', equipment: '2 号反应釜' });
    const b = insertHazard(d, { description: '叉车通道堆放杂物', place: '成品仓库通道' });
    expect(fts('安全阀')).toEqual([rid(a.id as string)]);
    expect(fts('二层平台')).toEqual([rid(a.id as string)]);
    expect(fts('号反应')).toEqual([rid(a.id as string)]);
    expect(fts('仓库通')).toEqual([rid(b.id as string)]);
    expect(fts(b.serial as string)).toEqual([rid(b.id as string)]);
    expect(fts('更换安全')).toEqual([]);
    // measures are searchable once written
    d.prepare(`UPDATE hazards SET status = 'assigned', responsible_id = 'w2', measures = '更换安全阀并校验压力表' WHERE id = ?`).run(b.id);
    expect(fts('校验压力')).toEqual([rid(b.id as string)]);
    expect(fts('安全阀')).toEqual([rid(a.id as string), rid(b.id as string)]);
    // an update of a non-indexed column leaves the index as it was
    d.prepare(`UPDATE hazards SET updated_at = 'later' WHERE id = ?`).run(a.id);
    expect(fts('安全阀')).toHaveLength(2);
    d.prepare(`UPDATE hazards SET description = '配电箱线路老化' WHERE id = ?`).run(a.id);
    expect(fts('铅封损')).toEqual([]);
    expect(fts('线路老化')).toEqual([rid(a.id as string)]);
    d.prepare('DELETE FROM hazards WHERE id = ?').run(a.id);
    expect(fts('线路老化')).toEqual([]);
    expect(fts('二层平台')).toEqual([]);
    expect(() => d.exec(`INSERT INTO hazards_fts (hazards_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
  });

  it('attachments, photos, links, saved views and drafts: their constraints', async () => {
    const d = await v2();
    const h1 = insertHazard(d);
    const h2 = insertHazard(d);
    const att = d.prepare(
      `INSERT INTO attachments (id, sha256, mime, bytes, width, height, created_at, updated_at) VALUES (?, ?, ?, 100, 10, 10, ?, ?)`,
    );
    att.run('at1', 'a'.repeat(64), 'image/jpeg', T, T);
    expect(() => att.run('at2', 'a'.repeat(64), 'image/png', T, T)).toThrow(/UNIQUE/);
    expect(() => att.run('at3', 'b'.repeat(64), 'image/gif', T, T)).toThrow(/CHECK/);
    expect(() => att.run('at4', 'c'.repeat(64), 'text/plain', T, T)).toThrow(/CHECK/);

    const photo = d.prepare(`INSERT INTO hazard_photos (id, hazard_id, attachment_id, phase, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    photo.run('p1', h1.id, 'at1', 'before', T, T, null);
    expect(() => photo.run('p2', h1.id, 'at1', 'after', T, T, null)).toThrow(/UNIQUE/);
    expect(() => photo.run('p3', h1.id, 'at1', 'during', T, T, 'x')).toThrow(/CHECK/);
    expect(() => photo.run('p4', h1.id, 'at-none', 'before', T, T, null)).toThrow(/FOREIGN KEY/);
    // a removed photo does not block adding it again
    d.prepare(`UPDATE hazard_photos SET deleted_at = 'x' WHERE id = 'p1'`).run();
    expect(() => photo.run('p5', h1.id, 'at1', 'before', T, T, null)).not.toThrow();
    expect(() => photo.run('p6', h2.id, 'at1', 'before', T, T, null)).not.toThrow();

    const [lo, hi] = [h1.id, h2.id].sort() as [string, string];
    const link = d.prepare(`INSERT INTO hazard_links (id, a_id, b_id, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)`);
    expect(() => link.run('l0', hi, lo, T, T, null)).toThrow(/CHECK/); // a_id < b_id
    expect(() => link.run('l00', lo, lo, T, T, null)).toThrow(/CHECK/);
    link.run('l1', lo, hi, T, T, null);
    expect(() => link.run('l2', lo, hi, T, T, null)).toThrow(/UNIQUE/);
    d.prepare(`UPDATE hazard_links SET deleted_at = 'x' WHERE id = 'l1'`).run();
    expect(() => link.run('l3', lo, hi, T, T, null)).not.toThrow();

    const view = d.prepare(`INSERT INTO saved_views (id, operator_id, kind, name, query, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', ?, ?)`);
    view.run('v1', 'op1', 'hazards', '我的待办', T, T);
    expect(() => view.run('v2', 'op1', 'hazards', '我的待办', T, T)).toThrow(/UNIQUE/);
    expect(() => view.run('v3', 'op-none', 'hazards', '别人的', T, T)).toThrow(/FOREIGN KEY/);

    const draft = d.prepare(`INSERT INTO drafts (operator_id, kind, data, updated_at) VALUES (?, ?, ?, ?)`);
    draft.run('op1', 'hazard', '{}', T);
    expect(() => draft.run('op1', 'hazard', '{"x":1}', T)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => draft.run('op-none', 'hazard', '{}', T)).toThrow(/FOREIGN KEY/);
  });

  describe('ledger list query plans', () => {
    // one database for the whole group (built once: 3,000 rows)
    let store: Store;
    let pdb: DB;
    let pdir: string;
    beforeAll(async () => {
      pdir = tmpDir('ankang-mig2-plan-');
      const d = openDatabase(path.join(pdir, 'plan.sqlite'));
      pdb = d;
      await migrate(d, { target: 1 });
      seedV1(d);
      await migrate(d);
      store = new Store(d);
      const unit = d.prepare(`INSERT INTO org_units (id, parent_id, kind, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
      for (let w = 0; w < 5; w++) {
        unit.run(`pw${w}`, null, 'workshop', `车间${w}`, T, T);
        for (let t = 0; t < 4; t++) unit.run(`pw${w}t${t}`, `pw${w}`, 'team', `班组${t}`, T, T);
      }
      const STATUSES = ['reported', 'confirmed', 'assigned', 'closed', 'closed', 'closed', 'closed', 'cancelled', 'closed', 'closed'];
      d.transaction(() => {
        for (let i = 0; i < 3000; i++) {
          const date = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
          const status = STATUSES[i % 10]!;
          insertHazard(d, {
            serial: `YH-2025-${String(i + 1).padStart(4, '0')}`,
            found_at: `${date}T09:00:00.000+08:00`,
            found_date: date,
            workshop_id: `pw${i % 5}`,
            team_id: `pw${i % 5}t${i % 4}`,
            description: i % 7 === 0 ? '反应釜安全阀铅封损坏' : '地面油污未清理',
            status,
            ...(status === 'closed' ? { ...FIVE, closed_date: date } : {}),
            due_date: status === 'closed' || status === 'cancelled' ? null : date,
          });
        }
      })();
      d.exec('ANALYZE');
    });
    afterAll(() => {
      pdb.close();
      fs.rmSync(pdir, { recursive: true, force: true });
    });

    function plan(q: HazardQueryInput) {
      const parsed = hazardQuery.parse(q);
      const b = buildHazardQuery(store, parsed, '2026-01-01');
      const sql = hazardListSql(b);
      const detail = (s: string, params: unknown[]) => (pdb.prepare(`EXPLAIN QUERY PLAN ${s}`).all(params) as { detail: string }[]).map((r) => r.detail);
      return {
        ids: detail(sql.ids, [...b.params, 50, 0]),
        count: detail(sql.count, b.params),
        rows: detail(sql.rows, ['[1,2,3]']),
        run: () => ({
          total: pdb.prepare(sql.count).pluck().get(b.params) as number,
          ids: pdb.prepare(sql.ids).pluck().all([...b.params, 5000, 0]) as number[],
        }),
      };
    }
    /** a full scan of the hazards table itself (not of an index) */
    const tableScans = (lines: string[]) => lines.filter((l) => /^SCAN h\b/.test(l) && !l.includes('INDEX'));
    const uses = (lines: string[], re: RegExp) => lines.some((l) => re.test(l));
    /** every access to hazards goes through an index or the primary key, and there is at least one */
    const indexed = (lines: string[]) => {
      const h = lines.filter((l) => /^(SCAN|SEARCH) h\b/.test(l));
      return h.length > 0 && h.every((l) => /USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(l));
    };
    /** the index used for hazards, when it is read through one */
    const indexOf = (lines: string[]) => lines.map((l) => /^(?:SCAN|SEARCH) h USING (?:COVERING )?INDEX (\w+)/.exec(l)?.[1]).find(Boolean);
    const holds = (ix: string | undefined, col: string) =>
      ix !== undefined && (pdb.prepare(`SELECT name FROM pragma_index_info(?)`).pluck().all(ix) as string[]).includes(col);

    it('status "open" seeks the open statuses through an index', () => {
      const p = plan({ status: 'open' });
      expect(indexed(p.ids), p.ids.join('\n')).toBe(true);
      expect(indexed(p.count), p.count.join('\n')).toBe(true);
      // the index it uses can answer the status test itself
      expect(holds(indexOf(p.ids), 'status'), p.ids.join('\n')).toBe(true);
      expect(holds(indexOf(p.count), 'status'), p.count.join('\n')).toBe(true);
      expect(tableScans([...p.ids, ...p.count, ...p.rows])).toEqual([]);
      expect(p.run().total).toBe(900);
    });

    it('a workshop or team filter is answered through an index that holds the unit column', () => {
      const w = plan({ status: 'open', orgUnitId: 'pw2' });
      expect(indexed(w.ids), w.ids.join('\n')).toBe(true);
      expect(indexed(w.count), w.count.join('\n')).toBe(true);
      expect(holds(indexOf(w.ids), 'workshop_id'), w.ids.join('\n')).toBe(true);
      expect(holds(indexOf(w.count), 'workshop_id'), w.count.join('\n')).toBe(true);
      expect(tableScans([...w.ids, ...w.count])).toEqual([]);
      expect(w.run().total).toBe(
        pdb.prepare(`SELECT count(*) FROM hazards WHERE workshop_id = 'pw2' AND status IN ('reported','confirmed','assigned','rectifying','submitted')`).pluck().get(),
      );
      const t = plan({ status: 'all', orgUnitId: 'pw2t1' });
      expect(indexed(t.ids), t.ids.join('\n')).toBe(true);
      expect(holds(indexOf(t.ids), 'team_id'), t.ids.join('\n')).toBe(true);
      expect(holds(indexOf(t.count), 'team_id'), t.count.join('\n')).toBe(true);
      expect(tableScans([...t.ids, ...t.count])).toEqual([]);
      expect(t.run().total).toBe(pdb.prepare(`SELECT count(*) FROM hazards WHERE team_id = 'pw2t1'`).pluck().get());
    });

    it('"overdue" is answered through an index that holds status and due date', () => {
      const p = plan({ status: 'open', overdue: true });
      expect(indexed(p.ids), p.ids.join('\n')).toBe(true);
      expect(indexed(p.count), p.count.join('\n')).toBe(true);
      for (const col of ['status', 'due_date']) {
        expect(holds(indexOf(p.ids), col), p.ids.join('\n')).toBe(true);
        expect(holds(indexOf(p.count), col), p.count.join('\n')).toBe(true);
      }
      expect(tableScans([...p.ids, ...p.count])).toEqual([]);
      expect(p.run().total).toBe(900); // every open row is due in 2025
    });

    it('a 3+ character search goes through hazards_fts; a shorter one does not', () => {
      const p = plan({ status: 'all', search: '安全阀' });
      expect(uses(p.ids, /hazards_fts VIRTUAL TABLE INDEX \d+:M/), p.ids.join('\n')).toBe(true);
      expect(uses(p.count, /hazards_fts VIRTUAL TABLE INDEX \d+:M/), p.count.join('\n')).toBe(true);
      expect(tableScans([...p.ids, ...p.count])).toEqual([]);
      // (measures are indexed too: the closed rows' measures mention 安全阀)
      expect(p.run().total).toBe(
        pdb.prepare(`SELECT count(*) FROM hazards WHERE description LIKE '%安全阀%' OR measures LIKE '%安全阀%'`).pluck().get(),
      );
      expect(p.run().total).toBeGreaterThan(pdb.prepare(`SELECT count(*) FROM hazards WHERE description LIKE '%安全阀%'`).pluck().get() as number);
      const short = plan({ status: 'all', search: '油污' });
      expect([...short.ids, ...short.count].some((l) => l.includes('hazards_fts'))).toBe(false);
      expect(short.run().total).toBe(pdb.prepare(`SELECT count(*) FROM hazards WHERE description LIKE '%油污%'`).pluck().get());
    });

    it('the page rows are looked up by primary key, joins by index', () => {
      const p = plan({ status: 'open' });
      expect(tableScans(p.rows)).toEqual([]);
      expect(uses(p.rows, /^SEARCH h USING INTEGER PRIMARY KEY/)).toBe(true);
      // the org units are joined by key (the two-row worker/operator tables may well be scanned: that is the planner's choice)
      for (const alias of ['ws', 't']) {
        expect(uses(p.rows, new RegExp(`^SEARCH ${alias} USING (COVERING )?INDEX`)), alias).toBe(true);
      }
    });

    it('the id query returns rows in the requested order and the count matches', () => {
      const p = plan({ status: 'all', sortField: 'serial', sortDir: 'asc', from: '2025-03-01', to: '2025-03-31' });
      const r = p.run();
      expect(r.total).toBe(pdb.prepare(`SELECT count(*) FROM hazards WHERE found_date BETWEEN '2025-03-01' AND '2025-03-31'`).pluck().get());
      expect(r.ids).toHaveLength(r.total);
      const serials = r.ids.map((rid) => pdb.prepare('SELECT serial FROM hazards WHERE rid = ?').pluck().get(rid) as string);
      expect(serials).toEqual([...serials].sort());
    });
  });
});
