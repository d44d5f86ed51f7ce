// Imports of the wage records (timekeeping, behaviour records, accidents) — one dialog taking the kind, working like
// the roster's: pick a file (or download the kind's template), see every row with its row number, what it was read as
// and its problems (or what it changes), adjust the header row, the column mapping and, for timekeeping, the month of a
// sheet without a month column; nothing is written until the commit; Cancel writes nothing; the rows with problems can
// be downloaded as a sheet to correct.
import { Alert, App, Button, Checkbox, DatePicker, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTableHeight } from '../../../lib/useTableHeight';
import type { WageImportKind, WageImportMapping, WageImportParsed, WageImportPreview, WageImportRowReport } from '../../../../../shared/wage/imports/types';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useI18n, useT, type TFunc } from '../../../i18n';
import { call, fileToBase64, isCancelled } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

const fieldKey = (f: string) => `wage.import.field.${f}`;
const ACTION_COLOR: Record<WageImportRowReport['action'], string> = { create: 'green', update: 'blue', unchanged: 'default', invalid: 'red' };
const actionKey = (a: WageImportRowReport['action']) => (a === 'unchanged' ? 'wage.import.action.unchanged' : `import.action.${a}`);

/** A row's values as read, in a line: 2026-03 · 工时 176 · 班次 22, or 2026-03-05 · 违章 · 未戴安全帽 · -2. */
export function parsedText(kind: WageImportKind, p: WageImportParsed | undefined, t: TFunc): string {
  if (!p) return '';
  const parts: string[] = [];
  const n = (v: number) => String(Math.round(v * 100) / 100);
  if (kind === 'timekeeping') {
    if (p.period) parts.push(p.period);
    if (p.hours !== null && p.hours !== undefined) parts.push(`${t(fieldKey('hours'))} ${n(p.hours)}`);
    if (p.shifts !== null && p.shifts !== undefined) parts.push(`${t(fieldKey('shifts'))} ${n(p.shifts)}`);
  } else if (kind === 'behaviour') {
    if (p.date) parts.push(p.date);
    if (p.kind) parts.push(t(`wage.kind.${p.kind}`));
    if (p.category) parts.push(p.category);
    if (p.points !== undefined && p.points !== null && Number.isFinite(p.points)) parts.push(p.points > 0 ? `+${n(p.points)}` : n(p.points));
    if (p.team) parts.push(t('wage.import.teamRecord', { team: p.team }));
  } else {
    if (p.date) parts.push(p.date);
    if (p.kind) parts.push(t(`wage.severity.${p.kind}`));
    if (p.team) parts.push(p.team);
    if (p.workers && p.workers.length > 0) parts.push(p.workers.join(t('common.listSep')));
  }
  if (p.note) parts.push(p.note);
  return parts.join(' · ');
}

