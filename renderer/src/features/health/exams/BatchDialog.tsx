// An exam batch's form: the date, the institution, the kind, the report file (a document attachment: PDF, image, Word)
// and a note. A new batch opens once saved, to fill in its exams. A date typed in the future or before 2000 is kept
// and refused with its message on the field (the picker does not grey out days: a typed greyed day would silently
// revert to the old one).
import { App, Button, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { DOCUMENT_ACCEPT } from '../../../../../shared/attachments/rules';
import { batchInput } from '../../../../../shared/health/exams/schemas';
import type { ExamBatch } from '../../../../../shared/health/exams/types';
import { EXAM_KINDS } from '../../../../../shared/health/kinds';
import { localToday } from '../../../../../shared/kernel/schemas';
import { useT } from '../../../i18n';
import { ApiError, call, fileToBase64 } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';

const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined),
};

export function BatchDialog({ batch, onClose, onDone }: { batch: ExamBatch | null; onClose(): void; onDone(b: ExamBatch): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ id: string; name: string } | null>(batch?.reportId ? { id: batch.reportId, name: batch.reportName ?? batch.reportId } : null);
  const fileInput = useRef<HTMLInputElement>(null);
  const initial = batch ? { date: batch.date, institution: batch.institution, kind: batch.kind, note: batch.note ?? '' } : { date: localToday(), institution: '', kind: 'periodic', note: '' };

  const upload = async (f: File) => {
    setBusy(true);
    try {
      const a = await call('attachments.uploadDocument', { fileName: f.name, dataBase64: await fileToBase64(f) });
      setReport({ id: a.id, name: a.originalName ?? f.name });
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), reportId: report?.id ?? null };
    if (!parseForm(batchInput, v, form, t)) return;
    setBusy(true);
    try {
      const b = batch ? await call('health.batchUpdate', { ...v, id: batch.id } as never) : await call('health.batchCreate', v as never);
      message.success(t('health.exams.batchSaved'));
      onDone(b);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={600}
      title={t(batch ? 'health.exams.editBatch' : 'health.exams.newBatch')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form form={form} name="healthBatch" layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Space size={16} align="start" wrap>
          <Form.Item label={t('health.exams.field.date')} name="date" required {...dateProps}>
            <DatePicker autoFocus style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('health.exams.field.institution')} name="institution" required>
            <Input maxLength={100} style={{ width: 320 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('health.exams.field.kind')} name="kind" required>
          <Radio.Group optionType="button" options={EXAM_KINDS.map((k) => ({ value: k, label: t(`health.exam.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('health.exams.field.report')}>
          <Space wrap>
            {report ? <Typography.Text data-testid="health-batch-report">{report.name}</Typography.Text> : <Typography.Text type="secondary">{t('health.exams.noReport')}</Typography.Text>}
            <Button size="small" icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} disabled={busy}>
              {t('health.exams.uploadReport')}
            </Button>
            {report && (
              <Button size="small" type="link" onClick={() => setReport(null)}>
                {t('health.exams.removeReport')}
              </Button>
            )}
          </Space>
          {/* the app's own button opens it: the browser's "Choose File / No file chosen" never shows */}
          <input
            ref={fileInput}
            type="file"
            hidden
            style={{ display: 'none' }}
            aria-label={t('health.exams.uploadReport')}
            data-testid="health-batch-report-input"
            accept={DOCUMENT_ACCEPT}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void upload(f);
            }}
          />
        </Form.Item>
        <Form.Item label={t('health.exams.field.note')} name="note">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
