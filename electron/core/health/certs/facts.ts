// The certificates part of the health module's year facts (shared/subsidy/facts.ts HealthYearFacts.certificates):
// the certificates of workers on the roster, in their state at the year's end (or today for the current year).
import type { HealthYearFacts } from '../../../../shared/subsidy/facts';
import type { CertCategory } from '../../../../shared/health/kinds';
import type { Store } from '../../db/store';
import { STATUS_SQL, statusParams } from './service';

/** One grouped pass over the live certificates of active workers. `reviewDue` counts the window open and the overdue;
 * `reviewOverdue` the overdue alone (lapsed: 逾期未复审的证书失效). */
export function certificateFacts(store: Store, year: number, today: string): HealthYearFacts['certificates'] {
  const asOf = Number(today.slice(0, 4)) > year ? `${year}-12-31` : today;
  const rows = store.all<{ category: CertCategory | null; total: number; expired: number; due: number; overdue: number }>(
    `SELECT c.category, count(*) AS total, sum(${STATUS_SQL.expired}) AS expired,
       sum((${STATUS_SQL.overdue}) OR (${STATUS_SQL.window})) AS due, sum(${STATUS_SQL.overdue}) AS overdue
     FROM health_certificates c JOIN workers w ON w.id = c.worker_id
     WHERE c.deleted_at IS NULL AND w.deleted_at IS NULL AND w.status = 'active'
     GROUP BY c.category`,
    statusParams(asOf),
  );
  const out: HealthYearFacts['certificates'] = { total: 0, current: 0, reviewDue: 0, reviewOverdue: 0, expired: 0, byCategory: {} };
  for (const r of rows) {
    out.total += r.total;
    out.expired += r.expired;
    out.reviewDue += r.due;
    out.reviewOverdue += r.overdue;
    if (r.category) out.byCategory[r.category] = (out.byCategory[r.category] ?? 0) + r.total;
  }
  out.current = out.total - out.expired - out.reviewDue;
  return out;
}
