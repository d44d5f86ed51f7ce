import type { DB } from '../store';

/**
 * v19: the subsidy dossier (安全赋能奖补申报) per year: the application's fields as written (JSON: safety leadership,
 * summary of work and results, amount requested in fen, contact…), the photos chosen for the annex, and the nominees
 * the money would reward with the role they are nominated in and why.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE subsidy_dossiers (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
      fields TEXT NOT NULL DEFAULT '{}',
      photo_ids TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE subsidy_nominees (
      dossier_id TEXT NOT NULL REFERENCES subsidy_dossiers(id),
      worker_id TEXT NOT NULL REFERENCES workers(id),
      role TEXT NOT NULL CHECK (role IN ('team_leader', 'safety_officer', 'oh_manager', 'lp_supervisor', 'union_officer')),
      reason TEXT,
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      PRIMARY KEY (dossier_id, worker_id)
    );
  `);
}
