// The culture walls' rule: a wall is current when its newest update is within N months of today (the setting
// WALL_MONTHS_SETTING). Pure: the services, the year facts and the UI use the same dates.
import type { WallState } from './types';

export const MIN_WALL_MONTHS = 1;
export const MAX_WALL_MONTHS = 24;

/**
 * The first day that still counts: today minus `months` calendar months, the day clamped to the month's end
 * (2026-05-31 minus 3 months → 2026-02-28). An update on the cutoff day counts as current.
 */
export function wallCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const cy = Math.floor(total / 12);
  const cm = total - cy * 12 + 1;
  const last = new Date(Date.UTC(cy, cm, 0)).getUTCDate();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${cy}-${p(cm)}-${p(Math.min(d, last))}`;
}

/** current: updated on or after the cutoff (and not after today); stale: older, or never updated. */
export function wallState(lastUpdate: string | null, today: string, months: number): WallState {
  return lastUpdate !== null && lastUpdate >= wallCutoff(today, months) && lastUpdate <= today ? 'current' : 'stale';
}

/** The day a year's figures are taken on: the year's last day, or today for the current (or a future) year. */
export function asOfDay(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}
