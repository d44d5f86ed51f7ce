// The term's proposal settings (union office): the session the proposals are collected for and the window before it,
// the co-signers each proposal needs, the days for a second answer, and the proposal committee (besides the union
// officers, who always review) picked among the term's members.
import { App, DatePicker, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { proposalSettingsInput } from '../../../../../shared/congress/proposals/schemas';
import type { ProposalSettings } from '../../../../../shared/congress/proposals/types';
import type { Member, Term } from '../../../../../shared/congress/reps/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { dateProps, outsideTerm } from '../reps/common';

export function SettingsDialog(props: { term: Term; settings: ProposalSettings; members: Member[]; onClose(): void; onDone(s: ProposalSettings): void }) {
  const { term, settings } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const initial = {
    windowDays: settings.windowDays,
    minCosigners: settings.minCosigners,
    secondAnswerDays: settings.secondAnswerDays,
    sessionDate: settings.sessionDate,
    committee: settings.committee.map((c) => c.workerId),
  };
  // committee members already chosen stay listed even when they no longer serve
  const options = [
    ...props.members.map((m) => ({ value: m.workerId, label: `${m.name} · ${m.empNo}` })),
    ...settings.committee.filter((c) => !props.members.some((m) => m.workerId === c.workerId)).map((c) => ({ value: c.workerId, label: `${c.name} · ${c.empNo}` })),
  ];

  const submit = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), termId: term.id };
    if (!parseForm(proposalSettingsInput, v, form, t)) return;
    setBusy(true);
    try {
      const s = await call('congress.proposalSettingsSave', v as never);
      message.success(t('common.saved'));
      props.onDone(s);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
      else if (e.message.startsWith('err.')) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={560}
      title={`${t('congress.prop.settings')} · ${t('congress.term', { number: term.number })}`}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)}>
        <Form.Item label={t('congress.prop.sessionDate')} name="sessionDate" extra={t('congress.prop.sessionDateHint')} {...dateProps}>
          <DatePicker style={{ width: 180 }} disabledDate={outsideTerm(term)} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item label={t('congress.prop.windowDays')} name="windowDays" required>
            <InputNumber min={1} max={365} precision={0} />
          </Form.Item>
          <Form.Item label={t('congress.prop.minCosigners')} name="minCosigners" required>
            <InputNumber min={0} max={20} precision={0} />
          </Form.Item>
          <Form.Item label={t('congress.prop.secondAnswerDays')} name="secondAnswerDays" required>
            <InputNumber min={1} max={365} precision={0} />
          </Form.Item>
        </div>
        <Form.Item label={t('congress.prop.committee')} name="committee">
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={t('congress.prop.committeeHint')} />
        </Form.Item>
        <Typography.Text type="secondary">{t('congress.prop.committeeNote')}</Typography.Text>
      </Form>
    </Modal>
  );
}
