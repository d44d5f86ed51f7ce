// One dialog per proposal step: review (立案 / 转意见建议 / 不予立案), assignment (主办 and 协办 with a due date), the
// answer (A / B / C, with cost), the proposer's feedback, archive, and the hazard link (create one in the ledger, or
// link an existing one). Forms are checked with the backend's schemas; the backend decides who may.
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import {
  proposalAnswer,
  proposalAssign,
  proposalFeedback,
  proposalHazardCreate,
  proposalHazardLink,
  proposalReview,
} from '../../../../../shared/congress/proposals/schemas';
import { ANSWER_CLASSES, FEEDBACKS, type ProposalDetail } from '../../../../../shared/congress/proposals/types';
import { ACCIDENT_TYPES, HAZARD_CATEGORY1 } from '../../../../../shared/hazards/rules';
import type { HazardRow } from '../../../../../shared/hazards/types';
import { UnitSelect, unitTree, useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { dateProps, localToday } from '../reps/common';

export type StepKind = 'file' | 'refer' | 'reject' | 'assign' | 'answer' | 'feedback' | 'archive' | 'hazardCreate' | 'hazardLink';

const TITLE: Record<StepKind, string> = {
  file: 'congress.proposal.action.file',
  refer: 'congress.proposal.action.refer',
  reject: 'congress.proposal.action.reject',
  assign: 'congress.proposal.action.assign',
  answer: 'congress.proposal.action.answer',
  feedback: 'congress.proposal.action.feedback',
  archive: 'congress.proposal.action.archive',
  hazardCreate: 'congress.prop.hazardCreate',
  hazardLink: 'congress.prop.hazardLink',
};

function HazardSearch(props: { value?: string; onChange?(v: string): void; id?: string; exclude: string[] }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<HazardRow[]>([]);
  useEffect(() => {
    const h = setTimeout(() => {
      call('hazards.list', { search, status: 'all', pageSize: 30 }).then((p) => setRows(p.rows), () => undefined);
    }, 150);
    return () => clearTimeout(h);
  }, [search]);
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={(v: string) => props.onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('congress.prop.hazardSearch')}
      options={rows
        .filter((h) => !props.exclude.includes(h.id))
        .map((h) => ({ value: h.id, label: `${h.serial} · ${t(`hazardStatus.${h.status}`)} · ${h.description.slice(0, 40)}` }))}
    />
  );
}

