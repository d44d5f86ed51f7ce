// Long jobs (PDF, xlsx import/export, backup, bulk demo) report progress and may be cancelled.
// A host passes CallOptions to Core.dispatch; handlers see ctx.progress and ctx.signal.
import type { JobProgress } from '../../../shared/bridge';
import { AppError } from '../../../shared/result';

/** the same shape the renderer receives (shared/bridge.ts) */
export type Progress = JobProgress;

export interface CallOptions {
  /** called at most every ~100 ms per call with the job's progress */
  progress?: (p: Progress) => void;
  /** aborted when the user cancels; long jobs check it between chunks */
  signal?: AbortSignal;
}

/** A throttled progress reporter: report(done, total) is cheap to call per row. */
export function progressReporter(opts: CallOptions | undefined, intervalMs = 100) {
  let last = 0;
  const cb = opts?.progress;
  const signal = opts?.signal;
  return {
    report(done: number, total: number | null, stage?: string, force = false) {
      if (signal?.aborted) throw new AppError('CANCELLED', 'err.cancelled');
      if (!cb) return;
      const now = Date.now();
      if (!force && now - last < intervalMs) return;
      last = now;
      cb({ done, total, stage });
    },
    checkCancelled() {
      if (signal?.aborted) throw new AppError('CANCELLED', 'err.cancelled');
    },
  };
}
export type ProgressReporter = ReturnType<typeof progressReporter>;
