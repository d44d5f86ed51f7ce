// A culture wall's form: the workshop or team it belongs to, its location, an optional name and a note. Opened empty,
// for a unit the check found without a wall, or with a wall to change.
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { OrgUnit } from '../../../../../shared/org/types';
import { wallInput } from '../../../../../shared/education/walls/schemas';
import type { Wall } from '../../../../../shared/education/walls/types';
import { UnitSelect } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';

export function WallDialog(props: { wall: Wall | null; orgUnitId: string | null; units: OrgUnit[]; onClose(): void; onDone(w: Wall): void }) {
  const { wall } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const initial = wall
    ? { orgUnitId: wall.orgUnitId, location: wall.location, name: wall.name ?? '', note: wall.note ?? '' }
    : { orgUnitId: props.orgUnitId, location: '', name: '', note: '' };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Record<string, unknown>;
    if (!parseForm(wallInput, v, form, t)) return;
    setBusy(true);
    try {
      const w = wall ? await call('education.wallEdit', { ...v, id: wall.id } as never) : await call('education.wallCreate', v as never);
      message.success(t('edu.wall.saved'));
      props.onDone(w);
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
      title={t(wall ? 'edu.wall.edit' : 'edu.wall.new')}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form form={form} name="eduWall" layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Form.Item label={t('edu.wall.unit')} name="orgUnitId" required>
          <UnitSelect units={props.units} allowClear={false} />
        </Form.Item>
        <Form.Item label={t('edu.wall.location')} name="location" required>
          <Input maxLength={100} placeholder={t('edu.wall.locationPh')} autoFocus />
        </Form.Item>
        <Form.Item label={t('edu.wall.name')} name="name">
          <Input maxLength={60} placeholder={t('edu.wall.namePh')} />
        </Form.Item>
        <Form.Item label={t('edu.wall.note')} name="note">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
