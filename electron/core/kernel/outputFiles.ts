// Files a handler produces for the user (exports, PDFs). The core writes them to DATA/exports/<id>/<name>;
// the host delivers them (browser host: GET /api/file/<id> with the token, then deletes; Electron: a save
// dialog, then moves the file). Replies carry a small FileRef instead of megabytes of base64.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import type { FileRef } from '../../../shared/files';
import { log } from '../log';
import { uuidv7 } from '../util';

interface Entry extends FileRef {
  path: string;
  createdAt: number;
}

const MAX_AGE_MS = 60 * 60 * 1000;

export class OutputFiles {
  private entries = new Map<string, Entry>();
  constructor(private readonly dir: string) {}

  /** A fresh path for a file the caller will write; register it with finish() once written. */
  allocate(fileName: string): { id: string; path: string } {
    this.sweep();
    const id = uuidv7();
    const folder = path.join(this.dir, id);
    fs.mkdirSync(folder, { recursive: true });
    return { id, path: path.join(folder, safeName(fileName)) };
  }

  finish(id: string, filePath: string, fileName: string, mime: string): FileRef {
    const bytes = fs.statSync(filePath).size;
    const e: Entry = { fileId: id, fileName, mime, bytes, path: filePath, createdAt: Date.now() };
    this.entries.set(id, e);
    return { fileId: id, fileName, mime, bytes };
  }

  /** Writes a buffer as an output file in one step (small documents). */
  fromBuffer(fileName: string, mime: string, data: Buffer): FileRef {
    const a = this.allocate(fileName);
    fs.writeFileSync(a.path, data);
    return this.finish(a.id, a.path, fileName, mime);
  }

  /** The host takes the file: it must copy/move it and then call release(). */
  get(id: string): Entry {
    const e = typeof id === 'string' ? this.entries.get(id) : undefined;
    if (!e || !fs.existsSync(e.path)) throw new AppError('NOT_FOUND', 'err.file.gone');
    return e;
  }

  /** Never throws: a file still held open (antivirus, a slow reader on Windows) is left for the next sweep. */
  release(id: string): void {
    const e = this.entries.get(id);
    this.entries.delete(id);
    if (!e) return;
    try {
      fs.rmSync(path.dirname(e.path), { recursive: true, force: true, maxRetries: 3 });
    } catch (err) {
      log('warn', `output file ${id} could not be removed yet; the sweep retries`, err);
    }
  }

  /** Drops files nobody fetched within an hour, and leftovers of earlier runs. */
  sweep(now = Date.now()): void {
    for (const [id, e] of this.entries) if (now - e.createdAt > MAX_AGE_MS) this.release(id);
    if (!fs.existsSync(this.dir)) return;
    for (const name of fs.readdirSync(this.dir)) {
      if (this.entries.has(name)) continue;
      const p = path.join(this.dir, name);
      try {
        if (now - fs.statSync(p).mtimeMs > MAX_AGE_MS) fs.rmSync(p, { recursive: true, force: true });
      } catch {
        /* raced with another sweep */
      }
    }
  }

  releaseAll(): void {
    for (const id of [...this.entries.keys()]) this.release(id);
  }
}

/** A file name safe on Windows, macOS and Linux (keeps Chinese). */
export function safeName(name: string): string {
  // control characters are exactly what this strips
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 150);
  return cleaned || 'file';
}
