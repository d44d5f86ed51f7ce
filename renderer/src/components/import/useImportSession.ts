// The state and steps every spreadsheet import dialog shares (the roster's, the wage records'): read a picked file
// into a preview (a long job: progress, cancel), remap it (header row, column mapping…), download the template or
// the rejected rows, commit (a long job; nothing is written before it) and cancel (stops the job, drops the preview,
// writes nothing). The dialog says which channels do the work through `backend`.
import { App } from 'antd';
import { useState } from 'react';
import type { FileRef } from '../../../../shared/files';
import { useT } from '../../i18n';
import { call, fileToBase64, isCancelled, type CallOptions } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useJob } from '../JobProgress';

export interface ImportBackend<P, C, R> {
  preview(file: { fileName: string; dataBase64: string }, opts: CallOptions): Promise<P>;
  remap(importId: string, change: C): Promise<P>;
  template(opts: CallOptions): Promise<FileRef>;
  rejected(importId: string, opts: CallOptions): Promise<FileRef>;
  /** the channel that drops a preview (nothing was written) */
  cancelChannel: 'roster.importCancel' | 'wage.importCancel' | 'education.signinCancel' | 'health.examImportCancel';
  commit(importId: string, skipInvalid: boolean, opts: CallOptions): Promise<R>;
  /** the success message of a commit */
  doneText(r: R): string;
}

/** What a preview must tell for the commit button: its counts and the required columns not mapped. */
export interface PreviewLike {
  importId: string;
  counts: { create: number; update: number; invalid: number };
  missingRequired: readonly unknown[];
}

export function useImportSession<P extends PreviewLike, C, R>(backend: ImportBackend<P, C, R>, { onClose, onDone }: { onClose(): void; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<P | null>(null);
  const [busy, setBusy] = useState(false);
  // the commit button spins only for the commit (a remap just disables it)
  const [committing, setCommitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [onlyInvalid, setOnlyInvalid] = useState(false);
  const [skipOk, setSkipOk] = useState(false);
  // reading a large file and committing thousands of rows are long jobs: progress, and cancel (nothing is written)
  const job = useJob();
  const failed = (e: unknown) => (isCancelled(e) ? job.fail(e) : setError(errorText(e, t)));

  const pick = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const dataBase64 = await fileToBase64(file);
      setPreview(await job.run((opts) => backend.preview({ fileName: file.name, dataBase64 }, opts)));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };
  const remap = async (change: C) => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await backend.remap(preview.importId, change));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  // the template and the rejected rows are files: a save dialog (desktop) or a download (browser)
  const files = useJob();
  const download = async (what: 'template' | 'rejected') => {
    try {
      const f = await files.run((opts) => (what === 'template' ? backend.template(opts) : backend.rejected(preview!.importId, opts)));
      if ((await files.save(f)).saved) message.success(t('import.downloaded', { name: f.fileName }));
    } catch (e) {
      files.fail(e);
    }
  };
  const cancel = () => {
    job.cancel();
    if (preview) void call(backend.cancelChannel, { importId: preview.importId }).catch(() => undefined);
    onClose();
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setCommitting(true);
    try {
      const r = await job.run((opts) => backend.commit(preview.importId, skipOk, opts));
      message.success(backend.doneText(r));
      onDone();
      onClose();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
      setCommitting(false);
    }
  };
  // the rows a commit writes; it waits for a preview with rows to write, every required column, and the rows with
  // problems skipped (on purpose) or none
  const writes = preview ? preview.counts.create + preview.counts.update : 0;
  const commitDisabled = !preview || (busy && !committing) || writes === 0 || preview.missingRequired.length > 0 || (preview.counts.invalid > 0 && !skipOk);
  return { writes, commitDisabled, preview, busy, committing, error, onlyInvalid, setOnlyInvalid, skipOk, setSkipOk, job, files, pick, remap, download, cancel, commit };
}
