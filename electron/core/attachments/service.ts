// Photos: checked by content (not by name), size-limited, stored under content-hash names with a thumbnail.
// Documents (agenda materials): checked by content AND extension, size-limited, stored as they are (never opened,
// parsed further or converted), no thumbnail. The database holds metadata only. A photo's pixel count is read from its header before anything is decoded (a
// 32 KB PNG may claim 16,383 × 16,383 pixels); what is stored is the photo turned upright by its EXIF orientation,
// at most STORED_LONG_EDGE on its long edge, re-encoded as JPEG without any metadata (phone photos carry GPS).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import {
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  MAX_PHOTO_BYTES,
  MAX_PHOTO_PIXELS,
  STORED_LONG_EDGE,
  documentExt,
  isImageMime,
  type DocumentExt,
} from '../../../shared/attachments/rules';
import type { FileRef } from '../../../shared/files';
import type { AttachmentInfo } from '../../../shared/attachments/types';
import { holdsAnyRole, type CommitteeRole } from '../../../shared/roster/roles';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { writeOutputFile } from '../documents/output';
import type { OutputFiles } from '../kernel/outputFiles';
import { nowIso, uuidv7 } from '../util';

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  ...Object.fromEntries(Object.entries(DOCUMENT_TYPES).map(([ext, mime]) => [mime, ext])),
};

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
  return record(store, actor, { sha, mime, bytes: buf.length, width, height, fileName });
}

