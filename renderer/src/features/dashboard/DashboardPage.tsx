// The safety officer's home page: period selector, KPI cards, overdue / due-soon reminders, charts and the
// quarterly / yearly statistics table ready to print and sign.
import { Alert, Button, Card, Col, Empty, Radio, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import type { HazardStats } from '../../../../shared/hazards/types';
import { errorText } from '../../lib/errors';
import { gradeChart, monthlyChart, riskChart, workshopChart, type ChartSpec } from './chartOptions';
import { EChart } from './EChart';
import { useDashT, type DashT } from './dashT';
import { CongressYear } from './CongressYear';
import { ModuleCards } from './ModuleCards';
import { WageCard } from './WageCard';
import { FirstSteps } from './FirstSteps';
import { MyTasks } from './MyTasks';
import { Reminders } from './Reminders';
import { StatsTable } from './StatsTable';
import { samePeriod, useDashboard } from './store';

const YEARS_BACK = 5;
const OVERDUE_RED = '#cf1322';

/** Focus ring for the keyboard-openable reminder rows; while the dashboard is mounted, printing shows only the
 * statistics table and its signature lines. */
const PRINT_CSS = `
.ak-dash-root .ant-table-row[tabindex]:focus-visible { outline: 2px solid #0f766e; outline-offset: -2px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  .ant-layout-header, .ant-menu, nav, .ak-dash-noprint { display: none !important; }
  html, body, #root, .ant-layout, .ant-layout-content, .ak-dash-root {
    height: auto !important; min-height: 0 !important; overflow: visible !important; background: #fff !important;
  }
  .ak-dash-root { padding: 0 !important; }
  .ak-dash-print { border: none !important; box-shadow: none !important; }
  .ak-dash-print > .ant-card-head { display: none !important; }
  .ak-dash-print > .ant-card-body { padding: 0 !important; }
  .ak-dash-print .ant-table-container, .ak-dash-print .ant-table-content { overflow: visible !important; }
  .ak-dash-print .ant-table-container, .ak-dash-print table { border-color: #000 !important; border-radius: 0 !important; }
  .ak-dash-print .ant-table-container table > thead > tr:first-child > *:first-child,
  .ak-dash-print .ant-table-container table > thead > tr:first-child > *:last-child { border-radius: 0 !important; }
  .ak-dash-print th, .ak-dash-print td { border-color: #000 !important; color: #000 !important; }
  .ak-dash-print [data-testid="sign-blank"] { border-bottom-color: #000 !important; }
}
`;

export function DashboardPage(props: { onOpenHazard(id: string): void }) {
  const { t } = useDashT();
  const { period, stats, statsPeriod, statsLoading, statsError, setPeriod, loadStats, loadReminders, refreshCards } = useDashboard();

  useEffect(() => {
    void loadStats();
    void loadReminders();
  }, [loadStats, loadReminders]);

  const current: HazardStats | null = stats && samePeriod(statsPeriod, period) ? stats : null;
  const charts = useMemo(
    () =>
      current && {
        grade: gradeChart(current, t),
        workshop: workshopChart(current, t),
        monthly: monthlyChart(current, t),
        risk: riskChart(current, t),
      },
    [current, t],
  );

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i);
  if (!years.includes(period.year)) years.push(period.year);
  years.sort((a, b) => b - a);

  const retry = () => {
    void loadStats();
  };

  return (
    <div className="ak-dash-root" style={{ height: '100%', overflow: 'auto', padding: 16, background: '#f5f7f7' }}>
      <style>{PRINT_CSS}</style>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div className="ak-dash-noprint" style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}>
          <Typography.Title level={4} style={{ margin: 0, marginInlineEnd: 'auto' }}>
            {t('dash.title')}
          </Typography.Title>
          <Space wrap role="group" aria-label={t('dash.period')}>
            <Select<number>
              aria-label={t('dash.year')}
              value={period.year}
              style={{ width: 110 }}
              onChange={(year) => setPeriod({ year })}
              options={years.map((y) => ({ value: y, label: t('dash.yearOption', { year: y }) }))}
            />
            <Radio.Group
              aria-label={t('dash.quarter')}
              optionType="button"
              value={period.quarter ?? 0}
              onChange={(e) => setPeriod({ quarter: Number(e.target.value) || null })}
              options={[
                { value: 0, label: t('dash.fullYear') },
                { value: 1, label: t('dash.q1') },
                { value: 2, label: t('dash.q2') },
                { value: 3, label: t('dash.q3') },
                { value: 4, label: t('dash.q4') },
              ]}
            />
            <Button
              onClick={() => {
                void loadStats();
                void loadReminders();
                refreshCards();
              }}
              loading={statsLoading}
            >
              {t('dash.refresh')}
            </Button>
          </Space>
        </div>

        {statsError != null && !statsLoading && (
          <Alert
            className="ak-dash-noprint"
            type="error"
            showIcon
            title={t('dash.statsError')}
            description={errorText(statsError, t)}
            action={
              <Button size="small" danger onClick={retry}>
                {t('dash.retry')}
              </Button>
            }
          />
        )}

        <FirstSteps />
        <MyTasks onOpenHazard={props.onOpenHazard} />
        <CongressYear />
        <WageCard />
        <ModuleCards />

        {current ? <Kpis stats={current} /> : statsLoading || statsError == null ? <KpiSkeleton label={t('dash.loading')} /> : null}

        <Reminders onOpenHazard={props.onOpenHazard} />

        {charts ? (
          <Row gutter={[12, 12]} className="ak-dash-noprint">
            <ChartCard title={t('chart.grade')} name="grade" spec={charts.grade} t={t} />
            <ChartCard title={t('chart.risk')} name="risk" spec={charts.risk} t={t} />
            <ChartCard title={t('chart.workshop')} name="workshop" spec={charts.workshop} t={t} />
            <ChartCard title={t('chart.monthly')} name="monthly" spec={charts.monthly} t={t} />
          </Row>
        ) : (
          statsError == null && <ChartsSkeleton />
        )}

        {current ? (
          <StatsTable stats={current} />
        ) : (
          statsError == null && (
            <Card className="ak-dash-noprint">
              <Skeleton active paragraph={{ rows: 6 }} />
            </Card>
          )
        )}
      </Space>
    </div>
  );
}

