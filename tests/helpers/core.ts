// Test helpers: a Core on a fresh temporary data folder, signed in as an admin operator.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core, type Session } from '../../electron/core/core';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { demoUscc } from '../../electron/core/demo';
import type { FileRef } from '../../shared/files';
import { term } from '../../shared/glossary';
import type { Locale, Vars } from '../../shared/kernel/i18n';

export function tmpDir(prefix = 'ankang-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestCore {
  core: Core;
  /** the bytes of a FileRef an export channel returned (and releases it, as a host does) */
  fileBytes(ref: FileRef): Buffer;
  session: Session;
  dir: string;
  call<K extends ChannelName>(channel: K, input?: ChannelInput<K>): Promise<ChannelOutput<K>>;
  close(): void;
}

/** Opens a Core on a new folder; with `init` (default) runs the first-run wizard and signs in as its admin. */
export async function openTestCore(opts: { init?: boolean; dir?: string } = {}): Promise<TestCore> {
  const dir = opts.dir ?? tmpDir();
  const core = await Core.open({ dataDir: dir, host: 'test' });
  const session: Session = { operatorId: null };
  const call = async <K extends ChannelName>(channel: K, input?: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const r = await core.dispatch(channel, input ?? {}, session);
    if (!r.ok) {
      const err = new Error(`${r.error.code}: ${r.error.message}`) as Error & { data: unknown };
      err.data = r.error;
      throw err;
    }
    return r.value as ChannelOutput<K>;
  };
  if (opts.init ?? true) {
    await call('setup.init', {
      enterprise: { name: '测试化工有限公司', uscc: demoUscc(), headcount: 100, address: '泰州', industry: '化工' },
      operator: { empNo: 'A0001', name: '王主席', gender: 'M', roles: ['union_officer'], pin: null },
    });
  }
  return {
    core,
    fileBytes: (ref) => {
      const e = core.files.get(ref.fileId);
      const buf = fs.readFileSync(e.path);
      core.files.release(ref.fileId);
      return buf;
    },
    session,
    dir,
    call,
    close: () => {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A typed error (or import problem) as the user reads it: its message key translated with its parameters. */
export function say(e: { message: string; details?: unknown; params?: unknown }, locale: Locale = 'zh-CN'): string {
  return term(e.message, locale, (e.params ?? e.details) as Vars | undefined);
}

/** A channel call that resolves with the output or throws an Error carrying the typed refusal in `data`. */
export type Call = <K extends ChannelName>(channel: K, input?: ChannelInput<K>) => Promise<ChannelOutput<K>>;
/** A typed refusal as a test reads it. */
export type Err = { code: string; message: string; details?: { issues?: { path: string; message: string }[] } & Record<string, unknown> };

/** A session of its own on the core (sign in with call('session.signIn', …)). */
export function caller(core: Core): { call: Call; session: Session } {
  const session: Session = { operatorId: null };
  const call: Call = async (channel, input) => {
    const r = await core.dispatch(channel, input ?? {}, session);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { data: r.error });
    return r.value as never;
  };
  return { call, session };
}

/** The refusal a call ends with (fails the test when it succeeds). */
export async function refusal(p: Promise<unknown>): Promise<Err> {
  try {
    await p;
  } catch (e) {
    return (e as { data: Err }).data;
  }
  throw new Error('expected a refusal');
}
