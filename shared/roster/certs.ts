// Special-operation certificates (特种作业操作证): when one counts as expiring. The roster highlights and filters by
// it; the backend filter and the renderer's highlight use the same dates.

/** a certificate that expires within this many days (from today) is "expiring" */
export const CERT_WARN_DAYS = 90;

export type CertState = 'expired' | 'soon' | 'ok';

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Expired before today, expiring within CERT_WARN_DAYS (today included), or fine. */
export function certState(expiry: string | null, today: string): CertState | null {
  if (!expiry) return null;
  if (expiry < today) return 'expired';
  return expiry <= addDays(today, CERT_WARN_DAYS) ? 'soon' : 'ok';
}

/** Whole days from `today` to `expiry` (negative once expired). */
export function daysUntil(expiry: string, today: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(expiry) - t(today)) / 86_400_000);
}
