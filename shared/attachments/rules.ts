// Photo limits, shared by the backend (which enforces them) and the renderer (which states them in the picker and
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
