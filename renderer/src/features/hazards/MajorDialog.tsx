// 重大隐患 (安全生产事故隐患排查治理暂行规定): recording the report to the supervising authority, 挂牌督办 and the
// evaluation of the governance. The backend checks the same schemas and the dates against the finding date.
import { App, DatePicker, Form, Input, Modal, Radio, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { EVALUATOR_KINDS, type MajorAction } from '../../../../shared/hazards/rules';
import { majorEvaluateInput, majorReportInput, majorSuperviseInput } from '../../../../shared/hazards/schemas';
import type { HazardDetail } from '../../../../shared/hazards/types';
import { useT } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../lib/errors';
import { parseForm } from '../../lib/zodForm';
import { useState } from 'react';

const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined),
};

export function MajorDialog({ action, hazard, onClose, onDone }: { action: MajorAction; hazard: HazardDetail; onClose(): void; onDone(h: HazardDetail): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const m = hazard.major ?? null;
  const supervised = Form.useWatch('supervised', form) as boolean | undefined;
  const today = dayjs().format('YYYY-MM-DD');
  // dates between the finding and today (the backend refuses others with their reason)
  const outside = (d: dayjs.Dayjs) => {
    const s = d.format('YYYY-MM-DD');
    return s < hazard.foundDate || s > today;
  };

  const initial =
    action === 'majorReport'
      ? { reportedDate: m?.reportedDate ?? undefined, body: m?.reportBody ?? '', docNo: m?.reportDocNo ?? '', summary: m?.reportSummary ?? '' }
      : action === 'majorSupervise'
        ? // opened to put it under supervision (or to change it); switched off, the supervision is lifted
          { supervised: true, body: m?.supervisionBody ?? '', docNo: m?.supervisionDocNo ?? '', date: m?.supervisionDate ?? undefined }
        : { date: today, kind: m?.evaluatorKind ?? 'experts', evaluator: m?.evaluator ?? '', conclusion: m?.evaluationConclusion ?? '', passed: m?.evaluationPassed ?? undefined };

  const submit = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), id: hazard.id };
    const schema = action === 'majorReport' ? majorReportInput : action === 'majorSupervise' ? majorSuperviseInput : majorEvaluateInput;
    if (!parseForm(schema, v, form, t)) return;
    setBusy(true);
    try {
      const h = await call(`hazards.${action}`, v as never);
      message.success(t('hz.actionDone', { serial: h.serial, action: t(`hazardAction.${action}`) }));
      onDone(h);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={`${t(`hazardAction.${action}`)} · ${hazard.serial}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {hazard.description}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)}>
        {action === 'majorReport' && (
          <>
            <Form.Item label={t('hazard.major.reportedDate')} name="reportedDate" required {...dateProps}>
              <DatePicker style={{ width: 220 }} disabledDate={outside} />
            </Form.Item>
            <Form.Item label={t('hazard.major.body')} name="body" required>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item label={t('hazard.major.docNo')} name="docNo" required>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item label={t('hazard.major.summary')} name="summary" required>
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {action === 'majorSupervise' && (
          <>
            <Form.Item label={t('hazard.major.supervised')} name="supervised" valuePropName="checked">
              <Switch />
            </Form.Item>
            {supervised !== false && (
              <>
                <Form.Item label={t('hazard.major.supervisionBody')} name="body" required>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item label={t('hazard.major.docNo')} name="docNo">
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item label={t('hazard.major.supervisionDate')} name="date" required {...dateProps}>
                  <DatePicker style={{ width: 220 }} disabledDate={outside} />
                </Form.Item>
              </>
            )}
          </>
        )}
        {action === 'majorEvaluate' && (
          <>
            <Form.Item label={t('hazard.major.evaluatorKind')} name="kind" required>
              <Radio.Group options={EVALUATOR_KINDS.map((k) => ({ value: k, label: t(`evaluator.${k}`) }))} />
            </Form.Item>
            <Form.Item label={t('hazard.major.evaluator')} name="evaluator" required>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('hazard.major.evaluationDate')} name="date" required {...dateProps}>
              <DatePicker style={{ width: 220 }} disabledDate={outside} />
            </Form.Item>
            <Form.Item label={t('hazard.major.conclusion')} name="conclusion" required>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item label={t('hazard.major.passed')} name="passed" required>
              <Radio.Group
                options={[
                  { value: true, label: t('hazard.major.passedYes') },
                  { value: false, label: t('hazard.major.passedNo') },
                ]}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
