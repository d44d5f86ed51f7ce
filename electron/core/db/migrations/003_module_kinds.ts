import type { DB } from '../store';

/**
 * v3: one spelling for a module's list/form kind — drafts of the hazard quick log were kept under 'hazard' while its
 * saved views used 'hazards'; both are 'hazards' now.
 */
export function up(db: DB): void {
  db.exec(`
    DELETE FROM drafts WHERE kind = 'hazard' AND operator_id IN (SELECT operator_id FROM drafts WHERE kind = 'hazards');
    UPDATE drafts SET kind = 'hazards' WHERE kind = 'hazard';
  `);
}
