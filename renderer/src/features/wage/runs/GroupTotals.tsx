// A run's totals by workshop or by team (the workshop first): workers, each component's sum, vetoes and the total in
// 元, with a 合计 row that is the run's total. The backend lists them in the organisation's order (sort_order, then
// 一二三…, 甲乙丙丁, digits by value).
import { Alert, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { Locale } from '../../../../../shared/kernel/i18n';
import type { RunDetail, RunGroupBy, RunGroupTotalDetail } from '../../../../../shared/wage/runs/types';
import { useI18n, useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { yuan } from './format';

export function GroupTotals({ run, by }: { run: RunDetail; by: RunGroupBy }) {
  const t = useT();
  const locale: Locale = useI18n((s) => s.locale);
  const [rows, setRows] = useState<RunGroupTotalDetail[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setRows(null);
    setError(null);
    call('wage.runGroups', { runId: run.id, by }).then(
      (v) => current && setRows(v),
      (e: unknown) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [run.id, by, t]);

  if (error) return <Alert type="error" showIcon title={error} />;

  const columns: ColumnsType<RunGroupTotalDetail> = [
    // by team: the workshop first (the list is in the organisation's order, workshop then team — shared/wage/runs/order.ts)
    ...(by === 'team' ? [{ title: t('wage.runs.workshop'), key: 'ws', render: (_: unknown, g: RunGroupTotalDetail) => g.workshopName ?? (g.id ? '' : t('wage.runs.unassigned')) }] : []),
    { title: t(by === 'workshop' ? 'wage.runs.workshop' : 'wage.runs.team'), key: 'name', render: (_, g) => g.name ?? t('wage.runs.unassigned') },
    { title: t('wage.runs.workers'), dataIndex: 'workers', width: 90, align: 'right' },
    ...run.indicators.map((ind) => ({
      title: t('wage.runs.componentCol', { name: ind.name[locale] }),
      key: ind.code,
      align: 'right' as const,
      render: (_: unknown, g: RunGroupTotalDetail) => yuan(g.components.find((c) => c.code === ind.code)?.fen ?? 0),
    })),
    { title: t('wage.runs.vetoes'), dataIndex: 'vetoes', width: 90, align: 'right' },
    { title: t('wage.runs.lineTotal'), key: 'total', align: 'right', render: (_, g) => <Typography.Text strong>{yuan(g.totalFen)}</Typography.Text> },
  ];

  const sum = (f: (g: RunGroupTotalDetail) => number) => (rows ?? []).reduce((s, g) => s + f(g), 0);

  return (
    <Table<RunGroupTotalDetail>
      rowKey={(g) => g.id ?? '(none)'}
      size="small"
      loading={rows === null}
      columns={columns}
      dataSource={rows ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={`groups-${by}`}
      summary={() =>
        rows && rows.length > 0 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={by === 'team' ? 2 : 1}>
              <Typography.Text strong>{t('wage.runs.groupTotal')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {sum((g) => g.workers)}
            </Table.Summary.Cell>
            {run.indicators.map((ind, i) => (
              <Table.Summary.Cell key={ind.code} index={2 + i} align="right">
                {yuan(sum((g) => g.components.find((c) => c.code === ind.code)?.fen ?? 0))}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={2 + run.indicators.length} align="right">
              {sum((g) => g.vetoes)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3 + run.indicators.length} align="right">
              <Typography.Text strong data-testid={`groups-${by}-total`}>
                {yuan(sum((g) => g.totalFen))}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
