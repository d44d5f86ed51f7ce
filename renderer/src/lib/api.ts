// The typed client: the renderer's only way to the backend. It does not know which transport it has.
import type { AnkangBridge } from '../../../shared/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { AppErrorData, ErrorCode, Result } from '../../../shared/result';
import type { FieldIssue } from '../../../shared/schemas';

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

export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>;

const TOKEN_KEY = 'ankang.token';

/** Browser host: token from the URL fragment (#token=…), kept in sessionStorage, sent on every call. */
export function httpTransport(): Transport {
  const m = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return async (channel, input) => {
    let res: Response;
    try {
      res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
        body: JSON.stringify({ channel, input }),
      });
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: `NETWORK: ${(e as Error).message}` } };
    }
    try {
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${res.status}` } };
    }
  };
}

let transport: Transport | null = null;
export function setTransport(t: Transport | null) {
  transport = t;
}
function current(): Transport {
  if (!transport) transport = window.ankang ? (c, i) => window.ankang!.call(c, i) : httpTransport();
  return transport;
}

let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

/** Calls a contract channel; resolves with its output or throws ApiError (code, message, field issues). */
export async function call<K extends ChannelName>(channel: K, ...args: undefined extends ChannelInput<K> ? [input?: ChannelInput<K>] : [input: ChannelInput<K>]): Promise<ChannelOutput<K>> {
  const r = await current()(channel, args[0] ?? {});
  if (r.ok) return r.value as ChannelOutput<K>;
  if (r.error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
  throw new ApiError(r.error);
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

export function downloadBase64(fileName: string, mime: string, b64: string) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
