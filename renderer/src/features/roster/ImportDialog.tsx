import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
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
import { JobProgress } from '../../components/JobProgress';
import { useImportSession } from '../../components/import/useImportSession';
import {
  ColumnMapping,
  HeaderRowPicker,
  ImportFilePicker,
  ImportFooter,
  ImportHeading,
  InvalidRowsAlert,
  MissingColumnsAlert,
  OnlyInvalidSwitch,
  SkippedRowsAlert,
} from '../../components/import/ImportParts';
import { call } from '../../lib/api';

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
  const { writes, commitDisabled, preview, busy, committing, error, onlyInvalid, setOnlyInvalid, skipOk, setSkipOk, job, files, pick, remap, download, cancel, commit } = useImportSession<
    ImportPreview,
    { mapping: ImportMapping } | { headerRow: number },
    { created: number; updated: number; skipped: number }
  >(
    {
      preview: (file, opts) => call('roster.importPreview', file, opts),
      remap: (importId, change) => call('roster.importRemap', { importId, ...change }),
      template: (opts) => call('roster.importTemplate', { locale }, opts),
      rejected: (importId, opts) => call('roster.importRejected', { importId, locale }, opts),
      cancelChannel: 'roster.importCancel',
      commit: (importId, skipInvalid, opts) => call('roster.importCommit', { importId, skipInvalid }, opts),
      doneText: (r) => t('import.done', { created: r.created, updated: r.updated, skipped: r.skipped }),
    },
    { onClose, onDone },
  );

  const rows = preview ? (onlyInvalid ? preview.rows.filter((r) => r.action === 'invalid') : preview.rows) : [];
  return (
    <Modal
      open
      width={1080}
      title={t('import.title')}
      onCancel={cancel}
      mask={{ closable: false }}
      footer={
        <ImportFooter
          job={job}
          onCancel={cancel}
          previewed={preview !== null}
          committing={committing}
          disabled={commitDisabled}
          writes={writes}
          onCommit={() => void commit()}
        />
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {!preview ? <ImportFilePicker busy={busy} hint={t('import.pickHint')} onPick={(file) => void pick(file)} /> : null}
      {!preview ? (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => void download('template')}>{t('import.template')}</Button>
          <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
          <JobProgress job={files} />
        </Space>
      ) : (
        <>
          <ImportHeading fileName={preview.fileName} headerRow={preview.headerRow} summary={t('import.summary', preview.counts)} summaryTestId="import-summary" />
          <HeaderRowPicker
            id="import-header-row"
            headerRow={preview.headerRow}
            candidates={preview.headerCandidates}
            busy={busy}
            onPick={(row) => void remap({ headerRow: row })}
            selectStyle={{ maxWidth: 720 }}
          />
          <SkippedRowsAlert rows={preview.skippedRows} titleKey="import.skippedRows" />
          <MissingColumnsAlert labels={preview.missingRequired.map((f) => t(FIELD_KEY[f]))} />
          <InvalidRowsAlert invalid={preview.counts.invalid} skipOk={skipOk} onSkipOk={setSkipOk} files={files} onDownloadRejected={() => void download('rejected')} />
          {preview.newOrgUnits.length > 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('import.newUnits', { list: preview.newOrgUnits.slice(0, 20).join('，') + (preview.newOrgUnits.length > 20 ? '…' : '') })} />
          )}
          <ColumnMapping
            fields={TARGETS}
            label={(f) => (f.startsWith('role.') ? t('import.flagColumn', { role: t(f) }) : t(targetKey(f)!))}
            mapping={preview.mapping}
            columns={preview.columns}
            onChange={(mapping) => void remap({ mapping })}
          />
          <OnlyInvalidSwitch checked={onlyInvalid} onChange={setOnlyInvalid} />
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
