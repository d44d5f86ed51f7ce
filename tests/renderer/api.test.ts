// The typed client's transports for long jobs: NDJSON progress over HTTP (browser host), progress and cancel
// over the preload bridge (Electron), and saveFile in both.
import type { AnkangBridge, JobProgress } from '../../shared/bridge';
import type { Result } from '../../shared/result';
import { ApiError, bridgeTransport, call, httpTransport, saveFile, setTransport } from '../../renderer/src/lib/api';

const enc = new TextEncoder();

function ndjsonResponse(chunks: string[], gate?: Promise<void>): Response {
  const body = new ReadableStream<Uint8Array>({
    async start(c) {
      for (const [i, s] of chunks.entries()) {
        if (i === chunks.length - 1 && gate) await gate;
        c.enqueue(enc.encode(s));
      }
      c.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
}

afterEach(() => {
  vi.restoreAllMocks();
  setTransport(null);
  delete window.ankang;
  sessionStorage.clear();
});

describe('httpTransport', () => {
  test('a call with onProgress asks for NDJSON and reads progress lines (split anywhere) before the result', async () => {
    sessionStorage.setItem('ankang.token', 'tok');
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      ndjsonResponse(['{"t":"progress","progress":{"done":1,"total":3}}\n{"t":"pro', 'gress","progress":{"done":2,"total":3}}\n', '{"t":"result","result":{"ok":true,"value":{"fileId":"f1"}}}\n']),
    );
    const seen: JobProgress[] = [];
    const r = await httpTransport()('roster.export', { a: 1 }, { onProgress: (p) => seen.push(p) });
    expect(r).toEqual({ ok: true, value: { fileId: 'f1' } });
    expect(seen).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
    ]);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/call');
    const headers = init!.headers as Record<string, string>;
    expect(headers['X-Ankang-Token']).toBe('tok');
    expect(headers.Accept).toBe('application/x-ndjson');
    expect(Number(headers['X-Ankang-Call'])).toBeGreaterThan(0);
    expect(Number.isSafeInteger(Number(headers['X-Ankang-Call']))).toBe(true);
  });

  test('a plain call sends no call id and reads one JSON reply', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"ok":true,"value":1}', { headers: { 'Content-Type': 'application/json' } }));
    expect(await httpTransport()('app.info', {})).toEqual({ ok: true, value: 1 });
    expect((fetchMock.mock.calls[0]![1]!.headers as Record<string, string>)['X-Ankang-Call']).toBeUndefined();
  });

  test("every call carries this tab's own session key, the same for the tab's life", async () => {
    sessionStorage.removeItem('ankang.tab');
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('{"ok":true,"value":1}', { headers: { 'Content-Type': 'application/json' } }));
    const t = httpTransport();
    await t('app.info', {});
    await t('app.info', {});
    const keys = fetchMock.mock.calls.map((c) => (c[1]!.headers as Record<string, string>)['X-Ankang-Session']);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(sessionStorage.getItem('ankang.tab')).toBe(keys[0]);
    // another tab (its own sessionStorage) gets another key
    sessionStorage.removeItem('ankang.tab');
    await t('app.info', {});
    expect((fetchMock.mock.calls[2]![1]!.headers as Record<string, string>)['X-Ankang-Session']).not.toBe(keys[0]);
  });

  test('aborting posts /api/cancel with the call id and still waits for the real answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
      if (url === '/api/cancel') {
        release();
        return new Response('{"ok":true,"value":{"cancelled":true}}');
      }
      return ndjsonResponse(['{"t":"progress","progress":{"done":1,"total":9}}\n', '{"t":"result","result":{"ok":false,"error":{"code":"CANCELLED","message":"err.cancelled"}}}\n'], gate);
    });
    const ac = new AbortController();
    const pending = httpTransport()('hazards.exportLedger', {}, { signal: ac.signal, onProgress: () => ac.abort() });
    const r = await pending;
    expect(r).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'err.cancelled' } });
    const callId = (fetchMock.mock.calls[0]![1]!.headers as Record<string, string>)['X-Ankang-Call'];
    const cancel = fetchMock.mock.calls.find((c) => c[0] === '/api/cancel')!;
    expect(JSON.parse(cancel[1]!.body as string)).toEqual({ id: Number(callId) });
  });

  test('a stream that ends without a result is an error, not a hang', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(ndjsonResponse(['{"t":"progress","progress":{"done":1,"total":2}}\n']));
    const r = await httpTransport()('roster.export', {}, { onProgress: () => undefined });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('NETWORK') } });
  });
});

