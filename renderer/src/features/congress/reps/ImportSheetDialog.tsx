// Importing representatives from a sheet (xlsx/csv): pick the file and the date they were elected, read the preview
// (every row matched or its problems with the row number), then import in one go — or cancel, which writes nothing.
import { Alert, App, Button, Checkbox, DatePicker, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { RepsImportPreview, RepsImportRow, Term } from '../../../../../shared/congress/reps/types';
import { useT } from '../../../i18n';
import { call, fileToBase64 } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { outsideTerm } from './common';

const STATUS_COLOR = { add: 'green', already: 'default', invalid: 'red' } as const;

export function ImportSheetDialog({ term, date, onClose, onDone }: { term: Term; date: string; onClose(): void; onDone(summary: { key: string; vars: Record<string, number> }): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [joinedOn, setJoinedOn] = useState(date);
  const [preview, setPreview] = useState<RepsImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [skip, setSkip] = useState(false);

  const pick = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const dataBase64 = await fileToBase64(file);
      setPreview(await call('congress.repsImportPreview', { fileName: file.name, dataBase64, termId: term.id, joinedOn }));
      setSkip(false);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    if (preview) void call('congress.repsImportCancel', { token: preview.token }).catch(() => undefined);
    onClose();
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await call('congress.repsImportCommit', { token: preview.token, skipInvalid: skip });
      const summary = { key: 'congress.reps.sheet.done', vars: { added: r.added, already: r.already, skipped: r.skipped, groups: r.groupsCreated } };
      message.success(t(summary.key, summary.vars));
      onDone(summary);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const c = preview?.counts;
  return (
    <Modal
      open
      width={980}
      title={`${t('congress.reps.fromSheet')} · ${t('congress.term', { number: term.number })}`}
      onCancel={cancel}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={cancel}>{t('common.cancel')}</Button>
          {preview && (
            <Button
              onClick={() => {
                void call('congress.repsImportCancel', { token: preview.token }).catch(() => undefined);
                setPreview(null);
              }}
            >
              {t('congress.reps.sheet.again')}
            </Button>
          )}
          {preview && (
            <Button type="primary" loading={busy} disabled={!c || c.add === 0 || (c.invalid > 0 && !skip)} onClick={() => void commit()}>
              {t('congress.reps.sheet.commit', { n: c?.add ?? 0 })}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {!preview ? (
        <>
          <Space style={{ marginBottom: 12 }}>
            <span>{t('congress.reps.joinedOn')}</span>
            <DatePicker aria-label={t('congress.reps.joinedOn')} allowClear={false} value={dayjs(joinedOn)} onChange={(d) => d && setJoinedOn(d.format('YYYY-MM-DD'))} disabledDate={outsideTerm(term)} />
          </Space>
          <Upload.Dragger
            accept=".xlsx,.csv,text/csv"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
          >
            <p style={{ fontSize: 16 }}>{busy ? t('congress.reps.sheet.reading') : t('congress.reps.sheet.pick')}</p>
            <p style={{ color: '#888', padding: '0 24px' }}>{t('congress.reps.sheet.hint')}</p>
          </Upload.Dragger>
        </>
      ) : (
        <>
          <Typography.Paragraph data-testid="sheet-summary">
            {t('congress.reps.sheet.summary', { file: preview.fileName, add: c!.add, already: c!.already, invalid: c!.invalid })}
            {preview.newGroups.length > 0 && (
              <>
                <br />
                {t('congress.reps.sheet.newGroups', { names: preview.newGroups.join(t('common.listSep')) })}
              </>
            )}
          </Typography.Paragraph>
          {c!.invalid > 0 && (
            <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)} style={{ marginBottom: 8 }}>
              {t('congress.reps.sheet.skip', { n: c!.invalid })}
            </Checkbox>
          )}
          <Table<RepsImportRow>
            rowKey="rowNumber"
            size="small"
            dataSource={preview.rows}
            pagination={preview.rows.length > 200 ? { pageSize: 200, showSizeChanger: false } : false}
            scroll={{ y: 360 }}
            columns={[
              { title: t('congress.reps.sheet.row'), dataIndex: 'rowNumber', width: 64 },
              { title: t('worker.empNo'), dataIndex: 'empNo', width: 90, render: (v: string | null) => v ?? '—' },
              { title: t('worker.name'), key: 'name', width: 100, render: (_, r) => r.workerName ?? r.name ?? '—' },
              {
                title: t('congress.group'),
                key: 'group',
                width: 150,
                render: (_, r) => (
                  <span>
                    {r.groupName ?? t('congress.reps.noGroup')} {r.groupNew && r.status === 'add' && <Tag color="blue">{t('congress.reps.sheet.newGroup')}</Tag>}
                  </span>
                ),
              },
              { title: t('congress.reps.kind'), key: 'kind', width: 110, render: (_, r) => t(`congress.kind.${r.kind}`) },
              { title: t('congress.presidium'), key: 'presidium', width: 70, render: (_, r) => (r.presidium ? t('common.yes') : '') },
              { title: t('congress.reps.sheet.status'), key: 'status', width: 90, render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`congress.reps.sheet.status.${r.status}`)}</Tag> },
              {
                title: t('congress.reps.sheet.problems'),
                key: 'problems',
                render: (_, r) => (
                  <Typography.Text type="danger">{r.problems.map((p) => t(p.key, p.params)).join(t('common.listSep'))}</Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
