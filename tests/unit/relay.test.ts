// The relay between the Electron main process and the core process, proven without an Electron binary: the
// core-process side runs in a child started with child_process.fork (the protocol is the same as over
// utilityProcess), main's side is CoreClient in this process.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleNode } from '../helpers/bundle';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/bridge';
import type { FileRef } from '../../shared/files';
import { CoreClient, CoreProcessError, type ExitInfo } from '../../electron/utility/coreClient';
import { childProcessEndpoint, isToCore } from '../../electron/utility/protocol';

const ROOT = path.resolve(__dirname, '..', '..');
// inside the repository so the bundles resolve node_modules (better-sqlite3 stays external)
const OUT = path.join(ROOT, 'node_modules', '.cache', `ankang-relay-test-${process.pid}`);
const FIXTURE = path.join(OUT, 'fixture.cjs');

const children: ChildProcess[] = [];
const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
};

function start(entry: string, args: string[] = [], env: Record<string, string> = {}) {
  const child = fork(entry, args, { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  children.push(child);
  const client = new CoreClient(childProcessEndpoint(child));
  const exited = new Promise<ExitInfo>((resolve) => client.onExit(resolve));
  return { child, client, exited, stderr: () => stderr };
}

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  await bundleNode('fixture', 'tests/unit/relayFixture.ts', OUT);
}, 60_000);

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('relay protocol (core process fixture)', () => {
  it('answers calls once the core is ready, keeping a session per window', async () => {
    const { client } = start(FIXTURE, [], { RELAY_FIXTURE_OPEN_MS: '50' });
    // a call sent before the store is open waits for it instead of failing
    const early = client.call('test.echo', { n: 0 }, 'w1');
    expect(await client.ready()).toMatchObject({ schemaVersion: 42 });
    expect(await early).toMatchObject({ ok: true, value: { input: { n: 0 }, operatorId: null } });

    expect(await client.call('test.signIn', { id: 'op-1' }, 'w1')).toEqual({ ok: true, value: null });
    expect(await client.call('test.echo', {}, 'w1')).toMatchObject({ ok: true, value: { operatorId: 'op-1' } });
    // another window has its own session
    expect(await client.call('test.echo', {}, 'w2')).toMatchObject({ ok: true, value: { operatorId: null } });
    // a closed window's sign-in is forgotten
    client.endSession('w1');
    expect(await client.call('test.echo', {}, 'w1')).toMatchObject({ ok: true, value: { operatorId: null } });
    expect(await client.call('no.such', {}, 'w1')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    // an exception past dispatch becomes an INTERNAL result, and the core stays up
    expect(await client.call('test.throw', {}, 'w1')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await client.call('test.echo', {}, 'w1')).ok).toBe(true);
  });

  it('matches concurrent calls to their answers, whatever order they finish in', async () => {
    const { client } = start(FIXTURE);
    await client.ready();
    const delays = Array.from({ length: 40 }, (_, i) => (i * 37) % 60);
    const results = await Promise.all(delays.map((d, i) => client.call('test.echo', { i, delayMs: d }, `w${i % 3}`)));
    results.forEach((r, i) => expect(r).toMatchObject({ ok: true, value: { input: { i } } }));
  });

  it('forwards progress of the call that asked for it, and only to it', async () => {
    const { client } = start(FIXTURE);
    await client.ready();
    const seen: JobProgress[] = [];
    const [withProgress, without] = await Promise.all([
      client.call('test.slow', { steps: 4, stepMs: 5 }, 'w1', { onProgress: (p) => seen.push(p) }),
      client.call('test.slow', { steps: 3, stepMs: 5 }, 'w1'),
    ]);
    expect(withProgress).toEqual({ ok: true, value: { steps: 4 } });
    expect(without).toEqual({ ok: true, value: { steps: 3 } });
    expect(seen).toEqual([1, 2, 3, 4].map((done) => ({ done, total: 4, stage: 'job.writing' })));
  });

  it('cancels a running job: the call answers CANCELLED; a finished call keeps its value', async () => {
    const { client } = start(FIXTURE);
    await client.ready();
    const ac = new AbortController();
    const seen: JobProgress[] = [];
    const running = client.call('test.slow', { steps: 200, stepMs: 10 }, 'w1', {
      signal: ac.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.done === 2) ac.abort();
      },
    });
    expect(await running).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'err.cancelled' } });
    expect(seen.length).toBeLessThan(10);
    // aborted before it was even sent
    const pre = new AbortController();
    pre.abort();
    expect(await client.call('test.slow', { steps: 50, stepMs: 10 }, 'w1', { signal: pre.signal })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // cancelling after the answer changes nothing
    const late = new AbortController();
    const done = await client.call('test.slow', { steps: 1, stepMs: 1 }, 'w1', { signal: late.signal });
    late.abort();
    expect(done).toEqual({ ok: true, value: { steps: 1 } });
  });

  it('hands produced files to main and drops them on release', async () => {
    const { client } = start(FIXTURE);
    await client.ready();
    const made = await client.call('test.file', {}, 'w1');
    const ref = (made as { value: FileRef }).value;
    const info = await client.fileInfo(ref.fileId);
    if (!info.ok) throw new Error(info.error.message);
    expect(info.value.fileName).toBe('职工花名册.xlsx');
    expect(fs.readFileSync(info.value.path, 'utf8')).toBe('PK-bytes');
    expect(await client.releaseFile(ref.fileId)).toEqual({ ok: true, value: null });
    expect(fs.existsSync(info.value.path)).toBe(false);
    expect(await client.fileInfo(ref.fileId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a crash of the core fails pending calls with a typed error and tells main', async () => {
    const { client, exited } = start(FIXTURE);
    await client.ready();
    const pending = client.call('test.slow', { steps: 1000, stepMs: 10 }, 'w1');
    const crashing = client.call('test.crash', {}, 'w2');
    const exit = await exited;
    expect(exit).toMatchObject({ code: 3, expected: false });
    for (const r of await Promise.all([pending, crashing])) {
      expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'err.core.exited', details: { reason: 'core-exited', exitCode: 3, signal: null } } });
    }
    expect(client.alive).toBe(false);
    // later calls fail at once instead of hanging
    expect(await client.call('test.echo', {}, 'w1')).toMatchObject({ ok: false, error: { message: 'err.core.exited' } });
    expect(await client.fileInfo('f1')).toMatchObject({ ok: false, error: { message: 'err.core.exited' } });
  });

  it('a killed core (SIGKILL) is reported with its signal', async () => {
    const { child, client, exited } = start(FIXTURE);
    await client.ready();
    const pending = client.call('test.slow', { steps: 1000, stepMs: 10 }, 'w1');
    child.kill('SIGKILL');
    expect(await exited).toMatchObject({ code: null, signal: 'SIGKILL', expected: false });
    expect(await pending).toMatchObject({ ok: false, error: { details: { signal: 'SIGKILL' } } });
  });

  it('a store that cannot open is a startup failure main can show, and the process ends', async () => {
    const { client, exited } = start(FIXTURE, [], { RELAY_FIXTURE_MODE: 'fail-startup' });
    const e = await client.ready().then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(CoreProcessError);
    expect((e as CoreProcessError).reason).toBe('startup-failed');
    expect((e as CoreProcessError).data).toEqual({ code: 'DB_TOO_NEW', message: 'err.db.tooNew', details: { version: 99 } });
    expect((await exited).expected).toBe(true);
  });

  it('a core that dies before it is ready rejects ready()', async () => {
    const { child, client } = start(FIXTURE, [], { RELAY_FIXTURE_OPEN_MS: '5000' });
    child.kill('SIGKILL');
    await expect(client.ready()).rejects.toMatchObject({ reason: 'startup-failed', data: { message: 'err.core.startFailed' } });
  });

  it('shuts down on request: the store is closed, then the process exits 0', async () => {
    const closed = path.join(tmp('relay-'), 'closed');
    const { client, exited } = start(FIXTURE, [], { RELAY_FIXTURE_CLOSED: closed });
    await client.ready();
    await client.shutdown();
    expect(await exited).toMatchObject({ code: 0, expected: true });
    expect(fs.readFileSync(closed, 'utf8')).toBe('closed');
  });

  it('ignores malformed messages instead of crashing', async () => {
    const { child, client } = start(FIXTURE);
    await client.ready();
    for (const m of [null, 1, 'x', { t: 'call' }, { t: 'call', id: 'a', channel: 1 }, { t: 'nope' }]) {
      expect(isToCore(m)).toBe(false);
      child.send(m as never);
    }
    expect(await client.call('test.echo', { after: true }, 'w1')).toMatchObject({ ok: true, value: { input: { after: true } } });
  });
});
