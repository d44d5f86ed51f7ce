import { RUN_CHANGE_KINDS } from '../../../../shared/wage/runs/types';
import type { DB } from '../store';

/** Every column of wage_runs but state and replaced_at: what an approved run's one allowed change leaves as it was. */
const RUN_COLUMNS = ['rid', 'id', 'period', 'version', 'scheme_id', 'scheme_name', 'scheme_version', 'scheme_content', 'workers', 'total_fen', 'safety_paid', 'vetoes',
  'budget_fen', 'budget_used_fen', 'calculated_at', 'calculated_by_id', 'calculated_by_name', 'reviewed_at', 'reviewed_by_id', 'reviewed_by_name', 'approved_at',
  'approved_by_id', 'approved_by_name', 'inputs_seq'];

/**
 * The statement a change trigger runs: marks `kind` changed in the periods `periods` selects (a column `p`, NULLs
 * skipped) with the next change number.
 */
export function markChanged(kind: (typeof RUN_CHANGE_KINDS)[number], periods: string): string {
  return `INSERT INTO wage_period_changes (period, kind, seq)
      SELECT p, '${kind}', (SELECT coalesce(max(seq), 0) + 1 FROM wage_period_changes) FROM (${periods}) WHERE p IS NOT NULL
      ON CONFLICT (period, kind) DO UPDATE SET seq = excluded.seq;`;
}

/** the month of a roster change (the row's time, as the service wrote it) and the month before: the months being paid */
const rosterMonths = (at: string) => `SELECT substr(${at}, 1, 7) AS p UNION SELECT substr(date(substr(${at}, 1, 7) || '-01', '-1 month'), 1, 7)`;
/**
 * The months a hazard counts in: its confirmations so far, and on a change to 'confirmed' the month of the change (the
 * hazard service writes the event of the same time after the row; hazard_events itself may carry no other trigger —
 * electron/core/auditChain.ts)
 */
