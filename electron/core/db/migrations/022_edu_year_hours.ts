import type { DB } from '../store';

/**
 * v22: each worker's training hours per year and activity kind, in hundredths (edu_year_hours), kept by triggers on the
 * attendance and the activities — an attendance added, removed or changed; an activity's date, kind, hours or deletion
 * changed — so a year's hours against the requirement (electron/core/education/hours/summary.ts) read one range of it
 * instead of grouping the year's attendance. Per kind, so which kinds count for which requirement stays in the code
 * (shared/education/hours/rules.ts). A worker's hours at an activity: their own, else the activity's (as everywhere).
 * Deleted activities count nowhere. Filled from the records already there.
 */
const CENTS = (t: string, a: string) => `CAST(round(coalesce(${t}.hours, ${a}.hours) * 100) AS INTEGER)`;
const YEAR = (a: string) => `CAST(substr(${a}.date, 1, 4) AS INTEGER)`;
const UPSERT = `ON CONFLICT (year, worker_id, kind) DO UPDATE SET cents = cents + excluded.cents`;

export function up(db: DB): void {
  db.exec(`
    CREATE TABLE edu_year_hours (
      year INTEGER NOT NULL,
      worker_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      cents INTEGER NOT NULL,
      PRIMARY KEY (year, worker_id, kind)
    ) WITHOUT ROWID;
    INSERT INTO edu_year_hours (year, worker_id, kind, cents)
      SELECT ${YEAR('a')}, t.worker_id, a.kind, sum(${CENTS('t', 'a')})
      FROM edu_activities a JOIN edu_attendance t ON t.activity_id = a.id
      WHERE a.deleted_at IS NULL GROUP BY 1, 2, 3;

    CREATE TRIGGER edu_year_hours_att_ins AFTER INSERT ON edu_attendance BEGIN
      INSERT INTO edu_year_hours (year, worker_id, kind, cents)
        SELECT ${YEAR('a')}, new.worker_id, a.kind, ${CENTS('new', 'a')} FROM edu_activities a WHERE a.id = new.activity_id AND a.deleted_at IS NULL ${UPSERT};
    END;
    CREATE TRIGGER edu_year_hours_att_del AFTER DELETE ON edu_attendance BEGIN
      INSERT INTO edu_year_hours (year, worker_id, kind, cents)
        SELECT ${YEAR('a')}, old.worker_id, a.kind, -${CENTS('old', 'a')} FROM edu_activities a WHERE a.id = old.activity_id AND a.deleted_at IS NULL ${UPSERT};
    END;
    CREATE TRIGGER edu_year_hours_att_upd AFTER UPDATE OF activity_id, worker_id, hours ON edu_attendance BEGIN
      INSERT INTO edu_year_hours (year, worker_id, kind, cents)
        SELECT ${YEAR('a')}, old.worker_id, a.kind, -${CENTS('old', 'a')} FROM edu_activities a WHERE a.id = old.activity_id AND a.deleted_at IS NULL ${UPSERT};
      INSERT INTO edu_year_hours (year, worker_id, kind, cents)
        SELECT ${YEAR('a')}, new.worker_id, a.kind, ${CENTS('new', 'a')} FROM edu_activities a WHERE a.id = new.activity_id AND a.deleted_at IS NULL ${UPSERT};
    END;
    CREATE TRIGGER edu_year_hours_act_upd AFTER UPDATE OF date, kind, hours, deleted_at ON edu_activities BEGIN
      INSERT INTO edu_year_hours (year, worker_id, kind, cents)
        SELECT ${YEAR('old')}, t.worker_id, old.kind, -${CENTS('t', 'old')} FROM edu_attendance t WHERE t.activity_id = old.id AND old.deleted_at IS NULL ${UPSERT};
      INSERT INTO edu_year_hours (year, worker_id, kind, cents)
        SELECT ${YEAR('new')}, t.worker_id, new.kind, ${CENTS('t', 'new')} FROM edu_attendance t WHERE t.activity_id = new.id AND new.deleted_at IS NULL ${UPSERT};
    END;
    CREATE TRIGGER edu_year_hours_act_del AFTER DELETE ON edu_activities BEGIN
      INSERT INTO edu_year_hours (year, worker_id, kind, cents)
        SELECT ${YEAR('old')}, t.worker_id, old.kind, -${CENTS('t', 'old')} FROM edu_attendance t WHERE t.activity_id = old.id AND old.deleted_at IS NULL ${UPSERT};
    END;
  `);
}
