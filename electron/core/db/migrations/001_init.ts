import type { DB } from '../store';

/** v1: enterprise, organisation tree, workers (+ FTS5 trigram), operators, settings, append-only audit log. */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE enterprise (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      uscc TEXT NOT NULL,
      address TEXT,
      industry TEXT,
      headcount INTEGER NOT NULL CHECK (headcount > 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );

    CREATE TABLE org_units (
      id TEXT PRIMARY KEY,
      parent_id TEXT REFERENCES org_units(id),
      kind TEXT NOT NULL CHECK (kind IN ('workshop', 'team')),
      name TEXT NOT NULL,
      sort_order INTEGER NOT NULL DEFAULT 0,
      retired_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK ((kind = 'workshop' AND parent_id IS NULL) OR (kind = 'team' AND parent_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX org_units_unique_name ON org_units (coalesce(parent_id, ''), name) WHERE deleted_at IS NULL;
    CREATE INDEX org_units_parent ON org_units (parent_id);

    -- rid is a local surrogate only for the FTS index (VACUUM keeps explicit INTEGER PRIMARY KEYs);
    -- id (UUIDv7) is the record's identity everywhere else, and what merges across machines.
    CREATE TABLE workers (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      emp_no TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      gender TEXT NOT NULL CHECK (gender IN ('M', 'F')),
      id_card TEXT,
      phone TEXT,
      workshop_id TEXT REFERENCES org_units(id),
      team_id TEXT REFERENCES org_units(id),
      post TEXT,
      hire_date TEXT,
      skill_grade INTEGER CHECK (skill_grade BETWEEN 1 AND 5),
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
      roles TEXT NOT NULL DEFAULT '[]',
      is_representative INTEGER NOT NULL DEFAULT 0,
      is_frontline INTEGER NOT NULL DEFAULT 0,
      is_manager INTEGER NOT NULL DEFAULT 0,
      cert_type TEXT,
      cert_no TEXT,
      cert_expiry TEXT,
      hazard_factors TEXT NOT NULL DEFAULT '[]',
      -- filter bits, written with every change by the workers service (see services/workers.ts masks())
      role_mask INTEGER NOT NULL DEFAULT 0,
      special_mask INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    -- The roster list at 50,000 workers: each index below covers every filter column (status, masks,
    -- unit), so counting, filtering and walking a page in sort order never read table rows. (Sorting by
    -- updated_at, which the UI does not offer, sorts in memory rather than cost every write an index.)
    CREATE INDEX workers_by_emp ON workers (deleted_at, emp_no, status, role_mask, special_mask, workshop_id, team_id);
    CREATE INDEX workers_by_name ON workers (deleted_at, name, emp_no, status, role_mask, special_mask, workshop_id, team_id);
    CREATE INDEX workers_by_hire ON workers (deleted_at, hire_date, emp_no, status, role_mask, special_mask, workshop_id, team_id);
    CREATE INDEX workers_by_grade ON workers (deleted_at, skill_grade, emp_no, status, role_mask, special_mask, workshop_id, team_id);
    CREATE INDEX workers_workshop ON workers (workshop_id, emp_no);
    CREATE INDEX workers_team ON workers (team_id, emp_no);
    CREATE UNIQUE INDEX workers_id_card ON workers (id_card) WHERE id_card IS NOT NULL AND deleted_at IS NULL;

    -- phone and ID-card numbers stay out of the trigram index: their digit trigrams are shared by every
    -- row and made each write costly; a digit search scans those two columns instead (services/workers.ts)
    CREATE VIRTUAL TABLE workers_fts USING fts5(
      emp_no, name, post,
      content = 'workers', content_rowid = 'rid', tokenize = 'trigram'
    );
    CREATE TRIGGER workers_fts_ai AFTER INSERT ON workers BEGIN
      INSERT INTO workers_fts (rowid, emp_no, name, post) VALUES (new.rid, new.emp_no, new.name, new.post);
    END;
    CREATE TRIGGER workers_fts_ad AFTER DELETE ON workers BEGIN
      INSERT INTO workers_fts (workers_fts, rowid, emp_no, name, post) VALUES ('delete', old.rid, old.emp_no, old.name, old.post);
    END;
    CREATE TRIGGER workers_fts_au AFTER UPDATE OF emp_no, name, post ON workers BEGIN
      INSERT INTO workers_fts (workers_fts, rowid, emp_no, name, post) VALUES ('delete', old.rid, old.emp_no, old.name, old.post);
      INSERT INTO workers_fts (rowid, emp_no, name, post) VALUES (new.rid, new.emp_no, new.name, new.post);
    END;

    -- one- and two-character terms (a trigram needs three): characters and character pairs of the same
    -- fields, from the ankang_grams() SQL function that openDatabase registers
    CREATE VIRTUAL TABLE workers_grams USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'unicode61');
    CREATE TRIGGER workers_grams_ai AFTER INSERT ON workers BEGIN
      INSERT INTO workers_grams (rowid, grams) VALUES (new.rid, ankang_grams(new.emp_no || ' ' || new.name || ' ' || coalesce(new.post, '')));
    END;
    CREATE TRIGGER workers_grams_ad AFTER DELETE ON workers BEGIN
      DELETE FROM workers_grams WHERE rowid = old.rid;
    END;
    CREATE TRIGGER workers_grams_au AFTER UPDATE OF emp_no, name, post ON workers BEGIN
      DELETE FROM workers_grams WHERE rowid = old.rid;
      INSERT INTO workers_grams (rowid, grams) VALUES (new.rid, ankang_grams(new.emp_no || ' ' || new.name || ' ' || coalesce(new.post, '')));
    END;

    CREATE TABLE operators (
      id TEXT PRIMARY KEY,
      worker_id TEXT NOT NULL REFERENCES workers(id),
      pin_hash TEXT,
      is_admin INTEGER NOT NULL DEFAULT 0,
      last_sign_in_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE UNIQUE INDEX operators_worker ON operators (worker_id) WHERE deleted_at IS NULL;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      at TEXT NOT NULL,
      actor_id TEXT,
      actor_name TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL,
      before TEXT,
      after TEXT,
      reason TEXT
    );
    CREATE INDEX audit_entity ON audit_log (entity, entity_id, seq);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
  `);
}
