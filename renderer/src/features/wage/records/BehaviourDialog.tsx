// A behaviour record's form: date, the worker or the team (or both), violation or good act, the category (common ones
// offered, free text allowed), the points (their sign follows the kind), a note and the evidence photo.
import { Alert, App, AutoComplete, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgUnit } from '../../../../../shared/org/types';
import { behaviourInput } from '../../../../../shared/wage/records/schemas';
import { BEHAVIOUR_CATEGORY_HINTS, BEHAVIOUR_KINDS, BEHAVIOUR_USUAL_POINTS, type Behaviour, type BehaviourKind } from '../../../../../shared/wage/records/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { clearErrorsOnEdit } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { useSavedText } from './approved';
import { afterToday, dateProps, defaultDate } from './common';
import { RecordModal, showSaveError } from './recordDialog';
import { WorkerPick } from './WorkersSelect';
import { EvidencePicker, type Evidence } from './EvidencePicker';

/** Teams for a select, labelled "workshop / team" (retired ones left out, unless the record already names one). */
export function teamOptions(units: OrgUnit[], keep?: string | null) {
  const byId = new Map(units.map((u) => [u.id, u]));
  return units
    .filter((u) => u.kind === 'team' && (!u.retiredAt || u.id === keep))
    .map((u) => {
      const ws = u.parentId ? byId.get(u.parentId) : undefined;
      return { value: u.id, label: ws ? `${ws.name} / ${u.name}` : u.name };
    });
}


export function BehaviourDialog(props: { record: Behaviour | null; period: string; units: OrgUnit[]; onClose(): void; onDone(b: Behaviour): void }) {
  const { record } = props;
  const t = useT();
  const { message } = App.useApp();
  const savedText = useSavedText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [photo, setPhoto] = useState<Evidence>(record?.evidenceId ? { state: 'done', id: record.evidenceId, name: null } : { state: 'none' });
  /** why the last save was refused before anything was sent (the photo did not upload) */
  const [refused, setRefused] = useState<string | null>(null);
  const kind = (Form.useWatch('kind', form) as BehaviourKind | undefined) ?? record?.kind ?? 'violation';
  const teams = useMemo(() => teamOptions(props.units, record?.teamId), [props.units, record?.teamId]);
  const initial = record
    ? { date: record.date, workerId: record.workerId, teamId: record.teamId, kind: record.kind, category: record.category, points: record.points, note: record.note ?? '' }
    : { date: defaultDate(props.period), workerId: null, teamId: null, kind: 'violation', category: '', points: null, note: '' };

  const submit = async () => {
    setRefused(null);
    const fields = form.getFieldsValue(true) as Record<string, unknown>;
    if (!parseForm(behaviourInput, { ...fields, evidenceId: null }, form, t)) return;
    setBusy(true);
    try {
      // the photo chosen must be stored first: a record is never saved without it (nothing half-saved)
      let ev = photo;
      if (ev.state === 'uploading') ev = await ev.done;
      if (ev.state === 'failed') {
        setRefused(t('wage.bh.photoNotSaved', { name: ev.name, error: ev.error }));
        return;
      }
      const v: Record<string, unknown> = { ...fields, evidenceId: ev.state === 'done' ? ev.id : null };
      const b = record ? await call('wage.behaviourUpdate', { ...v, id: record.id } as never) : await call('wage.behaviourCreate', v as never);
      const what = `${b.workerName ?? b.teamName ?? ''} ${b.category}`;
      message.success(savedText(t(record ? 'wage.bh.updated' : 'wage.bh.created', { what })));
      props.onDone(b);
    } catch (e) {
      showSaveError(e, form, message, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RecordModal width={600} title={t(record ? 'wage.bh.edit' : 'wage.bh.new')} busy={busy} onClose={props.onClose} onSave={() => void submit()}>
      <Form
        form={form}
        name="wageBh"
        layout="vertical"
        initialValues={initial}
        onFieldsChange={clearErrorsOnEdit(form)}
        onValuesChange={(changed: Record<string, unknown>) => {
          // the sign of the points follows the kind: a violation takes off, a good act adds
          if ('kind' in changed) {
            const p = form.getFieldValue('points') as number | null;
            if (typeof p === 'number' && p !== 0 && (changed.kind === 'violation') !== p < 0) form.setFieldValue('points', -p);
          }
          // a common category brings its usual points when none are entered yet
          if (typeof changed.category === 'string' && Object.prototype.hasOwnProperty.call(BEHAVIOUR_USUAL_POINTS, changed.category)) {
            const p = form.getFieldValue('points') as number | null | undefined;
            if (p === null || p === undefined) form.setFieldValue('points', BEHAVIOUR_USUAL_POINTS[changed.category]);
          }
        }}
        onFinish={() => void submit()}
      >
        <Space size={16} align="start" wrap>
          <Form.Item label={t('wage.bh.date')} name="date" required {...dateProps}>
            <DatePicker style={{ width: 160 }} disabledDate={afterToday} />
          </Form.Item>
          <Form.Item label={t('wage.bh.kind')} name="kind" required>
            <Radio.Group optionType="button" options={BEHAVIOUR_KINDS.map((k) => ({ value: k, label: t(`wage.kind.${k}`) }))} />
          </Form.Item>
        </Space>
        <Space size={16} align="start" wrap>
          <Form.Item label={t('wage.rec.worker')} name="workerId">
            <WorkerPick placeholder={t('wage.rec.workerHint')} initialLabel={record?.workerName ? `${record.workerName} · ${record.empNo ?? ''}` : null} />
          </Form.Item>
          <Form.Item label={t('wage.bh.team')} name="teamId" extra={t('wage.bh.teamHint')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teams} style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space size={16} align="start" wrap>
          <Form.Item label={t('wage.bh.category')} name="category" required extra={t('wage.bh.categoryHint')}>
            <AutoComplete options={BEHAVIOUR_CATEGORY_HINTS[kind].map((c) => ({ value: c }))} style={{ width: 260 }} filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
          </Form.Item>
          <Form.Item label={t('wage.bh.points')} name="points" required extra={t(`wage.bh.pointsHint.${kind}`)}>
            <InputNumber style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('wage.rec.note')} name="note">
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.Item label={t('wage.bh.evidence')}>
          <EvidencePicker
            value={photo}
            onChange={(v) => {
              setPhoto(v);
              setRefused(null);
            }}
            label={t('wage.bh.evidence')}
          />
        </Form.Item>
        {refused && <Alert type="error" showIcon role="alert" title={refused} data-testid="wage-bh-refused" />}
        <button type="submit" hidden />
      </Form>
    </RecordModal>
  );
}
