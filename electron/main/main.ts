// Electron main: a thin shell around the backend core — life cycle, one window, security, IPC from the contract.
import { app, BrowserWindow, ipcMain, net, protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../shared/result';
import { CSP, safeJoin } from '../browser-host/server';
import { Core, type Session } from '../core/core';
import { log } from '../core/log';
import { acquireLock } from '../core/lock';
import { dataPaths, resolveDataDir } from '../core/paths';
import { APP_ORIGIN, applySecurity, isAppUrl } from './security';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererDir = path.resolve(__dirname, '..', 'renderer');
let core: Core | null = null;
let releaseLock: () => void = () => undefined;
let win: BrowserWindow | null = null;
const sessions = new Map<number, Session>(); // webContents id → session

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  applySecurity();
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
    releaseLock();
  });
}

async function start() {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  try {
    // the same data-folder lock as the browser host: one app per folder, and the CLI's restore waits for it
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireLock(dataPaths(dataDir).lock);
    core = await Core.open({ dataDir, host: 'electron' });
  } catch (e) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('安康 Ankang', e instanceof AppError ? e.message : String(e));
    app.exit(1);
    return;
  }

  protocol.handle('app', async (req) => {
    const url = new URL(req.url);
    if (url.host !== 'ankang') return new Response('forbidden', { status: 403 });
    let file = safeJoin(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return new Response('forbidden', { status: 403 });
    if (!fs.existsSync(file)) {
      if (path.extname(file)) return new Response('not found', { status: 404 });
      file = path.join(rendererDir, 'index.html');
    }
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(res.body, { status: res.status, headers });
  });

  ipcMain.handle('ankang:call', async (event, channel: unknown, input: unknown) => {
    // only our own page, loaded from app://, may call the backend
    if (!isAppUrl(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'sender not allowed' } };
    }
    if (!core) return { ok: false, error: { code: 'INTERNAL', message: 'store not open' } };
    let s = sessions.get(event.sender.id);
    if (!s) {
      s = { operatorId: null };
      sessions.set(event.sender.id, s);
    }
    return core.dispatch(channel, input, s);
  });

  win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '安康 Ankang',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const id = win.webContents.id;
  win.on('closed', () => {
    sessions.delete(id);
    win = null;
  });
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  log('info', `Ankang started, data folder ${dataDir}`);
}
