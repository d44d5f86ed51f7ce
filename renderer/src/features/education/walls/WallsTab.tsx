// The education page's walls tab (#/education/walls[/<id>]): the check (units without a wall, walls not updated within
// N months, the setting), the walls by workshop with their last update and state, searched, added or changed in a
// dialog (Alt+N: new), deleted with an undo, the deleted ones shown and restored on request; a wall opens in a drawer
// with its updates.
import { Alert, App, Button, Empty, Input, Popconfirm, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import type { Wall, WallCheck } from '../../../../../shared/education/walls/types';
import { useRoute, useRouter } from '../../../app/router';
import { useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { parseEducationId } from '../tabs';
import { StateTag, undoNote, useCanKeepWalls, useIsAdmin, wallLabel } from './common';
import { WallCheckPanel } from './WallCheckPanel';
import { WallDialog } from './WallDialog';
import { WallDrawer } from './WallDrawer';

export function WallsTab() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCanKeepWalls();
  const isAdmin = useIsAdmin();
  const units = useUnits();
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const addr = route.page === 'education' ? parseEducationId(route.id) : { tab: null, rest: [] };
  const openId = addr.tab === 'walls' ? (addr.rest[0] ?? null) : null;

  const [search, setSearch] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [rows, setRows] = useState<Wall[] | null>(null);
  const [check, setCheck] = useState<WallCheck | null>(null);
  const [dialog, setDialog] = useState<{ wall: Wall | null; orgUnitId: string | null } | null>(null);
  /** the drawer opens with the update form (from the check's "record update") */
  const [startNew, setStartNew] = useState(false);
  /** the wall the drawer shows, once loaded (the address may name one that is not in the list) */
  const [opened, setOpened] = useState<Wall | null>(null);
  const [missing, setMissing] = useState(false);

  const load = useCallback(async () => {
    try {
      const [w, c] = await Promise.all([call('education.walls', { search, deleted }), call('education.wallCheck', {})]);
      setRows(w);
      setCheck(c);
    } catch (e) {
      message.error(errorText(e, t));
    }
  }, [search, deleted, message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  // the wall the address names: from the list, else the live walls (the list may be filtered)
  useEffect(() => {
    if (!openId) {
      setOpened(null);
      setMissing(false);
      return;
    }
    const here = rows?.find((w) => w.id === openId);
    if (here) {
      setOpened(here);
      setMissing(false);
      return;
    }
    let live = true;
    call('education.walls', {})
      .then((all) => {
        if (!live) return;
        const w = all.find((x) => x.id === openId) ?? null;
        setOpened(w);
        setMissing(!w);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [openId, rows]);

  const open = (id: string | null, withNew = false) => {
    setStartNew(withNew);
    navigate({ page: 'education', id: id ? `walls/${id}` : 'walls' });
  };

  // Alt+N: a new wall
  useEffect(() => {
    if (!canWrite) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'n' || e.key === 'N') && !dialog) {
        e.preventDefault();
        setDialog({ wall: null, orgUnitId: null });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canWrite, dialog]);

  const remove = async (w: Wall) => {
    try {
      await call('education.wallDelete', { id: w.id });
      await load();
      undoNote(message, t, 'undo-wall', wallLabel(w), () => call('education.wallRestore', { id: w.id }), load);
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const restore = async (w: Wall) => {
    try {
      await call('education.wallRestore', { id: w.id });
      message.success(t('edu.wall.restored'));
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const columns: ColumnsType<Wall> = [
    { title: t('edu.wall.unit'), key: 'unit', width: 200, render: (_, w) => [w.workshopName, w.unitName].filter(Boolean).join(' / ') },
    { title: t('edu.wall.name'), dataIndex: 'name', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('edu.wall.location'), dataIndex: 'location', ellipsis: true },
    { title: t('edu.wall.lastUpdate'), dataIndex: 'lastUpdate', width: 120, render: (v: string | null) => v ?? t('edu.wall.check.never') },
    { title: t('edu.wall.updates'), dataIndex: 'updates', width: 90, align: 'right' },
    { title: t('edu.wall.state'), dataIndex: 'state', width: 110, render: (_, w) => <StateTag state={w.state} t={t} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: deleted ? 100 : 200,
      render: (_, w) =>
        deleted ? (
          canWrite && (
            <Button size="small" onClick={() => void restore(w)} aria-label={`${t('edu.wall.restore')} ${wallLabel(w)}`}>
              {t('edu.wall.restore')}
            </Button>
          )
        ) : (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => open(w.id)} aria-label={`${t('edu.wall.open')} ${wallLabel(w)}`}>
              {t('edu.wall.open')}
            </Button>
            {canWrite && (
              <>
                <Button size="small" onClick={() => setDialog({ wall: w, orgUnitId: null })} aria-label={`${t('common.edit')} ${wallLabel(w)}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('edu.wall.deleteConfirm', { what: wallLabel(w) })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void remove(w)}
                >
                  <Button size="small" danger aria-label={`${t('common.delete')} ${wallLabel(w)}`}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        ),
    },
  ];

  const emptyKey = deleted ? 'edu.wall.emptyDeleted' : search ? 'edu.wall.emptySearch' : 'edu.wall.empty';
  return (
    <div data-testid="edu-walls" style={{ paddingBottom: 16 }}>
      <WallCheckPanel
        check={check}
        canWrite={canWrite}
        isAdmin={isAdmin}
        onAddWall={(orgUnitId) => setDialog({ wall: null, orgUnitId })}
        onAddUpdate={(wallId) => open(wallId, true)}
        onSettings={() => void load()}
      />
      {!canWrite && <Alert type="info" showIcon title={t('edu.wall.readOnly')} style={{ marginBottom: 8 }} />}
      {missing && <Alert type="warning" showIcon title={t('edu.wall.notFound')} style={{ marginBottom: 8 }} closable onClose={() => open(null)} />}
      <Space wrap size={12} style={{ marginBottom: 8 }}>
        <Input.Search allowClear aria-label={t('edu.wall.search')} placeholder={t('edu.wall.search')} onSearch={setSearch} style={{ width: 260 }} />
        <Space size={4}>
          <Switch size="small" checked={deleted} onChange={setDeleted} aria-label={t('edu.wall.showDeleted')} />
          <Typography.Text>{t('edu.wall.showDeleted')}</Typography.Text>
        </Space>
        {canWrite && !deleted && (
          <Button type="primary" onClick={() => setDialog({ wall: null, orgUnitId: null })} title="Alt+N">
            {t('edu.wall.new')}
          </Button>
        )}
      </Space>
      <Table<Wall>
        rowKey="id"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        columns={columns}
        pagination={false}
        onRow={(w) => ({ onDoubleClick: () => !deleted && open(w.id) })}
        locale={{ emptyText: <Empty description={<span data-testid="edu-wall-empty">{t(emptyKey)}</span>} /> }}
        scroll={{ x: 900 }}
      />
      {dialog && (
        <WallDialog
          wall={dialog.wall}
          orgUnitId={dialog.orgUnitId}
          units={units}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void load();
          }}
        />
      )}
      {opened && (
        <WallDrawer
          key={opened.id}
          wall={opened}
          canWrite={canWrite}
          startNew={startNew}
          onClose={() => open(null)}
          onChanged={() => void load()}
        />
      )}
    </div>
  );
}