export function StepDialog({ kind, p, onClose, onDone }: { kind: StepKind; p: ProposalDetail; onClose(): void; onDone(p: ProposalDetail): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const units = useUnits();
  const tree = useMemo(() => unitTree(units), [units]);
  const answerClass = Form.useWatch('answerClass', form) as string | undefined;
  const feedback = Form.useWatch('feedback', form) as string | undefined;

  const initial: Record<string, unknown> =
    kind === 'assign'
      ? { leadUnitId: p.leadUnitId ?? undefined, coUnitIds: p.coUnits.map((u) => u.id), dueDate: p.dueDate }
      : kind === 'hazardCreate'
        ? { description: p.title, orgUnitId: p.leadUnitId, category1: 'material' }
        : {};

  /** the step's schema and channel; the values the form holds become its input */
  const run = async (): Promise<ProposalDetail | null> => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), id: p.id };
    const parse = <S extends z.ZodType>(s: S) => parseForm(s, v, form, t);
    switch (kind) {
      case 'file':
      case 'refer':
      case 'reject': {
        const input = { ...v, decision: kind };
        if (!parseForm(proposalReview, input, form, t)) return null;
        return call('congress.proposalReview', input as never);
      }
      case 'assign':
        if (!parse(proposalAssign)) return null;
        return call('congress.proposalAssign', v as never);
      case 'answer':
        if (!parse(proposalAnswer)) return null;
        return call('congress.proposalAnswer', v as never);
      case 'feedback':
        if (!parse(proposalFeedback)) return null;
        return call('congress.proposalFeedback', v as never);
      case 'archive':
        return call('congress.proposalArchive', { id: p.id });
      case 'hazardCreate':
        if (!parse(proposalHazardCreate)) return null;
        return call('congress.proposalHazardCreate', v as never);
      case 'hazardLink':
        if (!parseForm(proposalHazardLink, { ...v, on: true }, form, t)) return null;
        return call('congress.proposalHazardLink', { ...(v as { id: string; hazardId: string }), on: true });
    }
  };

  const submit = async () => {
    setBusy(true);
    try {
      const after = await run();
      if (after) {
        message.success(t('congress.prop.stepDone', { serial: p.serial }));
        onDone(after);
      }
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
      else if (e.message.startsWith('err.')) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const secondRound = p.round === 2;
  return (
    <Modal
      open
      width={kind === 'answer' || kind === 'hazardCreate' ? 640 : 520}
      title={`${t(TITLE[kind])} · ${p.serial}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{p.title}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)}>
        {(kind === 'file' || kind === 'refer' || kind === 'reject') && (
          <Form.Item label={t(kind === 'file' ? 'congress.prop.note' : 'congress.prop.reviewReason')} name="note" required={kind !== 'file'}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {kind === 'assign' && (
          <>
            <Form.Item label={t('congress.prop.leadUnit')} name="leadUnitId" required>
              <UnitSelect units={units} allowClear={false} placeholder={t('congress.prop.pickUnit')} />
            </Form.Item>
            <Form.Item label={t('congress.prop.coUnits')} name="coUnitIds">
              <TreeSelect multiple treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder={t('congress.prop.pickUnit')} />
            </Form.Item>
            <Form.Item label={t('congress.prop.dueDate')} name="dueDate" required {...dateProps}>
              <DatePicker style={{ width: 180 }} disabledDate={(d) => d.format('YYYY-MM-DD') < localToday()} />
            </Form.Item>
            <Form.Item label={t('congress.prop.note')} name="note">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {kind === 'answer' && (
          <>
            {secondRound && <Alert type="warning" showIcon title={t('congress.prop.secondAnswerHint')} style={{ marginBottom: 12 }} />}
            <Form.Item label={t('congress.prop.answerClass')} name="answerClass" required>
              <Radio.Group options={ANSWER_CLASSES.map((c) => ({ value: c, label: t(`congress.proposal.answer.${c}`) }))} />
            </Form.Item>
            <Form.Item label={t('congress.prop.answerText')} name="text" required>
              <Input.TextArea rows={3} maxLength={3000} />
            </Form.Item>
            {answerClass === 'B' && (
              <div style={{ display: 'flex', gap: 12 }}>
                <Form.Item label={t('congress.prop.plan')} name="plan" required style={{ flex: 1 }}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Form.Item label={t('congress.prop.plannedBy')} name="plannedBy" required {...dateProps}>
                  <DatePicker style={{ width: 160 }} />
                </Form.Item>
              </div>
            )}
            {answerClass === 'C' && (
              <Form.Item label={t('congress.prop.notFeasibleReason')} name="reason" required>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            )}
            <Form.Item label={t('congress.prop.cost')} name="cost" required={answerClass !== 'C'}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} addonAfter={t('congress.prop.yuan')} />
            </Form.Item>
          </>
        )}
        {kind === 'feedback' && (
          <>
            <Alert type="info" showIcon title={t(secondRound ? 'congress.prop.feedbackFinal' : 'congress.prop.feedbackOnce')} style={{ marginBottom: 12 }} />
            <Form.Item label={t('congress.prop.feedback')} name="feedback" required>
              <Radio.Group options={FEEDBACKS.map((f) => ({ value: f, label: t(`congress.proposal.feedback.${f}`) }))} />
            </Form.Item>
            <Form.Item label={t('congress.prop.feedbackNote')} name="note" required={feedback === 'dissatisfied'}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {kind === 'archive' && <Typography.Paragraph>{t('congress.prop.archiveConfirm')}</Typography.Paragraph>}
        {kind === 'hazardCreate' && (
          <>
            <Alert type="info" showIcon title={t('congress.prop.hazardCreateHint')} style={{ marginBottom: 12 }} />
            <Form.Item label={t('hazard.description')} name="description" required>
              <Input.TextArea rows={3} maxLength={1900} />
            </Form.Item>
            <div style={{ display: 'flex', gap: 12 }}>
              <Form.Item label={t('roster.workerPlacement')} name="orgUnitId" style={{ flex: 1 }}>
                <UnitSelect units={units} />
              </Form.Item>
              <Form.Item label={t('hazard.place')} name="place" style={{ flex: 1 }}>
                <Input maxLength={100} />
              </Form.Item>
            </div>
            <div style={{ display: 'flex', gap: 12 }}>
              <Form.Item label={t('hazard.category')} name="category1" required style={{ flex: 1 }}>
                <Select options={HAZARD_CATEGORY1.map((c) => ({ value: c, label: t(`cat.${c}`) }))} />
              </Form.Item>
              <Form.Item label={t('hazard.accidentType')} name="accidentType" style={{ flex: 1 }}>
                <Select allowClear options={ACCIDENT_TYPES.map((a) => ({ value: a, label: t(`accident.${a}`) }))} />
              </Form.Item>
            </div>
          </>
        )}
        {kind === 'hazardLink' && (
          <Form.Item label={t('congress.prop.hazardPick')} name="hazardId" required>
            <HazardSearch exclude={p.linkedHazards.map((h) => h.id)} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
