// Ending a stint: recall (罢免, grounds required), departure or resignation, on a date within the term. The dialog
// says what will happen and asks for an explicit confirmation; the record stays in the history.
import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { memberEnd } from '../../../../../shared/congress/reps/schemas';
import { LEFT_BY, type LeftBy, type Member, type Term } from '../../../../../shared/congress/reps/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { dateProps, outsideTerm } from './common';

export function EndDialog({ member, term, date, onClose, onDone }: { member: Member; term: Term; date: string; onClose(): void; onDone(m: Member): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const leftBy = (Form.useWatch('leftBy', form) as LeftBy | undefined) ?? 'departure';
  const leftOn = (Form.useWatch('leftOn', form) as string | undefined) ?? date;
  const initial = { leftBy: 'departure', leftOn: date < member.joinedOn ? member.joinedOn : date, note: '' };

  const submit = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), id: member.id };
    if (!parseForm(memberEnd, v, form, t)) return;
    setBusy(true);
    try {
      const m = await call('congress.memberEnd', v as never);
      message.success(t('congress.reps.ended', { name: m.name }));
      onDone(m);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={520}
      title={t('congress.reps.endLabel', { name: member.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('congress.reps.endConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Form.Item label={t('congress.reps.leftBy')} name="leftBy" required>
          <Radio.Group options={LEFT_BY.map((k) => ({ value: k, label: t(`congress.leftBy.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('congress.reps.leftOn')} name="leftOn" required {...dateProps}>
          <DatePicker style={{ width: 200 }} disabledDate={outsideTerm(term)} />
        </Form.Item>
        <Form.Item label={leftBy === 'recall' ? t('congress.reps.recallNote') : t('congress.reps.note')} name="note" required={leftBy === 'recall'}>
          <Input.TextArea rows={2} maxLength={200} autoFocus />
        </Form.Item>
        <Alert type="warning" showIcon title={t('congress.reps.endWarning', { name: member.name, date: leftOn })} />
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
