// Two versions of a month's run side by side, worker by worker: only the workers whose total or any component changed
// (added, removed, changed), each component from → to and the change of the total — what a recalculation did.
import { Alert, Drawer, Empty, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { Locale } from '../../../../../shared/kernel/i18n';
import type { RunDetail, RunDiff, RunDiffRow } from '../../../../../shared/wage/runs/types';
import { useI18n, useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { indicatorName, signedYuan, yuan } from './format';

function Change({ from, to }: { from: number | null; to: number | null }) {
  if (from === to) return <span>{from === null ? '—' : yuan(from)}</span>;
  return (
    <span>
      <Typography.Text type="secondary" delete={from !== null}>
        {from === null ? '—' : yuan(from)}
      </Typography.Text>
      {' → '}
      <Typography.Text strong>{to === null ? '—' : yuan(to)}</Typography.Text>
    </span>
  );
}

export function DiffDrawer({ run, fromId, toId, onClose }: { run: RunDetail; fromId: string; toId: string; onClose(): void }) {
  const t = useT();
  const locale: Locale = useI18n((s) => s.locale);
  const [pair, setPair] = useState({ fromId, toId });
  const [diff, setDiff] = useState<RunDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setDiff(null);
    setError(null);
    if (pair.fromId === pair.toId) return;
    call('wage.runDiff', pair).then(
      (v) => current && setDiff(v),
      (e: unknown) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [pair, t]);

  const versionOptions = run.versions.map((v) => ({ value: v.id, label: `${t('wage.runs.versionN', { version: v.version })} · ${t(`wage.run.state.${v.state}`)}` }));
  // only the components that changed for someone: the columns say what the recalculation did
  const codes = diff ? [...new Set(diff.rows.flatMap((r) => r.components.filter((c) => c.fromFen !== c.toFen).map((c) => c.code)))] : [];

  const columns: ColumnsType<RunDiffRow> = [
    { title: t('wage.runs.empNo'), dataIndex: 'empNo', width: 90, fixed: 'left' },
    {
      title: t('wage.runs.name'),
      key: 'name',
      width: 110,
      fixed: 'left',
      render: (_, r) => (
        <Space size={4}>
          {r.name}
          {r.fromTotalFen === null && <Tag color="green">{t('wage.runs.diff.added')}</Tag>}
          {r.toTotalFen === null && <Tag color="red">{t('wage.runs.diff.removed')}</Tag>}
        </Space>
      ),
    },
    { title: t('wage.runs.workshop'), key: 'ws', width: 110, render: (_, r) => r.workshopName ?? '' },
    ...codes.map((code) => ({
      title: t('wage.runs.componentCol', { name: indicatorName(run.indicators, code, locale) }),
      key: code,
      width: 160,
      align: 'right' as const,
      render: (_: unknown, r: RunDiffRow) => {
        const c = r.components.find((x) => x.code === code);
        return <Change from={c?.fromFen ?? null} to={c?.toFen ?? null} />;
      },
    })),
    {
      title: t('wage.runs.lineTotal'),
      key: 'total',
      width: 180,
      align: 'right',
      render: (_, r) => <Change from={r.fromTotalFen} to={r.toTotalFen} />,
    },
    {
      title: t('wage.runs.diff.delta'),
      key: 'delta',
      width: 110,
      align: 'right',
      fixed: 'right',
      render: (_, r) => {
        const d = (r.toTotalFen ?? 0) - (r.fromTotalFen ?? 0);
        return (
          <Typography.Text type={d < 0 ? 'danger' : d > 0 ? 'success' : undefined} data-testid="diff-delta">
            {signedYuan(d)}
          </Typography.Text>
        );
      },
    },
  ];

  return (
    <Drawer open size={1100} onClose={onClose} title={t('wage.runs.diff.title', { period: run.period })}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('wage.runs.diff.from')}</span>
          <Select aria-label={t('wage.runs.diff.from')} value={pair.fromId} style={{ width: 200 }} options={versionOptions} onChange={(v: string) => setPair((p) => ({ ...p, fromId: v }))} />
          <span>→</span>
          <span>{t('wage.runs.diff.to')}</span>
          <Select aria-label={t('wage.runs.diff.to')} value={pair.toId} style={{ width: 200 }} options={versionOptions} onChange={(v: string) => setPair((p) => ({ ...p, toId: v }))} />
        </Space>
        {pair.fromId === pair.toId && <Alert type="info" showIcon title={t('wage.runs.diff.pick')} />}
        {error && <Alert type="error" showIcon title={error} />}
        {!diff && !error && pair.fromId !== pair.toId && <Spin />}
        {diff && (
          <>
            <Alert
              type={diff.rows.length ? 'warning' : 'success'}
              showIcon
              data-testid="diff-summary"
              title={
                diff.rows.length
                  ? t('wage.runs.diff.summary', {
                      from: yuan(diff.from.totalFen),
                      to: yuan(diff.to.totalFen),
                      delta: signedYuan(diff.to.totalFen - diff.from.totalFen),
                      changed: diff.changed,
                      added: diff.added,
                      removed: diff.removed,
                    })
                  : t('wage.runs.diff.same')
              }
            />
            {diff.rows.length > 0 && <Typography.Text type="secondary">{t('wage.runs.diff.onlyChanged')}</Typography.Text>}
            {diff.rows.length > 0 ? (
              <Table<RunDiffRow>
                rowKey="workerId"
                size="small"
                columns={columns}
                dataSource={diff.rows}
                scroll={{ x: 'max-content' }}
                pagination={diff.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              />
            ) : (
              <Empty description={t('wage.runs.diff.same')} />
            )}
          </>
        )}
      </Space>
    </Drawer>
  );
}