export function ImportDialog({ kind, onClose, onDone }: { kind: WageImportKind; onClose(): void; onDone(): void }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { message } = App.useApp();
  const [preview, setPreview] = useState<WageImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [onlyInvalid, setOnlyInvalid] = useState(false);
  // the preview's rows take what the window leaves (the dialog's body scrolls for the rest)
  const tableHeight = Math.min(400, useTableHeight(560, 200));
  const [skipOk, setSkipOk] = useState(false);
  // reading a large file and committing thousands of rows are long jobs: progress, and cancel (nothing is written)
  const job = useJob();
  const failed = (e: unknown) => (isCancelled(e) ? job.fail(e) : setError(errorText(e, t)));

  const pick = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const dataBase64 = await fileToBase64(file);
      setPreview(await job.run((opts) => call('wage.importPreview', { kind, fileName: file.name, dataBase64 }, opts)));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };
  const remap = async (change: { mapping: WageImportMapping } | { headerRow: number } | { period: string | null }) => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await call('wage.importRemap', { importId: preview.importId, ...change }));
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
      const f = await files.run((opts) =>
        what === 'template' ? call('wage.importTemplate', { kind, locale }, opts) : call('wage.importRejected', { importId: preview!.importId, locale }, opts),
      );
      if ((await files.save(f)).saved) message.success(t('import.downloaded', { name: f.fileName }));
    } catch (e) {
      files.fail(e);
    }
  };
  const cancel = () => {
    job.cancel();
    if (preview) void call('wage.importCancel', { importId: preview.importId }).catch(() => undefined);
    onClose();
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setCommitting(true);
    try {
      const r = await job.run((opts) => call('wage.importCommit', { importId: preview.importId, skipInvalid: skipOk }, opts));
      message.success(t('wage.import.done', { created: r.created, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped }));
      onDone();
      onClose();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
      setCommitting(false);
    }
  };

  const writes = preview ? preview.counts.create + preview.counts.update : 0;
  const rows = preview ? (onlyInvalid ? preview.rows.filter((r) => r.action === 'invalid') : preview.rows) : [];
  const changesText = (r: WageImportRowReport) =>
    r.changes?.includes('deleted')
      ? t('wage.import.leftDeleted')
      : r.action === 'update' && r.changes
        ? t('wage.import.changes', { list: r.changes.map((f) => t(fieldKey(f))).join(t('import.listSep')) })
        : '';
  return (
    <Modal
      open
      width={1080}
      title={t(`wage.import.title.${kind}`)}
      onCancel={cancel}
      mask={{ closable: false }}
      // the footer (Cancel, Import) stays on screen at any window height: the preview scrolls inside the dialog
      style={{ top: 16, paddingBottom: 0 }}
      styles={{ body: { maxHeight: 'calc(100vh - 150px)', overflowY: 'auto', overflowX: 'hidden' } }}
      footer={
        <Space>
          {/* the dialog's own Cancel stops a running job (nothing is written) and closes */}
          <JobProgress job={job} cancellable={false} />
          <Button onClick={cancel}>{t('common.cancel')}</Button>
          {preview && (
            <Button
              type="primary"
              loading={committing}
              disabled={(busy && !committing) || writes === 0 || preview.missingRequired.length > 0 || (preview.counts.invalid > 0 && !skipOk)}
              onClick={() => void commit()}
            >
              {t('import.commit', { n: writes })}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {!preview ? (
        <>
          <Upload.Dragger
            accept=".xlsx,.csv,text/csv"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
          >
            <p style={{ fontSize: 16 }}>{busy ? t('import.reading') : t('import.pick')}</p>
            <p style={{ color: '#888', padding: '0 24px' }}>{t('wage.import.pickHint')}</p>
          </Upload.Dragger>
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => void download('template')}>{t('import.template')}</Button>
            <JobProgress job={files} />
          </Space>
        </>
      ) : (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{preview.fileName}</Typography.Text>
            <Typography.Text type="secondary">{t('import.headerRow', { n: preview.headerRow })}</Typography.Text>
            <Typography.Text data-testid="wage-import-summary">{t('wage.import.summary', preview.counts)}</Typography.Text>
          </Space>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8, flexWrap: 'wrap' }}>
            <label htmlFor="wage-import-header-row" style={{ whiteSpace: 'nowrap' }}>
              {t('import.pickHeader')}
            </label>
            <Select
              id="wage-import-header-row"
              size="small"
              style={{ flex: 1, minWidth: 320, maxWidth: 640 }}
              aria-label={t('import.pickHeader')}
              value={preview.headerRow}
              disabled={busy}
              onChange={(row: number) => void remap({ headerRow: row })}
              options={preview.headerCandidates.map((c) => ({
                value: c.row,
                label: t('import.headerOption', { n: c.row, cells: c.cells.join(' | '), matches: c.matches }),
              }))}
            />
            {kind === 'timekeeping' && (
              <>
                <label htmlFor="wage-import-period" style={{ whiteSpace: 'nowrap', marginLeft: 8 }}>
                  {t('wage.import.period')}
                </label>
                <DatePicker
                  id="wage-import-period"
                  picker="month"
                  size="small"
                  format="YYYY-MM"
                  aria-label={t('wage.import.period')}
                  disabled={busy}
                  value={preview.period ? dayjs(`${preview.period}-01`) : null}
                  disabledDate={(d) => d.isAfter(dayjs(), 'month')}
                  onChange={(d) => void remap({ period: d ? d.format('YYYY-MM') : null })}
                  style={{ width: 120 }}
                />
                {preview.periodFrom === 'title' && <Typography.Text type="secondary">{t('wage.import.periodFromTitle')}</Typography.Text>}
              </>
            )}
          </div>
          {preview.days && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title={t(
                preview.mapping.hours !== undefined && preview.mapping.hours !== null && preview.mapping.shifts !== undefined && preview.mapping.shifts !== null
                  ? 'wage.import.daysTotals'
                  : 'wage.import.daysSummed',
                { first: preview.days.first, last: preview.days.last },
              )}
            />
          )}
          {preview.skippedRows.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('wage.import.skippedRows', {
                n: preview.skippedRows.length,
                list: preview.skippedRows
                  .slice(0, 5)
                  .map((r) => t('import.skippedRow', { row: r.rowNumber, text: r.text }))
                  .join(t('import.listSep')),
              })}
            />
          )}
          {preview.missingRequired.length > 0 && (
            <Alert type="error" showIcon style={{ marginBottom: 8 }} title={t('import.missing', { list: preview.missingRequired.map((f) => t(fieldKey(f))).join(t('common.listSep')) })} />
          )}
          {preview.counts.invalid > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={
                <Checkbox checked={skipOk} onChange={(e) => setSkipOk(e.target.checked)}>
                  {t('import.skipInvalid', { n: preview.counts.invalid })}
                </Checkbox>
              }
              action={
                <Space>
                  <JobProgress job={files} />
                  <Button size="small" onClick={() => void download('rejected')}>
                    {t('import.downloadRejected')}
                  </Button>
                </Space>
              }
            />
          )}
          <details style={{ marginBottom: 8 }}>
            <summary style={{ cursor: 'pointer' }}>
              {t('import.mapping')} — <Typography.Text type="secondary">{t('import.mappingHint')}</Typography.Text>
            </summary>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 8, marginTop: 8 }}>
              {preview.fields.map((f) => (
                <label key={f} style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
                  {t(fieldKey(f))}
                  <Select
                    size="small"
                    aria-label={`${t(fieldKey(f))} ${t('import.mapping')}`}
                    value={preview.mapping[f] ?? -1}
                    disabled={busy}
                    onChange={(v: number) => void remap({ mapping: { ...preview.mapping, [f]: v < 0 ? null : v } })}
                    options={[{ value: -1, label: t('import.notMapped') }, ...preview.columns.map((c) => ({ value: c.index, label: c.header || `#${c.index + 1}` }))]}
                  />
                </label>
              ))}
            </div>
          </details>
          <Checkbox checked={onlyInvalid} onChange={(e) => setOnlyInvalid(e.target.checked)} style={{ marginBottom: 8 }}>
            {t('import.onlyInvalid')}
          </Checkbox>
          <Table<WageImportRowReport>
            size="small"
            rowKey="rowNumber"
            dataSource={rows}
            virtual
            scroll={{ y: tableHeight }}
            pagination={false}
            columns={[
              { title: t('import.row'), dataIndex: 'rowNumber', width: 70 },
              { title: t('wage.import.who'), dataIndex: 'who', width: 150 },
              {
                title: t('import.action'),
                dataIndex: 'action',
                width: 90,
                render: (a: WageImportRowReport['action']) => <Tag color={ACTION_COLOR[a]}>{t(actionKey(a))}</Tag>,
              },
              { title: t('import.parsed'), width: 340, render: (_, r) => <span className="import-parsed">{parsedText(kind, r.parsed, t)}</span> },
              {
                title: t('import.problems'),
                render: (_, r) =>
                  r.problems.length > 0 ? (
                    <Typography.Text type="danger">
                      {r.problems.map((p) => `${t(fieldKey(p.field))}${t('import.fieldSep')}${t(p.message, p.params)}`).join(t('import.listSep'))}
                    </Typography.Text>
                  ) : (
                    changesText(r)
                  ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

/** The import button of one kind, with its dialog (only those who enter the records see it). */
export function ImportButton({ kind, onDone }: { kind: WageImportKind; onDone(): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid={`wage-import-${kind}`} onClick={() => setOpen(true)}>
        {t(`wage.import.button.${kind}`)}
      </Button>
      {open && <ImportDialog kind={kind} onClose={() => setOpen(false)} onDone={onDone} />}
    </>
  );
}
