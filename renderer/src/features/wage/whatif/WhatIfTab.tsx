// The what-if tab (#/wage/whatif, 测算): pick a scheme version (a draft under negotiation by default) and a range of past
// months; the core runs it on the records of those months and compares with the version effective in each — the cost per
// month (chart and table), the distribution of a worker's monthly amount, who gains and who loses most, by workshop —
// and the same as a workbook for the negotiation. Nothing is written.
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { formatYuan } from '../../../../../shared/kernel/money';
import type { SchemeVersion } from '../../../../../shared/wage/schemes/types';
import type { WhatIfPeriod, WhatIfResult, WhatIfWorkerDiff, WhatIfWorkshop } from '../../../../../shared/wage/whatif';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useT, type TFunc } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { EChart } from '../../dashboard/EChart';
import { costChart, histogramChart } from './charts';

const month = (d: dayjs.Dayjs) => d.format('YYYY-MM');
const thisMonth = () => month(dayjs());
const addMonths = (p: string, n: number) => month(dayjs(`${p}-01`).add(n, 'month'));

/** '+12.50' / '-3.00' / '0.00' */
export const signedYuan = (fen: number) => `${fen > 0 ? '+' : ''}${formatYuan(fen)}`;
const pct = (diff: number, base: number) => (base === 0 ? '' : ` (${diff > 0 ? '+' : ''}${((diff / base) * 100).toFixed(1)}%)`);
const diffColor = (fen: number) => (fen > 0 ? '#389e0d' : fen < 0 ? '#cf1322' : undefined);

/** The version a what-if starts with: the newest draft, else the newest version. */
export function defaultScheme(list: readonly SchemeVersion[]): SchemeVersion | null {
  const byNewest = [...list].sort((a, b) => b.version - a.version);
  return byNewest.find((s) => s.state === 'draft') ?? byNewest[0] ?? null;
}

function money(t: TFunc, title: string, key: 'baselineFen' | 'candidateFen' | 'diffFen') {
  return {
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, r: { baselineFen: number; candidateFen: number; diffFen: number }) =>
      key === 'diffFen' ? <span style={{ color: diffColor(r.diffFen) }}>{signedYuan(r.diffFen)}</span> : formatYuan(r[key]),
  };
}

export function WhatIfTab() {
  const t = useT();
  const [schemes, setSchemes] = useState<SchemeVersion[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [schemeId, setSchemeId] = useState<string | null>(null);
  const last = addMonths(thisMonth(), -1);
  const [from, setFrom] = useState(addMonths(last, -5));
  const [to, setTo] = useState(last);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const job = useJob();

  useEffect(() => {
    call('wage.schemes', {})
      .then((list) => {
        setSchemes(list);
        setSchemeId((cur) => cur ?? defaultScheme(list)?.id ?? null);
      })
      .catch((e: unknown) => setLoadError(errorText(e, t)));
  }, [t]);

  const input = schemeId ? { schemeId, from, to } : null;
  const run = async () => {
    if (!input) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await call('wage.whatIf', input));
    } catch (e) {
      setResult(null);
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
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
  if (schemes.length === 0) return <Empty description={t('wage.wi.noSchemes')} />;

  const future = (d: dayjs.Dayjs) => month(d) > thisMonth();
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
          style={{ minWidth: 300 }}
          value={schemeId}
          onChange={(v) => {
            setSchemeId(v);
            setResult(null);
          }}
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
          onChange={(d) => d && setFrom(month(d))}
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
          onChange={(d) => d && setTo(month(d))}
          style={{ width: 120 }}
        />
        <Button type="primary" loading={busy} disabled={!input} onClick={() => void run()}>
          {t('wage.wi.run')}
        </Button>
        <Button icon={<FileExcelOutlined />} disabled={!input || job.running} onClick={() => void exportXlsx()}>
          {t('wage.wi.xlsx')}
        </Button>
        <JobProgress job={job} cancellable={false} />
      </Space>
      {error && <Alert type="error" showIcon title={error} data-testid="whatif-error" />}
      {!result && !error && !busy && <Empty description={t('wage.wi.hint')} />}
      {busy && !result && <Skeleton active />}
      {result && <WhatIfResultView r={result} />}
    </div>
  );
}

