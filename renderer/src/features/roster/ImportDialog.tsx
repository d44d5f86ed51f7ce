import { Alert, App, Button, Checkbox, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  IMPORT_FIELDS,
  ROLE_FLAG_TARGETS,
  type ImportField,
  type ImportMapping,
  type ImportParsed,
  type ImportPreview,
  type ImportRowReport,
  type ImportTarget,
} from '../../../../shared/roster/types';
import { useI18n, useT, type TFunc } from '../../i18n';
import { JobProgress, useJob } from '../../components/JobProgress';
import { call, fileToBase64, isCancelled } from '../../lib/api';
import { errorText } from '../../lib/errors';

const FIELD_KEY: Record<ImportField, string> = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f, `worker.${f}`]),
) as Record<ImportField, string>;
/** the label key of a worker field, or of a role flag column (the role's own key) */
const targetKey = (f: string): string | null => (f.startsWith('role.') ? f : (FIELD_KEY[f as ImportField] ?? null));
const TARGETS: readonly ImportTarget[] = [...IMPORT_FIELDS, ...ROLE_FLAG_TARGETS];

/** A row's values as read, in a line: 男 · 金工车间 / 甲班 · 入职 2019-03-05 · 三级 · 班组长、安全员 … */
export function parsedText(p: ImportParsed | undefined, t: TFunc): string {
  if (!p) return '';
  const parts: string[] = [];
  if (p.gender) parts.push(t(`gender.${p.gender}`));
  if (p.workshop) parts.push(p.team ? `${p.workshop} / ${p.team}` : p.workshop);
  if (p.post) parts.push(p.post);
  if (p.phone) parts.push(p.phone);
  if (p.hireDate) parts.push(t('import.parsed.hired', { date: p.hireDate }));
  if (p.skillGrade) parts.push(t(`grade.${p.skillGrade}`));
  if (p.status === 'left') parts.push(t('status.left'));
  if (p.roles && p.roles.length > 0) parts.push(p.roles.map((r) => t(`role.${r}`)).join(t('common.listSep')));
  if (p.isRepresentative) parts.push(t('worker.isRepresentative'));
  if (p.certType || p.certExpiry) parts.push(t('import.parsed.cert', { type: p.certType ?? '', date: p.certExpiry ?? '—' }).trim());
  return parts.join(' · ');
}

