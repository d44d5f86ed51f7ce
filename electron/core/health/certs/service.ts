// Special-operation certificates (特种作业操作证). Writes: one transaction → read before → change → read after → audit;
// a refusal throws before anything is written. The dates that matter (next review, due date) are generated columns
// (migration 016) computed like shared/health/certs/rules.ts, so lists filter and sort on an index.
import type { z } from 'zod';
import { addDays } from '../../../../shared/roster/certs';
import { categoryFromText, certDue, certStatus, isCertScanMime } from '../../../../shared/health/certs/rules';
import type { certInput, certReview, certsQuery, certUpdate } from '../../../../shared/health/certs/schemas';
import type { Certificate, CertPage, CertSource } from '../../../../shared/health/certs/types';
import { CERT_REVIEW_WINDOW_DAYS, HEALTH_WRITERS, type CertCategory } from '../../../../shared/health/kinds';
import type { Operator } from '../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, todayLocal, uuidv7 } from '../../util';

export function assertCertWriter(op: Operator): void {
  if (!holdsAnyRole(op, HEALTH_WRITERS)) throw new AppError('FORBIDDEN', 'err.health.cert.writersOnly');
}

const issue = (path: string, message = 'v.invalid') => ({ issues: [{ path, message }] });

interface Row {
  id: string;
  worker_id: string;
  emp_no: string;
  name: string;
  worker_status: 'active' | 'left';
  workshop_id: string | null;
  workshop_name: string | null;
  team_id: string | null;
  team_name: string | null;
  category: CertCategory | null;
  type_text: string | null;
  cert_no: string;
  issue_date: string | null;
  review_years: 3 | 6;
  approval_note: string | null;
  last_review_date: string | null;
  next_review_date: string | null;
  expiry_date: string;
  due_date: string;
  note: string | null;
  scan_id: string | null;
  scan_name: string | null;
  scan_mime: string | null;
  source: CertSource;
  updated_at: string;
  deleted_at: string | null;
}

const SELECT = `
  SELECT c.id, c.worker_id, w.emp_no, w.name, w.status AS worker_status, w.workshop_id, ws.name AS workshop_name, w.team_id,
    tm.name AS team_name, c.category, c.type_text, c.cert_no, c.issue_date, c.review_years, c.approval_note, c.last_review_date,
    c.next_review_date, c.expiry_date, c.due_date, c.note, c.scan_id, a.original_name AS scan_name, a.mime AS scan_mime,
    c.source, c.updated_at, c.deleted_at
  FROM health_certificates c
  JOIN workers w ON w.id = c.worker_id
  LEFT JOIN org_units ws ON ws.id = w.workshop_id
  LEFT JOIN org_units tm ON tm.id = w.team_id
  LEFT JOIN attachments a ON a.id = c.scan_id`;

