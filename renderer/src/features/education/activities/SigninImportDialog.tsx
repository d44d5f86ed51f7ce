// The sign-in sheet of an activity imported like the wage sheets: pick the file (or download the template), see every
// row with its row number — present (new or updated), absent, or its problems — adjust the header row and the column
// mapping; nothing is written until the commit; Cancel writes nothing; the rows with problems can be downloaded.
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import type { SigninChange, SigninMapping, SigninPreview, SigninResult, SigninRowReport } from '../../../../../shared/education/activities/signin';
import { JobProgress } from '../../../components/JobProgress';
import { useImportSession } from '../../../components/import/useImportSession';
import { ColumnMapping, HeaderRowPicker, ImportFilePicker, ImportFooter, ImportHeading, InvalidRowsAlert, MissingColumnsAlert, OnlyInvalidSwitch, SkippedRowsAlert } from '../../../components/import/ImportParts';
import { useI18n, useT, type TFunc } from '../../../i18n';
import { call } from '../../../lib/api';
import { hoursText } from './common';

const fieldKey = (f: string) => `edu.signin.field.${f}`;
const ACTION_COLOR: Record<SigninRowReport['action'], string> = { create: 'green', update: 'blue', unchanged: 'default', absent: 'default', invalid: 'red' };
const actionKey = (a: SigninRowReport['action']) => (a === 'absent' ? 'edu.signin.absent' : a === 'unchanged' ? 'edu.signin.unchanged' : `import.action.${a}`);

function changeValue(c: SigninChange, v: number | boolean | null, t: TFunc, activityHours: number): string {
  if (c.field === 'hours') return v === null ? t('edu.signin.asActivity', { n: hoursText(activityHours) }) : hoursText(v as number);
  if (c.field === 'passed') return v === null ? t('edu.signin.none') : t(v ? 'edu.att.pass' : 'edu.att.fail');
  return v === null ? t('edu.signin.none') : String(v);
}
const changeLabel = (c: SigninChange, t: TFunc) => t(c.field === 'passed' ? 'edu.att.passed' : fieldKey(c.field));

/** What the row does: a new attendee's values, an update's changes (成绩 85 → 90), or 无变化. */
function rowText(r: SigninRowReport, t: TFunc, activityHours: number): string {
  if (r.action === 'unchanged') return t('edu.signin.noChange');
  if (r.action === 'update' && r.changes) {
    return r.changes.map((c) => `${changeLabel(c, t)} ${changeValue(c, c.from, t, activityHours)} → ${changeValue(c, c.to, t, activityHours)}`).join(t('import.listSep'));
  }
  return parsedText(r.parsed, t);
}

function parsedText(p: SigninRowReport['parsed'], t: TFunc): string {
  if (!p) return '';
  const parts: string[] = [];
  if (p.hours !== null) parts.push(`${t(fieldKey('hours'))} ${hoursText(p.hours)}`);
  if (p.score !== null) parts.push(`${t(fieldKey('score'))} ${p.score}`);
  if (p.passed !== null) parts.push(t(p.passed ? 'edu.att.pass' : 'edu.att.fail'));
  return parts.join(' · ');
}

