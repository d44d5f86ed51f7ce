// The frame the record dialogs (behaviour record, accident) share: a modal with Save / Cancel that does not close on a
// click beside it, and how a refused save is shown (on the fields it names, else as a message).
import { Modal, type FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { ReactNode } from 'react';
import { useT, type TFunc } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { applyIssues, errorText } from '../../../lib/errors';

export function RecordModal({ title, width, busy, onClose, onSave, children }: { title: string; width: number; busy: boolean; onClose(): void; onSave(): void; children: ReactNode }) {
  const t = useT();
  return (
    <Modal
      open
      width={width}
      title={title}
      onCancel={onClose}
      onOk={onSave}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}

/** A save the backend refused: its issues on the form's fields, or the error as a message. */
export function showSaveError(e: unknown, form: FormInstance, message: MessageInstance, t: TFunc) {
  if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
}
