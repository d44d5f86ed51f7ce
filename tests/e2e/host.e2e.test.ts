// The browser host's HTTP guard, against a real `browser-host.cjs` process: token, Origin, Host, path traversal, CSP.
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_INDEX, startHost, tmpDataDir, type HostProcess } from './fixtures';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw http.request: the path goes out byte for byte (no URL normalisation) and Host/Origin can be forged. */
function request(host: HostProcess, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const callBody = JSON.stringify({ channel: 'app.info', input: {} });

describe('browser host HTTP guard', () => {
  let host: HostProcess;
  let dataDir: string;
  const api = (headers: Record<string, string>) =>
    request(host, { method: 'POST', path: '/api/call', headers: { 'Content-Type': 'application/json', ...headers }, body: callBody });

  let shell: string;
  beforeAll(async () => {
    dataDir = tmpDataDir();
    host = await startHost(dataDir);
    shell = fs.readFileSync(RENDERER_INDEX, 'utf8');
  });
  afterAll(async () => {
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a ready line with a loopback URL and a token, and uses the --data folder', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{16,}$/);
    expect(host.port).toBeGreaterThan(0);
    expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0); // the database lives in the --data folder
  });

  it('GET / serves the app shell with a Content-Security-Policy header', async () => {
    const r = await request(host, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.body).toMatch(/<div id="root">|<html/i);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('POST /api/call without the token → 401', async () => {
    const r = await api({});
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('POST /api/call with a wrong token → 401', async () => {
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    const r = await api({ 'X-Ankang-Token': wrong });
    expect(r.status).toBe(401);
  });

  it('POST /api/call with the token but a foreign Origin → 403', async () => {
    const r = await api({ 'X-Ankang-Token': host.token, Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // a different port on loopback is a different origin too
    const other = await api({ 'X-Ankang-Token': host.token, Origin: `http://127.0.0.1:${host.port + 1}` });
    expect(other.status).toBe(403);
  });

  it('a wrong Host header (DNS rebinding) → 403, for the API and for static files', async () => {
    const r = await api({ 'X-Ankang-Token': host.token, Host: `evil.example:${host.port}` });
    expect(r.status).toBe(403);
    const page = await request(host, { path: '/', headers: { Host: 'attacker.test' } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('<html');
  });

  // Real files just outside the renderer folder (out/renderer): a traversal that worked would serve them.
  it.each(['/../main/main.cjs', '/%2e%2e/browser-host/browser-host.cjs', '/..%2fbrowser-host%2fbrowser-host.cjs', '/assets/..%2f..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/%2e%2e/package.json', '/%00index.html'])(
    'path traversal %s → 403/404, never the file',
    async (p) => {
      const r = await request(host, { path: p });
      expect([403, 404]).toContain(r.status);
      expect(r.body).not.toContain('"name": "ankang"');
      expect(r.body).not.toContain('use strict');
      expect(r.body).not.toContain('<html');
    },
  );

  // Extension-less paths fall back to the app shell (client routes), so /../../etc/passwd is clamped to the renderer
  // folder and answered with index.html (200) — never with the system file.
  it.each(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%2e%2e/', '/..%2f..%2f..%2fetc%2fpasswd'])('path traversal %s never serves the file', async (p) => {
    const r = await request(host, { path: p });
    expect(r.body).not.toMatch(/root:.*:0:0:/);
    if (r.status === 200) expect(r.body).toBe(shell);
    else expect([403, 404]).toContain(r.status);
  });

  it('a valid call with the token (and the host’s own Origin) → 200 {ok:true}', async () => {
    const r = await api({ 'X-Ankang-Token': host.token, Origin: host.origin });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: boolean; value: { initialized: boolean } };
    expect(body.ok).toBe(true);
    expect(body.value.initialized).toBe(false);
    // no Origin at all (same-origin GET-style callers, curl) is allowed as long as Host and token are right
    const noOrigin = await api({ 'X-Ankang-Token': host.token });
    expect(noOrigin.status).toBe(200);
  });

  it('other methods and endpoints are refused', async () => {
    expect((await request(host, { method: 'GET', path: '/api/call', headers: { 'X-Ankang-Token': host.token } })).status).toBe(405);
    expect((await request(host, { method: 'POST', path: '/api/other', headers: { 'X-Ankang-Token': host.token } })).status).toBe(404);
    const notJson = await request(host, { method: 'POST', path: '/api/call', headers: { 'X-Ankang-Token': host.token, 'Content-Type': 'text/plain' }, body: callBody });
    expect(notJson.status).toBe(415);
  });
});
