// Photos: checked by content (not by name), size-limited, stored under content-hash names with a thumbnail.
// The database holds metadata only. A photo's pixel count is read from its header before anything is decoded (a
// 32 KB PNG may claim 16,383 × 16,383 pixels); what is stored is the photo turned upright by its EXIF orientation,
// at most STORED_LONG_EDGE on its long edge, re-encoded as JPEG without any metadata (phone photos carry GPS).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, STORED_LONG_EDGE } from '../../../shared/attachments/rules';
import type { AttachmentInfo } from '../../../shared/attachments/types';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { nowIso, uuidv7 } from '../util';

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** sharp (libvips) loads on the first photo, not at start. */
async function loadSharp() {
  return (await import('sharp')).default;
}

/** The image type from the first bytes, or null. */
export function sniffImage(buf: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

interface Row {
  id: string;
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  original_name: string | null;
  deleted_at: string | null;
}
const toInfo = (r: Row): AttachmentInfo => ({
  id: r.id,
  sha256: r.sha256,
  mime: r.mime,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
  originalName: r.original_name,
});

export function fileFor(dir: string, sha: string, mime: string, thumb = false): string {
  return path.join(dir, sha.slice(0, 2), thumb ? `${sha}.thumb.webp` : `${sha}.${EXT[mime]}`);
}

function writeAtomic(file: string, data: Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

const badFile = (key: string, fileName: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_FILE', key, { fileName, ...extra, issues: [{ path: 'file', message: 'v.photo' }] });

/** The photo as stored: upright, long edge ≤ STORED_LONG_EDGE, JPEG, no metadata; and its thumbnail. */
export async function normalizePhoto(buf: Buffer, fileName: string): Promise<{ data: Buffer; width: number; height: number; thumb: Buffer }> {
  const sharp = await loadSharp();
  let meta: { width?: number; height?: number };
  try {
    // the header only: nothing is decoded yet
    meta = await sharp(buf).metadata();
  } catch (e) {
    throw badFile('err.photo.unreadable', fileName, { cause: (e as Error).message });
  }
  const { width = 0, height = 0 } = meta;
  if (!(width > 0 && height > 0)) throw badFile('err.photo.badSize', fileName);
  if (width * height > MAX_PHOTO_PIXELS) {
    throw badFile('err.photo.tooManyPixels', fileName, { width, height, mp: Math.round(MAX_PHOTO_PIXELS / 1e6), wan: Math.round(MAX_PHOTO_PIXELS / 1e4) });
  }
  try {
    // limitInputPixels again, should the header have lied; rotate() applies the EXIF orientation, and no
    // withMetadata(): the output carries no EXIF (GPS), ICC or XMP
    const { data, info } = await sharp(buf, { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS })
      .rotate()
      .resize(STORED_LONG_EDGE, STORED_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data).resize(320, 320, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 72 }).toBuffer();
    return { data, width: info.width, height: info.height, thumb };
  } catch (e) {
    throw badFile('err.photo.unreadable', fileName, { cause: (e as Error).message });
  }
}

export async function uploadPhoto(store: Store, dir: string, actor: Actor, fileName: string, input: Buffer): Promise<AttachmentInfo> {
  if (input.length === 0) throw new AppError('BAD_FILE', 'err.file.empty', { issues: [{ path: 'file', message: 'v.photo' }] });
  if (input.length > MAX_PHOTO_BYTES) throw new AppError('BAD_FILE', 'err.photo.tooBig', { issues: [{ path: 'file', message: 'v.photo' }] });
  if (!sniffImage(input)) throw badFile('err.photo.notImage', fileName);
  const { data: buf, width, height, thumb } = await normalizePhoto(input, fileName);
  const mime = 'image/jpeg';
  const sha = createHash('sha256').update(buf).digest('hex');
  // files first (content-addressed, so a later failure leaves at most an unreferenced file)
  writeAtomic(fileFor(dir, sha, mime), buf);
  writeAtomic(fileFor(dir, sha, mime, true), thumb);
  return store.tx(() => {
    const existing = store.get<Row>('SELECT * FROM attachments WHERE sha256 = ?', [sha]);
    if (existing) {
      if (existing.deleted_at) store.run('UPDATE attachments SET deleted_at = NULL, updated_at = ? WHERE id = ?', [nowIso(), existing.id]);
      return toInfo(existing);
    }
    const now = nowIso();
    const id = uuidv7();
    const name = fileName.slice(0, 200);
    store.run(
      `INSERT INTO attachments (id, sha256, mime, bytes, width, height, original_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, sha, mime, buf.length, width, height, name, now, now],
    );
    const info = toInfo(store.get<Row>('SELECT * FROM attachments WHERE id = ?', [id])!);
    writeAudit(store, actor, { entity: 'attachment', entityId: id, action: 'create', after: info }, now);
    return info;
  });
}

export function getAttachment(store: Store, id: string): AttachmentInfo {
  const r = store.get<Row>('SELECT * FROM attachments WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.photo.notFound', { id });
  return toInfo(r);
}

export function readAttachment(store: Store, dir: string, id: string, size: 'thumb' | 'full'): { mime: string; data: Buffer; fileName: string } {
  const a = getAttachment(store, id);
  const file = fileFor(dir, a.sha256, a.mime, size === 'thumb');
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'err.photo.fileMissing', { id });
  // a PNG picked by the user is stored as JPEG: the name it is saved under says so
  const fileName = a.originalName ? a.originalName.replace(/(\.[A-Za-z0-9]{1,5})?$/, `.${EXT[a.mime]}`) : `${a.sha256}.${EXT[a.mime]}`;
  return { mime: size === 'thumb' ? 'image/webp' : a.mime, data: fs.readFileSync(file), fileName };
}

/** JPEG for embedding in PDFs (pdfkit reads JPEG and PNG, not WebP), at most 1200 px. */
export async function photoAsJpeg(store: Store, dir: string, id: string): Promise<Buffer> {
  const { data } = readAttachment(store, dir, id, 'full');
  return (await loadSharp())(data).rotate().resize(1200, 1200, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
}
