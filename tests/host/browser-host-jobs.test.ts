// The browser host's long-job and delivery paths: NDJSON progress, cancel (explicit and by dropping the request),
// files produced by the core (token, Content-Disposition, released after), and the renderer's static files
// (brotli/gzip by Accept-Encoding, cache headers, ETag revalidation).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/bridge';
import type { FileRef } from '../../shared/files';
import type { Result } from '../../shared/result';
import type { CallOptions } from '../../electron/core/kernel/jobs';
import { hostClient } from '../../electron/browser-host/client';
import { contentDisposition, startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { openTestCore, tmpDir, type TestCore } from '../helpers/core';

let tc: TestCore;
let host: BrowserHost;
let rendererDir: string;
const HASHED = 'assets/index-Ab3_dE9x.js';
const SCRIPT = `// app\n${'export const words = ["安全生产", "隐患排查", "职工花名册"];\n'.repeat(400)}`;
/** what the test channel saw of its cancel signal */
const seen = { aborted: 0 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  tc = await openTestCore();
  rendererDir = tmpDir('ankang-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), `<!doctype html><title>安康</title>${'<!-- shell -->'.repeat(60)}`);
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, HASHED), SCRIPT);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'tiny-Zz9_Yy8x.css'), 'a{}');
  // the real core, plus one test channel that behaves like a long export: progress every step, honours cancel
  const core = tc.core;
  const wrapped = {
    files: core.files,
    dispatch: async (channel: unknown, input: unknown, session: { operatorId: string | null }, opts?: CallOptions): Promise<Result<unknown>> => {
      if (channel !== 'test.slow') return core.dispatch(channel, input, session, opts);
      const { steps = 5, stepMs = 10 } = (input ?? {}) as { steps?: number; stepMs?: number };
      for (let n = 1; n <= steps; n++) {
        await sleep(stepMs);
        if (opts?.signal?.aborted) {
          seen.aborted++;
          return { ok: false, error: { code: 'CANCELLED', message: 'err.cancelled' } };
        }
        opts?.progress?.({ done: n, total: steps, stage: 'job.writing' });
      }
      return { ok: true, value: { steps } };
    },
  };
  host = await startBrowserHost({ core: wrapped, rendererDir });
  // a few workers, so the export has rows
  for (let i = 0; i < 3; i++) await tc.call('workers.create', { empNo: `E${i}`, name: `职工${i}`, gender: 'F' });
  // the host has its own session: sign in there as the wizard's admin
  const [op] = await tc.call('session.operators');
  const signIn = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: apiHeaders(), body: JSON.stringify({ channel: 'session.signIn', input: { operatorId: op!.id } }) });
  expect(((await signIn.json()) as Result<unknown>).ok).toBe(true);
});
afterAll(async () => {
  await host.close();
  tc.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

const apiHeaders = (extra: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', 'X-Ankang-Token': host.token, ...extra });

/** A call as the renderer makes it when it follows progress: NDJSON lines until the result. */
async function streamCall(channel: string, input: unknown, id: number, onLine?: (p: JobProgress) => void | Promise<void>) {
  const res = await fetch(`${host.origin}/api/call`, {
    method: 'POST',
    headers: apiHeaders({ 'X-Ankang-Call': String(id), Accept: 'application/x-ndjson' }),
    body: JSON.stringify({ channel, input }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const lines: unknown[] = [];
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = JSON.parse(buf.slice(0, nl)) as { t: string; progress?: JobProgress };
      buf = buf.slice(nl + 1);
      lines.push(line);
      if (line.t === 'progress') await onLine?.(line.progress!);
    }
  }
  expect(buf).toBe('');
  return lines as ({ t: 'progress'; progress: JobProgress } | { t: 'result'; result: Result<unknown> })[];
}

function raw(p: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: p, method, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('progress and cancel', () => {
  it('streams progress lines, then the result, when the client asks for NDJSON', async () => {
    const lines = await streamCall('test.slow', { steps: 4, stepMs: 5 }, 11);
    expect(lines).toEqual([
      ...[1, 2, 3, 4].map((done) => ({ t: 'progress', progress: { done, total: 4, stage: 'job.writing' } })),
      { t: 'result', result: { ok: true, value: { steps: 4 } } },
    ]);
  });

  it('a real export through the stream ends with its FileRef', async () => {
    const lines = await streamCall('roster.export', {}, 12);
    const last = lines.at(-1)!;
    expect(last.t).toBe('result');
    for (const l of lines.slice(0, -1)) {
      expect(l.t).toBe('progress');
      const p = (l as { progress: JobProgress }).progress;
      expect(p.done).toBeGreaterThanOrEqual(0);
      if (p.total !== null) expect(p.done).toBeLessThanOrEqual(p.total);
    }
    const ref = ((last as { result: Result<FileRef> }).result as { ok: true; value: FileRef }).value;
    expect(ref.fileName).toMatch(/^职工花名册-.*\.xlsx$/);
    tc.core.files.release(ref.fileId);
  });

  it('a cancel that arrives while the body is still uploading is not lost: the job never runs', async () => {
    const before = seen.aborted;
    const u = new URL(host.origin);
    const body = Buffer.from(JSON.stringify({ channel: 'test.slow', input: { steps: 3, stepMs: 5 } }));
    const reply = new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: u.hostname, port: Number(u.port), path: '/api/call', method: 'POST', headers: { ...apiHeaders({ 'X-Ankang-Call': '77' }), 'Content-Length': body.length, Host: u.host } },
        (res) => {
          const c: Buffer[] = [];
          res.on('data', (d: Buffer) => c.push(d));
          res.on('end', () => resolve(Buffer.concat(c).toString('utf8')));
        },
      );
      req.on('error', reject);
      // half the body now, the rest after the cancel
      req.write(body.subarray(0, 10));
      setTimeout(() => {
        void fetch(`${host.origin}/api/cancel`, { method: 'POST', headers: apiHeaders(), body: JSON.stringify({ id: 77 }) })
          .then((r) => r.json())
          .then((c) => {
            expect(c).toMatchObject({ ok: true, value: { cancelled: true } });
            req.end(body.subarray(10));
          }, reject);
      }, 30);
    });
    const r = JSON.parse(await reply) as Result<unknown>;
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(seen.aborted).toBe(before + 1);
  });

  it('POST /api/cancel stops a running job; the call answers CANCELLED', async () => {
    const before = seen.aborted;
    let cancelled: unknown = null;
    const lines = await streamCall('test.slow', { steps: 500, stepMs: 10 }, 13, async (p) => {
      if (p.done === 2) {
        const r = await fetch(`${host.origin}/api/cancel`, { method: 'POST', headers: apiHeaders(), body: JSON.stringify({ id: 13 }) });
        cancelled = await r.json();
      }
    });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(lines.at(-1)).toEqual({ t: 'result', result: { ok: false, error: { code: 'CANCELLED', message: 'err.cancelled' } } });
    expect(lines.length).toBeLessThan(10);
    expect(seen.aborted).toBe(before + 1);
  });

  it('a cancellable call without progress answers one JSON reply, and can be cancelled too', async () => {
    const pending = fetch(`${host.origin}/api/call`, {
      method: 'POST',
      headers: apiHeaders({ 'X-Ankang-Call': '14' }),
      body: JSON.stringify({ channel: 'test.slow', input: { steps: 500, stepMs: 10 } }),
    });
    await sleep(60);
    await fetch(`${host.origin}/api/cancel`, { method: 'POST', headers: apiHeaders(), body: JSON.stringify({ id: 14 }) });
    const res = await pending;
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('dropping the request (tab closed, fetch aborted) aborts the job', async () => {
    const before = seen.aborted;
    const ac = new AbortController();
    const pending = fetch(`${host.origin}/api/call`, {
      method: 'POST',
      signal: ac.signal,
      headers: apiHeaders({ 'X-Ankang-Call': '15', Accept: 'application/x-ndjson' }),
      body: JSON.stringify({ channel: 'test.slow', input: { steps: 500, stepMs: 10 } }),
    });
    const res = await pending;
    const reader = res.body!.getReader();
    await reader.read(); // the first progress line
    ac.abort();
    await expect(reader.read()).rejects.toThrow();
    for (let i = 0; i < 100 && seen.aborted === before; i++) await sleep(10);
    expect(seen.aborted).toBe(before + 1);
  });

  it('refuses cancels without the token, bad ids, and a call id already running', async () => {
    const noToken = await fetch(`${host.origin}/api/cancel`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"id":1}' });
    expect(noToken.status).toBe(401);
    const badId = await fetch(`${host.origin}/api/cancel`, { method: 'POST', headers: apiHeaders(), body: '{"id":"x"}' });
    expect(badId.status).toBe(400);
    const unknown = await fetch(`${host.origin}/api/cancel`, { method: 'POST', headers: apiHeaders(), body: '{"id":999}' });
    expect(await unknown.json()).toEqual({ ok: true, value: { cancelled: false } });
    const badHeader = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: apiHeaders({ 'X-Ankang-Call': 'abc' }), body: '{"channel":"app.info"}' });
    expect(badHeader.status).toBe(400);

    const first = fetch(`${host.origin}/api/call`, { method: 'POST', headers: apiHeaders({ 'X-Ankang-Call': '16' }), body: JSON.stringify({ channel: 'test.slow', input: { steps: 10, stepMs: 10 } }) });
    await sleep(20);
    const dup = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: apiHeaders({ 'X-Ankang-Call': '16' }), body: JSON.stringify({ channel: 'app.info' }) });
    expect(dup.status).toBe(409);
    expect(await (await first).json()).toEqual({ ok: true, value: { steps: 10 } });
  });
});

