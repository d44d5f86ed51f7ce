import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Form, Input, Modal, Select, Space, Spin, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { GOVERNANCE_FIELDS, noticePrintable, type HazardAction, type MajorAction } from '../../../../shared/hazards/rules';
import { formatYuan } from '../../../../shared/kernel/money';
import type { HazardDetail } from '../../../../shared/hazards/types';
import { routeHash, useRouter } from '../../app/router';
import { useT } from '../../i18n';
import { JobProgress, useJob } from '../../components/JobProgress';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { ActionDialog } from './ActionDialog';
import { MajorDialog } from './MajorDialog';
import { Thumb } from './photos';
import { GradeTag, RiskTag, StatusTag } from './tags';

const dt = (s: string | null) => (s ? s.slice(0, 16).replace('T', ' ') : '');

export function HazardDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [h, setH] = useState<HazardDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<HazardAction | null>(null);
  const [majorAction, setMajorAction] = useState<MajorAction | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [pdfBusy, setPdfBusy] = useState<string | null>(null);
  const pdfJob = useJob();

  const navigate = useRouter((s) => s.navigate);

  // a linked hazard opens in this same drawer (its route): forget the previous one, and ignore a late answer for it
  useEffect(() => {
    let current = true;
    setH(null);
    setError(null);
    call('hazards.get', { id }).then(
      (v) => current && setH(v),
      (e: unknown) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [id, t]);

  const pdf = async (kind: 'noticePdf' | 'acceptancePdf') => {
    setPdfBusy(kind);
    try {
      const f = await pdfJob.run((opts) => call(`hazards.${kind}`, { id }, opts));
      await pdfJob.save(f);
    } catch (e) {
      pdfJob.fail(e);
    } finally {
      setPdfBusy(null);
    }
  };

  const before = h?.photos.filter((p) => p.phase === 'before') ?? [];
  const after = h?.photos.filter((p) => p.phase === 'after') ?? [];
  // after-photos by submission round, latest first; the earlier rounds were rejected
  const roundOf = (id: string) => h?.photoRounds?.[id] ?? 1;
  const rounds = [...new Set(after.map((p) => roundOf(p.id)))].sort((a, b) => b - a);
  const latestRound = rounds[0] ?? 1;
  return (
    <Drawer
      open
      size={760}
      onClose={onClose}
      title={
        h ? (
          <Space wrap>
            <span data-testid="hazard-serial">{h.serial}</span>
            <StatusTag h={h} />
            <GradeTag h={h} />
            <RiskTag h={h} />
          </Space>
        ) : (
          t('hazard.ledger')
        )
      }
      extra={
        h && (
          <Space>
            <JobProgress job={pdfJob} cancellable={false} />
            {/* the notice states the 五落实: none before they are assigned, none for a voided hazard */}
            {noticePrintable(h) && (
              <Button onClick={() => void pdf('noticePdf')} loading={pdfBusy === 'noticePdf'}>
                {t('hz.noticePdf')}
              </Button>
            )}
            {(h.status === 'submitted' || h.status === 'closed') && (
              <Button onClick={() => void pdf('acceptancePdf')} loading={pdfBusy === 'acceptancePdf'}>
                {t('hz.acceptancePdf')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!h && !error && <Spin />}
      {h && (
        <>
          <Space wrap style={{ marginBottom: 12 }} data-testid="hazard-actions">
            {h.allowedActions.map((a) => (
              <Button key={a} type={a === 'accept' || a === 'submit' || a === 'start' ? 'primary' : 'default'} danger={a === 'cancel' || a === 'reject'} onClick={() => setAction(a)}>
                {t(`hazardAction.${a}`)}
              </Button>
            ))}
            {(h.status === 'closed' || h.status === 'cancelled') && (
              <Button onClick={() => setCorrecting(true)}>{t('hazardAction.correct')}</Button>
            )}
          </Space>
          <Typography.Paragraph style={{ fontSize: 15 }}>{h.description}</Typography.Paragraph>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('hazard.foundAt')}>{dt(h.foundAt)}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.finder')}>{h.finderName}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.source')}>{t(`hazardSource.${h.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('roster.workerPlacement')}>{[h.workshopName, h.teamName].filter(Boolean).join(' / ')}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.place')}>{h.place}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.equipment')}>{h.equipment}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.category')} span={2}>
              {t(`cat.${h.category1}`)}
              {h.category2 ? ` / ${t(`cat.${h.category1}.${h.category2}`)}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('hazard.accidentType')}>{h.accidentType ? t(`accident.${h.accidentType}`) : ''}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.productionStop')}>{t(`stop.${h.productionStop}`)}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.lec')} span={2}>
              {h.lec ? `L=${h.lec.l} E=${h.lec.e} C=${h.lec.c} → D=${h.riskD}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('hazard.interimMeasures')} span={2}>
              {h.interimMeasures}
            </Descriptions.Item>
            <Descriptions.Item label={t('hazard.dueDate')}>{h.dueDate}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.links')}>
              {h.links.map((l) => (
                <div key={l.id}>
                  <a
                    href={routeHash({ page: 'hazards', id: l.id })}
                    onClick={(e) => {
                      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                      e.preventDefault();
                      navigate({ page: 'hazards', id: l.id });
                    }}
                  >
                    {l.serial} · {t(`hazardStatus.${l.status}`)}
                  </a>
                  <Button
                    size="small"
                    type="link"
                    aria-label={`${t('hz.unlink')} ${l.serial}`}
                    onClick={() => call('hazards.unlink', { id: h.id, otherId: l.id }).then(setH, (e: unknown) => message.error(errorText(e, t)))}
                  >
                    ×
                  </Button>
                </div>
              ))}
              <LinkPicker
                exclude={[h.id, ...h.links.map((l) => l.id)]}
                onPick={(otherId) => call('hazards.link', { id: h.id, otherId }).then(setH, (e: unknown) => message.error(errorText(e, t)))}
              />
            </Descriptions.Item>
            {h.status === 'cancelled' && (
              <Descriptions.Item label={t('hazard.cancelReason')} span={2}>
                {h.cancelKind ? t(`hz.cancel.${h.cancelKind}`) : ''}：{h.cancelReason}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Card size="small" title={t('hazard.fiveImpl')} style={{ marginTop: 16 }} data-testid="five-impl">
            {h.responsibleId ? (
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={t('hazard.responsible')}>{h.responsibleName}</Descriptions.Item>
                <Descriptions.Item label={t('hazard.deadline')}>{h.deadline}</Descriptions.Item>
                <Descriptions.Item label={t('hazard.plannedFunds')}>{formatYuan(h.plannedFunds)}</Descriptions.Item>
                <Descriptions.Item label={t('hazard.actualFunds')}>{formatYuan(h.actualFunds)}</Descriptions.Item>
                <Descriptions.Item label={t('hazard.measures')} span={2}>
                  {h.measures}
                </Descriptions.Item>
                <Descriptions.Item label={t('hazard.emergencyPlan')} span={2}>
                  {h.emergencyPlan}
                </Descriptions.Item>
                {h.rectificationNote && (
                  <Descriptions.Item label={t('hazard.rectificationNote')} span={2}>
                    {h.rectificationNote}
                  </Descriptions.Item>
                )}
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hz.noFiveImpl')} />
            )}
            {h.governancePlan && (
              <Descriptions size="small" column={1} title={t('hazard.governancePlan')} style={{ marginTop: 8 }}>
                {GOVERNANCE_FIELDS.map((f) => (
                  <Descriptions.Item key={f} label={t(`hazard.gov.${f}`)}>
                    {h.governancePlan![f]}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </Card>

          {(h.grade === 'major' || h.major) && <MajorCard h={h} onRecord={setMajorAction} />}

          <Card size="small" title={`${t('hazard.photosBefore')} / ${t('hazard.photosAfter')}`} style={{ marginTop: 16 }}>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
              <div>
                <Typography.Text type="secondary">{t('hazard.photosBefore')}</Typography.Text>
                <Space wrap style={{ display: 'flex', marginTop: 4 }}>
                  {before.length ? before.map((p) => <Thumb key={p.id} id={p.id} alt={`${t('hazard.photosBefore')} ${p.originalName ?? ''}`} />) : '—'}
                </Space>
              </div>
              <div data-testid="after-photos">
                <Typography.Text type="secondary">{t('hazard.photosAfter')}</Typography.Text>
                {after.length === 0 && <div style={{ marginTop: 4 }}>—</div>}
                {rounds.map((r) => (
                  <div key={r} data-testid={`after-round-${r}`} style={{ marginTop: 4 }}>
                    {rounds.length > 1 && (
                      <Typography.Text style={{ fontSize: 12 }} type={r < latestRound ? 'danger' : undefined}>
                        {t(r < latestRound ? 'hz.roundRejected' : 'hz.round', { n: r })}
                      </Typography.Text>
                    )}
                    <Space wrap style={{ display: 'flex', marginTop: 2 }}>
                      {after
                        .filter((p) => roundOf(p.id) === r)
                        .map((p) => (
                          <Thumb key={p.id} id={p.id} alt={[t('hazard.photosAfter'), rounds.length > 1 ? t('hz.round', { n: r }) : '', p.originalName ?? ''].filter(Boolean).join(' ')} />
                        ))}
                    </Space>
                  </div>
                ))}
              </div>
            </div>
          </Card>

          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('hz.timeline')}
          </Typography.Title>
          <Timeline
            data-testid="hazard-timeline"
            items={h.events.map((e) => ({
              key: e.seq,
              color: e.action === 'reject' || e.action === 'cancel' ? 'red' : e.action === 'accept' ? 'green' : 'blue',
              content: (
                <div>
                  <Typography.Text strong>{t(`hazardAction.${e.action}`)}</Typography.Text> · {e.actorName}
                  {e.toStatus && e.fromStatus !== e.toStatus ? ` → ${t(`hazardStatus.${e.toStatus}`)}` : ''}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dt(e.at)}
                    {e.comment ? ` · ${e.comment}` : ''}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        </>
      )}
      {h && action && (
        <ActionDialog
          action={action}
          hazard={h}
          onClose={() => setAction(null)}
          onDone={(nh) => {
            setAction(null);
            setH(nh);
            onChanged();
          }}
        />
      )}
      {h && majorAction && (
        <MajorDialog
          action={majorAction}
          hazard={h}
          onClose={() => setMajorAction(null)}
          onDone={(nh) => {
            setMajorAction(null);
            setH(nh);
            onChanged();
          }}
        />
      )}
      {h && correcting && (
        <CorrectDialog
          h={h}
          onClose={() => setCorrecting(false)}
          onDone={(nh) => {
            setCorrecting(false);
            setH(nh);
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

/** 重大隐患: the report to the authority, 挂牌督办 and the evaluation, with the buttons to record them. */
function MajorCard({ h, onRecord }: { h: HazardDetail; onRecord(a: MajorAction): void }) {
  const t = useT();
  const m = h.major;
  const actions = h.majorActions ?? [];
  const open = h.status !== 'closed' && h.status !== 'cancelled';
  const pending = open && !(m?.reportedDate && m.evaluationPassed === true);
  return (
    <Card
      size="small"
      title={t('hazard.major')}
      style={{ marginTop: 16 }}
      data-testid="major-card"
      extra={
        actions.length > 0 && (
          <Space size={4} wrap>
            {actions.map((a) => (
              <Button key={a} size="small" onClick={() => onRecord(a)}>
                {t(`hazardAction.${a}`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {pending && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('hazard.major.pendingHint')} data-testid="major-pending" />}
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('hazard.major.report')} span={2}>
          {m?.reportedDate ? `${m.reportedDate} · ${m.reportBody ?? ''} · ${m.reportDocNo ?? ''}` : <Typography.Text type="warning">{t('hazard.major.notReported')}</Typography.Text>}
        </Descriptions.Item>
        {m?.reportSummary && (
          <Descriptions.Item label={t('hazard.major.summary')} span={2}>
            {m.reportSummary}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('hazard.major.supervision')} span={2}>
          {m?.supervised ? `${t('hazard.major.supervised')} · ${m.supervisionDate ?? ''} · ${m.supervisionBody ?? ''}${m.supervisionDocNo ? ` · ${m.supervisionDocNo}` : ''}` : t('hazard.major.notSupervised')}
        </Descriptions.Item>
        <Descriptions.Item label={t('hazard.major.evaluation')} span={2}>
          {m?.evaluationDate ? (
            // one block: the cell is a flex row, in which loose text and the tag would become side-by-side columns
            <div data-testid="major-evaluation">
              {[m.evaluationDate, m.evaluatorKind ? t(`evaluator.${m.evaluatorKind}`) : '', m.evaluator ?? ''].filter(Boolean).join(' · ')} ·{' '}
              <Typography.Text type={m.evaluationPassed ? 'success' : 'danger'}>{t(m.evaluationPassed ? 'hazard.major.passedYes' : 'hazard.major.passedNo')}</Typography.Text>
              {m.evaluationConclusion && (
                <>
                  <br />
                  {m.evaluationConclusion}
                </>
              )}
            </div>
          ) : (
            t('hazard.major.notEvaluated')
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function LinkPicker({ exclude, onPick }: { exclude: string[]; onPick(id: string): void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    const h = setTimeout(() => {
      call('hazards.list', { status: 'all', search, pageSize: 20 }).then(
        (p) => setOptions(p.rows.filter((r) => !exclude.includes(r.id)).map((r) => ({ value: r.id, label: `${r.serial} ${r.description.slice(0, 30)}` }))),
        () => undefined,
      );
    }, 200);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, exclude.join()]);
  return (
    <Select
      size="small"
      aria-label={t('hz.link')}
      placeholder={t('hz.link')}
      value={null}
      style={{ width: 220 }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      onChange={(v: string | null) => v && onPick(v)}
    />
  );
}

function CorrectDialog({ h, onClose, onDone }: { h: HazardDetail; onClose(): void; onDone(h: HazardDetail): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ description: string; place: string; reason: string }>();
  const submit = async (v: { description: string; place: string; reason: string }) => {
    try {
      onDone(await call('hazards.correct', { id: h.id, changes: { description: v.description, place: v.place ?? '' }, reason: v.reason ?? '' }));
      message.success(t('common.saved'));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <Modal open title={`${t('hazardAction.correct')} · ${h.serial}`} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('hz.correctHint')} />
      <Form form={form} layout="vertical" initialValues={{ description: h.description, place: h.place ?? '' }} onFinish={(v) => void submit(v)}>
        <Form.Item label={t('hazard.description')} name="description" rules={[{ required: true, whitespace: true, message: t('v.required') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('hazard.place')} name="place">
          <Input />
        </Form.Item>
        <Form.Item label={t('hz.correctReason')} name="reason" rules={[{ required: true, whitespace: true, message: t('v.reason') }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
