// Long jobs through the real dispatch: the roster import commit reports progress, and a cancel in the middle leaves
// the store as it was (the commit is one transaction; the cancel throws inside it).
import { afterEach, expect, it } from 'vitest';
import type { Progress } from '../../electron/core/kernel/jobs';
import { openTestCore, type TestCore } from '../helpers/core';

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

function csv(n: number): string {
  const lines = ['工号,姓名,性别,车间,班组'];
  for (let i = 1; i <= n; i++) lines.push(`J${String(i).padStart(5, '0')},职工${i},${i % 2 ? '男' : '女'},${['一车间', '二车间'][i % 2]},${['甲班', '乙班', '丙班'][i % 3]}`);
  return lines.join('\n');
}
const workers = () => tc!.core.store.db.prepare('SELECT count(*) FROM workers').pluck().get() as number;
const audit = () => tc!.core.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

it('import commit reports progress up to the row count', async () => {
  tc = await openTestCore();
  const p = await tc.call('roster.importPreview', { fileName: 'big.csv', dataBase64: Buffer.from(csv(3000)).toString('base64') });
  const seen: Progress[] = [];
  const r = await tc.core.dispatch('roster.importCommit', { importId: p.importId }, tc.session, { progress: (x) => seen.push(x) });
  expect(r).toMatchObject({ ok: true, value: { created: 3000 } });
  expect(seen.length).toBeGreaterThanOrEqual(1);
  expect(seen[0]).toMatchObject({ total: 3000, stage: 'job.writing' });
  for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
  // the bulk path built both search indexes for the new rows: a long and a short term find them
  expect((await tc.call('workers.list', { search: '职工2999' })).rows.map((w) => w.empNo)).toEqual(['J02999']);
  expect((await tc.call('workers.list', { search: '职工', pageSize: 10 })).total).toBe(3000);
  expect((await tc.call('workers.list', { search: 'J0299', pageSize: 50 })).total).toBe(10);
  // …and an update of an imported worker keeps the index in step
  const w = (await tc.call('workers.list', { search: '职工2999' })).rows[0]!;
  const full = await tc.call('workers.get', { id: w.id });
  await tc.call('workers.update', { id: w.id, data: { ...full, name: '新名字', idCard: null, phone: null } });
  expect((await tc.call('workers.list', { search: '职工2999' })).total).toBe(0);
  expect((await tc.call('workers.list', { search: '新名字' })).total).toBe(1);
});

it('a cancel in the middle of the commit writes nothing and answers CANCELLED', async () => {
  tc = await openTestCore();
  const p = await tc.call('roster.importPreview', { fileName: 'big.csv', dataBase64: Buffer.from(csv(3000)).toString('base64') });
  const before = { workers: workers(), audit: audit() };
  const ac = new AbortController();
  const r = await tc.core.dispatch('roster.importCommit', { importId: p.importId }, tc.session, {
    signal: ac.signal,
    progress: () => ac.abort(), // the first progress report cancels
  });
  expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'err.cancelled' } });
  expect({ workers: workers(), audit: audit() }).toEqual(before);
  // the import can still be committed afterwards
  const again = await tc.call('roster.importPreview', { fileName: 'big.csv', dataBase64: Buffer.from(csv(10)).toString('base64') });
  expect((await tc.call('roster.importCommit', { importId: again.importId })).created).toBe(10);
});
