// The only file that touches ipcRenderer/contextBridge: a narrow, typed API — call (with an optional call id for
// progress and cancel), a progress subscription, cancel and saveFile. It checks only the shape of what it passes
// on (main and the core validate fully), so it stays tiny: no zod, no contract in this bundle.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAME_RE, type AnkangBridge, type JobProgress } from '../../shared/bridge';
import type { FileRef } from '../../shared/files';
import type { Result } from '../../shared/result';

const isCallId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

const progressListeners = new Set<(callId: number, p: JobProgress) => void>();
ipcRenderer.on('ankang:progress', (_e, callId: unknown, p: unknown) => {
  if (!isCallId(callId) || typeof p !== 'object' || p === null) return;
  for (const l of progressListeners) l(callId, p as JobProgress);
});

function refused(message: string): Promise<Result<never>> {
  return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message } });
}

const api = {
  host: 'electron',
  call(channel: string, input: unknown, callId?: number): Promise<Result<unknown>> {
    if (typeof channel !== 'string' || !CHANNEL_NAME_RE.test(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 80) : `(${typeof channel})`;
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'err.unknownChannel', details: { channel: name } } });
    }
    if (callId !== undefined && !isCallId(callId)) return refused('bad call id');
    return ipcRenderer.invoke('ankang:call', channel, input, callId ?? 0) as Promise<Result<unknown>>;
  },
  onProgress(listener: (callId: number, progress: JobProgress) => void): () => void {
    if (typeof listener !== 'function') return () => undefined;
    progressListeners.add(listener);
    return () => void progressListeners.delete(listener);
  },
  cancel(callId: number): void {
    if (isCallId(callId)) ipcRenderer.send('ankang:cancel', callId);
  },
  saveFile(ref: FileRef) {
    if (typeof ref?.fileId !== 'string' || ref.fileId.length > 64) return refused('bad file reference');
    // only the id crosses: main takes the name and type from the core, not from the page
    return ipcRenderer.invoke('ankang:saveFile', ref.fileId) as ReturnType<AnkangBridge['saveFile']>;
  },
} satisfies AnkangBridge;

contextBridge.exposeInMainWorld('ankang', api);
