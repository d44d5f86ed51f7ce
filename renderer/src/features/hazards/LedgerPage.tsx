import { Alert, App, Button, Checkbox, DatePicker, Dropdown, Empty, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { HAZARD_CATEGORY1, HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATUSES, RISK_COLORS } from '../../../../shared/hazards/rules';
import type { HazardRow } from '../../../../shared/hazards/types';
import type { SavedView } from '../../../../shared/views/types';
import { useT } from '../../i18n';
import { JobProgress, useJob } from '../../components/JobProgress';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useDebouncedSearch, useListShortcuts } from '../../lib/listHooks';
import { useTableHeight } from '../../lib/useTableHeight';
import { useRoute, useRouter } from '../../app/router';
import { UnitSelect, useUnits, WorkerSelect } from '../../components/pickers';
import { initialLedgerQuery, useLedger, type LedgerQuery } from './store';
import { GradeTag, RiskTag, StatusTag } from './tags';

// the drawer and the quick-log form are chunks of their own, fetched the first time one opens
const HazardDrawer = lazy(() => import('./HazardDrawer').then((m) => ({ default: m.HazardDrawer })));
const QuickLog = lazy(() => import('./QuickLog').then((m) => ({ default: m.QuickLog })));

const SORTABLE: Record<string, LedgerQuery['sortField']> = { serial: 'serial', foundAt: 'foundAt', dueDate: 'dueDate', riskD: 'riskD' };

