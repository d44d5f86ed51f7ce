// The Electron shell's decisions, under plain Node (Electron cannot start here): what app:// serves, DevTools and the
// menu in a packaged build, and the fuses electron-builder flips when packing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMenu, devToolsAllowed, resolveAppRequest } from '../../electron/main/policy';

let root: string;
let dir: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-policy-'));
  dir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets', 'nested'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), '');
  fs.writeFileSync(path.join(root, 'secret.sqlite'), 'x');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('app:// requests', () => {
  const r = (url: string) => resolveAppRequest(dir, url);

  it('serves the renderer’s files, and the app shell for routes', () => {
    expect(r('app://ankang/')).toEqual({ status: 200, file: path.join(dir, 'index.html') });
    expect(r('app://ankang/index.html')).toEqual({ status: 200, file: path.join(dir, 'index.html') });
    expect(r('app://ankang/assets/app.js')).toEqual({ status: 200, file: path.join(dir, 'assets', 'app.js') });
    expect(r('app://ankang/hazards')).toEqual({ status: 200, file: path.join(dir, 'index.html') });
    expect(r('app://ankang/assets/missing.js')).toEqual({ status: 404 });
  });

  it('refuses folders', () => {
    expect(r('app://ankang/assets')).toEqual({ status: 403 });
    expect(r('app://ankang/assets/')).toEqual({ status: 403 });
    expect(r('app://ankang/assets/nested/')).toEqual({ status: 403 });
    expect(r('app://ankang/assets/%2e')).toEqual({ status: 403 });
  });

  it('refuses paths out of the renderer folder, other hosts and other schemes', () => {
    for (const u of [
      'app://ankang/../secret.sqlite',
      'app://ankang/%2e%2e/secret.sqlite',
      'app://ankang/assets/%2e%2e%2f%2e%2e%2fsecret.sqlite',
      'app://ankang/..%5csecret.sqlite',
      'app://ankang/%00index.html',
      'app://ankang/%E0%A4%A',
      'app://evil/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const res = r(u);
      expect(res.status === 403 || (res.status === 200 && res.file.startsWith(dir + path.sep)) || res.status === 404, u).toBe(true);
      if (res.status === 200) expect(res.file.startsWith(dir + path.sep), u).toBe(true);
    }
    expect(r('app://evil/index.html')).toEqual({ status: 403 });
    expect(r('file:///etc/passwd')).toEqual({ status: 403 });
    expect(r('app://ankang/%00index.html')).toEqual({ status: 403 });
  });
});

describe('DevTools and the menu', () => {
  it('DevTools only in development', () => {
    expect(devToolsAllowed(false)).toBe(true);
    expect(devToolsAllowed(true)).toBe(false);
  });

  it('a packaged build has no default menu: none on Windows and Linux, only app and Edit on macOS', () => {
    expect(appMenu(false, 'win32')).toBe('default');
    expect(appMenu(true, 'win32')).toBeNull();
    expect(appMenu(true, 'linux')).toBeNull();
    const mac = appMenu(true, 'darwin');
    expect(Array.isArray(mac) && mac.map((m) => m.role)).toEqual(['appMenu', 'editMenu']);
    expect(JSON.stringify(mac)).not.toMatch(/toggleDevTools|reload|viewMenu/i);
  });
});

describe('packaging', () => {
  const yml = fs.readFileSync(path.join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8');
  const fuses = (() => {
    const m = /^electronFuses:\n((?:[ \t]+.*\n)+)/m.exec(yml);
    return Object.fromEntries(
      (m?.[1] ?? '')
        .split('\n')
        .map((l) => /^\s+(\w+):\s*(true|false)\s*$/.exec(l))
        .filter((x): x is RegExpExecArray => x !== null)
        .map((x) => [x[1], x[2] === 'true']),
    );
  })();

  it('flips the fuses: no file:// privileges, no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect, the app from the asar only', () => {
    expect(fuses).toMatchObject({
      grantFileProtocolExtraPrivileges: false,
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
