// Hazard statistics for the dashboard and the signable quarterly/yearly table.
import { OPEN_STATUSES, type HazardStatus } from '../../../shared/hazards/rules';
import type { HazardStats } from '../../../shared/hazards/types';
import type { Store } from '../db/store';
import { todayLocal } from '../util';

export function periodOf(year: number, quarter: number | null): { from: string; to: string; months: string[] } {
  const m0 = quarter ? (quarter - 1) * 3 + 1 : 1;
  const m1 = quarter ? m0 + 2 : 12;
  const months: string[] = [];
  for (let m = m0; m <= m1; m++) months.push(`${year}-${String(m).padStart(2, '0')}`);
  const last = new Date(Date.UTC(year, m1, 0)).getUTCDate();
  return { from: `${months[0]}-01`, to: `${months[months.length - 1]}-${String(last).padStart(2, '0')}`, months };
}

/**
 * Dashboard and signable table: the period comes from the per-month aggregates the hazard triggers keep
 * (hazard_month_stats, hazard_close_stats); what depends on today (open, overdue) from the open hazards only.
 */
export function hazardStats(store: Store, year: number, quarter: number | null): HazardStats {
  const today = todayLocal();
  const { from, to, months } = periodOf(year, quarter);
  const openList = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
  const m0 = months[0]!;
  const m1 = months[months.length - 1]!;
  const cube = store.all<{ month: string; ws: string; status: HazardStatus; grade: string; risk: string; n: number; planned: number; actual: number }>(
    `SELECT month, workshop_id AS ws, status, grade, risk, n, planned, actual FROM hazard_month_stats WHERE month BETWEEN ? AND ? AND n > 0`,
    [m0, m1],
  );
  const closedRows = store.all<{ month: string; n: number; days: number }>(
    `SELECT month, n, days FROM hazard_close_stats WHERE month BETWEEN ? AND ? AND n > 0`,
    [m0, m1],
  );
  const openNow = store.all<{ ws: string | null; grade: string | null; n: number; overdue: number }>(
    `SELECT h.workshop_id AS ws, h.grade, count(*) AS n, sum(h.due_date < ?) AS overdue
     FROM hazards h INDEXED BY hazards_open WHERE h.deleted_at IS NULL AND h.status IN (${openList}) GROUP BY 1, 2`,
    [today],
  );
  const overdueOfPeriod = new Map(
    store
      .all<{ ws: string | null; n: number }>(
        `SELECT h.workshop_id AS ws, count(*) AS n FROM hazards h INDEXED BY hazards_open
         WHERE h.deleted_at IS NULL AND h.status IN (${openList}) AND h.due_date < ? AND h.found_date BETWEEN ? AND ? GROUP BY 1`,
        [today, from, to],
      )
      .map((r) => [r.ws ?? '', r.n]),
  );
  const names = new Map(
    store.all<{ id: string; name: string; sort_order: number }>(`SELECT id, name, sort_order FROM org_units WHERE kind = 'workshop'`).map((u) => [u.id, u]),
  );
  // the printed documents' label; screens show their own (workshopId null)
  const NONE = '（未指定车间）';
  const wsName = (id: string | null) => (id ? names.get(id)?.name ?? NONE : NONE);
  const wsOrder = (id: string | null) => (id ? names.get(id)?.sort_order ?? 1e9 : 2e9);

  let found = 0, cancelled = 0, closedOfFound = 0;
  const foundByMonth = new Map<string, number>();
  const byRisk = new Map<string, number>();
  const table = new Map<string, HazardStats['table'][number]>();
  for (const c of cube) {
    const m = c.month;
    found += c.n;
    if (c.status === 'cancelled') cancelled += c.n;
    if (c.status === 'closed') closedOfFound += c.n;
    foundByMonth.set(m, (foundByMonth.get(m) ?? 0) + c.n);
    const risk = c.risk || 'unassessed';
    byRisk.set(risk, (byRisk.get(risk) ?? 0) + c.n);
    let row = table.get(c.ws);
    if (!row) {
      row = { workshop: wsName(c.ws || null), workshopId: c.ws || null, found: 0, general: 0, major: 0, ungraded: 0, closed: 0, rectifying: 0, overdue: overdueOfPeriod.get(c.ws) ?? 0, plannedFunds: 0, actualFunds: 0 };
      table.set(c.ws, row);
    }
    row.found += c.n;
    if (c.grade === 'general') row.general += c.n;
    else if (c.grade === 'major') row.major += c.n;
    else row.ungraded += c.n;
    if (c.status === 'closed') row.closed += c.n;
    if (c.status === 'assigned' || c.status === 'rectifying' || c.status === 'submitted') row.rectifying += c.n;
    row.plannedFunds += c.planned;
    row.actualFunds += c.actual;
  }
  const closedByMonth = new Map<string, number>();
  let closedCount = 0, closedDays = 0;
  for (const r of closedRows) {
    closedCount += r.n;
    closedDays += r.days;
    closedByMonth.set(r.month, (closedByMonth.get(r.month) ?? 0) + r.n);
  }
  const openByGrade = new Map<string, number>();
  const openByWs = new Map<string, { general: number; major: number; ungraded: number }>();
  let open = 0, overdue = 0;
  for (const o of openNow) {
    open += o.n;
    overdue += o.overdue;
    openByGrade.set(o.grade ?? 'ungraded', (openByGrade.get(o.grade ?? 'ungraded') ?? 0) + o.n);
    const w = openByWs.get(o.ws ?? '') ?? { general: 0, major: 0, ungraded: 0 };
    w[(o.grade ?? 'ungraded') as 'general'] += o.n;
    openByWs.set(o.ws ?? '', w);
  }
  const countable = found - cancelled;
  const byWsOrder = <T>(m: Map<string, T>) =>
    [...m.entries()].sort((a, b) => wsOrder(a[0] || null) - wsOrder(b[0] || null) || wsName(a[0] || null).localeCompare(wsName(b[0] || null)));
  return {
    year,
    quarter,
    from,
    to,
    found,
    closed: closedCount,
    cancelled,
    open,
    overdue,
    closureRate: countable > 0 ? Math.round((closedOfFound / countable) * 1000) / 1000 : null,
    avgDaysToClose: closedCount > 0 ? Math.round((closedDays / closedCount) * 10) / 10 : null,
    openByGrade: [...openByGrade.entries()].map(([grade, count]) => ({ grade: grade as 'general', count })),
    openByWorkshop: byWsOrder(openByWs).map(([id, v]) => ({ workshop: wsName(id || null), workshopId: id || null, ...v })),
    monthly: months.map((m) => ({ month: m, found: foundByMonth.get(m) ?? 0, closed: closedByMonth.get(m) ?? 0 })),
    byRisk: [...byRisk.entries()].map(([risk, count]) => ({ risk: risk as 'red', count })),
    table: byWsOrder(table).map(([, v]) => v),
  };
}

