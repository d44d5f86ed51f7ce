// Small conversions of the schemes screens: points are centipoints inside (1 point = 100) and shown with up to two
// decimals; money is fen inside and 元 with two decimals on screen (shared/kernel/money.ts).

/** centipoints → '12.5' (up to two decimals, no trailing zeros). */
export function pointsText(centipoints: number): string {
  return String(Number((centipoints / 100).toFixed(2)));
}

/** A number as typed, kept to two decimals (points, 元). */
export function twoDecimals(v: number): number {
  return Math.round(v * 100) / 100;
}

/** 元 as typed (two decimals) → fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** fen → 元 as a number for an input field. */
export function fenToYuanValue(fen: number): number {
  return fen / 100;
}

/** A congress session as the reader's language names it (the backend's label is Chinese, for the papers). */
export function sessionName(t: (key: string, vars?: Record<string, string | number>) => string, s: { sessionNo?: { term: number; seq: number } | null; sessionLabel: string | null }): string {
  return s.sessionNo ? t('congress.session.title', { term: s.sessionNo.term, seq: s.sessionNo.seq }) : (s.sessionLabel ?? '');
}
