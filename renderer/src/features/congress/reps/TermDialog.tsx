// Creating or editing a term (届): number, form, dates, and the rules the composition checks and the quorum use.
import { App, Card, Col, DatePicker, Form, InputNumber, Modal, Radio, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { QUORUM_RULES, QUOTA_PRESETS, quota, type QuotaPreset } from '../../../../../shared/congress/rules';
import { DEFAULT_TERM_SETTINGS, termInput, termUpdate } from '../../../../../shared/congress/reps/schemas';
import { TERM_FORMS, type Term } from '../../../../../shared/congress/reps/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { dateProps, localToday } from './common';

const plusYears = (d: string, n: number) => dayjs(d).add(n, 'year').format('YYYY-MM-DD');

export function TermDialog({ term, nextNumber, staffTotal: known, onClose, onDone }: { term: Term | null; nextNumber: number; staffTotal: number | null; onClose(): void; onDone(t: Term): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  // the headcount the quota is taken of: the composition's, or the roster's employed workers
  const [staffTotal, setStaffTotal] = useState<number | null>(known);
  useEffect(() => {
    if (known === null) call('workers.list', { pageSize: 1 }).then((p) => setStaffTotal(p.total), () => undefined);
  }, [known]);
  const preset = (Form.useWatch(['settings', 'quotaPreset'], form) as QuotaPreset | undefined) ?? 'national';
  const custom = Form.useWatch(['settings', 'customQuota'], form) as { perMille?: number; min?: number } | undefined;
  const start = localToday();
  const initial = term
    ? { number: term.number, form: term.form, startDate: term.startDate, endDate: term.endDate, settings: { ...DEFAULT_TERM_SETTINGS, ...term.settings } }
    : { number: nextNumber, form: 'congress', startDate: start, endDate: plusYears(start, 3), settings: DEFAULT_TERM_SETTINGS };

  let quotaNow: number | null = null;
  if (staffTotal !== null) {
    if (preset !== 'custom') quotaNow = quota(staffTotal, preset);
    else if (Number.isInteger(custom?.perMille) && Number.isInteger(custom?.min)) quotaNow = quota(staffTotal, 'custom', { perMille: custom!.perMille!, min: custom!.min! });
  }

  const submit = async () => {
    const raw = form.getFieldsValue(true) as Record<string, unknown> & { settings: Record<string, unknown> };
    const settings = { ...raw.settings };
    if (settings.quotaPreset !== 'custom') delete settings.customQuota;
    const v = term ? { ...raw, settings, id: term.id } : { ...raw, settings };
    if (!parseForm(term ? termUpdate : termInput, v, form, t)) return;
    setBusy(true);
    try {
      const saved = term ? await call('congress.termUpdate', v as never) : await call('congress.termCreate', v as never);
      message.success(t('congress.reps.termSaved', { number: saved.number }));
      onDone(saved);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const pct = (name: string, label: string) => (
    <Form.Item label={label} name={['settings', name]} required>
      <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
    </Form.Item>
  );

  return (
    <Modal
      open
      width={760}
      title={term ? `${t('congress.reps.editTerm')} · ${t('congress.term', { number: term.number })}` : t('congress.reps.newTerm')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item label={t('congress.reps.number')} name="number" required>
              <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} autoFocus />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item label={t('congress.reps.form')} name="form" required>
              <Radio.Group options={TERM_FORMS.map((f) => ({ value: f, label: t(`congress.form.${f}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label={t('congress.reps.startDate')} name="startDate" required {...dateProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('congress.reps.endDate')} name="endDate" required extra={t('congress.reps.spanHint')} {...dateProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Card size="small" title={t('congress.reps.rules')}>
          <Form.Item label={t('congress.reps.quorumRule')} name={['settings', 'quorumRule']} required>
            <Radio.Group options={QUORUM_RULES.map((r) => ({ value: r, label: t(`congress.quorum.${r}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('congress.reps.quotaPreset')}
            name={['settings', 'quotaPreset']}
            required
            extra={quotaNow !== null ? <span data-testid="quota-now">{t('congress.reps.quotaNow', { staff: staffTotal ?? 0, min: quotaNow })}</span> : undefined}
          >
            <Radio.Group>
              <Space direction="vertical">
                {QUOTA_PRESETS.map((p) => (
                  <Radio key={p} value={p}>
                    {t(`congress.quota.${p}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {preset === 'custom' && (
            <Space size={16}>
              <Form.Item label={t('congress.reps.customPerMille')} name={['settings', 'customQuota', 'perMille']} required>
                <InputNumber min={0} max={999} precision={0} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item label={t('congress.reps.customMin')} name={['settings', 'customQuota', 'min']} required>
                <InputNumber min={0} max={999} precision={0} style={{ width: 140 }} />
              </Form.Item>
            </Space>
          )}
          <Row gutter={16}>
            <Col span={12}>{pct('frontLineMinPct', t('congress.reps.frontLineMinPct'))}</Col>
            <Col span={12}>{pct('managersMaxPct', t('congress.reps.managersMaxPct'))}</Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t('congress.reps.presidiumSmall')} required>
                <Space>
                  <Form.Item name={['settings', 'presidiumSmall', 'min']} noStyle>
                    <InputNumber min={0} max={999} precision={0} style={{ width: 90 }} aria-label={`${t('congress.reps.presidiumSmall')} min`} />
                  </Form.Item>
                  <Typography.Text>{t('congress.reps.to')}</Typography.Text>
                  <Form.Item name={['settings', 'presidiumSmall', 'max']} noStyle>
                    <InputNumber min={0} max={999} precision={0} style={{ width: 90 }} aria-label={`${t('congress.reps.presidiumSmall')} max`} />
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('congress.reps.presidiumLargeMin')} name={['settings', 'presidiumLargeMin']} required>
                <InputNumber min={0} max={999} precision={0} style={{ width: 120 }} />
              </Form.Item>
            </Col>
          </Row>
          {pct('presidiumFrontLineMinPct', t('congress.reps.presidiumFrontLineMinPct'))}
        </Card>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
