import { CONCLUSIONS, EXAM_KINDS, FACTOR_CATEGORIES, FACTOR_SEEDS } from '../../../../shared/health/kinds';
import { EXPOSURE_SOURCES, PLAN_KINDS } from '../../../../shared/health/plan/types';
import { nowIso, uuidv7 } from '../../util';
import type { DB } from '../store';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * v15: special groups' health. The occupational-hazard factors with their periodic-exam interval (an editable table,
 * seeded with the GBZ 188 defaults); exposures per worker (factor, post, from/to — what the roster's free-text field
 * said, made precise); exam batches (a clinic's visit: date, institution, kind, report file) and one exam per worker in
 * a batch with the conclusion (目前未见异常 / 复查 what and by when / 疑似职业病 / 职业禁忌证 which / 其他).
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE health_factors (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN (${list(FACTOR_CATEGORIES)})),
      interval_months INTEGER NOT NULL CHECK (interval_months BETWEEN 1 AND 120),
      level_note TEXT,
      synonyms TEXT NOT NULL DEFAULT '[]',
      seeded INTEGER NOT NULL DEFAULT 0 CHECK (seeded IN (0, 1)),
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );

    CREATE TABLE health_exposures (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      worker_id TEXT NOT NULL REFERENCES workers(id),
      factor_id TEXT NOT NULL REFERENCES health_factors(id),
      post TEXT,
      start_date TEXT NOT NULL,
      end_date TEXT,
      source TEXT NOT NULL CHECK (source IN (${list(EXPOSURE_SOURCES)})),
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (end_date IS NULL OR end_date >= start_date)
    );
    CREATE INDEX health_exposures_worker ON health_exposures (worker_id, deleted_at);
    CREATE INDEX health_exposures_factor ON health_exposures (factor_id, deleted_at);

    CREATE TABLE health_exam_batches (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      date TEXT NOT NULL,
      institution TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN (${list(EXAM_KINDS)})),
      report_id TEXT REFERENCES attachments(id),
      source TEXT NOT NULL CHECK (source IN ('manual', 'import')),
      file_name TEXT,
      note TEXT,
      entered_by_id TEXT,
      entered_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE INDEX health_exam_batches_date ON health_exam_batches (deleted_at, date);

    CREATE TABLE health_exams (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      batch_id TEXT NOT NULL REFERENCES health_exam_batches(id),
      worker_id TEXT NOT NULL REFERENCES workers(id),
      date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN (${list(EXAM_KINDS)})),
      factor_ids TEXT NOT NULL DEFAULT '[]',
      conclusion TEXT NOT NULL CHECK (conclusion IN (${list(CONCLUSIONS)})),
      recheck_items TEXT,
      recheck_due TEXT,
      contraindication TEXT,
      detail TEXT,
      screening INTEGER NOT NULL DEFAULT 0 CHECK (screening IN (0, 1)),
      report_id TEXT REFERENCES attachments(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (conclusion <> 'recheck' OR recheck_due IS NOT NULL),
      CHECK (conclusion <> 'contraindication' OR contraindication IS NOT NULL)
    );
    CREATE UNIQUE INDEX health_exams_batch_worker ON health_exams (batch_id, worker_id);
    CREATE INDEX health_exams_worker ON health_exams (worker_id, deleted_at, date);
    CREATE INDEX health_exams_date ON health_exams (deleted_at, date);

    -- The exam plan (shared/health/plan/rules.ts planItems): one row per item a worker is due for that can show in
    -- the due list (an active worker's items, a worker who left: the exit exam), with the worker's workshop and team,
    -- kept current by the services for the workers a write touches (electron/core/health/plan/due.ts) and judged
    -- against today when read — so the due list and its counts are index ranges on due_date at any number of workers.
    CREATE TABLE health_due (
      rid INTEGER PRIMARY KEY,
      worker_id TEXT NOT NULL REFERENCES workers(id),
      workshop_id TEXT,
      team_id TEXT,
      kind TEXT NOT NULL CHECK (kind IN (${list(PLAN_KINDS)})),
      factor_id TEXT REFERENCES health_factors(id),
      due_date TEXT NOT NULL,
      last_date TEXT,
      until TEXT,
      ref_id TEXT,
      detail TEXT,
      screening INTEGER NOT NULL DEFAULT 0 CHECK (screening IN (0, 1))
    );
    CREATE INDEX health_due_by_date ON health_due (due_date, kind, until, workshop_id, team_id);
    CREATE INDEX health_due_by_kind ON health_due (kind, due_date, until, workshop_id, team_id);
    CREATE INDEX health_due_worker ON health_due (worker_id);
    -- workers the roster wrote since their plan was computed (a new woman; a changed hire date, ID card, gender,
    -- status or place): the due list refreshes them before it reads (syncHealthDue), so the roster needs no call into
    -- the health module.
    CREATE TABLE health_due_stale (worker_id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TRIGGER health_due_worker_ai AFTER INSERT ON workers BEGIN
      INSERT OR IGNORE INTO health_due_stale (worker_id) VALUES (new.id);
    END;
    CREATE TRIGGER health_due_worker_au AFTER UPDATE OF gender, hire_date, id_card, status, deleted_at, workshop_id, team_id ON workers BEGIN
      INSERT OR IGNORE INTO health_due_stale (worker_id) VALUES (new.id);
    END;
  `);
  const ins = db.prepare(
    `INSERT INTO health_factors (id, code, name, category, interval_months, level_note, synonyms, seeded, sort_order, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const now = nowIso();
  FACTOR_SEEDS.forEach((f, i) => ins.run(uuidv7(), f.code, f.name, f.category, f.intervalMonths, f.levelNote, JSON.stringify(f.synonyms), i, now, now));
}
