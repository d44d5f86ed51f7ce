// Behaviour records of a month: violations (points off) and good acts (points added) of a worker or a team, filtered by
// kind; a record is added or changed in a dialog (Alt+N: new), deleted with an undo, and the deleted ones of the month
// can be shown and restored.
import { Alert, App, Button, Empty, Popconfirm, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { BEHAVIOUR_KINDS, type Behaviour, type BehaviourKind } from '../../../../../shared/wage/records/types';
import { useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useListShortcuts } from '../../../lib/listHooks';
import { Thumb } from '../../hazards/photos';
import { num, undoNote } from './common';

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
  const { message } = App.useApp();
  const units = useUnits();
  const [kind, setKind] = useState<BehaviourKind | 'all'>('all');
  const [deleted, setDeleted] = useState(false);
  const [rows, setRows] = useState<Behaviour[] | null>(null);
  const [dialog, setDialog] = useState<{ record: Behaviour | null; fromAddress?: boolean } | null>(null);
  /** the record the address names is not among the month's (deleted, another month) */
  const [missing, setMissing] = useState(false);
  const openedFor = useRef<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await call('wage.behaviour', { period, kind: kind === 'all' ? null : kind, deleted }));
    } catch (e) {
      setRows((cur) => cur ?? []);
      message.error(errorText(e, t));
    }
  }, [period, kind, deleted, message, t]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!openId || !rows || openedFor.current === openId) return;
    openedFor.current = openId;
    const b = rows.find((r) => r.id === openId);
    setMissing(!b);
    if (b && canRecord) setDialog({ record: b, fromAddress: true });
  }, [openId, rows, canRecord]);
  const closeDialog = () => {
    if (dialog?.fromAddress) onOpenedClose?.();
    setDialog(null);
  };

  const openNew = useCallback(() => {
    if (canRecord) setDialog({ record: null });
  }, [canRecord]);
  useListShortcuts({ focusSearch: () => undefined, create: openNew, enabled: dialog === null && canRecord });

  const what = (b: Behaviour) => `${b.workerName ?? b.teamName ?? ''} ${b.category}`;
  const remove = async (b: Behaviour) => {
    try {
      await call('wage.behaviourDelete', { id: b.id });
      await load();
      undoNote(message, t, `undo-bh-${b.id}`, what(b), () => call('wage.behaviourRestore', { id: b.id }), load);
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const restore = async (b: Behaviour) => {
    try {
      await call('wage.behaviourRestore', { id: b.id });
      message.success(t('wage.rec.restored'));
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

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
  if (canRecord) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, b) =>
        deleted ? (
          <Button size="small" type="link" onClick={() => void restore(b)} aria-label={`${t('wage.rec.restore')} ${what(b)}`}>
            {t('wage.rec.restore')}
          </Button>
        ) : (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => setDialog({ record: b })} aria-label={`${t('common.edit')} ${what(b)}`}>
              {t('common.edit')}
            </Button>
            <Popconfirm title={t('wage.rec.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(b)}>
              <Button size="small" type="link" danger aria-label={`${t('common.delete')} ${what(b)}`}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    });
  }

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
        <Space size={4}>
          <Switch size="small" checked={deleted} onChange={setDeleted} aria-label={t('wage.rec.showDeleted')} />
          <Typography.Text>{t('wage.rec.showDeleted')}</Typography.Text>
        </Space>
        {canRecord && !deleted && (
          <Button type="primary" onClick={openNew} title={t('wage.rec.newShortcut')}>
            {t('wage.bh.new')}
          </Button>
        )}
        {rows && rows.length > 0 && (
          <Typography.Text type="secondary" data-testid="wage-bh-sum">
            {t('wage.rec.count', { n: rows.length })} · {t('wage.bh.sum', { minus: num(minus), plus: num(plus, true) })}
          </Typography.Text>
        )}
      </Space>
      {missing && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('wage.rec.openMissing', { period })} data-testid="wage-open-missing" />}
      <Table<Behaviour>
        rowKey="id"
        rowClassName={(b) => (b.id === openId ? 'ant-table-row-selected' : '')}
        size="small"
        loading={rows === null}
        columns={columns}
        dataSource={rows ?? []}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={<span data-testid="wage-bh-empty">{t(deleted ? 'wage.bh.emptyDeleted' : 'wage.bh.empty', { period })}</span>} /> }}
        scroll={{ x: 1200 }}
      />
      <Suspense fallback={null}>
        {dialog && (
          <BehaviourDialog
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
