// Accidents of a month, of its year or all of them: date, place, severity, workshop / team and workers involved;
// filtered by severity, added or changed in a dialog (Alt+N: new), deleted with an undo, and the deleted ones shown and
// restored on request. An accident named in the address (#/wage/records/<YYYY-MM>/accident/<id>) opens.
import { Alert, App, Button, Empty, Popconfirm, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ACCIDENT_SEVERITIES, type Accident, type AccidentSeverity } from '../../../../../shared/wage/records/types';
import { useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useListShortcuts } from '../../../lib/listHooks';
import { undoNote } from './common';

const AccidentDialog = lazy(() => import('./AccidentDialog').then((m) => ({ default: m.AccidentDialog })));

export const SEVERITY_COLOR: Record<AccidentSeverity, string> = { near_miss: 'gold', minor_injury: 'orange', serious_injury: 'red', death: 'magenta' };

/** the accidents shown: of the month, of its year, or every one */
export const ACCIDENT_SCOPES = ['month', 'year', 'all'] as const;
type Scope = (typeof ACCIDENT_SCOPES)[number];

export function AccidentsSection({
  period,
  canRecord,
  openId = null,
  onOpenedClose,
}: {
  period: string;
  canRecord: boolean;
  /** an accident named in the address: opened (a reader sees its row marked) */
  openId?: string | null;
  onOpenedClose?(): void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const units = useUnits();
  const [severity, setSeverity] = useState<AccidentSeverity | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [rows, setRows] = useState<Accident[] | null>(null);
  const [dialog, setDialog] = useState<{ record: Accident | null; fromAddress?: boolean } | null>(null);
  const [scope, setScope] = useState<Scope>('month');
  const [missing, setMissing] = useState(false);
  const openedFor = useRef<string | null>(null);
  const year = period.slice(0, 4);
  /** a team's workshop, by the org units */
  const workshopOf = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, u]));
    return (teamId: string | null) => {
      const team = teamId ? byId.get(teamId) : undefined;
      return team?.parentId ? (byId.get(team.parentId)?.name ?? null) : null;
    };
  }, [units]);

  const load = useCallback(async () => {
    const when = scope === 'month' ? { period } : scope === 'year' ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
    try {
      setRows(await call('wage.accidents', { ...when, severity, deleted }));
    } catch (e) {
      setRows((cur) => cur ?? []);
      message.error(errorText(e, t));
    }
  }, [scope, period, year, severity, deleted, message, t]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!openId || !rows || openedFor.current === openId) return;
    openedFor.current = openId;
    const a = rows.find((r) => r.id === openId);
    setMissing(!a);
    if (a && canRecord) setDialog({ record: a, fromAddress: true });
  }, [openId, rows, canRecord]);
  const closeDialog = () => {
    if (dialog?.fromAddress) onOpenedClose?.();
    setDialog(null);
  };

  const openNew = useCallback(() => {
    if (canRecord) setDialog({ record: null });
  }, [canRecord]);
  useListShortcuts({ focusSearch: () => undefined, create: openNew, enabled: dialog === null && canRecord });

  const what = (a: Accident) => `${a.date} ${a.place}`;
  const remove = async (a: Accident) => {
    try {
      await call('wage.accidentDelete', { id: a.id });
      await load();
      undoNote(message, t, `undo-ac-${a.id}`, what(a), () => call('wage.accidentRestore', { id: a.id }), load);
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const restore = async (a: Accident) => {
    try {
      await call('wage.accidentRestore', { id: a.id });
      message.success(t('wage.rec.restored'));
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const columns: ColumnsType<Accident> = [
    { title: t('wage.ac.date'), dataIndex: 'date', width: 110 },
    { title: t('wage.ac.place'), dataIndex: 'place', width: 160, ellipsis: true },
    { title: t('wage.ac.severity'), dataIndex: 'severity', width: 100, render: (s: AccidentSeverity) => <Tag color={SEVERITY_COLOR[s]}>{t(`wage.severity.${s}`)}</Tag> },
    {
      title: t('wage.rec.unit'),
      key: 'team',
      width: 180,
      ellipsis: true,
      render: (_, a) => (a.teamName ? [workshopOf(a.teamId), a.teamName].filter(Boolean).join(' / ') : '—'),
    },
    { title: t('wage.ac.workers'), key: 'workers', width: 200, render: (_, a) => (a.workers.length ? a.workers.map((w) => `${w.name}（${w.empNo}）`).join(t('common.listSep')) : '—') },
    { title: t('wage.ac.description'), dataIndex: 'description', ellipsis: true },
    { title: t('wage.rec.enteredBy'), dataIndex: 'enteredBy', width: 100 },
  ];
  if (canRecord) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, a) =>
        deleted ? (
          <Button size="small" type="link" onClick={() => void restore(a)} aria-label={`${t('wage.rec.restore')} ${what(a)}`}>
            {t('wage.rec.restore')}
          </Button>
        ) : (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => setDialog({ record: a })} aria-label={`${t('common.edit')} ${what(a)}`}>
              {t('common.edit')}
            </Button>
            <Popconfirm title={t('wage.rec.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(a)}>
              <Button size="small" type="link" danger aria-label={`${t('common.delete')} ${what(a)}`}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    });
  }

  return (
    <div data-testid="wage-accidents">
      <Space wrap size={12} style={{ marginBottom: 8 }}>
        <Segmented
          aria-label={t('wage.ac.scope')}
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          options={ACCIDENT_SCOPES.map((s) => ({ value: s, label: <span data-testid={`wage-ac-scope-${s}`}>{t(`wage.ac.scope.${s}`, { period, year })}</span> }))}
        />
        <Select
          aria-label={t('wage.ac.severity')}
          allowClear
          placeholder={t('wage.ac.allSeverities')}
          value={severity ?? undefined}
          onChange={(v: AccidentSeverity | undefined) => setSeverity(v ?? null)}
          options={ACCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`wage.severity.${s}`) }))}
          style={{ width: 150 }}
        />
        <Space size={4}>
          <Switch size="small" checked={deleted} onChange={setDeleted} aria-label={t('wage.rec.showDeleted')} />
          <Typography.Text>{t('wage.rec.showDeleted')}</Typography.Text>
        </Space>
        {canRecord && !deleted && (
          <Button type="primary" onClick={openNew} title={t('wage.rec.newShortcut')}>
            {t('wage.ac.new')}
          </Button>
        )}
        {rows && rows.length > 0 && <Typography.Text type="secondary">{t('wage.rec.count', { n: rows.length })}</Typography.Text>}
      </Space>
      {missing && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('wage.rec.openMissing', { period })} data-testid="wage-open-missing" />}
      <Table<Accident>
        rowKey="id"
        rowClassName={(a) => (a.id === openId ? 'ant-table-row-selected' : '')}
        size="small"
        loading={rows === null}
        columns={columns}
        dataSource={rows ?? []}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={<span data-testid="wage-ac-empty">{t(deleted ? 'wage.ac.emptyDeleted' : 'wage.ac.empty', { period: scope === 'month' ? period : scope === 'year' ? t('wage.ac.yearOf', { year }) : t('wage.ac.ever') })}</span>} /> }}
        scroll={{ x: 1000 }}
      />
      <Suspense fallback={null}>
        {dialog && (
          <AccidentDialog
            record={dialog.record}
            period={period}
            units={units}
            onClose={closeDialog}
            onDone={() => {
              closeDialog();
              void load();
            }}
          />
        )}
      </Suspense>
    </div>
  );
}
