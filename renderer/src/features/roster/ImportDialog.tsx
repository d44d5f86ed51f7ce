import { Alert, App, Button, Checkbox, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportPreview, type ImportRowReport } from '../../../../shared/roster/types';
import { useT } from '../../i18n';
import { JobProgress, useJob } from '../../components/JobProgress';
import { call, fileToBase64, isCancelled } from '../../lib/api';
import { errorText } from '../../lib/errors';

const FIELD_KEY: Record<ImportField, string> = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f, `worker.${f}`]),
) as Record<ImportField, string>;

export function ImportDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
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
  const remap = async (field: ImportField, index: number | null) => {
    if (!preview) return;
    const mapping: ImportMapping = { ...preview.mapping, [field]: index };
    setBusy(true);
    try {
      setPreview(await call('roster.importRemap', { importId: preview.importId, mapping }));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
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
    try {
      const r = await job.run((opts) => call('roster.importCommit', { importId: preview.importId, skipInvalid: skipOk }, opts));
      message.success(t('import.done', { created: r.created, updated: r.updated, skipped: r.skipped }));
      onDone();
      onClose();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
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
      maskClosable={false}
      footer={
        <Space>
          {/* the dialog's own Cancel stops a running job (nothing is written) and closes */}
          <JobProgress job={job} cancellable={false} />
          <Button onClick={cancel}>{t('common.cancel')}</Button>
          {preview && (
            <Button type="primary" loading={busy} disabled={valid === 0 || preview.missingRequired.length > 0 || (preview.counts.invalid > 0 && !skipOk)} onClick={() => void commit()}>
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
      ) : (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{preview.fileName}</Typography.Text>
            <Typography.Text type="secondary">{t('import.headerRow', { n: preview.headerRow })}</Typography.Text>
            <Typography.Text data-testid="import-summary">{t('import.summary', preview.counts)}</Typography.Text>
          </Space>
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
              {IMPORT_FIELDS.map((f) => (
                <label key={f} style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
                  {t(FIELD_KEY[f])}
                  <Select
                    size="small"
                    aria-label={`${t(FIELD_KEY[f])} ${t('import.mapping')}`}
                    value={preview.mapping[f] ?? -1}
                    onChange={(v: number) => void remap(f, v < 0 ? null : v)}
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
                title: t('import.problems'),
                render: (_, r) =>
                  r.problems.length > 0
                    ? r.problems.map((p) => `${FIELD_KEY[p.field as ImportField] ? t(FIELD_KEY[p.field as ImportField]) : p.field}${t('import.fieldSep')}${t(p.message, p.params)}`).join(t('import.listSep'))
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
