// The relay between the Electron main process and the core process (an Electron utility process, as Actual
// Budget runs its server). Plain Node, no electron import: the same code runs over Node's child_process.fork in
// the tests. Messages are structured-cloned; every one carries a type tag `t`.
import type { JobProgress } from '../../shared/bridge';
import type { AppErrorData, Result } from '../../shared/result';

/** main → core */
export type ToCore =
  /** a contract call on behalf of one window (sessionKey = its webContents id) */
  | { t: 'call'; id: number; channel: string; input: unknown; sessionKey: string; progress: boolean }
  | { t: 'cancel'; id: number }
  /** where a produced file lies (main copies it to where the user chose), or drop it */
  | { t: 'file'; id: number; op: 'get' | 'release'; fileId: string }
  /** a window closed: forget its sign-in */
  | { t: 'endSession'; sessionKey: string }
  /** close the store (PRAGMA optimize, WAL checkpoint) and exit */
  | { t: 'shutdown' };

/** core → main */
export type FromCore =
  | { t: 'ready'; pid: number; schemaVersion: number }
  /** the store could not be opened (newer schema, locked, corrupt…): main shows the error and quits */
  | { t: 'fatal'; error: AppErrorData }
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'progress'; id: number; progress: JobProgress }
  | { t: 'closed' };

/** What main learns about a produced file before it copies it. */
export interface FileInfo {
  path: string;
  fileName: string;
  mime: string;
  bytes: number;
}

/** One end of a message channel. */
export interface Port {
  postMessage(msg: unknown): void;
  onMessage(listener: (msg: unknown) => void): void;
}

/** main's handle on the core process. */
export interface ChildEndpoint extends Port {
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

// ---- adapters (duck-typed so this file needs neither electron nor child_process types at run time) ----

/** Electron's UtilityProcess (main side). */
export function utilityProcessEndpoint(up: {
  postMessage(msg: unknown): void;
  on(ev: 'message', l: (msg: unknown) => void): unknown;
  on(ev: 'exit', l: (code: number) => void): unknown;
  kill(): boolean;
}): ChildEndpoint {
  return {
    postMessage: (m) => {
      try {
        up.postMessage(m);
      } catch {
        /* the process is gone: its 'exit' event tells the client */
      }
    },
    onMessage: (l) => void up.on('message', l),
    onExit: (l) => void up.on('exit', (code: number) => l(code, null)),
    kill: () => void up.kill(),
  };
}

/** Node's ChildProcess from child_process.fork (main side in tests; use serialization: 'advanced'). */
export function childProcessEndpoint(cp: import('node:child_process').ChildProcess): ChildEndpoint {
  return {
    postMessage: (m) => {
      // the child may exit between the check and the write: with a callback, a failed send (EPIPE) is reported there
      // instead of being thrown later as an uncaught exception; the 'exit' event tells the client what happened
      if (cp.connected) cp.send(m as never, (err) => void err);
    },
    onMessage: (l) => void cp.on('message', l),
    onExit: (l) => void cp.on('exit', (code, signal) => l(code, signal)),
    kill: () => void cp.kill(),
  };
}

/** Inside the core process: Electron's process.parentPort, else Node's process.send (child_process.fork). */
export function parentEndpoint(proc: NodeJS.Process = process): Port {
  const pp = (proc as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (pp) {
    return {
      postMessage: (m) => pp.postMessage(m),
      onMessage: (l) => void pp.on('message', (e: { data: unknown }) => l(e.data)),
    };
  }
  if (typeof proc.send === 'function') {
    return {
      postMessage: (m) => {
        if (proc.connected) proc.send!(m as never);
      },
      onMessage: (l) => void proc.on('message', l),
    };
  }
  throw new Error('the core process was started without a message channel (use utilityProcess.fork or child_process.fork)');
}

interface ElectronParentPort {
  postMessage(msg: unknown): void;
  on(ev: 'message', l: (e: { data: unknown }) => void): unknown;
}

// ---- message checks (main is trusted, but a malformed message must never crash the core) ----

export function isToCore(m: unknown): m is ToCore {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  switch (x.t) {
    case 'call':
      return Number.isSafeInteger(x.id) && typeof x.channel === 'string' && typeof x.sessionKey === 'string';
    case 'cancel':
      return Number.isSafeInteger(x.id);
    case 'file':
      return Number.isSafeInteger(x.id) && (x.op === 'get' || x.op === 'release') && typeof x.fileId === 'string';
    case 'endSession':
      return typeof x.sessionKey === 'string';
    case 'shutdown':
      return true;
    default:
      return false;
  }
}

export function isFromCore(m: unknown): m is FromCore {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  switch (x.t) {
    case 'ready':
      return typeof x.pid === 'number';
    case 'fatal':
      return typeof x.error === 'object' && x.error !== null;
    case 'result':
      return Number.isSafeInteger(x.id) && typeof x.result === 'object' && x.result !== null;
    case 'progress':
      return Number.isSafeInteger(x.id) && typeof x.progress === 'object' && x.progress !== null;
    case 'closed':
      return true;
    default:
      return false;
  }
}
