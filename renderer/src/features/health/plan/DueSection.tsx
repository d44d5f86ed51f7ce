// The due list (到期提醒): every alert judged against today — pre-job exams missing, periodic exams and rechecks due soon
// or overdue, contraindications still in the post, women workers' exams, workers who left without the exit exam — with
// the count of each kind as a filter (overdue ones in red), by workshop or team and by name, paged; and the xlsx of
// what is due this quarter. Read from health.due and health.dueQuarterXlsx. For those who do not read exam results the
// backend leaves the recheck and contraindication alerts out (shared/health/privacy.ts) and the list says so.
// The kind filter is in the address (#/health/plan/<kind>: the home card links there, Back undoes a filter). A row opens
// what the user acts on (click or Enter): a pre-job, periodic or exit item the worker's exposures (an exit item: the
// ended ones, the factors its exam covers), a recheck, contraindication or women's item the batch of the exam it counts
// from (a women's item without an exam: the health file).
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { HEALTH_DUE_SOON_DAYS } from '../../../../../shared/health/kinds';
import { ALERT_KINDS, URGENT_ALERTS, type AlertKind, type DuePage, type DueRow } from '../../../../../shared/health/plan/types';
import { useRoute, useRouter } from '../../../app/router';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { UnitSelect, useUnits } from '../../../components/pickers';
import { useT, type TFunc } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { examsRouteId, useReadsHealthResults } from '../exams/common';
import { parseHealthId } from '../tabs';

/** a tag that wraps inside its cell instead of running into the next column */
const WRAP_TAG = { whiteSpace: 'normal', maxWidth: '100%', marginInlineEnd: 0 } as const;

const RED = '#cf1322';
const AMBER = '#d48806';
export const alertColor = (a: AlertKind) => (URGENT_ALERTS.includes(a) ? 'red' : 'gold');

export function daysText(t: TFunc, days: number): string {
  return days > 0 ? t('health.plan.daysLeft', { n: days }) : days === 0 ? t('health.plan.daysToday') : t('health.plan.daysOver', { n: -days });
}

/** The alert kind a due-list address names (#/health/plan/<kind>), or null. */
export function dueKindOf(id: string | null): AlertKind | null {
  const { tab, rest } = parseHealthId(id);
  const k = (tab === 'plan' || tab === null) && rest.length === 1 ? rest[0]! : null;
  return k !== null && (ALERT_KINDS as readonly string[]).includes(k) ? (k as AlertKind) : null;
}

/** Where a due row leads: an address in the health page, or the worker's health file (a PDF made on request). */
export type DueTarget = { route: string } | { healthFile: string };
export function dueTarget(r: DueRow, readsResults: boolean): DueTarget {
  const exposures = { route: `plan/exposures/worker/${r.workerId}` };
  const batch = r.batchId ? { route: examsRouteId(r.batchId, r.workerId) } : null;
  const file = readsResults ? { healthFile: r.workerId } : exposures;
  switch (r.alert) {
    case 'pre_job':
    case 'periodic_due':
    case 'periodic_overdue':
    case 'exit':
      return exposures;
    case 'recheck_due':
    case 'recheck_overdue':
    case 'contraindication':
    case 'women_due':
    case 'women_overdue':
      return batch ?? file;
  }
}

