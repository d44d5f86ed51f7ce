import type { DB } from '../store';
import { markChanged } from './013_wage_runs';

/**
 * v14: the skill-level wage's manual monthly figures — for an indicator whose source is 'manual' (a figure typed in
 * each period, e.g. a contest score): one row per worker, month and indicator code, so entering the same figure again
 * updates it. The code is the catalogue's indicator code (its shape is checked by the app: the catalogue's INDICATOR_CODE_RE).
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE wage_manual_values (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      worker_id TEXT NOT NULL REFERENCES workers(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
      value REAL NOT NULL,
      note TEXT,
      entered_by_id TEXT,
      entered_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX wage_manual_values_key ON wage_manual_values (worker_id, period, code);
    CREATE INDEX wage_manual_values_period ON wage_manual_values (period, code);
    -- a run of the period is stale after a change of its figures (migration 013's wage_period_changes)
    CREATE TRIGGER wage_changes_manual_ins AFTER INSERT ON wage_manual_values BEGIN ${markChanged('manual', 'SELECT new.period AS p')} END;
    CREATE TRIGGER wage_changes_manual_upd AFTER UPDATE ON wage_manual_values BEGIN ${markChanged('manual', 'SELECT new.period AS p UNION SELECT old.period')} END;
    CREATE TRIGGER wage_changes_manual_del AFTER DELETE ON wage_manual_values BEGIN ${markChanged('manual', 'SELECT old.period AS p')} END;
  `);
}
