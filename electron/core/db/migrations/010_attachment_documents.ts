import type { DB } from '../store';

/**
 * v10: attachments may be documents (agenda materials: PDF, Word, Excel, PowerPoint, plain text and CSV) as well as
 * photos. SQLite cannot change a CHECK in place, so the table is rebuilt inside the migration's transaction, where
 * foreign_keys cannot be switched off: the rows are set aside in a temporary table, the old table is dropped, the new
 * one created under the same name with the wider list, and the rows put back. hazard_photos, congress_item_materials
 * and congress_proposal_photos refer to `attachments` by name, so they point at the rebuilt table. With
 * defer_foreign_keys (it resets itself when the transaction ends) the drop only counts the links it breaks, and putting
 * each row back counts its links as whole again: the count is zero at commit, or the commit fails.
 * (Creating `attachments_new` and renaming it instead would leave the drop's count standing: a renamed table's rows
 * are not inserted again. Renaming the old table away would rewrite the other tables' references to it.)
 * The list equals ATTACHMENT_MIMES in shared/attachments/rules.ts (tests/db/checks.test.ts); it is written out here
 * because a released step never changes. Documents have width and height 0.
 */
export function up(db: DB): void {
  db.pragma('defer_foreign_keys = ON');
  db.exec(`
    CREATE TEMP TABLE attachments_v9 AS SELECT * FROM main.attachments;
    DROP TABLE main.attachments;
    CREATE TABLE main.attachments (
      id TEXT PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE,
      mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        'application/msword', 'application/vnd.ms-excel', 'text/plain', 'text/csv')),
      bytes INTEGER NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      original_name TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    INSERT INTO main.attachments (id, sha256, mime, bytes, width, height, original_name, created_at, updated_at, deleted_at)
      SELECT id, sha256, mime, bytes, width, height, original_name, created_at, updated_at, deleted_at FROM temp.attachments_v9 ORDER BY rowid;
    DROP TABLE temp.attachments_v9;
  `);
}
