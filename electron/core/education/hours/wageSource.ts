// A data step of migration 017 (the education hours area's): the wage indicator catalogue's CHECK on `source` takes
// the sources as they stand now (INDICATOR_SOURCES, which gained 'training.hours' — the month's training hours). SQLite
// cannot change a CHECK in place, so the table is rebuilt from its own CREATE statement with the new list: same
// columns, same rows, same ids; nothing references it.
import { INDICATOR_SOURCES } from '../../../../shared/wage/catalogue';
import type { DB } from '../../db/store';

export function widenWageSources(db: DB): void {
  const row = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'wage_catalogue'`).get() as { sql: string } | undefined;
  if (!row) return;
  const list = INDICATOR_SOURCES.map((s) => `'${s}'`).join(', ');
  const check = /CHECK \(source IN \([^)]*\)\)/;
  if (!check.test(row.sql)) throw new Error('wage_catalogue: the CHECK on source was not found');
  const sql = row.sql.replace(check, `CHECK (source IN (${list}))`).replace(/^CREATE TABLE wage_catalogue\b/, 'CREATE TABLE wage_catalogue_new');
  if (sql === row.sql) return;
  db.exec(`${sql};
    INSERT INTO wage_catalogue_new SELECT * FROM wage_catalogue;
    DROP TABLE wage_catalogue;
    ALTER TABLE wage_catalogue_new RENAME TO wage_catalogue;`);
}
