// Money is stored and computed in integer fen (分); these are the only places it becomes yuan (元) for display.
// Used by the documents (PDF, xlsx), the dashboard's statistics table and the hazard drawer alike.

/** fen → '1234.50' (two decimals, no separators; what an input field shows); '' for null/undefined. */
export function fenToYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  return (fen / 100).toFixed(2);
}

/** fen → '1,234.50' (thousands separators, two decimals; for tables and printed documents); '' for null/undefined. */
export function formatYuan(fen: number | null | undefined): string {
  const s = fenToYuan(fen);
  if (!s) return '';
  const neg = s.startsWith('-');
  const [int, dec] = (neg ? s.slice(1) : s).split('.') as [string, string];
  return `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** fen → yuan as a number (spreadsheet cells formatted '#,##0.00'); null stays null. */
export function fenToYuanNumber(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined || !Number.isFinite(fen) ? null : fen / 100;
}
