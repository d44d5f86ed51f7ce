// Browser host: the same core behind a small HTTP server on 127.0.0.1, for machines without an Electron binary.
// Every API call must carry the per-launch token; foreign Origins and Hosts are refused (DNS-rebinding guard).
//   POST /api/call     {channel, input} → the result envelope as JSON; with X-Ankang-Call: <id> the call can be
//                      cancelled, and with Accept: application/x-ndjson the reply streams progress lines first
//   POST /api/cancel   {id} → cancels a running call (it still answers: CANCELLED, or its value if it had finished)
//   GET  /api/file/<id> a file an export produced (token in X-Ankang-Token or ?token=), then released
//   GET  /…            the built renderer, compressed and cached (see web.ts)
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { JobProgress } from '../../shared/bridge';
import { CHANNELS, contract, isChannel } from '../../shared/contract';
import type { AppErrorData, Result } from '../../shared/result';
import type { Core, Session } from '../core/core';
import { formatBytes } from '../core/kernel/inputSize';
import { log } from '../core/log';
import { term } from '../../shared/glossary';
import { AppError } from '../../shared/result';
import { errorText as recoveryErrorText, RECOVER_JS, recoverFromBackup, recoveryPage, type RecoveryOptions } from './recovery';
import { CSP, pickEncoding, safeJoin, StaticFiles, type Asset } from './web';

export { CSP, safeJoin };

/**
 * The most a call's body may hold: its channel's input bound (shared/kernel/channel.ts: maxInput) plus room for the
 * envelope and JSON escapes. The renderer names the channel in X-Ankang-Channel, so a photo or a form is held to its own
 * bound while the body comes in; without it the largest bound applies (dispatch still checks the channel's own).
 */
export function bodyLimit(channel: unknown): { bound: number; limit: number } {
  const bound = isChannel(channel) ? contract[channel].maxInput : MAX_INPUT;
  return { bound, limit: bound + Math.max(4096, Math.ceil(bound / 8)) };
}
const MAX_INPUT = Math.max(...CHANNELS.map((c) => contract[c].maxInput));
const CONTROL_BODY = { bound: 1024, limit: 4096 };
const NDJSON = 'application/x-ndjson';
const FILE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CALL_ID = /^[1-9]\d{0,15}$/;

export interface BrowserHostOptions {
  /** null: the store could not be opened — the host serves the recovery page (recovery.ts) until a backup is restored */
  core: Pick<Core, 'dispatch' | 'files'> | null;
  /** with core null: how to restore and open, and whom to tell about the core that then opened */
  recovery?: RecoveryOptions & { onCore(core: Core): void };
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  url: string; // includes the token in the fragment
  origin: string;
  token: string;
  port: number;
  /** resolves once every renderer file is read and compressed (until then a file may go out uncompressed) */
  warmed: Promise<void>;
  /**
   * The open store turned out damaged (its background integrity check failed): from now on the host answers with the
   * recovery page (needs `recovery` options) and the API refuses with the error, which sends the renderer there.
   */
  enterRecovery(error: AppErrorData): void;
  close(): Promise<void>;
}

/** Headers on every reply. */
const BASE_HEADERS: [string, string][] = [
  ['Content-Security-Policy', CSP],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];