export function DueSection() {
  const t = useT();
  const units = useUnits();
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const readsResults = useReadsHealthResults();
  const kind = route.page === 'health' ? dueKindOf(route.id) : null;
  const setKind = (k: AlertKind | null) => navigate({ page: 'health', id: k ? `plan/${k}` : null });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [data, setData] = useState<DuePage | null>(null);
  const [error, setError] = useState<unknown>(null);
  // with nothing to remind of: whether exposures are recorded (then the "record them first" hint no longer fits)
  const [recorded, setRecorded] = useState<boolean | null>(null);
  const job = useJob();
  const fileJob = useJob();
  // a new kind from the address starts at the first page
  const shownKind = useRef(kind);
  useEffect(() => {
    if (shownKind.current !== kind) setPage(1);
    shownKind.current = kind;
  }, [kind]);

  const open = async (r: DueRow) => {
    const to = dueTarget(r, readsResults);
    if ('route' in to) {
      navigate({ page: 'health', id: to.route });
      return;
    }
    try {
      await fileJob.save(await fileJob.run((opts) => call('health.healthFilePdf', { workerId: to.healthFile }, opts)));
    } catch (e) {
      fileJob.fail(e);
    }
  };
  const openLabel = (r: DueRow) => {
    const to = dueTarget(r, readsResults);
    const what = 'healthFile' in to ? t('health.plan.open.file') : to.route.startsWith('exams') ? t('health.plan.open.batch') : t('health.plan.open.exposures');
    return `${r.name} ${t(`health.alert.${r.alert}`)}：${what}`;
  };

  const unit = units.find((u) => u.id === unitId);
  const where = unit ? (unit.kind === 'workshop' ? { workshopId: unit.id } : { teamId: unit.id }) : {};
  const whereKey = JSON.stringify(where);
  const load = useCallback(() => {
    setError(null);
    call('health.due', { ...(JSON.parse(whereKey) as object), ...(kind ? { kind } : {}), search: search || null, page, pageSize }).then(setData, setError);
  }, [whereKey, kind, search, page, pageSize]);
  useEffect(load, [load]);
  useEffect(() => {
    const h = setTimeout(() => {
      setSearch(typed.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(h);
  }, [typed]);

  const exportXlsx = async () => {
    try {
      const f = await job.run((opts) => call('health.dueQuarterXlsx', JSON.parse(whereKey) as object, opts));
      await job.save(f);
    } catch (e) {
      job.fail(e);
    }
  };

  const all = data ? ALERT_KINDS.reduce((s, k) => s + data.counts[k], 0) : 0;
  const nothing = data !== null && all === 0;
  useEffect(() => {
    if (!nothing) return;
    call('health.exposures', { state: 'all', pageSize: 1 }).then(
      (p) => setRecorded(p.total > 0),
      () => setRecorded(false),
    );
  }, [nothing]);
  const emptyText =
    all > 0 || search || unitId
      ? t('health.plan.emptyFiltered')
      : recorded === true
        ? t('health.plan.emptyRecorded', { days: HEALTH_DUE_SOON_DAYS })
        : recorded === false
          ? t('health.plan.empty')
          : '';
  const chip = (k: AlertKind | null, n: number, label: string) => {
    const on = kind === k;
    const urgent = k !== null && URGENT_ALERTS.includes(k) && n > 0;
    return (
      <Button
        key={k ?? 'all'}
        size="small"
        type={on ? 'primary' : 'default'}
        danger={urgent}
        aria-pressed={on}
        data-testid={`health-alert-${k ?? 'all'}`}
        data-count={n}
        data-urgent={urgent}
        onClick={() => {
          setKind(k);
          setPage(1);
        }}
      >
        {label}
      </Button>
    );
  };

  const columns: ColumnsType<DueRow> = [
    { title: t('worker.empNo'), dataIndex: 'empNo', width: 100 },
    { title: t('worker.name'), dataIndex: 'name', width: 90 },
    { title: t('health.plan.col.unit'), key: 'unit', width: 170, ellipsis: true, render: (_, r) => [r.workshopName, r.teamName].filter(Boolean).join(' / ') || '—' },
    // the longest alert ("Contraindication, still exposed") fits 200px; a longer one wraps inside its cell
    { title: t('health.plan.col.alert'), dataIndex: 'alert', width: 200, render: (a: AlertKind) => <Tag color={alertColor(a)} style={WRAP_TAG}>{t(`health.alert.${a}`)}</Tag> },
    { title: t('health.plan.col.factor'), dataIndex: 'factorName', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('health.plan.col.due'), dataIndex: 'dueDate', width: 110 },
    {
      title: t('health.plan.col.days'),
      dataIndex: 'days',
      width: 110,
      render: (d: number, r) =>
        // an exit item counts from the day the worker left the exposed work
        r.alert === 'contraindication' ? '—' : <span style={{ color: d < 0 ? RED : d <= 30 ? AMBER : undefined }}>{daysText(t, d)}</span>,
    },
    { title: t('health.plan.col.last'), dataIndex: 'lastDate', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('health.plan.col.detail'),
      key: 'detail',
      ellipsis: true,
      render: (_, r) => [r.detail, r.screening ? t('health.plan.screening') : null].filter(Boolean).join('；') || '—',
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="health-due">
      <div role="group" aria-label={t('health.plan.kinds')} style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {chip(null, all, t('health.plan.allKinds', { n: all }))}
        {data && ALERT_KINDS.filter((k) => data.counts[k] > 0 || kind === k).map((k) => chip(k, data.counts[k], `${t(`health.alert.${k}`)} ${data.counts[k]}`))}
      </div>
      <Space wrap>
        <UnitSelect
          units={units}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setPage(1);
          }}
          placeholder={t('health.plan.unit')}
        />
        <Input.Search aria-label={t('health.plan.search')} placeholder={t('health.plan.search')} allowClear value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 200 }} />
        <Button icon={<FileExcelOutlined />} onClick={() => void exportXlsx()} disabled={job.running}>
          {t('health.plan.quarterXlsx')}
        </Button>
        <JobProgress job={job} />
        <JobProgress job={fileJob} />
      </Space>
      {data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('health.plan.today', { today: data.today })}
          {data.rows.length > 0 && ` · ${t('health.plan.rowHint')}`}
        </Typography.Text>
      )}
      {data?.restricted && <Alert type="info" showIcon title={t('health.plan.restricted')} data-testid="health-due-restricted" />}
      {error != null && <Typography.Text type="danger">{errorText(error, t)}</Typography.Text>}
      <Table<DueRow>
        size="small"
        rowKey={(r) => `${r.workerId}|${r.alert}|${r.factorId ?? ''}|${r.dueDate}`}
        columns={columns}
        dataSource={data?.rows ?? []}
        onRow={(r) => ({
          tabIndex: 0,
          role: 'link',
          'aria-label': openLabel(r),
          title: openLabel(r),
          'data-testid': `health-due-row-${r.empNo}-${r.alert}`,
          style: { cursor: 'pointer' },
          onClick: () => void open(r),
          onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
            if (e.key === 'Enter' && e.target === e.currentTarget) {
              e.preventDefault();
              void open(r);
            }
          },
        })}
        loading={data === null && error == null}
        scroll={{ x: 1150 }}
        locale={{ emptyText: <Empty description={<span data-testid="health-due-empty">{emptyText}</span>} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </Space>
  );
}
