import type { DB } from '../store';

/** v2: hazard ledger — hazards (+ FTS5 trigram), their events (timeline), photos, links; attachments; saved views; drafts; serials. */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE serials (
      kind TEXT NOT NULL,
      year INTEGER NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (kind, year)
    );

    CREATE TABLE hazards (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      serial TEXT NOT NULL UNIQUE,
      found_at TEXT NOT NULL,
      found_date TEXT NOT NULL,
      finder_id TEXT REFERENCES workers(id),
      source TEXT NOT NULL CHECK (source IN ('self_check', 'special_inspection', 'worker_report', 'proposal', 'authority')),
      workshop_id TEXT REFERENCES org_units(id),
      team_id TEXT REFERENCES org_units(id),
      place TEXT,
      equipment TEXT,
      category1 TEXT NOT NULL CHECK (category1 IN ('human', 'material', 'environment', 'management')),
      category2 TEXT,
      accident_type TEXT,
      description TEXT NOT NULL,
      grade TEXT CHECK (grade IN ('general', 'major')),
      lec_l REAL,
      lec_e REAL,
      lec_c REAL,
      risk_d REAL,
      risk TEXT CHECK (risk IN ('red', 'orange', 'yellow', 'blue')),
      production_stop TEXT NOT NULL DEFAULT 'none' CHECK (production_stop IN ('none', 'partial', 'full')),
      interim_measures TEXT,
      status TEXT NOT NULL CHECK (status IN ('reported', 'confirmed', 'assigned', 'rectifying', 'submitted', 'closed', 'cancelled')),
      responsible_id TEXT REFERENCES workers(id),
      measures TEXT,
      planned_funds INTEGER CHECK (planned_funds >= 0),
      deadline TEXT,
      emergency_plan TEXT,
      governance_plan TEXT,
      actual_funds INTEGER CHECK (actual_funds >= 0),
      rectification_note TEXT,
      submitted_by TEXT REFERENCES operators(id),
      submitted_at TEXT,
      accepted_by TEXT REFERENCES operators(id),
      accepted_at TEXT,
      closed_date TEXT,
      cancel_kind TEXT CHECK (cancel_kind IN ('duplicate', 'invalid')),
      cancel_reason TEXT,
      -- derived from status and dates by the hazard service on every change (see shared/hazard.ts dueDate);
      -- "overdue" itself is never stored: it is due_date < today at query time
      due_date TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (status NOT IN ('rectifying', 'submitted', 'closed') OR
             (responsible_id IS NOT NULL AND measures IS NOT NULL AND planned_funds IS NOT NULL AND deadline IS NOT NULL AND emergency_plan IS NOT NULL))
    );
    -- The ledger at 100,000 hazards: one index per sort order that also holds every filter column, so a page is
    -- found (filter, sort, offset) and counted from an index alone; only the page's rows are then read.
    CREATE INDEX hazards_by_found ON hazards (deleted_at, found_at, serial, status, grade, risk, workshop_id, team_id, category1, source, finder_id, due_date, found_date);
    CREATE INDEX hazards_by_due ON hazards (deleted_at, due_date, serial, status, grade, risk, workshop_id, team_id, category1, source, finder_id, found_date);
    CREATE INDEX hazards_by_risk ON hazards (deleted_at, risk_d, serial, status, grade, risk, workshop_id, team_id, category1, source, finder_id, found_date);
    CREATE INDEX hazards_by_serial ON hazards (deleted_at, serial, status, grade, risk, workshop_id, team_id, category1, source, finder_id, due_date, found_date);
    -- narrow (no UUID columns) so that counting 100,000 entries stays cheap; unit and finder filters have their own
    CREATE INDEX hazards_count ON hazards (deleted_at, status, grade, risk, category1, source, due_date, found_date);
    CREATE INDEX hazards_workshop ON hazards (workshop_id, found_date, status, grade, risk, category1, source, finder_id, due_date, deleted_at);
    CREATE INDEX hazards_team ON hazards (team_id, found_date, status, grade, risk, category1, source, finder_id, due_date, deleted_at);
    CREATE INDEX hazards_finder ON hazards (finder_id, found_at);
    -- the open hazards alone (a few per cent of the ledger): reminders, the dashboard's "open now" and overdue
    CREATE INDEX hazards_open ON hazards (status, workshop_id, grade, due_date, found_date)
      WHERE deleted_at IS NULL AND status IN ('reported', 'confirmed', 'assigned', 'rectifying', 'submitted');
    -- Statistics per period (dashboard, signable table) read small per-month aggregates that triggers keep in
    -- step with every insert and change of a hazard, instead of scanning a year of hazards each time.
    CREATE TABLE hazard_month_stats (
      month TEXT NOT NULL,
      workshop_id TEXT NOT NULL,
      status TEXT NOT NULL,
      grade TEXT NOT NULL,
      risk TEXT NOT NULL,
      n INTEGER NOT NULL,
      planned INTEGER NOT NULL,
      actual INTEGER NOT NULL,
      PRIMARY KEY (month, workshop_id, status, grade, risk)
    ) WITHOUT ROWID;
    CREATE TABLE hazard_close_stats (
      month TEXT PRIMARY KEY,
      n INTEGER NOT NULL,
      days REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE TRIGGER hazard_stats_ai AFTER INSERT ON hazards WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO hazard_month_stats VALUES (substr(new.found_date, 1, 7), coalesce(new.workshop_id, ''), new.status, coalesce(new.grade, ''), coalesce(new.risk, ''),
        1, coalesce(new.planned_funds, 0), coalesce(new.actual_funds, 0))
      ON CONFLICT DO UPDATE SET n = n + 1, planned = planned + excluded.planned, actual = actual + excluded.actual;
      INSERT INTO hazard_close_stats SELECT substr(new.closed_date, 1, 7), 1, julianday(new.closed_date) - julianday(new.found_date) WHERE new.closed_date IS NOT NULL
      ON CONFLICT DO UPDATE SET n = n + 1, days = days + excluded.days;
    END;
    CREATE TRIGGER hazard_stats_au AFTER UPDATE OF found_date, workshop_id, status, grade, risk, planned_funds, actual_funds, closed_date, deleted_at ON hazards BEGIN
      UPDATE hazard_month_stats SET n = n - 1, planned = planned - coalesce(old.planned_funds, 0), actual = actual - coalesce(old.actual_funds, 0)
      WHERE old.deleted_at IS NULL AND month = substr(old.found_date, 1, 7) AND workshop_id = coalesce(old.workshop_id, '') AND status = old.status
        AND grade = coalesce(old.grade, '') AND risk = coalesce(old.risk, '');
      INSERT INTO hazard_month_stats SELECT substr(new.found_date, 1, 7), coalesce(new.workshop_id, ''), new.status, coalesce(new.grade, ''), coalesce(new.risk, ''),
        1, coalesce(new.planned_funds, 0), coalesce(new.actual_funds, 0) WHERE new.deleted_at IS NULL
      ON CONFLICT DO UPDATE SET n = n + 1, planned = planned + excluded.planned, actual = actual + excluded.actual;
      UPDATE hazard_close_stats SET n = n - 1, days = days - (julianday(old.closed_date) - julianday(old.found_date))
      WHERE old.deleted_at IS NULL AND old.closed_date IS NOT NULL AND month = substr(old.closed_date, 1, 7);
      INSERT INTO hazard_close_stats SELECT substr(new.closed_date, 1, 7), 1, julianday(new.closed_date) - julianday(new.found_date)
      WHERE new.deleted_at IS NULL AND new.closed_date IS NOT NULL
      ON CONFLICT DO UPDATE SET n = n + 1, days = days + excluded.days;
    END;

    CREATE VIRTUAL TABLE hazards_fts USING fts5(
      serial, description, place, equipment, measures,
      content = 'hazards', content_rowid = 'rid', tokenize = 'trigram'
    );
    CREATE TRIGGER hazards_fts_ai AFTER INSERT ON hazards BEGIN
      INSERT INTO hazards_fts (rowid, serial, description, place, equipment, measures)
      VALUES (new.rid, new.serial, new.description, new.place, new.equipment, new.measures);
    END;
    CREATE TRIGGER hazards_fts_ad AFTER DELETE ON hazards BEGIN
      INSERT INTO hazards_fts (hazards_fts, rowid, serial, description, place, equipment, measures)
      VALUES ('delete', old.rid, old.serial, old.description, old.place, old.equipment, old.measures);
    END;
    CREATE TRIGGER hazards_fts_au AFTER UPDATE OF serial, description, place, equipment, measures ON hazards BEGIN
      INSERT INTO hazards_fts (hazards_fts, rowid, serial, description, place, equipment, measures)
      VALUES ('delete', old.rid, old.serial, old.description, old.place, old.equipment, old.measures);
      INSERT INTO hazards_fts (rowid, serial, description, place, equipment, measures)
      VALUES (new.rid, new.serial, new.description, new.place, new.equipment, new.measures);
    END;

    -- One- and two-character terms (a trigram needs three): a second FTS5 table over the characters and
    -- character pairs of the same text, built by the ankang_grams() SQL function that openDatabase registers.
    CREATE VIRTUAL TABLE hazards_grams USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'unicode61');
    CREATE TRIGGER hazards_grams_ai AFTER INSERT ON hazards BEGIN
      INSERT INTO hazards_grams (rowid, grams) VALUES (new.rid, ankang_grams(new.serial || ' ' || new.description || ' ' || coalesce(new.place, '') || ' ' || coalesce(new.equipment, '')));
    END;
    CREATE TRIGGER hazards_grams_ad AFTER DELETE ON hazards BEGIN
      DELETE FROM hazards_grams WHERE rowid = old.rid;
    END;
    CREATE TRIGGER hazards_grams_au AFTER UPDATE OF description, place, equipment ON hazards BEGIN
      DELETE FROM hazards_grams WHERE rowid = old.rid;
      INSERT INTO hazards_grams (rowid, grams) VALUES (new.rid, ankang_grams(new.serial || ' ' || new.description || ' ' || coalesce(new.place, '') || ' ' || coalesce(new.equipment, '')));
    END;

    CREATE TABLE hazard_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      hazard_id TEXT NOT NULL REFERENCES hazards(id),
      at TEXT NOT NULL,
      actor_id TEXT,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT,
      comment TEXT
    );
    CREATE INDEX hazard_events_hazard ON hazard_events (hazard_id, seq);
    CREATE TRIGGER hazard_events_no_update BEFORE UPDATE ON hazard_events BEGIN
      SELECT RAISE(ABORT, 'hazard_events is append-only');
    END;
    CREATE TRIGGER hazard_events_no_delete BEFORE DELETE ON hazard_events BEGIN
      SELECT RAISE(ABORT, 'hazard_events is append-only');
    END;

    CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE,
      mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
      bytes INTEGER NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      original_name TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );

    CREATE TABLE hazard_photos (
      id TEXT PRIMARY KEY,
      hazard_id TEXT NOT NULL REFERENCES hazards(id),
      attachment_id TEXT NOT NULL REFERENCES attachments(id),
      phase TEXT NOT NULL CHECK (phase IN ('before', 'after')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE INDEX hazard_photos_hazard ON hazard_photos (hazard_id);
    CREATE UNIQUE INDEX hazard_photos_unique ON hazard_photos (hazard_id, attachment_id) WHERE deleted_at IS NULL;

    CREATE TABLE hazard_links (
      id TEXT PRIMARY KEY,
      a_id TEXT NOT NULL REFERENCES hazards(id),
      b_id TEXT NOT NULL REFERENCES hazards(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (a_id < b_id)
    );
    CREATE UNIQUE INDEX hazard_links_pair ON hazard_links (a_id, b_id) WHERE deleted_at IS NULL;
    CREATE INDEX hazard_links_b ON hazard_links (b_id);

    CREATE TABLE saved_views (
      id TEXT PRIMARY KEY,
      operator_id TEXT NOT NULL REFERENCES operators(id),
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      query TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE UNIQUE INDEX saved_views_name ON saved_views (operator_id, kind, name) WHERE deleted_at IS NULL;

    CREATE TABLE drafts (
      operator_id TEXT NOT NULL REFERENCES operators(id),
      kind TEXT NOT NULL,
      data TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (operator_id, kind)
    );
  `);
}
