// Accidents of a month, of its year or all of them: date, place, severity, workshop / team and workers involved;
// filtered by severity, added or changed in a dialog (Alt+N: new), deleted with an undo, and the deleted ones shown and
// restored on request. An accident named in the address (#/wage/records/<YYYY-MM>/accident/<id>) opens.
import { Empty, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, useCallback, useMemo, useState } from 'react';
import { ACCIDENT_SEVERITIES, type Accident, type AccidentSeverity } from '../../../../../shared/wage/records/types';
import { useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { actionsColumn, NewRecordButton, OpenMissingAlert, RecordDialogHost, recordTableProps, ShowDeletedSwitch, useRecordList, useRemoveRestore } from './recordList';

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
  const units = useUnits();
  const [severity, setSeverity] = useState<AccidentSeverity | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [scope, setScope] = useState<Scope>('month');
  const year = period.slice(0, 4);
  /** a team's workshop, by the org units */
  const workshopOf = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, u]));
    return (teamId: string | null) => {
      const team = teamId ? byId.get(teamId) : undefined;
      return team?.parentId ? (byId.get(team.parentId)?.name ?? null) : null;
    };
  }, [units]);

  const fetch = useCallback(() => {
    const when = scope === 'month' ? { period } : scope === 'year' ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
    return call('wage.accidents', { ...when, severity, deleted });
  }, [scope, period, year, severity, deleted]);
  const { rows, load, dialog, setDialog, closeDialog, openNew, missing } = useRecordList(fetch, { openId, canRecord, onOpenedClose });

  const what = (a: Accident) => `${a.date} ${a.place}`;
  const { remove, restore } = useRemoveRestore<Accident>({
    del: (id) => call('wage.accidentDelete', { id }),
    restore: (id) => call('wage.accidentRestore', { id }),
    undoKey: 'undo-ac',
    what,
    load,
  });

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
  if (canRecord) columns.push(actionsColumn<Accident>(t, { deleted, what, onEdit: (a) => setDialog({ record: a }), onRemove: (a) => void remove(a), onRestore: (a) => void restore(a) }));

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
        <ShowDeletedSwitch checked={deleted} onChange={setDeleted} />
        <NewRecordButton show={canRecord && !deleted} onClick={openNew} label={t('wage.ac.new')} />
        {rows && rows.length > 0 && <Typography.Text type="secondary">{t('wage.rec.count', { n: rows.length })}</Typography.Text>}
      </Space>
      <OpenMissingAlert show={missing} period={period} />
      <Table<Accident>
        {...recordTableProps(rows, openId)}
        columns={columns}
        locale={{ emptyText: <Empty description={<span data-testid="wage-ac-empty">{t(deleted ? 'wage.ac.emptyDeleted' : 'wage.ac.empty', { period: scope === 'month' ? period : scope === 'year' ? t('wage.ac.yearOf', { year }) : t('wage.ac.ever') })}</span>} /> }}
        scroll={{ x: 1000 }}
      />
      <RecordDialogHost<Accident> Dialog={AccidentDialog} dialog={dialog} period={period} units={units} onClose={closeDialog} reload={load} />
    </div>
  );
}
