import { ACTIVITY_KINDS, EDU_LEVELS, REQUIREMENT_ROLES, REQUIREMENT_SEEDS, SECTORS } from '../../../../shared/education/kinds';
import { trainingChangeTriggers, widenRunChangeKinds } from '../../education/hours/wageChanges';
import { widenWageSources } from '../../education/hours/wageSource';
import { nowIso } from '../../util';
import type { DB } from '../store';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * v17: safety education. Activities (three-level education, post changes, re-training, pre-shift meetings, drills,
 * 安康杯, special and managers' training) with date, hours, host, content, where (a workshop or team), photos; who
 * attended (hours each — the activity's unless stated — and a test score); the hours required per sector and role
 * (an editable table seeded from 生产经营单位安全培训规定).
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE edu_activities (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN (${list(ACTIVITY_KINDS)})),
      level TEXT CHECK (level IS NULL OR level IN (${list(EDU_LEVELS)})),
      title TEXT NOT NULL,
      date TEXT NOT NULL,
      hours REAL NOT NULL CHECK (hours > 0 AND hours <= 200),
      host TEXT,
      org_unit_id TEXT REFERENCES org_units(id),
      content TEXT,
      note TEXT,
      entered_by_id TEXT,
      entered_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE INDEX edu_activities_date ON edu_activities (deleted_at, date);
    CREATE INDEX edu_activities_unit ON edu_activities (org_unit_id, date);

    CREATE TABLE edu_attendance (
      activity_id TEXT NOT NULL REFERENCES edu_activities(id),
      worker_id TEXT NOT NULL REFERENCES workers(id),
      hours REAL CHECK (hours IS NULL OR (hours >= 0 AND hours <= 200)),
      score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
      passed INTEGER CHECK (passed IS NULL OR passed IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('manual', 'import')),
      created_at TEXT NOT NULL,
      PRIMARY KEY (activity_id, worker_id)
    );
    CREATE INDEX edu_attendance_worker ON edu_attendance (worker_id, activity_id);
    -- covering indexes for the year's figures at 50,000 workers (education/hours/summary.ts): the activities of a span
    -- by kind with their hours, and their attendance with the hours, read without touching the tables
    CREATE INDEX edu_activities_span ON edu_activities (deleted_at, date, kind, id, hours);
    CREATE INDEX edu_attendance_hours ON edu_attendance (activity_id, worker_id, hours);
    -- …and the roster's columns the requirement depends on, by worker (the roster counted by role, a worker's role)
    CREATE INDEX edu_workers_role ON workers (id, deleted_at, status, hire_date, is_manager);

    CREATE TABLE edu_activity_photos (
      activity_id TEXT NOT NULL REFERENCES edu_activities(id),
      attachment_id TEXT NOT NULL REFERENCES attachments(id),
      sort_order INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (activity_id, attachment_id)
    );

    CREATE TABLE edu_requirements (
      sector TEXT NOT NULL CHECK (sector IN (${list(SECTORS)})),
      role TEXT NOT NULL CHECK (role IN (${list(REQUIREMENT_ROLES)})),
      hours REAL NOT NULL CHECK (hours >= 0 AND hours <= 500),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (sector, role)
    );
  `);
  const now = nowIso();
  const ins = db.prepare('INSERT INTO edu_requirements (sector, role, hours, updated_at) VALUES (?, ?, ?, ?)');
  for (const r of REQUIREMENT_SEEDS) ins.run(r.sector, r.role, r.hours, now);
  // the wage module's new indicator source 'training.hours' (the month's training hours): its catalogue's CHECK widened
  widenWageSources(db);
  // …and its runs learn when the training records of a month change (wage_period_changes, kind 'training')
  widenRunChangeKinds(db);
  trainingChangeTriggers(db);
}
