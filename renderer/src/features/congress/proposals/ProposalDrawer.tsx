// One proposal: what it asks and why, who proposed and co-signed, the review, the departments and due date, the
// answers with the proposer's feedback, the linked hazards with their states (and "all N closed" once they are), the
// timeline — and only the steps the signed-in operator may take (the backend refuses the rest).
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Popconfirm, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ProposalDetail } from '../../../../../shared/congress/proposals/types';
import type { ProposalAction } from '../../../../../shared/congress/proposals/workflow';
import { formatYuan } from '../../../../../shared/kernel/money';
import { routeHash } from '../../../app/router';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { Thumb } from '../../hazards/photos';
import { StateTag } from './tags';
import { StepDialog, type StepKind } from './StepDialog';

const dt = (s: string | null) => (s ? s.slice(0, 16).replace('T', ' ') : '');
const HAZARD_DONE = new Set(['closed', 'cancelled']);

export function ProposalDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [p, setP] = useState<ProposalDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<StepKind | null>(null);

  useEffect(() => {
    let current = true;
    setP(null);
    setError(null);
    call('congress.proposal', { id }).then(
      (v) => current && setP(v),
      (e: unknown) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [id, t]);

  const changed = (after: ProposalDetail) => {
    setP(after);
    setStep(null);
    onChanged();
  };

  const unlink = async (hazardId: string) => {
    if (!p) return;
    try {
      changed(await call('congress.proposalHazardLink', { id: p.id, hazardId, on: false }));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const can = (a: ProposalAction) => p?.allowedActions.includes(a) ?? false;
  const buttons: { kind: StepKind; primary?: boolean; danger?: boolean }[] = [
    { kind: 'file', primary: true },
    { kind: 'refer' },
    { kind: 'reject', danger: true },
    { kind: 'assign', primary: true },
    { kind: 'answer', primary: true },
    { kind: 'feedback', primary: true },
    { kind: 'archive' },
  ];

  return (
    <Drawer
      open
      size={760}
      onClose={onClose}
      title={
        p ? (
          <Space wrap>
            <span data-testid="proposal-serial">{p.serial}</span>
            <StateTag p={p} />
            <Tag>{t(`congress.proposal.category.${p.category}`)}</Tag>
          </Space>
        ) : (
          t('congress.tab.proposals')
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!p && !error && <Spin />}
      {p && (
        <>
          <Space wrap style={{ marginBottom: 12 }} data-testid="proposal-actions">
            {buttons
              .filter((b) => can(b.kind as ProposalAction))
              .map((b) => (
                <Button key={b.kind} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setStep(b.kind)}>
                  {t(`congress.proposal.action.${b.kind}`)}
                </Button>
              ))}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {p.title}
          </Typography.Title>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('congress.prop.proposer')}>
              {p.proposer.name}
              {p.onBehalf && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  {t('congress.prop.onBehalf', { name: p.enteredBy })}
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('congress.prop.submittedOn')}>{p.submittedOn}</Descriptions.Item>
            <Descriptions.Item label={t('congress.prop.cosignersShort')} span={2}>
              {p.cosignerList.map((c) => c.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('congress.prop.reason')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.reason}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('congress.prop.measure')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.measure}</Typography.Paragraph>
            </Descriptions.Item>
            {p.reviewNote && (
              <Descriptions.Item label={t('congress.prop.reviewNote')} span={2}>
                {p.reviewNote}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('congress.prop.leadUnit')}>{p.leadUnitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('congress.prop.coUnits')}>{p.coUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('congress.prop.dueDate')} span={2}>
              {p.dueDate ? <Typography.Text type={p.overdue ? 'danger' : undefined}>{p.dueDate}</Typography.Text> : '—'}
            </Descriptions.Item>
          </Descriptions>
          {p.photoIds.length > 0 && (
            <Space wrap style={{ marginTop: 12 }}>
              {p.photoIds.map((a) => (
                <Thumb key={a} id={a} alt={p.title} size={96} />
              ))}
            </Space>
          )}

          <Card size="small" title={t('congress.prop.answers')} style={{ marginTop: 16 }} data-testid="proposal-answers">
            {p.hazards.allClosed && (
              <Alert type="success" showIcon style={{ marginBottom: 8 }} title={<span data-testid="hazards-all-closed">{t('congress.prop.hazardsAllClosedLong', { n: p.hazards.total })}</span>} />
            )}
            {p.answers.length === 0 ? (
              <Typography.Text type="secondary">{t('congress.prop.noAnswer')}</Typography.Text>
            ) : (
              p.answers.map((a) => (
                <div key={a.round} style={{ marginBottom: 8 }}>
                  <Space wrap>
                    <Tag color="blue">{t('congress.prop.round', { n: a.round })}</Tag>
                    <strong>{t(`congress.proposal.answer.${a.answerClass}`)}</strong>
                    {a.cost !== null && <span>{t('congress.prop.costText', { yuan: formatYuan(a.cost) })}</span>}
                    <Typography.Text type="secondary">
                      {a.answeredBy} · {dt(a.answeredAt)}
                    </Typography.Text>
                  </Space>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{a.text}</Typography.Paragraph>
                  {a.plan && <Typography.Paragraph style={{ margin: '4px 0' }}>{t('congress.prop.planText', { plan: a.plan, by: a.plannedBy ?? '' })}</Typography.Paragraph>}
                  {a.reason && <Typography.Paragraph style={{ margin: '4px 0' }}>{t('congress.prop.reasonText', { reason: a.reason })}</Typography.Paragraph>}
                  {a.feedback && (
                    <Typography.Text>
                      {t('congress.prop.feedbackText', { feedback: t(`congress.proposal.feedback.${a.feedback}`) })}
                      {a.feedbackNote ? `：${a.feedbackNote}` : ''}
                      {a.feedbackOnBehalf && <Typography.Text type="secondary">（{t('congress.prop.feedbackOnBehalf', { name: a.feedbackBy ?? '' })}）</Typography.Text>}
                    </Typography.Text>
                  )}
                </div>
              ))
            )}
          </Card>

          <Card
            size="small"
            title={t('congress.prop.hazards')}
            style={{ marginTop: 16 }}
            data-testid="proposal-hazards"
            extra={
              can('linkHazard') && (
                <Space>
                  <Button size="small" onClick={() => setStep('hazardCreate')}>
                    {t('congress.prop.hazardCreate')}
                  </Button>
                  <Button size="small" onClick={() => setStep('hazardLink')}>
                    {t('congress.prop.hazardLink')}
                  </Button>
                </Space>
              )
            }
          >
            {p.linkedHazards.length === 0 ? (
              <Typography.Text type="secondary">{t('congress.prop.noHazards')}</Typography.Text>
            ) : (
              p.linkedHazards.map((h) => (
                <div key={h.id} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4 }}>
                  <a href={routeHash({ page: 'hazards', id: h.id })}>{h.serial}</a>
                  <Tag color={h.status === 'closed' ? 'green' : HAZARD_DONE.has(h.status) ? 'default' : 'orange'}>{t(`hazardStatus.${h.status}`)}</Tag>
                  {h.created && <Tag>{t('congress.prop.hazardFromProposal')}</Tag>}
                  <Typography.Text ellipsis style={{ flex: 1 }}>
                    {h.description}
                  </Typography.Text>
                  {can('linkHazard') && (
                    <Popconfirm title={t('congress.prop.unlinkConfirm', { serial: h.serial })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void unlink(h.id)}>
                      <Button size="small" type="link" danger>
                        {t('congress.prop.unlink')}
                      </Button>
                    </Popconfirm>
                  )}
                </div>
              ))
            )}
          </Card>

          <Card size="small" title={t('congress.prop.timeline')} style={{ marginTop: 16 }}>
            {p.events.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={p.events.map((e) => ({
                  key: e.id,
                  content: (
                    <span>
                      <Typography.Text type="secondary">{dt(e.at)}</Typography.Text> {e.actorName} · {t(`congress.prop.event.${e.action}`)}
                      {e.comment ? `：${e.comment}` : ''}
                    </span>
                  ),
                }))}
              />
            )}
          </Card>
          {step && <StepDialog kind={step} p={p} onClose={() => setStep(null)} onDone={changed} />}
        </>
      )}
    </Drawer>
  );
}