function WhatIfResultView({ r }: { r: WhatIfResult }) {
  const t = useT();
  const cost = useMemo(() => costChart(r, t), [r, t]);
  const hist = useMemo(() => histogramChart(r, t), [r, t]);
  const noBaseline = r.periods.filter((p) => !p.baseline).map((p) => p.period);

  const periodCols: ColumnsType<WhatIfPeriod> = [
    { title: t('wage.wi.month'), dataIndex: 'period', key: 'period' },
    { title: t('wage.wi.effective'), key: 'baseline', render: (_, p) => (p.baseline ? `${p.baseline.name} · ${t('wage.wi.version', { n: p.baseline.version })}` : <Tag>{t('wage.wi.none')}</Tag>) },
    { title: t('wage.wi.workers'), dataIndex: 'workers', key: 'workers', align: 'right' },
    money(t, t('wage.wi.baselineYuan'), 'baselineFen'),
    money(t, t('wage.wi.candidateYuan'), 'candidateFen'),
    money(t, t('wage.wi.diffYuan'), 'diffFen'),
  ];
  const workerCols: ColumnsType<WhatIfWorkerDiff> = [
    { title: t('wage.wi.empNo'), dataIndex: 'empNo', key: 'empNo' },
    { title: t('wage.wi.name'), dataIndex: 'name', key: 'name' },
    { title: t('wage.wi.workshop'), key: 'workshop', render: (_, w) => w.workshop ?? t('wage.wi.noWorkshop') },
    money(t, t('wage.wi.baselineYuan'), 'baselineFen'),
    money(t, t('wage.wi.candidateYuan'), 'candidateFen'),
    money(t, t('wage.wi.diffYuan'), 'diffFen'),
  ];
  const shopCols: ColumnsType<WhatIfWorkshop> = [
    { title: t('wage.wi.workshop'), key: 'workshop', render: (_, w) => w.workshop ?? t('wage.wi.noWorkshop') },
    { title: t('wage.wi.workers'), dataIndex: 'workers', key: 'workers', align: 'right' },
    money(t, t('wage.wi.baselineYuan'), 'baselineFen'),
    money(t, t('wage.wi.candidateYuan'), 'candidateFen'),
    money(t, t('wage.wi.diffYuan'), 'diffFen'),
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="whatif-result">
      {noBaseline.length > 0 && <Alert type="info" showIcon title={t('wage.wi.noBaseline', { months: noBaseline.join('、') })} />}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('wage.wi.baselineTotal')} value={formatYuan(r.totals.baselineFen)} suffix={t('wage.wi.yuan')} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('wage.wi.candidateTotal')} value={formatYuan(r.totals.candidateFen)} suffix={t('wage.wi.yuan')} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="whatif-diff">
            <Statistic
              title={t('wage.wi.diffTotal')}
              value={signedYuan(r.totals.diffFen) + pct(r.totals.diffFen, r.totals.baselineFen)}
              suffix={t('wage.wi.yuan')}
              styles={{ content: { color: diffColor(r.totals.diffFen) } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
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
        <Table<WhatIfPeriod> size="small" rowKey="period" columns={periodCols} dataSource={r.periods} pagination={false} data-testid="whatif-periods" />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('wage.wi.gainers')}>
            <Table<WhatIfWorkerDiff> size="small" rowKey="workerId" columns={workerCols} dataSource={r.gainers} pagination={false} locale={{ emptyText: t('wage.wi.nobodyGains') }} data-testid="whatif-gainers" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('wage.wi.losers')}>
            <Table<WhatIfWorkerDiff> size="small" rowKey="workerId" columns={workerCols} dataSource={r.losers} pagination={false} locale={{ emptyText: t('wage.wi.nobodyLoses') }} data-testid="whatif-losers" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('wage.wi.byWorkshop')}>
        <Table<WhatIfWorkshop> size="small" rowKey={(w) => w.workshopId ?? '-'} columns={shopCols} dataSource={r.byWorkshop} pagination={false} data-testid="whatif-workshops" />
      </Card>
    </div>
  );
}
