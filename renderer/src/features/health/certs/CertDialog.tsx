// A certificate's form: the holder (searched on the roster), the category (one of the 10) and/or the operation item,
// the number, the issue date, the review cycle (6 years needs the approval written), the last review, the expiry, a note
// and the scan (an image or a PDF, uploaded when chosen). Enter saves; the backend's refusals land on their fields.
import { Alert, App, Button, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { PHOTO_MIMES } from '../../../../../shared/attachments/rules';
import { CERT_SCAN_ACCEPT, looksLikeCertScan } from '../../../../../shared/health/certs/rules';
import { certInput } from '../../../../../shared/health/certs/schemas';
import type { Certificate } from '../../../../../shared/health/certs/types';
import { CERT_CATEGORIES } from '../../../../../shared/health/kinds';
import { useT } from '../../../i18n';
import { ApiError, call, fileToBase64 } from '../../../lib/api';
import { clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { afterToday, dateProps } from '../../wage/records/common';
import { RecordModal, showSaveError } from '../../wage/records/recordDialog';
import { WorkerPick } from '../../wage/records/WorkersSelect';

const isPhoto = (f: File) => (PHOTO_MIMES as readonly string[]).includes(f.type) || /\.(jpe?g|png|webp)$/i.test(f.name);

export function CertDialog({ cert, onClose, onDone }: { cert: Certificate | null; onClose(): void; onDone(c: Certificate): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [scan, setScan] = useState<{ id: string; name: string } | null>(cert?.scanId ? { id: cert.scanId, name: cert.scanName ?? cert.scanId } : null);
  const fileInput = useRef<HTMLInputElement>(null);
  const reviewYears = Form.useWatch('reviewYears', form) as number | undefined;
  const initial = cert
    ? {
        workerId: cert.workerId,
        category: cert.category,
        typeText: cert.typeText ?? '',
        certNo: cert.certNo,
        issueDate: cert.issueDate,
        reviewYears: cert.reviewYears,
        approvalNote: cert.approvalNote ?? '',
        lastReviewDate: cert.lastReviewDate,
        expiryDate: cert.expiryDate,
        note: cert.note ?? '',
      }
    : { workerId: null, category: null, typeText: '', certNo: '', issueDate: null, reviewYears: 3, approvalNote: '', lastReviewDate: null, expiryDate: null, note: '' };

  // what is wrong with the scan chosen (not an image or a PDF, or refused when uploaded or saved), shown under it
  const [scanError, setScanError] = useState<string | null>(null);
  const upload = async (f: File) => {
    setScanError(null);
    if (!looksLikeCertScan(f)) {
      setScanError(t('err.health.cert.scanType', { name: f.name }));
      return;
    }
    setBusy(true);
    try {
      const data = { fileName: f.name, dataBase64: await fileToBase64(f) };
      const a = await call(isPhoto(f) ? 'attachments.upload' : 'attachments.uploadDocument', data);
      setScan({ id: a.id, name: a.originalName ?? f.name });
    } catch (e) {
      setScanError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), scanId: scan?.id ?? null };
    if (!parseForm(certInput, v, form, t)) return;
    setBusy(true);
    try {
      const c = cert ? await call('health.certUpdate', { ...v, id: cert.id } as never) : await call('health.certCreate', v as never);
      message.success(t('health.cert.saved', { what: `${c.name} ${c.certNo}` }));
      onDone(c);
    } catch (e) {
      if (e instanceof ApiError && e.issues.some((i) => i.path === 'scanId')) setScanError(errorText(e, t));
      else showSaveError(e, form, message, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RecordModal width={680} title={t(cert ? 'health.cert.edit' : 'health.cert.new')} busy={busy} onClose={onClose} onSave={() => void submit()}>
      <Form form={form} name="healthCert" layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Space size={16} align="start" wrap>
          <Form.Item label={t('health.cert.worker')} name="workerId" required>
            <WorkerPick autoFocus placeholder={t('health.cert.workerHint')} initialLabel={cert ? `${cert.name} · ${cert.empNo}` : null} width={280} />
          </Form.Item>
          <Form.Item label={t('health.cert.certNo')} name="certNo" required>
            <Input maxLength={40} style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Space size={16} align="start" wrap>
          <Form.Item label={t('health.cert.category')} name="category">
            <Select allowClear style={{ width: 260 }} options={CERT_CATEGORIES.map((c) => ({ value: c, label: t(`health.cert.category.${c}`) }))} />
          </Form.Item>
          <Form.Item label={t('health.cert.typeText')} name="typeText" extra={t('health.cert.typeTextHint')}>
            <Input maxLength={60} style={{ width: 280 }} />
          </Form.Item>
        </Space>
        <Space size={16} align="start" wrap>
          <Form.Item label={t('health.cert.issueDate')} name="issueDate" {...dateProps}>
            <DatePicker style={{ width: 150 }} disabledDate={afterToday} />
          </Form.Item>
          <Form.Item label={t('health.cert.lastReview')} name="lastReviewDate" {...dateProps}>
            <DatePicker style={{ width: 150 }} disabledDate={afterToday} />
          </Form.Item>
          <Form.Item label={t('health.cert.expiryDate')} name="expiryDate" required {...dateProps}>
            <DatePicker style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('health.cert.reviewYears')} name="reviewYears">
          <Radio.Group optionType="button" options={[3, 6].map((n) => ({ value: n, label: t('health.cert.years', { n }) }))} />
        </Form.Item>
        {reviewYears === 6 && (
          <>
            <Alert type="info" showIcon title={t('health.cert.approvalHint')} style={{ marginBottom: 8 }} />
            <Form.Item label={t('health.cert.approvalNote')} name="approvalNote" required>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('health.cert.note')} name="note">
          <Input maxLength={200} />
        </Form.Item>
        <div role="group" aria-label={t('health.cert.scan')}>
          <Typography.Text>{t('health.cert.scan')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Space wrap>
              {scan && <Typography.Text data-testid="cert-scan-name">{scan.name}</Typography.Text>}
              {scan && (
                <Button size="small" onClick={() => (setScan(null), setScanError(null))}>
                  {t('health.cert.scanRemove')}
                </Button>
              )}
              <Button size="small" onClick={() => fileInput.current?.click()} loading={busy}>
                {t('health.cert.scanChoose')}
              </Button>
            </Space>
            {scanError && (
              <Typography.Text type="danger" role="alert" data-testid="cert-scan-error" style={{ display: 'block', marginTop: 4 }}>
                {scanError}
              </Typography.Text>
            )}
            <input
              ref={fileInput}
              type="file"
              style={{ display: 'none' }}
              accept={CERT_SCAN_ACCEPT}
              aria-label={t('health.cert.scanChoose')}
              data-testid="cert-scan-input"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void upload(f);
              }}
            />
          </div>
        </div>
        <button type="submit" hidden />
      </Form>
    </RecordModal>
  );
}
