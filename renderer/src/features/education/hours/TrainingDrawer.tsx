// One worker's training in a drawer: the year's requirement and the hours counted against it, every activity attended
// (all years, newest first; those counting toward the year marked; an activity opens in the activities tab), and the
// training file (培训档案) as PDF.
import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TrainingEntry, WorkerTraining } from '../../../../../shared/education/hours/types';
import { routeHash } from '../../../app/router';
import { useT } from '../../../i18n';
import { call, saveFile } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

const num = (v: number) => String(Math.round(v * 10) / 10);

export function TrainingDrawer({ workerId, year, onClose }: { workerId: string | null; year: number; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [data, setData] = useState<WorkerTraining | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (!workerId) return;
    let current = true;
    setData(null);
    setError(null);
    call('education.workerTraining', { workerId, year }).then(
      (v) => current && setData(v),
      (e: unknown) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [workerId, year, t]);

  const exportPdf = async () => {
    if (!workerId) return;
    setExporting(true);
    try {
      await saveFile(await call('education.trainingFilePdf', { workerId, year }));
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setExporting(false);
    }
  };

  const h = data?.hours;
  return (
    <Drawer
      open={workerId !== null}
      onClose={onClose}
      size="large"
      title={h ? t('education.hours.file.title', { name: h.name, empNo: h.empNo }) : t('education.hours.open')}
      extra={
        <Button icon={<FilePdfOutlined />} onClick={() => void exportPdf()} loading={exporting} disabled={!data} data-testid="training-pdf">
          {t('education.hours.file.pdf')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!data && !error && <Spin />}
      {h && data && (
        <div data-testid="training-drawer">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('education.hours.col.workshop')}>{h.workshopName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('education.hours.col.team')}>{h.teamName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('education.hours.col.role')}>
              {t(`education.role.${h.role}`)} {h.isManager && <Tag>{t('education.hours.manager')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('education.hours.col.required')}>{h.applies ? t('education.hours.hoursUnit', { n: num(h.required) }) : t('education.hours.noFixed')}</Descriptions.Item>
            <Descriptions.Item label={t('education.hours.col.counted')}>{t('education.hours.hoursUnit', { n: num(h.counted) })}</Descriptions.Item>
            <Descriptions.Item label={t('education.hours.col.gap')}>
              {!h.applies ? '—' : h.meets ? <Tag color="green">{t('education.hours.met')}</Tag> : <Typography.Text type="danger">{t('education.hours.file.gap', { n: num(h.gap) })}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('education.hours.col.yearHours')}>{t('education.hours.hoursUnit', { n: num(h.yearHours) })}</Descriptions.Item>
            <Descriptions.Item label={t('education.hours.col.meetings')}>{t('education.hours.meetingsUnit', { n: h.meetings })}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('education.hours.file.entries')}
          </Typography.Title>
          <Table<TrainingEntry>
            size="small"
            rowKey="activityId"
            pagination={data.entries.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            dataSource={data.entries}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('education.hours.file.none')} /> }}
            columns={[
              { title: t('education.hours.file.date'), dataIndex: 'date', width: 104 },
              {
                title: t('education.hours.file.kind'),
                key: 'kind',
                render: (_, e) => `${t(`education.hours.kind.${e.kind}`)}${e.level ? `（${t(`education.hours.level.${e.level}`)}）` : ''}`,
              },
              { title: t('education.hours.file.title2'), dataIndex: 'title', render: (v: string, e) => <a href={routeHash({ page: 'education', id: `activities/${e.activityId}` })}>{v}</a> },
              { title: t('education.hours.file.hours'), dataIndex: 'hours', align: 'right', width: 64, render: (v: number, e) => (e.kind === 'pre_shift' ? '—' : num(v)) },
              {
                title: t('education.hours.file.score'),
                key: 'score',
                width: 80,
                render: (_, e) => (e.score !== null ? num(e.score) : e.passed === null ? '—' : e.passed ? t('education.hours.file.passed') : t('education.hours.file.failed')),
              },
              {
                title: t('education.hours.file.counts', { year: data.year }),
                dataIndex: 'counts',
                width: 110,
                align: 'center',
                render: (v: boolean) => (v ? <Tag color="blue">✓</Tag> : ''),
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
