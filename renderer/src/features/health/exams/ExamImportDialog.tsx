// The clinic's exam results imported like the wage records: pick a file (or download the template), see every row with
// its row number, what it was read as and its problems (or what it changes), adjust the header row, the column mapping
// and what the sheet lacks (the date, institution and kind of the whole sheet); nothing is written until the commit;
// Cancel writes nothing; the rows with problems can be downloaded as a sheet to correct.
import { Alert, Button, DatePicker, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { MIN_EXAM_DATE } from '../../../../../shared/health/exams/schemas';
import type { ExamImportDefaults, ExamImportMapping, ExamImportParsed, ExamImportPreview, ExamImportResult, ExamImportRowReport } from '../../../../../shared/health/exams/types';
import { EXAM_KINDS } from '../../../../../shared/health/kinds';
import { localToday } from '../../../../../shared/kernel/schemas';
import { JobProgress } from '../../../components/JobProgress';
import { useImportSession } from '../../../components/import/useImportSession';
import { ColumnMapping, HeaderRowPicker, ImportFilePicker, ImportFooter, ImportHeading, InvalidRowsAlert, MissingColumnsAlert, OnlyInvalidSwitch, SkippedRowsAlert } from '../../../components/import/ImportParts';
import { useI18n, useT, type TFunc } from '../../../i18n';
import { call } from '../../../lib/api';
import { useTableHeight } from '../../../lib/useTableHeight';

const fieldKey = (f: string) => `health.exam.import.field.${f}`;
const ACTION_COLOR: Record<ExamImportRowReport['action'], string> = { create: 'green', update: 'blue', unchanged: 'default', invalid: 'red' };
const actionKey = (a: ExamImportRowReport['action']) => (a === 'unchanged' ? 'health.examImport.unchanged' : `import.action.${a}`);

/** A row as read: 2026-03-10 · 在岗期间 · 噪声、苯 · 复查（纯音听阈，2026-05-10） */
export function parsedText(p: ExamImportParsed | undefined, t: TFunc): string {
  if (!p) return '';
  const parts: string[] = [];
  if (p.date) parts.push(p.date);
  if (p.kind) parts.push(t(`health.exam.kind.${p.kind}`));
  if (p.factors && p.factors.length) parts.push(p.factors.join(t('common.listSep')));
  if (p.conclusion) {
    const label = t(`health.exam.conclusion.${p.conclusion}`);
    if (p.conclusion === 'recheck') parts.push(`${label}（${[p.recheckItems, p.recheckDue].filter(Boolean).join(t('common.listSep'))}）`);
    else if (p.conclusion === 'contraindication') parts.push(`${label}（${p.contraindication ?? ''}）`);
    else if (p.conclusion !== 'normal' && p.detail) parts.push(`${label}（${p.detail}）`);
    else parts.push(label);
  }
  if (p.screening) parts.push(t(fieldKey('screening')));
  return parts.join(' · ');
}

type Change = { mapping: ExamImportMapping } | { headerRow: number } | { defaults: ExamImportDefaults };

export function ExamImportDialog({ onClose, onDone }: { onClose(): void; onDone(r: ExamImportResult): void }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const lastResult = useRef<ExamImportResult | null>(null);
  const { writes, commitDisabled, preview, busy, committing, error, onlyInvalid, setOnlyInvalid, skipOk, setSkipOk, job, files, pick, remap, download, cancel, commit } = useImportSession<ExamImportPreview, Change, ExamImportResult>(
    {
      preview: (file, opts) => call('health.examImportPreview', file, opts),
      remap: (importId, change) => call('health.examImportRemap', { importId, ...change }),
      template: (opts) => call('health.examImportTemplate', { locale }, opts),
      rejected: (importId, opts) => call('health.examImportRejected', { importId, locale }, opts),
      cancelChannel: 'health.examImportCancel',
      commit: async (importId, skipInvalid, opts) => {
        const r = await call('health.examImportCommit', { importId, skipInvalid }, opts);
        lastResult.current = r;
        return r;
      },
      doneText: (r) => t('health.examImport.done', { created: r.created, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped }),
    },
    { onClose, onDone: () => lastResult.current && onDone(lastResult.current) },
  );
  const tableHeight = Math.min(400, useTableHeight(560, 200));
  const [institution, setInstitution] = useState('');
  const rows = preview ? (onlyInvalid ? preview.rows.filter((r) => r.action === 'invalid') : preview.rows) : [];
  const defaults = preview?.defaults ?? {};
  const dateProblem = !defaults.date ? null : defaults.date > localToday() ? 'v.futureDate' : defaults.date < MIN_EXAM_DATE ? 'v.health.exam.dateTooOld' : null;
  const setDefaults = (change: ExamImportDefaults) => void remap({ defaults: { ...defaults, ...change } });
  const changesText = (r: ExamImportRowReport) =>
    r.action === 'update' && r.changes ? t('health.examImport.changes', { list: r.changes.map((f) => t(`health.examImport.change.${f}`)).join(t('import.listSep')) }) : '';
  return (
    <Modal
      open
      width={1080}
      title={t('health.examImport.title')}
      onCancel={cancel}
      mask={{ closable: false }}
      style={{ top: 16, paddingBottom: 0 }}
      styles={{ body: { maxHeight: 'calc(100vh - 150px)', overflowY: 'auto', overflowX: 'hidden' } }}
      footer={<ImportFooter job={job} onCancel={cancel} previewed={preview !== null} committing={committing} disabled={commitDisabled} writes={writes} onCommit={() => void commit()} />}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {!preview ? (
        <>
          <ImportFilePicker busy={busy} hint={t('health.examImport.pickHint')} onPick={(file) => void pick(file)} />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => void download('template')}>{t('import.template')}</Button>
            <JobProgress job={files} />
          </Space>
        </>
      ) : (
        <>
          <ImportHeading fileName={preview.fileName} headerRow={preview.headerRow} summary={t('health.examImport.summary', preview.counts)} summaryTestId="health-import-summary" />
          <HeaderRowPicker id="health-import-header-row" headerRow={preview.headerRow} candidates={preview.headerCandidates} busy={busy} onPick={(row) => void remap({ headerRow: row })} selectStyle={{ minWidth: 320, maxWidth: 640 }} />
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text>{t('health.examImport.defaults')}</Typography.Text>
            <label htmlFor="health-import-date">{t(fieldKey('date'))}</label>
            <DatePicker
              id="health-import-date"
              size="small"
              value={defaults.date ? dayjs(defaults.date) : null}
              disabled={busy}
              status={dateProblem ? 'error' : undefined}
              onChange={(d) => setDefaults({ date: d ? d.format('YYYY-MM-DD') : null })}
            />
            {/* a typed date out of range is kept and said (the rows that take it are refused) */}
            {dateProblem && (
              <Typography.Text type="danger" data-testid="health-import-date-error">
                {t(dateProblem)}
              </Typography.Text>
            )}
            <label htmlFor="health-import-institution">{t(fieldKey('institution'))}</label>
            <Input
              id="health-import-institution"
              size="small"
              maxLength={100}
              style={{ width: 220 }}
              value={institution || defaults.institution || ''}
              disabled={busy}
              onChange={(e) => setInstitution(e.target.value)}
              onBlur={() => institution !== (defaults.institution ?? '') && setDefaults({ institution: institution.trim() || null })}
              onPressEnter={() => setDefaults({ institution: institution.trim() || null })}
            />
            <label htmlFor="health-import-kind">{t(fieldKey('kind'))}</label>
            <Select
              id="health-import-kind"
              size="small"
              allowClear
              style={{ width: 140 }}
              value={defaults.kind ?? undefined}
              disabled={busy}
              options={EXAM_KINDS.map((k) => ({ value: k, label: t(`health.exam.kind.${k}`) }))}
              onChange={(v?: ExamImportDefaults['kind']) => setDefaults({ kind: v ?? null })}
            />
          </Space>
          {preview.batches.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="health-import-batches"
              title={t('health.examImport.batches', {
                list: preview.batches
                  .map((b) => `${b.date} ${b.institution} ${t(`health.exam.kind.${b.kind}`)}${t(b.existing ? 'health.examImport.batchOld' : 'health.examImport.batchNew', { n: b.rows })}`)
                  .join(t('import.listSep')),
              })}
            />
          )}
          <SkippedRowsAlert rows={preview.skippedRows} titleKey="health.examImport.skippedRows" />
          <MissingColumnsAlert labels={preview.missingRequired.map((f) => t(fieldKey(f)))} />
          <InvalidRowsAlert invalid={preview.counts.invalid} skipOk={skipOk} onSkipOk={setSkipOk} files={files} onDownloadRejected={() => void download('rejected')} />
          <ColumnMapping fields={preview.fields} label={(f) => t(fieldKey(f))} mapping={preview.mapping} columns={preview.columns} disabled={busy} onChange={(mapping) => void remap({ mapping })} />
          <OnlyInvalidSwitch checked={onlyInvalid} onChange={setOnlyInvalid} />
          <Table<ExamImportRowReport>
            size="small"
            rowKey="rowNumber"
            dataSource={rows}
            virtual
            scroll={{ y: tableHeight }}
            pagination={false}
            columns={[
              { title: t('import.row'), dataIndex: 'rowNumber', width: 70 },
              { title: t('health.examImport.who'), dataIndex: 'who', width: 140 },
              { title: t('import.action'), dataIndex: 'action', width: 90, render: (a: ExamImportRowReport['action']) => <Tag color={ACTION_COLOR[a]}>{t(actionKey(a))}</Tag> },
              { title: t('import.parsed'), width: 360, render: (_, r) => <span className="import-parsed">{parsedText(r.parsed, t)}</span> },
              {
                title: t('import.problems'),
                render: (_, r) =>
                  r.problems.length > 0 ? (
                    <Typography.Text type="danger">{r.problems.map((p) => `${t(fieldKey(p.field))}${t('import.fieldSep')}${t(p.message, p.params)}`).join(t('import.listSep'))}</Typography.Text>
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