const JSON_TYPE = 'application/json; charset=utf-8';

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name (Chinese file names). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** a tab's session key: random, URL-safe, 16–64 characters */
const SESSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;
const MAX_SESSIONS = 256;

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  // One sign-in per browser tab: the renderer sends a random key of its tab (X-Ankang-Session, kept in the tab's
  // sessionStorage), so two tabs or two browsers on the same host never act as each other's operator. Callers
  // without a key (scripts, the bench) share one session of their own.
  const scriptSession: Session = { operatorId: null };
  const sessions = new Map<string, Session>();
  const sessionOf = (req: http.IncomingMessage): Session | null => {
    const key = req.headers['x-ankang-session'];
    if (key === undefined) return scriptSession;
    if (typeof key !== 'string' || !SESSION_KEY.test(key)) return null;
    let s = sessions.get(key);
    if (s) {
      // most recently used last: eviction forgets the tabs idle longest, never an active one
      sessions.delete(key);
      sessions.set(key, s);
    } else {
      s = { operatorId: null };
      sessions.set(key, s);
      // bounded: the oldest tabs' sign-ins are forgotten first (they sign in again)
      while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    }
    return s;
  };
  let current = opts.core;
  /** the open core (only used once `current` is set: requests meet the recovery page until then) */
  const core: Pick<Core, 'dispatch' | 'files'> = {
    dispatch: (...a) => current!.dispatch(...a),
    get files() {
      return current!.files;
    },
  };
  const statics = new StaticFiles(opts.rendererDir);
  const warmed = statics.warm().catch((e: unknown) => log('warn', 'browser host: could not pre-read the renderer', e));
  /** running calls that carry an id (X-Ankang-Call), for /api/cancel */
  const jobs = new Map<string, AbortController>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const tokenOk = (given: unknown): boolean =>
    typeof given === 'string' && given.length === token.length && timingSafeEqual(Buffer.from(given), tokenBuf);

  /**
   * A JSON reply. Its headers are the few a JSON reply needs (the page's own headers — CSP, COOP, referrer policy —
   * govern documents, and the API is never one: nosniff keeps it from being read as one): every call parses them.
   * The text is written as it is, encoded once by the socket; Content-Length is its UTF-8 length.
   */
  const sendJson = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, ['Content-Type', JSON_TYPE, 'Content-Length', String(Buffer.byteLength(body, 'utf8')), 'Cache-Control', 'no-store', 'X-Content-Type-Options', 'nosniff']);
    res.end(body, 'utf8');
  };
  const fail = (res: http.ServerResponse, status: number, code: string, message: string) =>
    sendJson(res, status, JSON.stringify({ ok: false, error: { code, message } }));

  /**
   * The typed answer to a body over its bound. The rest of the body is still read (and dropped): a browser whose upload
   * is cut off reports a network error instead of this answer.
   */
  const tooLarge = (res: http.ServerResponse, bound: number) => {
    sendJson(
      res,
      413,
      JSON.stringify({
        ok: false,
        error: { code: 'VALIDATION', message: 'err.input.tooLarge', details: { reason: 'TOO_LARGE', limit: formatBytes(bound), maxBytes: bound, issues: [{ path: '', message: 'v.tooLarge' }] } },
      }),
    );
  };

  /** Collects a JSON body (at most `max.limit` bytes) and parses it; answers the error itself on failure. */
  const readJson = (req: http.IncomingMessage, res: http.ServerResponse, max: { bound: number; limit: number }, onBody: (body: Record<string, unknown>) => void) => {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return fail(res, 415, 'VALIDATION', 'JSON only');
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max.limit) {
      tooLarge(res, max.bound);
      return void req.resume();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      if (aborted) return;
      size += c.length;
      if (size > max.limit) {
        aborted = true;
        chunks.length = 0;
        tooLarge(res, max.bound);
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (aborted) return;
      let body: unknown;
      try {
        body = JSON.parse((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8'));
      } catch {
        return fail(res, 400, 'VALIDATION', 'body is not JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail(res, 400, 'VALIDATION', 'body must be an object');
      onBody(body as Record<string, unknown>);
    });
  };

  const internal = (res: http.ServerResponse) => (e: unknown) => {
    log('error', 'dispatch failed', e);
    if (!res.headersSent) fail(res, 500, 'INTERNAL', 'internal error');
    else res.destroy();
  };

  const handleCall = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const session = sessionOf(req);
    if (!session) return fail(res, 400, 'VALIDATION', 'bad X-Ankang-Session');
    const rawId = req.headers['x-ankang-call'];
    const limit = bodyLimit(req.headers['x-ankang-channel']);
    if (rawId !== undefined && (typeof rawId !== 'string' || !CALL_ID.test(rawId))) return fail(res, 400, 'VALIDATION', 'bad X-Ankang-Call');
    if (rawId === undefined) {
      // the common case: no progress, no cancel — nothing but dispatch and one JSON reply
      readJson(req, res, limit, (body) => {
        core.dispatch(body.channel, body.input, session).then((r) => sendJson(res, 200, JSON.stringify(r)), internal(res));
      });
      return;
    }
    if (jobs.has(rawId)) return fail(res, 409, 'CONFLICT', 'call id in use');
    // registered before the body is read: a cancel that arrives while a large upload is still coming is not lost
    const ac = new AbortController();
    jobs.set(rawId, ac);
    // the page went away (tab closed, request aborted): stop the job
    res.on('close', () => {
      if (!res.writableFinished) ac.abort();
      if (jobs.get(rawId) === ac) jobs.delete(rawId);
    });
    readJson(req, res, limit, (body) => {
      const stream = (req.headers.accept ?? '').includes(NDJSON);
      let progress: ((p: JobProgress) => void) | undefined;
      if (stream) {
        res.writeHead(200, [...BASE_HEADERS, ['Content-Type', `${NDJSON}; charset=utf-8`], ['Cache-Control', 'no-store'], ['X-Accel-Buffering', 'no']]);
        progress = (p) => {
          if (!res.writableEnded) res.write(`${JSON.stringify({ t: 'progress', progress: p })}\n`);
        };
      }
      core.dispatch(body.channel, body.input, session, { signal: ac.signal, progress }).then((r: Result<unknown>) => {
        if (jobs.get(rawId) === ac) jobs.delete(rawId);
        if (stream) res.end(`${JSON.stringify({ t: 'result', result: r })}\n`);
        else sendJson(res, 200, JSON.stringify(r));
      }, internal(res));
    });
  };

  const handleCancel = (req: http.IncomingMessage, res: http.ServerResponse) =>
    readJson(req, res, CONTROL_BODY, (body) => {
      const id = typeof body.id === 'number' && Number.isSafeInteger(body.id) && body.id > 0 ? String(body.id) : null;
      if (!id) return fail(res, 400, 'VALIDATION', 'id must be a positive integer');
      const ac = jobs.get(id);
      ac?.abort();
      sendJson(res, 200, JSON.stringify({ ok: true, value: { cancelled: Boolean(ac) } }));
    });

  const handleFile = (req: http.IncomingMessage, res: http.ServerResponse, fileId: string, query: URLSearchParams) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'METHOD', 'GET only');
    if (!tokenOk(req.headers['x-ankang-token'] ?? query.get('token'))) return fail(res, 401, 'UNAUTHENTICATED', 'missing or wrong token');
    if (!FILE_ID.test(fileId)) return fail(res, 404, 'NOT_FOUND', 'no such file');
    let entry: ReturnType<typeof core.files.get>;
    let size: number;
    try {
      entry = core.files.get(fileId);
      size = fs.statSync(entry.path).size;
    } catch {
      return fail(res, 404, 'NOT_FOUND', 'no such file');
    }
    res.writeHead(200, [
      ...BASE_HEADERS,
      ['Content-Type', entry.mime],
      ['Content-Length', String(size)],
      ['Content-Disposition', contentDisposition(entry.fileName)],
      ['Cache-Control', 'no-store'],
    ]);
    if (req.method === 'HEAD') return res.end();
    const rs = fs.createReadStream(entry.path);
    rs.on('error', (e) => {
      log('error', 'browser host: reading an output file failed', e);
      res.destroy();
    });
    // delivered: the file is the browser's now. An aborted download keeps it (the core sweeps it within the hour).
    res.on('finish', () => core.files.release(fileId));
    // an aborted download closes the file too (pipe alone would keep it open)
    res.on('close', () => rs.destroy());
    rs.pipe(res);
  };

  const sendAsset = (req: http.IncomingMessage, res: http.ServerResponse, a: Asset) => {
    const headers: [string, string][] = [...BASE_HEADERS, ['Cache-Control', a.cacheControl], ['ETag', a.etag]];
    if (a.gzip || a.br) headers.push(['Vary', 'Accept-Encoding']);
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === a.etag || t.trim() === a.etag.slice(2))) {
      res.writeHead(304, headers);
      return res.end();
    }
    const enc = pickEncoding(req.headers['accept-encoding'] as string | undefined);
    const body = enc === 'br' && a.br ? a.br : (enc === 'br' || enc === 'gzip') && a.gzip ? a.gzip : a.identity;
    if (body !== a.identity) headers.push(['Content-Encoding', body === a.br ? 'br' : 'gzip']);
    headers.push(['Content-Type', a.type], ['Content-Length', String(body.length)]);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handleStatic = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'METHOD', 'GET only');
    const file = safeJoin(opts.rendererDir, pathname === '/' ? '/index.html' : pathname);
    if (!file) return fail(res, 403, 'FORBIDDEN', 'path not allowed');
    let a = await statics.get(file);
    if (!a) {
      const st = await fs.promises.stat(file).catch(() => null);
      if (st?.isFile()) {
        // too large to keep in memory: stream it as it is
        res.writeHead(200, [...BASE_HEADERS, ['Content-Type', 'application/octet-stream'], ['Content-Length', String(st.size)], ['Cache-Control', 'no-cache']]);
        if (req.method === 'HEAD') return res.end();
        return void fs.createReadStream(file).pipe(res);
      }
      // client-side routes fall back to the app shell; missing assets are 404s
      if (path.extname(file)) return fail(res, 404, 'NOT_FOUND', 'not found');
      a = await statics.get(path.join(opts.rendererDir, 'index.html'));
      if (!a) return fail(res, 404, 'NOT_FOUND', 'not found');
    }
    sendAsset(req, res, a);
  };

  let recovering = false;
  /** No store open: the recovery page, its script, and POST /api/recover (token, same origin); the rest waits. */
  const handleRecovery = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const rec = opts.recovery;
    const url = req.url ?? '/';
    const pathname = url.split('?')[0]!;
    if (!rec) return fail(res, 503, 'INTERNAL', 'err.internal');
    if (pathname === '/api/recover') {
      const site = req.headers['sec-fetch-site'];
      if (site === 'cross-site' || site === 'same-site') return fail(res, 403, 'FORBIDDEN', 'cross-site request');
      if (req.method !== 'POST') return fail(res, 405, 'METHOD', 'POST only');
      if (!tokenOk(req.headers['x-ankang-token'])) return fail(res, 401, 'UNAUTHENTICATED', 'missing or wrong token');
      return readJson(req, res, CONTROL_BODY, (body) => {
        if (recovering) return fail(res, 409, 'CONFLICT', 'a restore is running');
        recovering = true;
        recoverFromBackup(rec, body.name).then(
          (r) => {
            current = r.core;
            rec.onCore(r.core);
            const vars = { enterprise: r.enterprise ?? '—', workers: r.workers };
            const message = `${term('recover.done', 'zh-CN', vars)} / ${term('recover.done', 'en', vars)}`;
            sendJson(res, 200, JSON.stringify({ ok: true, value: { enterprise: r.enterprise, workers: r.workers, message } }));
          },
          (e: unknown) => {
            recovering = false;
            if (!(e instanceof AppError)) log('error', 'browser host: restore from the recovery page failed', e);
            sendJson(res, 200, JSON.stringify({ ok: false, error: recoveryErrorText(e) }));
          },
        );
      });
    }
    if (pathname.startsWith('/api/')) {
      // the renderer reloads on a recoverable error and meets this page
      return sendJson(res, 503, JSON.stringify({ ok: false, error: { code: 'BAD_FILE', message: rec.error.message, details: { ...rec.error.details, recoverable: true, storeFailed: true } } }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'METHOD', 'GET only');
    const isJs = pathname === '/recover.js';
    const body = Buffer.from(isJs ? RECOVER_JS : recoveryPage(rec), 'utf8');
    res.writeHead(200, [
      ...BASE_HEADERS,
      ['Content-Type', isJs ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8'],
      ['Content-Length', String(body.length)],
      ['Cache-Control', 'no-store'],
    ]);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = http.createServer({ noDelay: true, keepAlive: true }, (req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return fail(res, 403, 'FORBIDDEN', 'host not allowed');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return fail(res, 403, 'FORBIDDEN', 'origin not allowed');
    if (!current) return handleRecovery(req, res);
    const url = req.url ?? '/';

    if (url === '/api/call') {
      if (req.method !== 'POST') return fail(res, 405, 'METHOD', 'POST only');
      if (!tokenOk(req.headers['x-ankang-token'])) return fail(res, 401, 'UNAUTHENTICATED', 'missing or wrong token');
      return handleCall(req, res);
    }
    if (url.startsWith('/api/')) {
      // a page of another site may not even try (defence in depth beside the token and Origin checks)
      const site = req.headers['sec-fetch-site'];
      if (site === 'cross-site' || site === 'same-site') return fail(res, 403, 'FORBIDDEN', 'cross-site request');
      const q = url.indexOf('?');
      const pathname = q < 0 ? url : url.slice(0, q);
      if (pathname === '/api/cancel') {
        if (req.method !== 'POST') return fail(res, 405, 'METHOD', 'POST only');
        if (!tokenOk(req.headers['x-ankang-token'])) return fail(res, 401, 'UNAUTHENTICATED', 'missing or wrong token');
        return handleCancel(req, res);
      }
      if (pathname.startsWith('/api/file/')) return handleFile(req, res, pathname.slice('/api/file/'.length), new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
      return fail(res, 404, 'NOT_FOUND', 'no such endpoint');
    }
    handleStatic(req, res, url).catch(internal(res));
  });
  // keep connections open between calls (a new TCP connection per call costs more than the call)
  server.keepAliveTimeout = 65_000;
  // bounded: one page needs a handful of connections; a client that trickles a large body in holds one for at most
  // two minutes (the largest upload over loopback takes well under a second)
  server.maxConnections = 64;
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

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
    warmed,
    enterRecovery: (error) => {
      if (!opts.recovery) throw new Error('enterRecovery needs the recovery options');
      opts.recovery.error = error;
      recovering = false;
      current = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ac of jobs.values()) ac.abort();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
