import { Button, Descriptions, Drawer, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { maskIdCard } from '../../../../shared/roster/idcard';
import type { AuditEntry } from '../../../../shared/kernel/types';
import type { Worker } from '../../../../shared/roster/types';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { HealthFileButton } from '../health/exams/HealthFileButton';


export function WorkerDrawer({ id, version, onClose, onEdit }: { id: string; version: number; onClose(): void; onEdit(w: Worker): void }) {
  const t = useT();
  const [w, setW] = useState<Worker | null>(null);
  const [history, setHistory] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reveal, setReveal] = useState(false);
  useEffect(() => {
    setError(null);
    Promise.all([call('workers.get', { id }), call('workers.history', { id })]).then(
      ([worker, h]) => {
        setW(worker);
        setHistory(h);
      },
      (e: unknown) => setError(errorText(e, t)),
    );
  }, [id, version, t]);
  const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <Drawer
      open
      size={520}
      title={w ? `${w.name} · ${w.empNo}` : t('roster.details')}
      onClose={onClose}
      extra={
        w && (
          <Space>
            {/* the worker's 职业健康监护档案 (PDF), from the health module */}
            <HealthFileButton workerId={w.id} />
            <Button type="primary" onClick={() => onEdit(w)}>
              {t('common.edit')}
            </Button>
          </Space>
        )
      }
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!w && !error && <Spin />}
      {w && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('worker.gender')}>{t(`gender.${w.gender}`)}</Descriptions.Item>
            <Descriptions.Item label={t('worker.idCard')}>
              <Space>
                <span style={{ fontFamily: 'monospace' }}>{reveal ? w.idCard : maskIdCard(w.idCard)}</span>
                {w.idCard && (
                  <Button size="small" type="link" onClick={() => setReveal(!reveal)}>
                    {reveal ? t('common.hide') : t('common.show')}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('worker.phone')}>{w.phone}</Descriptions.Item>
            <Descriptions.Item label={t('roster.workerPlacement')}>{[w.workshopName, w.teamName].filter(Boolean).join(' / ')}</Descriptions.Item>
            <Descriptions.Item label={t('worker.post')}>{w.post}</Descriptions.Item>
            <Descriptions.Item label={t('worker.hireDate')}>{w.hireDate}</Descriptions.Item>
            <Descriptions.Item label={t('worker.skillGrade')}>{w.skillGrade ? t(`grade.${w.skillGrade}`) : ''}</Descriptions.Item>
            <Descriptions.Item label={t('worker.status')}>{t(`status.${w.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('worker.roles')}>
              {w.roles.map((r) => (
                <Tag key={r} color="cyan">
                  {t(`role.${r}`)}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('worker.isRepresentative')}>{yes(w.isRepresentative)}</Descriptions.Item>
            <Descriptions.Item label={t('worker.isFrontline')}>{yes(w.isFrontline)}</Descriptions.Item>
            <Descriptions.Item label={t('worker.isManager')}>{yes(w.isManager)}</Descriptions.Item>
            <Descriptions.Item label={t('worker.certType')}>{w.certType}</Descriptions.Item>
            <Descriptions.Item label={t('worker.certNo')}>{w.certNo}</Descriptions.Item>
            <Descriptions.Item label={t('worker.certExpiry')}>{w.certExpiry}</Descriptions.Item>
            <Descriptions.Item label={t('worker.hazardFactors')}>{w.hazardFactors.join(t('common.listSep'))}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('roster.history')}
          </Typography.Title>
          <Timeline
            items={history.map((h) => ({
              key: h.seq,
              content: (
                <div>
                  <Typography.Text strong>{t(`audit.${h.action}`)}</Typography.Text> · {h.actorName}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {h.at.slice(0, 19).replace('T', ' ')}
                    {h.reason ? ` · ${h.reason}` : ''}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
