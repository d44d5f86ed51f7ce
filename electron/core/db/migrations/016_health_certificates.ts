import { CERT_CATEGORIES } from '../../../../shared/health/kinds';
import type { DB } from '../store';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * v16: special-operation certificates (特种作业操作证), several per worker: category (the 10 of 总局令第30号), number,
 * issue date, review cycle (3 years, or 6 with approval after 10 compliant years), the last review, expiry. The roster's
 * single certificate columns (cert_type, cert_no, cert_expiry) stay as the roster import writes them; this step copies
 * them into the table (owned by the certificates area, which adds that copy here).
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE health_certificates (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      worker_id TEXT NOT NULL REFERENCES workers(id),
      category TEXT CHECK (category IS NULL OR category IN (${list(CERT_CATEGORIES)})),
      type_text TEXT,
      cert_no TEXT NOT NULL,
      issue_date TEXT,
      review_years INTEGER NOT NULL DEFAULT 3 CHECK (review_years IN (3, 6)),
      approval_note TEXT,
      last_review_date TEXT,
      expiry_date TEXT NOT NULL,
      note TEXT,
      scan_id TEXT REFERENCES attachments(id),
      source TEXT NOT NULL CHECK (source IN ('manual', 'roster', 'import')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (category IS NOT NULL OR type_text IS NOT NULL)
    );
    CREATE INDEX health_certificates_worker ON health_certificates (worker_id, deleted_at);
    CREATE INDEX health_certificates_expiry ON health_certificates (deleted_at, expiry_date);
  `);
}
