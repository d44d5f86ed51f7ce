// The what-if tab (#/wage/whatif, 测算): pick a scheme version (a draft under negotiation by default) and a range of past
// months; the core runs it on the records of those months and compares with the version effective in each — the cost per
// month (chart and table), the distribution of a worker's monthly amount, who gains and who loses most, by workshop —
// and the same as a workbook for the negotiation. Nothing is written.
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { formatYuan } from '../../../../../shared/kernel/money';
import type { SchemeVersion } from '../../../../../shared/wage/schemes/types';
import type { WhatIfPeriod, WhatIfResult, WhatIfWorkerDiff, WhatIfWorkshop } from '../../../../../shared/wage/whatif';
import { routeHash, useRouter, type Route } from '../../../app/router';
import { useSession } from '../../../app/session';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useI18n, useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { EChart } from '../../dashboard/EChart';
import { costChart, histogramChart } from './charts';
import { signedPct, signedYuan } from './format';
import { thisMonth, useWhatIf } from './store';

const month = (d: dayjs.Dayjs) => d.format('YYYY-MM');
const diffColor = (fen: number) => (fen > 0 ? '#389e0d' : fen < 0 ? '#cf1322' : undefined);
const SCHEMES_TAB: Route = { page: 'wage', id: 'schemes' };
const RECORDS_TAB: Route = { page: 'wage', id: 'records' };

/** The version a what-if starts with: the newest draft, else the newest version. */
export function defaultScheme(list: readonly SchemeVersion[]): SchemeVersion | null {
  const byNewest = [...list].sort((a, b) => b.version - a.version);
  return byNewest.find((s) => s.state === 'draft') ?? byNewest[0] ?? null;
}

function money(title: string, key: 'baselineFen' | 'candidateFen' | 'diffFen') {
  return {
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, r: { baselineFen: number; candidateFen: number; diffFen: number }) =>
      key === 'diffFen' ? <span style={{ color: diffColor(r.diffFen), whiteSpace: 'nowrap' }}>{signedYuan(r.diffFen)}</span> : formatYuan(r[key]),
  };
}

/** A link to another tab of the wage page: a real address (open in a new tab works), followed in place on a click. */
function TabLink({ to, primary, children, testId }: { to: Route; primary?: boolean; children: string; testId: string }) {
  const navigate = useRouter((s) => s.navigate);
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      href={routeHash(to)}
      data-testid={testId}
      onClick={(e: MouseEvent) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Button>
  );
}

/** What the what-if needs, and where to get it: a version (a draft under negotiation) and months of records. */
function Needs({ testId }: { testId: string }) {
  const t = useT();
  return (
    <Empty
      style={{ padding: 32 }}
      data-testid={testId}
      description={
        <Space orientation="vertical" size={4} style={{ maxWidth: 560, textAlign: 'left' }}>
          <Typography.Text strong>{t('wage.wi.needs')}</Typography.Text>
          <Typography.Text type="secondary">{t('wage.wi.needsScheme')}</Typography.Text>
          <Typography.Text type="secondary">{t('wage.wi.needsRecords')}</Typography.Text>
        </Space>
      }
    >
      <Space wrap>
        <TabLink to={SCHEMES_TAB} primary testId="whatif-to-schemes">
          {t('wage.wi.toSchemes')}
        </TabLink>
        <TabLink to={RECORDS_TAB} testId="whatif-to-records">
          {t('wage.wi.toRecords')}
        </TabLink>
      </Space>
    </Empty>
  );
}

