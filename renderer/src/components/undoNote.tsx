// After a delete: a note naming what was deleted with an Undo button for a few seconds; Undo restores it, says so and
// reloads. One component for every module — each passes its own words.
import { Button, Space } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { ReactNode } from 'react';
import type { TFunc } from '../i18n';
import { errorText } from '../lib/errors';

export function showUndoNote(
  message: MessageInstance,
  t: TFunc,
  note: { key: string; deleted: ReactNode; restored: string },
  undo: () => Promise<unknown>,
  after: () => unknown,
) {
  message.open({
    key: note.key,
    type: 'success',
    duration: 8,
    content: (
      <Space>
        {note.deleted}
        <Button
          size="small"
          type="link"
          onClick={() => {
            message.destroy(note.key);
            undo()
              .then(async () => {
                message.success(note.restored);
                await after();
              })
              .catch((e: unknown) => message.error(errorText(e, t)));
          }}
        >
          {t('common.undo')}
        </Button>
      </Space>
    ),
  });
}