/** The row of stored content (the same bytes are stored once: a second upload answers the first row). */
function record(store: Store, actor: Actor, f: { sha: string; mime: string; bytes: number; width: number; height: number; fileName: string }): AttachmentInfo {
  return store.tx(() => {
    const existing = store.get<Row>('SELECT * FROM attachments WHERE sha256 = ?', [f.sha]);
    if (existing) {
      if (existing.deleted_at) store.run('UPDATE attachments SET deleted_at = NULL, updated_at = ? WHERE id = ?', [nowIso(), existing.id]);
      return toInfo(existing);
    }
    const now = nowIso();
    const id = uuidv7();
    const name = f.fileName.slice(0, 200);
    store.run(
      `INSERT INTO attachments (id, sha256, mime, bytes, width, height, original_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, f.sha, f.mime, f.bytes, f.width, f.height, name, now, now],
    );
    const info = toInfo(store.get<Row>('SELECT * FROM attachments WHERE id = ?', [id])!);
    writeAudit(store, actor, { entity: 'attachment', entityId: id, action: 'create', after: info }, now);
    return info;
  });
}

const docIssues = { issues: [{ path: 'file', message: 'v.document' }] };
const badDoc = (key: string, fileName: string, extra: Record<string, unknown> = {}) => new AppError('BAD_FILE', key, { fileName, ...extra, ...docIssues });

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, k) => buf[at + k] === b);
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A program rather than a document: Windows (MZ), ELF, Mach-O, or a script (#!). */
export function looksExecutable(buf: Buffer): boolean {
  const body = startsWith(buf, [0xef, 0xbb, 0xbf]) ? buf.subarray(3) : buf;
  return (
    startsWith(buf, [0x4d, 0x5a]) ||
    startsWith(buf, [0x7f, 0x45, 0x4c, 0x46]) ||
    [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((m) => startsWith(buf, m)) ||
    startsWith(body, [0x23, 0x21])
  );
}

/**
 * The entry names of a zip's central directory, or null when it is not a well-formed zip. Only the directory is read:
 * nothing is decompressed.
 */
export function zipEntryNames(buf: Buffer): string[] | null {
  if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || buf.length < 22) return null;
  // the end-of-central-directory record: 22 bytes plus a comment of at most 65,535
  let eocd = -1;
  for (let k = buf.length - 22; k >= Math.max(0, buf.length - 22 - 0xffff); k--) {
    if (buf.readUInt32LE(k) === 0x06054b50) {
      eocd = k;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLen > buf.length) return null;
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** Text without NULs that reads as UTF-8 (with or without BOM) or as GBK. */
export function isText(buf: Buffer): boolean {
  if (buf.includes(0)) return false;
  for (const enc of ['utf-8', 'gbk']) {
    try {
      new TextDecoder(enc, { fatal: true }).decode(buf);
      return true;
    } catch {
      // not this encoding
    }
  }
  return false;
}

/** Whether the content is what the extension says. */
function contentIs(ext: DocumentExt, buf: Buffer): boolean {
  switch (ext) {
    case 'pdf':
      return buf.toString('latin1', 0, 5) === '%PDF-';
    case 'docx':
    case 'xlsx':
    case 'pptx': {
      const names = zipEntryNames(buf);
      const part = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' }[ext];
      return !!names && names.includes('[Content_Types].xml') && names.some((n) => n.startsWith(part));
    }
    case 'doc':
    case 'xls':
      return startsWith(buf, CFB);
    case 'txt':
    case 'csv':
      return isText(buf);
  }
}

/** The document's type, from its extension and content agreeing; refuses programs and anything else. */
export function sniffDocument(buf: Buffer, fileName: string): string {
  if (looksExecutable(buf)) throw badDoc('err.document.executable', fileName);
  const ext = documentExt(fileName);
  if (!ext) throw badDoc('err.document.unknownType', fileName);
  if (!contentIs(ext, buf)) throw badDoc('err.document.mismatch', fileName, { ext });
  return DOCUMENT_TYPES[ext];
}

/** A document (agenda material …) stored as it is, by content hash; no thumbnail. */
export function uploadDocument(store: Store, dir: string, actor: Actor, fileName: string, input: Buffer): AttachmentInfo {
  if (input.length === 0) throw new AppError('BAD_FILE', 'err.file.empty', docIssues);
  if (input.length > MAX_DOCUMENT_BYTES) throw badDoc('err.document.tooBig', fileName);
  const mime = sniffDocument(input, fileName);
  const sha = createHash('sha256').update(input).digest('hex');
  writeAtomic(fileFor(dir, sha, mime), input);
  return record(store, actor, { sha, mime, bytes: input.length, width: 0, height: 0, fileName });
}

export function getAttachment(store: Store, id: string): AttachmentInfo {
  const r = store.get<Row>('SELECT * FROM attachments WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.photo.notFound', { id });
  return toInfo(r);
}

/** A photo: refuses a document (it cannot be shown, linked as a photo or embedded in a PDF). */
export function getImage(store: Store, id: string, path = 'attachmentId'): AttachmentInfo {
  const a = getAttachment(store, id);
  if (!isImageMime(a.mime)) throw new AppError('VALIDATION', 'err.attachment.notImage', { id, name: a.originalName ?? '', issues: [{ path, message: 'v.photo' }] });
  return a;
}

/** The name a stored file is saved under: a PNG picked by the user is stored as JPEG, and the name says so. */
const nameOf = (a: AttachmentInfo) => (a.originalName ? a.originalName.replace(/(\.[A-Za-z0-9]{1,5})?$/, `.${EXT[a.mime]}`) : `${a.sha256}.${EXT[a.mime]}`);

function storedFile(dir: string, a: AttachmentInfo, thumb: boolean): string {
  const file = fileFor(dir, a.sha256, a.mime, thumb);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', isImageMime(a.mime) ? 'err.photo.fileMissing' : 'err.attachment.fileMissing', { id: a.id });
  return file;
}

/** Who is reading: an operator's roles, or null (not signed in). */
export type Reader = { roles: readonly CommitteeRole[]; isAdmin: boolean } | null;

/**
 * Restricts an attachment to the holders of these roles (administrators hold every role): a clinic's exam report is
 * medical data. Call inside the transaction that links it.
 */
export function restrictAttachment(store: Store, id: string, roles: readonly CommitteeRole[]): void {
  store.run(`UPDATE attachments SET readers = ? WHERE id = ?`, [JSON.stringify(roles), id]);
}

/** Refuses a reader outside an attachment's readers (FORBIDDEN); an attachment without readers is open to everyone. */
function assertReader(store: Store, id: string, who: Reader): void {
  const readers = store.get<{ readers: string | null }>(`SELECT readers FROM attachments WHERE id = ?`, [id])?.readers ?? null;
  if (readers === null) return;
  const roles = JSON.parse(readers) as CommitteeRole[];
  if (!who || !holdsAnyRole(who, roles)) throw new AppError('FORBIDDEN', 'err.attachment.restricted', { id });
}

/** A photo's thumbnail or full image, or a document's bytes (a document has no thumbnail), for `who` (FORBIDDEN
 * outside the attachment's readers). */
export function readAttachment(store: Store, dir: string, id: string, size: 'thumb' | 'full', who: Reader): { mime: string; data: Buffer; fileName: string } {
  assertReader(store, id, who);
  return readStored(store, dir, id, size);
}

/** The bytes as stored, for the backend's own use (a photo embedded in a PDF). */
function readStored(store: Store, dir: string, id: string, size: 'thumb' | 'full'): { mime: string; data: Buffer; fileName: string } {
  const a = size === 'thumb' ? getImage(store, id, 'id') : getAttachment(store, id);
  const file = storedFile(dir, a, size === 'thumb');
  return { mime: size === 'thumb' ? 'image/webp' : a.mime, data: fs.readFileSync(file), fileName: nameOf(a) };
}

/** A stored photo or document as an output file the host delivers (save dialog / download) under its own name. */
export async function downloadAttachment(store: Store, dir: string, files: OutputFiles, id: string, who: Reader): Promise<FileRef> {
  assertReader(store, id, who);
  const a = getAttachment(store, id);
  const file = storedFile(dir, a, false);
  return writeOutputFile(files, nameOf(a), a.mime, (p) => fs.promises.copyFile(file, p));
}

/** JPEG for embedding in PDFs (pdfkit reads JPEG and PNG, not WebP), at most 1200 px. */
export async function photoAsJpeg(store: Store, dir: string, id: string): Promise<Buffer> {
  getImage(store, id, 'id');
  const { data } = readStored(store, dir, id, 'full');
  return (await loadSharp())(data).rotate().resize(1200, 1200, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
}
