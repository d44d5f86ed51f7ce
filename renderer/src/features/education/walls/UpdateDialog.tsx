// A wall update's form: the day, the sections refreshed (at least one), what went up, the photos (uploaded as chosen).
import { App, Checkbox, DatePicker, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { AttachmentInfo } from '../../../../../shared/attachments/types';
import { WALL_SECTIONS } from '../../../../../shared/education/kinds';
import { wallUpdateInput } from '../../../../../shared/education/walls/schemas';
import type { WallUpdate } from '../../../../../shared/education/walls/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { PhotoPicker } from '../../hazards/photos';
import { afterToday, dateProps, today } from './common';

/** a stored photo as the picker shows it (it reads the id and the name only) */
const asInfo = (p: { id: string; originalName: string | null }): AttachmentInfo => ({ id: p.id, originalName: p.originalName, sha256: '', mime: 'image/jpeg', bytes: 0, width: 0, height: 0 });

export function UpdateDialog(props: { wallId: string; update: WallUpdate | null; onClose(): void; onDone(u: WallUpdate): void }) {
  const { update } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [photos, setPhotos] = useState<AttachmentInfo[]>(() => (update ? update.photos.map(asInfo) : []));
  const initial = update ? { date: update.date, sections: update.sections, content: update.content ?? '' } : { date: today(), sections: [], content: '' };

  const submit = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), wallId: props.wallId, photoIds: photos.map((p) => p.id) };
    if (!parseForm(wallUpdateInput, v, form, t)) return;
    setBusy(true);
    try {
      const { wallId, ...rest } = v;
      const u = update ? await call('education.wallUpdateEdit', { ...rest, id: update.id } as never) : await call('education.wallUpdateAdd', { ...rest, wallId } as never);
      message.success(t('edu.wall.upd.saved'));
      props.onDone(u);
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t(update ? 'edu.wall.upd.edit' : 'edu.wall.upd.new')}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form form={form} name="eduWallUpd" layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Form.Item label={t('edu.wall.upd.date')} name="date" required {...dateProps}>
          <DatePicker style={{ width: 160 }} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item label={t('edu.wall.upd.sections')} name="sections" required>
          <Checkbox.Group options={WALL_SECTIONS.map((s) => ({ value: s, label: t(`edu.wall.section.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('edu.wall.upd.content')} name="content">
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('edu.wall.upd.contentPh')} />
        </Form.Item>
        <Form.Item label={t('edu.wall.upd.photos')}>
          <PhotoPicker value={photos} onChange={setPhotos} label={t('edu.wall.upd.photos')} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
