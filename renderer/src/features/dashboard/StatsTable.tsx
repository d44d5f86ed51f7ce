// The quarterly / yearly statistics table, laid out to be printed and signed.
import { App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { STATS_MONEY, STATS_NUMERIC, statsTotals } from '../../../../shared/hazards/stats';
import { formatYuan } from '../../../../shared/kernel/money';
import type { HazardStats } from '../../../../shared/hazards/types';
import { JobProgress, useJob } from '../../components/JobProgress';
import { call } from '../../lib/api';
import { periodLabel, useDashT } from './dashT';

export type StatsRow = HazardStats['table'][number];
const NUMERIC = STATS_NUMERIC;

export function statsTitle(t: ReturnType<typeof useDashT>['t'], locale: ReturnType<typeof useDashT>['locale'], year: number, quarter: number | null) {
  return t('table.title', { period: periodLabel(t, locale, year, quarter) });
}

function SignLine({ label, blank }: { label: string; blank?: string }) {
  const { t } = useDashT();
  return (
    <div style={{ display: 'flex', alignItems: 'flex-end', gap: 6, minWidth: 210, flex: '1 1 210px' }}>
      <span style={{ whiteSpace: 'pre' }}>
        {label}
        {t('sign.colon')}
      </span>
      <span
        data-testid="sign-blank"
        style={{ flex: 1, borderBottom: '1px solid #595959', minHeight: 22, textAlign: 'right', color: '#8c8c8c', paddingInline: 4 }}
      >
        {blank}
      </span>
    </div>
  );
}

export function StatsTable({ stats }: { stats: HazardStats }) {
  const { t, locale } = useDashT();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [pdfBusy, setPdfBusy] = useState(false);
  // the printed table names the enterprise whose principal signs it (as the PDF and the spreadsheet do)
  const [enterprise, setEnterprise] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('enterprise.get').then((e) => live && setEnterprise(e?.name ?? null), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  const job = useJob();
  const exportPdf = async () => {
    setPdfBusy(true);
    try {
      const f = await job.run((opts) => call('hazards.statsPdf', { year: stats.year, quarter: stats.quarter }, opts));
      await job.save(f);
    } catch (e) {
      job.fail(e);
    } finally {
      setPdfBusy(false);
    }
  };
  // the workshop rows and their 合计, computed once by the shared rule the PDF and the spreadsheet use
  const { rows, total: sum } = statsTotals(stats.table);
  const title = statsTitle(t, locale, stats.year, stats.quarter);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const f = await job.run((opts) => call('hazards.exportStats', { year: stats.year, quarter: stats.quarter }, opts));
      if ((await job.save(f)).saved) message.success(t('table.exported'));
    } catch (e) {
      job.fail(e);
    } finally {
      setExporting(false);
    }
  };

  const num = (k: (typeof NUMERIC)[number], money = false) => ({
    key: k,
    dataIndex: k,
    align: 'right' as const,
    width: money ? 130 : 96,
    render: (v: number) => (money ? formatYuan(v) : v),
  });

  return (
    <Card
      className="ak-dash-print"
      data-testid="stats-table"
      variant="outlined"
      title={<span className="ak-dash-noprint">{t('table.card')}</span>}
      extra={
        <Space className="ak-dash-noprint">
          <JobProgress job={job} cancellable={false} />
          <Button onClick={() => void exportXlsx()} loading={exporting} disabled={job.running && !exporting}>
            {t('table.export')}
          </Button>
          <Button onClick={() => void exportPdf()} loading={pdfBusy} disabled={job.running && !pdfBusy}>
            {t('table.pdf')}
          </Button>
          <Button onClick={() => window.print()}>{t('table.print')}</Button>
        </Space>
      }
    >
      <header style={{ textAlign: 'center', marginBottom: 12 }}>
        {enterprise && (
          <div data-testid="stats-enterprise" style={{ fontSize: 16, fontWeight: 600 }}>
            {enterprise}
          </div>
        )}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="stats-title">
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{t('table.range', { from: stats.from, to: stats.to })}</Typography.Text>
      </header>
      <Table<StatsRow>
        rowKey="workshop"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('table.empty')} /> }}
        columns={[
          { key: 'workshop', title: t('table.workshop'), dataIndex: 'workshop', width: 160, render: (v: string, r: StatsRow) => (r.workshopId === null ? t('rem.noWorkshop') : v) },
          { ...num('found'), title: t('table.found') },
          { ...num('general'), title: t('table.general') },
          { ...num('major'), title: t('table.major') },
          { ...num('ungraded'), title: t('table.ungraded') },
          { ...num('closed'), title: t('table.closed') },
          { ...num('rectifying'), title: t('table.rectifying') },
          { ...num('overdue'), title: t('table.overdue') },
          { ...num('plannedFunds', true), title: t('table.plannedFunds') },
          { ...num('actualFunds', true), title: t('table.actualFunds') },
        ]}
        summary={() => (
          <Table.Summary>
            <Table.Summary.Row data-testid="stats-total" style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{t('table.total')}</Table.Summary.Cell>
              {NUMERIC.map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  {STATS_MONEY.includes(k) ? formatYuan(sum[k]) : sum[k]}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      <div
        data-testid="signatures"
        style={{ display: 'flex', flexWrap: 'wrap', gap: '16px 32px', marginTop: 28, paddingInline: 4 }}
      >
        <SignLine label={t('sign.preparer')} />
        <SignLine label={t('sign.reviewer')} />
        <SignLine label={t('sign.principal')} />
        <SignLine label={t('sign.date')} blank={t('sign.dateBlank')} />
      </div>
    </Card>
  );
}