describe('bridgeTransport (Electron preload)', () => {
  function fakeBridge() {
    let listener: ((id: number, p: JobProgress) => void) | null = null;
    const calls: { channel: string; callId?: number }[] = [];
    const cancels: number[] = [];
    let finish!: (r: Result<unknown>) => void;
    const bridge: AnkangBridge = {
      host: 'electron',
      call: (channel, _input, callId) => {
        calls.push({ channel, callId });
        return new Promise((r) => (finish = r));
      },
      onProgress: (l) => {
        listener = l;
        return () => (listener = null);
      },
      cancel: (id) => void cancels.push(id),
      saveFile: async () => ({ ok: true, value: { saved: true, path: '/home/u/导出.xlsx' } }),
    };
    return { bridge, calls, cancels, emit: (id: number, p: JobProgress) => listener?.(id, p), finish: (r: Result<unknown>) => finish(r) };
  }

  test('routes progress by call id and cancels by call id', async () => {
    const b = fakeBridge();
    const t = bridgeTransport(b.bridge);
    const seen: JobProgress[] = [];
    const ac = new AbortController();
    const pending = t('roster.export', {}, { onProgress: (p) => seen.push(p), signal: ac.signal });
    const id = b.calls[0]!.callId!;
    expect(id).toBeGreaterThan(0);
    b.emit(id, { done: 5, total: 10 });
    b.emit(id + 1, { done: 9, total: 10 }); // another call's progress
    ac.abort();
    expect(b.cancels).toEqual([id]);
    b.finish({ ok: true, value: 'finished anyway' });
    expect(await pending).toEqual({ ok: true, value: 'finished anyway' });
    expect(seen).toEqual([{ done: 5, total: 10 }]);
    // a plain call carries no id
    void t('app.info', {});
    expect(b.calls[1]).toEqual({ channel: 'app.info', callId: undefined });
  });

  test('saveFile asks the bridge (save dialog in main)', async () => {
    const b = fakeBridge();
    window.ankang = b.bridge;
    expect(await saveFile({ fileId: 'f1', fileName: '导出.xlsx', mime: 'x', bytes: 1 })).toEqual({ saved: true, path: '/home/u/导出.xlsx' });
  });
});

describe('call and saveFile', () => {
  test('a signal aborted before the call sends nothing and throws CANCELLED', async () => {
    const transport = vi.fn();
    setTransport(transport);
    const ac = new AbortController();
    ac.abort();
    await expect(call('roster.export', {}, { signal: ac.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(transport).not.toHaveBeenCalled();
  });

  test('in the browser, saveFile downloads /api/file/<id> with the token', async () => {
    sessionStorage.setItem('ankang.token', 'a+b/c');
    const clicked: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.getAttribute('href') ?? '' });
    });
    expect(await saveFile({ fileId: 'f-1', fileName: '隐患台账.xlsx', mime: 'x', bytes: 1 })).toEqual({ saved: true, path: null });
    expect(clicked).toEqual([{ name: '隐患台账.xlsx', href: '/api/file/f-1?token=a%2Bb%2Fc' }]);
    expect(document.querySelector('a[download]')).toBeNull();
  });

  test('a failed save in the desktop app throws the error', async () => {
    window.ankang = {
      host: 'electron',
      call: async () => ({ ok: true, value: null }),
      onProgress: () => () => undefined,
      cancel: () => undefined,
      saveFile: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'err.file.saveFailed', details: { path: '/x' } } }),
    };
    await expect(saveFile({ fileId: 'f', fileName: 'a.pdf', mime: 'x', bytes: 1 })).rejects.toBeInstanceOf(ApiError);
  });
});
