import { Alert, App, Button, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { COMMITTEE_ROLES } from '../../../../shared/roster/roles';
import { CERT_WARN_DAYS, certState, daysUntil } from '../../../../shared/roster/certs';
import type { Worker, WorkerRow } from '../../../../shared/roster/types';
import { useT } from '../../i18n';
import { JobProgress, useJob } from '../../components/JobProgress';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useDebouncedSearch, useListShortcuts } from '../../lib/listHooks';
import { useTableHeight } from '../../lib/useTableHeight';
import { useRoute, useRouter } from '../../app/router';
import { OrgTree } from './OrgTree';
import { useRoster, type RosterQuery } from './store';

/** Today as the user's calendar has it (the certificate highlight compares dates, not instants). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// the import dialog, the worker form and the worker drawer are chunks of their own, fetched the first time one opens
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
const WorkerDrawer = lazy(() => import('./WorkerDrawer').then((m) => ({ default: m.WorkerDrawer })));
const WorkerForm = lazy(() => import('./WorkerForm').then((m) => ({ default: m.WorkerForm })));

const SORTABLE: Record<string, RosterQuery['sortField']> = { empNo: 'empNo', name: 'name', hireDate: 'hireDate', skillGrade: 'skillGrade' };

/** The worker roster (#/roster); the open worker's drawer is the route #/roster/<workerId>. */
export function RosterPage() {
  const t = useT();
  const { message } = App.useApp();
  const { query, rows, total, loading, error, units, setQuery, load, loadUnits } = useRoster();
  const [editing, setEditing] = useState<Worker | null | 'new'>(null);
  const route = useRoute();
  const detail = route.page === 'roster' ? route.id : null;
  const navigate = useRouter((s) => s.navigate);
  const closeRecord = useRouter((s) => s.closeRecord);
  const openWorker = useCallback((id: string) => navigate({ page: 'roster', id }), [navigate]);
  const [detailVersion, setDetailVersion] = useState(0);
  const [importing, setImporting] = useState(false);
  // arriving from the home page's first steps ("去导入"): straight into the import dialog
  useEffect(() => {
    if (useRouter.getState().takeIntent('roster', 'import')) setImporting(true);
  }, []);
  const exportJob = useJob();
  const searchRef = useRef<{ focus(opts?: { cursor?: 'start' | 'end' | 'all' }): void } | null>(null);
  const applySearch = useCallback((search: string) => setQuery({ search }), [setQuery]);
  const [search, setSearch] = useDebouncedSearch(query.search, applySearch);
  const focusSearch = useCallback(() => searchRef.current?.focus({ cursor: 'all' }), []); // selected: typing replaces the old term
  const create = useCallback(() => setEditing('new'), []);
  useListShortcuts({ focusSearch, create, enabled: !editing });
  const tableHeight = useTableHeight(250);

  useEffect(() => {
    void loadUnits();
    void load();
  }, [load, loadUnits]);



  const refresh = async () => {
    await Promise.all([load(), loadUnits()]);
  };

  const remove = async (w: WorkerRow) => {
    try {
      await call('workers.remove', { id: w.id });
      if (detail === w.id) closeRecord();
      await refresh();
      const key = `undo-${w.id}`;
      message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <Space>
            {t('roster.deleted', { name: w.name })}
            <Button
              size="small"
              type="link"
              onClick={() => {
                message.destroy(key);
                call('workers.restore', { id: w.id })
                  .then(async () => {
                    message.success(t('roster.restored', { name: w.name }));
                    await refresh();
                  })
                  .catch((e: unknown) => message.error(errorText(e, t)));
              }}
            >
              {t('common.undo')}
            </Button>
          </Space>
        ),
      });
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  /** From the recycle bin (已删除): back into the roster, or the backend's reason why not. */
  const restore = async (w: WorkerRow) => {
    try {
      await call('workers.restore', { id: w.id });
      message.success(t('roster.restored', { name: w.name }));
      await refresh();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const exportXlsx = async () => {
    try {
      const { page: _p, pageSize: _s, ...filter } = query;
      const f = await exportJob.run((opts) => call('roster.export', filter, opts));
      if ((await exportJob.save(f)).saved) message.success(t('roster.exported', { n: total }));
    } catch (e) {
      exportJob.fail(e);
    }
  };

  const filtered = query.search || query.orgUnitId || query.role || query.special || query.certDue || query.status !== 'active';
  const bin = query.status === 'deleted';
  const today = localToday();
  const sortOrder = (f: RosterQuery['sortField']) => (query.sortField === f ? (query.sortDir === 'asc' ? 'ascend' : 'descend') : null);

  return (
    <div style={{ display: 'flex', height: '100%', minHeight: 0 }}>
      <aside style={{ width: 260, borderRight: '1px solid #f0f0f0', background: '#fff' }} aria-label={t('org.title')}>
        <OrgTree />
      </aside>
      <section style={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, padding: 12, gap: 8 }}>
        <Space wrap>
          <Input.Search
            ref={searchRef as never}
            allowClear
            aria-label={t('roster.search')}
            placeholder={t('roster.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => setQuery({ search: v })}
            style={{ width: 280 }}
          />
          <Select
            aria-label={t('roster.filter.status')}
            value={query.status}
            style={{ width: 110 }}
            onChange={(status) => setQuery({ status })}
            options={[
              { value: 'active', label: t('status.active') },
              { value: 'left', label: t('status.left') },
              { value: 'all', label: t('common.all') },
              { value: 'deleted', label: t('roster.filter.deleted') },
            ]}
          />
          <Select
            aria-label={t('roster.filter.role')}
            allowClear
            placeholder={t('roster.filter.role')}
            value={query.role ?? undefined}
            style={{ width: 170 }}
            onChange={(role) => setQuery({ role: role ?? null })}
            options={[{ value: 'any', label: t('roster.filter.anyRole') }, ...COMMITTEE_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
          />
          <Select
            aria-label={t('roster.filter.special')}
            allowClear
            placeholder={t('roster.filter.special')}
            value={query.special ?? undefined}
            style={{ width: 200 }}
            onChange={(special) => setQuery({ special: special ?? null })}
            options={[
              { value: 'cert', label: t('roster.filter.cert') },
              { value: 'exposed', label: t('special.exposed') },
              { value: 'female', label: t('special.female') },
              { value: 'representative', label: t('roster.filter.representative') },
            ]}
          />
          <Select
            aria-label={t('roster.filter.certDue')}
            allowClear
            placeholder={t('roster.filter.certDue')}
            value={query.certDue ?? undefined}
            style={{ width: 170 }}
            onChange={(certDue) => setQuery({ certDue: certDue ?? null })}
            options={[
              { value: 'due', label: t('roster.filter.certDueAll') },
              { value: 'expired', label: t('roster.filter.certExpired') },
              { value: 'soon', label: t('roster.filter.certSoon', { n: CERT_WARN_DAYS }) },
            ]}
          />
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('roster.newWorker')}
          </Button>
          <Button onClick={() => setImporting(true)}>{t('roster.import')}</Button>
          <Button onClick={() => void exportXlsx()} loading={exportJob.running} disabled={total === 0}>
            {t('roster.export')}
          </Button>
          <JobProgress job={exportJob} />
          <Typography.Text type="secondary" data-testid="roster-total">
            {t('roster.total', { n: total })}
          </Typography.Text>
        </Space>
        {error !== null && error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        {bin && <Alert type="info" showIcon title={t('roster.bin.hint')} data-testid="roster-bin-hint" />}
        <div style={{ flex: 1, minHeight: 0 }}>
          <Table<WorkerRow>
            rowKey="id"
            size="small"
            virtual
            scroll={{ x: 1550, y: tableHeight }}
            loading={loading}
            dataSource={rows}
            locale={{ emptyText: <Empty description={bin ? t('roster.bin.empty') : filtered ? t('roster.emptyFiltered') : t('roster.empty')} /> }}
            onRow={(r) =>
              // a deleted worker has no details to open: restore first
              bin
                ? {}
                : {
                    onDoubleClick: () => openWorker(r.id),
                    onKeyDown: (e) => {
                      if (e.key === 'Enter') openWorker(r.id);
                    },
                    tabIndex: 0,
                  }
            }
            onChange={(p, _f, sorter) => {
              const s = sorter as SorterResult<WorkerRow>;
              const field = s.order ? SORTABLE[String(s.columnKey)] : undefined;
              setQuery({
                page: p.current ?? 1,
                pageSize: p.pageSize ?? query.pageSize,
                sortField: field ?? 'empNo',
                sortDir: s.order === 'descend' ? 'desc' : 'asc',
              });
            }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: [50, 100, 200, 500],
              size: 'small',
            }}
            columns={[
              { key: 'empNo', title: t('worker.empNo'), dataIndex: 'empNo', width: 110, fixed: 'left', sorter: true, sortOrder: sortOrder('empNo') },
              {
                key: 'name',
                title: t('worker.name'),
                dataIndex: 'name',
                width: 100,
                fixed: 'left',
                sorter: true,
                sortOrder: sortOrder('name'),
                render: (v: string, r) =>
                  bin ? (
                    v
                  ) : (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => openWorker(r.id)}>
                      {v}
                    </Button>
                  ),
              },
              { key: 'gender', title: t('worker.gender'), dataIndex: 'gender', width: 84, render: (g: string) => t(`gender.${g}`) },
              // in the recycle bin, when each was deleted (visible without scrolling)
              ...(bin
                ? [
                    {
                      key: 'deletedAt',
                      title: t('roster.bin.deletedAt'),
                      dataIndex: 'deletedAt',
                      width: 150,
                      // stored as local time with its offset (like the audit times in the drawer)
                      render: (v: string | null) => (v ? v.slice(0, 16).replace('T', ' ') : ''),
                    },
                  ]
                : []),
              {
                key: 'cert',
                title: t('roster.cert.column'),
                dataIndex: 'certExpiry',
                width: 190,
                render: (v: string | null, w: WorkerRow) => {
                  const c = certState(v, today);
                  if (!v || !c) return '';
                  if (c === 'ok') return v;
                  const n = daysUntil(v, today);
                  // the date is the worst certificate's next review or its expiry (an overdue review is filtered as expired)
                  const review = w.certDue === 'review';
                  const text = review
                    ? c === 'expired'
                      ? t('roster.cert.reviewOverdue')
                      : n === 0
                        ? t('roster.cert.reviewToday')
                        : t('roster.cert.reviewSoon', { n })
                    : c === 'expired'
                      ? t('roster.cert.expired')
                      : n === 0
                        ? t('roster.cert.today')
                        : t('roster.cert.soon', { n });
                  const title = review ? t(c === 'expired' ? 'roster.cert.reviewWasDue' : 'roster.cert.reviewDue', { date: v }) : t('roster.cert.validUntil', { date: v });
                  return (
                    <span title={title} data-testid={`cert-${c}`} style={{ whiteSpace: 'nowrap' }}>
                      <Tag color={c === 'expired' ? 'red' : 'orange'}>{text}</Tag>
                      {v}
                    </span>
                  );
                },
              },
              { key: 'idCard', title: t('worker.idCard'), dataIndex: 'idCardMasked', width: 180, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
              { key: 'workshop', title: t('worker.workshop'), dataIndex: 'workshopName', width: 120 },
              { key: 'team', title: t('worker.team'), dataIndex: 'teamName', width: 90 },
              { key: 'post', title: t('worker.post'), dataIndex: 'post', width: 130 },
              { key: 'hireDate', title: t('worker.hireDate'), dataIndex: 'hireDate', width: 110, sorter: true, sortOrder: sortOrder('hireDate') },
              {
                key: 'skillGrade',
                title: t('worker.skillGrade'),
                dataIndex: 'skillGrade',
                width: 110,
                sorter: true,
                sortOrder: sortOrder('skillGrade'),
                render: (g: number | null) => (g ? t(`grade.${g}`).replace(/（.*）|\(.*\)/, '') : ''),
              },
              {
                key: 'roles',
                title: t('worker.roles'),
                dataIndex: 'roles',
                width: 260,
                render: (rs: string[], r) => (
                  <>
                    {rs.map((x) => (
                      <Tag key={x} color="cyan">
                        {t(`role.${x}`)}
                      </Tag>
                    ))}
                    {r.isRepresentative && <Tag color="purple">{t('worker.isRepresentative')}</Tag>}
                  </>
                ),
              },
              { key: 'phone', title: t('worker.phone'), dataIndex: 'phone', width: 120 },
              { key: 'status', title: t('worker.status'), dataIndex: 'status', width: 70, render: (s: string) => t(`status.${s}`) },
              {
                key: 'actions',
                title: t('common.actions'),
                width: 120,
                fixed: 'right',
                render: (_, r) =>
                  bin ? (
                    <Button size="small" type="primary" ghost onClick={() => void restore(r)} aria-label={t('roster.bin.restoreLabel', { name: r.name })}>
                      {t('roster.bin.restore')}
                    </Button>
                  ) : (
                    <Space size={4}>
                      <Button
                        size="small"
                        onClick={() =>
                          call('workers.get', { id: r.id }).then(setEditing, (e: unknown) => message.error(errorText(e, t)))
                        }
                      >
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('roster.confirmDelete', { name: r.name })}
                        description={t('roster.confirmDeleteHint')}
                        okText={t('common.delete')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => void remove(r)}
                      >
                        <Button size="small" danger aria-label={`${t('common.delete')} ${r.name}`}>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
              },
            ]}
          />
        </div>
      </section>
      {/* one boundary each: a form still loading must not hide the open drawer (nor re-stack it over the form) */}
      <Suspense fallback={null}>
        {editing && (
          <WorkerForm
            worker={editing === 'new' ? null : editing}
            units={units}
            onClose={() => setEditing(null)}
            onSaved={(w) => {
              setEditing(null);
              setDetailVersion((v) => v + 1);
              void refresh();
              if (editing === 'new') openWorker(w.id);
            }}
          />
        )}
      </Suspense>
      <Suspense fallback={null}>
        {detail && <WorkerDrawer key={detail} id={detail} version={detailVersion} onClose={closeRecord} onEdit={(w) => setEditing(w)} />}
      </Suspense>
      <Suspense fallback={null}>{importing && <ImportDialog onClose={() => setImporting(false)} onDone={() => void refresh()} />}</Suspense>
    </div>
  );
}