export function WhatIfTab() {
  const t = useT();
  const operatorId = useSession((s) => s.operator?.id ?? null);
  const [schemes, setSchemes] = useState<SchemeVersion[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { schemeId, from, to, busy, error, choose, run } = useWhatIf();
  // the last result, kept across tab switches — shown to the operator who ran it only
  const kept = useWhatIf((s) => (s.operatorId === operatorId ? s.result : null));
  const at = useWhatIf((s) => s.at);
  const job = useJob();

  useEffect(() => {
    call('wage.schemes', {})
      .then((list) => {
        setSchemes(list);
        // the version kept from before if it still exists, else the newest draft (else the newest version)
        const cur = useWhatIf.getState().schemeId;
        if (!cur || !list.some((s) => s.id === cur)) useWhatIf.getState().choose({ schemeId: defaultScheme(list)?.id ?? null });
      })
      .catch((e: unknown) => setLoadError(errorText(e, t)));
  }, [t]);

  const input = schemeId && schemes?.some((s) => s.id === schemeId) ? { schemeId, from, to } : null;
  const exportXlsx = async () => {
    if (!input) return;
    try {
      await job.save(await job.run((opts) => call('wage.whatIfXlsx', input, opts)));
    } catch (e) {
      job.fail(e);
    }
  };

  if (loadError) return <Alert type="error" showIcon title={loadError} />;
  if (!schemes) return <Skeleton active />;
  if (schemes.length === 0) return <Needs testId="whatif-needs" />;

  const future = (d: dayjs.Dayjs) => month(d) > thisMonth();
  const stale = !!kept && (kept.scheme.id !== schemeId || kept.from !== from || kept.to !== to);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, paddingBottom: 24 }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('wage.wi.intro')}
      </Typography.Paragraph>
      <Space wrap align="center">
        <Typography.Text>{t('wage.wi.scheme')}</Typography.Text>
        <Select
          aria-label={t('wage.wi.scheme')}
          data-testid="whatif-scheme"
          style={{ minWidth: 300, maxWidth: '100%' }}
          popupMatchSelectWidth={false}
          value={input ? schemeId : null}
          onChange={(v) => choose({ schemeId: v })}
          options={[...schemes]
            .sort((a, b) => b.version - a.version)
            .map((s) => ({ value: s.id, label: `${s.name} · ${t('wage.wi.version', { n: s.version })} · ${t(`wage.scheme.state.${s.state}`)}` }))}
        />
        <Typography.Text>{t('wage.wi.from')}</Typography.Text>
        <DatePicker
          picker="month"
          aria-label={t('wage.wi.from')}
          allowClear={false}
          format="YYYY-MM"
          value={dayjs(`${from}-01`)}
          disabledDate={future}
          onChange={(d) => d && choose({ from: month(d) })}
          style={{ width: 120 }}
        />
        <Typography.Text>{t('wage.wi.to')}</Typography.Text>
        <DatePicker
          picker="month"
          aria-label={t('wage.wi.to')}
          allowClear={false}
          format="YYYY-MM"
          value={dayjs(`${to}-01`)}
          disabledDate={future}
          onChange={(d) => d && choose({ to: month(d) })}
          style={{ width: 120 }}
        />
        <Button type="primary" loading={busy} disabled={!input} onClick={() => void run(operatorId)}>
          {t('wage.wi.run')}
        </Button>
        <Button icon={<FileExcelOutlined />} disabled={!input || job.running} onClick={() => void exportXlsx()}>
          {t('wage.wi.xlsx')}
        </Button>
        <JobProgress job={job} cancellable={false} />
      </Space>
      {error !== null && <Alert type="error" showIcon title={errorText(error, t)} data-testid="whatif-error" />}
      {!kept && error === null && !busy && <HintEmpty />}
      {busy && !kept && <Skeleton active />}
      {kept && <WhatIfResultView r={kept} at={at} stale={stale} />}
    </div>
  );
}

function HintEmpty() {
  const t = useT();
  return (
    <Empty
      data-testid="whatif-hint"
      description={
        <Space orientation="vertical" size={4}>
          <Typography.Text>{t('wage.wi.hint')}</Typography.Text>
          <Typography.Text type="secondary">
            {t('wage.wi.hintRecords')}{' '}
            <Typography.Link
              href={routeHash(RECORDS_TAB)}
              data-testid="whatif-hint-records"
              onClick={(e) => {
                e.preventDefault();
                useRouter.getState().navigate(RECORDS_TAB);
              }}
            >
              {t('wage.wi.toRecords')}
            </Typography.Link>
          </Typography.Text>
        </Space>
      }
    />
  );
}

