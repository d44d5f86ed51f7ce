// Input limits: every channel has a size bound, checked by dispatch before any schema runs and by the browser host
// while the body comes in; hostile input (deep, huge) is always a typed VALIDATION error, never HTTP 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimit, startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { jsonBytes } from '../../electron/core/kernel/inputSize';
import { CHANNELS, contract } from '../../shared/contract';
import { DEFAULT_MAX_INPUT, fileInputBound, MAX_FILE_BYTES } from '../../shared/kernel/channel';
import { MAX_PHOTO_BYTES } from '../../shared/attachments/rules';
import { openTestCore, tmpDir, type TestCore } from '../helpers/core';

let tc: TestCore;
let host: BrowserHost;

beforeAll(async () => {
  tc = await openTestCore();
  host = await startBrowserHost({ core: tc.core, rendererDir: tmpDir('ankang-renderer-') });
  // the host's script session (no X-Ankang-Session) signs in as the wizard's operator (no PIN)
  const ops = await tc.call('session.operators');
  const r = await post({ channel: 'session.signIn', input: { operatorId: ops[0]!.id } });
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await host.close();
  tc.close();
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const deep = (n: number) => {
  let v: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < n; i++) v = { d: v };
  return v;
};

describe('size bounds', () => {
  it('every channel declares a bound: the default, or a larger one for files', () => {
    for (const c of CHANNELS) {
      const max = contract[c].maxInput;
      expect(Number.isSafeInteger(max) && max > 0, c).toBe(true);
      expect(max, c).toBeLessThanOrEqual(fileInputBound(MAX_FILE_BYTES));
    }
    expect(contract['attachments.upload'].maxInput).toBe(fileInputBound(MAX_PHOTO_BYTES));
    expect(contract['roster.importPreview'].maxInput).toBe(fileInputBound(MAX_FILE_BYTES));
    expect(contract['views.save'].maxInput).toBeLessThan(DEFAULT_MAX_INPUT);
    expect(contract['hazards.report'].maxInput).toBe(DEFAULT_MAX_INPUT);
  });

  it('an over-size input to any channel is a typed VALIDATION error (TOO_LARGE) and changes nothing', async () => {
    const auditBefore = tc.core.store.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log')!.n;
    for (const c of CHANNELS) {
      const max = contract[c].maxInput;
      const r = await tc.core.dispatch(c, { pad: 'x'.repeat(max + 1) }, tc.session);
      expect(r.ok, c).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, c).toBe('VALIDATION');
      expect(r.error.message, c).toBe('err.input.tooLarge');
      expect(r.error.details?.reason, c).toBe('TOO_LARGE');
    }
    expect(tc.core.store.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log')!.n).toBe(auditBefore);
  });

  it('counts UTF-8 bytes, arrays and cycles without walking past the bound', () => {
    expect(jsonBytes({ a: '安康' }, 1000)).toBeGreaterThanOrEqual(6);
    const sparse: unknown[] = [];
    sparse.length = 2 ** 31;
    const t0 = Date.now();
    expect(jsonBytes({ a: sparse }, 1000)).toBeGreaterThan(1000);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonBytes(cyclic, 1000)).toBeGreaterThan(1000);
    expect(jsonBytes(new Uint8Array(5000), 1000)).toBeGreaterThan(1000);
    expect(Date.now() - t0).toBeLessThan(200);
  });

  it('a cyclic or typed-array input (possible over Electron IPC) is refused as too large, not a crash', async () => {
    const cyclic: Record<string, unknown> = { kind: 'hazards' };
    cyclic.data = cyclic;
    const r = await tc.core.dispatch('drafts.save', cyclic, tc.session);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.reason).toBe('TOO_LARGE');
  });
});

describe('hostile input through dispatch', () => {
  it('drafts.save with JSON nested 5,000 deep is a VALIDATION error', async () => {
    const r = await tc.core.dispatch('drafts.save', { kind: 'hazards', data: deep(5000) }, tc.session);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('VALIDATION');
  });

  it('views.save refuses a query its kind does not accept, and a large one, and keeps nothing', async () => {
    const bad = await tc.core.dispatch('views.save', { kind: 'hazards', name: '坏查询', query: { page: 'x', status: 42 } }, tc.session);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('VALIDATION');
    const big = await tc.core.dispatch('views.save', { kind: 'hazards', name: '大查询', query: { q: 'x'.repeat(20_000) } }, tc.session);
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.details?.reason).toBe('TOO_LARGE');
    expect(tc.core.store.get<{ n: number }>("SELECT COUNT(*) AS n FROM saved_views WHERE name IN ('坏查询', '大查询')")!.n).toBe(0);
    const ok = await tc.core.dispatch('views.save', { kind: 'hazards', name: '我的', query: { q: '灭火器' } }, tc.session);
    expect(ok.ok).toBe(true);
  });
});

describe('hostile input through the browser host', () => {
  it('drafts.save nested 5,000 deep answers a typed VALIDATION envelope, not HTTP 500', async () => {
    // written out by hand: JSON.stringify of it would overflow this worker's stack
    const data = `${'{"d":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const r = await post(`{"channel":"drafts.save","input":{"kind":"hazards","data":${data}}}`, { 'X-Ankang-Channel': 'drafts.save' });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { ok: boolean; error: { code: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
  });

  it('a body over its channel bound is a typed 413 with a message key, the rest of the body read and dropped', async () => {
    const r = await post({ channel: 'views.save', input: { kind: 'hazards', name: 'x', query: { q: 'x'.repeat(20 * 1024 * 1024) } } }, { 'X-Ankang-Channel': 'views.save' });
    expect(r.status).toBe(413);
    const body = (await r.json()) as { ok: boolean; error: { code: string; message: string; details: { reason: string; limit: string } } };
    expect(body.error).toMatchObject({ code: 'VALIDATION', message: 'err.input.tooLarge', details: { reason: 'TOO_LARGE', limit: '16 KB' } });
    // the connection still serves the next call
    const next = await post({ channel: 'app.info' });
    expect(next.status).toBe(200);
  });

  it('a photo body over the photo bound is refused by its declared length, before it is read', async () => {
    expect(bodyLimit('attachments.upload').limit).toBeLessThan(bodyLimit(undefined).limit);
    const t0 = Date.now();
    const r = await post({ channel: 'attachments.upload', input: { fileName: 'a.jpg', dataBase64: 'A'.repeat(16 * 1024 * 1024) } }, { 'X-Ankang-Channel': 'attachments.upload' });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe('err.input.tooLarge');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('without the channel header the largest bound applies, and dispatch still holds the channel to its own', async () => {
    const r = await post({ channel: 'app.info', input: { pad: 'x'.repeat(DEFAULT_MAX_INPUT + 10) } });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { ok: boolean; error: { details: { reason: string } } };
    expect(body.ok).toBe(false);
    expect(body.error.details.reason).toBe('TOO_LARGE');
  });
});
