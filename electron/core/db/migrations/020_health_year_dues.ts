import type { DB } from '../store';

/**
 * v20: every exam that falls due per worker, with the date it was met (shared/health/plan/rules.ts examDues) — kept
 * beside the due list by the same refreshes (electron/core/health/plan/due.ts), so a year's "exams held as required"
 * (the subsidy scorecard, the dossier) is one range on the due date instead of a pass over every exposure and exam.
 * An open exposure's dues are written up to `health_year_dues_span.until` (the end of the year after the one it was
 * built in); a read past it, or a store with no span yet (this migration leaves it empty), rebuilds the table.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE health_year_dues (
      rid INTEGER PRIMARY KEY,
      worker_id TEXT NOT NULL REFERENCES workers(id),
      due TEXT NOT NULL,
      met TEXT,
      women INTEGER NOT NULL DEFAULT 0 CHECK (women IN (0, 1))
    );
    CREATE INDEX health_year_dues_by_due ON health_year_dues (due, women, met);
    CREATE INDEX health_year_dues_worker ON health_year_dues (worker_id);
    CREATE TABLE health_year_dues_span (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      until TEXT NOT NULL
    );
  `);
}
