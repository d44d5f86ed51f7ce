// A behaviour record's evidence photo: one image, uploaded when chosen. Unlike the hazards' picker it tells the dialog
// how the upload stands (uploading, failed with what, done), so the record is never saved without the photo the user
// chose: the dialog waits for an upload in flight and refuses to save while the photo failed.
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from '../../../../../shared/attachments/rules';
import { useT } from '../../../i18n';
import { call, fileToBase64 } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { Thumb } from '../../hazards/photos';
import { shrinkForUpload } from '../../hazards/shrinkPhoto';

export type Evidence =
  | { state: 'none' }
  | { state: 'uploading'; name: string; done: Promise<Evidence> }
  | { state: 'failed'; name: string; error: string }
  | { state: 'done'; id: string; name: string | null };

export function EvidencePicker({ value, onChange, label }: { value: Evidence; onChange(v: Evidence): void; label: string }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [, force] = useState(0);
  /** the newest choice wins: an earlier upload finishing late does not replace it */
  const latest = useRef(0);

  const choose = (f: File | undefined) => {
    if (!f) return;
    const n = ++latest.current;
    const done: Promise<Evidence> = (async () => {
      try {
        const send = await shrinkForUpload(f);
        const a = await call('attachments.upload', { fileName: send.name || f.name || 'photo.png', dataBase64: await fileToBase64(send) });
        return { state: 'done', id: a.id, name: f.name } as const;
      } catch (e) {
        return { state: 'failed', name: f.name, error: errorText(e, t) } as const;
      }
    })();
    onChange({ state: 'uploading', name: f.name, done });
    void done.then((r) => {
      if (n === latest.current) onChange(r);
      force((x) => x + 1);
    });
  };

  return (
    <div role="group" aria-label={label}>
      <Space wrap>
        {value.state === 'done' && (
          <div style={{ position: 'relative' }}>
            <Thumb id={value.id} alt={value.name ?? label} size={72} />
            <Button
              size="small"
              type="text"
              aria-label={`${t('common.delete')} ${label}`}
              onClick={() => {
                latest.current++;
                onChange({ state: 'none' });
              }}
              style={{ position: 'absolute', top: 0, right: 0, background: 'rgba(255,255,255,.8)' }}
            >
              ×
            </Button>
          </div>
        )}
        <Button onClick={() => input.current?.click()} loading={value.state === 'uploading'}>
          {t('hazardAction.photo')}
        </Button>
        {value.state === 'uploading' && <Typography.Text type="secondary">{t('wage.bh.uploading', { name: value.name })}</Typography.Text>}
        {value.state === 'failed' && (
          <>
            <Typography.Text type="danger" data-testid="wage-bh-photo-error">
              {t('wage.bh.photoFailed', { name: value.name, error: value.error })}
            </Typography.Text>
            <Button
              size="small"
              onClick={() => {
                latest.current++;
                onChange({ state: 'none' });
              }}
            >
              {t('wage.bh.photoRemove')}
            </Button>
          </>
        )}
        {value.state !== 'failed' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hz.photoHint', { mb: MAX_PHOTO_BYTES / (1024 * 1024), mp: MAX_PHOTO_PIXELS / 1_000_000, wan: MAX_PHOTO_PIXELS / 10_000 })}
          </Typography.Text>
        )}
      </Space>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          choose(f);
        }}
      />
    </div>
  );
}
