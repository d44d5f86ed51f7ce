// The real core-process entry (electron/utility/main.ts, built as out/utility/utility.cjs) forked with
// child_process.fork on a temporary data folder and driven through CoreClient, as the Electron main process
// drives it over utilityProcess. Progress, cancel and crashes are covered with a fixture in relay.test.ts.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleNode } from '../helpers/bundle';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileRef } from '../../shared/files';
import type { Result } from '../../shared/result';
import { CoreClient, type ExitInfo } from '../../electron/utility/coreClient';
import { childProcessEndpoint } from '../../electron/utility/protocol';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'node_modules', '.cache', `ankang-relay-core-test-${process.pid}`);
const ENTRY = path.join(OUT, 'utility.cjs');
/** a 统一社会信用代码 with a valid check character (the demo enterprise's) */
const USCC = '91321200MA1NX7Q8K7';
const clients: CoreClient[] = [];
const dirs: string[] = [];

function tmp() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-relay-'));
  dirs.push(d);
  return d;
}

function startCore(args: string[]) {
  const child = fork(ENTRY, args, { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const client = new CoreClient(childProcessEndpoint(child));
  clients.push(client);
  const exited = new Promise<ExitInfo>((resolve) => client.onExit(resolve));
  return { client, exited, stderr: () => stderr };
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  // the same entry and options as scripts/build.mjs
  await bundleNode('utility', 'electron/utility/main.ts', OUT);
}, 60_000);
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown(2000)));
});
afterAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('core process (real entry)', () => {
  it('opens a fresh data folder and serves contract calls per window session', async () => {
    const dir = tmp();
    const { client } = startCore(['--data', dir]);
    const ready = await client.ready();
    expect(ready.schemaVersion).toBeGreaterThan(0);
    expect(ready.pid).not.toBe(process.pid);
    expect(fs.existsSync(path.join(dir, 'ankang.sqlite'))).toBe(true);

    const info = value<{ host: string; initialized: boolean; dataDir: string }>(await client.call('app.info', {}, '1'));
    expect(info).toMatchObject({ host: 'electron', initialized: false, dataDir: path.resolve(dir) });

    value(
      await client.call(
        'setup.init',
        {
          enterprise: { name: '测试化工有限公司', uscc: USCC, headcount: 10 },
          operator: { empNo: 'A0001', name: '王主席', gender: 'M', roles: ['union_officer'], pin: null },
        },
        '1',
      ),
    );
    // window 1 is signed in by the wizard; window 2 is not
    expect(value<{ operator: { name: string } | null }>(await client.call('app.info', {}, '1')).operator?.name).toBe('王主席');
    expect(await client.call('workers.list', {}, '2')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // bad input is refused as data
    expect(await client.call('workers.create', { empNo: '' }, '1')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await client.call('no.such', {}, '1')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    // concurrent writes and reads all land, each answer matched to its call
    const names = Array.from({ length: 25 }, (_, i) => `职工${String(i).padStart(2, '0')}`);
    const created = await Promise.all(names.map((name, i) => client.call('workers.create', { empNo: `E${1000 + i}`, name, gender: 'M' }, '1')));
    created.forEach((r, i) => expect(value<{ name: string }>(r).name).toBe(names[i]));
    const lists = await Promise.all(names.map((name) => client.call('workers.list', { search: name }, '1')));
    lists.forEach((r, i) => expect(value<{ rows: { name: string }[] }>(r).rows.map((w) => w.name)).toEqual([names[i]]));

    // an export is a file in the data folder that main copies, then releases
    const ref = value<FileRef>(await client.call('roster.export', {}, '1'));
    expect(ref.fileName).toMatch(/^职工花名册-.*\.xlsx$/);
    const file = await client.fileInfo(ref.fileId);
    if (!file.ok) throw new Error(file.error.message);
    expect(path.relative(path.join(dir, 'exports'), file.value.path)).not.toMatch(/^\.\./);
    expect(fs.readFileSync(file.value.path).subarray(0, 2).toString()).toBe('PK');
    expect(file.value.bytes).toBe(fs.statSync(file.value.path).size);
    expect((await client.releaseFile(ref.fileId)).ok).toBe(true);
    expect(fs.existsSync(file.value.path)).toBe(false);
  });

  it('closes the store on shutdown (the WAL is checkpointed away) and exits 0', async () => {
    const dir = tmp();
    const { client, exited } = startCore(['--data', dir]);
    await client.ready();
    value(await client.call('app.info', {}, '1'));
    await client.shutdown();
    expect(await exited).toMatchObject({ code: 0, expected: true });
    expect(fs.existsSync(path.join(dir, 'ankang.sqlite-wal'))).toBe(false);
  });

  it('reports a store that cannot be opened as a startup failure with the reason', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'ankang.sqlite'), 'this is not a database, just text '.repeat(200));
    const { client, exited } = startCore(['--data', dir]);
    const e = await client.ready().then(
      () => null,
      (x: { reason?: string; data?: { code: string; message: string; details?: unknown } }) => x,
    );
    expect(e?.reason).toBe('startup-failed');
    // a message key (the user's language), marked recoverable: main's dialog then offers the newest backups
    expect(e?.data).toMatchObject({ code: 'BAD_FILE', message: 'err.db.notSqlite', details: { recoverable: true } });
    expect((await exited).expected).toBe(true);
  });

  it('--restore FILE (what the desktop recovery dialog chose) restores a checked backup over a damaged store, then serves', async () => {
    const good = tmp();
    const first = startCore(['--data', good]);
    await first.client.ready();
    value(await first.client.call('app.info', {}, '1'));
    await first.client.shutdown();
    await first.exited;
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'backups'));
    const backup = path.join(dir, 'backups', 'ankang-20260101-000000.sqlite');
    fs.copyFileSync(path.join(good, 'ankang.sqlite'), backup);
    fs.writeFileSync(path.join(dir, 'ankang.sqlite'), 'damaged '.repeat(100));
    const { client, exited } = startCore(['--data', dir, '--restore', backup]);
    await client.ready();
    value(await client.call('app.info', {}, '1'));
    await client.shutdown();
    await exited;
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('ankang.sqlite.before-restore-'))).toHaveLength(1);
  });

  it('refuses to start without a data folder', async () => {
    const { client } = startCore([]);
    await expect(client.ready()).rejects.toMatchObject({ reason: 'startup-failed', data: { message: expect.stringContaining('--data') } });
  });
});