export function ImportDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { message } = App.useApp();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
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
      setPreview(await job.run((opts) => call('roster.importPreview', { fileName: file.name, dataBase64 }, opts)));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };
  const remap = async (change: { mapping: ImportMapping } | { headerRow: number }) => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await call('roster.importRemap', { importId: preview.importId, ...change }));
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
        what === 'template' ? call('roster.importTemplate', { locale }, opts) : call('roster.importRejected', { importId: preview!.importId, locale }, opts),
      );
      if ((await files.save(f)).saved) message.success(t('import.downloaded', { name: f.fileName }));
    } catch (e) {
      files.fail(e);
    }
  };
  const cancel = () => {
    job.cancel();
    if (preview) void call('roster.importCancel', { importId: preview.importId }).catch(() => undefined);
    onClose();
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setCommitting(true);
    try {
      const r = await job.run((opts) => call('roster.importCommit', { importId: preview.importId, skipInvalid: skipOk }, opts));
      message.success(t('import.done', { created: r.created, updated: r.updated, skipped: r.skipped }));
      onDone();
      onClose();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
      setCommitting(false);
    }
  };

  const valid = preview ? preview.counts.create + preview.counts.update : 0;
  const rows = preview ? (onlyInvalid ? preview.rows.filter((r) => r.action === 'invalid') : preview.rows) : [];
  return (
    <Modal
      open
      width={1080}
      title={t('import.title')}
      onCancel={cancel}
      mask={{ closable: false }}
      footer={
        <Space>
          {/* the dialog's own Cancel stops a running job (nothing is written) and closes */}
          <JobProgress job={job} cancellable={false} />
          <Button onClick={cancel}>{t('common.cancel')}</Button>
          {preview && (
            <Button type="primary" loading={committing} disabled={(busy && !committing) || valid === 0 || preview.missingRequired.length > 0 || (preview.counts.invalid > 0 && !skipOk)} onClick={() => void commit()}>
              {t('import.commit', { n: valid })}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {!preview ? (
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
          <p style={{ color: '#888', padding: '0 24px' }}>{t('import.pickHint')}</p>
        </Upload.Dragger>
      ) : null}
      {!preview ? (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => void download('template')}>{t('import.template')}</Button>
          <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
          <JobProgress job={files} />
        </Space>
      ) : (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{preview.fileName}</Typography.Text>
            <Typography.Text type="secondary">{t('import.headerRow', { n: preview.headerRow })}</Typography.Text>
            <Typography.Text data-testid="import-summary">{t('import.summary', preview.counts)}</Typography.Text>
          </Space>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
            <label htmlFor="import-header-row" style={{ whiteSpace: 'nowrap' }}>
              {t('import.pickHeader')}
            </label>
            <Select
              id="import-header-row"
              size="small"
              style={{ flex: 1, maxWidth: 720 }}
              aria-label={t('import.pickHeader')}
              value={preview.headerRow}
              disabled={busy}
              onChange={(row: number) => void remap({ headerRow: row })}
              options={preview.headerCandidates.map((c) => ({
                value: c.row,
                label: t('import.headerOption', { n: c.row, cells: c.cells.join(' | '), matches: c.matches }),
              }))}
            />
          </div>
          {preview.skippedRows.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('import.skippedRows', {
                n: preview.skippedRows.length,
                list: preview.skippedRows
                  .slice(0, 5)
                  .map((r) => t('import.skippedRow', { row: r.rowNumber, text: r.text }))
                  .join(t('import.listSep')),
              })}
            />
          )}
          {preview.missingRequired.length > 0 && (
            <Alert type="error" showIcon style={{ marginBottom: 8 }} title={t('import.missing', { list: preview.missingRequired.map((f) => t(FIELD_KEY[f])).join(t('common.listSep')) })} />
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
          {preview.newOrgUnits.length > 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('import.newUnits', { list: preview.newOrgUnits.slice(0, 20).join('，') + (preview.newOrgUnits.length > 20 ? '…' : '') })} />
          )}
          <details style={{ marginBottom: 8 }}>
            <summary style={{ cursor: 'pointer' }}>
              {t('import.mapping')} — <Typography.Text type="secondary">{t('import.mappingHint')}</Typography.Text>
            </summary>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 8, marginTop: 8 }}>
              {TARGETS.map((f) => (
                <label key={f} style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
                  {f.startsWith('role.') ? t('import.flagColumn', { role: t(f) }) : t(targetKey(f)!)}
                  <Select
                    size="small"
                    aria-label={`${f.startsWith('role.') ? t('import.flagColumn', { role: t(f) }) : t(targetKey(f)!)} ${t('import.mapping')}`}
                    value={preview.mapping[f] ?? -1}
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
          <Table<ImportRowReport>
            size="small"
            rowKey="rowNumber"
            dataSource={rows}
            virtual
            scroll={{ y: 360 }}
            pagination={false}
            columns={[
              { title: t('import.row'), dataIndex: 'rowNumber', width: 70 },
              { title: t('worker.empNo'), dataIndex: 'empNo', width: 120 },
              { title: t('worker.name'), dataIndex: 'name', width: 120 },
              {
                title: t('import.action'),
                dataIndex: 'action',
                width: 90,
                render: (a: ImportRowReport['action']) => (
                  <Tag color={a === 'invalid' ? 'red' : a === 'update' ? 'blue' : 'green'}>{t(`import.action.${a}`)}</Tag>
                ),
              },
              {
                title: t('import.parsed'),
                width: 340,
                render: (_, r) => <span className="import-parsed">{parsedText(r.parsed, t)}</span>,
              },
              {
                title: t('import.problems'),
                render: (_, r) =>
                  r.problems.length > 0
                    ? r.problems.map((p) => `${targetKey(p.field) ? t(targetKey(p.field)!) : p.field}${t('import.fieldSep')}${t(p.message, p.params)}`).join(t('import.listSep'))
                    : r.action === 'update' && r.changes
                      ? r.changes.length > 0
                        ? t('import.changes', { list: r.changes.map((f) => (f === 'restored' ? t('import.restored') : t(FIELD_KEY[f]))).join(t('import.listSep')) })
                        : t('import.unchanged')
                      : '',
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
