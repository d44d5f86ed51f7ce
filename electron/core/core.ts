// The backend core: opens the store, dispatches contract calls to the modules' handlers (electron/core/modules.ts),
// and closes. It imports nothing from electron; the Electron utility process, the browser host and the CLI use it.
import fs from 'node:fs';
import { contract, isChannel } from '../../shared/contract';
import { toFieldIssues } from '../../shared/kernel/schemas';
import type { Operator } from '../../shared/operators/types';
import { AppError, type AppErrorData, type Result } from '../../shared/result';
import { type Actor } from './audit';
import { isInitialized } from './app/setup';
import { dailyBackup, restoreInto, type RestoreOutcome } from './backup';
import { openCheckedStore, problemOf, problemsError, type StoreProblem } from './db/health';
import { LATEST_VERSION, schemaVersion } from './db/migrations';
import { Store } from './db/store';
import { progressReporter, type CallOptions } from './kernel/jobs';
import { formatBytes, jsonBytes, loneSurrogatePath } from './kernel/inputSize';
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
  /**
   * The app's hosts (electron, browser) make the day's backup this long after the store passed its check (default
   * 20 s: after the first screen); null: never (the CLI and tests, unless they ask).
   */
  dailyBackupAfterMs?: number | null;
}

export class Core {
  readonly paths: ReturnType<typeof dataPaths>;
  /** files produced for the user, delivered by the host (see kernel/outputFiles) */
  readonly files: OutputFiles;
  /** the open store; replaced by restore() */
  store: Store;
  env: CoreEnv;
  private readonly state = new Map<string, unknown>();
  /** bumped by restore(): sessions signed in before it must sign in again (the operators may differ) */
  private epoch = 0;
  private readonly sessionEpochs = new WeakMap<Session, number>();
  private restoring = false;
  /** the store's integrity check (quick_check on a worker thread, see db/quickCheck.ts) */
  private integrity: { pending: boolean; problems: StoreProblem[]; done: Promise<void> } = { pending: false, problems: [], done: Promise.resolve() };
  /** stops the running integrity check when the store closes */
  private checkAbort = new AbortController();

  private constructor(
    store: Store,
    readonly opts: CoreOptions,
    integrity: Promise<StoreProblem[]>,
    checkAbort: AbortController,
  ) {
    this.checkAbort = checkAbort;
    this.paths = dataPaths(opts.dataDir);
    this.files = new OutputFiles(this.paths.exports);
    this.store = store;
    this.env = this.makeEnv();
    this.watchIntegrity(integrity);
  }

  private watchIntegrity(check: Promise<StoreProblem[]>): void {
    const state = { pending: true, problems: [] as StoreProblem[], done: Promise.resolve() };
    state.done = check.then((problems) => {
      state.problems = problems;
      state.pending = false;
      if (problems.length === 0) this.scheduleDailyBackup();
      // (a store closed while its check ran is no news: the check simply could not finish)
      if (problems.length > 0 && this.store.db.open) log('error', `the store failed its integrity check: ${problems.map((p) => p.key).join(', ')}`);
    });
    this.integrity = state;
  }

  private backupTimer: ReturnType<typeof setTimeout> | null = null;

  /** The day's automatic backup, made once the store is known sound (never into a damaged store's backups). */
  private scheduleDailyBackup(): void {
    const appHost = this.opts.host === 'electron' || this.opts.host === 'browser';
    // ANKANG_DAILY_BACKUP=off: none (the end-to-end tests count the backups they make)
    const after = this.opts.dailyBackupAfterMs !== undefined ? this.opts.dailyBackupAfterMs : appHost && process.env.ANKANG_DAILY_BACKUP !== 'off' ? 20_000 : null;
    if (after === null || this.backupTimer) return;
    this.backupTimer = setTimeout(() => {
      this.backupTimer = null;
      void this.dailyBackup().catch((e: unknown) => log('warn', 'the daily backup failed', e));
    }, after);
    this.backupTimer.unref();
  }

  /** Makes today's backup unless there is one (an empty store, before the first-run wizard, has nothing to keep). */
  async dailyBackup(): Promise<string | null> {
    if (this.restoring || !this.store.db.open || !isInitialized(this.store)) return null;
    const file = await dailyBackup(this.store.db, this.paths.backups);
    if (file) log('info', `daily backup: ${file}`);
    return file;
  }

  /**
   * Resolves once the store's integrity check has run: its problems (none: the store is sound). Until then every call
   * but the first screen's reads (Channel.early) waits; after a failure every call is refused with the problem
   * (details.recoverable) and nothing is written — the hosts then offer the newest backups.
   */
  async ready(): Promise<StoreProblem[]> {
    await this.integrity.done;
    return this.integrity.problems;
  }

  /** The integrity check's failure as the error calls are refused with; null while it runs or when it passed. */
  get failure(): AppError | null {
    return this.integrity.problems.length > 0 ? problemsError(this.integrity.problems, this.paths.db) : null;
  }

