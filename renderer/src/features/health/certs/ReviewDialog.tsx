// Recording a review: its date (today by default) becomes the last review, so the next one moves a cycle on; a
// renewal may bring a new expiry and the 6-year cycle (with its approval). Shows where the dates stand and will move to.
import { Alert, App, DatePicker, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { addYears, certDue } from '../../../../../shared/health/certs/rules';
import { certReview } from '../../../../../shared/health/certs/schemas';
import type { Certificate } from '../../../../../shared/health/certs/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { clearErrorsOnEdit } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { afterToday, dateProps, today } from '../../wage/records/common';
import { RecordModal, showSaveError } from '../../wage/records/recordDialog';

export function ReviewDialog({ cert, onClose, onDone }: { cert: Certificate; onClose(): void; onDone(c: Certificate): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const reviewDate = Form.useWatch('reviewDate', form) as string | undefined;
  const years = (Form.useWatch('reviewYears', form) as number | undefined) ?? cert.reviewYears;
  const expiry = (Form.useWatch('expiryDate', form) as string | undefined) ?? cert.expiryDate;
  // what the row will show after this review: the next review, or the renewal at the expiry when that comes first
  const after = reviewDate ? certDue({ issueDate: cert.issueDate, lastReviewDate: reviewDate, reviewYears: years, expiryDate: expiry }) : null;
  const cycleEnd = reviewDate ? addYears(reviewDate, years) : null;

  const submit = async () => {
    const v: Record<string, unknown> = { ...(form.getFieldsValue(true) as Record<string, unknown>), id: cert.id };
    if (v.reviewYears === cert.reviewYears) v.reviewYears = null;
    if (!parseForm(certReview, v, form, t)) return;
    setBusy(true);
    try {
      const c = await call('health.certReview', v as never);
      message.success(t('health.cert.reviewed', { what: `${c.name} ${c.certNo}` }));
      onDone(c);
    } catch (e) {
      showSaveError(e, form, message, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RecordModal width={560} title={t('health.cert.reviewTitle', { who: `${cert.name} ${cert.certNo}` })} busy={busy} onClose={onClose} onSave={() => void submit()}>
      <Typography.Paragraph type="secondary">
        {cert.dueKind === 'review' && cert.nextReviewDate
          ? t('health.cert.reviewNow', { last: cert.lastReviewDate ?? cert.issueDate ?? '—', next: cert.nextReviewDate, expiry: cert.expiryDate })
          : t('health.cert.reviewNowRenewal', { last: cert.lastReviewDate ?? cert.issueDate ?? '—', expiry: cert.expiryDate })}
      </Typography.Paragraph>
      <Form
        form={form}
        name="healthCertReview"
        layout="vertical"
        initialValues={{ reviewDate: today(), expiryDate: null, reviewYears: cert.reviewYears, approvalNote: cert.approvalNote ?? '', note: '' }}
        onFieldsChange={clearErrorsOnEdit(form)}
        onFinish={() => void submit()}
      >
        <Form.Item label={t('health.cert.reviewDate')} name="reviewDate" required {...dateProps}>
          <DatePicker style={{ width: 160 }} disabledDate={afterToday} autoFocus />
        </Form.Item>
        <Form.Item label={t('health.cert.newExpiry')} name="expiryDate" {...dateProps}>
          <DatePicker style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('health.cert.reviewYears')} name="reviewYears">
          <Radio.Group optionType="button" options={[3, 6].map((n) => ({ value: n, label: t('health.cert.years', { n }) }))} />
        </Form.Item>
        {years === 6 && (
          <Form.Item label={t('health.cert.approvalNote')} name="approvalNote" required extra={t('health.cert.approvalHint')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item label={t('health.cert.reviewNote')} name="note">
          <Input maxLength={200} />
        </Form.Item>
        {after && (
          <Alert
            type="info"
            showIcon
            data-testid="cert-review-next"
            title={after.kind === 'review' ? t('health.cert.reviewAfter', { next: after.date, expiry }) : t('health.cert.reviewAfterRenewal', { next: cycleEnd ?? '—', expiry })}
          />
        )}
        <button type="submit" hidden />
      </Form>
    </RecordModal>
  );
}
