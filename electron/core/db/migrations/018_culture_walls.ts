import type { DB } from '../store';

/**
 * v18: culture walls (安康文化墙): one per workshop or team (a unit may have more than one), with its location; each
 * update with its date, the sections it refreshed (WALL_SECTIONS, a JSON list), a note and photos.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE edu_walls (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      org_unit_id TEXT NOT NULL REFERENCES org_units(id),
      name TEXT,
      location TEXT NOT NULL,
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE INDEX edu_walls_unit ON edu_walls (org_unit_id, deleted_at);

    CREATE TABLE edu_wall_updates (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      wall_id TEXT NOT NULL REFERENCES edu_walls(id),
      date TEXT NOT NULL,
      sections TEXT NOT NULL DEFAULT '[]',
      content TEXT,
      entered_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE INDEX edu_wall_updates_wall ON edu_wall_updates (wall_id, deleted_at, date);

    CREATE TABLE edu_wall_photos (
      update_id TEXT NOT NULL REFERENCES edu_wall_updates(id),
      attachment_id TEXT NOT NULL REFERENCES attachments(id),
      sort_order INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (update_id, attachment_id)
    );
  `);
}
