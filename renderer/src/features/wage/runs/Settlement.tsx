// A version of a month that was approved before (the pay already made) and this newer version: what each worker is
// paid in addition (补发, positive) or has deducted (扣回, negative), worker by worker, and the total — the difference
// wage.runDiff gives from the previously approved version to this one. Shown above the lines of a newer version (to
// be reviewed, approved, or approved and now the month's pay).
import { Alert, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { RunDetail, RunDiff, RunDiffRow } from '../../../../../shared/wage/runs/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { signedYuan, yuan } from './format';

const delta = (r: RunDiffRow) => (r.toTotalFen ?? 0) - (r.fromTotalFen ?? 0);

export function Settlement({ run }: { run: RunDetail }) {
  const t = useT();
  const prev = run.previousApproved;
  const [diff, setDiff] = useState<RunDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!prev) return;
    let current = true;
    setDiff(null);
    setError(null);
    call('wage.runDiff', { fromId: prev.id, toId: run.id }).then(
      (d) => current && setDiff(d),
      (e: unknown) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [prev, run.id, t]);

  if (!prev) return null;
  const rows = (diff?.rows ?? []).filter((r) => delta(r) !== 0);
  const back = rows.reduce((s, r) => s + Math.max(0, delta(r)), 0);
  const deduct = rows.reduce((s, r) => s + Math.min(0, delta(r)), 0);
  const columns: ColumnsType<RunDiffRow> = [
    { title: t('wage.runs.empNo'), dataIndex: 'empNo', width: 100 },
    { title: t('wage.runs.name'), dataIndex: 'name', width: 110 },
    { title: t('wage.runs.workshop'), key: 'ws', render: (_, r) => r.workshopName ?? t('wage.runs.unassigned') },
    { title: t('wage.runs.team'), key: 'team', render: (_, r) => r.teamName ?? t('wage.runs.unassigned') },
    { title: t('wage.runs.settle.paid'), key: 'from', align: 'right', render: (_, r) => (r.fromTotalFen === null ? '—' : yuan(r.fromTotalFen)) },
    { title: t('wage.runs.settle.now'), key: 'to', align: 'right', render: (_, r) => (r.toTotalFen === null ? '—' : yuan(r.toTotalFen)) },
    {
      title: t('wage.runs.settle.amount'),
      key: 'delta',
      align: 'right',
      render: (_, r) => {
        const d = delta(r);
        return (
          <span data-testid={`settle-${r.empNo}`}>
            <Tag color={d > 0 ? 'green' : 'red'}>{t(d > 0 ? 'wage.runs.settle.back' : 'wage.runs.settle.deduct')}</Tag>
            {/* the tag says which way: the amount without a sign (扣回 25.00, not 扣回 −25.00) */}
            <Typography.Text strong type={d < 0 ? 'danger' : undefined}>
              {yuan(Math.abs(d))}
            </Typography.Text>
          </span>
        );
      },
    },
  ];

  return (
    <Card size="small" data-testid="run-settlement" title={t('wage.runs.settle.title', { version: prev.version })}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(run.state === 'approved' ? 'wage.runs.settle.hintApproved' : 'wage.runs.settle.hint', { version: prev.version })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {diff && rows.length === 0 && <Alert type="info" showIcon title={t('wage.runs.settle.none', { version: prev.version })} data-testid="settle-none" />}
      {(!diff || rows.length > 0) && !error && (
        <Table<RunDiffRow>
          rowKey="workerId"
          size="small"
          loading={!diff}
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          summary={() =>
            rows.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={7}>
                  <Typography.Text strong data-testid="settle-total">
                    {t('wage.runs.settle.total', { back: yuan(back), deduct: yuan(-deduct), net: signedYuan(back + deduct), n: rows.length })}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
    </Card>
  );
}
