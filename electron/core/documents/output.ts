// An output file (export, document) written in place: allocate a path in the output folder, let the writer stream
// into it, register it with the host's file list when done, and leave nothing behind on failure or cancellation.
import fs from 'node:fs';
import path from 'node:path';
import type { FileRef } from '../../../shared/files';
import type { OutputFiles } from '../kernel/outputFiles';

export async function writeOutputFile(files: OutputFiles, fileName: string, mime: string, write: (filePath: string) => Promise<unknown>): Promise<FileRef> {
  const a = files.allocate(fileName);
  try {
    await write(a.path);
  } catch (e) {
    // allocate() made a folder of its own for this file: remove it with whatever the writer left
    await fs.promises.rm(path.dirname(a.path), { recursive: true, force: true });
    throw e;
  }
  return files.finish(a.id, a.path, fileName, mime);
}
