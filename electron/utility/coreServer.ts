// The core process's side of the relay: opens the core, answers calls per window session, forwards progress,
// honours cancels, hands produced files to main. Plain Node (no electron import).
import type { JobProgress } from '../../shared/bridge';
import { AppError, type AppErrorData, type Result } from '../../shared/result';
import type { CallOptions } from '../core/kernel/jobs';
import { log } from '../core/log';
import { isToCore, type FileInfo, type FromCore, type Port, type ToCore } from './protocol';

/** What the relay needs of a core (Core satisfies it; tests may wrap one). */
export interface ServedCore {
  readonly schemaVersion: number;
  dispatch(channel: unknown, input: unknown, session: { operatorId: string | null }, opts?: CallOptions): Promise<Result<unknown>>;
  files: { get(id: string): FileInfo; release(id: string): void };
  close(): void;
}

export interface ServeOptions {
  /** how the process ends (process.exit in the real entry) */
  exit(code: number): void;
  /** called when the parent's channel goes away (Node fork: 'disconnect') */
  onParentGone?(listener: () => void): void;
}

/** An error thrown while opening the store, as data main can show. */
export function startupError(e: unknown): AppErrorData {
  if (e instanceof AppError) return e.toData();
  const err = e as { code?: unknown; message?: unknown };
  return {
    code: 'INTERNAL',
    message: typeof err?.message === 'string' && err.message ? err.message : String(e),
    details: typeof err?.code === 'string' ? { cause: err.code } : undefined,
  };
}

export async function serveCore(port: Port, open: () => Promise<ServedCore>, opts: ServeOptions): Promise<void> {
  const post = (m: FromCore) => port.postMessage(m);
  const sessions = new Map<string, { operatorId: string | null }>();
  const running = new Map<number, AbortController>();
  let core: ServedCore | null = null;
  let closing = false;

  const shutdown = (code: number) => {
    if (closing) return;
    closing = true;
    for (const c of running.values()) c.abort();
    try {
      core?.close();
    } catch (e) {
      log('error', 'closing the store failed', e);
    }
    core = null;
    post({ t: 'closed' });
    // let the 'closed' message leave before the process ends
    setTimeout(() => opts.exit(code), 20);
  };
  opts.onParentGone?.(() => shutdown(0));

  // listen before opening: a shutdown may arrive while the store is still migrating
  const early: ToCore[] = [];
  port.onMessage((m) => {
    if (!isToCore(m)) {
      log('warn', 'core relay: ignored a malformed message');
      return;
    }
    if (!core) {
      if (m.t === 'shutdown') shutdown(0);
      else early.push(m);
      return;
    }
    handle(core, m);
  });

  try {
    core = await open();
  } catch (e) {
    post({ t: 'fatal', error: startupError(e) });
    // main kills us once it has the message; should it not, do not linger
    setTimeout(() => opts.exit(1), 2000);
    closing = true;
    return;
  }
  if (closing) {
    core.close();
    core = null;
    return;
  }
  post({ t: 'ready', pid: process.pid, schemaVersion: core.schemaVersion });
  for (const m of early.splice(0)) handle(core, m);

  function handle(c: ServedCore, m: ToCore) {
    switch (m.t) {
      case 'call': {
        let session = sessions.get(m.sessionKey);
        if (!session) {
          session = { operatorId: null };
          sessions.set(m.sessionKey, session);
        }
        const ac = new AbortController();
        running.set(m.id, ac);
        const progress = m.progress ? (p: JobProgress) => post({ t: 'progress', id: m.id, progress: p }) : undefined;
        c.dispatch(m.channel, m.input, session, { progress, signal: ac.signal })
          .catch((e: unknown): Result<unknown> => {
            log('error', `core relay: ${m.channel} threw past dispatch`, e);
            return { ok: false, error: { code: 'INTERNAL', message: 'err.internal' } };
          })
          .then((result) => {
            running.delete(m.id);
            post({ t: 'result', id: m.id, result });
          });
        return;
      }
      case 'cancel':
        running.get(m.id)?.abort();
        return;
      case 'file': {
        let result: Result<unknown>;
        try {
          if (m.op === 'get') {
            const f = c.files.get(m.fileId);
            result = { ok: true, value: { path: f.path, fileName: f.fileName, mime: f.mime, bytes: f.bytes } satisfies FileInfo };
          } else {
            c.files.release(m.fileId);
            result = { ok: true, value: null };
          }
        } catch (e) {
          result = { ok: false, error: e instanceof AppError ? e.toData() : { code: 'INTERNAL', message: 'err.internal' } };
        }
        post({ t: 'result', id: m.id, result });
        return;
      }
      case 'endSession':
        sessions.delete(m.sessionKey);
        return;
      case 'shutdown':
        shutdown(0);
        return;
    }
  }
}
