// The exams tab of the health page (#/health/exams[/batch/<id>[/<workerId>]]): the exam batches (year, kind, search, the deleted
// ones to restore), a new batch, the clinic's import, and a worker's health file; a batch opened shows its exams.
// Exam results are the workers' private medical data: those who do not read them (shared/health/privacy.ts) see a
// notice instead, pointing to the plan tab's due list.
import { LockOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Result, Select, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BatchPage, ExamBatch } from '../../../../../shared/health/exams/types';
import { CONCLUSIONS, EXAM_KINDS, type ExamKind } from '../../../../../shared/health/kinds';
import { useRoute, useRouter } from '../../../app/router';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { WorkerPick } from '../../wage/records/WorkersSelect';
import { parseHealthId } from '../tabs';
import { BatchDialog } from './BatchDialog';
import { BatchView } from './BatchView';
import { CONCLUSION_COLOR, examsRouteId, useCanRecordHealth, useReadsHealthResults } from './common';
import { ExamImportDialog } from './ExamImportDialog';
import { HealthFileButton } from './HealthFileButton';

function BatchList() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const canRecord = useCanRecordHealth();
  const [year, setYear] = useState<number | null>(null);
  const [kind, setKind] = useState<ExamKind | null>(null);
  const [search, setSearch] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<BatchPage | null>(null);
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const [fileWorker, setFileWorker] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await call('health.batches', { year, kind, search, deleted, page, pageSize: 20 }));
    } catch (e) {
      message.error(errorText(e, t));
    }
  }, [year, kind, search, deleted, page, message, t]);
  useEffect(() => {
    const h = setTimeout(() => void load(), 150);
    return () => clearTimeout(h);
  }, [load]);
  const open = (b: ExamBatch) => navigate({ page: 'health', id: examsRouteId(b.id) });
  const thisYear = new Date().getFullYear();
  const restore = async (b: ExamBatch) => {
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
      <Space wrap style={{ marginBottom: 12 }}>
        {canRecord && (
          <>
            <Button type="primary" onClick={() => setDialog('new')} data-testid="health-new-batch">
              {t('health.exams.newBatch')}
            </Button>
            <Button onClick={() => setDialog('import')} data-testid="health-import">
              {t('health.exams.import')}
            </Button>
          </>
        )}
        <Select
          aria-label={t('health.exams.year')}
          style={{ width: 120 }}
          value={year ?? 0}
          onChange={(v: number) => {
            setYear(v || null);
            setPage(1);
          }}
          options={[{ value: 0, label: t('health.exams.allYears') }, ...Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))]}
        />
        <Select
          aria-label={t('health.exams.col.kind')}
          style={{ width: 130 }}
          value={kind ?? ''}
          onChange={(v: ExamKind | '') => {
            setKind(v || null);
            setPage(1);
          }}
          options={[{ value: '', label: t('health.exams.allKinds') }, ...EXAM_KINDS.map((k) => ({ value: k, label: t(`health.exam.kind.${k}`) }))]}
        />
        <Input.Search
          aria-label={t('health.exams.search')}
          placeholder={t('health.exams.search')}
          allowClear
          style={{ width: 220 }}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
        <Space size={4}>
          <Switch
            id="health-show-deleted"
            size="small"
            checked={deleted}
            onChange={(v) => {
              setDeleted(v);
              setPage(1);
            }}
          />
          <label htmlFor="health-show-deleted">{t('health.exams.showDeleted')}</label>
        </Space>
      </Space>
      <Table<ExamBatch>
        size="small"
        rowKey="id"
        dataSource={data?.rows ?? []}
        loading={!data}
        onRow={(b) => ({ onDoubleClick: () => open(b) })}
        pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, onChange: setPage, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={t(deleted ? 'health.exams.emptyDeleted' : 'health.exams.empty')} /> }}
        columns={[
          { title: t('health.exams.col.date'), dataIndex: 'date', width: 110 },
          { title: t('health.exams.col.institution'), dataIndex: 'institution' },
          { title: t('health.exams.col.kind'), dataIndex: 'kind', width: 100, render: (k: ExamKind) => t(`health.exam.kind.${k}`) },
          { title: t('health.exams.col.count'), dataIndex: 'examCount', width: 70, align: 'right' },
          {
            title: t('health.exams.col.conclusions'),
            key: 'conclusions',
            render: (_, b) => (
              <Space size={2} wrap>
                {CONCLUSIONS.filter((c) => b.conclusions[c] > 0).map((c) => (
                  <Tag key={c} color={CONCLUSION_COLOR[c]}>
                    {t(`health.exam.conclusion.${c}`)} {b.conclusions[c]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('health.exams.col.source'), dataIndex: 'source', width: 90, render: (s: ExamBatch['source']) => t(`health.exams.source.${s}`) },
          {
            title: t('health.exams.col.actions'),
            key: 'actions',
            width: 110,
            render: (_, b) =>
              deleted ? (
                canRecord && (
                  <Button size="small" type="link" onClick={() => void restore(b)} aria-label={`${t('health.exams.restore')} ${b.date} ${b.institution}`}>
                    {t('health.exams.restore')}
                  </Button>
                )
              ) : (
                <Button size="small" type="link" onClick={() => open(b)} aria-label={`${t('health.exams.open')} ${b.date} ${b.institution}`}>
                  {t('health.exams.open')}
                </Button>
              ),
          },
        ]}
      />
      <Card size="small" title={t('health.exams.healthFile')} style={{ marginTop: 16, maxWidth: 720 }}>
        <Space wrap>
          <WorkerPick value={fileWorker} onChange={setFileWorker} placeholder={t('health.exams.healthFilePick')} width={320} id="health-file-worker" />
          <HealthFileButton workerId={fileWorker} label={t('health.exams.healthFileFor')} />
        </Space>
      </Card>
      {dialog === 'new' && <BatchDialog batch={null} onClose={() => setDialog(null)} onDone={(b) => navigate({ page: 'health', id: examsRouteId(b.id) })} />}
      {dialog === 'import' && (
        <ExamImportDialog
          onClose={() => setDialog(null)}
          onDone={(r) => {
            void load();
            if (r.batchIds.length === 1) navigate({ page: 'health', id: examsRouteId(r.batchIds[0]!) });
          }}
        />
      )}
    </div>
  );
}

/** Those who do not read exam results see why, and where to find who is due (nothing is asked of the backend). */
function PrivateNotice() {
  const t = useT();
  const navigate = useRouter((s) => s.navigate);
  return (
    <div data-testid="health-exams-private">
      <Result
        status="info"
        icon={<LockOutlined />}
        title={t('health.exams.private.title')}
        subTitle={<span style={{ display: 'inline-block', maxWidth: 640 }}>{t('health.exams.private.body')}</span>}
        extra={
          <Button type="primary" onClick={() => navigate({ page: 'health', id: 'plan' })}>
            {t('health.exams.private.toPlan')}
          </Button>
        }
      />
    </div>
  );
}

export function ExamsTab() {
  const route = useRoute();
  const reads = useReadsHealthResults();
  const { rest } = parseHealthId(route.page === 'health' ? route.id : null);
  const batchId = rest[0] === 'batch' && rest[1] ? rest[1] : null;
  const workerId = batchId && rest[2] ? rest[2] : null;
  if (!reads) return <PrivateNotice />;
  return batchId ? <BatchView key={batchId} id={batchId} focusWorker={workerId} /> : <BatchList />;
}