/** The hazard ledger (#/hazards); the open hazard's drawer is the route #/hazards/<id>. */
export function LedgerPage() {
  const t = useT();
  const { message } = App.useApp();
  const { query, rows, total, totalCapped, loading, error, setQuery, load } = useLedger();
  const units = useUnits();
  const route = useRoute();
  const detail = route.page === 'hazards' ? route.id : null;
  const navigate = useRouter((s) => s.navigate);
  const closeRecord = useRouter((s) => s.closeRecord);
  const openHazard = useCallback((id: string) => navigate({ page: 'hazards', id }), [navigate]);
  const [logging, setLogging] = useState(false);
  const exportJob = useJob();
  const [views, setViews] = useState<SavedView[]>([]);
  const [naming, setNaming] = useState(false);
  const [viewName, setViewName] = useState('');
  const searchRef = useRef<{ focus(opts?: { cursor?: 'start' | 'end' | 'all' }): void } | null>(null);
  const applySearch = useCallback((search: string) => setQuery({ search }), [setQuery]);
  const [search, setSearch] = useDebouncedSearch(query.search ?? '', applySearch);
  const focusSearch = useCallback(() => searchRef.current?.focus({ cursor: 'all' }), []); // selected: typing replaces the old term
  const create = useCallback(() => setLogging(true), []);
  useListShortcuts({ focusSearch, create, enabled: !logging });
  const tableHeight = useTableHeight(260);

  useEffect(() => {
    void load();
    call('views.list', { kind: 'hazards' }).then(setViews, () => undefined);
  }, [load]);

  const exportXlsx = async () => {
    try {
      const { page: _p, pageSize: _s, ...filter } = query;
      const f = await exportJob.run((opts) => call('hazards.exportLedger', filter, opts));
      await exportJob.save(f);
    } catch (e) {
      exportJob.fail(e);
    }
  };
  // 打印台账: the ledger as a document (a PDF of the current filter), not a picture of the screen
  const printPdf = useCallback(async () => {
    if (exportJob.running) return;
    try {
      const { page: _p, pageSize: _s, ...filter } = useLedger.getState().query;
      const f = await exportJob.run((opts) => call('hazards.ledgerPdf', filter, opts));
      await exportJob.save(f);
    } catch (e) {
      exportJob.fail(e);
    }
  }, [exportJob]);
  // Ctrl+P on the ledger prints the ledger document too (the browser's print would print the screen)
  useEffect(() => {
    if (logging || detail) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        void printPdf();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [printPdf, logging, detail]);
  const saveView = async () => {
    try {
      const { page: _p, pageSize: _s, ...q } = query;
      const v = await call('views.save', { kind: 'hazards', name: viewName, query: q as Record<string, unknown> });
      setViews((vs) => [...vs.filter((x) => x.id !== v.id), v].sort((a, b) => a.name.localeCompare(b.name)));
      setNaming(false);
      setViewName('');
      message.success(t('common.saved'));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const sortOrder = (f: LedgerQuery['sortField']) => (query.sortField === f ? (query.sortDir === 'asc' ? 'ascend' : 'descend') : null);
  const filtered = JSON.stringify({ ...query, page: 1 }) !== JSON.stringify({ ...initialLedgerQuery, page: 1 });

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', padding: 12, gap: 8, minHeight: 0 }}>
      <Space wrap>
        <Button type="primary" onClick={() => setLogging(true)}>
          {t('hz.quickLog')}
        </Button>
        <Input.Search
          ref={searchRef as never}
          allowClear
          aria-label={t('hz.search')}
          placeholder={t('hz.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setQuery({ search: v })}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t('hazard.status')}
          value={query.status}
          style={{ width: 130 }}
          onChange={(status) => setQuery({ status })}
          options={[
            { value: 'open', label: t('hz.status.open') },
            ...HAZARD_STATUSES.map((s) => ({ value: s, label: t(`hazardStatus.${s}`) })),
            { value: 'all', label: t('common.all') },
          ]}
        />
        <Select aria-label={t('hazard.grade')} allowClear placeholder={t('hazard.grade')} value={query.grade ?? undefined} style={{ width: 120 }} onChange={(grade) => setQuery({ grade: grade ?? null })} options={HAZARD_GRADES.map((g) => ({ value: g, label: t(`hazardGrade.${g}`) }))} />
        <Select aria-label={t('hazard.risk')} allowClear placeholder={t('hazard.risk')} value={query.risk ?? undefined} style={{ width: 120 }} onChange={(risk) => setQuery({ risk: risk ?? null })} options={RISK_COLORS.map((r) => ({ value: r, label: t(`risk.${r}`) }))} />
        <UnitSelect units={units} value={query.orgUnitId ?? null} onChange={(orgUnitId) => setQuery({ orgUnitId })} placeholder={t('roster.workerPlacement')} />
        <Select aria-label={t('hazard.category')} allowClear placeholder={t('hazard.category')} value={query.category1 ?? undefined} style={{ width: 130 }} onChange={(category1) => setQuery({ category1: category1 ?? null })} options={HAZARD_CATEGORY1.map((c) => ({ value: c, label: t(`cat.${c}`) }))} />
        <Select aria-label={t('hazard.source')} allowClear placeholder={t('hazard.source')} value={query.source ?? undefined} style={{ width: 150 }} onChange={(source) => setQuery({ source: source ?? null })} options={HAZARD_SOURCES.map((s) => ({ value: s, label: t(`hazardSource.${s}`) }))} />
        <WorkerSelect value={query.finderId ?? null} onChange={(finderId) => setQuery({ finderId })} placeholder={t('hazard.finder')} />
        <DatePicker.RangePicker
          aria-label={t('hazard.foundAt')}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(r) => setQuery({ from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })}
        />
        <Checkbox checked={!!query.overdue} onChange={(e) => setQuery({ overdue: e.target.checked })}>
          {t('hz.onlyOverdue')}
        </Checkbox>
        <Dropdown
          menu={{
            items: [
              ...views.map((v) => ({ key: v.id, label: v.name })),
              ...(views.length ? [{ type: 'divider' as const }] : []),
              { key: '__save', label: t('hz.saveView') },
              { key: '__reset', label: t('hz.resetFilters') },
            ],
            onClick: ({ key }) => {
              if (key === '__save') setNaming(true);
              else if (key === '__reset') {
                setSearch('');
                setQuery({}, true);
              } else {
                const v = views.find((x) => x.id === key);
                if (v) {
                  setSearch(String(v.query.search ?? ''));
                  setQuery(v.query as Partial<LedgerQuery>, true);
                }
              }
            },
          }}
        >
          <Button>{t('hz.views')}</Button>
        </Dropdown>
        <Button onClick={() => void exportXlsx()} loading={exportJob.running} disabled={total === 0}>
          {t('hz.exportLedger')}
        </Button>
        <Button onClick={() => void printPdf()} disabled={total === 0 || exportJob.running} title={t('hz.printLedgerHint')}>
          {t('hz.printLedger')}
        </Button>
        <JobProgress job={exportJob} />
        <Typography.Text type="secondary" data-testid="ledger-total">
          {totalCapped ? t('hz.totalCapped', { n: total.toLocaleString('en-US') }) : t('hz.total', { n: total })}
        </Typography.Text>
      </Space>
      {error !== null && error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
      <div style={{ flex: 1, minHeight: 0 }}>
        <Table<HazardRow>
          rowKey="id"
          size="small"
          virtual
          loading={loading}
          dataSource={rows}
          scroll={{ x: 1400, y: tableHeight }}
          locale={{ emptyText: <Empty description={filtered ? t('hz.emptyFiltered') : query.status === 'open' ? t('hz.emptyOpen') : t('hz.empty')} /> }}
          onRow={(r) => ({ onDoubleClick: () => openHazard(r.id), onKeyDown: (e) => e.key === 'Enter' && openHazard(r.id), tabIndex: 0 })}
          onChange={(p, _f, sorter) => {
            const s = sorter as SorterResult<HazardRow>;
            const field = s.order ? SORTABLE[String(s.columnKey)] : undefined;
            setQuery({ page: p.current ?? 1, pageSize: p.pageSize ?? query.pageSize, sortField: field ?? 'foundAt', sortDir: s.order === 'ascend' ? 'asc' : 'desc' });
          }}
          pagination={{ current: query.page, pageSize: query.pageSize, total, showSizeChanger: true, pageSizeOptions: [50, 100, 200, 500], size: 'small' }}
          columns={[
            {
              key: 'serial',
              title: t('hazard.serial'),
              dataIndex: 'serial',
              width: 130,
              fixed: 'left',
              sorter: true,
              sortOrder: sortOrder('serial'),
              render: (v: string, r) => (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => openHazard(r.id)}>
                  {v}
                </Button>
              ),
            },
            { key: 'foundAt', title: t('hazard.foundAt'), dataIndex: 'foundAt', width: 140, sorter: true, sortOrder: sortOrder('foundAt'), render: (v: string) => v.slice(0, 16).replace('T', ' ') },
            { key: 'description', title: t('hazard.description'), dataIndex: 'description', ellipsis: true, width: 320 },
            { key: 'unit', title: t('roster.workerPlacement'), width: 150, render: (_, r) => [r.workshopName, r.teamName].filter(Boolean).join(' / ') },
            { key: 'category', title: t('hazard.category'), width: 120, render: (_, r) => t(`cat.${r.category1}`) },
            { key: 'grade', title: t('hazard.grade'), width: 100, render: (_, r) => <GradeTag h={r} /> },
            { key: 'riskD', title: t('hazard.risk'), width: 140, sorter: true, sortOrder: sortOrder('riskD'), render: (_, r) => <RiskTag h={r} /> },
            { key: 'status', title: t('hazard.status'), width: 160, render: (_, r) => <StatusTag h={r} /> },
            { key: 'responsible', title: t('hazard.responsible'), dataIndex: 'responsibleName', width: 100 },
            { key: 'dueDate', title: t('hazard.dueDate'), dataIndex: 'dueDate', width: 124, sorter: true, sortOrder: sortOrder('dueDate') },
            { key: 'finder', title: t('hazard.finder'), dataIndex: 'finderName', width: 90 },
          ]}
        />
      </div>
      {/* one boundary each: a chunk still loading must not hide what is already open */}
      <Suspense fallback={null}>
        {logging && (
          <QuickLog
            onClose={() => setLogging(false)}
            onSaved={(h) => {
              setLogging(false);
              void load();
              openHazard(h.id);
            }}
          />
        )}
      </Suspense>
      <Suspense fallback={null}>{detail && <HazardDrawer id={detail} onClose={closeRecord} onChanged={() => void load()} />}</Suspense>
      <Modal open={naming} title={t('hz.saveView')} onCancel={() => setNaming(false)} onOk={() => void saveView()} okButtonProps={{ disabled: !viewName.trim() }} okText={t('common.save')} cancelText={t('common.cancel')}>
        <Input autoFocus aria-label={t('hz.viewName')} placeholder={t('hz.viewName')} value={viewName} maxLength={40} onChange={(e) => setViewName(e.target.value)} onPressEnter={() => viewName.trim() && void saveView()} />
      </Modal>
    </div>
  );
}
