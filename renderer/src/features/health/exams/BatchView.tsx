// One exam batch (#/health/exams/batch/<id>[/<workerId>]: opened for that worker, the grid shows their row): its date, institution, kind, report and note, edit and delete (with an
// undo), and its exams as a grid to fill in (ExamGrid). A deleted batch says so and offers its restore.
import { Alert, App, Button, Descriptions, Popconfirm, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import type { BatchDetail, FactorOption } from '../../../../../shared/health/exams/types';
import { useRouter } from '../../../app/router';
import { useT } from '../../../i18n';
import { call, saveFile } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { BatchDialog } from './BatchDialog';
import { examsRouteId, undoNote, useCanRecordHealth } from './common';
import { ExamGrid } from './ExamGrid';

export function BatchView({ id, focusWorker = null }: { id: string; focusWorker?: string | null }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const canRecord = useCanRecordHealth();
  const [detail, setDetail] = useState<BatchDetail | null>(null);
  const [factors, setFactors] = useState<FactorOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const load = useCallback(async () => {
    try {
      setDetail(await call('health.batch', { id }));
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
    }
  }, [id, t]);
  useEffect(() => {
    void load();
    call('health.examFactors', {}).then(setFactors, () => undefined);
  }, [load]);
  const back = () => navigate({ page: 'health', id: examsRouteId(null) });
  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={back}>{t('health.exams.back')}</Button>} />;
  if (!detail) return <Spin />;
  const b = detail.batch;
  const what = `${b.date} ${b.institution} ${t(`health.exam.kind.${b.kind}`)}`;
  const remove = async () => {
    try {
      await call('health.batchDelete', { id: b.id });
      // its unsaved rows went with it: nothing to ask about on the way out
      useRouter.getState().setLeaveGuard(null);
      back();
      undoNote(message, t, `undo-batch-${b.id}`, what, () => call('health.batchRestore', { id: b.id }), () => navigate({ page: 'health', id: examsRouteId(b.id) }));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const restore = async () => {
    try {
      await call('health.batchRestore', { id: b.id });
      message.success(t('health.exams.restored'));
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <div style={{ paddingBottom: 24 }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          {t('health.exams.back')}
        </Button>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="health-batch-title">
          {what}
        </Typography.Title>
        {canRecord && !b.deletedAt && (
          <>
            <Button onClick={() => setEditing(true)}>{t('health.exams.edit')}</Button>
            <Popconfirm title={t('health.exams.deleteBatchQ', { what })} okText={t('health.exams.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove()}>
              <Button danger>{t('health.exams.delete')}</Button>
            </Popconfirm>
          </>
        )}
      </Space>
      {b.deletedAt && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('health.exams.batchDeletedNote')}
          action={canRecord ? <Button onClick={() => void restore()}>{t('health.exams.restore')}</Button> : undefined}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('health.exams.col.count')}>{b.examCount}</Descriptions.Item>
        <Descriptions.Item label={t('health.exams.col.source')}>{t(`health.exams.source.${b.source}`) + (b.fileName ? `（${b.fileName}）` : '')}</Descriptions.Item>
        <Descriptions.Item label={t('health.exams.col.report')}>
          {b.reportId ? (
            <Button size="small" type="link" style={{ padding: 0 }} onClick={() => void call('attachments.download', { id: b.reportId! }).then(saveFile).catch((e: unknown) => message.error(errorText(e, t)))}>
              {b.reportName ?? t('health.exams.downloadReport')}
            </Button>
          ) : (
            t('health.exams.noReport')
          )}
        </Descriptions.Item>
        {b.note && <Descriptions.Item label={t('health.exams.field.note')}>{b.note}</Descriptions.Item>}
      </Descriptions>
      <ExamGrid batch={b} exams={detail.exams} factors={factors} canRecord={canRecord} onSaved={load} focusWorker={focusWorker} />
      {editing && (
        <BatchDialog
          batch={b}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            void load();
          }}
        />
      )}
    </div>
  );
}
