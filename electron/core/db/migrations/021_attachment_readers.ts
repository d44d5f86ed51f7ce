import type { DB } from '../store';

/**
 * v21: who may open an attachment (attachments.get / attachments.download): `readers` is a JSON array of committee
 * roles (administrators hold every role), null for anyone signed in. A clinic's exam report is medical data: the health
 * exams service restricts it to those who read exam results (shared/health/privacy.ts) when it is attached to a batch;
 * the reports already attached are restricted here — to the readers of v21: the OH managers, safety officers and
 * union officers.
 */
export function up(db: DB): void {
  db.exec(`ALTER TABLE attachments ADD COLUMN readers TEXT CHECK (readers IS NULL OR (json_valid(readers) AND json_type(readers) = 'array'))`);
  db.prepare(
    `UPDATE attachments SET readers = ? WHERE id IN (
       SELECT report_id FROM health_exam_batches WHERE report_id IS NOT NULL UNION SELECT report_id FROM health_exams WHERE report_id IS NOT NULL)`,
  ).run(JSON.stringify(['oh_manager', 'safety_officer', 'union_officer']));
}
