// A core process for the relay tests: the real relay (serveCore over process.send) around a small in-memory core
// whose channels exercise what the store cannot do on demand — progress, cancel, a crash, a slow start.
// Bundled and forked by tests/unit/relay.test.ts. RELAY_FIXTURE_MODE=fail-startup makes opening fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, type Result } from '../../shared/result';
import type { CallOptions } from '../../electron/core/kernel/jobs';
import { serveCore, type ServedCore } from '../../electron/utility/coreServer';
import { parentEndpoint } from '../../electron/utility/protocol';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const files = new Map<string, { path: string; fileName: string; mime: string; bytes: number }>();

const fake: ServedCore = {
  schemaVersion: 42,
  async dispatch(channel, input, session, opts?: CallOptions): Promise<Result<unknown>> {
    const i = (input ?? {}) as Record<string, unknown>;
    try {
      switch (channel) {
        case 'test.echo':
          if (typeof i.delayMs === 'number') await sleep(i.delayMs);
          return { ok: true, value: { input, operatorId: session.operatorId, pid: process.pid } };
        case 'test.signIn':
          session.operatorId = String(i.id);
          return { ok: true, value: null };
        case 'test.slow': {
          const steps = Number(i.steps ?? 5);
          for (let n = 1; n <= steps; n++) {
            await sleep(Number(i.stepMs ?? 20));
            if (opts?.signal?.aborted) throw new AppError('CANCELLED', 'err.cancelled');
            opts?.progress?.({ done: n, total: steps, stage: 'job.writing' });
          }
          return { ok: true, value: { steps } };
        }
        case 'test.file': {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-file-'));
          const p = path.join(dir, '职工花名册.xlsx');
          fs.writeFileSync(p, 'PK-bytes');
          const id = `f${files.size + 1}`;
          files.set(id, { path: p, fileName: '职工花名册.xlsx', mime: 'application/x-test', bytes: 8 });
          return { ok: true, value: { fileId: id, fileName: '职工花名册.xlsx', mime: 'application/x-test', bytes: 8 } };
        }
        case 'test.crash':
          setTimeout(() => process.exit(3), 10);
          return await new Promise<never>(() => undefined);
        case 'test.throw':
          throw new Error('escaped the core');
        default:
          return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: String(channel) } };
      }
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toData() };
      throw e;
    }
  },
  files: {
    get(id) {
      const f = files.get(id);
      if (!f || !fs.existsSync(f.path)) throw new AppError('NOT_FOUND', 'err.file.gone');
      return f;
    },
    release(id) {
      const f = files.get(id);
      files.delete(id);
      if (f) fs.rmSync(path.dirname(f.path), { recursive: true, force: true });
    },
  },
  close() {
    fs.writeFileSync(String(process.env.RELAY_FIXTURE_CLOSED), 'closed');
  },
};

void serveCore(
  parentEndpoint(),
  async () => {
    if (process.env.RELAY_FIXTURE_MODE === 'fail-startup') throw new AppError('DB_TOO_NEW', 'err.db.tooNew', { version: 99 });
    await sleep(Number(process.env.RELAY_FIXTURE_OPEN_MS ?? 0));
    return fake;
  },
  { exit: (code) => process.exit(code), onParentGone: (l) => void process.once('disconnect', l) },
);
