import type { Result } from './result';

/** What the preload exposes as window.ankang — one narrow call function, nothing else. */
export interface AnkangBridge {
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  host: 'electron';
}
