// One culture wall: where it is, and its updates newest first (date, sections, content, photos, who recorded it);
// updates are recorded, changed, deleted with an undo, and the deleted ones shown and restored on request. The wall's
// address is #/education/walls/<id>.
import { Alert, App, Button, Descriptions, Drawer, Empty, List, Popconfirm, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Wall, WallUpdate } from '../../../../../shared/education/walls/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { Thumb } from '../../hazards/photos';
import { SectionTags, StateTag, undoNote, wallLabel } from './common';
import { UpdateDialog } from './UpdateDialog';

export function WallDrawer(props: { wall: Wall; canWrite: boolean; startNew: boolean; onClose(): void; onChanged(): void }) {
  const { wall } = props;
  const t = useT();
  const { message } = App.useApp();
  const [deleted, setDeleted] = useState(false);
  const [rows, setRows] = useState<WallUpdate[] | null>(null);
  const [dialog, setDialog] = useState<{ update: WallUpdate | null } | null>(props.startNew && props.canWrite && !wall.deletedAt ? { update: null } : null);
  const writable = props.canWrite && !wall.deletedAt;

  const load = useCallback(async () => {
    try {
      setRows(await call('education.wallUpdates', { wallId: wall.id, deleted }));
    } catch (e) {
      message.error(errorText(e, t));
    }
  }, [wall.id, deleted, message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = async () => {
    await load();
    props.onChanged();
  };
  const remove = async (u: WallUpdate) => {
    try {
      await call('education.wallUpdateDelete', { id: u.id });
      await changed();
      undoNote(message, t, 'undo-wall-upd', t('edu.wall.upd.what', { date: u.date }), () => call('education.wallUpdateRestore', { id: u.id }), changed);
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const restore = async (u: WallUpdate) => {
    try {
      await call('education.wallUpdateRestore', { id: u.id });
      message.success(t('edu.wall.restored'));
      await changed();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  return (
    <Drawer open width={680} title={wallLabel(wall)} onClose={props.onClose} destroyOnHidden data-testid="edu-wall-drawer">
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('edu.wall.unit')}>{[wall.workshopName, wall.unitName].filter(Boolean).join(' / ')}</Descriptions.Item>
        <Descriptions.Item label={t('edu.wall.location')}>{wall.location}</Descriptions.Item>
        {wall.name && <Descriptions.Item label={t('edu.wall.name')}>{wall.name}</Descriptions.Item>}
        <Descriptions.Item label={t('edu.wall.state')}>
          <StateTag state={wall.state} t={t} />
          {wall.lastUpdate ?? t('edu.wall.check.never')}
        </Descriptions.Item>
        {wall.note && <Descriptions.Item label={t('edu.wall.note')}>{wall.note}</Descriptions.Item>}
      </Descriptions>
      {wall.deletedAt && <Alert type="warning" showIcon title={t('edu.wall.upd.wallDeleted')} style={{ marginBottom: 12 }} />}
      <Space wrap size={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('edu.wall.upd.title')}
        </Typography.Title>
        {writable && !deleted && (
          <Button type="primary" onClick={() => setDialog({ update: null })}>
            {t('edu.wall.upd.new')}
          </Button>
        )}
        {writable && (
          <Space size={4}>
            <Switch size="small" checked={deleted} onChange={setDeleted} aria-label={t('edu.wall.showDeleted')} />
            <Typography.Text>{t('edu.wall.showDeleted')}</Typography.Text>
          </Space>
        )}
      </Space>
      <List<WallUpdate>
        loading={rows === null}
        dataSource={rows ?? []}
        locale={{ emptyText: <Empty description={<span data-testid="edu-wall-upd-empty">{t(deleted ? 'edu.wall.upd.emptyDeleted' : 'edu.wall.upd.empty')}</span>} /> }}
        renderItem={(u) => (
          <List.Item
            data-testid="edu-wall-upd"
            actions={
              !writable
                ? []
                : deleted
                  ? [
                      <Button key="r" size="small" onClick={() => void restore(u)}>
                        {t('edu.wall.restore')}
                      </Button>,
                    ]
                  : [
                      <Button key="e" size="small" onClick={() => setDialog({ update: u })} aria-label={`${t('common.edit')} ${t('edu.wall.upd.what', { date: u.date })}`}>
                        {t('common.edit')}
                      </Button>,
                      <Popconfirm
                        key="d"
                        title={t('edu.wall.upd.deleteConfirm', { date: u.date })}
                        okText={t('common.delete')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => void remove(u)}
                      >
                        <Button size="small" danger aria-label={`${t('common.delete')} ${t('edu.wall.upd.what', { date: u.date })}`}>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>,
                    ]
            }
          >
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{u.date}</Typography.Text>
                <SectionTags sections={u.sections} t={t} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('edu.wall.upd.by', { name: u.enteredBy })}
                </Typography.Text>
              </Space>
              {u.content && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{u.content}</Typography.Paragraph>}
              {u.photos.length > 0 && (
                <Space wrap>
                  {u.photos.map((p) => (
                    <Thumb key={p.id} id={p.id} alt={p.originalName ?? t('edu.wall.upd.photos')} size={72} />
                  ))}
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
      {dialog && (
        <UpdateDialog
          wallId={wall.id}
          update={dialog.update}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void changed();
          }}
        />
      )}
    </Drawer>
  );
}
