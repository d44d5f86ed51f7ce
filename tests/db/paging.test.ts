// The two-step paged list: rows come back in the ids' order, and a row gone between the steps is left out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ridsIn, rowsInOrder } from '../../electron/core/db/paging';
import { openDatabase, Store } from '../../electron/core/db/store';

let store: Store;
beforeAll(() => {
  store = new Store(openDatabase(':memory:'));
  store.db.exec(`CREATE TABLE t (rid INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');`);
});
afterAll(() => store.close());

it('reads the rows of the page in the order of its ids', () => {
  const sql = `SELECT rid, name FROM t WHERE ${ridsIn('rid')}`;
  expect(rowsInOrder<{ rid: number; name: string }, string>(store, sql, [3, 1, 4], (r) => r.name)).toEqual(['c', 'a', 'd']);
  expect(rowsInOrder(store, sql, [], () => 'x')).toEqual([]);
  // a row deleted between finding the ids and reading the rows is left out, never an undefined
  expect(rowsInOrder<{ rid: number; name: string }, string>(store, sql, [2, 99, 1], (r) => r.name)).toEqual(['b', 'a']);
});
