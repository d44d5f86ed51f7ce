// Shrinks a big photo in the page before upload (a phone's 12–50 MP JPEG of 5–15 MB), so it is neither refused as too
// large nor sent whole only to be shrunk by the backend. The decision is shrinkPlan (shared/attachments/rules.ts,
// tested under Node); the drawing needs a real browser (tests/e2e/photos.e2e.test.ts).
import { shrinkPlan } from '../../../../shared/attachments/rules';

/** Beyond this many pixels the page does not even try to decode the picture: the backend names the problem. */
const MAX_DECODE_PIXELS = 250_000_000;
const LOAD_TIMEOUT_MS = 15_000;

/** The picture's size as the browser shows it (EXIF orientation applied), without drawing it. */
function naturalSize(url: string): Promise<{ width: number; height: number } | null> {
  return new Promise((resolve) => {
    const img = new Image();
    const done = (v: { width: number; height: number } | null) => {
      clearTimeout(timer);
      img.onload = img.onerror = null;
      resolve(v);
    };
    const timer = setTimeout(() => done(null), LOAD_TIMEOUT_MS);
    img.onload = () => done({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => done(null);
    img.src = url;
  });
}

/** `name` with its extension replaced by .jpg ("IMG_0042.HEIC.png" → "IMG_0042.HEIC.jpg"; "粘贴" → "粘贴.jpg"). */
export function jpegName(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return `${base || 'photo'}.jpg`;
}

/**
 * The file to upload: the picked one, or — when shrinkPlan says so — the picture drawn at most 2,560 px on its long
 * edge as a JPEG (EXIF orientation applied; the new file carries no EXIF, so no GPS either). Anything the browser
 * cannot do (no canvas, an unreadable file) leaves the file as it is, for the backend to judge and explain.
 */
export async function shrinkForUpload(file: File): Promise<File> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file;
  const url = URL.createObjectURL(file);
  try {
    const size = await naturalSize(url);
    if (!size || size.width * size.height > MAX_DECODE_PIXELS) return file;
    const plan = shrinkPlan(size.width, size.height, file.size);
    if (!plan.shrink) return file;
    const img = new Image();
    img.src = url;
    await img.decode();
    const bitmap = await createImageBitmap(img, { resizeWidth: plan.width, resizeHeight: plan.height, resizeQuality: 'high' });
    const canvas = document.createElement('canvas');
    canvas.width = plan.width;
    canvas.height = plan.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      bitmap.close();
      return file;
    }
    // transparency (a PNG screenshot) on white, as the backend stores it
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, plan.width, plan.height);
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.88));
    if (!blob) return file;
    return new File([blob], jpegName(file.name || 'photo'), { type: 'image/jpeg', lastModified: file.lastModified });
  } catch {
    return file;
  } finally {
    URL.revokeObjectURL(url);
  }
}
