// How the what-if writes its numbers: a difference with a real minus sign (−, U+2212) or a plus, thousands separators,
// the share of the difference, and the money axis of a chart (separators; 万元 in Chinese once the amounts are large).
import type { Locale } from '../../../../../shared/kernel/i18n';
import { formatYuan } from '../../../../../shared/kernel/money';

export const MINUS = '\u2212';

/** 12345 → '12,345' (an integer with thousands separators). */
export const intText = (n: number) => (n < 0 ? MINUS : '') + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** fen difference → '+1,234.50' / '−49.50' / '0.00'. */
export function signedYuan(fen: number): string {
  return fen > 0 ? `+${formatYuan(fen)}` : fen < 0 ? `${MINUS}${formatYuan(-fen)}` : formatYuan(0);
}

/** The difference as a share of the baseline: '+62.6%' / '−16.8%'; null when there is no baseline to compare with. */
export function signedPct(diffFen: number, baseFen: number): string | null {
  if (baseFen === 0) return null;
  const p = ((diffFen / baseFen) * 100).toFixed(1);
  const abs = p.replace(/^-/, '');
  return diffFen > 0 ? `+${abs}%` : diffFen < 0 && Number(abs) !== 0 ? `${MINUS}${abs}%` : `${abs}%`;
}

/** Amounts of 10 万元 and more are shown in 万元 on a Chinese chart axis (an English axis keeps yuan with separators). */
export const WAN_FROM_FEN = 100_000 * 100;

/** A money axis for values in fen whose largest is `maxFen`: its unit name and its label formatter. */
export function moneyAxis(maxFen: number, locale: Locale): { unit: 'yuan' | 'wan'; formatter: (fen: number) => string } {
  if (locale === 'zh-CN' && maxFen >= WAN_FROM_FEN) {
    return { unit: 'wan', formatter: (fen) => String(Number((fen / 1_000_000).toFixed(2))) };
  }
  return { unit: 'yuan', formatter: (fen) => intText(fen / 100) };
}
