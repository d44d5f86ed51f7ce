// Imports of the wage records (timekeeping, behaviour records, accidents) — one dialog taking the kind, working like
// the roster's: pick a file (or download the kind's template), see every row with its row number, what it was read as
// and its problems (or what it changes), adjust the header row, the column mapping and, for timekeeping, the month of a
// sheet without a month column; nothing is written until the commit; Cancel writes nothing; the rows with problems can
// be downloaded as a sheet to correct.
import { Alert, Button, DatePicker, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTableHeight } from '../../../lib/useTableHeight';
import type { WageImportKind, WageImportMapping, WageImportParsed, WageImportPreview, WageImportRowReport } from '../../../../../shared/wage/imports/types';
import { JobProgress } from '../../../components/JobProgress';
import { useImportSession } from '../../../components/import/useImportSession';
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
} from '../../../components/import/ImportParts';
import { useI18n, useT, type TFunc } from '../../../i18n';
import { call } from '../../../lib/api';

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
  const { writes, commitDisabled, preview, busy, committing, error, onlyInvalid, setOnlyInvalid, skipOk, setSkipOk, job, files, pick, remap, download, cancel, commit } = useImportSession<
    WageImportPreview,
    { mapping: WageImportMapping } | { headerRow: number } | { period: string | null },
    { created: number; updated: number; unchanged: number; skipped: number }
  >(
    {
      preview: (file, opts) => call('wage.importPreview', { kind, ...file }, opts),
      remap: (importId, change) => call('wage.importRemap', { importId, ...change }),
      template: (opts) => call('wage.importTemplate', { kind, locale }, opts),
      rejected: (importId, opts) => call('wage.importRejected', { importId, locale }, opts),
      cancelChannel: 'wage.importCancel',
      commit: (importId, skipInvalid, opts) => call('wage.importCommit', { importId, skipInvalid }, opts),
      doneText: (r) => t('wage.import.done', { created: r.created, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped }),
    },
    { onClose, onDone },
  );
  // the preview's rows take what the window leaves (the dialog's body scrolls for the rest)
  const tableHeight = Math.min(400, useTableHeight(560, 200));

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
      {!preview ? (
        <>
          <ImportFilePicker busy={busy} hint={t('wage.import.pickHint')} onPick={(file) => void pick(file)} />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => void download('template')}>{t('import.template')}</Button>
            <JobProgress job={files} />
          </Space>
        </>
      ) : (
        <>
          <ImportHeading fileName={preview.fileName} headerRow={preview.headerRow} summary={t('wage.import.summary', preview.counts)} summaryTestId="wage-import-summary" />
          <HeaderRowPicker
            id="wage-import-header-row"
            headerRow={preview.headerRow}
            candidates={preview.headerCandidates}
            busy={busy}
            onPick={(row) => void remap({ headerRow: row })}
            style={{ flexWrap: 'wrap' }}
            selectStyle={{ minWidth: 320, maxWidth: 640 }}
          >
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
          </HeaderRowPicker>
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
          <SkippedRowsAlert rows={preview.skippedRows} titleKey="wage.import.skippedRows" />
          <MissingColumnsAlert labels={preview.missingRequired.map((f) => t(fieldKey(f)))} />
          <InvalidRowsAlert invalid={preview.counts.invalid} skipOk={skipOk} onSkipOk={setSkipOk} files={files} onDownloadRejected={() => void download('rejected')} />
          <ColumnMapping
            fields={preview.fields}
            label={(f) => t(fieldKey(f))}
            mapping={preview.mapping}
            columns={preview.columns}
            disabled={busy}
            onChange={(mapping) => void remap({ mapping })}
          />
          <OnlyInvalidSwitch checked={onlyInvalid} onChange={setOnlyInvalid} />
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
