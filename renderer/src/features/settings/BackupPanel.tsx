// Backup and restore on the settings page, and the About box (issue 7, item 19). The restore runs the checks of
// `cli restore` in the core (app.restore, admin only); the app then reloads and everyone signs in again.
import { Alert, App, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/app/types';
import { JobProgress, useJob } from '../../components/JobProgress';
import { useSession } from '../../app/session';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(n / 1024))} KB`);
const when = (iso: string) => {
  const d = new Date(iso);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** After a restore the whole page starts again (sign-in); tests pass their own. */
const reloadPage = () => window.location.reload();

export function BackupPanel({ onRestored = reloadPage }: { onRestored?: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const isAdmin = useSession((s) => s.operator?.isAdmin ?? false);
  const info = useSession((s) => s.info);
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const job = useJob();

  const load = useCallback(() => {
    call('app.backups').then(setList, (e: unknown) => {
      setList([]);
      message.error(errorText(e, t));
    });
  }, [message, t]);
  useEffect(load, [load]);

  const backupNow = async () => {
    try {
      const b = await job.run((opts) => call('app.backupNow', {}, opts));
      message.success(t('backup.made', { name: b.name }));
      load();
    } catch (e) {
      job.fail(e);
    }
  };

  const restore = (b: BackupInfo) => {
    const file = info ? `${info.dataDir.replace(/[\\/]$/, '')}${info.dataDir.includes('\\') ? '\\' : '/'}ankang.sqlite` : 'ankang.sqlite';
    modal.confirm({
      title: t('backup.confirmTitle'),
      content: t('backup.confirmBody', { name: b.name, time: when(b.modifiedAt), enterprise: b.enterprise ?? '—', workers: b.workers ?? 0, file }),
      okText: t('backup.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setRestoring(b.name);
        try {
          const r = await call('app.restore', { name: b.name });
          message.success(t('backup.restored', { name: r.name, keptAs: r.keptAs ?? '—' }), 2);
          onRestored();
        } catch (e) {
          message.error(errorText(e, t));
          load();
        } finally {
          setRestoring(null);
        }
      },
    });
  };

  return (
    <>
      <Card title={t('backup.title')} style={{ maxWidth: 960, marginTop: 16 }} data-testid="backup-panel">
        <Typography.Paragraph type="secondary">{t('backup.intro')}</Typography.Paragraph>
        {!isAdmin && <Alert type="info" showIcon title={t('backup.restoreAdminOnly')} style={{ marginBottom: 12 }} />}
        <Space style={{ marginBottom: 12 }} wrap>
          <Button type="primary" onClick={() => void backupNow()} loading={job.running} disabled={restoring !== null}>
            {t('backup.now')}
          </Button>
          <Button onClick={load} disabled={job.running}>
            {t('backup.refresh')}
          </Button>
          <JobProgress job={job} />
        </Space>
        <Table<BackupInfo>
          size="small"
          rowKey="name"
          loading={list === null}
          dataSource={list ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: <Empty description={t('backup.empty')} /> }}
          columns={[
            { title: t('backup.col.name'), dataIndex: 'name', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('backup.col.time'), dataIndex: 'modifiedAt', width: 150, render: (v: string) => when(v) },
            { title: t('backup.col.size'), dataIndex: 'bytes', width: 90, align: 'right', render: (v: number) => size(v) },
            {
              title: t('backup.col.enterprise'),
              dataIndex: 'enterprise',
              render: (v: string | null, b) => (b.problem ? <Tag color="error">{t(b.problem, { file: b.name, version: b.schemaVersion ?? '' })}</Tag> : (v ?? '—')),
            },
            { title: t('backup.col.workers'), dataIndex: 'workers', width: 80, align: 'right', render: (v: number | null) => v ?? '—' },
            {
              title: t('backup.col.action'),
              key: 'action',
              width: 100,
              render: (_v, b) => (
                <Button
                  size="small"
                  danger
                  disabled={!isAdmin || b.problem !== null || job.running || (restoring !== null && restoring !== b.name)}
                  loading={restoring === b.name}
                  onClick={() => restore(b)}
                  aria-label={`${t('backup.restore')} ${b.name}`}
                >
                  {t('backup.restore')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <AboutBox />
    </>
  );
}

/** Version, schema version, data folder (from app.info). */
export function AboutBox() {
  const t = useT();
  const info = useSession((s) => s.info);
  if (!info) return null;
  return (
    <Card title={t('about.title')} style={{ maxWidth: 960, marginTop: 16 }} data-testid="about-box">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('about.version')}>{info.version}</Descriptions.Item>
        <Descriptions.Item label={t('about.schema')}>{info.schemaVersion}</Descriptions.Item>
        <Descriptions.Item label={t('about.dataDir')}>
          <Typography.Text copyable>{info.dataDir}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('about.host')}>{t(`about.host.${info.host}`)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
