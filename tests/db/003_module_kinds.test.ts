// Migration 003_module_kinds: drafts kept under the old kind 'hazard' move to 'hazards' (the one spelling views use);
// an operator who already had both keeps the newer spelling's draft.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrations';
import { openDatabase, type DB } from '../../electron/core/db/store';
import { setQuiet } from '../../electron/core/log';
import { tmpDir } from '../helpers/core';

setQuiet(true);
const T = '2026-01-01T00:00:00.000+08:00';
let dir: string;
let db: DB | null = null;
beforeEach(() => {
  dir = tmpDir('ankang-mig3-');
});
afterEach(() => {
  if (db?.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('renames draft kinds and keeps everything else', async () => {
  db = openDatabase(path.join(dir, 'a.sqlite'));
  await migrate(db, { target: 2 });
  expect(schemaVersion(db)).toBe(2);
  db.prepare(`INSERT INTO org_units (id, parent_id, kind, name, created_at, updated_at) VALUES ('ws', NULL, 'workshop', '一车间', ?, ?)`).run(T, T);
  const w = db.prepare(`INSERT INTO workers (id, emp_no, name, gender, roles, created_at, updated_at) VALUES (?, ?, ?, 'M', '["safety_officer"]', ?, ?)`);
  w.run('w1', 'E1', '甲', T, T);
  w.run('w2', 'E2', '乙', T, T);
  const op = db.prepare(`INSERT INTO operators (id, worker_id, is_admin, created_at, updated_at) VALUES (?, ?, 0, ?, ?)`);
  op.run('o1', 'w1', T, T);
  op.run('o2', 'w2', T, T);
  const d = db.prepare(`INSERT INTO drafts (operator_id, kind, data, updated_at) VALUES (?, ?, ?, ?)`);
  d.run('o1', 'hazard', '{"description":"旧草稿"}', T);
  d.run('o2', 'hazard', '{"description":"更旧"}', T);
  d.run('o2', 'hazards', '{"description":"新草稿"}', T);
  db.prepare(`INSERT INTO saved_views (id, operator_id, kind, name, query, created_at, updated_at) VALUES ('v1', 'o1', 'hazards', '逾期', '{"overdue":true}', ?, ?)`).run(T, T);

  await migrate(db, { backupDir: path.join(dir, 'backups') });
  expect(schemaVersion(db)).toBeGreaterThanOrEqual(3);
  const drafts = db.prepare(`SELECT operator_id, kind, data FROM drafts ORDER BY operator_id`).all();
  expect(drafts).toEqual([
    { operator_id: 'o1', kind: 'hazards', data: '{"description":"旧草稿"}' },
    { operator_id: 'o2', kind: 'hazards', data: '{"description":"新草稿"}' },
  ]);
  expect(db.prepare(`SELECT kind, name FROM saved_views`).all()).toEqual([{ kind: 'hazards', name: '逾期' }]);
  expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.startsWith('pre-migrate-v2'))).toBe(true);
});

it('serials sort by year and number (YH-2026-9999 before YH-2026-10000), through the serial index', async () => {
  db = openDatabase(path.join(dir, 'b.sqlite'));
  await migrate(db);
  const ins = db.prepare(
    `INSERT INTO hazards (id, serial, found_at, found_date, source, category1, description, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'self_check', 'material', '测试', 'reported', ?, ?)`,
  );
  const serials = ['YH-2026-10000', 'YH-2025-0003', 'YH-2026-9999', 'YH-2026-0001', 'YH-2025-12000', 'YH-2027-0001'];
  serials.forEach((s, i) => ins.run(`h${i}`, s, T, '2026-01-01', T, T));
  const sorted = db.prepare(`SELECT serial FROM hazards WHERE deleted_at IS NULL ORDER BY serial_key`).pluck().all();
  expect(sorted).toEqual(['YH-2025-0003', 'YH-2025-12000', 'YH-2026-0001', 'YH-2026-9999', 'YH-2026-10000', 'YH-2027-0001']);
  const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT rid FROM hazards h WHERE h.deleted_at IS NULL ORDER BY h.serial_key DESC LIMIT 50`).all() as { detail: string }[]).map((r) => r.detail);
  expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX hazards_by_serial/);
  expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
});
