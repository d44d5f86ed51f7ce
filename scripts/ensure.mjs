// Set-up steps shared by `npm start` and `npm test` so both work on a fresh clone:
// Node dependencies (npm ci when node_modules is missing or stale) and, for tests, Debian packages.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

export function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs - 1000;
  const native = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (stale || !fs.existsSync(native)) {
    console.log('> npm ci (installing dependencies; better-sqlite3 builds from source, ~1 min)');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    if (run(npm, ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed');
  }
}

export const CHROME_CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
export function chromePath() {
  return CHROME_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

const DEBIAN_PACKAGES = ['chromium', 'xvfb', 'fonts-noto-cjk', 'poppler-utils'];
/** End-to-end tests need Chromium, CJK fonts and poppler; install them on Debian when we may (root + apt-get). */
export function ensureSystemPackages() {
  const missing = [];
  if (!chromePath()) missing.push('chromium');
  if (!fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') && !fs.existsSync('/usr/share/fonts/opentype/noto')) missing.push('fonts-noto-cjk');
  if (!fs.existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils');
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.warn(`! missing system packages: ${missing.join(' ')} — install them (Debian: sudo apt-get install -y ${DEBIAN_PACKAGES.join(' ')}) or set CHROME_PATH`);
    return;
  }
  console.log(`> apt-get install ${DEBIAN_PACKAGES.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  if (run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...DEBIAN_PACKAGES], { env }) !== 0) {
    throw new Error('apt-get install failed');
  }
}
