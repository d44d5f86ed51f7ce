// The pieces every spreadsheet import dialog shares (the roster's, the wage records'): the file picker, the file's
// heading with its counts, the header-row picker, the alerts of skipped / missing / invalid rows, the column mapping,
// the "only rows with problems" switch and the footer (Cancel, Import). Each dialog keeps its own state and table.
import { Alert, Button, Checkbox, Select, Space, Typography, Upload } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../../i18n';
import { JobProgress, type Job } from '../JobProgress';

/** The drop area to pick a file (.xlsx / .csv); nothing is uploaded, the file is handed to onPick. */
export function ImportFilePicker({ busy, hint, onPick }: { busy: boolean; hint: string; onPick(file: File): void }) {
  const t = useT();
  return (
    <Upload.Dragger
      accept=".xlsx,.csv,text/csv"
      showUploadList={false}
      disabled={busy}
      beforeUpload={(file) => {
        onPick(file);
        return false;
      }}
    >
      <p style={{ fontSize: 16 }}>{busy ? t('import.reading') : t('import.pick')}</p>
      <p style={{ color: '#888', padding: '0 24px' }}>{hint}</p>
    </Upload.Dragger>
  );
}

/** The file's name, its header row and the counts of the preview. */
export function ImportHeading({ fileName, headerRow, summary, summaryTestId }: { fileName: string; headerRow: number; summary: string; summaryTestId: string }) {
  const t = useT();
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <Typography.Text strong>{fileName}</Typography.Text>
      <Typography.Text type="secondary">{t('import.headerRow', { n: headerRow })}</Typography.Text>
      <Typography.Text data-testid={summaryTestId}>{summary}</Typography.Text>
    </Space>
  );
}

export interface HeaderCandidate {
  row: number;
  cells: string[];
  matches: number;
}

/** The picker of the header row among the first rows of the file; children follow it on the same line. */
export function HeaderRowPicker({
  id,
  headerRow,
  candidates,
  busy,
  onPick,
  style,
  selectStyle,
  children,
}: {
  id: string;
  headerRow: number;
  candidates: HeaderCandidate[];
  busy: boolean;
  onPick(row: number): void;
  style?: CSSProperties;
  selectStyle?: CSSProperties;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8, ...style }}>
      <label htmlFor={id} style={{ whiteSpace: 'nowrap' }}>
        {t('import.pickHeader')}
      </label>
      <Select
        id={id}
        size="small"
        style={{ flex: 1, ...selectStyle }}
        aria-label={t('import.pickHeader')}
        value={headerRow}
        disabled={busy}
        onChange={(row: number) => onPick(row)}
        options={candidates.map((c) => ({
          value: c.row,
          label: t('import.headerOption', { n: c.row, cells: c.cells.join(' | '), matches: c.matches }),
        }))}
      />
      {children}
    </div>
  );
}

/** The rows passed over as footers or repeated headers (the first five listed); titleKey names the sentence. */
export function SkippedRowsAlert({ rows, titleKey }: { rows: { rowNumber: number; text: string }[]; titleKey: string }) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      title={t(titleKey, {
        n: rows.length,
        list: rows
          .slice(0, 5)
          .map((r) => t('import.skippedRow', { row: r.rowNumber, text: r.text }))
          .join(t('import.listSep')),
      })}
    />
  );
}

/** The required columns the mapping lacks (their labels); nothing can be imported until they are mapped. */
export function MissingColumnsAlert({ labels }: { labels: string[] }) {
  const t = useT();
  if (labels.length === 0) return null;
  return <Alert type="error" showIcon style={{ marginBottom: 8 }} title={t('import.missing', { list: labels.join(t('common.listSep')) })} />;
}

/** The rows with problems: skip them (a checkbox) or download them as a sheet to correct. */
export function InvalidRowsAlert({
  invalid,
  skipOk,
  onSkipOk,
  files,
  onDownloadRejected,
}: {
  invalid: number;
  skipOk: boolean;
  onSkipOk(skip: boolean): void;
  files: Job;
  onDownloadRejected(): void;
}) {
  const t = useT();
  if (invalid <= 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      title={
        <Checkbox checked={skipOk} onChange={(e) => onSkipOk(e.target.checked)}>
          {t('import.skipInvalid', { n: invalid })}
        </Checkbox>
      }
      action={
        <Space>
          <JobProgress job={files} />
          <Button size="small" onClick={onDownloadRejected}>
            {t('import.downloadRejected')}
          </Button>
        </Space>
      }
    />
  );
}

/** The column mapping (folded): for each field, the file's column it is read from, or none. */
export function ColumnMapping<F extends string>({
  fields,
  label,
  mapping,
  columns,
  disabled,
  onChange,
}: {
  fields: readonly F[];
  label(f: F): string;
  mapping: Partial<Record<F, number | null>>;
  columns: { index: number; header: string }[];
  disabled?: boolean;
  onChange(mapping: Partial<Record<F, number | null>>): void;
}) {
  const t = useT();
  return (
    <details style={{ marginBottom: 8 }}>
      <summary style={{ cursor: 'pointer' }}>
        {t('import.mapping')} — <Typography.Text type="secondary">{t('import.mappingHint')}</Typography.Text>
      </summary>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 8, marginTop: 8 }}>
        {fields.map((f) => (
          <label key={f} style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
            {label(f)}
            <Select
              size="small"
              aria-label={`${label(f)} ${t('import.mapping')}`}
              value={mapping[f] ?? -1}
              disabled={disabled}
              onChange={(v: number) => onChange({ ...mapping, [f]: v < 0 ? null : v })}
              options={[{ value: -1, label: t('import.notMapped') }, ...columns.map((c) => ({ value: c.index, label: c.header || `#${c.index + 1}` }))]}
            />
          </label>
        ))}
      </div>
    </details>
  );
}

/** The switch to list only the rows with problems. */
export function OnlyInvalidSwitch({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const t = useT();
  return (
    <Checkbox checked={checked} onChange={(e) => onChange(e.target.checked)} style={{ marginBottom: 8 }}>
      {t('import.onlyInvalid')}
    </Checkbox>
  );
}

/** The dialog's footer: the running job, Cancel (stops the job, writes nothing) and, once previewed, Import n rows. */
export function ImportFooter({
  job,
  onCancel,
  previewed,
  committing,
  disabled,
  writes,
  onCommit,
}: {
  job: Job;
  onCancel(): void;
  previewed: boolean;
  committing: boolean;
  disabled: boolean;
  writes: number;
  onCommit(): void;
}) {
  const t = useT();
  return (
    <Space>
      {/* the dialog's own Cancel stops a running job (nothing is written) and closes */}
      <JobProgress job={job} cancellable={false} />
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      {previewed && (
        <Button type="primary" loading={committing} disabled={disabled} onClick={onCommit}>
          {t('import.commit', { n: writes })}
        </Button>
      )}
    </Space>
  );
}
