// 特种作业证: the certificates of workers on the roster, the most urgent first. By state (to act on — the review window
// open, overdue, expired — by default, with the count of each), by workshop or team, by category, searched by name,
// employee number or certificate number; added or changed in a dialog (Alt+N: new), a review recorded (the dates move),
// deleted with an undo, the deleted shown and restored on request. Pages come from the backend (50,000 workers).
// The state filter is in the address (#/health/certs/<state>: the home card links there, Back undoes a filter).
import { Alert, App, Button, Empty, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CertFilter } from '../../../../../shared/health/certs/schemas';
import type { Certificate, CertPage } from '../../../../../shared/health/certs/types';
import { CERT_CATEGORIES, type CertCategory } from '../../../../../shared/health/kinds';
import { useRoute, useRouter } from '../../../app/router';
import { UnitSelect, useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { call, saveFile } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useDebouncedSearch, useListShortcuts } from '../../../lib/listHooks';
import { today as todayOf, undoNote } from '../../wage/records/common';
import { EditDeleteButtons, NewRecordButton, ShowDeletedSwitch } from '../../wage/records/recordList';
import { CertDialog } from './CertDialog';
import { certKind, StatusTag, useCanWriteHealth } from './common';
import { ReviewDialog } from './ReviewDialog';
import { parseHealthId } from '../tabs';

const FILTERS: readonly (CertFilter | 'all')[] = ['due', 'all', 'window', 'overdue', 'expired', 'current'];

/** The state filter a certificates address names (#/health/certs/<state>); 'due' by default. */
export function certFilterOf(id: string | null): CertFilter | 'all' {
  const { tab, rest } = parseHealthId(id);
  const f = tab === 'certs' ? rest[0] : undefined;
  return f !== undefined && (FILTERS as readonly string[]).includes(f) ? (f as CertFilter | 'all') : 'due';
}

