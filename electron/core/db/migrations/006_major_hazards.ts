import type { DB } from '../store';

/**
 * v6: major hazards (安全生产事故隐患排查治理暂行规定) — one row per 重大隐患 with its report to the supervising
 * authority (date, receiving body, document number, what was reported), optional 挂牌督办, and the evaluation of its
 * governance before acceptance. Also an index on the responsible person, which the ledger search walks when a term
 * names a worker.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE hazard_major (
      hazard_id TEXT PRIMARY KEY REFERENCES hazards(id),
      reported_date TEXT,
      report_body TEXT,
      report_doc_no TEXT,
      report_summary TEXT,
      supervised INTEGER NOT NULL DEFAULT 0 CHECK (supervised IN (0, 1)),
      supervision_body TEXT,
      supervision_doc_no TEXT,
      supervision_date TEXT,
      evaluation_date TEXT,
      evaluator_kind TEXT CHECK (evaluator_kind IN ('experts', 'third_party')),
      evaluator TEXT,
      evaluation_conclusion TEXT,
      evaluation_passed INTEGER CHECK (evaluation_passed IN (0, 1)),
      updated_at TEXT NOT NULL,
      CHECK (reported_date IS NULL OR (report_body IS NOT NULL AND report_doc_no IS NOT NULL)),
      CHECK (supervised = 0 OR (supervision_body IS NOT NULL AND supervision_date IS NOT NULL)),
      CHECK (evaluation_date IS NULL OR (evaluator_kind IS NOT NULL AND evaluator IS NOT NULL AND evaluation_passed IS NOT NULL))
    ) WITHOUT ROWID;
    CREATE INDEX hazards_responsible ON hazards (responsible_id);
  `);
}
