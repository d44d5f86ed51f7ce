// The README tells demo users whom to sign in as and which employee numbers the scripting examples use: they must be
// the operators the demo really creates (issue 7: it named someone who was not an operator).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrations';
import { openDatabase, Store } from '../../electron/core/db/store';
import { generateDemo } from '../../electron/core/demo';

let dir = '';
let store: Store | null = null;
afterEach(() => {
  store?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('every operator the README names for the demo is a demo operator, with that employee no.', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-readme-'));
  const db = openDatabase(path.join(dir, 'ankang.sqlite'));
  await migrate(db);
  store = new Store(db);
  generateDemo(store, 'small');
  const ops = store.all<{ empNo: string; name: string; isAdmin: number }>(
    'SELECT w.emp_no AS empNo, w.name, o.is_admin AS isAdmin FROM operators o JOIN workers w ON w.id = o.worker_id',
  );
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  // the sign-in hint names the administrator
  const admin = ops.find((o) => o.isAdmin === 1)!;
  const hint = /npm start -- --data \.\/demo-data\s+# pick (\S+)/.exec(readme);
  expect(hint?.[1]).toBe(admin.name);
  // the table lists every operator with their employee no.
  for (const o of ops) expect(readme).toContain(`| ${o.name} | ${o.empNo} |`);
  // every --as in the scripting examples is a demo operator
  const asUsed = [...readme.matchAll(/--as ([A-Za-z0-9_-]+)/g)].map((m) => m[1]!).filter((e) => e !== 'EMPNO');
  expect(asUsed.length).toBeGreaterThan(0);
  for (const e of asUsed) expect(ops.map((o) => o.empNo)).toContain(e);
});