function Kpis({ stats }: { stats: HazardStats }) {
  const { t } = useDashT();
  const rate = stats.closureRate === null ? null : Math.round(stats.closureRate * 1000) / 10;
  const cards: { key: string; title: string; hint?: string; value: number | string; suffix?: string; color?: string; precision?: number }[] = [
    { key: 'open', title: t('kpi.open'), hint: t('kpi.openHint'), value: stats.open, suffix: t('kpi.items') },
    {
      key: 'overdue',
      title: t('kpi.overdue'),
      hint: t('kpi.overdueHint'),
      value: stats.overdue,
      suffix: t('kpi.items'),
      color: stats.overdue > 0 ? OVERDUE_RED : undefined,
    },
    {
      key: 'closureRate',
      title: t('kpi.closureRate'),
      hint: t('kpi.closureRateHint'),
      value: rate ?? t('kpi.none'),
      suffix: rate === null ? undefined : '%',
      precision: rate === null ? undefined : 1,
    },
    {
      key: 'avgDays',
      title: t('kpi.avgDays'),
      hint: t('kpi.avgDaysHint'),
      value: stats.avgDaysToClose ?? t('kpi.none'),
      suffix: stats.avgDaysToClose === null ? undefined : t('kpi.days'),
      precision: stats.avgDaysToClose === null ? undefined : 1,
    },
    { key: 'found', title: t('kpi.found'), value: stats.found, suffix: t('kpi.items') },
    { key: 'closed', title: t('kpi.closed'), value: stats.closed, suffix: t('kpi.items') },
  ];
  return (
    <Row gutter={[12, 12]} className="ak-dash-noprint">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%', borderTop: c.color ? `3px solid ${c.color}` : undefined }}>
            <Statistic
              data-testid={`kpi-${c.key}`}
              title={
                <span>
                  {c.title}
                  {c.hint && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                      ({c.hint})
                    </Typography.Text>
                  )}
                </span>
              }
              value={c.value}
              precision={c.precision}
              suffix={c.suffix || undefined}
              styles={{ content: c.color ? { color: c.color } : undefined }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function KpiSkeleton({ label }: { label: string }) {
  return (
    <Row gutter={[12, 12]} className="ak-dash-noprint" role="status" aria-busy="true" aria-label={label} data-testid="dash-loading">
      {Array.from({ length: 6 }, (_, i) => (
        <Col key={i} xs={12} md={8} xl={4}>
          <Card size="small">
            <Skeleton active title={false} paragraph={{ rows: 2 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ChartsSkeleton() {
  return (
    <Row gutter={[12, 12]} className="ak-dash-noprint">
      {Array.from({ length: 4 }, (_, i) => (
        <Col key={i} xs={24} xl={12}>
          <Card size="small">
            <Skeleton.Node active style={{ width: '100%', height: 240 }}>
              <span />
            </Skeleton.Node>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ChartCard({ title, name, spec, t }: { title: string; name: string; spec: ChartSpec; t: DashT }) {
  return (
    <Col xs={24} xl={12}>
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 14, fontWeight: 600 }}>{title}</h3>} style={{ height: '100%' }}>
        {spec.hasData ? (
          <EChart name={name} option={spec.option} label={spec.label} height={spec.height} />
        ) : (
          <div role="img" aria-label={spec.label} data-chart-empty={name} style={{ height: spec.height, display: 'grid', placeItems: 'center' }}>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chart.empty')} />
          </div>
        )}
      </Card>
    </Col>
  );
}
