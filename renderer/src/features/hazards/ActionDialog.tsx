import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { GOVERNANCE_FIELDS, HAZARD_GRADES, LEC_VALUES, lecMeaningKey, type HazardAction, type LecAxis } from '../../../../shared/hazards/rules';
import { assignInput, cancelInput, confirmInput, governancePlan, submitInput } from '../../../../shared/hazards/schemas';
import type { AttachmentInfo } from '../../../../shared/attachments/types';
import type { HazardDetail, HazardRow } from '../../../../shared/hazards/types';
import { useT } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { applyIssues, errorText, clearErrorsOnEdit } from '../../lib/errors';
import { parseForm } from '../../lib/zodForm';
import { PhotoPicker } from './photos';
import { WorkerSelect } from '../../components/pickers';
import { AccidentSelect, CategoryCascader } from './pickers';
import { RiskTag } from './tags';

/** One dialog per workflow action; the backend enforces the same rules again. */
export function ActionDialog({ action, hazard, onClose, onDone }: { action: HazardAction; hazard: HazardDetail; onClose(): void; onDone(h: HazardDetail): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  /** what was last carried from the 五落实 into the governance plan (so the user's own text there is never overwritten) */
  const carriedRef = useRef<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ d: number; risk: string } | null>(null);
  const [dupes, setDupes] = useState<HazardRow[]>([]);

  const lec = Form.useWatch('lec', form) as { l?: number; e?: number; c?: number } | undefined;
  useEffect(() => {
    if (action !== 'confirm' || !lec?.l || !lec.e || !lec.c) return setPreview(null);
    call('hazards.lecPreview', { l: lec.l, e: lec.e, c: lec.c }).then(setPreview, () => setPreview(null));
  }, [action, lec?.l, lec?.e, lec?.c]);
  const kind = Form.useWatch('kind', form) as string | undefined;
  useEffect(() => {
    if (action === 'cancel' && kind === 'duplicate') {
      call('hazards.list', { status: 'all', pageSize: 100, sortField: 'foundAt', sortDir: 'desc' }).then((p) => setDupes(p.rows.filter((r) => r.id !== hazard.id)), () => undefined);
    }
  }, [action, kind, hazard.id]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Record<string, unknown>;
    setBusy(true);
    try {
      let h: HazardDetail | null = null;
      if (action === 'confirm') {
        const cat = v.category as [string, string?] | undefined;
        const d = parseForm(confirmInput, { ...v, id: hazard.id, category1: cat?.[0], category2: cat?.[1] ?? null }, form, t);
        if (d) h = await call('hazards.confirm', { ...(v as object), id: hazard.id, category1: cat?.[0] as never, category2: cat?.[1] ?? null } as never);
      } else if (action === 'assign') {
        const input = { ...v, id: hazard.id, governancePlan: hazard.grade === 'major' ? v.governancePlan : null };
        let main = parseForm(assignInput, input, form, t);
        // the real reason, on the field (the backend says the same): not a date-format message
        if (typeof v.deadline === 'string' && v.deadline < hazard.foundDate) {
          form.setFields([{ name: 'deadline', errors: [t('err.hazard.deadlineBeforeFound')] }]);
          main = null;
        }
        // the plan is a union with null, whose issues collapse to one on 'governancePlan' (no such field): check it alone
        const plan = hazard.grade !== 'major' || parseForm(governancePlan, v.governancePlan ?? {}, form, t, ['governancePlan']);
        if (main && plan) h = await call('hazards.assign', input as never);
      } else if (action === 'submit') {
        const input = { ...v, id: hazard.id, afterPhotoIds: ((v.photos as AttachmentInfo[] | undefined) ?? []).map((p) => p.id) };
        delete (input as Record<string, unknown>).photos;
        if (parseForm(submitInput, input, form, t)) h = await call('hazards.submit', input as never);
        else if (!((v.photos as unknown[] | undefined) ?? []).length) form.setFields([{ name: 'photos', errors: [t('v.afterPhoto')] }]);
      } else if (action === 'cancel') {
        const input = { ...v, id: hazard.id };
        if (parseForm(cancelInput, input, form, t)) h = await call('hazards.cancel', input as never);
      } else if (action === 'reject') {
        const reason = String(v.reason ?? '').trim();
        if (!reason) form.setFields([{ name: 'reason', errors: [t('v.reason')] }]);
        else h = await call('hazards.reject', { id: hazard.id, reason });
      } else {
        h = await call(`hazards.${action}`, { id: hazard.id, comment: String(v.comment ?? '') });
      }
      if (h) {
        message.success(t('hz.actionDone', { serial: h.serial, action: t(`hazardAction.${action}`) }));
        onDone(h);
      }
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const initial: Record<string, unknown> =
    action === 'confirm'
      ? { grade: hazard.grade ?? 'general', lec: hazard.lec ?? {}, category: hazard.category1 ? [hazard.category1, hazard.category2 ?? undefined].filter(Boolean) : undefined, accidentType: hazard.accidentType }
      : action === 'assign'
        ? {
            responsibleId: hazard.responsibleId,
            measures: hazard.measures,
            plannedFunds: hazard.plannedFunds === null ? undefined : hazard.plannedFunds / 100,
            deadline: hazard.deadline,
            emergencyPlan: hazard.emergencyPlan,
            governancePlan: hazard.governancePlan ?? {},
          }
        : action === 'cancel'
          ? { kind: 'invalid' }
          : action === 'submit'
            ? {
                // a resubmission after a rejection starts from what was submitted before (the record keeps it)
                rectificationNote: hazard.rectificationNote ?? undefined,
                actualFunds: hazard.actualFunds === null ? undefined : hazard.actualFunds / 100,
                photos: hazard.photos.filter((p) => p.phase === 'after'),
              }
            : {};

  return (
    <Modal
      open
      width={action === 'assign' ? 820 : 620}
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
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={() => void submit()}
        onFieldsChange={clearErrorsOnEdit(form)}
        onValuesChange={(changed: Record<string, unknown>, all: Record<string, unknown>) => {
          // a major hazard's governance plan repeats the 五落实's measures and emergency plan: what is typed there is
          // carried into the plan's matching field while that field is empty or still holds the carried text
          if (action !== 'assign' || hazard.grade !== 'major') return;
          const plan = (all.governancePlan ?? {}) as Record<string, string | undefined>;
          for (const [from, to] of [['measures', 'methods'], ['emergencyPlan', 'safetyPlan']] as const) {
            if (!(from in changed)) continue;
            const carried = carriedRef.current[to];
            if (!plan[to] || plan[to] === carried) {
              const text = (changed[from] as string | undefined) ?? '';
              carriedRef.current[to] = text;
              form.setFieldValue(['governancePlan', to], text);
            }
          }
        }}
      >
        {action === 'confirm' && (
          <>
            <Form.Item label={t('hazard.grade')} name="grade" required>
              <Radio.Group options={HAZARD_GRADES.map((g) => ({ value: g, label: t(`hazardGrade.${g}`) }))} />
            </Form.Item>
            <Row gutter={12}>
              {(['l', 'e', 'c'] as const).map((axis) => (
                <Col span={8} key={axis}>
                  <Form.Item label={t(`hazard.lec${axis.toUpperCase()}`)} name={['lec', axis]} required>
                    <LecSelect axis={axis} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <div style={{ marginBottom: 12 }} data-testid="lec-preview">
              {t('hazard.lecD')}：{preview ? <RiskTag h={{ risk: preview.risk as 'red', riskD: preview.d }} /> : '—'}
            </div>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item label={t('hazard.category')} name="category">
                  <CategoryCascader />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('hazard.accidentType')} name="accidentType">
                  <AccidentSelect />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        {action === 'assign' && (
          <>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label={t('hazard.responsible')} name="responsibleId" required>
                  <WorkerSelect initialLabel={hazard.responsibleName} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label={t('hazard.plannedFunds')} name="plannedFunds" required>
                  <InputNumber min={0} precision={2} step={100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  label={t('hazard.deadline')}
                  name="deadline"
                  required
                  getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : null })}
                  normalize={(v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined)}
                >
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < hazard.foundDate} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('hazard.measures')} name="measures" required>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item label={t('hazard.emergencyPlan')} name="emergencyPlan" required>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            {hazard.grade === 'major' && (
              <>
                <Typography.Title level={5}>{t('hazard.governancePlan')}</Typography.Title>
                <Row gutter={12}>
                  {GOVERNANCE_FIELDS.map((f) => (
                    <Col span={12} key={f}>
                      <Form.Item label={t(`hazard.gov.${f}`)} name={['governancePlan', f]} required>
                        <Input.TextArea rows={2} maxLength={2000} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </>
            )}
          </>
        )}
        {action === 'submit' && (
          <>
            <Form.Item label={t('hazard.rectificationNote')} name="rectificationNote" required>
              <Input.TextArea rows={3} maxLength={2000} autoFocus />
            </Form.Item>
            <Form.Item label={t('hazard.actualFunds')} name="actualFunds" required>
              <InputNumber min={0} precision={2} step={100} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('hazard.photosAfter')} name="photos" required>
              <PhotoField label={t('hazard.photosAfter')} />
            </Form.Item>
          </>
        )}
        {action === 'reject' && (
          <Form.Item label={t('hz.rejectReason')} name="reason" required>
            <Input.TextArea rows={3} maxLength={1000} autoFocus />
          </Form.Item>
        )}
        {action === 'cancel' && (
          <>
            <Form.Item label={t('hz.cancelKind')} name="kind" required>
              <Radio.Group options={[{ value: 'invalid', label: t('hz.cancel.invalid') }, { value: 'duplicate', label: t('hz.cancel.duplicate') }]} />
            </Form.Item>
            {kind === 'duplicate' && (
              <Form.Item label={t('hz.duplicateOf')} name="duplicateOf" required>
                <Select showSearch={{ optionFilterProp: 'label' }} options={dupes.map((d) => ({ value: d.id, label: `${d.serial} ${d.description.slice(0, 40)}` }))} />
              </Form.Item>
            )}
            <Form.Item label={t('hazard.cancelReason')} name="reason" required>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {(action === 'confirm' || action === 'assign' || action === 'start' || action === 'accept' || action === 'submit') && (
          <Form.Item label={t('hz.comment')} name="comment">
            <Input.TextArea rows={2} maxLength={1000} autoFocus={action === 'start' || action === 'accept'} />
          </Form.Item>
        )}
      </Form>
      <Space />
    </Modal>
  );
}

/** A LEC value picker: each value with its standard meaning (L 10 = 完全可以预料 …). */
function LecSelect({ axis, id, value, onChange }: { axis: LecAxis; id?: string; value?: number; onChange?(v: number): void }) {
  const t = useT();
  const options = [...LEC_VALUES[axis]].reverse().map((x) => ({ value: x, label: `${x} — ${t(lecMeaningKey(axis, x))}` }));
  return <Select id={id} value={value} onChange={onChange} options={options} popupMatchSelectWidth={false} placeholder={t('hz.lecPick')} />;
}

function PhotoField({ value, onChange, label }: { value?: AttachmentInfo[]; onChange?(v: AttachmentInfo[]): void; label: string }) {
  return <PhotoPicker value={value ?? []} onChange={(v) => onChange?.(v)} label={label} />;
}
