import type { DB } from '../store';

/**
 * v7: the workers' congress — terms (届), constituencies (代表团/代表组) and the representatives' stints.
 * A stint is one row: who, in which term and group, representative or observer (列席, no vote), member of the
 * presidium (主席团) or not, from when and how (election / by-election / invitation), until when and why (recall,
 * departure, resignation). History is kept: a by-election adds a row, a recall ends one; everything is computed "as
 * of a date" (joined_on ≤ d and (left_on IS NULL or left_on > d)). One open stint per worker and term.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE congress_terms (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
      form TEXT NOT NULL DEFAULT 'congress' CHECK (form IN ('congress', 'assembly')),
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      settings TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (end_date > start_date)
    );
    CREATE UNIQUE INDEX congress_terms_number ON congress_terms (number) WHERE deleted_at IS NULL;

    CREATE TABLE congress_groups (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      term_id TEXT NOT NULL REFERENCES congress_terms(id),
      name TEXT NOT NULL,
      org_unit_id TEXT REFERENCES org_units(id),
      leader_worker_id TEXT REFERENCES workers(id),
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE UNIQUE INDEX congress_groups_name ON congress_groups (term_id, name) WHERE deleted_at IS NULL;

    CREATE TABLE congress_members (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      term_id TEXT NOT NULL REFERENCES congress_terms(id),
      worker_id TEXT NOT NULL REFERENCES workers(id),
      group_id TEXT REFERENCES congress_groups(id),
      kind TEXT NOT NULL CHECK (kind IN ('representative', 'observer')),
      presidium INTEGER NOT NULL DEFAULT 0 CHECK (presidium IN (0, 1)),
      joined_on TEXT NOT NULL,
      joined_by TEXT NOT NULL CHECK (joined_by IN ('election', 'by_election', 'invitation')),
      left_on TEXT,
      left_by TEXT CHECK (left_by IN ('recall', 'departure', 'resignation')),
      left_note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((left_on IS NULL) = (left_by IS NULL)),
      CHECK (left_on IS NULL OR left_on >= joined_on)
    );
    CREATE INDEX congress_members_term ON congress_members (term_id, joined_on, left_on);
    CREATE INDEX congress_members_worker ON congress_members (worker_id);
    CREATE INDEX congress_members_group ON congress_members (group_id);
    CREATE UNIQUE INDEX congress_members_open ON congress_members (term_id, worker_id) WHERE left_on IS NULL;
  `);
}