const toCert = (r: Row, today: string): Certificate => {
  const dates = { issueDate: r.issue_date, lastReviewDate: r.last_review_date, reviewYears: r.review_years, expiryDate: r.expiry_date };
  const due = certDue(dates);
  return {
    id: r.id,
    workerId: r.worker_id,
    empNo: r.emp_no,
    name: r.name,
    workerStatus: r.worker_status,
    workshopId: r.workshop_id,
    workshopName: r.workshop_name,
    teamId: r.team_id,
    teamName: r.team_name,
    category: r.category,
    typeText: r.type_text,
    certNo: r.cert_no,
    issueDate: r.issue_date,
    reviewYears: r.review_years,
    approvalNote: r.approval_note,
    lastReviewDate: r.last_review_date,
    // a review cycle ending on or after the expiry is not shown: the renewal at the expiry comes first
    nextReviewDate: due.kind === 'review' ? r.next_review_date : null,
    expiryDate: r.expiry_date,
    dueDate: r.due_date,
    dueKind: due.kind,
    status: certStatus(dates, today),
    note: r.note,
    scanId: r.scan_id,
    scanName: r.scan_name,
    scanMime: r.scan_mime,
    source: r.source,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
};

/** The SQL of each state on a day (:today, :win = today + the window), over health_certificates c. */
export const STATUS_SQL = {
  expired: 'c.expiry_date < :today',
  overdue: 'c.expiry_date >= :today AND c.next_review_date < :today',
  window: 'c.due_date >= :today AND c.due_date <= :win',
  current: 'c.due_date > :win',
  due: 'c.due_date <= :win',
} as const;

export const statusParams = (today: string) => ({ today, win: addDays(today, CERT_REVIEW_WINDOW_DAYS) });

/** Due first (the most urgent on top); the state counts within the same unit/category/search filters. */
export function listCerts(store: Store, q: z.output<typeof certsQuery>, today = todayLocal()): CertPage {
  const where: string[] = [q.deleted ? 'c.deleted_at IS NOT NULL' : "c.deleted_at IS NULL AND w.status = 'active'", 'w.deleted_at IS NULL'];
  const p: Record<string, unknown> = statusParams(today);
  if (q.workshopId) {
    where.push('w.workshop_id = :workshop');
    p.workshop = q.workshopId;
  }
  if (q.teamId) {
    where.push('w.team_id = :team');
    p.team = q.teamId;
  }
  if (q.workerId) {
    where.push('c.worker_id = :worker');
    p.worker = q.workerId;
  }
  if (q.category) {
    where.push('c.category = :category');
    p.category = q.category;
  }
  if (q.search) {
    where.push('(instr(w.name, :s) > 0 OR instr(lower(w.emp_no), :sl) > 0 OR instr(lower(c.cert_no), :sl) > 0 OR instr(coalesce(c.type_text, \'\'), :s) > 0)');
    p.s = q.search;
    p.sl = q.search.toLowerCase();
  }
  const base = where.join(' AND ');
  const filtered = q.status ? `${base} AND (${STATUS_SQL[q.status]})` : base;
  const from = `FROM health_certificates c JOIN workers w ON w.id = c.worker_id`;
  const c = store.get<Record<'expired' | 'overdue' | 'window' | 'current', number | null>>(
    `SELECT sum(${STATUS_SQL.expired}) AS expired, sum(${STATUS_SQL.overdue}) AS overdue, sum(${STATUS_SQL.window}) AS window,
       sum(${STATUS_SQL.current}) AS current ${from} WHERE ${base}`,
    p,
  )!;
  const total = store.get<{ n: number }>(`SELECT count(*) AS n ${from} WHERE ${filtered}`, p)!.n;
  const order = q.deleted ? 'c.deleted_at DESC' : 'c.due_date, w.emp_no, c.cert_no';
  const rows = store
    .all<Row>(`${SELECT} WHERE ${filtered} ORDER BY ${order} LIMIT :limit OFFSET :offset`, { ...p, limit: q.pageSize, offset: (q.page - 1) * q.pageSize })
    .map((r) => toCert(r, today));
  return {
    rows,
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: { current: c.current ?? 0, window: c.window ?? 0, overdue: c.overdue ?? 0, expired: c.expired ?? 0 },
  };
}

export function getCert(store: Store, id: string, opts: { includeDeleted?: boolean } = {}, today = todayLocal()): Certificate {
  const r = store.get<Row>(`${SELECT} WHERE c.id = ?`, [id]);
  if (!r || (r.deleted_at && !opts.includeDeleted)) throw new AppError('NOT_FOUND', 'err.health.cert.notFound', { id });
  return toCert(r, today);
}

function assertWorker(store: Store, id: string): { name: string } {
  const w = store.get<{ name: string }>(`SELECT name FROM workers WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!w) throw new AppError('NOT_FOUND', 'err.worker.notFound', { id, ...issue('workerId') });
  return w;
}

/** The scan must be there and be an image or a PDF — by the type its content was found to be when it was uploaded. */
function assertScan(store: Store, id: string | null): void {
  if (!id) return;
  const a = store.get<{ mime: string; original_name: string | null }>(`SELECT mime, original_name FROM attachments WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!a) throw new AppError('NOT_FOUND', 'err.health.cert.scanNotFound', { id, ...issue('scanId') });
  if (!isCertScanMime(a.mime)) throw new AppError('VALIDATION', 'err.health.cert.scanType', { name: a.original_name ?? id, ...issue('scanId', 'v.health.cert.scanType') });
}

function assertNumberFree(store: Store, workerId: string, certNo: string, exceptId: string | null, name: string): void {
  const other = store.get<{ id: string }>(`SELECT id FROM health_certificates WHERE worker_id = ? AND cert_no = ? AND deleted_at IS NULL`, [workerId, certNo]);
  if (other && other.id !== exceptId) throw new AppError('CONFLICT', 'err.health.cert.numberTaken', { name, certNo, ...issue('certNo', 'v.duplicate') });
}

/** The roster's own copy of a certificate (workers.cert_expiry) follows it when it is the roster's certificate number. */
function syncRoster(store: Store, c: Certificate): void {
  store.run(`UPDATE workers SET cert_expiry = ? WHERE id = ? AND cert_no = ? AND (cert_expiry IS NOT ?)`, [c.expiryDate, c.workerId, c.certNo, c.expiryDate]);
}

type CertData = z.output<typeof certInput>;

export function createCert(store: Store, op: Operator, actor: Actor, d: CertData): Certificate {
  assertCertWriter(op);
  return store.tx(() => {
    const w = assertWorker(store, d.workerId);
    assertNumberFree(store, d.workerId, d.certNo, null, w.name);
    assertScan(store, d.scanId);
    const id = uuidv7();
    const now = nowIso();
    store.run(
      `INSERT INTO health_certificates (id, worker_id, category, type_text, cert_no, issue_date, review_years, approval_note, last_review_date,
         expiry_date, note, scan_id, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?)`,
      [id, d.workerId, d.category, d.typeText, d.certNo, d.issueDate, d.reviewYears, d.approvalNote, d.lastReviewDate, d.expiryDate, d.note, d.scanId, now, now],
    );
    const after = getCert(store, id);
    writeAudit(store, actor, { entity: 'health_certificate', entityId: id, action: 'create', after }, now);
    return after;
  });
}

export function updateCert(store: Store, op: Operator, actor: Actor, d: z.output<typeof certUpdate>): Certificate {
  assertCertWriter(op);
  return store.tx(() => {
    const before = getCert(store, d.id);
    const w = assertWorker(store, d.workerId);
    assertNumberFree(store, d.workerId, d.certNo, d.id, w.name);
    assertScan(store, d.scanId);
    const now = nowIso();
    store.run(
      `UPDATE health_certificates SET worker_id = ?, category = ?, type_text = ?, cert_no = ?, issue_date = ?, review_years = ?, approval_note = ?,
         last_review_date = ?, expiry_date = ?, note = ?, scan_id = ?, updated_at = ? WHERE id = ?`,
      [d.workerId, d.category, d.typeText, d.certNo, d.issueDate, d.reviewYears, d.approvalNote, d.lastReviewDate, d.expiryDate, d.note, d.scanId, now, d.id],
    );
    const after = getCert(store, d.id);
    syncRoster(store, after);
    writeAudit(store, actor, { entity: 'health_certificate', entityId: d.id, action: 'update', before, after }, now);
    return after;
  });
}

/** A review held on `reviewDate`: it becomes the last review, so the next review moves one cycle on from it. */
export function reviewCert(store: Store, op: Operator, actor: Actor, r: z.output<typeof certReview>): Certificate {
  assertCertWriter(op);
  return store.tx(() => {
    const before = getCert(store, r.id);
    const last = before.lastReviewDate ?? before.issueDate;
    if (last && r.reviewDate < last) throw new AppError('VALIDATION', 'err.health.cert.reviewBeforeLast', { date: r.reviewDate, last, ...issue('reviewDate') });
    const expiry = r.expiryDate ?? before.expiryDate;
    if (expiry <= r.reviewDate) throw new AppError('VALIDATION', 'v.health.cert.expiryBeforeReview', issue('expiryDate', 'v.health.cert.expiryBeforeReview'));
    const years = r.reviewYears ?? before.reviewYears;
    const approval = r.approvalNote ?? before.approvalNote;
    if (years === 6 && !approval) throw new AppError('VALIDATION', 'v.health.cert.approvalNote', issue('approvalNote', 'v.health.cert.approvalNote'));
    const note = r.note ? (before.note ? `${before.note}\n${r.reviewDate} ${r.note}` : `${r.reviewDate} ${r.note}`) : before.note;
    const now = nowIso();
    store.run(
      `UPDATE health_certificates SET last_review_date = ?, expiry_date = ?, review_years = ?, approval_note = ?, note = ?, updated_at = ? WHERE id = ?`,
      [r.reviewDate, expiry, years, approval, note ? note.slice(-1000) : null, now, r.id],
    );
    const after = getCert(store, r.id);
    syncRoster(store, after);
    writeAudit(store, actor, { entity: 'health_certificate', entityId: r.id, action: 'review', before, after }, now);
    return after;
  });
}

export function deleteCert(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertCertWriter(op);
  return store.tx(() => {
    const before = getCert(store, id);
    const now = nowIso();
    store.run(`UPDATE health_certificates SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'health_certificate', entityId: id, action: 'delete', before }, now);
    return { deleted: true };
  });
}

export function restoreCert(store: Store, op: Operator, actor: Actor, id: string): Certificate {
  assertCertWriter(op);
  return store.tx(() => {
    const before = getCert(store, id, { includeDeleted: true });
    if (!before.deletedAt) return before;
    const w = store.get<{ name: string; deleted_at: string | null }>(`SELECT name, deleted_at FROM workers WHERE id = ?`, [before.workerId])!;
    if (w.deleted_at) throw new AppError('CONFLICT', 'err.health.cert.workerGone');
    assertNumberFree(store, before.workerId, before.certNo, id, w.name);
    const now = nowIso();
    store.run(`UPDATE health_certificates SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getCert(store, id);
    writeAudit(store, actor, { entity: 'health_certificate', entityId: id, action: 'restore', before, after }, now);
    return after;
  });
}

/**
 * Inside the roster's transaction (worker form or import): the roster's certificate columns keep being written, and the
 * matching certificate (same worker and number) is created or updated — a deleted one comes back, since the roster
 * names it again. When the roster's number changed, the certificate the roster had made under the old number goes
 * (soft delete; one entered by hand stays). Nothing happens while the roster's columns did not change.
 */
export function upsertRosterCert(
  store: Store,
  actor: Actor,
  workerId: string,
  d: { certType: string | null; certNo: string | null; certExpiry: string | null },
  before: { certType: string | null; certNo: string | null; certExpiry: string | null } | null,
  source: 'roster' | 'import',
  now = nowIso(),
): void {
  if (before && before.certType === d.certType && before.certNo === d.certNo && before.certExpiry === d.certExpiry) return;
  const certNo = d.certNo?.trim() || null;
  if (before?.certNo && before.certNo !== certNo) {
    const old = store.get<{ id: string }>(
      `SELECT id FROM health_certificates WHERE worker_id = ? AND cert_no = ? AND deleted_at IS NULL AND source IN ('roster', 'import')`,
      [workerId, before.certNo],
    );
    if (old) {
      const b = getCert(store, old.id);
      store.run(`UPDATE health_certificates SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, old.id]);
      writeAudit(store, actor, { entity: 'health_certificate', entityId: old.id, action: 'delete', before: b }, now);
    }
  }
  if (!certNo || !d.certExpiry) return;
  const category = categoryFromText(d.certType);
  const existing = store.get<{ id: string }>(
    `SELECT id FROM health_certificates WHERE worker_id = ? AND cert_no = ? ORDER BY deleted_at IS NOT NULL, updated_at DESC LIMIT 1`,
    [workerId, certNo],
  );
  if (existing) {
    const b = getCert(store, existing.id, { includeDeleted: true });
    const typeText = d.certType ?? b.typeText;
    store.run(
      `UPDATE health_certificates SET category = ?, type_text = ?, expiry_date = ?, deleted_at = NULL, updated_at = ? WHERE id = ?`,
      [d.certType ? category : b.category, typeText ?? (b.category ? null : '特种作业'), d.certExpiry, now, existing.id],
    );
    writeAudit(store, actor, { entity: 'health_certificate', entityId: existing.id, action: 'update', before: b, after: getCert(store, existing.id) }, now);
    return;
  }
  const id = uuidv7();
  store.run(
    `INSERT INTO health_certificates (id, worker_id, category, type_text, cert_no, expiry_date, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, workerId, category, d.certType ?? (category ? null : '特种作业'), certNo, d.certExpiry, source, now, now],
  );
  writeAudit(store, actor, { entity: 'health_certificate', entityId: id, action: 'create', after: getCert(store, id) }, now);
}
