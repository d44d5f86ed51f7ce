import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Which live process holds the data folder, if any. */
export function lockHolder(lockFile: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** One app (Electron or browser host) per data folder. Stale locks of dead processes are taken over. */
export function acquireLock(lockFile: string): () => void {
  const holder = lockHolder(lockFile);
  if (holder) throw new AppError('CONFLICT', 'err.lock.held', { pid: holder });
  try {
    fs.writeFileSync(lockFile, String(process.pid));
  } catch (e) {
    // a read-only folder (or disk): say so in the user's language, and leave nothing behind
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('BAD_FILE', 'err.db.readOnly', { file: path.dirname(lockFile), problem: 'READ_ONLY' });
    if (code === 'ENOSPC') throw new AppError('INTERNAL', 'err.diskFull', { problem: 'DISK_FULL' });
    throw e;
  }
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}
