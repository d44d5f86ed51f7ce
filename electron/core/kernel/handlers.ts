// What a module's handlers see, and how a module declares them against its contract part.
import type { z } from 'zod';
import type { ContractPart } from '../../../shared/kernel/channel';
import type { Operator } from '../../../shared/operators/types';
import type { Actor } from '../audit';
import type { RestoreOutcome } from '../backup';
import type { Store } from '../db/store';
import type { dataPaths } from '../paths';
import type { ProgressReporter } from './jobs';
import type { OutputFiles } from './outputFiles';

/** Per-connection state: one per Electron window or browser-host token. */
export interface Session {
  operatorId: string | null;
}

/** What the core offers every module: the store, the data folder, output files, per-core state. */
export interface CoreEnv {
  store: Store;
  paths: ReturnType<typeof dataPaths>;
  files: OutputFiles;
  host: 'electron' | 'browser' | 'cli' | 'test';
  version: string;
  schemaVersion(): number;
  /** one value per core and key, created on first use (e.g. a module's import sessions) */
  state<T>(key: string, init: () => T): T;
  /** replaces the store with a checked backup and reopens it (Core.restore; `store`: the one now open); every session signs in again */
  restore(file: string): Promise<RestoreOutcome & { store: Store }>;
}

export interface Ctx {
  store: Store;
  session: Session;
  operator: Operator | null;
  actor: Actor;
  /** progress and cancellation of long jobs (no-ops when the host does not listen) */
  job: ProgressReporter;
  env: CoreEnv;
}

/** The signed-in operator (channels with auth: true always have one; dispatch checked it). */
export function signedIn(ctx: Ctx): Operator {
  return ctx.operator!;
}

export type HandlerFn<C extends ContractPart, K extends keyof C> = (
  input: z.output<C[K]['input']>,
  ctx: Ctx,
) => NonNullable<C[K]['output']> | Promise<NonNullable<C[K]['output']>>;
export type HandlerPart<C extends ContractPart> = { [K in keyof C]: HandlerFn<C, K> };

/** A module's handlers: thin (parse is done by dispatch) → one service call. Must cover exactly its contract part. */
export function defineHandlers<C extends ContractPart>(_contract: C, handlers: HandlerPart<C>): HandlerPart<C> {
  return handlers;
}
