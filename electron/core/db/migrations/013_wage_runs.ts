import type { DB } from '../store';

/**
 * v13: the skill-level wage's monthly runs. A run is one version of a period's calculation with the scheme version
 * effective for it (its name, number and content copied in, so a run reads the same whatever happens to the scheme
 * later); a recalculation adds the next version. At most one unapproved (calculated or reviewed) version per period: the
 * service marks the previous one 'replaced' in the same transaction. Review and approval are by different operators
 * (checked here too when both ids are known). An approved run is locked: the triggers refuse any change to it or to its
 * lines.
 *
 * wage_run_lines: one row per worker of the run, with the worker's number, name, workshop and team as they were (the
 * payroll of that month), the total in fen, the veto and pro rata, the components and the records behind them — so the
 * explanation of a locked run stays what it was when calculated, even if a hazard is cancelled later. Stored compactly
 * (a year of runs at 5,000 workers writes 60,000 lines; electron/core/wage/runs/lines.ts reads and writes them):
 * `components` is a flat JSON array, five values per indicator of the run's scheme content in its order (raw, points,
 * weighted, fen, what was applied as bits); `sources` is JSON of the records that are not the line itself (the skill
 * grade's record is the worker) and the accidents of a veto, or NULL when there are none. A rowid table (rows of a few
 * hundred bytes insert faster there than in a WITHOUT ROWID b-tree) with one index, by run and employee number (the
 * order lines are listed in; unique, as on the roster); a worker's line is found within the run's (one worker a run).
 *
 * The partial index on hazard_events finds a period's confirmations (the month a hazard counts) without reading the
 * whole timeline.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE wage_runs (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      version INTEGER NOT NULL CHECK (version >= 1),
      state TEXT NOT NULL CHECK (state IN ('calculated', 'reviewed', 'approved', 'replaced')),
      scheme_id TEXT NOT NULL,
      scheme_name TEXT NOT NULL,
      scheme_version INTEGER NOT NULL,
      scheme_content TEXT NOT NULL,
      workers INTEGER NOT NULL,
      total_fen INTEGER NOT NULL,
      safety_paid INTEGER NOT NULL,
      vetoes INTEGER NOT NULL,
      budget_fen INTEGER,
      budget_used_fen INTEGER,
      calculated_at TEXT NOT NULL,
      calculated_by_id TEXT,
      calculated_by_name TEXT NOT NULL,
      reviewed_at TEXT,
      reviewed_by_id TEXT,
      reviewed_by_name TEXT,
      approved_at TEXT,
      approved_by_id TEXT,
      approved_by_name TEXT,
      replaced_at TEXT,
      CHECK (state IN ('calculated', 'replaced') OR reviewed_at IS NOT NULL),
      CHECK (state <> 'approved' OR approved_at IS NOT NULL),
      CHECK (approved_by_id IS NULL OR reviewed_by_id IS NULL OR approved_by_id <> reviewed_by_id)
    );
    CREATE UNIQUE INDEX wage_runs_version ON wage_runs (period, version);
    CREATE UNIQUE INDEX wage_runs_open ON wage_runs (period) WHERE state IN ('calculated', 'reviewed');
    CREATE TRIGGER wage_runs_locked BEFORE UPDATE ON wage_runs WHEN old.state = 'approved' BEGIN
      SELECT RAISE(ABORT, 'an approved wage run is locked');
    END;
    CREATE TRIGGER wage_runs_no_delete BEFORE DELETE ON wage_runs WHEN old.state = 'approved' BEGIN
      SELECT RAISE(ABORT, 'an approved wage run is locked');
    END;

    CREATE TABLE wage_run_lines (
      rid INTEGER PRIMARY KEY,
      run_id TEXT NOT NULL REFERENCES wage_runs(id),
      worker_id TEXT NOT NULL REFERENCES workers(id),
      emp_no TEXT NOT NULL,
      name TEXT NOT NULL,
      workshop_id TEXT,
      workshop_name TEXT,
      team_id TEXT,
      team_name TEXT,
      total_fen INTEGER NOT NULL,
      veto INTEGER NOT NULL CHECK (veto IN (0, 1)),
      pro_rata_worked INTEGER,
      pro_rata_of INTEGER,
      components TEXT NOT NULL,
      sources TEXT
    );
    CREATE UNIQUE INDEX wage_run_lines_emp ON wage_run_lines (run_id, emp_no);
    CREATE TRIGGER wage_run_lines_locked_update BEFORE UPDATE ON wage_run_lines
      WHEN (SELECT state FROM wage_runs WHERE id = old.run_id) = 'approved' BEGIN
      SELECT RAISE(ABORT, 'an approved wage run is locked');
    END;
    CREATE TRIGGER wage_run_lines_locked_delete BEFORE DELETE ON wage_run_lines
      WHEN (SELECT state FROM wage_runs WHERE id = old.run_id) = 'approved' BEGIN
      SELECT RAISE(ABORT, 'an approved wage run is locked');
    END;
    CREATE TRIGGER wage_run_lines_locked_insert BEFORE INSERT ON wage_run_lines
      WHEN (SELECT state FROM wage_runs WHERE id = new.run_id) <> 'calculated' BEGIN
      SELECT RAISE(ABORT, 'lines are written only while a wage run is calculated');
    END;

    CREATE INDEX wage_hazard_confirmations ON hazard_events (at) WHERE to_status = 'confirmed';
  `);
}
