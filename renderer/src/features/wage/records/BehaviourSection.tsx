// Behaviour records of a month: violations (points off) and good acts (points added) of a worker or a team, filtered by
// kind; a record is added or changed in a dialog (Alt+N: new), deleted with an undo, and the deleted ones of the month
// can be shown and restored.
import { Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, useCallback, useState } from 'react';
import { BEHAVIOUR_KINDS, type Behaviour, type BehaviourKind } from '../../../../../shared/wage/records/types';
import { useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { Thumb } from '../../hazards/photos';
import { num } from './common';
import { actionsColumn, NewRecordButton, OpenMissingAlert, RecordDialogHost, recordTableProps, ShowDeletedSwitch, useRecordList, useRemoveRestore } from './recordList';

const BehaviourDialog = lazy(() => import('./BehaviourDialog').then((m) => ({ default: m.BehaviourDialog })));

export function BehaviourSection({
  period,
  canRecord,
  openId = null,
  onOpenedClose,
}: {
  period: string;
  canRecord: boolean;
  /** a record named in the address (#/wage/records/<YYYY-MM>/behaviour/<id>): opened (a reader sees its row marked) */
  openId?: string | null;
  onOpenedClose?(): void;
}) {
  const t = useT();
  const units = useUnits();
  const [kind, setKind] = useState<BehaviourKind | 'all'>('all');
  const [deleted, setDeleted] = useState(false);
  const fetch = useCallback(() => call('wage.behaviour', { period, kind: kind === 'all' ? null : kind, deleted }), [period, kind, deleted]);
  const { rows, load, dialog, setDialog, closeDialog, openNew, missing } = useRecordList(fetch, { openId, canRecord, onOpenedClose });

  const what = (b: Behaviour) => `${b.workerName ?? b.teamName ?? ''} ${b.category}`;
  const { remove, restore } = useRemoveRestore<Behaviour>({
    del: (id) => call('wage.behaviourDelete', { id }),
    restore: (id) => call('wage.behaviourRestore', { id }),
    undoKey: 'undo-bh',
    what,
    load,
  });

  const columns: ColumnsType<Behaviour> = [
    { title: t('wage.bh.date'), dataIndex: 'date', width: 110 },
    {
      title: t('wage.bh.who'),
      key: 'who',
      width: 200,
      render: (_, b) => (
        <Space size={4} wrap>
          {b.workerName && <span>{`${b.workerName} · ${b.empNo ?? ''}`}</span>}
          {b.teamName && <Tag>{b.teamName}</Tag>}
        </Space>
      ),
    },
    { title: t('wage.bh.kind'), dataIndex: 'kind', width: 110, render: (k: BehaviourKind) => <Tag color={k === 'violation' ? 'red' : 'green'}>{t(`wage.kind.${k}`)}</Tag> },
    // the category is what the record is about: as wide as it needs (the whole text on hover when cut)
    { title: t('wage.bh.category'), dataIndex: 'category', width: 240, ellipsis: { showTitle: true } },
    {
      title: t('wage.bh.points'),
      dataIndex: 'points',
      width: 80,
      align: 'right',
      render: (p: number) => <Typography.Text type={p < 0 ? 'danger' : 'success'}>{num(p, true)}</Typography.Text>,
    },
    { title: t('wage.rec.note'), dataIndex: 'note', width: 160, ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '' },
    { title: t('wage.bh.evidence'), key: 'photo', width: 90, render: (_, b) => (b.evidenceId ? <Thumb id={b.evidenceId} alt={`${t('wage.bh.evidence')} ${what(b)}`} size={40} /> : '—') },
    { title: t('wage.rec.enteredBy'), dataIndex: 'enteredBy', width: 100 },
  ];
  if (canRecord) columns.push(actionsColumn<Behaviour>(t, { deleted, what, onEdit: (b) => setDialog({ record: b }), onRemove: (b) => void remove(b), onRestore: (b) => void restore(b) }));

  const minus = (rows ?? []).filter((b) => b.points < 0).reduce((s, b) => s + b.points, 0);
  const plus = (rows ?? []).filter((b) => b.points > 0).reduce((s, b) => s + b.points, 0);

  return (
    <div data-testid="wage-behaviour">
      <Space wrap size={12} style={{ marginBottom: 8 }}>
        <Segmented
          aria-label={t('wage.bh.kind')}
          value={kind}
          onChange={(v) => setKind(v as BehaviourKind | 'all')}
          options={[{ value: 'all', label: t('wage.bh.allKinds') }, ...BEHAVIOUR_KINDS.map((k) => ({ value: k, label: t(`wage.kind.${k}`) }))]}
        />
        <ShowDeletedSwitch checked={deleted} onChange={setDeleted} />
        <NewRecordButton show={canRecord && !deleted} onClick={openNew} label={t('wage.bh.new')} />
        {rows && rows.length > 0 && (
          <Typography.Text type="secondary" data-testid="wage-bh-sum">
            {t('wage.rec.count', { n: rows.length })} · {t('wage.bh.sum', { minus: num(minus), plus: num(plus, true) })}
          </Typography.Text>
        )}
      </Space>
      <OpenMissingAlert show={missing} period={period} />
      <Table<Behaviour>
        {...recordTableProps(rows, openId)}
        columns={columns}
        locale={{ emptyText: <Empty description={<span data-testid="wage-bh-empty">{t(deleted ? 'wage.bh.emptyDeleted' : 'wage.bh.empty', { period })}</span>} /> }}
        scroll={{ x: 1200 }}
      />
      <RecordDialogHost<Behaviour> Dialog={BehaviourDialog} dialog={dialog} period={period} units={units} onClose={closeDialog} reload={load} />
    </div>
  );
}
