// A step of migration 017 (the education hours area's): the wage runs learn when the training records of a month change.
// The wage indicator source 'training.hours' reads the attendance of the education activities dated in a run's month
// (electron/core/wage/runs/inputs.ts); wage_period_changes (migration 013) keeps a change number per month and kind, and
// a run calculated before a larger number says its records changed (kind 'training'). The triggers mark the months of
// the activities whose counted hours may have changed: an attendance added, removed, or its hours / worker / activity
// changed; an activity's date, hours, kind or deletion changed (only when someone attended it). Pre-shift meetings are
// meetings, not hours (MEETING_KINDS), and a deleted activity counts nowhere: neither marks a month.
// None of these tables is one the audit chain guards (audit_log, hazard_events — electron/core/auditChain.ts).
import { MEETING_KINDS } from '../../../../shared/education/hours/rules';
import { RUN_CHANGE_KINDS } from '../../../../shared/wage/runs/types';
import { markChanged } from '../../db/migrations/013_wage_runs';
import type { DB } from '../../db/store';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * wage_period_changes' CHECK on `kind` takes the kinds as they stand now (RUN_CHANGE_KINDS gained 'training'): a store
 * made before has the old list, so the (small, unreferenced) table is made again from its own CREATE statement with the
 * new list — same rows. Dropped and created under its own name (no RENAME: the change triggers name it in their bodies).
 */
export function widenRunChangeKinds(db: DB): void {
  const row = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'wage_period_changes'`).get() as { sql: string } | undefined;
  if (!row) return;
  const check = /CHECK \(kind IN \([^)]*\)\)/;
  if (!check.test(row.sql)) throw new Error('wage_period_changes: the CHECK on kind was not found');
  const sql = row.sql.replace(check, `CHECK (kind IN (${list(RUN_CHANGE_KINDS)}))`);
  if (sql === row.sql) return;
  const rows = db.prepare(`SELECT period, kind, seq FROM wage_period_changes`).all() as { period: string; kind: string; seq: number }[];
  db.exec(`DROP TABLE wage_period_changes; ${sql};`);
  const ins = db.prepare(`INSERT INTO wage_period_changes (period, kind, seq) VALUES (?, ?, ?)`);
  for (const r of rows) ins.run(r.period, r.kind, r.seq);
}

/** The change triggers of the training records (kind 'training'). */
export function trainingChangeTriggers(db: DB): void {
  const M = list(MEETING_KINDS);
  /** the month of these activities when their hours count (not deleted, not a meeting) */
  const months = (ids: string) => `SELECT substr(date, 1, 7) AS p FROM edu_activities WHERE id IN (${ids}) AND deleted_at IS NULL AND kind NOT IN (${M})`;
  const activityMonths = `SELECT substr(new.date, 1, 7) AS p WHERE new.deleted_at IS NULL AND new.kind NOT IN (${M})
      UNION SELECT substr(old.date, 1, 7) WHERE old.deleted_at IS NULL AND old.kind NOT IN (${M})`;
  db.exec(`
    CREATE TRIGGER wage_changes_edu_att_ins AFTER INSERT ON edu_attendance BEGIN ${markChanged('training', months('new.activity_id'))} END;
    CREATE TRIGGER wage_changes_edu_att_upd AFTER UPDATE OF activity_id, worker_id, hours ON edu_attendance
      WHEN new.activity_id IS NOT old.activity_id OR new.worker_id IS NOT old.worker_id OR new.hours IS NOT old.hours BEGIN
      ${markChanged('training', months('new.activity_id, old.activity_id'))} END;
    CREATE TRIGGER wage_changes_edu_att_del AFTER DELETE ON edu_attendance BEGIN ${markChanged('training', months('old.activity_id'))} END;
    CREATE TRIGGER wage_changes_edu_act_upd AFTER UPDATE OF date, hours, kind, deleted_at ON edu_activities
      WHEN (new.date IS NOT old.date OR new.hours IS NOT old.hours OR new.kind IS NOT old.kind OR new.deleted_at IS NOT old.deleted_at)
        AND EXISTS (SELECT 1 FROM edu_attendance WHERE activity_id = new.id) BEGIN
      ${markChanged('training', activityMonths)} END;
    CREATE TRIGGER wage_changes_edu_act_del AFTER DELETE ON edu_activities
      WHEN old.deleted_at IS NULL AND old.kind NOT IN (${M}) AND EXISTS (SELECT 1 FROM edu_attendance WHERE activity_id = old.id) BEGIN
      ${markChanged('training', 'SELECT substr(old.date, 1, 7) AS p')} END;
  `);
}