  private makeEnv(): CoreEnv {
    const store = this.store;
    return {
      store,
      paths: this.paths,
      files: this.files,
      host: this.opts.host,
      version: APP_VERSION,
      schemaVersion: () => schemaVersion(store.db),
      state: <T>(key: string, init: () => T): T => {
        if (!this.state.has(key)) this.state.set(key, init());
        return this.state.get(key) as T;
      },
      restore: async (file: string) => ({ ...(await this.restore(file)), store: this.store }),
    };
  }

  /**
   * Opens (creating if missing) and migrates the store in dataDir — after checking it (see openCheckedStore): a
   * zero-byte, damaged, foreign or tampered file is refused with an AppError (details.recoverable: a backup can
   * replace it) and nothing is written to it.
   */
  static async open(opts: CoreOptions): Promise<Core> {
    const p = dataPaths(opts.dataDir);
    fs.mkdirSync(p.dataDir, { recursive: true });
    const checkAbort = new AbortController();
    const { db, integrity } = await openCheckedStore(p.db, { backupDir: p.backups, signal: checkAbort.signal });
    return new Core(new Store(db), opts, integrity, checkAbort);
  }

  /**
   * Replaces the store with a backup while the core stays up: the candidate is copied through SQLite and checked
   * like `cli restore` (restoreInto), the open store is closed, the current file kept aside, the new one opened.
   * On failure the previous store is back in place and open again. Every session must sign in again.
   */
  async restore(file: string): Promise<RestoreOutcome> {
    const reopen = async () => {
      this.checkAbort = new AbortController();
      const { db, integrity } = await openCheckedStore(this.paths.db, { backupDir: this.paths.backups, signal: this.checkAbort.signal });
      this.store = new Store(db);
      this.env = this.makeEnv();
      this.watchIntegrity(integrity);
    };
    if (this.restoring) throw new AppError('CONFLICT', 'err.restore.running');
    this.restoring = true;
    let closed = false;
    try {
      return await restoreInto(this.paths, file, {
        closeCurrent: () => {
          closed = true;
          const sound = !this.integrity.pending && this.integrity.problems.length === 0;
          this.checkAbort.abort();
          this.files.releaseAll();
          this.store.close({ optimize: sound });
        },
        reopen,
      });
    } catch (e) {
      if (!this.store.db.open) await reopen();
      throw e;
    } finally {
      this.restoring = false;
      if (closed) {
        // per-core state (import sessions, caches) belonged to the store that was replaced
        this.state.clear();
        this.epoch++;
      }
    }
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
    // every channel has a size bound, checked before the schema parses anything (a 100 MB string, a million-element
    // array or a cyclic value over IPC never reaches zod)
    let size: number;
    try {
      size = jsonBytes(rawInput, def.maxInput);
    } catch {
      size = Infinity;
    }
    if (size > def.maxInput) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'err.input.tooLarge',
          details: { reason: 'TOO_LARGE', limit: formatBytes(def.maxInput), maxBytes: def.maxInput, issues: [{ path: '', message: 'v.tooLarge' }] },
        },
      };
    }
    // text with a lone surrogate would be stored mangled (no UTF-8 form): refused, never silently changed
    let lone: string | null;
    try {
      lone = loneSurrogatePath(rawInput);
    } catch {
      lone = '';
    }
    if (lone !== null) {
      return { ok: false, error: { code: 'VALIDATION', message: 'err.validation', details: { issues: [{ path: lone, message: 'v.invalid' }] } } };
    }
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
    // nothing is written before the store passed its integrity check, and nothing at all after it failed
    if (!def.early) {
      if (this.integrity.pending) await this.integrity.done;
      const failure = this.failure;
      // storeFailed: the open store itself is damaged (the browser renderer reloads into the host's recovery page)
      if (failure) return { ok: false, error: { ...failure.toData(), details: { ...(failure.details as object), storeFailed: true } } };
    }
    // a job cancelled before it started never runs
    if (callOpts?.signal?.aborted) return { ok: false, error: { code: 'CANCELLED', message: 'err.cancelled' } };
    try {
      // a session from before a restore signs in again (restore())
      if (this.sessionEpochs.get(session) !== this.epoch) {
        if (this.sessionEpochs.has(session)) session.operatorId = null;
        this.sessionEpochs.set(session, this.epoch);
      }
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
      // SQLite found damage while working: the store is refused from now on, like after a failed start-up check
      const code = String((e as { code?: unknown })?.code ?? '');
      if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
        if (!this.integrity.pending && this.integrity.problems.length === 0) this.integrity.problems = [problemOf(e)];
        const failure = this.failure ?? problemsError([problemOf(e)], this.paths.db);
        log('error', `handler ${channel} met a damaged store`, e);
        return { ok: false, error: { ...failure.toData(), details: { ...(failure.details as object), storeFailed: true } } };
      }
      return { ok: false, error: toErrorData(e, channel) };
    }
  }

  close(): void {
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.backupTimer = null;
    // a store whose check failed or has not finished gets nothing written on the way out (no statistics)
    const sound = !this.integrity.pending && this.integrity.problems.length === 0;
    this.checkAbort.abort();
    this.files.releaseAll();
    this.store.close({ optimize: sound });
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
