// Long jobs (exports, PDFs, imports) in the UI: useJob() runs a call with progress and cancel, <JobProgress>
// shows an antd progress bar with a cancel button while it runs.
//   const job = useJob();
//   const f = await job.run((opts) => call('roster.export', filter, opts));
//   if ((await job.save(f)).saved) …  // save dialog (desktop) or download (browser)
//   …catch (e) { job.fail(e) }        // a quiet note when cancelled, else the error
//   <JobProgress job={job} />
import { App, Button, Progress, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { JobProgress as Progress_, SaveOutcome } from '../../../shared/bridge';
import type { FileRef } from '../../../shared/files';
import { useT } from '../i18n';
import { isCancelled, saveFile, type CallOptions } from '../lib/api';
import { errorText } from '../lib/errors';

/** t() — this folder's messages are a registered part of the one catalog (renderer/src/i18n/catalog.ts). */
export function useComponentT() {
  return useT();
}

export interface Job {
  running: boolean;
  progress: Progress_ | null;
  cancelling: boolean;
  /** Runs work with { onProgress, signal } wired to this job; one job at a time per hook. */
  run<T>(work: (opts: CallOptions) => Promise<T>): Promise<T>;
  cancel(): void;
  /**
   * Delivers a produced file: save dialog (desktop; { saved: false } when closed) or download (browser). Nothing
   * when the user cancelled the job that made it (it finished before the cancel reached the core).
   */
  save(ref: FileRef): Promise<SaveOutcome>;
  /** Shows how the job ended badly: a quiet note when the user cancelled it, else the error. */
  fail(e: unknown): void;
}

export function useJob(): Job {
  const { message } = App.useApp();
  const t = useComponentT();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress_ | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const ctrl = useRef<AbortController | null>(null);
  // a job cancelled too late to stop still produced its file: the user no longer wants it (the core sweeps it)
  const lastCancelled = useRef(false);

  const run = useCallback(async <T,>(work: (opts: CallOptions) => Promise<T>): Promise<T> => {
    const ac = new AbortController();
    ctrl.current = ac;
    lastCancelled.current = false;
    setRunning(true);
    setProgress(null);
    setCancelling(false);
    try {
      return await work({ signal: ac.signal, onProgress: (p) => ctrl.current === ac && setProgress(p) });
    } finally {
      if (ctrl.current === ac) {
        lastCancelled.current = ac.signal.aborted;
        ctrl.current = null;
        setRunning(false);
        setProgress(null);
        setCancelling(false);
      }
    }
  }, []);
  const cancel = useCallback(() => {
    const ac = ctrl.current;
    if (ac && !ac.signal.aborted) {
      setCancelling(true);
      ac.abort();
    }
  }, []);
  const save = useCallback(async (ref: FileRef): Promise<SaveOutcome> => (lastCancelled.current ? { saved: false } : saveFile(ref)), []);
  const fail = useCallback(
    (e: unknown) => {
      if (isCancelled(e)) message.info(errorText(e, t)); // err.cancelled: "nothing was written"
      else message.error(errorText(e, t));
    },
    [message, t],
  );
  return useMemo(() => ({ running, progress, cancelling, run, cancel, save, fail }), [running, progress, cancelling, run, cancel, save, fail]);
}

/** The running job's progress bar, what it is doing, and a cancel button; nothing when no job runs. */
export function JobProgress({ job, cancellable = true, style }: { job: Job; cancellable?: boolean; style?: CSSProperties }) {
  const t = useComponentT();
  if (!job.running) return null;
  const p = job.progress;
  const percent = p && p.total ? Math.min(100, Math.floor((p.done / p.total) * 100)) : null;
  const stage = p?.stage ? `${t(p.stage)} ` : '';
  const label = job.cancelling
    ? t('job.cancelling')
    : p
      ? stage + (p.total ? t('job.progress', { done: p.done, total: p.total }) : t('job.progressCount', { done: p.done }))
      : t('job.running');
  return (
    <div role="status" aria-live="polite" data-testid="job-progress" style={{ display: 'inline-flex', alignItems: 'center', gap: 8, ...style }}>
      <Progress
        percent={percent ?? 0}
        showInfo={percent !== null}
        size="small"
        status="active"
        style={{ width: 160, margin: 0 }}
        aria-label={label}
      />
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      {cancellable && (
        <Button size="small" onClick={job.cancel} disabled={job.cancelling}>
          {t('job.cancel')}
        </Button>
      )}
    </div>
  );
}