describe('files produced by the core', () => {
  const exportRef = async () => {
    const r = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: apiHeaders(), body: JSON.stringify({ channel: 'roster.export', input: {} }) });
    const body = (await r.json()) as Result<FileRef>;
    if (!body.ok) throw new Error(body.error.message);
    return body.value;
  };

  it('needs the token (header or query) and passes the Host/Origin guards', async () => {
    const ref = await exportRef();
    expect((await fetch(`${host.origin}/api/file/${ref.fileId}`)).status).toBe(401);
    expect((await fetch(`${host.origin}/api/file/${ref.fileId}?token=${'x'.repeat(host.token.length)}`)).status).toBe(401);
    expect((await fetch(`${host.origin}/api/file/${ref.fileId}?token=${host.token}`, { headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await fetch(`${host.origin}/api/file/${ref.fileId}?token=${host.token}`, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await raw(`/api/file/${ref.fileId}?token=${host.token}`, { Host: 'attacker.example' })).status).toBe(403);
    expect((await fetch(`${host.origin}/api/file/${ref.fileId}`, { method: 'POST', headers: { 'X-Ankang-Token': host.token } })).status).toBe(405);
    // none of the refusals consumed it
    const ok = await fetch(`${host.origin}/api/file/${ref.fileId}`, { headers: { 'X-Ankang-Token': host.token } });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
  });

  it('streams the file with its Chinese name (RFC 5987), then releases it', async () => {
    const ref = await exportRef();
    const onDisk = tc.core.files.get(ref.fileId).path;
    // HEAD looks without taking
    const head = await raw(`/api/file/${ref.fileId}?token=${host.token}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(fs.existsSync(onDisk)).toBe(true);

    const r = await raw(`/api/file/${ref.fileId}?token=${encodeURIComponent(host.token)}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(ref.mime);
    expect(Number(r.headers['content-length'])).toBe(ref.bytes);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-disposition']).toBe(contentDisposition(ref.fileName));
    expect(r.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(ref.fileName)}`);
    expect(r.body.length).toBe(ref.bytes);
    expect(r.body.subarray(0, 2).toString()).toBe('PK');
    // delivered once: gone from the core and from disk
    for (let i = 0; i < 50 && fs.existsSync(onDisk); i++) await sleep(10);
    expect(fs.existsSync(onDisk)).toBe(false);
    expect((await raw(`/api/file/${ref.fileId}?token=${host.token}`)).status).toBe(404);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of ['0190a7d4-0000-7000-8000-000000000000', '..%2F..%2Fankang.sqlite', 'a'.repeat(65)]) {
      expect((await fetch(`${host.origin}/api/file/${id}`, { headers: { 'X-Ankang-Token': host.token } })).status).toBe(404);
    }
  });

  it('writes an ASCII fallback and a UTF-8 name in Content-Disposition', () => {
    expect(contentDisposition('隐患台账-2026.xlsx')).toBe(`attachment; filename="____-2026.xlsx"; filename*=UTF-8''%E9%9A%90%E6%82%A3%E5%8F%B0%E8%B4%A6-2026.xlsx`);
    expect(contentDisposition('a"b\\c;%.pdf')).toBe(`attachment; filename="a_b_c__.pdf"; filename*=UTF-8''a%22b%5Cc%3B%25.pdf`);
  });
});

describe('static files', () => {
  it('serves hashed assets compressed by Accept-Encoding and cached for a year', async () => {
    await host.warmed;
    const br = await raw(`/${HASHED}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['content-security-policy']).toContain("script-src 'self'");
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await raw(`/${HASHED}`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const refusedBr = await raw(`/${HASHED}`, { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
    expect(refusedBr.headers['content-encoding']).toBe('gzip');

    const plain = await raw(`/${HASHED}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);

    // too small to gain from compression: sent as it is, still immutable
    const tiny = await raw('/assets/tiny-Zz9_Yy8x.css', { 'Accept-Encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates the app shell every time (no-cache + ETag → 304) and notices a rebuilt file', async () => {
    const first = await raw('/', { 'Accept-Encoding': 'gzip' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-encoding']).toBe('gzip');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await raw('/', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // a client route gets the same shell
    expect((await raw('/hazards/some-id')).headers.etag).toBe(etag);

    const file = path.join(rendererDir, 'index.html');
    fs.writeFileSync(file, '<!doctype html><title>安康 v2</title>');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const changed = await raw('/', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.toString()).toContain('v2');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('the Node client (kept-alive connection, as the bench uses) gets the same answers', async () => {
    const client = hostClient({ origin: host.origin, token: host.token });
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => client.call('workers.list', { search: `职工${i % 3}` })));
      answers.forEach((r, i) => expect(r).toMatchObject({ ok: true, value: { rows: [{ name: `职工${i % 3}` }] } }));
      expect(await client.call('no.such')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    } finally {
      client.close();
    }
    await expect(hostClient({ origin: host.origin, token: 'wrong' }).call('app.info')).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('marks API replies no-store', async () => {
    const r = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: apiHeaders(), body: JSON.stringify({ channel: 'app.info' }) });
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(Number(r.headers.get('content-length'))).toBe(Buffer.byteLength(await r.text()));
  });
});
