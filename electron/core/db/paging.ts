// The two-step paged list every module's ledger uses: first the page's row ids come from an index alone (filter,
// sort, offset — cheap at a million rows), then only those rows are read with their joins, and put back in the
// ids' order.
import type { Store } from './store';

/** `WHERE <rid column> IN (…)` for the second step: the ids travel as one JSON array parameter. */
export function ridsIn(ridColumn: string): string {
  return `${ridColumn} IN (SELECT value FROM json_each(?))`;
}

/** Reads the rows of `rids` with `rowsSql` (which must filter by ridsIn and select `rid`) and maps them in order. */
export function rowsInOrder<R extends { rid: number }, T>(store: Store, rowsSql: string, rids: readonly number[], map: (row: R) => T): T[] {
  if (rids.length === 0) return [];
  const byRid = new Map(store.all<R>(rowsSql, [JSON.stringify(rids)]).map((r) => [r.rid, r]));
  const out: T[] = [];
  for (const rid of rids) {
    const r = byRid.get(rid);
    if (r) out.push(map(r)); // a row deleted between the two steps is left out
  }
  return out;
}
