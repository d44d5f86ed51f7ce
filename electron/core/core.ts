// The backend core: opens the store, dispatches contract calls to the modules' handlers (electron/core/modules.ts),
// and closes. It imports nothing from electron; the Electron utility process, the browser host and the CLI use it.
import fs from 'node:fs';
import { contract, isChannel } from '../../shared/contract';
import { toFieldIssues } from '../../shared/kernel/schemas';
import type { Operator } from '../../shared/operators/types';
import { AppError, type AppErrorData, type Result } from '../../shared/result';
import { type Actor } from './audit';
import { isInitialized } from './app/setup';
import { LATEST_VERSION, migrate, schemaVersion } from './db/migrations';
import { openDatabase, Store } from './db/store';
import { progressReporter, type CallOptions } from './kernel/jobs';
import type { Ctx, CoreEnv, Session } from './kernel/handlers';
import { OutputFiles } from './kernel/outputFiles';
import { log } from './log';
import { handlers } from './modules';
import { findOperator } from './operators/service';
import { dataPaths } from './paths';

export const APP_VERSION = '0.1.0';
export type { Ctx, Session };

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'browser' | 'cli' | 'test';
}

export class Core {
  readonly paths: ReturnType<typeof dataPaths>;
  /** files produced for the user, delivered by the host (see kernel/outputFiles) */
  readonly files: OutputFiles;
  readonly env: CoreEnv;
  private readonly state = new Map<string, unknown>();

  private constructor(
    readonly store: Store,
    readonly opts: CoreOptions,
  ) {
    this.paths = dataPaths(opts.dataDir);
    this.files = new OutputFiles(this.paths.exports);
    this.env = {
      store,
      paths: this.paths,
      files: this.files,
      host: opts.host,
      version: APP_VERSION,
      schemaVersion: () => schemaVersion(store.db),
      state: <T>(key: string, init: () => T): T => {
        if (!this.state.has(key)) this.state.set(key, init());
        return this.state.get(key) as T;
      },
    };
  }

  /** Opens (creating if needed) and migrates the store in dataDir. */
  static async open(opts: CoreOptions): Promise<Core> {
    const p = dataPaths(opts.dataDir);
    fs.mkdirSync(p.dataDir, { recursive: true });
    const db = openDatabase(p.db);
    try {
      await migrate(db, { backupDir: p.backups });
    } catch (e) {
      db.close();
      throw e;
    }
    return new Core(new Store(db), opts);
  }

  get schemaVersion(): number {
    return schemaVersion(this.store.db);
  }

  initialized(): boolean {
    return isInitialized(this.store);
  }

  /**
   * The one entry point for every call from a host. Unknown channels, bad input, missing sign-in and
   * thrown errors all come back as data: { ok: false, error: { code, message (a message key), details } }.
   */
  async dispatch(channel: unknown, rawInput: unknown, session: Session, callOpts?: CallOptions): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      // never String() an arbitrary value here: an object with a bad toString would throw
      const name = typeof channel === 'string' ? channel.slice(0, 80) : `(${typeof channel})`;
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'err.unknownChannel', details: { channel: name } } };
    }
    const def = contract[channel];
    let parsed;
    try {
      parsed = def.input.safeParse(rawInput === null ? undefined : rawInput);
    } catch {
      // a refinement that throws on hostile input is still bad input, never an internal error
      return { ok: false, error: { code: 'VALIDATION', message: 'err.validation', details: { issues: [{ path: '', message: 'v.invalid' }] } } };
    }
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'err.validation', details: { issues: toFieldIssues(parsed.error) } } };
    }
    // a job cancelled before it started never runs
    if (callOpts?.signal?.aborted) return { ok: false, error: { code: 'CANCELLED', message: 'err.cancelled' } };
    try {
      let operator: Operator | null = null;
      if (session.operatorId) {
        operator = findOperator(this.store, session.operatorId);
        if (!operator) session.operatorId = null;
      }
      if (def.auth && !operator) throw new AppError('UNAUTHENTICATED', 'err.signInFirst');
      if (def.admin && !operator?.isAdmin) throw new AppError('FORBIDDEN', 'err.adminOnly');
      const actor: Actor = operator ? { id: operator.id, name: operator.name } : { id: null, name: '系统' };
      const ctx: Ctx = { store: this.store, session, operator, actor, job: progressReporter(callOpts), env: this.env };
      const handler = handlers[channel] as (i: unknown, c: Ctx) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorData(e, channel) };
    }
  }

  close(): void {
    this.files.releaseAll();
    this.store.close();
  }
}

export function toErrorData(e: unknown, channel: string): AppErrorData {
  if (e instanceof AppError) return e.toData();
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: 'err.conflict', details: { sqlite: err.code } };
  }
  if (err?.code === 'SQLITE_FULL' || (err as { code?: string })?.code === 'ENOSPC') {
    return { code: 'INTERNAL', message: 'err.diskFull' };
  }
  log('error', `handler ${channel} failed`, e);
  return { code: 'INTERNAL', message: 'err.internal' };
}

export { LATEST_VERSION };
