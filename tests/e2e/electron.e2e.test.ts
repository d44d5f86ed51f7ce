// The real Electron app through playwright-core's _electron: the first-run wizard appears on a fresh data folder.
// Skipped, with the reason printed, where no Electron binary can start (as on the machines that only have the
// browser host); the browser-host journey in roster.e2e.test.ts covers the UI there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SHOTS_DIR, assertBuilt, tmpDataDir } from './fixtures';
import { SetupPage } from './pages';

const require = createRequire(import.meta.url);

/**
 * The Electron binary when one is installed and starts, else why not. require('electron') itself tries to download a
 * missing binary, so the package's path.txt and dist/ are looked at first: a test run never starts a download.
 */
function usableElectron(): { bin: string; reason: null } | { bin: null; reason: string } {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { bin: null, reason: 'the electron package is not installed' };
  }
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathTxt = path.join(pkgDir, 'path.txt');
    if (!fs.existsSync(pathTxt)) return { bin: null, reason: `no Electron binary in ${path.relative(REPO_ROOT, pkgDir)} (path.txt missing: its download did not happen)` };
    const expected = path.join(pkgDir, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
    if (!fs.existsSync(expected)) return { bin: null, reason: `the Electron binary is missing (${path.relative(REPO_ROOT, expected)})` };
  }
  let bin: unknown;
  try {
    bin = require('electron');
  } catch (e) {
    return { bin: null, reason: `require('electron') failed: ${(e as Error).message}` };
  }
  if (typeof bin !== 'string') return { bin: null, reason: "require('electron') did not return a path" };
  const r = spawnSync(bin, ['--version'], { timeout: 15_000, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (r.error || r.status !== 0) {
    return { bin: null, reason: `the Electron binary cannot start here (${bin} --version: ${r.error?.message ?? `exit ${r.status} ${String(r.stderr).trim()}`})` };
  }
  return { bin, reason: null };
}

const electron = usableElectron();
if (electron.reason) console.log(`[e2e] skipping the Electron test: ${electron.reason}`);

describe.skipIf(electron.bin === null)('Electron app', () => {
  let app: ElectronApplication | null = null;
  let dataDir: string | null = null;
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the first-run wizard on a fresh data folder', async () => {
    assertBuilt();
    dataDir = tmpDataDir('ankang-e2e-electron-');
    const args = ['.', '--data', dataDir];
    if (process.platform === 'linux' && (process.env.CI || process.getuid?.() === 0)) args.push('--no-sandbox'); // containers
    app = await _electron.launch({ executablePath: electron.bin!, args, cwd: REPO_ROOT, timeout: 60_000 });
    const page = await app.firstWindow();
    const setup = new SetupPage(page);
    await setup.waitUntilVisible();
    expect(await page.title()).toMatch(/安康|Ankang/);
    // the renderer talks to the backend over the preload bridge, not HTTP
    expect(await page.evaluate(() => typeof (globalThis as { ankang?: unknown }).ankang)).toBe('object');
    // …and the core answers from its own utility process (electron/utility), not from main
    const processes = await app.evaluate(({ app: a }) => a.getAppMetrics().map((m) => `${m.type}:${m.name ?? ''}`));
    expect(processes.some((p) => p.includes('Ankang core'))).toBe(true);
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, 'electron-setup.png') });
    expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);
  });
});
