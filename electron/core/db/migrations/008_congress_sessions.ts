import type { DB } from '../store';

/**
 * v8: the sessions of the workers' congress (第X届第Y次会议) — the session with its status (preparing → issued →
 * in_session → closed) and the hazard figures frozen into it when the papers are issued; the agenda (the 5+X template,
 * the enterprise's X items, the procedural items) with each item's materials (attachments), what was heard and the
 * resolution; the day's attendance per representative; the votes (one per motion, one per election candidate) with
 * the base, the counts and the verdict, locked once announced; a named vote's ballots.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE congress_sessions (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      term_id TEXT NOT NULL REFERENCES congress_terms(id),
      seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 99),
      kind TEXT NOT NULL CHECK (kind IN ('regular', 'safety')),
      date TEXT NOT NULL,
      time TEXT,
      place TEXT,
      convenor TEXT,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'issued', 'in_session', 'closed')),
      hazard_snapshot TEXT,
      issued_at TEXT,
      opened_at TEXT,
      closed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (period_to >= period_from),
      CHECK ((status = 'preparing') = (hazard_snapshot IS NULL))
    );
    CREATE UNIQUE INDEX congress_sessions_seq ON congress_sessions (term_id, seq) WHERE deleted_at IS NULL;
    CREATE INDEX congress_sessions_date ON congress_sessions (date);

    CREATE TABLE congress_agenda_items (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      session_id TEXT NOT NULL REFERENCES congress_sessions(id),
      position INTEGER NOT NULL,
      template_key TEXT CHECK (template_key IN ('opening', 'work_report', 'education', 'skills', 'protection', 'wage', 'hazards', 'resolutions', 'closing')),
      title TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('report', 'deliberate', 'vote', 'election')),
      presenter TEXT,
      planned_minutes INTEGER CHECK (planned_minutes IS NULL OR planned_minutes BETWEEN 1 AND 600),
      summary TEXT,
      resolution TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE INDEX congress_agenda_items_session ON congress_agenda_items (session_id, position);

    CREATE TABLE congress_item_materials (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      item_id TEXT NOT NULL REFERENCES congress_agenda_items(id),
      attachment_id TEXT NOT NULL REFERENCES attachments(id),
      title TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE UNIQUE INDEX congress_item_materials_unique ON congress_item_materials (item_id, attachment_id) WHERE deleted_at IS NULL;

    CREATE TABLE congress_attendance (
      rid INTEGER PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES congress_sessions(id),
      member_id TEXT NOT NULL REFERENCES congress_members(id),
      status TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
      updated_at TEXT NOT NULL,
      UNIQUE (session_id, member_id)
    );

    CREATE TABLE congress_votes (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      session_id TEXT NOT NULL REFERENCES congress_sessions(id),
      item_id TEXT NOT NULL REFERENCES congress_agenda_items(id),
      candidate TEXT,
      method TEXT NOT NULL CHECK (method IN ('secret', 'named')),
      status TEXT NOT NULL CHECK (status IN ('open', 'counted', 'announced')),
      quorum_rule TEXT NOT NULL CHECK (quorum_rule IN ('gt', 'gte')),
      entitled INTEGER NOT NULL CHECK (entitled >= 0),
      present INTEGER NOT NULL CHECK (present >= 0),
      issued INTEGER,
      yes INTEGER,
      no INTEGER,
      abstain INTEGER,
      invalid INTEGER,
      needed INTEGER NOT NULL,
      verdict TEXT CHECK (verdict IN ('passed', 'failed', 'noQuorum')),
      corrections INTEGER NOT NULL DEFAULT 0,
      correction_reason TEXT,
      opened_at TEXT NOT NULL,
      announced_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK ((status = 'open') = (verdict IS NULL)),
      CHECK ((status = 'announced') = (announced_at IS NOT NULL))
    );
    CREATE UNIQUE INDEX congress_votes_item ON congress_votes (item_id, coalesce(candidate, '')) WHERE deleted_at IS NULL;
    CREATE INDEX congress_votes_session ON congress_votes (session_id);

    CREATE TABLE congress_vote_ballots (
      rid INTEGER PRIMARY KEY,
      vote_id TEXT NOT NULL REFERENCES congress_votes(id),
      member_id TEXT NOT NULL REFERENCES congress_members(id),
      choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
      UNIQUE (vote_id, member_id)
    );
  `);
}
