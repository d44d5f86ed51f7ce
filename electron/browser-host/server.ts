// Browser host: the same core behind a small HTTP server on 127.0.0.1, for machines without an Electron binary.
// Every API call must carry the per-launch token; foreign Origins and Hosts are refused (DNS-rebinding guard).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Core, type Session } from '../core/core';
import { log } from '../core/log';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};
const MAX_BODY = 30 * 1024 * 1024;

export interface BrowserHostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  url: string; // includes the token in the fragment
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** Resolves a URL path inside root, or null when it would escape it. */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

function tokenOk(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const session: Session = { operatorId: null };
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8') => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    res.end(body);
  };
  const fail = (res: http.ServerResponse, status: number, code: string, message: string) =>
    send(res, status, JSON.stringify({ ok: false, error: { code, message } }));

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return fail(res, 403, 'FORBIDDEN', 'host not allowed');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return fail(res, 403, 'FORBIDDEN', 'origin not allowed');
    const url = req.url ?? '/';

    if (url === '/api/call') {
      if (req.method !== 'POST') return fail(res, 405, 'METHOD', 'POST only');
      if (!tokenOk(req.headers['x-ankang-token'] as string | undefined, token)) {
        return fail(res, 401, 'UNAUTHENTICATED', 'missing or wrong token');
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return fail(res, 415, 'VALIDATION', 'JSON only');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let aborted = false;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY && !aborted) {
          aborted = true;
          fail(res, 413, 'VALIDATION', 'request too large');
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (aborted) return;
        let body: { channel?: unknown; input?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          return fail(res, 400, 'VALIDATION', 'body is not JSON');
        }
        if (typeof body !== 'object' || body === null) return fail(res, 400, 'VALIDATION', 'body must be an object');
        opts.core
          .dispatch(body.channel, body.input, session)
          .then((result) => send(res, 200, JSON.stringify(result)))
          .catch((e: unknown) => {
            log('error', 'dispatch failed', e);
            fail(res, 500, 'INTERNAL', 'internal error');
          });
      });
      return;
    }
    if (url.startsWith('/api/')) return fail(res, 404, 'NOT_FOUND', 'no such endpoint');
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'METHOD', 'GET only');

    let file = safeJoin(opts.rendererDir, url === '/' ? '/index.html' : url);
    if (!file) return fail(res, 403, 'FORBIDDEN', 'path not allowed');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // client-side routes fall back to the app shell; missing assets are 404s
      if (path.extname(file)) return fail(res, 404, 'NOT_FOUND', 'not found');
      file = path.join(opts.rendererDir, 'index.html');
    }
    fs.readFile(file, (err, data) => {
      if (err) return fail(res, 404, 'NOT_FOUND', 'not found');
      send(res, 200, data, MIME[path.extname(file!)] ?? 'application/octet-stream');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
