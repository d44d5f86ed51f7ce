// The preload, built as scripts/build.mjs builds it, run against a stand-in for electron's ipcRenderer and
// contextBridge: it is tiny (no zod, no contract), exposes exactly the narrow API, and checks what it passes on.
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnkangBridge, JobProgress } from '../../shared/bridge';

const ROOT = path.resolve(__dirname, '..', '..');
let code = '';
let inputs: string[] = [];

beforeAll(async () => {
  // the same options as the preload entry of scripts/build.mjs
  const r = await build({
    entryPoints: ['electron/preload/preload.ts'],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  code = r.outputFiles[0]!.text;
  inputs = Object.keys(r.metafile.inputs);
});

function load() {
  const invoked: unknown[][] = [];
  const sent: unknown[][] = [];
  const listeners = new Map<string, (...a: unknown[]) => void>();
  let exposed: { key: string; api: AnkangBridge } | null = null;
  const electron = {
    ipcRenderer: {
      invoke: (...a: unknown[]) => {
        invoked.push(a);
        return Promise.resolve({ ok: true, value: 'answered' });
      },
      send: (...a: unknown[]) => void sent.push(a),
      on: (ch: string, l: (...a: unknown[]) => void) => void listeners.set(ch, l),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: AnkangBridge) => (exposed = { key, api }) },
  };
  const module = { exports: {} };
  const require = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`the preload may require only electron, not ${id}`);
  };
  vm.runInNewContext(code, { require, module, exports: module.exports, Promise, Number, Set, Map });
  return { invoked, sent, listeners, exposed: exposed as unknown as { key: string; api: AnkangBridge } };
}

describe('preload', () => {
  it('is tiny: no zod, no contract', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(20 * 1024);
    expect(inputs.some((f) => f.includes('zod'))).toBe(false);
    expect(inputs.some((f) => f.includes('shared/contract'))).toBe(false);
    expect(code).not.toMatch(/zod/i);
  });

  it('exposes window.ankang with exactly call, onProgress, cancel, saveFile and host', () => {
    const { exposed } = load();
    expect(exposed.key).toBe('ankang');
    expect(Object.keys(exposed.api).sort()).toEqual(['call', 'cancel', 'host', 'onProgress', 'saveFile']);
    expect(exposed.api.host).toBe('electron');
  });

  it('passes well-formed channel names (with a call id) to main and refuses the rest without IPC', async () => {
    const { exposed, invoked } = load();
    expect(await exposed.api.call('hazards.exportLedger', { a: 1 }, 7)).toEqual({ ok: true, value: 'answered' });
    expect(await exposed.api.call('app.info', undefined)).toEqual({ ok: true, value: 'answered' });
    expect(invoked).toEqual([
      ['ankang:call', 'hazards.exportLedger', { a: 1 }, 7],
      ['ankang:call', 'app.info', undefined, 0],
    ]);
    for (const bad of ['', 'app', 'app.', '.info', 'app.info.x', 'App.info', 'app info', 'a'.repeat(40) + '.x', 'app.__proto__', 42, null]) {
      const r = await exposed.api.call(bad as string, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    for (const badId of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, '3']) {
      expect(await exposed.api.call('app.info', {}, badId as number)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(invoked).toHaveLength(2);
  });

  it('routes progress events to subscribers until they unsubscribe, ignoring malformed ones', () => {
    const { exposed, listeners } = load();
    const got: [number, JobProgress][] = [];
    const off = exposed.api.onProgress((id, p) => got.push([id, p]));
    const emit = listeners.get('ankang:progress')!;
    emit({}, 5, { done: 1, total: 2 });
    emit({}, 'x', { done: 1, total: 2 });
    emit({}, 5, null);
    off();
    emit({}, 5, { done: 2, total: 2 });
    expect(got).toEqual([[5, { done: 1, total: 2 }]]);
  });

  it('sends cancel only for valid call ids, and saveFile passes only the file id', async () => {
    const { exposed, sent, invoked } = load();
    exposed.api.cancel(9);
    exposed.api.cancel(-1);
    exposed.api.cancel('9' as unknown as number);
    expect(sent).toEqual([['ankang:cancel', 9]]);
    await exposed.api.saveFile({ fileId: 'f-1', fileName: '../../evil.exe', mime: 'x', bytes: 1 });
    expect(invoked).toEqual([['ankang:saveFile', 'f-1']]);
    expect(await exposed.api.saveFile({ fileId: 'x'.repeat(65) } as never)).toMatchObject({ ok: false });
    expect(await exposed.api.saveFile(null as never)).toMatchObject({ ok: false });
  });
});
