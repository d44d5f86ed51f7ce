import { App, Button, Image, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from '../../../../shared/attachments/rules';
import type { AttachmentInfo } from '../../../../shared/attachments/types';
import { useT } from '../../i18n';
import { call, fileToBase64 } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { shrinkForUpload } from './shrinkPhoto';

const cache = new Map<string, Promise<string>>();

/** Loads an attachment through the typed client and gives a blob: URL (cached per id and size). */
export function attachmentUrl(id: string, size: 'thumb' | 'full'): Promise<string> {
  const key = `${id}:${size}`;
  let p = cache.get(key);
  if (!p) {
    p = call('attachments.get', { id, size }).then((f) => {
      const bin = atob(f.dataBase64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return URL.createObjectURL(new Blob([bytes], { type: f.mime }));
    });
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

export function Thumb({ id, alt, size = 96 }: { id: string; alt: string; size?: number }) {
  const [thumb, setThumb] = useState<string | null>(null);
  const [full, setFull] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    attachmentUrl(id, 'thumb').then((u) => live && setThumb(u), () => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  if (!thumb) return <Spin size="small" />;
  return (
    <Image
      src={thumb}
      alt={alt}
      width={size}
      height={size}
      style={{ objectFit: 'cover', borderRadius: 4 }}
      preview={{
        src: full ?? thumb,
        onOpenChange: (open) => {
          if (open && !full) attachmentUrl(id, 'full').then(setFull, () => undefined);
        },
      }}
    />
  );
}

const ACCEPT = 'image/jpeg,image/png,image/webp';

/** Paste, drop or pick photos; each is uploaded at once (a big one shrunk first; checked by content on the backend). */
export function PhotoPicker({
  value,
  onChange,
  label,
  pasteAnywhere = false,
}: {
  value: AttachmentInfo[];
  onChange(v: AttachmentInfo[]): void;
  label: string;
  /** also attach images pasted anywhere on the page while this picker is shown (the quick log: its only photo box) */
  pasteAnywhere?: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;

  const upload = async (files: File[]) => {
    for (const f of files) {
      setBusy((n) => n + 1);
      try {
        const send = await shrinkForUpload(f);
        const a = await call('attachments.upload', { fileName: send.name || f.name || 'pasted.png', dataBase64: await fileToBase64(send) });
        if (!latest.current.some((x) => x.id === a.id)) {
          latest.current = [...latest.current, a];
          onChange(latest.current);
        }
      } catch (e) {
        const text = errorText(e, t);
        // most refusals already name the file; prefix the name only when the message does not
        message.error(f.name && !text.includes(f.name) ? `${f.name}: ${text}` : text);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  // a paste outside the picker: images on the clipboard are attached here (the picker's own paste handler has run
  // first and prevented the default when it took them)
  const uploadRef = useRef(upload);
  uploadRef.current = upload;
  useEffect(() => {
    if (!pasteAnywhere) return;
    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented) return;
      const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
      if (files.length === 0) return;
      e.preventDefault();
      void uploadRef.current(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [pasteAnywhere]);

  return (
    <div
      role="group"
      aria-label={label}
      tabIndex={0}
      onPaste={(e) => {
        const files = [...e.clipboardData.files];
        if (files.length) {
          e.preventDefault();
          void upload(files);
        }
      }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void upload([...e.dataTransfer.files]);
      }}
      style={{ border: `1px dashed ${over ? '#0f766e' : '#d9d9d9'}`, borderRadius: 6, padding: 8, background: over ? '#f0fdfa' : undefined }}
    >
      <Space wrap>
        {value.map((a) => (
          <div key={a.id} style={{ position: 'relative' }}>
            <Thumb id={a.id} alt={a.originalName ?? ''} size={72} />
            <Button
              size="small"
              type="text"
              aria-label={`${t('common.delete')} ${a.originalName ?? ''}`}
              onClick={() => onChange(value.filter((x) => x.id !== a.id))}
              style={{ position: 'absolute', top: 0, right: 0, background: 'rgba(255,255,255,.8)' }}
            >
              ×
            </Button>
          </div>
        ))}
        <Button onClick={() => input.current?.click()} loading={busy > 0}>
          {t('hazardAction.photo')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('hz.photoHint', { mb: MAX_PHOTO_BYTES / (1024 * 1024), mp: MAX_PHOTO_PIXELS / 1_000_000, wan: MAX_PHOTO_PIXELS / 10_000 })}
        </Typography.Text>
      </Space>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void upload(files);
        }}
      />
    </div>
  );
}
