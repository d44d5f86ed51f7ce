import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { HAZARD_SOURCES, PRODUCTION_STOPS } from '../../../../shared/hazards/rules';
import { FOUND_AT_WARN_DAYS, hazardInput } from '../../../../shared/hazards/schemas';
import type { AttachmentInfo } from '../../../../shared/attachments/types';
import type { HazardDetail } from '../../../../shared/hazards/types';
import { useSession } from '../../app/session';
import { useT } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { applyIssues, errorText, clearErrorsOnEdit } from '../../lib/errors';
import { parseForm } from '../../lib/zodForm';
import { PhotoPicker } from './photos';
import { UnitSelect, useUnits, WorkerSelect } from '../../components/pickers';
import { AccidentSelect, CategoryCascader } from './pickers';

interface FormValues {
  description?: string;
  foundAt?: string;
  source?: string;
  orgUnitId?: string | null;
  place?: string;
  equipment?: string;
  category?: [string, string?] | null;
  accidentType?: string | null;
  finderId?: string | null;
  productionStop?: string;
  interimMeasures?: string;
  photos?: AttachmentInfo[];
}

const nowLocal = () => dayjs().format('YYYY-MM-DDTHH:mm');

/**
 * getValueProps for a picker over form text that returns the same Dayjs while the text is unchanged: rc-picker
 * drops a typed-but-unconfirmed value whenever its `value` prop changes identity, and the form re-renders on
 * every draft autosave.
 */
function stableDayjsProps() {
  let text: string | undefined;
  let value: dayjs.Dayjs | null = null;
  return (v: string | undefined) => {
    if (v !== text) {
      text = v;
      value = v ? dayjs(v) : null;
    }
    return { value };
  };
}

/** Keyboard-first hazard log: description first, Ctrl+Enter saves; the draft autosaves to the store. */
export function QuickLog({ onClose, onSaved }: { onClose(): void; onSaved(h: HazardDetail): void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const operator = useSession((s) => s.operator);
  const units = useUnits();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [foundAtProps] = useState(stableDayjsProps);
  const [restored, setRestored] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ready = useRef(false);

  useEffect(() => {
    call('drafts.get', { kind: 'hazards' })
      .then((d) => {
        if (d.data && typeof d.data === 'object') {
          form.setFieldsValue(d.data as FormValues);
          setRestored(d.savedAt);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        ready.current = true;
      });
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [form]);

  const autosave = () => {
    if (!ready.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const v = form.getFieldsValue(true);
      call('drafts.save', { kind: 'hazards', data: v as Record<string, unknown> }).then((r) => setSavedAt(r.savedAt), () => undefined);
    }, 600);
  };

  const discard = async () => {
    if (timer.current) clearTimeout(timer.current);
    await call('drafts.clear', { kind: 'hazards' }).catch(() => undefined);
    form.resetFields();
    setRestored(null);
    setSavedAt(null);
  };

  const save = async () => {
    const v = form.getFieldsValue(true);
    const input = {
      description: v.description ?? '',
      foundAt: v.foundAt ?? '',
      source: v.source,
      orgUnitId: v.orgUnitId ?? null,
      place: v.place ?? '',
      equipment: v.equipment ?? '',
      category1: v.category?.[0],
      category2: v.category?.[1] ?? null,
      accidentType: v.accidentType ?? null,
      finderId: v.finderId ?? null,
      productionStop: v.productionStop ?? 'none',
      interimMeasures: v.interimMeasures ?? '',
      photoIds: (v.photos ?? []).map((p: AttachmentInfo) => p.id),
    };
    const d = parseForm(hazardInput, input, form, t);
    if (!d) {
      // category1 lives in the cascader
      const r = hazardInput.safeParse(input);
      if (!r.success && r.error.issues.some((i) => i.path[0] === 'category1')) form.setFields([{ name: 'category', errors: [t('v.required')] }]);
      return;
    }
    // a discovery date a year back or more is usually a slip of the year: say so, and which year's serial it gets
    const found = dayjs(input.foundAt);
    if (found.isBefore(dayjs().subtract(FOUND_AT_WARN_DAYS, 'day'))) {
      const ok = await modal.confirm({
        title: t('hz.oldFoundAt.title'),
        content: t('hz.oldFoundAt.body', { date: found.format('YYYY-MM-DD'), year: found.year() }),
        okText: t('hz.oldFoundAt.ok'),
        cancelText: t('common.cancel'),
      });
      if (!ok) {
        form.setFields([{ name: 'foundAt', errors: [t('hz.oldFoundAt.check')] }]);
        return;
      }
    }
    setBusy(true);
    try {
      if (timer.current) clearTimeout(timer.current);
      const h = await call('hazards.report', input as never);
      await call('drafts.clear', { kind: 'hazards' }).catch(() => undefined);
      message.success(t('hz.reported', { serial: h.serial }));
      onSaved(h);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={860}
      // at 1366 × 768 the whole dialog, its footer (the submit button) included, fits the window: the form scrolls
      style={{ top: 16, paddingBottom: 0 }}
      styles={{ body: { maxHeight: 'calc(100vh - 170px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 4 } }}
      title={t('hz.quickLog')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="draft-status">
            {savedAt ? t('hz.draftSaved', { time: savedAt.slice(11, 19) }) : ''}
          </Typography.Text>
          <Button onClick={() => void discard()}>{t('hz.discardDraft')}</Button>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()}>
            {t('hazardAction.report')} (Ctrl+Enter)
          </Button>
        </Space>
      }
    >
      {restored && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hz.draftRestored', { time: restored.slice(0, 16).replace('T', ' ') })} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ foundAt: nowLocal(), source: 'self_check', productionStop: 'none', photos: [], finderId: operator?.workerId ?? null }}
        onValuesChange={autosave}
        onFieldsChange={clearErrorsOnEdit(form)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <Form.Item label={t('hazard.description')} name="description" required>
          <Input.TextArea autoFocus rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label={t('hazard.category')} name="category" required>
              <CategoryCascader />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hazard.accidentType')} name="accidentType">
              <AccidentSelect />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hazard.source')} name="source" required>
              <Select options={HAZARD_SOURCES.map((s) => ({ value: s, label: t(`hazardSource.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('roster.workerPlacement')} name="orgUnitId">
              <UnitSelect units={units} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hazard.place')} name="place">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hazard.equipment')} name="equipment">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label={t('hazard.foundAt')}
              name="foundAt"
              required
              getValueProps={foundAtProps}
              normalize={(v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DDTHH:mm') : undefined)}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hazard.finder')} name="finderId">
              <WorkerSelect initialLabel={operator ? `${operator.name} · ${operator.empNo}` : null} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hazard.productionStop')} name="productionStop">
              <Select options={PRODUCTION_STOPS.map((s) => ({ value: s, label: t(`stop.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('hazard.interimMeasures')} name="interimMeasures">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('hazard.photosBefore')} name="photos" valuePropName="value">
          <PhotoPickerField label={t('hazard.photosBefore')} pasteAnywhere />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PhotoPickerField({ value, onChange, label, pasteAnywhere }: { value?: AttachmentInfo[]; onChange?(v: AttachmentInfo[]): void; label: string; pasteAnywhere?: boolean }) {
  return <PhotoPicker value={value ?? []} onChange={(v) => onChange?.(v)} label={label} pasteAnywhere={pasteAnywhere} />;
}