export function CertsTab() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCanWriteHealth();
  const units = useUnits();
  const today = todayOf();
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const status = route.page === 'health' ? certFilterOf(route.id) : 'due';
  const setStatus = (f: CertFilter | 'all') => navigate({ page: 'health', id: f === 'due' ? 'certs' : `certs/${f}` });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [category, setCategory] = useState<CertCategory | null>(null);
  const [search, setSearch] = useState('');
  const [text, setText] = useDebouncedSearch(search, setSearch);
  const [deleted, setDeleted] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [data, setData] = useState<CertPage | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'edit'; cert: Certificate | null } | { kind: 'review'; cert: Certificate } | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);

  const unit = useMemo(() => units.find((u) => u.id === unitId) ?? null, [units, unitId]);
  const load = useCallback(async () => {
    try {
      setData(
        await call('health.certs', {
          status: deleted || status === 'all' ? null : status,
          workshopId: unit?.kind === 'workshop' ? unit.id : null,
          teamId: unit?.kind === 'team' ? unit.id : null,
          category,
          search,
          deleted,
          ...page,
        }),
      );
    } catch (e) {
      setData((cur) => cur ?? { rows: [], total: 0, page: 1, pageSize: 50, counts: { current: 0, window: 0, overdue: 0, expired: 0 } });
      message.error(errorText(e, t));
    }
  }, [status, unit, category, search, deleted, page, message, t]);
  useEffect(() => {
    void load();
  }, [load]);
  // a new filter starts at the first page
  useEffect(() => setPage((p) => (p.page === 1 ? p : { ...p, page: 1 })), [status, unitId, category, search, deleted]);

  const openNew = useCallback(() => {
    if (canWrite && !deleted) setDialog({ kind: 'edit', cert: null });
  }, [canWrite, deleted]);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  useListShortcuts({ focusSearch, create: openNew, enabled: dialog === null && canWrite });

  const what = (c: Certificate) => `${c.name} ${c.certNo}`;
  const remove = async (c: Certificate) => {
    try {
      await call('health.certDelete', { id: c.id });
      await load();
      undoNote(message, t, `undo-cert-${c.id}`, what(c), () => call('health.certRestore', { id: c.id }), load);
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const restore = async (c: Certificate) => {
    try {
      await call('health.certRestore', { id: c.id });
      message.success(t('wage.rec.restored'));
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const download = async (id: string) => {
    try {
      await saveFile(await call('attachments.download', { id }));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const counts = data?.counts;
  const countOf = (f: CertFilter | 'all') =>
    !counts ? null : f === 'all' ? counts.current + counts.window + counts.overdue + counts.expired : f === 'due' ? counts.window + counts.overdue + counts.expired : counts[f];
  const columns: ColumnsType<Certificate> = [
    // "Review overdue · 961 days ago" fits 200px; a longer one wraps inside its cell, never over the holder's name
    { title: t('health.cert.status'), key: 'status', width: 200, render: (_, c) => <StatusTag c={c} today={today} /> },
    { title: t('health.cert.worker'), key: 'worker', width: 140, render: (_, c) => `${c.name} · ${c.empNo}` },
    { title: t('health.cert.unit'), key: 'unit', width: 160, ellipsis: true, render: (_, c) => [c.workshopName, c.teamName].filter(Boolean).join(' / ') || '—' },
    { title: t('health.cert.category'), key: 'category', width: 180, ellipsis: true, render: (_, c) => certKind(t, c) },
    { title: t('health.cert.certNo'), dataIndex: 'certNo', width: 130 },
    {
      // never later than the expiry: a review cycle ending after it shows as the renewal at the expiry
      title: t('health.cert.nextReview'),
      key: 'due',
      width: 150,
      render: (_, c) =>
        c.dueKind === 'review' && c.nextReviewDate ? (
          `${c.nextReviewDate}${c.reviewYears === 6 ? ` (${t('health.cert.years', { n: 6 })})` : ''}`
        ) : (
          <span title={t('health.cert.renewAtHint')} data-testid="cert-renewal">
            {t('health.cert.renewAt', { date: c.expiryDate })}
          </span>
        ),
    },
    { title: t('health.cert.expiryDate'), dataIndex: 'expiryDate', width: 105 },
    { title: t('health.cert.issueDate'), dataIndex: 'issueDate', width: 105, render: (v: string | null) => v ?? '—' },
    { title: t('health.cert.lastReview'), dataIndex: 'lastReviewDate', width: 105, render: (v: string | null) => v ?? '—' },
    {
      title: t('health.cert.scan'),
      key: 'scan',
      width: 80,
      render: (_, c) =>
        c.scanId ? (
          <Button size="small" type="link" style={{ padding: 0 }} aria-label={`${t('health.cert.scanOpen')} ${what(c)}`} onClick={() => void download(c.scanId!)}>
            {t('health.cert.scanLink')}
          </Button>
        ) : (
          '—'
        ),
    },
    { title: t('health.cert.source'), dataIndex: 'source', width: 100, render: (s: Certificate['source']) => t(`health.cert.source.${s}`) },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      // "Record review · Edit · Delete" in English, whole
      width: 250,
      fixed: 'right',
      render: (_, c) =>
        deleted ? (
          <Button size="small" type="link" onClick={() => void restore(c)} aria-label={`${t('wage.rec.restore')} ${what(c)}`}>
            {t('wage.rec.restore')}
          </Button>
        ) : (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => setDialog({ kind: 'review', cert: c })} aria-label={`${t('health.cert.review')} ${what(c)}`}>
              {t('health.cert.review')}
            </Button>
            <EditDeleteButtons
              editLabel={`${t('common.edit')} ${what(c)}`}
              deleteLabel={`${t('common.delete')} ${what(c)}`}
              onEdit={() => setDialog({ kind: 'edit', cert: c })}
              onRemove={() => void remove(c)}
            />
          </Space>
        ),
    });
  }

  const filtered = unitId !== null || category !== null || search !== '';
  const emptyKey = deleted ? 'health.cert.emptyDeleted' : filtered ? 'health.cert.emptyFiltered' : status === 'due' && countOf('all') ? 'health.cert.emptyDue' : countOf('all') ? 'health.cert.emptyFiltered' : 'health.cert.empty';
  const done = () => {
    setDialog(null);
    void load();
  };

  return (
    <div data-testid="health-certs" style={{ paddingBottom: 16 }}>
      {!canWrite && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('health.cert.readOnly')} />}
      <Space wrap size={12} style={{ marginBottom: 8 }}>
        {!deleted && (
          <Segmented
            aria-label={t('health.cert.filter.status')}
            value={status}
            onChange={(v) => setStatus(v as CertFilter | 'all')}
            options={FILTERS.map((f) => {
              const n = countOf(f);
              const label = f === 'due' ? t('health.cert.filter.dueShort') : f === 'all' ? t('health.cert.filter.all') : f === 'window' ? t('health.cert.filter.window') : t(`health.cert.status.${f}`);
              return { value: f, label: <span data-testid={`cert-filter-${f}`} title={f === 'due' ? t('health.cert.filter.due') : undefined}>{n === null ? label : `${label} ${n}`}</span> };
            })}
          />
        )}
        <UnitSelect units={units} value={unitId} onChange={setUnitId} placeholder={t('health.cert.filter.unit')} />
        <Select
          aria-label={t('health.cert.filter.category')}
          allowClear
          placeholder={t('health.cert.filter.allCategories')}
          value={category ?? undefined}
          onChange={(v: CertCategory | undefined) => setCategory(v ?? null)}
          options={CERT_CATEGORIES.map((c) => ({ value: c, label: t(`health.cert.category.${c}`) }))}
          style={{ width: 200 }}
        />
        <Input.Search
          ref={(el) => {
            searchRef.current = el?.input ?? null;
          }}
          allowClear
          aria-label={t('health.cert.search')}
          placeholder={t('health.cert.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 240 }}
        />
        {canWrite && <ShowDeletedSwitch checked={deleted} onChange={setDeleted} />}
        <NewRecordButton show={canWrite && !deleted} onClick={openNew} label={t('health.cert.new')} />
        {data && data.total > 0 && <Typography.Text type="secondary">{t('health.cert.count', { n: data.total })}</Typography.Text>}
      </Space>
      {!deleted && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('health.cert.windowHint')}
        </Typography.Paragraph>
      )}
      <Table<Certificate>
        rowKey="id"
        size="small"
        loading={data === null}
        dataSource={data?.rows ?? []}
        columns={columns}
        // as wide as its columns: narrower, the fixed 操作 column would cover the last ones (初领日期)
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          hideOnSinglePage: true,
          onChange: (p, s) => setPage({ page: s !== page.pageSize ? 1 : p, pageSize: s }),
        }}
        locale={{ emptyText: <Empty description={<span data-testid="cert-empty">{t(emptyKey)}</span>} /> }}
      />
      {dialog?.kind === 'edit' && <CertDialog cert={dialog.cert} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'review' && <ReviewDialog cert={dialog.cert} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}
