import type { FileRef } from './files';
import type { Result } from './result';

/** How far a long job (export, import, PDF, backup) has got. */
export interface JobProgress {
  /** units done so far (rows, pages, bytes…) */
  done: number;
  /** total units when known */
  total: number | null;
  /** a message key naming the stage, e.g. 'job.writing' */
  stage?: string;
}

/** What became of a file the core produced: where it was saved (null in the browser, which does not say), or not saved. */
export type SaveOutcome = { saved: true; path: string | null } | { saved: false };

/** A channel name as the contract spells them ('hazards.exportLedger'); the core checks the name fully. */
export const CHANNEL_NAME_RE = /^[a-z][A-Za-z0-9]{0,31}\.[a-z][A-Za-z0-9]{0,47}$/;

/**
 * What the preload exposes as window.ankang — narrow, typed, nothing of Electron's API.
 * A call may carry a callId (a positive integer unique within the window) so that its progress can be
 * followed (onProgress) and the job cancelled (cancel). A cancelled call still resolves with the core's
 * real answer: 'CANCELLED' when the job stopped, or its value when it had already finished.
 */
export interface AnkangBridge {
  host: 'electron';
  call(channel: string, input: unknown, callId?: number): Promise<Result<unknown>>;
  /** Subscribes to progress of every call of this window that carried a callId; returns the unsubscribe function. */
  onProgress(listener: (callId: number, progress: JobProgress) => void): () => void;
  cancel(callId: number): void;
  /** Asks where to save a file the core produced (native save dialog), moves it there and releases it. */
  saveFile(ref: FileRef): Promise<Result<SaveOutcome>>;
}
