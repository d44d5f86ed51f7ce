// The only file that touches ipcRenderer/contextBridge: one narrow call() limited to contract channels.
import { contextBridge, ipcRenderer } from 'electron';
import type { AnkangBridge } from '../../shared/bridge';
import { isChannel } from '../../shared/contract';
import type { Result } from '../../shared/result';

const api = {
  host: 'electron',
  call(channel: string, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${typeof channel === 'string' ? channel.slice(0, 80) : typeof channel}` } });
    }
    return ipcRenderer.invoke('ankang:call', channel, input) as Promise<Result<unknown>>;
  },
} satisfies AnkangBridge;

contextBridge.exposeInMainWorld('ankang', api);
