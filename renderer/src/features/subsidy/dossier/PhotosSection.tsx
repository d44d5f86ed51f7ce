// The photos of the dossier's evidence annex: the year's activity and wall photos offered with a tick each, each tile
// captioned with where it comes from (the activity and its date, or the wall and the update's date), and more uploaded
// here (ticked at once). One numbering: a ticked photo shows its number in the PDF (照片 n, the order ticked). A photo
// chosen earlier that shows another year's activity is marked (saving it is refused). At most MAX_DOSSIER_PHOTOS;
// nothing offered: says where photos come from.
import { Checkbox, Empty, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AttachmentInfo } from '../../../../../shared/attachments/types';
import { MAX_DOSSIER_PHOTOS, photoOtherYear, type PhotoSource } from '../../../../../shared/subsidy/dossier/types';
import { useT, type TFunc } from '../../../i18n';
import { PhotoPicker, Thumb } from '../../hazards/photos';

const TILE = 168;

export function photoCaption(t: TFunc, src: PhotoSource | undefined): string {
  if (!src) return t('subsidy.d.src.new');
  if (src.kind === 'activity') return t('subsidy.d.src.activity', { title: src.title, date: src.date });
  if (src.kind === 'wall') return t('subsidy.d.src.wall', { wall: src.wall, date: src.date });
  return t('subsidy.d.src.upload', { date: src.date });
}

/** the caption on two lines: what (cut with … when long, whole in a tooltip) and when (always whole) */
function CaptionLines({ t, src, caption }: { t: TFunc; src: PhotoSource | undefined; caption: string }) {
  const what = !src ? t('subsidy.d.src.new') : src.kind === 'activity' ? src.title : src.kind === 'wall' ? src.wall : t('subsidy.d.src.uploaded');
  const when = !src ? '' : src.kind === 'wall' ? t('subsidy.d.src.updated', { date: src.date }) : src.date;
  return (
    <div data-testid="dossier-photo-caption" data-caption={caption} style={{ fontSize: 12, lineHeight: '18px' }}>
      <Typography.Text style={{ fontSize: 12, display: 'block' }} ellipsis={{ tooltip: what }}>
        {what}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', minHeight: 18 }}>
        {when}
      </Typography.Text>
    </div>
  );
}

export function PhotosSection({
  year,
  choices,
  sources,
  value,
  onChange,
  disabled,
}: {
  year: number;
  choices: string[];
  sources: Record<string, PhotoSource>;
  value: string[];
  onChange(ids: string[]): void;
  disabled: boolean;
}) {
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
        <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0, margin: '0 0 8px' }} aria-label={t('subsidy.d.photos')}>
          {all.map((id) => {
            const on = value.includes(id);
            const src = sources[id];
            const caption = photoCaption(t, src);
            const other = photoOtherYear(src, year);
            const label = on ? t('subsidy.d.photoChosen', { n: value.indexOf(id) + 1 }) : t('subsidy.d.photoNotChosen');
            return (
              <li key={id} data-testid="dossier-photo" data-chosen={on ? value.indexOf(id) + 1 : undefined} style={{ width: TILE, display: 'flex', flexDirection: 'column', gap: 4 }}>
                <div style={{ alignSelf: 'center' }}>
                  <Thumb id={id} alt={caption} size={120} />
                </div>
                <CaptionLines t={t} src={src} caption={caption} />
                {other && (
                  <Tag color="error" style={{ alignSelf: 'flex-start', marginInlineEnd: 0 }}>
                    {t('subsidy.d.photoOtherYear', { year })}
                  </Tag>
                )}
                <Checkbox checked={on} disabled={disabled || (!on && full)} onChange={(e) => toggle(id, e.target.checked)} data-testid="dossier-photo-tick" aria-label={t('subsidy.d.photoTick', { label, caption })}>
                  {on ? <Typography.Text strong>{label}</Typography.Text> : label}
                </Checkbox>
              </li>
            );
          })}
        </ul>
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
