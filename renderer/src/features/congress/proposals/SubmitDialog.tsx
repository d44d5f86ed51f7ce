// Submitting a proposal: one matter, its category, the reason and the suggested measure; the proposer and the
// co-signers picked among the serving representatives; optional photos. A representative enters their own; the union
// office may enter one on a representative's behalf (and date a paper proposal on the day it was handed in).
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import type { AttachmentInfo } from '../../../../../shared/attachments/types';
import { proposalSubmit } from '../../../../../shared/congress/proposals/schemas';
import { PROPOSAL_CATEGORIES, type ProposalDetail, type ProposalSettings } from '../../../../../shared/congress/proposals/types';
import type { Member, Term } from '../../../../../shared/congress/reps/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { PhotoPicker } from '../../hazards/photos';
import { dateProps, localToday } from '../reps/common';

export function SubmitDialog(props: {
  term: Term;
  settings: ProposalSettings;
  /** serving representatives (with a vote) */
  serving: Member[];
  /** the proposer when the operator enters their own (not the union office) */
  self: string | null;
  canBackdate: boolean;
  onClose(): void;
  onDone(p: ProposalDetail): void;
}) {
  const { term, settings, serving } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [photos, setPhotos] = useState<AttachmentInfo[]>([]);
  const proposerId = Form.useWatch('proposerId', form) as string | undefined;
  const person = (m: Member) => ({ value: m.workerId, label: `${m.name} · ${m.empNo}${m.groupName ? ` · ${m.groupName}` : ''}` });
  const initial = { category: 'safety', proposerId: props.self ?? undefined, cosignerIds: [], submittedOn: localToday() };

  const submit = async () => {
    const v: Record<string, unknown> = { ...(form.getFieldsValue(true) as Record<string, unknown>), termId: term.id, photoIds: photos.map((p) => p.id) };
    if (!props.canBackdate) delete v.submittedOn;
    const parsed = parseForm(proposalSubmit, v, form, t);
    if (!parsed) return;
    const need = settings.minCosigners;
    if ((parsed.cosignerIds?.length ?? 0) < need) {
      form.setFields([{ name: 'cosignerIds', errors: [t('err.congress.proposal.tooFewCosigners', { min: need, count: parsed.cosignerIds.length })] }]);
      return;
    }
    setBusy(true);
    try {
      const p = await call('congress.proposalSubmit', v as never);
      message.success(t('congress.prop.submitted', { serial: p.serial }));
      props.onDone(p);
    } catch (e) {
      // a rule of the congress (a co-signer not serving, outside the window…): its sentence goes on the field it names
      if (e instanceof ApiError && e.message.startsWith('err.') && e.issues.length > 0) {
        form.setFields(e.issues.map((i) => ({ name: i.path.split('.'), errors: [errorText(e, t)] })) as never);
        message.error(errorText(e, t));
      } else if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) {
        message.error(errorText(e, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={680}
      style={{ top: 16 }}
      title={`${t('congress.prop.submit')} · ${t('congress.term', { number: term.number })}`}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('congress.prop.submitOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('congress.prop.submitHint', { min: settings.minCosigners })} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)}>
        <Form.Item label={t('congress.prop.category')} name="category" required>
          <Radio.Group options={PROPOSAL_CATEGORIES.map((c) => ({ value: c, label: t(`congress.proposal.category.${c}`) }))} />
        </Form.Item>
        <Form.Item label={t('congress.prop.title')} name="title" required>
          <Input maxLength={80} showCount placeholder={t('congress.prop.titleHint')} />
        </Form.Item>
        <Form.Item label={t('congress.prop.reason')} name="reason" required>
          <Input.TextArea rows={3} maxLength={3000} placeholder={t('congress.prop.reasonHint')} />
        </Form.Item>
        <Form.Item label={t('congress.prop.measure')} name="measure" required>
          <Input.TextArea rows={3} maxLength={3000} placeholder={t('congress.prop.measureHint')} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label={t('congress.prop.proposer')} name="proposerId" required style={{ flex: 1 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              disabled={props.self !== null}
              placeholder={t('congress.prop.pickRep')}
              options={serving.map(person)}
              onChange={(v: string) => form.setFieldValue('cosignerIds', ((form.getFieldValue('cosignerIds') as string[]) ?? []).filter((x) => x !== v))}
            />
          </Form.Item>
          {props.canBackdate && (
            <Form.Item label={t('congress.prop.submittedOn')} name="submittedOn" required {...dateProps}>
              <DatePicker style={{ width: 160 }} />
            </Form.Item>
          )}
        </div>
        <Form.Item label={t('congress.prop.cosigners', { min: settings.minCosigners })} name="cosignerIds" required={settings.minCosigners > 0}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('congress.prop.pickCosigners')}
            options={serving.filter((m) => m.workerId !== proposerId).map(person)}
          />
        </Form.Item>
        <Form.Item label={t('congress.prop.photos')}>
          <PhotoPicker value={photos} onChange={setPhotos} label={t('congress.prop.photos')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
