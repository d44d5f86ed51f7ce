// Adding a representative (elected or by-elected) or an observer (列席代表) to a term, from the roster.
import { Alert, App, Checkbox, DatePicker, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { memberAdd } from '../../../../../shared/congress/reps/schemas';
import { JOINED_BY, MEMBER_KINDS, type CongressGroup, type Member, type MemberKind, type JoinedBy, type Term } from '../../../../../shared/congress/reps/types';
import { WorkerSelect } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { dateProps, outsideTerm } from './common';

export type AddMode = 'add' | 'byElection' | 'observer';
const PRESET: Record<AddMode, { kind: MemberKind; joinedBy: JoinedBy; title: string }> = {
  add: { kind: 'representative', joinedBy: 'election', title: 'congress.reps.add' },
  byElection: { kind: 'representative', joinedBy: 'by_election', title: 'congress.reps.byElection' },
  observer: { kind: 'observer', joinedBy: 'invitation', title: 'congress.reps.addObserver' },
};

export function MemberDialog(props: { mode: AddMode; term: Term; groups: CongressGroup[]; date: string; onClose(): void; onDone(m: Member): void }) {
  const { mode, term, groups } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const kind = (Form.useWatch('kind', form) as MemberKind | undefined) ?? PRESET[mode].kind;
  const initial = { kind: PRESET[mode].kind, joinedBy: PRESET[mode].joinedBy, joinedOn: props.date, groupId: null, presidium: false, workerId: null };

  // the worker's workshop suggests the constituency
  const pickWorker = async (id: string | null) => {
    if (!id || form.isFieldTouched('groupId')) return;
    try {
      const w = await call('workers.get', { id });
      const g = groups.find((x) => x.orgUnitId && x.orgUnitId === w.workshopId);
      if (g && !form.isFieldTouched('groupId')) form.setFieldValue('groupId', g.id);
    } catch {
      /* the suggestion is a convenience */
    }
  };

  const submit = async () => {
    const v: Record<string, unknown> = { ...(form.getFieldsValue(true) as Record<string, unknown>), termId: term.id };
    if (v.kind === 'observer') v.presidium = false;
    const parsed = parseForm(memberAdd, v, form, t);
    if (!parsed) return;
    setBusy(true);
    try {
      const m = await call('congress.memberAdd', v as never);
      message.success(t('congress.reps.added', { name: m.name }));
      props.onDone(m);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={560}
      title={`${t(PRESET[mode].title)} · ${t('congress.term', { number: term.number })}`}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Form.Item label={t('congress.reps.worker')} name="workerId" required>
          <WorkerSelect placeholder={t('congress.reps.workerHint')} onChange={(id) => void pickWorker(id)} />
        </Form.Item>
        <Form.Item label={t('congress.reps.kind')} name="kind" required>
          <Radio.Group options={MEMBER_KINDS.map((k) => ({ value: k, label: t(`congress.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'observer' && <Alert type="info" showIcon title={t('congress.reps.observerNoVote')} style={{ marginBottom: 12 }} />}
        <Form.Item label={t('congress.reps.joinedBy')} name="joinedBy" required>
          <Radio.Group options={JOINED_BY.map((k) => ({ value: k, label: t(`congress.joinedBy.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('congress.reps.joinedOn')} name="joinedOn" required {...dateProps}>
          <DatePicker style={{ width: 200 }} disabledDate={outsideTerm(term)} />
        </Form.Item>
        <Form.Item label={t('congress.group')} name="groupId">
          <Select allowClear placeholder={t('congress.reps.noGroup')} options={groups.map((g) => ({ value: g.id, label: g.name }))} style={{ width: 260 }} />
        </Form.Item>
        {kind !== 'observer' && (
          <Form.Item name="presidium" valuePropName="checked">
            <Checkbox>{t('congress.presidium')}</Checkbox>
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