function WhatIfResultView({ r, at, stale }: { r: WhatIfResult; at: string | null; stale: boolean }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const cost = useMemo(() => costChart(r, t, locale), [r, t, locale]);
  const hist = useMemo(() => histogramChart(r, t), [r, t]);
  const noBaseline = r.periods.filter((p) => !p.baseline).map((p) => p.period);
  const n = r.periods.length;
  // the versions compared: the candidate against the version in effect each month (each named once)
  const baselines = [...new Map(r.periods.flatMap((p) => (p.baseline ? [[p.baseline.id, p.baseline] as const] : []))).values()];
  const versionName = (v: { name: string; version: number }) => `${v.name} · ${t('wage.wi.version', { n: v.version })}`;
  const pct = signedPct(r.totals.diffFen, r.totals.baselineFen);
  // the month under way (the default range ends with it): its records are likely not all in yet
  const underWay = r.periods.find((p) => p.period === thisMonth())?.period ?? null;

  const periodCols: ColumnsType<WhatIfPeriod> = [
    { title: t('wage.wi.month'), dataIndex: 'period', key: 'period' },
    { title: t('wage.wi.effective'), key: 'baseline', render: (_, p) => (p.baseline ? versionName(p.baseline) : <Tag>{t('wage.wi.none')}</Tag>) },
    { title: t('wage.wi.workers'), dataIndex: 'workers', key: 'workers', align: 'right' },
    money(t('wage.wi.baselineYuan'), 'baselineFen'),
    money(t('wage.wi.candidateYuan'), 'candidateFen'),
    money(t('wage.wi.diffYuan'), 'diffFen'),
  ];
  // gainers, losers and workshops: sums over the months of the range, labelled so
  const sums = [money(t('wage.wi.sumBaseline', { n }), 'baselineFen'), money(t('wage.wi.sumCandidate', { n }), 'candidateFen'), money(t('wage.wi.sumDiff', { n }), 'diffFen')];
  const workerCols: ColumnsType<WhatIfWorkerDiff> = [
    { title: t('wage.wi.empNo'), dataIndex: 'empNo', key: 'empNo' },
    { title: t('wage.wi.name'), dataIndex: 'name', key: 'name' },
    { title: t('wage.wi.workshop'), key: 'workshop', render: (_, w) => w.workshop ?? t('wage.wi.noWorkshop') },
    ...sums,
  ];
  const shopCols: ColumnsType<WhatIfWorkshop> = [
    { title: t('wage.wi.workshop'), key: 'workshop', render: (_, w) => w.workshop ?? t('wage.wi.noWorkshop') },
    { title: t('wage.wi.workers'), dataIndex: 'workers', key: 'workers', align: 'right' },
    ...sums,
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="whatif-result">
      <Space orientation="vertical" size={0} data-testid="whatif-compared">
        <Typography.Text>
          {t('wage.wi.compared', {
            candidate: versionName(r.scheme),
            baselines: baselines.length ? baselines.map(versionName).join('、') : t('wage.wi.none'),
          })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('wage.wi.range', { from: r.from, to: r.to, n })}
          {at ? ` · ${t('wage.wi.ranAt', { at: dayjs(at).format('YYYY-MM-DD HH:mm') })}` : ''}
        </Typography.Text>
      </Space>
      {stale && <Alert type="warning" showIcon title={t('wage.wi.stale')} data-testid="whatif-stale" />}
      {noBaseline.length > 0 && <Alert type="info" showIcon title={t('wage.wi.noBaseline', { months: noBaseline.join('、') })} />}
      {underWay && <Alert type="info" showIcon title={t('wage.wi.underWay', { month: underWay })} data-testid="whatif-under-way" />}
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('wage.wi.baselineTotal', { n })} value={formatYuan(r.totals.baselineFen)} suffix={t('wage.wi.yuan')} />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('wage.wi.candidateTotal', { n })} value={formatYuan(r.totals.candidateFen)} suffix={t('wage.wi.yuan')} />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Card size="small" style={{ height: '100%' }} data-testid="whatif-diff">
            <Statistic
              title={t('wage.wi.diffTotal', { n })}
              value={signedYuan(r.totals.diffFen)}
              suffix={pct ? t('wage.wi.yuanPct', { pct }) : t('wage.wi.yuan')}
              styles={{ content: { color: diffColor(r.totals.diffFen), whiteSpace: 'nowrap' } }}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('wage.wi.workersTotal')} value={r.totals.workers} suffix={t('wage.wi.people')} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('wage.wi.costTitle')}>
            <EChart option={cost.option} label={cost.label} height={260} name="whatif-cost" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('wage.wi.histTitle')}>
            <EChart option={hist.option} label={hist.label} height={260} name="whatif-histogram" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('wage.wi.byMonth')}>
        <Table<WhatIfPeriod> size="small" rowKey="period" columns={periodCols} dataSource={r.periods} pagination={false} scroll={{ x: 'max-content' }} data-testid="whatif-periods" />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xxl={12}>
          <Card size="small" title={t('wage.wi.gainers', { n })}>
            <Table<WhatIfWorkerDiff> size="small" rowKey="workerId" columns={workerCols} dataSource={r.gainers} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('wage.wi.nobodyGains') }} data-testid="whatif-gainers" />
          </Card>
        </Col>
        <Col xs={24} xxl={12}>
          <Card size="small" title={t('wage.wi.losers', { n })}>
            <Table<WhatIfWorkerDiff> size="small" rowKey="workerId" columns={workerCols} dataSource={r.losers} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('wage.wi.nobodyLoses') }} data-testid="whatif-losers" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('wage.wi.byWorkshop', { n })}>
        <Table<WhatIfWorkshop> size="small" rowKey={(w) => w.workshopId ?? '-'} columns={shopCols} dataSource={r.byWorkshop} pagination={false} scroll={{ x: 'max-content' }} data-testid="whatif-workshops" />
      </Card>
    </div>
  );
}
