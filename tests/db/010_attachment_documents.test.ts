// Migration 010_attachment_documents: the attachments table is rebuilt to take documents (agenda materials) as well as
// photos. Existing photo rows and everything that refers to them (hazard photos, agenda materials) survive, the
// foreign keys still point at `attachments` and check clean, and the CHECK now admits the document types only.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrations';
import { openDatabase, type DB } from '../../electron/core/db/store';
import { setQuiet } from '../../electron/core/log';
import { DOCUMENT_MIMES } from '../../shared/attachments/rules';
import { tmpDir } from '../helpers/core';

setQuiet(true);
const T = '2026-01-01T00:00:00.000+08:00';
let dir: string;
let db: DB | null = null;
beforeEach(() => {
  dir = tmpDir('ankang-mig10-');
});
afterEach(() => {
  if (db?.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const insertAttachment = (d: DB, id: string, mime: string, sha = id.padEnd(64, '0')) =>
  d
    .prepare(`INSERT INTO attachments (id, sha256, mime, bytes, width, height, original_name, created_at, updated_at) VALUES (?, ?, ?, 1234, 640, 480, ?, ?, ?)`)
    .run(id, sha, mime, `${id}.jpg`, T, T);

it('rebuilds attachments from v9: photo rows, hazard photos and agenda materials survive; foreign keys check clean', async () => {
  db = openDatabase(path.join(dir, 'a.sqlite'));
  await migrate(db, { target: 9 });
  expect(schemaVersion(db)).toBe(9);
  // v9 refuses a document
  expect(() => insertAttachment(db!, 'pdf0', 'application/pdf')).toThrow(/CHECK constraint failed/);
  insertAttachment(db, 'a1', 'image/jpeg');
  insertAttachment(db, 'a2', 'image/png');
  db.prepare(`UPDATE attachments SET deleted_at = ? WHERE id = 'a2'`).run(T);
  db.prepare(
    `INSERT INTO hazards (id, serial, found_at, found_date, source, category1, description, status, created_at, updated_at)
     VALUES ('h1', 'YH-2026-0001', ?, '2026-01-01', 'self_check', 'material', '安全阀铅封损坏', 'reported', ?, ?)`,
  ).run(T, T, T);
  db.prepare(`INSERT INTO hazard_photos (id, hazard_id, attachment_id, phase, created_at, updated_at) VALUES ('hp1', 'h1', 'a1', 'before', ?, ?)`).run(T, T);
  db.prepare(`INSERT INTO congress_terms (id, number, start_date, end_date, created_at, updated_at) VALUES ('t1', 3, '2024-01-01', '2028-12-31', ?, ?)`).run(T, T);
  db.prepare(
    `INSERT INTO congress_sessions (id, term_id, seq, kind, date, period_from, period_to, created_at, updated_at) VALUES ('s1', 't1', 1, 'safety', '2026-12-20', '2026-01-01', '2026-12-20', ?, ?)`,
  ).run(T, T);
  db.prepare(`INSERT INTO congress_agenda_items (id, session_id, position, title, kind, created_at, updated_at) VALUES ('i1', 's1', 1, '审议', 'vote', ?, ?)`).run(T, T);
  db.prepare(`INSERT INTO congress_item_materials (id, item_id, attachment_id, title, created_at, updated_at) VALUES ('m1', 'i1', 'a1', '草案照片', ?, ?)`).run(T, T);
  const before = db.prepare(`SELECT * FROM attachments ORDER BY id`).all();
  expect(before).toHaveLength(2);

  // this step alone (later steps are tested by their own files)
  await migrate(db, { backupDir: path.join(dir, 'backups'), target: 10 });
  expect(schemaVersion(db)).toBe(10);
  expect(db.prepare(`SELECT * FROM attachments ORDER BY id`).all()).toEqual(before);
  expect(db.prepare(`SELECT id, attachment_id FROM hazard_photos`).all()).toEqual([{ id: 'hp1', attachment_id: 'a1' }]);
  expect(db.prepare(`SELECT id, attachment_id FROM congress_item_materials`).all()).toEqual([{ id: 'm1', attachment_id: 'a1' }]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  // the referring tables still point at attachments (not at a leftover name), and nothing is left behind
  for (const t of ['hazard_photos', 'congress_item_materials', 'congress_proposal_photos']) {
    const fks = db.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).pluck().all(t) as string[];
    expect(fks).toContain('attachments');
  }
  expect(db.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'attachments_new%' OR sql LIKE '%attachments_new%'`).all()).toEqual([]);
  // the unique sha256 and the primary key are still there
  expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'attachments' ORDER BY name`).pluck().all()).toEqual([
    'sqlite_autoindex_attachments_1',
    'sqlite_autoindex_attachments_2',
  ]);
  expect(() => insertAttachment(db!, 'dup', 'image/jpeg', 'a1'.padEnd(64, '0'))).toThrow(/UNIQUE/);
  // a link to a missing attachment is still refused
  expect(() => db!.prepare(`INSERT INTO hazard_photos (id, hazard_id, attachment_id, phase, created_at, updated_at) VALUES ('hp2', 'h1', 'nope', 'before', ?, ?)`).run(T, T)).toThrow(/FOREIGN KEY/);
  // documents are now admitted, anything else still is not
  DOCUMENT_MIMES.forEach((m, k) => insertAttachment(db!, `d${k}`, m));
  expect(() => insertAttachment(db!, 'exe', 'application/x-msdownload')).toThrow(/CHECK constraint failed/);
  expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.startsWith('pre-migrate-v9'))).toBe(true);
});
