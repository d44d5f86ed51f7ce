import { CERT_CATEGORIES } from '../../../../shared/health/kinds';
import { categoryFromText } from '../../../../shared/health/certs/rules';
import { nowIso, uuidv7 } from '../../util';
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
      -- the certificates area: the next review ((last review ?? issue date) + the cycle) and the date something is due
      -- (that review, or the expiry when it comes first) — the same dates as shared/health/certs/rules.ts computes
      next_review_date TEXT GENERATED ALWAYS AS (
        CASE WHEN coalesce(last_review_date, issue_date) IS NULL THEN NULL
             ELSE date(coalesce(last_review_date, issue_date), '+' || review_years || ' years') END) STORED,
      due_date TEXT GENERATED ALWAYS AS (
        CASE WHEN next_review_date IS NOT NULL AND next_review_date < expiry_date THEN next_review_date ELSE expiry_date END) STORED,
      CHECK (category IS NOT NULL OR type_text IS NOT NULL)
    );
    CREATE INDEX health_certificates_worker ON health_certificates (worker_id, deleted_at);
    CREATE INDEX health_certificates_expiry ON health_certificates (deleted_at, expiry_date);
    CREATE INDEX health_certificates_due ON health_certificates (deleted_at, due_date, worker_id);
    -- a worker's worst certificate (the roster's highlight and filter): min(due_date) read off this index alone
    CREATE INDEX health_certificates_worker_due ON health_certificates (worker_id, deleted_at, due_date);
    -- a worker holds a certificate number once (a deleted one may be entered again)
    CREATE UNIQUE INDEX health_certificates_number ON health_certificates (worker_id, cert_no) WHERE deleted_at IS NULL;
  `);
  copyRosterCertificates(db);
}

/**
 * The data step: each worker's roster certificate (cert_no with cert_expiry) becomes a certificate (source 'roster'),
 * the category read from the roster's free-text type (电工 / 焊工 … — see categoryFromText), otherwise the text kept.
 */
function copyRosterCertificates(db: DB): void {
  const rows = db
    .prepare(`SELECT id, cert_type, cert_no, cert_expiry FROM workers WHERE cert_no IS NOT NULL AND trim(cert_no) <> '' AND cert_expiry IS NOT NULL`)
    .all() as { id: string; cert_type: string | null; cert_no: string; cert_expiry: string }[];
  const ins = db.prepare(
    `INSERT INTO health_certificates (id, worker_id, category, type_text, cert_no, expiry_date, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'roster', ?, ?)`,
  );
  const now = nowIso();
  for (const r of rows) {
    const category = categoryFromText(r.cert_type);
    ins.run(uuidv7(), r.id, category, category ? r.cert_type : (r.cert_type ?? '特种作业'), r.cert_no.trim(), r.cert_expiry, now, now);
  }
}