const HAZARD_MONTHS = `SELECT DISTINCT substr(at, 1, 7) AS p FROM hazard_events WHERE hazard_id = new.id AND to_status = 'confirmed'
      UNION SELECT substr(new.updated_at, 1, 7) WHERE new.status = 'confirmed' AND old.status IS NOT 'confirmed'`;

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
      inputs_seq INTEGER NOT NULL DEFAULT 0,
      CHECK (state IN ('calculated', 'replaced') OR reviewed_at IS NOT NULL),
      CHECK (state <> 'approved' OR approved_at IS NOT NULL),
      CHECK (approved_by_id IS NULL OR reviewed_by_id IS NULL OR approved_by_id <> reviewed_by_id)
    );
    CREATE UNIQUE INDEX wage_runs_version ON wage_runs (period, version);
    CREATE UNIQUE INDEX wage_runs_open ON wage_runs (period) WHERE state IN ('calculated', 'reviewed');
    CREATE TRIGGER wage_runs_locked BEFORE UPDATE ON wage_runs WHEN old.approved_at IS NOT NULL AND NOT (
      old.state = 'approved' AND new.state = 'replaced' AND old.replaced_at IS NULL AND new.replaced_at IS NOT NULL
      AND ${RUN_COLUMNS.map((c) => `new.${c} IS old.${c}`).join(' AND ')}
    ) BEGIN
      SELECT RAISE(ABORT, 'an approved wage run is locked');
    END;
    CREATE TRIGGER wage_runs_no_delete BEFORE DELETE ON wage_runs WHEN old.approved_at IS NOT NULL BEGIN
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
      WHEN (SELECT approved_at FROM wage_runs WHERE id = old.run_id) IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'an approved wage run is locked');
    END;
    CREATE TRIGGER wage_run_lines_locked_delete BEFORE DELETE ON wage_run_lines
      WHEN (SELECT approved_at FROM wage_runs WHERE id = old.run_id) IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'an approved wage run is locked');
    END;
    CREATE TRIGGER wage_run_lines_locked_insert BEFORE INSERT ON wage_run_lines
      WHEN (SELECT state FROM wage_runs WHERE id = new.run_id) <> 'calculated' BEGIN
      SELECT RAISE(ABORT, 'lines are written only while a wage run is calculated');
    END;

    CREATE INDEX wage_hazard_confirmations ON hazard_events (at) WHERE to_status = 'confirmed';

    CREATE TABLE wage_period_changes (
      period TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN (${RUN_CHANGE_KINDS.map((k) => `'${k}'`).join(', ')})),
      seq INTEGER NOT NULL,
      PRIMARY KEY (period, kind)
    ) WITHOUT ROWID;
    CREATE TRIGGER wage_changes_time_ins AFTER INSERT ON wage_timekeeping BEGIN ${markChanged('timekeeping', 'SELECT new.period AS p')} END;
    CREATE TRIGGER wage_changes_time_upd AFTER UPDATE ON wage_timekeeping BEGIN ${markChanged('timekeeping', 'SELECT new.period AS p UNION SELECT old.period')} END;
    CREATE TRIGGER wage_changes_time_del AFTER DELETE ON wage_timekeeping BEGIN ${markChanged('timekeeping', 'SELECT old.period AS p')} END;
    CREATE TRIGGER wage_changes_beh_ins AFTER INSERT ON wage_behaviour BEGIN ${markChanged('behaviour', 'SELECT substr(new.date, 1, 7) AS p')} END;
    CREATE TRIGGER wage_changes_beh_upd AFTER UPDATE ON wage_behaviour BEGIN ${markChanged('behaviour', 'SELECT substr(new.date, 1, 7) AS p UNION SELECT substr(old.date, 1, 7)')} END;
    CREATE TRIGGER wage_changes_beh_del AFTER DELETE ON wage_behaviour BEGIN ${markChanged('behaviour', 'SELECT substr(old.date, 1, 7) AS p')} END;
    CREATE TRIGGER wage_changes_acc_ins AFTER INSERT ON wage_accidents BEGIN ${markChanged('accident', 'SELECT substr(new.date, 1, 7) AS p')} END;
    CREATE TRIGGER wage_changes_acc_upd AFTER UPDATE ON wage_accidents BEGIN ${markChanged('accident', 'SELECT substr(new.date, 1, 7) AS p UNION SELECT substr(old.date, 1, 7)')} END;
    CREATE TRIGGER wage_changes_acc_del AFTER DELETE ON wage_accidents BEGIN ${markChanged('accident', 'SELECT substr(old.date, 1, 7) AS p')} END;
    CREATE TRIGGER wage_changes_accw_ins AFTER INSERT ON wage_accident_workers BEGIN
      ${markChanged('accident', 'SELECT substr(date, 1, 7) AS p FROM wage_accidents WHERE id = new.accident_id')} END;
    CREATE TRIGGER wage_changes_accw_del AFTER DELETE ON wage_accident_workers BEGIN
      ${markChanged('accident', 'SELECT substr(date, 1, 7) AS p FROM wage_accidents WHERE id = old.accident_id')} END;
    CREATE TRIGGER wage_changes_hazard AFTER UPDATE OF finder_id, grade, status, deleted_at ON hazards
      WHEN new.finder_id IS NOT old.finder_id OR new.grade IS NOT old.grade OR new.status IS NOT old.status OR new.deleted_at IS NOT old.deleted_at BEGIN ${markChanged('hazard', HAZARD_MONTHS)} END;
    CREATE TRIGGER wage_changes_worker_ins AFTER INSERT ON workers BEGIN ${markChanged('roster', rosterMonths('new.created_at'))} END;
    CREATE TRIGGER wage_changes_worker_upd AFTER UPDATE OF emp_no, name, workshop_id, team_id, hire_date, skill_grade, status, deleted_at ON workers
      WHEN ${['emp_no', 'name', 'workshop_id', 'team_id', 'hire_date', 'skill_grade', 'status', 'deleted_at'].map((c) => `new.${c} IS NOT old.${c}`).join(' OR ')} BEGIN
      ${markChanged('roster', rosterMonths('new.updated_at'))} END;
  `);
}
