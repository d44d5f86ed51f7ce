// A run's lines, one worker a row, paged on the backend (5,000 workers do not go to the browser): 工号, 姓名, 车间,
// 班组, one column per component and the total in 元 (two decimals, from fen), veto / pro rata / cap marks; search by
// 工号 or 姓名, filter by workshop and team, vetoed only, sort by number, name, workshop, team or total. A name opens
// the worker's explanation.
import { Alert, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Locale } from '../../../../../shared/kernel/i18n';
import type { Page } from '../../../../../shared/kernel/types';
import type { RunDetail, RunGroupTotalDetail, RunLine, RunLineSortField } from '../../../../../shared/wage/runs/types';
import { useI18n, useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useDebouncedSearch, useListShortcuts } from '../../../lib/listHooks';
import { yuan } from './format';

interface Query {
  search: string;
  workshopId: string | null;
  teamId: string | null;
  vetoOnly: boolean;
  sortField: RunLineSortField;
  sortDir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const FIRST: Query = { search: '', workshopId: null, teamId: null, vetoOnly: false, sortField: 'empNo', sortDir: 'asc', page: 1, pageSize: 50 };
const NOTHING = () => undefined;
const SORT_KEYS: Record<string, RunLineSortField> = { empNo: 'empNo', name: 'name', workshop: 'workshop', team: 'team', total: 'total' };

export function RunLinesTable({ run, onOpen, height }: { run: RunDetail; onOpen(workerId: string): void; height?: number }) {
  const t = useT();
  const locale: Locale = useI18n((s) => s.locale);
  const [q, setQ] = useState<Query>(FIRST);
  const [page, setPage] = useState<Page<RunLine> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [workshops, setWorkshops] = useState<RunGroupTotalDetail[]>([]);
  const [teams, setTeams] = useState<RunGroupTotalDetail[]>([]);
  const applySearch = useCallback((s: string) => setQ((x) => ({ ...x, search: s.trim(), page: 1 })), []);
  const [search, setSearch] = useDebouncedSearch(q.search, applySearch);

  // the workshops and teams of this run (as they were when it was calculated); a new run remounts the table (key)
  useEffect(() => {
    let current = true;
    Promise.all([call('wage.runGroups', { runId: run.id, by: 'workshop' }), call('wage.runGroups', { runId: run.id, by: 'team' })]).then(
      ([w, tm]) => {
        if (!current) return;
        setWorkshops(w.filter((g) => g.id));
        setTeams(tm.filter((g) => g.id));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [run.id]);

  useEffect(() => {
    let current = true;
    setError(null);
    call('wage.runLines', { runId: run.id, ...q }).then(
      (v) => current && setPage(v),
      (e: unknown) => {
        if (!current) return;
        setPage(null);
        setError(errorText(e, t));
      },
    );
    return () => {
      current = false;
    };
  }, [run.id, q, t]);

  // Ctrl/Cmd+F: the search box (nothing is created here: no Alt+N)
  const focusSearch = useCallback(() => document.getElementById('wage-run-search')?.focus(), []);
  useListShortcuts({ focusSearch, create: NOTHING, enabled: false });

  const workshopName = workshops.find((w) => w.id === q.workshopId)?.name ?? null;
  const teamOptions = useMemo(
    () => teams.filter((tm) => !q.workshopId || tm.workshopName === workshopName).map((tm) => ({ value: tm.id!, label: q.workshopId ? (tm.name ?? '') : `${tm.workshopName ?? ''} / ${tm.name ?? ''}` })),
    [teams, q.workshopId, workshopName],
  );

  const sortOrder = (key: RunLineSortField) => (q.sortField === key ? (q.sortDir === 'asc' ? 'ascend' : 'descend') : null);
  const columns: ColumnsType<RunLine> = [
    { title: t('wage.runs.empNo'), dataIndex: 'empNo', key: 'empNo', width: 100, fixed: 'left', sorter: true, sortOrder: sortOrder('empNo') },
    {
      title: t('wage.runs.name'),
      key: 'name',
      width: 110,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, l) => (
        <a
          href="#"
          aria-label={t('wage.runs.explain', { name: l.name })}
          onClick={(e) => {
            e.preventDefault();
            onOpen(l.workerId);
          }}
        >
          {l.name}
        </a>
      ),
    },
    { title: t('wage.runs.workshop'), key: 'workshop', width: 120, sorter: true, sortOrder: sortOrder('workshop'), render: (_, l) => l.workshopName ?? '' },
    { title: t('wage.runs.team'), key: 'team', width: 110, sorter: true, sortOrder: sortOrder('team'), render: (_, l) => l.teamName ?? '' },
    ...run.indicators.map((ind) => ({
      title: t('wage.runs.componentCol', { name: ind.name[locale] }),
      key: `c:${ind.code}`,
      width: 130,
      align: 'right' as const,
      render: (_: unknown, l: RunLine) => {
        const c = l.components.find((x) => x.code === ind.code);
        if (!c) return '';
        return <Typography.Text type={c.applied.includes('veto') ? 'danger' : undefined}>{yuan(c.fen)}</Typography.Text>;
      },
    })),
    {
      title: t('wage.runs.lineTotal'),
      key: 'total',
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('total'),
      render: (_, l) => (
        <Typography.Text strong data-testid="line-total">
          {yuan(l.totalFen)}
        </Typography.Text>
      ),
    },
    {
      title: t('wage.runs.notes'),
      key: 'notes',
      width: 150,
      render: (_, l) => (
        <Space size={2} wrap>
          {l.veto && <Tag color="red">{t('wage.runs.tag.veto')}</Tag>}
          {l.proRata && <Tag color="blue">{t('wage.runs.tag.proRata', { worked: l.proRata.worked, of: l.proRata.of })}</Tag>}
          {l.components.some((c) => c.applied.includes('cap') || c.applied.includes('totalCap')) && <Tag color="orange">{t('wage.runs.tag.cap')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Space wrap>
        <Input.Search
          id="wage-run-search"
          allowClear
          aria-label={t('wage.runs.search')}
          placeholder={t('wage.runs.search')}
          style={{ width: 220 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => applySearch(v)}
        />
        <Select
          aria-label={t('wage.runs.filterWorkshop')}
          allowClear
          placeholder={t('wage.runs.allWorkshops')}
          style={{ width: 160 }}
          value={q.workshopId ?? undefined}
          onChange={(v: string | undefined) => setQ((x) => ({ ...x, workshopId: v ?? null, teamId: null, page: 1 }))}
          options={workshops.map((w) => ({ value: w.id!, label: w.name ?? '' }))}
        />
        <Select
          aria-label={t('wage.runs.filterTeam')}
          allowClear
          placeholder={t('wage.runs.allTeams')}
          style={{ width: 180 }}
          value={q.teamId ?? undefined}
          onChange={(v: string | undefined) => setQ((x) => ({ ...x, teamId: v ?? null, page: 1 }))}
          options={teamOptions}
        />
        <Space size={4}>
          <Switch size="small" id="wage-run-veto-only" checked={q.vetoOnly} onChange={(v) => setQ((x) => ({ ...x, vetoOnly: v, page: 1 }))} />
          <label htmlFor="wage-run-veto-only">{t('wage.runs.vetoOnly')}</label>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<RunLine>
        rowKey="workerId"
        size="small"
        data-testid="run-lines"
        loading={page === null && !error}
        columns={columns}
        dataSource={page?.rows ?? []}
        scroll={{ x: 'max-content', y: height }}
        locale={{ emptyText: t('wage.runs.noLines') }}
        onChange={(pg, _f, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<RunLine> | undefined;
          const key = s?.order ? SORT_KEYS[String(s.columnKey)] : undefined;
          setQ((x) => ({
            ...x,
            page: pg.pageSize !== x.pageSize ? 1 : (pg.current ?? 1),
            pageSize: pg.pageSize ?? x.pageSize,
            sortField: key ?? 'empNo',
            sortDir: key && s?.order === 'descend' ? 'desc' : 'asc',
          }));
        }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('wage.runs.count', { n }),
          size: 'small',
        }}
      />
    </div>
  );
}
