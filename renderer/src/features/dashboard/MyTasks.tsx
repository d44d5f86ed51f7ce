// 待我处理: the signed-in operator's waiting hazards (hazards.mine) — rectifications they are responsible for and
// submitted rectifications they may accept — at the top of the home page. A row opens the hazard.
import { Alert, Badge, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MyTask, MyTasks as MyTasksData } from '../../../../shared/hazards/mine';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { openHazardRow, useDashT } from './dashT';
import { daysUntil } from './Reminders';
import { useDashboard } from './store';

export const MY_TASKS_LIMIT = 10;

export function MyTasks({ onOpenHazard }: { onOpenHazard(id: string): void }) {
  const { t, locale } = useDashT();
  const [data, setData] = useState<MyTasksData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    call('hazards.mine', { limit: MY_TASKS_LIMIT }).then(
      (d) => {
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        setError(e);
        setLoading(false);
      },
    );
  }, []);
  const tick = useDashboard((s) => s.cardsTick); // 刷新 reads them again
  useEffect(load, [load, tick]);

  const total = data?.total ?? 0;
  return (
    <Card
      size="small"
      className="ak-dash-noprint"
      data-testid="my-tasks"
      title={
        <span>
          <h2 style={{ display: 'inline', margin: 0, fontSize: 14, fontWeight: 600 }}>{t('mine.title')}</h2>{' '}
          <Badge count={total} showZero overflowCount={999} color={total > 0 ? '#0f766e' : '#bfbfbf'} />
        </span>
      }
      extra={
        total > (data?.rows.length ?? 0) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rem.shown', { n: total, m: data?.rows.length ?? 0 })}
          </Typography.Text>
        )
      }
      styles={{ body: { padding: 0 } }}
    >
      {error != null && (
        <Alert
          type="error"
          showIcon
          title={errorText(error, t)}
          action={
            <Button size="small" onClick={load}>
              {t('dash.retry')}
            </Button>
          }
        />
      )}
      <Table<MyTask>
        rowKey="id"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={data?.rows ?? []}
        tableLayout="fixed"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mine.empty')} /> }}
        onRow={openHazardRow(t, onOpenHazard)}
        columns={[
          {
            key: 'task',
            title: t('mine.task'),
            dataIndex: 'task',
            width: locale === 'en' ? 130 : 90,
            render: (k: MyTask['task']) => <Tag color={k === 'accept' ? 'blue' : 'orange'}>{t(`mine.task.${k}`)}</Tag>,
          },
          {
            key: 'serial',
            title: t('hazard.serial'),
            dataIndex: 'serial',
            width: 124,
            render: (v: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v}</span>,
          },
          { key: 'description', title: t('hazard.description'), dataIndex: 'description', ellipsis: true },
          { key: 'responsible', title: t('hazard.responsible'), dataIndex: 'responsibleName', width: 100, ellipsis: true },
          {
            key: 'dueDate',
            title: t('hazard.dueDate'),
            dataIndex: 'dueDate',
            width: 150,
            render: (v: string | null) => {
              if (!v) return '';
              const d = daysUntil(v);
              return (
                <span style={{ whiteSpace: 'nowrap', color: d < 0 ? '#cf1322' : d <= 3 ? '#d46b08' : undefined }}>
                  {v}
                  {d < 0 && ` · ${t('rem.daysOverdue', { n: -d })}`}
                </span>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
