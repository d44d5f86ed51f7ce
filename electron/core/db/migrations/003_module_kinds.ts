import type { DB } from '../store';

/**
 * v3: one spelling for a module's list/form kind — drafts of the hazard quick log were kept under 'hazard' while its
 * saved views used 'hazards'; both are 'hazards' now. And serial numbers sort by year and number: as text,
 * YH-2026-9999 came after YH-2026-10000. `serial_key` (year × 10⁷ + number, a virtual column) replaces the text
 * serial in the ledger's sort indexes, as the sort order and as every other order's tie-break.
 */
export function up(db: DB): void {
  db.exec(`
    DELETE FROM drafts WHERE kind = 'hazard' AND operator_id IN (SELECT operator_id FROM drafts WHERE kind = 'hazards');
    UPDATE drafts SET kind = 'hazards' WHERE kind = 'hazard';

    ALTER TABLE hazards ADD COLUMN serial_key INTEGER
      GENERATED ALWAYS AS (CAST(substr(serial, 4, 4) AS INTEGER) * 10000000 + CAST(substr(serial, 9) AS INTEGER)) VIRTUAL;
    DROP INDEX hazards_by_found;
    DROP INDEX hazards_by_due;
    DROP INDEX hazards_by_risk;
    DROP INDEX hazards_by_serial;
    CREATE INDEX hazards_by_found ON hazards (deleted_at, found_at, serial_key, status, grade, risk, workshop_id, team_id, category1, source, finder_id, due_date, found_date);
    CREATE INDEX hazards_by_due ON hazards (deleted_at, due_date, serial_key, status, grade, risk, workshop_id, team_id, category1, source, finder_id, found_date);
    CREATE INDEX hazards_by_risk ON hazards (deleted_at, risk_d, serial_key, status, grade, risk, workshop_id, team_id, category1, source, finder_id, found_date);
    CREATE INDEX hazards_by_serial ON hazards (deleted_at, serial_key, status, grade, risk, workshop_id, team_id, category1, source, finder_id, due_date, found_date);
  `);
}
