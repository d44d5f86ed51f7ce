import type { DB } from '../store';

/**
 * v11: the skill-level wage's own records. Safe production time: one row per worker and month (hours or shifts, or
 * both), so entering or importing the same month again updates it. Behaviour records: a violation (points below zero)
 * or a good act (above zero) of a worker or a team, with an optional evidence photo; deleted ones stay (deleted_at)
 * and can be restored. Accidents: date, place, severity, the team and the workers involved; deleted the same way.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE wage_timekeeping (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      worker_id TEXT NOT NULL REFERENCES workers(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      hours REAL CHECK (hours IS NULL OR hours >= 0),
      shifts INTEGER CHECK (shifts IS NULL OR shifts >= 0),
      source TEXT NOT NULL CHECK (source IN ('manual', 'import')),
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (hours IS NOT NULL OR shifts IS NOT NULL)
    );
    CREATE UNIQUE INDEX wage_timekeeping_month ON wage_timekeeping (worker_id, period);
    CREATE INDEX wage_timekeeping_period ON wage_timekeeping (period, worker_id);

    CREATE TABLE wage_behaviour (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      date TEXT NOT NULL,
      worker_id TEXT REFERENCES workers(id),
      team_id TEXT REFERENCES org_units(id),
      kind TEXT NOT NULL CHECK (kind IN ('violation', 'good_act')),
      category TEXT NOT NULL,
      points REAL NOT NULL,
      note TEXT,
      evidence_id TEXT REFERENCES attachments(id),
      entered_by_id TEXT,
      entered_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (worker_id IS NOT NULL OR team_id IS NOT NULL),
      CHECK ((kind = 'violation' AND points < 0) OR (kind = 'good_act' AND points > 0))
    );
    CREATE INDEX wage_behaviour_date ON wage_behaviour (deleted_at, date);
    CREATE INDEX wage_behaviour_worker ON wage_behaviour (worker_id, date);
    CREATE INDEX wage_behaviour_team ON wage_behaviour (team_id, date);

    CREATE TABLE wage_accidents (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      date TEXT NOT NULL,
      place TEXT NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('near_miss', 'minor_injury', 'serious_injury', 'death')),
      description TEXT NOT NULL,
      team_id TEXT REFERENCES org_units(id),
      entered_by_id TEXT,
      entered_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE INDEX wage_accidents_date ON wage_accidents (deleted_at, date);
    CREATE INDEX wage_accidents_team ON wage_accidents (team_id, date);

    CREATE TABLE wage_accident_workers (
      accident_id TEXT NOT NULL REFERENCES wage_accidents(id),
      worker_id TEXT NOT NULL REFERENCES workers(id),
      sort_order INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (accident_id, worker_id)
    );
    CREATE INDEX wage_accident_workers_worker ON wage_accident_workers (worker_id);
  `);
}
