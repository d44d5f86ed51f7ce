// One activity opened (#/education/activities/<id>): its fields, photos and attendees; edit, delete (with an undo) or,
// when deleted, restore.
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Space, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ActivityDetail } from '../../../../../shared/education/activities/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { Thumb } from '../../hazards/photos';
import { undoNote } from '../../wage/records/common';
import { ActivityForm } from './ActivityForm';
import { AttendeesSection } from './AttendeesSection';
import { hoursText, isMeetingKind, kindText, unitText } from './common';

export function ActivityDrawer({ id, canRecord, onClose, onChanged }: { id: string; canRecord: boolean; onClose(): void; onChanged(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [activity, setActivity] = useState<ActivityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(() => {
    call('education.activity', { id }).then(
      (a) => {
        setActivity(a);
        setError(null);
      },
      (e: unknown) => setError(errorText(e, t)),
    );
  }, [id, t]);
  useEffect(load, [load]);

  const changed = (a: ActivityDetail) => {
    setActivity(a);
    onChanged();
  };
  const remove = async (a: ActivityDetail) => {
    try {
      await call('education.activityDelete', { id: a.id });
      undoNote(message, t, `edu-act-${a.id}`, a.title, () => call('education.activityRestore', { id: a.id }), onChanged);
      onChanged();
      onClose();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const restore = async (a: ActivityDetail) => {
    try {
      changed(await call('education.activityRestore', { id: a.id }));
      message.success(t('edu.act.restored'));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const a = activity;
  return (
    <Drawer
      open
      size={900}
      title={a?.title ?? ''}
      onClose={onClose}
      extra={
        a &&
        canRecord && (
          <Space>
            {a.deletedAt ? (
              <Button onClick={() => void restore(a)}>{t('edu.act.restore')}</Button>
            ) : (
              <>
                <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
                <Popconfirm title={t('edu.act.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(a)}>
                  <Button danger>{t('common.delete')}</Button>
                </Popconfirm>
              </>
            )}
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!a && !error && <Spin />}
      {a && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('edu.act.kind')}>{kindText(a, t)}</Descriptions.Item>
            <Descriptions.Item label={t('edu.act.date')}>{a.date}</Descriptions.Item>
            {isMeetingKind(a.kind) ? (
              <Descriptions.Item label={t('edu.act.duration')}>{t('edu.act.minutes', { n: Math.round(a.hours * 60) })}</Descriptions.Item>
            ) : (
              <Descriptions.Item label={t('edu.act.hours')}>{hoursText(a.hours)}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('edu.act.host')}>{a.host ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('edu.act.unit')}>{unitText(a, t)}</Descriptions.Item>
            <Descriptions.Item label={t('edu.act.enteredBy')}>{a.enteredBy}</Descriptions.Item>
            <Descriptions.Item label={t('edu.act.content')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{a.content ?? ''}</span>
            </Descriptions.Item>
            {a.note && (
              <Descriptions.Item label={t('edu.act.note')} span={2}>
                {a.note}
              </Descriptions.Item>
            )}
            {a.photoIds.length > 0 && (
              <Descriptions.Item label={t('edu.act.photos')} span={2}>
                <Space wrap>
                  {a.photoIds.map((p, i) => (
                    <Thumb key={p} id={p} alt={`${a.title} ${i + 1}`} size={96} />
                  ))}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          <AttendeesSection activity={a} canRecord={canRecord && !a.deletedAt} onSaved={changed} onImported={() => {
            load();
            onChanged();
          }} />
        </>
      )}
      {editing && a && (
        <ActivityForm
          activity={a}
          onClose={() => setEditing(false)}
          onDone={(x) => {
            setEditing(false);
            changed(x);
          }}
        />
      )}
    </Drawer>
  );
}
