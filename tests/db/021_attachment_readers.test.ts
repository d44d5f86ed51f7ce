// Migration 021_attachment_readers: attachments get `readers` (JSON array of roles, null: anyone signed in); the clinic
// reports already attached to exam batches are restricted to the readers of exam results, nothing else changes.
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
  dir = tmpDir('ankang-mig21-');
});
afterEach(() => {
  if (db?.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('restricts the reports attached to exam batches (v20 → v21); photos and other documents stay open', async () => {
  db = openDatabase(path.join(dir, 'a.sqlite'));
  await migrate(db, { target: 20 });
  const att = db.prepare(`INSERT INTO attachments (id, sha256, mime, bytes, width, height, original_name, created_at, updated_at) VALUES (?, ?, ?, 1234, 0, 0, ?, ?, ?)`);
  att.run('rep', 'r'.padEnd(64, '0'), 'application/pdf', '报告.pdf', T, T);
  att.run('doc', 'd'.padEnd(64, '0'), 'application/pdf', '议程.pdf', T, T);
  db.prepare(`INSERT INTO attachments (id, sha256, mime, bytes, width, height, original_name, created_at, updated_at) VALUES ('pic', ?, 'image/jpeg', 99, 640, 480, 'a.jpg', ?, ?)`).run('p'.padEnd(64, '0'), T, T);
  db.prepare(
    `INSERT INTO health_exam_batches (id, date, institution, kind, report_id, source, entered_by_name, created_at, updated_at) VALUES ('b1', '2025-06-01', '人民医院', 'periodic', 'rep', 'manual', '测试', ?, ?)`,
  ).run(T, T);
  const before = db.prepare(`SELECT id, sha256, mime, original_name FROM attachments ORDER BY id`).all();

  await migrate(db, { backupDir: path.join(dir, 'backups'), target: 21 });
  expect(schemaVersion(db)).toBe(21);
  expect(db.prepare(`SELECT id, sha256, mime, original_name FROM attachments ORDER BY id`).all()).toEqual(before);
  expect(db.prepare(`SELECT id, readers FROM attachments ORDER BY id`).all()).toEqual([
    { id: 'doc', readers: null },
    { id: 'pic', readers: null },
    { id: 'rep', readers: '["oh_manager","safety_officer","union_officer"]' },
  ]);
  // readers must be a JSON array
  expect(() => db!.prepare(`UPDATE attachments SET readers = 'oh_manager' WHERE id = 'doc'`).run()).toThrow(/CHECK constraint failed/);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
});
