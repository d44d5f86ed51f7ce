// The dashboard's t (the app's one stable t) and its period/month labels.
import type { Locale } from '../../../../shared/kernel/i18n';
import { useI18n, useT, type TFunc } from '../../i18n';

export type DashT = TFunc;

/** The dashboard's t and locale (kept for the dashboard's helpers; the same stable t as everywhere). */
export function useDashT(): { t: DashT; locale: Locale } {
  return { t: useT(), locale: useI18n((s) => s.locale) };
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTERS_ZH = ['一', '二', '三', '四'];

export function periodLabel(t: DashT, locale: Locale, year: number, quarter: number | null): string {
  if (quarter === null) return t('table.periodYear', { year });
  return t('table.periodQuarter', { year, q: locale === 'en' ? quarter : (QUARTERS_ZH[quarter - 1] ?? quarter) });
}

/** "2026-03" → "3月" / "Mar". */
export function monthLabel(t: DashT, month: string): string {
  const m = Number(month.slice(5, 7));
  return t('chart.month', { m, mon: MONTHS_EN[m - 1] ?? month });
}

/** A table row that opens its hazard: a Tab stop, Enter or Space or a click opens it, named by its serial. */
export function openHazardRow(t: DashT, onOpenHazard: (id: string) => void) {
  return (r: { id: string; serial: string }) => ({
    tabIndex: 0,
    'aria-label': t('rem.open', { serial: r.serial }),
    style: { cursor: 'pointer' },
    onClick: () => onOpenHazard(r.id),
    onKeyDown: (e: { key: string; preventDefault(): void }) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onOpenHazard(r.id);
      }
    },
  });
}
