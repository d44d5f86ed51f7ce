// The browser host in-process: token, Origin and Host checks, static files with CSP, path-traversal guard.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeJoin, startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { demoUscc } from '../../electron/core/demo';
import { openTestCore, tmpDir, type TestCore } from '../helpers/core';

let tc: TestCore;
let host: BrowserHost;
let rendererDir: string;

beforeAll(async () => {
  tc = await openTestCore({ init: false });
  rendererDir = tmpDir('ankang-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>安康</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'ankang-secret.txt'), 'secret');
  host = await startBrowserHost({ core: tc.core, rendererDir });
});
afterAll(async () => {
  await host.close();
  tc.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

function api(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': host.token, ...headers },
    body: JSON.stringify(body),
  });
}

describe('browser host', () => {
  it('holds at most 64 connections: the 65th is closed at once, and the host answers again when they go', async () => {
    const open: net.Socket[] = [];
    try {
      for (let i = 0; i < 64; i++) {
        const s = net.connect(host.port, '127.0.0.1');
        await new Promise<void>((r) => s.once('connect', () => r()));
        open.push(s);
      }
      const extra = net.connect(host.port, '127.0.0.1');
      const closed = await new Promise<boolean>((r) => {
        extra.once('close', () => r(true));
        setTimeout(() => r(false), 2000);
      });
      expect(closed).toBe(true);
    } finally {
      for (const s of open) s.destroy();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect((await api({ channel: 'app.info', input: {} })).status).toBe(200);
  });

  it('listens on loopback only and prints a URL carrying the token in the fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the app shell with a strict CSP', async () => {
    const r = await fetch(`${host.origin}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('安康');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('rejects calls without the token (401) and with a wrong one', async () => {
    const none = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"channel":"app.info"}' });
    expect(none.status).toBe(401);
    const wrong = await api({ channel: 'app.info' }, { 'X-Ankang-Token': 'x'.repeat(host.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('rejects foreign origins (403) even with the token', async () => {
    const r = await api({ channel: 'app.info' }, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    const ok = await api({ channel: 'app.info' }, { Origin: host.origin });
    expect(ok.status).toBe(200);
  });

  it('rejects a foreign Host header (DNS rebinding) with 403', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path: '/', method: 'GET', headers: { Host: 'attacker.example:80' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('answers a valid call with the result envelope', async () => {
    const r = await api({ channel: 'app.info', input: {} });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { ok: boolean; value: { initialized: boolean; host: string } };
    expect(body.ok).toBe(true);
    expect(body.value.initialized).toBe(false);
    expect(body.value.host).toBe('browser');
    // a JSON reply carries the headers a JSON reply needs, and its exact UTF-8 length
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const zh = await api({ channel: 'session.operators', input: {} });
    expect(Number(zh.headers.get('content-length'))).toBe(Buffer.byteLength(await zh.text()));
  });

  it('returns errors as data, not stacks', async () => {
    const r = await api({ channel: 'workers.list', input: {} });
    const body = (await r.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('UNAUTHENTICATED');
    const bad = await api({ channel: 'no.such', input: {} });
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_CHANNEL');
    const notJson = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': host.token }, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('each tab signs in for itself: two session keys never act as each other, a bad key is refused', async () => {
    const json = async <T,>(r: Response) => (await r.json()) as { ok: boolean; value: T; error: { code: string } };
    const tabA = { 'X-Ankang-Session': 'tabAAAAAAAAAAAAAAAAAAA' };
    const tabB = { 'X-Ankang-Session': 'tabBBBBBBBBBBBBBBBBBBB' };
    // tab A runs the first-run wizard and is signed in as its admin
    const setup = await json<{ id: string }>(
      await api(
        {
          channel: 'setup.init',
          input: {
            enterprise: { name: '分页签测试公司', uscc: demoUscc(), headcount: 10 },
            operator: { empNo: 'T0001', name: '甲', gender: 'M', roles: ['union_officer'] },
          },
        },
        tabA,
      ),
    );
    expect(setup.ok).toBe(true);
    expect((await json<{ operator: { name: string } | null }>(await api({ channel: 'app.info', input: {} }, tabA))).value.operator?.name).toBe('甲');
    // tab B (another tab, another browser) is not signed in, and signing it out does not touch tab A
    expect((await json<{ operator: unknown }>(await api({ channel: 'app.info', input: {} }, tabB))).value.operator).toBeNull();
    expect((await json(await api({ channel: 'workers.list', input: {} }, tabB))).error.code).toBe('UNAUTHENTICATED');
    await api({ channel: 'session.signOut', input: {} }, tabB);
    expect((await json<{ operator: { name: string } | null }>(await api({ channel: 'app.info', input: {} }, tabA))).value.operator?.name).toBe('甲');
    // a caller without a key (a script) has its own session too
    expect((await json<{ operator: unknown }>(await api({ channel: 'app.info', input: {} }))).value.operator).toBeNull();
    // a malformed key is refused, not mapped onto some session
    expect((await api({ channel: 'app.info', input: {} }, { 'X-Ankang-Session': 'short' })).status).toBe(400);
    await api({ channel: 'session.signOut', input: {} }, tabA);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../ankang-secret.txt', '/%2e%2e/ankang-secret.txt', '/assets/..%2f..%2fankang-secret.txt', '/%2e%2e%2fankang-secret.txt']) {
      const r = await fetch(`${host.origin}${p}`);
      expect(await r.text()).not.toContain('secret');
    }
    expect(safeJoin(rendererDir, '/../x')).toBe(path.join(rendererDir, 'x'));
    expect(safeJoin(rendererDir, '/a/%00')).toBeNull();
    expect(safeJoin(rendererDir, '/%E0%A4%A')).toBeNull();
    const js = await fetch(`${host.origin}/assets/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('falls back to the app shell for client routes and 404s missing assets', async () => {
    expect((await fetch(`${host.origin}/roster`)).status).toBe(200);
    expect((await fetch(`${host.origin}/assets/missing.js`)).status).toBe(404);
  });
});
