// Photo and document limits, shared by the backend (which enforces them) and the renderer (which states them in the picker and
// shrinks a big phone photo before upload).

/** The largest photo file accepted, in bytes. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** The most pixels a photo may have (width × height), read from its header before anything is decoded. */
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Photos are stored with their long edge at most this many pixels. */
export const STORED_LONG_EDGE = 2560;

export interface ShrinkPlan {
  /** false: send the file as it is */
  shrink: boolean;
  width: number;
  height: number;
}

/**
 * Whether the renderer should shrink a picked photo before upload, and to what size: anything the backend would store
 * smaller anyway (long edge above STORED_LONG_EDGE) or refuse (more than MAX_PHOTO_BYTES or MAX_PHOTO_PIXELS) is
 * drawn at most STORED_LONG_EDGE on its long edge and re-encoded as JPEG first. A small photo goes as it is.
 */
export function shrinkPlan(width: number, height: number, bytes: number): ShrinkPlan {
  const long = Math.max(width, height);
  if (!(width > 0 && height > 0)) return { shrink: false, width, height };
  // a large file of modest dimensions (e.g. a PNG screenshot) is re-encoded too, so it fits under the byte limit
  const tooBig = long > STORED_LONG_EDGE || bytes > MAX_PHOTO_BYTES || width * height > MAX_PHOTO_PIXELS;
  if (!tooBig) return { shrink: false, width, height };
  const scale = Math.min(1, STORED_LONG_EDGE / long);
  return { shrink: true, width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The image types stored as photos (what is kept is always JPEG; PNG and WebP from before are read as they are). */
export const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * Documents (agenda materials and the like), by extension: the file's content must say the same type. Stored as they
 * are, never opened or converted.
 */
export const DOCUMENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  txt: 'text/plain',
  csv: 'text/csv',
} as const;
export type DocumentExt = keyof typeof DOCUMENT_TYPES;
export type DocumentMime = (typeof DOCUMENT_TYPES)[DocumentExt];
export const DOCUMENT_MIMES = Object.values(DOCUMENT_TYPES) as DocumentMime[];

/** Every type the attachments table accepts (its CHECK list: tests/db/checks.test.ts keeps them equal). */
export const ATTACHMENT_MIMES: readonly string[] = [...PHOTO_MIMES, ...DOCUMENT_MIMES];

/** The largest document accepted, in bytes. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The `accept` of a file picker for documents or photos. */
export const DOCUMENT_ACCEPT = [...Object.keys(DOCUMENT_TYPES).map((e) => `.${e}`), ...PHOTO_MIMES].join(',');

/** Whether an attachment is a photo (may be shown, thumbnailed, linked as a photo and embedded in a PDF). */
export function isImageMime(mime: string): boolean {
  return (PHOTO_MIMES as readonly string[]).includes(mime);
}

/** The document type a file name's extension names, or null. */
export function documentExt(fileName: string): DocumentExt | null {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(fileName.trim());
  const ext = m?.[1]?.toLowerCase();
  return ext && Object.hasOwn(DOCUMENT_TYPES, ext) ? (ext as DocumentExt) : null;
}
