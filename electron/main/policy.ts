// Decisions of the Electron shell, as pure functions that run under plain Node (Electron cannot start in the test
// environment): which file an app:// request is served, whether DevTools are allowed, and which menu the window gets.
import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { safeJoin } from '../browser-host/web';

export const APP_HOST = 'ankang';

export type AppRequest = { status: 200; file: string } | { status: 403 } | { status: 404 };

interface FsLike {
  statSync(p: string): { isFile(): boolean };
}

/** stat that answers null for a missing file (plain statSync: the asar archive's fs supports it in every version) */
function statOrNull(fsx: FsLike, p: string): { isFile(): boolean } | null {
  try {
    return fsx.statSync(p);
  } catch {
    return null;
  }
}

/**
 * The file an app:// request is answered with. Only app://ankang/…; the path must stay inside the renderer folder
 * (encoded dots and slashes, NUL and absolute paths are refused); a folder is refused, never listed or
 * guessed into; a missing file with an extension is a 404, a missing route without one is the app shell (index.html).
 */
export function resolveAppRequest(rendererDir: string, url: string, fsx: FsLike = fs): AppRequest {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 403 };
  }
  if (u.protocol !== 'app:' || u.host !== APP_HOST) return { status: 403 };
  // safeJoin decodes once and normalises; anything that would leave the folder is null
  const file = safeJoin(rendererDir, u.pathname === '/' ? '/index.html' : u.pathname);
  if (!file) return { status: 403 };
  const st = statOrNull(fsx, file);
  if (!st) {
    if (path.extname(file)) return { status: 404 };
    return { status: 200, file: path.join(rendererDir, 'index.html') };
  }
  if (!st.isFile()) return { status: 403 };
  return { status: 200, file };
}

/** DevTools only in development (an unpackaged run): a packaged build has none, by window option and by menu. */
export function devToolsAllowed(isPackaged: boolean): boolean {
  return !isPackaged;
}

/**
 * The application menu. In development: Electron's default (with reload and DevTools). In a packaged build: none on
 * Windows and Linux (the window needs no menu; copy and paste work without one); on macOS, where copy, paste and quit
 * shortcuts live in the menu, only the app and Edit menus — no View menu, so no reload and no DevTools.
 */
export function appMenu(isPackaged: boolean, platform: NodeJS.Platform): 'default' | null | MenuItemConstructorOptions[] {
  if (!isPackaged) return 'default';
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }];
}
