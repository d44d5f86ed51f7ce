// The signable statistics table's rows and its 合计 (total) row: one rule for the dashboard table, the PDF and the xlsx.
import type { HazardStats } from './types';

export type StatsRow = HazardStats['table'][number];
/** the summed columns, in table order */
export const STATS_NUMERIC = ['found', 'general', 'major', 'ungraded', 'closed', 'rectifying', 'overdue', 'plannedFunds', 'actualFunds'] as const;
export type StatsNumericKey = (typeof STATS_NUMERIC)[number];
export type StatsTotals = Record<StatsNumericKey, number>;
/** money columns (integer fen) */
export const STATS_MONEY: readonly StatsNumericKey[] = ['plannedFunds', 'actualFunds'];

const TOTAL_NAMES = new Set(['合计', '总计', 'total']);
/** a row some producer appended as its own total (the backend does not; imported or older data might) */
export const isTotalRow = (r: StatsRow): boolean => TOTAL_NAMES.has(r.workshop.trim().toLowerCase());

/**
 * The workshop rows (any total row in the input dropped) and their total, always summed from those rows: the printed
 * 合计 equals the sum of the printed lines.
 */
export function statsTotals(table: readonly StatsRow[]): { rows: StatsRow[]; total: StatsTotals } {
  const rows = table.filter((r) => !isTotalRow(r));
  const total = Object.fromEntries(STATS_NUMERIC.map((k) => [k, 0])) as StatsTotals;
  for (const r of rows) for (const k of STATS_NUMERIC) total[k] += Number(r[k]) || 0;
  return { rows, total };
}
