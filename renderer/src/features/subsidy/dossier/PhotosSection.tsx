// The photos of the dossier's evidence annex: the year's activity and wall photos offered with a tick each (in the order
// ticked), and more uploaded here (ticked at once). At most MAX_DOSSIER_PHOTOS; nothing offered: says where photos come from.
import { Checkbox, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AttachmentInfo } from '../../../../../shared/attachments/types';
import { MAX_DOSSIER_PHOTOS } from '../../../../../shared/subsidy/dossier/types';
import { useT } from '../../../i18n';
import { PhotoPicker, Thumb } from '../../hazards/photos';

export function PhotosSection({ choices, value, onChange, disabled }: { choices: string[]; value: string[]; onChange(ids: string[]): void; disabled: boolean }) {
  const t = useT();
  const [uploaded, setUploaded] = useState<AttachmentInfo[]>([]);
  const all = [...new Set([...choices, ...uploaded.map((u) => u.id)])];
  const full = value.length >= MAX_DOSSIER_PHOTOS;
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <div data-testid="dossier-photos">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('subsidy.d.photosHint', { max: MAX_DOSSIER_PHOTOS, n: value.length })}
      </Typography.Paragraph>
      {all.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('subsidy.d.noPhotos')} />
      ) : (
        <Space wrap size={12} style={{ marginBottom: 8 }}>
          {all.map((id, i) => {
            const on = value.includes(id);
            return (
              <div key={id} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 4 }}>
                <Thumb id={id} alt={t('subsidy.d.photoN', { n: i + 1 })} size={96} />
                <Checkbox checked={on} disabled={disabled || (!on && full)} onChange={(e) => toggle(id, e.target.checked)} data-testid="dossier-photo-tick">
                  {on ? t('subsidy.d.photoChosen', { n: value.indexOf(id) + 1 }) : t('subsidy.d.photoN', { n: i + 1 })}
                </Checkbox>
              </div>
            );
          })}
        </Space>
      )}
      {!disabled && (
        <PhotoPicker
          label={t('subsidy.d.upload')}
          value={uploaded}
          onChange={(v) => {
            const fresh = v.filter((a) => !uploaded.some((u) => u.id === a.id) && !value.includes(a.id));
            setUploaded(v);
            if (fresh.length > 0) onChange([...value, ...fresh.map((a) => a.id)].slice(0, MAX_DOSSIER_PHOTOS));
          }}
        />
      )}
    </div>
  );
}
