// Header matching by meaning for every table import (the roster, the wage records …), made generic from the roster
// import: a header's comparable form, exact names and aliases, containment rules in priority order, the header row
// found among the first rows, a header cell left empty under a two-row header, the automatic mapping; and the rows
// under a table that are not records (合计, 制表人, 审核人 …).
import { halfWidth } from '../../../shared/roster/normalize';
import type { Table } from './tabular';

/** A header's comparable form: half-width, lower case, without a note in brackets, spaces or punctuation. */
export function headerKey(h: string): string {
  const s = halfWidth(h).toLowerCase();
  const bare = s.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '');
  return (bare.trim() ? bare : s).replace(/[\s*:_\-.·、/\\()?？!！'"“”‘’#№]/g, '');
}

export const HEADER_SCAN_ROWS = 30;

export interface HeaderMatcher<T extends string> {
  /** How a header was recognised: 'exact' (a name or alias), 'contains' (a containment rule) or null. */
  matchHeaderHow(h: string): { target: T; how: 'exact' | 'contains' } | null;
  matchHeader(h: string): T | null;
  /** how many different known columns a row names */
  rowMatches(row: readonly string[] | undefined): number;
  /**
   * The header is the row, among the first 30, that names the most known columns (the first of equals): a title row,
   * and a group row merged over the real headers, name fewer. -1 when no row names two.
   */
  findHeaderRow(table: Table): number;
  /**
   * The header's cells as read: an empty cell takes the name of the cell above it (up to two rows) when that names a
   * known column — 工号 and 姓名 written once over a two-row header.
   */
  headerCells(table: Table, headerRow: number): string[];
  /** Each known column to the first header that names it exactly, else the first that contains one of its words. */
  autoMapping(header: string[]): Partial<Record<T, number>>;
}

/**
 * A matcher from exact names (compared by headerKey) and containment rules: the first rule whose word the normalised
 * header contains wins, so more specific rules go first.
 */
export function headerMatcher<T extends string>(
  names: Iterable<readonly [string, T]>,
  contains: readonly (readonly [T, readonly string[]])[],
): HeaderMatcher<T> {
  const aliases = new Map<string, T>();
  for (const [n, t] of names) aliases.set(headerKey(n), t);
  const matchHeaderHow = (h: string): { target: T; how: 'exact' | 'contains' } | null => {
    const k = headerKey(h);
    if (!k) return null;
    const exact = aliases.get(k);
    if (exact) return { target: exact, how: 'exact' };
    for (const [f, words] of contains) if (words.some((w) => k.includes(w))) return { target: f, how: 'contains' };
    return null;
  };
  const matchHeader = (h: string) => matchHeaderHow(h)?.target ?? null;
  const rowMatches = (row: readonly string[] | undefined) => new Set((row ?? []).map(matchHeader).filter((x) => x !== null)).size;
  return {
    matchHeaderHow,
    matchHeader,
    rowMatches,
    findHeaderRow(table) {
      let best = -1;
      let bestHits = 1;
      const limit = Math.min(table.length, HEADER_SCAN_ROWS);
      for (let i = 0; i < limit; i++) {
        const hits = rowMatches(table[i]);
        if (hits > bestHits) {
          best = i;
          bestHits = hits;
        }
      }
      return best;
    },
    headerCells(table, headerRow) {
      const row = table[headerRow] ?? [];
      const width = Math.max(row.length, table[headerRow - 1]?.length ?? 0, table[headerRow - 2]?.length ?? 0);
      const out: string[] = [];
      for (let i = 0; i < width; i++) {
        let h = row[i] ?? '';
        if (h === '') {
          for (const up of [headerRow - 1, headerRow - 2]) {
            const above = up >= 0 ? (table[up]?.[i] ?? '') : '';
            if (above && matchHeader(above)) {
              h = above;
              break;
            }
          }
        }
        out.push(h);
      }
      while (out.length > row.length && out[out.length - 1] === '') out.pop();
      return out;
    },
    autoMapping(header) {
      const m: Partial<Record<T, number>> = {};
      const found = header.map(matchHeaderHow);
      for (const pass of ['exact', 'contains'] as const) {
        found.forEach((x, i) => {
          if (x && x.how === pass && m[x.target] === undefined) m[x.target] = i;
        });
      }
      return m;
    },
  };
}

// ---- rows that are not records ----
const FOOTER_START = /^(合计|总计|小计|共计|总人数|人数合计|制表|填表|填报|审核|审批|批准|复核|负责人|单位负责人|单位盖章|单位[(（]盖章[)）]|盖章|备注|说明|注[:：]|注\s)/;
const FOOTER_ANYWHERE = /(制表人|填表人|填报人|审核人|审批人|制表日期|填报日期|合计[:：]?\s*\d+\s*人)/;

/**
 * 合计：N 人, 制表人…审核人…, 填报日期 under the table: not a record, not a bad row. Returns the row's text, or null.
 * `keyCell` is the row's identifying cell (the employee number): a row whose key looks like one is a record even
 * when another of its cells mentions 制表人.
 */
export function footerOf(cells: readonly string[], keyCell: string): string | null {
  const first = cells.find((c) => c !== '');
  if (first === undefined) return null;
  const footer =
    FOOTER_START.test(first.trim()) || (cells.some((c) => c !== '' && FOOTER_ANYWHERE.test(c)) && !/^[A-Za-z0-9_-]{1,32}$/.test(halfWidth(keyCell).trim()));
  return footer ? cells.filter((c) => c !== '').join(' ') : null;
}
