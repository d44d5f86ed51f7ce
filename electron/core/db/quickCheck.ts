// PRAGMA quick_check of a whole store off the calling thread. It reads every page: ~2 s for a store of 100,000
// hazards (600+ MB), far over the first screen's budget, so a store that needs no migration opens at once and the
// check runs on a worker thread with its own read-only connection; the core holds every call that may write until it
// passes (Core.dispatch, Channel.early). A store about to be migrated is checked before, on the calling thread.
import { Worker } from 'node:worker_threads';
import { log } from '../log';
import type { DB } from './store';

/** What quick_check reported: its lines other than 'ok' (at most `limit`), or the error that stopped it. */
export interface QuickCheckOutcome {
  lines: string[];
  error: { code: string; message: string } | null;
}

const LIMIT = 20;

/** On this thread, on an open connection. */
export function quickCheckHere(db: DB, limit = LIMIT): QuickCheckOutcome {
  try {
    const rows = db.pragma(`quick_check(${limit})`, { simple: false }) as Record<string, string>[];
    return { lines: rows.map((r) => String(Object.values(r)[0])).filter((l) => l !== 'ok'), error: null };
  } catch (e) {
    return { lines: [], error: errorOf(e) };
  }
}

function errorOf(e: unknown): { code: string; message: string } {
  const x = e as { code?: unknown; message?: unknown };
  return { code: String(x?.code ?? ''), message: String(x?.message ?? e).slice(0, 300) };
}

// The worker's whole program. It is given the driver's resolved path: the worker is started from source text (the
// hosts are single-file bundles) and must load the same better-sqlite3 the app loaded.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let out;
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('query_only = ON');
    const rows = db.pragma('quick_check(' + workerData.limit + ')', { simple: false });
    out = { lines: rows.map((r) => String(Object.values(r)[0])).filter((l) => l !== 'ok'), error: null };
  } finally {
    db.close();
  }
} catch (e) {
  out = { lines: [], error: { code: String((e && e.code) || ''), message: String((e && e.message) || e).slice(0, 300) } };
}
parentPort.postMessage(out);
`;

/**
 * quick_check of `file` on a worker thread. Falls back to this thread (`fallback`, an open connection to the same file)
 * when no worker can start, so the check is never skipped.
 */
export function quickCheckInBackground(file: string, fallback: () => DB | null, opts: { limit?: number; signal?: AbortSignal } = {}): Promise<QuickCheckOutcome> {
  const limit = opts.limit ?? LIMIT;
  return new Promise((resolve) => {
    const here = () => {
      const db = fallback();
      resolve(db ? quickCheckHere(db, limit) : { lines: [], error: { code: 'CLOSED', message: 'the store was closed before its check' } });
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file, limit } });
    } catch (e) {
      log('warn', 'integrity check: no worker thread, checking on this thread', e);
      return here();
    }
    let settled = false;
    worker.once('message', (m: QuickCheckOutcome) => {
      settled = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      if (settled) return;
      settled = true;
      log('warn', 'integrity check: the worker failed, checking on this thread', e);
      here();
    });
    worker.once('exit', () => {
      if (!settled) {
        settled = true;
        here();
      }
    });
    // the store is closing: stop the check (it keeps the process alive while it runs, so that a call waiting for it
    // is never dropped by an exiting process)
    opts.signal?.addEventListener(
      'abort',
      () => {
        if (settled) return;
        settled = true;
        resolve({ lines: [], error: { code: 'CLOSED', message: 'the store was closed before its check' } });
        void worker.terminate();
      },
      { once: true },
    );
  });
}
