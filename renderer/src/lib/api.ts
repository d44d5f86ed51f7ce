// The typed client: the renderer's only way to the backend. It does not know which transport it has.
import type { AnkangBridge, JobProgress, SaveOutcome } from '../../../shared/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { FileRef } from '../../../shared/files';
import type { AppErrorData, ErrorCode, Result } from '../../../shared/result';
import type { FieldIssue } from '../../../shared/kernel/schemas';

declare global {
  interface Window {
    ankang?: AnkangBridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly details: AppErrorData['details'];
  constructor(e: AppErrorData | { code: 'NETWORK'; message: string; details?: undefined }) {
    super(e.message);
    this.code = e.code;
    this.details = e.details;
  }
  get issues(): FieldIssue[] {
    return this.details?.issues ?? [];
  }
}

/** Options of a long call: follow its progress, cancel it. */
export interface CallOptions {
  onProgress?(p: JobProgress): void;
  /**
   * Aborting asks the core to stop the job. The call still resolves with the core's real answer: CANCELLED when
   * the job stopped (nothing written), or its value when it had already finished.
   */
  signal?: AbortSignal;
}

export type Transport = (channel: string, input: unknown, opts?: CallOptions) => Promise<Result<unknown>>;

const TOKEN_KEY = 'ankang.token';
const NDJSON = 'application/x-ndjson';

/** A call id for progress and cancel: random, so two tabs on one browser host never collide. */
function newCallId(): number {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return (a[0]! % 0x1fffff) * 0x100000000 + a[1]! + 1;
}

function hostToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const TAB_KEY = 'ankang.tab';
/** This tab's own sign-in on the browser host: a random key kept for the tab's life (sessionStorage is per tab). */
function tabSession(): string {
  let k = sessionStorage.getItem(TAB_KEY);
  if (!k || !/^[A-Za-z0-9_-]{16,64}$/.test(k)) {
    const a = new Uint8Array(18);
    crypto.getRandomValues(a);
    k = btoa(String.fromCharCode(...a)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    sessionStorage.setItem(TAB_KEY, k);
  }
  return k;
}

const networkError = (e: unknown): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message: `NETWORK: ${(e as Error)?.message ?? String(e)}` } });

/**
 * Browser host: token from the URL fragment (#token=…), kept in sessionStorage, sent on every call. A call with
 * options carries an id (X-Ankang-Call); with onProgress the reply streams NDJSON progress lines before the result.
 */
export function httpTransport(): Transport {
  const m = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return async (channel, input, opts) => {
    // the channel in a header too: the host holds the body to that channel's size bound while it comes in
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Ankang-Token': hostToken(), 'X-Ankang-Session': tabSession(), 'X-Ankang-Channel': channel };
    let id = 0;
    const signal = opts?.signal;
    const onAbort = () => {
      void fetch('/api/cancel', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': hostToken() }, body: JSON.stringify({ id }) }).catch(() => undefined);
    };
    if (opts?.onProgress || signal) {
      id = newCallId();
      headers['X-Ankang-Call'] = String(id);
      if (opts?.onProgress) headers.Accept = NDJSON;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    let res: Response;
    try {
      res = await fetch('/api/call', { method: 'POST', headers, body: JSON.stringify({ channel, input }) });
    } catch (e) {
      signal?.removeEventListener('abort', onAbort);
      return networkError(e);
    }
    try {
      if (res.ok && res.body && (res.headers.get('content-type') ?? '').startsWith(NDJSON)) return await readNdjson(res.body, opts?.onProgress);
      return (await res.json()) as Result<unknown>;
    } catch (e) {
      return res.ok ? networkError(e) : { ok: false, error: { code: 'INTERNAL', message: `HTTP ${res.status}` } };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };
}

/** Reads {t:'progress'} lines, then the {t:'result'} line. */
async function readNdjson(body: ReadableStream<Uint8Array>, onProgress?: (p: JobProgress) => void): Promise<Result<unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    buf += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (!line) continue;
      const msg = JSON.parse(line) as { t: 'progress'; progress: JobProgress } | { t: 'result'; result: Result<unknown> };
      if (msg.t === 'result') {
        void reader.cancel().catch(() => undefined);
        return msg.result;
      }
      onProgress?.(msg.progress);
    }
    if (done) throw new Error('the reply ended before its result');
  }
}

/** Electron: the preload's bridge; progress arrives through one subscription and is routed by call id. */
export function bridgeTransport(bridge: AnkangBridge): Transport {
  const listeners = new Map<number, (p: JobProgress) => void>();
  let subscribed = false;
  return async (channel, input, opts) => {
    if (!opts?.onProgress && !opts?.signal) return bridge.call(channel, input);
    const id = newCallId();
    if (opts.onProgress) {
      listeners.set(id, opts.onProgress);
      if (!subscribed) {
        subscribed = true;
        bridge.onProgress((callId, p) => listeners.get(callId)?.(p));
      }
    }
    const onAbort = () => bridge.cancel(id);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await bridge.call(channel, input, id);
    } finally {
      listeners.delete(id);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  };
}

let transport: Transport | null = null;
export function setTransport(t: Transport | null) {
  transport = t;
}
function current(): Transport {
  if (!transport) transport = window.ankang ? bridgeTransport(window.ankang) : httpTransport();
  return transport;
}

let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

/**
 * Calls a contract channel; resolves with its output or throws ApiError (code, message, field issues).
 * Long jobs take { onProgress, signal } (see CallOptions); a signal aborted before the call sends nothing.
 */
export async function call<K extends ChannelName>(
  channel: K,
  ...args: undefined extends ChannelInput<K> ? [input?: ChannelInput<K>, opts?: CallOptions] : [input: ChannelInput<K>, opts?: CallOptions]
): Promise<ChannelOutput<K>> {
  const opts = args[1];
  if (opts?.signal?.aborted) throw new ApiError({ code: 'CANCELLED', message: 'err.cancelled' });
  const r = await current()(channel, args[0] ?? {}, opts);
  if (r.ok) return r.value as ChannelOutput<K>;
  if (r.error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
  // the store turned out damaged after it opened: the browser host now serves its recovery page (the desktop app's
  // core process refuses to start instead, and main offers the backups)
  if ((r.error.details as { storeFailed?: boolean } | undefined)?.storeFailed && !window.ankang) window.location.reload();
  throw new ApiError(r.error);
}

/** True for the error a cancelled job ends with (show a quiet note, not an error). */
export function isCancelled(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'CANCELLED';
}

/**
 * Delivers a file an export produced. Desktop app: a save dialog, then main moves the file there
 * ({ saved: false } when the user closes the dialog). Browser host: a download from /api/file/<id>.
 */
export async function saveFile(ref: FileRef): Promise<SaveOutcome> {
  if (window.ankang) {
    const r = await window.ankang.saveFile(ref);
    if (r.ok) return r.value;
    throw new ApiError(r.error);
  }
  const a = document.createElement('a');
  a.href = `/api/file/${encodeURIComponent(ref.fileId)}?token=${encodeURIComponent(hostToken())}`;
  a.download = ref.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return { saved: true, path: null };
}

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = String(reader.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
