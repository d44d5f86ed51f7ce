import { AppError } from '../../../shared/result';

/** Strict base64 → bytes (Buffer.from silently skips garbage). */
export function decodeBase64(s: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new AppError('BAD_FILE', 'err.file.encoding');
  return Buffer.from(s, 'base64');
}
