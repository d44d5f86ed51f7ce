// The activity's form (new, or edit): kind (and level for three-level and post-change education), title, date,
// hours, host, workshop/team, content, note, photos. Checked with the backend's own schema before anything is sent.
import { App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { activityInput } from '../../../../../shared/education/activities/schemas';
import { LEVELLED_KINDS, type ActivityDetail } from '../../../../../shared/education/activities/types';
import { ACTIVITY_KINDS, EDU_LEVELS, type ActivityKind } from '../../../../../shared/education/kinds';
import type { AttachmentInfo } from '../../../../../shared/attachments/types';
import { UnitSelect, useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { clearErrorsOnEdit } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { PhotoPicker } from '../../hazards/photos';
import { dateProps, today } from '../../wage/records/common';
import { RecordModal, showSaveError } from '../../wage/records/recordDialog';
import { isMeetingKind } from './common';

/** a photo known by its id only (an activity's stored photos) */
const photoOf = (id: string): AttachmentInfo => ({ id, sha256: '', mime: 'image/jpeg', bytes: 0, width: 0, height: 0, originalName: null });

export function ActivityForm(props: { activity: ActivityDetail | null; onClose(): void; onDone(a: ActivityDetail): void }) {
  const { activity } = props;
  const t = useT();
  const { message } = App.useApp();
  const units = useUnits();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [photos, setPhotos] = useState<AttachmentInfo[]>((activity?.photoIds ?? []).map(photoOf));
  const kind = (Form.useWatch('kind', form) as ActivityKind | undefined) ?? activity?.kind ?? 'three_level';
  const levelled = LEVELLED_KINDS.includes(kind);
  const initial = activity
    ? { kind: activity.kind, level: activity.level, title: activity.title, date: activity.date, hours: activity.hours, host: activity.host ?? '', orgUnitId: activity.orgUnitId, content: activity.content ?? '', note: activity.note ?? '' }
    : { kind: 'three_level', level: 'company', title: '', date: today(), hours: null, host: '', orgUnitId: null, content: '', note: '' };

  const submit = async () => {
    const fields = form.getFieldsValue(true) as Record<string, unknown>;
    const v = { ...fields, level: levelled ? (fields.level ?? null) : null, photoIds: photos.map((p) => p.id) };
    if (!parseForm(activityInput, v, form, t)) return;
    setBusy(true);
    try {
      const a = activity ? await call('education.activityUpdate', { ...v, id: activity.id } as never) : await call('education.activityCreate', v as never);
      message.success(activity ? t('common.saved') : t('edu.act.created', { title: a.title }));
      props.onDone(a);
    } catch (e) {
      showSaveError(e, form, message, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RecordModal width={680} title={t(activity ? 'edu.act.editTitle' : 'edu.act.createTitle')} busy={busy} onClose={props.onClose} onSave={() => void submit()}>
      <Form
        form={form}
        name="eduActivity"
        layout="vertical"
        initialValues={initial}
        onFieldsChange={clearErrorsOnEdit(form)}
        onValuesChange={(changed: Record<string, unknown>) => {
          // a post change repeats the workshop and team levels: 厂级 is not offered
          if (changed.kind === 'post_change' && form.getFieldValue('level') === 'company') form.setFieldValue('level', 'workshop');
          if (changed.kind === 'three_level' && !form.getFieldValue('level')) form.setFieldValue('level', 'company');
        }}
        onFinish={() => void submit()}
      >
        <Space size={16} align="start" wrap>
          <Form.Item label={t('edu.act.kind')} name="kind" required>
            <Select autoFocus style={{ width: 180 }} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`edu.activityKind.${k}`) }))} />
          </Form.Item>
          {levelled && (
            <Form.Item label={t('edu.act.level')} name="level" required>
              <Select
                style={{ width: 130 }}
                options={EDU_LEVELS.filter((l) => kind !== 'post_change' || l !== 'company').map((l) => ({ value: l, label: t(`edu.level.${l}`) }))}
              />
            </Form.Item>
          )}
          <Form.Item label={t('edu.act.date')} name="date" required {...dateProps}>
            {/* no disabledDate: a typed date out of range would silently fall back to the old one — the schema says why */}
            <DatePicker style={{ width: 150 }} />
          </Form.Item>
          <Form.Item
            label={t(isMeetingKind(kind) ? 'edu.act.durationHours' : 'edu.act.hours')}
            name="hours"
            required
            {...(isMeetingKind(kind) ? { extra: t('edu.act.meetingNoHours') } : {})}
          >
            {/* no min / max: InputNumber would clamp 999 to 200 on blur; the schema refuses it with its message */}
            <InputNumber step={0.5} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('edu.act.title')} name="title" required>
          <Input maxLength={100} />
        </Form.Item>
        <Space size={16} align="start" wrap>
          <Form.Item label={t('edu.act.host')} name="host">
            <Input maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t('edu.act.unit')} name="orgUnitId">
            <UnitSelect units={units} placeholder={t('edu.act.wholeCompany')} />
          </Form.Item>
        </Space>
        <Form.Item label={t('edu.act.content')} name="content">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item label={t('edu.act.note')} name="note">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('edu.act.photos')}>
          <PhotoPicker value={photos} onChange={setPhotos} label={t('edu.act.photos')} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}
