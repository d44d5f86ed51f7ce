// Creating or editing a session's details: number (第Y次), kind, date and time, place, convenor, the hazard period of
// item 5, and (new sessions) whether the agenda starts from the 5+X template.
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Switch } from 'antd';
import { useState } from 'react';
import type { Term } from '../../../../../shared/congress/reps/types';
import { sessionCreate, sessionUpdate } from '../../../../../shared/congress/sessions/schemas';
import { SESSION_KINDS, type SessionDetail } from '../../../../../shared/congress/sessions/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { dateProps, localToday, outsideTerm } from '../reps/common';

export function SessionDialog({ term, session, onClose, onDone }: { term: Term; session: SessionDetail | null; onClose(): void; onDone(s: SessionDetail): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const today = localToday();
  const initial = session
    ? { seq: session.seq, kind: session.kind, date: session.date, time: session.time ?? '', place: session.place ?? '', convenor: session.convenor ?? '', periodFrom: session.periodFrom, periodTo: session.periodTo }
    : { kind: 'safety', date: today < term.startDate ? term.startDate : today > term.endDate ? term.endDate : today, time: '08:30', place: '', convenor: '', template: true };

  const submit = async () => {
    const raw = form.getFieldsValue(true) as Record<string, unknown>;
    const v: Record<string, unknown> = { ...raw };
    for (const k of ['periodFrom', 'periodTo', 'seq']) if (v[k] === undefined || v[k] === null || v[k] === '') delete v[k];
    const input = session ? { ...v, id: session.id } : { ...v, termId: term.id };
    if (!parseForm(session ? sessionUpdate : sessionCreate, input, form, t)) return;
    setBusy(true);
    try {
      const saved = session ? await call('congress.sessionUpdate', input as never) : await call('congress.sessionCreate', input as never);
      message.success(t('congress.sessions.saved'));
      onDone(saved);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={680}
      title={session ? t('congress.sessions.edit') : t('congress.sessions.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label={t('congress.sessions.seq')} name="seq" extra={session ? undefined : t('congress.sessions.seqAuto')} required={!!session}>
              <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} addonBefore={t('congress.term', { number: term.number })} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label={t('congress.sessions.kind')} name="kind" required>
              <Radio.Group options={SESSION_KINDS.map((k) => ({ value: k, label: t(`congress.sessionKind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('congress.sessions.date')} name="date" required {...dateProps}>
              <DatePicker style={{ width: '100%' }} disabledDate={outsideTerm(term)} autoFocus />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('congress.sessions.time')} name="time">
              <Input placeholder="08:30" maxLength={5} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('congress.sessions.convenor')} name="convenor">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('congress.sessions.place')} name="place">
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('congress.sessions.periodFrom')} name="periodFrom" extra={t('congress.sessions.periodHelp')} {...dateProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('congress.sessions.periodTo')} name="periodTo" {...dateProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {!session && (
            <Col span={24}>
              <Form.Item label={t('congress.sessions.template')} name="template" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