/** `meeting`: a pre-shift meeting — only who signed in is imported (its 学时 / 成绩 columns are not read). */
export function SigninImportDialog({
  activityId,
  title,
  hours = 0,
  meeting = false,
  onClose,
  onDone,
}: {
  activityId: string;
  title: string;
  /** the activity's hours (an attendee without their own) */
  hours?: number;
  meeting?: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const s = useImportSession<SigninPreview, { mapping: SigninMapping } | { headerRow: number }, SigninResult>(
    {
      preview: (file, opts) => call('education.signinPreview', { activityId, ...file }, opts),
      remap: (importId, change) => call('education.signinRemap', { importId, ...change }),
      template: (opts) => call('education.signinTemplate', { locale }, opts),
      rejected: (importId, opts) => call('education.signinRejected', { importId, locale }, opts),
      cancelChannel: 'education.signinCancel',
      commit: (importId, skipInvalid, opts) => call('education.signinCommit', { importId, skipInvalid }, opts),
      doneText: (r) => t('edu.signin.done', { ...r }),
    },
    { onClose, onDone },
  );
  const { preview, busy } = s;
  const rows = preview ? (s.onlyInvalid ? preview.rows.filter((r) => r.action === 'invalid') : preview.rows) : [];
  return (
    <Modal
      open
      width={960}
      title={t('edu.signin.title', { title })}
      onCancel={s.cancel}
      mask={{ closable: false }}
      style={{ top: 16, paddingBottom: 0 }}
      styles={{ body: { maxHeight: 'calc(100vh - 150px)', overflowY: 'auto', overflowX: 'hidden' } }}
      footer={<ImportFooter job={s.job} onCancel={s.cancel} previewed={preview !== null} committing={s.committing} disabled={s.commitDisabled} writes={s.writes} onCommit={() => void s.commit()} />}
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 12 }} role="alert" />}
      {meeting && <Alert type="info" showIcon title={t('edu.signin.meetingHint')} style={{ marginBottom: 12 }} data-testid="edu-signin-meeting" />}
      {!preview ? (
        <>
          <ImportFilePicker busy={busy} hint={t('edu.signin.pickHint')} onPick={(file) => void s.pick(file)} />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => void s.download('template')}>{t('import.template')}</Button>
            <JobProgress job={s.files} />
          </Space>
        </>
      ) : (
        <>
          <ImportHeading fileName={preview.fileName} headerRow={preview.headerRow} summary={t('edu.signin.summary', preview.counts)} summaryTestId="edu-signin-summary" />
          <HeaderRowPicker id="edu-signin-header-row" headerRow={preview.headerRow} candidates={preview.headerCandidates} busy={busy} onPick={(row) => void s.remap({ headerRow: row })} selectStyle={{ minWidth: 320, maxWidth: 600 }} />
          <SkippedRowsAlert rows={preview.skippedRows} titleKey="edu.signin.skippedRows" />
          <MissingColumnsAlert labels={preview.missingRequired.map((f) => t(fieldKey(f)))} />
          {!meeting && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="edu-signin-kept"
              title={
                preview.keptFields.length > 0
                  ? t('edu.signin.keptColumns', { columns: preview.keptFields.map((f) => t(fieldKey(f))).join(t('common.listSep')) })
                  : t('edu.signin.emptyKeeps')
              }
            />
          )}
          <InvalidRowsAlert invalid={preview.counts.invalid} skipOk={s.skipOk} onSkipOk={s.setSkipOk} files={s.files} onDownloadRejected={() => void s.download('rejected')} />
          <ColumnMapping fields={preview.fields} label={(f) => t(fieldKey(f))} mapping={preview.mapping} columns={preview.columns} disabled={busy} onChange={(mapping) => void s.remap({ mapping })} />
          <OnlyInvalidSwitch checked={s.onlyInvalid} onChange={s.setOnlyInvalid} />
          <Table<SigninRowReport>
            size="small"
            rowKey="rowNumber"
            dataSource={rows}
            pagination={false}
            scroll={{ y: 360 }}
            columns={[
              { title: t('import.row'), dataIndex: 'rowNumber', width: 70 },
              { title: t('edu.signin.who'), dataIndex: 'who', width: 150 },
              { title: t('import.action'), dataIndex: 'action', width: 90, render: (a: SigninRowReport['action']) => <Tag color={ACTION_COLOR[a]}>{t(actionKey(a))}</Tag> },
              { title: t('import.parsed'), width: 260, render: (_, r) => rowText(r, t, hours) },
              {
                title: t('import.problems'),
                render: (_, r) =>
                  r.problems.length > 0 ? (
                    <Typography.Text type="danger">{r.problems.map((p) => `${t(fieldKey(p.field))}${t('import.fieldSep')}${t(p.message, p.params)}`).join(t('import.listSep'))}</Typography.Text>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
