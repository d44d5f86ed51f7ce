// Static files of the built renderer: path-traversal guard, content types, and an in-memory cache of each file
// with its gzip and brotli forms (compressed once, off the event loop). Hashed assets (assets/<name>-<hash>.js)
// are cached by browsers for a year; index.html is revalidated every time (ETag → 304).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.map', '.txt', '.ico', '.ttf']);
/** Vite names built assets <name>-<8+ char hash>.<ext>: their content never changes under that name. */
const HASHED = /^assets\/(?:.+\/)?[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
/** files larger than this are streamed from disk, not cached */
const MAX_CACHED = 16 * 1024 * 1024;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Resolves a URL path inside root, or null when it would escape it. */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts among those we have (brotli, then gzip). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let br = false;
  let gzip = false;
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === 'x-gzip') gzip = true;
    else if (name === '*') {
      br = true;
      gzip = true;
    }
  }
  return br ? 'br' : gzip ? 'gzip' : 'identity';
}

export interface Asset {
  file: string;
  type: string;
  /** weak: the same ETag stands for every encoding of the file */
  etag: string;
  cacheControl: string;
  size: number;
  mtimeMs: number;
  identity: Buffer;
  /** filled in once compressed (off the event loop); until then the file goes out as it is */
  gzip: Buffer | null;
  br: Buffer | null;
  /** resolves when gzip and br are filled in (or found not worth it) */
  compressed: Promise<void>;
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** At most two compressions at a time, in the order asked (the first screen's files first). */
const queue: (() => Promise<void>)[] = [];
let active = 0;
function enqueue(job: () => Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    queue.push(() => job().finally(resolve));
    pump();
  });
}
function pump() {
  while (active < 2 && queue.length) {
    const job = queue.shift()!;
    active++;
    void job().finally(() => {
      active--;
      pump();
    });
  }
}

async function load(root: string, file: string, st: fs.Stats): Promise<Asset> {
  const identity = await fs.promises.readFile(file);
  const ext = path.extname(file).toLowerCase();
  const rel = path.relative(root, file).split(path.sep).join('/');
  const a: Asset = {
    file,
    type: MIME[ext] ?? 'application/octet-stream',
    etag: `W/"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`,
    cacheControl: HASHED.test(rel) ? IMMUTABLE : 'no-cache',
    size: st.size,
    mtimeMs: st.mtimeMs,
    identity,
    gzip: null,
    br: null,
    compressed: Promise.resolve(),
  };
  if (COMPRESSIBLE.has(ext) && identity.length >= 512) {
    // a cold start does not wait for compression: on loopback the plain bytes cost less than the wait
    a.compressed = enqueue(() =>
      Promise.all([
        gzip(identity, { level: 6 }),
        // quality 9: nearly the size of 11 at a twentieth of the time
        brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
      ]).then(
        ([gz, br]) => {
          if (gz.length < identity.length) a.gzip = gz;
          if (br.length < identity.length) a.br = br;
        },
        () => undefined,
      ),
    );
  }
  return a;
}

/** The renderer folder's files, read and compressed once, refreshed when a file changes on disk. */
export class StaticFiles {
  private cache = new Map<string, Promise<Asset | null>>();
  constructor(readonly root: string) {}

  /** Reads and compresses every file under assets/ and index.html in the background; resolves when all are done. */
  warm(): Promise<void> {
    const files: string[] = [path.join(this.root, 'index.html')];
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && !e.name.endsWith('.map')) files.push(p);
      }
    };
    walk(path.join(this.root, 'assets'));
    // what index.html loads first (its script, modulepreloads and styles), then everything else
    let shell = '';
    try {
      shell = fs.readFileSync(files[0]!, 'utf8');
    } catch {
      /* no shell yet */
    }
    const first = new Set([...shell.matchAll(/(?:src|href)="\.?\/?(assets\/[^"?#]+)"/g)].map((m) => path.join(this.root, m[1]!)));
    files.sort((x, y) => Number(first.has(y)) - Number(first.has(x)));
    return Promise.all(files.map(async (f) => (await this.get(f))?.compressed)).then(() => undefined);
  }

  /**
   * The asset for a file inside root (the caller resolved it with safeJoin), or null when it is missing, a folder
   * or too large to cache (then stream it). Hashed assets are never re-checked; other files are when changed on disk.
   */
  async get(file: string): Promise<Asset | null> {
    const cached = this.cache.get(file);
    if (cached) {
      const a = await cached;
      if (a && a.cacheControl === IMMUTABLE) return a;
      const st = await fs.promises.stat(file).catch(() => null);
      if (a && st && st.isFile() && st.mtimeMs === a.mtimeMs && st.size === a.size) return a;
      if (!a && !st) return null;
      this.cache.delete(file);
    }
    const p = (async () => {
      const st = await fs.promises.stat(file).catch(() => null);
      if (!st || !st.isFile() || st.size > MAX_CACHED) return null;
      return load(this.root, file, st).catch(() => null);
    })();
    this.cache.set(file, p);
    const a = await p;
    if (!a) this.cache.delete(file);
    return a;
  }
}
