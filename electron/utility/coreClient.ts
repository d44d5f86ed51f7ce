// Main's side of the relay: sends contract calls to the core process and matches the answers, forwards progress,
// cancels, and turns a dead core into typed errors instead of calls that never settle. Plain Node.
import type { JobProgress } from '../../shared/bridge';
import type { AppErrorData, Result } from '../../shared/result';
import { isFromCore, type ChildEndpoint, type FileInfo, type FromCore, type ToCore } from './protocol';

/** The core process could not open the store, or ended. `data` crosses to the renderer as an error result. */
export class CoreProcessError extends Error {
  constructor(
    readonly reason: 'startup-failed' | 'exited',
    readonly data: AppErrorData,
  ) {
    super(data.message);
    this.name = 'CoreProcessError';
  }
}

export interface ExitInfo {
  code: number | null;
  signal: string | null;
  /** true when main asked for it (shutdown), false for a crash */
  expected: boolean;
}

export interface RelayCallOptions {
  onProgress?(p: JobProgress): void;
  signal?: AbortSignal;
}

interface Pending {
  resolve(r: Result<unknown>): void;
  onProgress?(p: JobProgress): void;
  cleanup?(): void;
}

/** The error result every call gets once the core process is gone. */
export function coreExitedError(exit: Omit<ExitInfo, 'expected'>): AppErrorData {
  return { code: 'INTERNAL', message: 'err.core.exited', details: { reason: 'core-exited', exitCode: exit.code, signal: exit.signal } };
}

export class CoreClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private exitInfo: ExitInfo | null = null;
  private shuttingDown = false;
  private readyPromise: Promise<{ pid: number; schemaVersion: number }>;
  private exitListeners: ((e: ExitInfo) => void)[] = [];

  constructor(private readonly child: ChildEndpoint) {
    let readyResolve!: (v: { pid: number; schemaVersion: number }) => void;
    let readyReject!: (e: CoreProcessError) => void;
    let started = false;
    this.readyPromise = new Promise((res, rej) => {
      readyResolve = res;
      readyReject = rej;
    });
    // nobody may be awaiting ready() when the process dies later
    this.readyPromise.catch(() => undefined);

    child.onMessage((raw) => {
      if (!isFromCore(raw)) return;
      const m: FromCore = raw;
      switch (m.t) {
        case 'ready':
          started = true;
          readyResolve({ pid: m.pid, schemaVersion: m.schemaVersion });
          return;
        case 'fatal':
          readyReject(new CoreProcessError('startup-failed', m.error));
          this.shuttingDown = true;
          child.kill();
          return;
        case 'result': {
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          p.cleanup?.();
          p.resolve(m.result);
          return;
        }
        case 'progress':
          this.pending.get(m.id)?.onProgress?.(m.progress);
          return;
        case 'closed':
          // the store is closed; the exit follows
          return;
      }
    });
    child.onExit((code, signal) => {
      const info: ExitInfo = { code, signal, expected: this.shuttingDown };
      this.exitInfo = info;
      if (!started) {
        readyReject(new CoreProcessError('startup-failed', { code: 'INTERNAL', message: 'err.core.startFailed', details: { reason: 'core-exited', exitCode: code, signal } }));
      }
      const err = coreExitedError(info);
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.cleanup?.();
        p.resolve({ ok: false, error: err });
      }
      for (const l of this.exitListeners) l(info);
    });
  }

  /** Resolves when the store is open; rejects with CoreProcessError('startup-failed') when it cannot be. */
  ready(): Promise<{ pid: number; schemaVersion: number }> {
    return this.readyPromise;
  }

  get alive(): boolean {
    return this.exitInfo === null;
  }

  /** Listens for the end of the core process (crash or shutdown). */
  onExit(listener: (e: ExitInfo) => void): void {
    this.exitListeners.push(listener);
  }

  /** A contract call for one window's session. Always resolves with a result; never rejects. */
  call(channel: string, input: unknown, sessionKey: string, opts: RelayCallOptions = {}): Promise<Result<unknown>> {
    if (this.exitInfo) return Promise.resolve({ ok: false, error: coreExitedError(this.exitInfo) });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const pending: Pending = { resolve, onProgress: opts.onProgress };
      const signal = opts.signal;
      if (signal) {
        // a cancelled call still waits for the core's answer: CANCELLED, or the value when it had finished
        const onAbort = () => this.send({ t: 'cancel', id });
        signal.addEventListener('abort', onAbort, { once: true });
        pending.cleanup = () => signal.removeEventListener('abort', onAbort);
      }
      this.pending.set(id, pending);
      this.send({ t: 'call', id, channel, input, sessionKey, progress: Boolean(opts.onProgress) });
      if (signal?.aborted) this.send({ t: 'cancel', id });
    });
  }

  /** Where a produced file lies, so main can copy it where the user chose. */
  async fileInfo(fileId: string): Promise<Result<FileInfo>> {
    return (await this.request({ t: 'file', op: 'get', fileId })) as Result<FileInfo>;
  }

  /** Drops a produced file once main has copied it (or the user declined to save it). */
  async releaseFile(fileId: string): Promise<Result<unknown>> {
    return this.request({ t: 'file', op: 'release', fileId });
  }

  /** Forgets a window's sign-in (its webContents closed). */
  endSession(sessionKey: string): void {
    if (this.alive) this.send({ t: 'endSession', sessionKey });
  }

  /** Asks the core to close the store and exit; kills it when it has not exited within timeoutMs. */
  shutdown(timeoutMs = 5000): Promise<void> {
    if (!this.alive) return Promise.resolve();
    this.shuttingDown = true;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, timeoutMs);
      this.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      this.send({ t: 'shutdown' });
    });
  }

  private request(msg: Omit<Extract<ToCore, { t: 'file' }>, 'id'>): Promise<Result<unknown>> {
    if (this.exitInfo) return Promise.resolve({ ok: false, error: coreExitedError(this.exitInfo) });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.send({ ...msg, id });
    });
  }

  private send(m: ToCore) {
    try {
      this.child.postMessage(m);
    } catch {
      /* the exit handler settles what is pending */
    }
  }
}
