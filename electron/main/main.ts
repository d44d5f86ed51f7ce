// Electron main: a thin shell — life cycle, windows, security, native dialogs and the data-folder lock. The core
// runs in a utility process (electron/utility), so a long export or PDF never freezes a window; main relays each
// window's contract calls to it (after the sender-frame check), forwards progress and cancels, and saves the files
// the core produces where the user chooses.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, utilityProcess } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNEL_NAME_RE, type SaveOutcome } from '../../shared/bridge';
import { term } from '../../shared/glossary';
import type { Vars } from '../../shared/kernel/i18n';
import { AppError, type AppErrorData, type Result } from '../../shared/result';
import { CSP } from '../browser-host/web';
import { log } from '../core/log';
import { acquireLock } from '../core/lock';
import { recoveryDialog } from '../core/recovery';
import { dataPaths, resolveDataDir } from '../core/paths';
import { CoreClient, CoreProcessError, type RelayCallOptions } from '../utility/coreClient';
import { utilityProcessEndpoint } from '../utility/protocol';
import { appMenu, devToolsAllowed, resolveAppRequest } from './policy';
import { APP_ORIGIN, applySecurity, isAppUrl } from './security';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererDir = path.resolve(__dirname, '..', 'renderer');
const utilityEntry = path.resolve(__dirname, '..', 'utility', 'utility.cjs');
const TITLE = '安康 Ankang';
let dataDir = '';
let core: CoreClient | null = null;
let releaseLock: () => void = () => undefined;
let win: BrowserWindow | null = null;
/** calls that carry a call id, by `${webContentsId}:${callId}`, for cancel */
const jobs = new Map<string, AbortController>();
/** times of unexpected core exits, to stop restarting a core that keeps dying */
let crashes: number[] = [];
let quitting = false;
/** the start of a replacement core after a crash, while it runs */
let restarting: Promise<CoreClient> | null = null;

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
  app.on('will-quit', (e) => {
    // a core being restarted after a crash may be opening the store: wait for it, then close it, then the lock
    if (restarting && !quitting) {
      e.preventDefault();
      quitting = true;
      void restarting
        .then((c) => c?.shutdown())
        .catch(() => undefined)
        .finally(() => {
          releaseLock();
          app.quit();
        });
      return;
    }
    // let the core close the store (PRAGMA optimize, WAL checkpoint) before the lock goes
    if (core?.alive && !quitting) {
      e.preventDefault();
      quitting = true;
      void core.shutdown().finally(() => {
        releaseLock();
        app.quit();
      });
      return;
    }
    releaseLock();
  });
}

const isCallId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const err = (e: AppErrorData): Result<never> => ({ ok: false, error: e });

/**
 * Words for an error main shows itself, in both languages (the user's choice lives in the store main cannot read):
 * the backend sends message keys and parameters, translated through the shared catalog.
 */
function errorWords(e: AppErrorData): string {
  const vars = (e.details ?? {}) as Vars;
  if (e.message === 'err.core.startFailed' || e.message === 'err.core.exited') {
    const code = String(vars.exitCode ?? vars.signal ?? '—');
    return `后台进程无法运行（退出码 ${code}）。\nThe background process could not run (exit code ${code}).`;
  }
  const zh = term(e.message, 'zh-CN', vars);
  const en = term(e.message, 'en', vars);
  return zh === en ? zh : `${zh}\n${en}`;
}

/** Forks the core process on the data folder and waits until its store is open. */
async function startCore(extraArgs: string[] = []): Promise<CoreClient> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  // the PDF fonts ship as extra resources of the packaged app (electron/core/pdf/fonts.ts looks here first)
  if (app.isPackaged && !env.ANKANG_FONT_DIR) env.ANKANG_FONT_DIR = path.join(process.resourcesPath, 'fonts');
  const child = utilityProcess.fork(utilityEntry, ['--data', dataDir, ...extraArgs], { serviceName: 'Ankang core', stdio: 'inherit', env });
  const client = new CoreClient(utilityProcessEndpoint(child));
  await client.ready();
  client.onExit((e) => {
    if (!e.expected) void coreCrashed(client, e.code);
  });
  return client;
}

/** An unexpected exit: calls in flight already failed with err.core.exited; start a fresh core and reload. */
async function coreCrashed(dead: CoreClient, code: number | null) {
  if (core !== dead || quitting) return;
  log('error', `core process exited unexpectedly (code ${code})`);
  core = null;
  const now = Date.now();
  crashes = [...crashes.filter((t) => now - t < 60_000), now];
  if (crashes.length > 3) {
    dialog.showErrorBox(TITLE, `后台进程反复意外退出，应用将关闭。数据已保存在 ${dataDir}。\nThe background process keeps stopping; Ankang will close. Your data is in ${dataDir}.`);
    app.exit(1);
    return;
  }
  try {
    restarting = startCore();
    core = await restarting;
  } catch (e) {
    dialog.showErrorBox(TITLE, e instanceof CoreProcessError ? errorWords(e.data) : String(e));
    app.exit(1);
    return;
  }
  restarting = null;
  if (win && !win.isDestroyed()) {
    // sign-ins lived in the old process: start the page afresh (drafts are in the store)
    win.webContents.reload();
    void dialog.showMessageBox(win, {
      type: 'warning',
      title: TITLE,
      message: '后台进程意外退出，已重新启动，请重新登录。',
      detail: 'The background process stopped unexpectedly and was restarted. Please sign in again.',
    });
  }
}

/**
 * The store did not open (damaged, empty, foreign, tampered; nothing was written to it): offer the newest backups
 * (electron/core/recovery.ts decides what is offered). A chosen backup is restored by a core started with --restore,
 * after the same checks as `cli restore`; anything else rethrows the original failure (shown, then quit).
 */
async function offerRecovery(e: unknown): Promise<CoreClient> {
  if (!(e instanceof CoreProcessError)) throw e;
  const plan = recoveryDialog(e.data, dataDir, dataPaths(dataDir).backups);
  if (!plan) throw e;
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: TITLE,
    message: plan.message,
    detail: plan.detail,
    buttons: plan.buttons,
    cancelId: plan.cancelId,
    defaultId: plan.cancelId,
    noLink: true,
  });
  const file = plan.files[response] ?? null;
  if (!file) throw e;
  return startCore(['--restore', file]);
}

async function start() {
  // a packaged build has no default menu (reload, DevTools): see policy.ts
  const menu = appMenu(app.isPackaged, process.platform);
  if (menu !== 'default') Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
  dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  try {
    // the same data-folder lock as the browser host: one app per folder, and the CLI's restore waits for it
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireLock(dataPaths(dataDir).lock);
    core = await startCore().catch((e: unknown) => offerRecovery(e));
  } catch (e) {
    releaseLock();
    releaseLock = () => undefined;
    // the lock refuses with an AppError carrying a message key, the core process with CoreProcessError
    const data = e instanceof CoreProcessError ? e.data : e instanceof AppError ? e.toData() : null;
    dialog.showErrorBox(TITLE, data ? errorWords(data) : e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }

  // which file (if any) answers a request is decided in policy.ts (tested under Node): folders and paths out of the
  // renderer folder are refused
  protocol.handle('app', async (req) => {
    const r = resolveAppRequest(rendererDir, req.url);
    if (r.status === 403) return new Response('forbidden', { status: 403 });
    if (r.status === 404) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(r.file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(res.body, { status: res.status, headers });
  });

  ipcMain.handle('ankang:call', async (event, channel: unknown, input: unknown, callId: unknown) => {
    // only our own page, loaded from app://, may call the backend
    if (!isAppUrl(event.senderFrame?.url)) return err({ code: 'FORBIDDEN', message: 'sender not allowed' });
    if (typeof channel !== 'string' || !CHANNEL_NAME_RE.test(channel)) {
      return err({ code: 'UNKNOWN_CHANNEL', message: 'err.unknownChannel', details: { channel: typeof channel === 'string' ? channel.slice(0, 80) : `(${typeof channel})` } });
    }
    if (!core) return err({ code: 'INTERNAL', message: 'err.core.exited', details: { reason: 'core-restarting' } });
    const sender = event.sender;
    const opts: RelayCallOptions = {};
    let jobKey: string | null = null;
    if (isCallId(callId)) {
      jobKey = `${sender.id}:${callId}`;
      if (jobs.has(jobKey)) return err({ code: 'CONFLICT', message: 'call id in use' });
      const ac = new AbortController();
      jobs.set(jobKey, ac);
      opts.signal = ac.signal;
      opts.onProgress = (p) => {
        if (!sender.isDestroyed()) sender.send('ankang:progress', callId, p);
      };
    }
    try {
      return await core.call(channel, input, String(sender.id), opts);
    } finally {
      if (jobKey) jobs.delete(jobKey);
    }
  });

  ipcMain.on('ankang:cancel', (event, callId: unknown) => {
    if (!isAppUrl(event.senderFrame?.url) || !isCallId(callId)) return;
    jobs.get(`${event.sender.id}:${callId}`)?.abort();
  });

  ipcMain.handle('ankang:saveFile', async (event, fileId: unknown): Promise<Result<SaveOutcome>> => {
    if (!isAppUrl(event.senderFrame?.url)) return err({ code: 'FORBIDDEN', message: 'sender not allowed' });
    if (typeof fileId !== 'string' || fileId.length === 0 || fileId.length > 64) return err({ code: 'VALIDATION', message: 'bad file reference' });
    const client = core;
    if (!client) return err({ code: 'INTERNAL', message: 'err.core.exited', details: { reason: 'core-restarting' } });
    // name, type and place come from the core, never from the page
    const info = await client.fileInfo(fileId);
    if (!info.ok) return info;
    const { fileName, path: source } = info.value;
    const ext = path.extname(fileName).slice(1).toLowerCase();
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.SaveDialogOptions = {
      title: '保存文件 / Save file',
      defaultPath: path.join(app.getPath('downloads'), fileName),
      filters: ext ? [{ name: ext === 'xlsx' ? 'Excel 工作簿 / Excel workbook' : ext === 'pdf' ? 'PDF' : ext.toUpperCase(), extensions: [ext] }] : [],
    };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) {
      await client.releaseFile(fileId);
      return { ok: true, value: { saved: false } };
    }
    try {
      await fs.promises.copyFile(source, choice.filePath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      log('error', `saving ${fileName} to ${choice.filePath} failed`, e);
      // the file stays with the core: the user may try another place
      return err({ code: 'INTERNAL', message: 'err.file.saveFailed', details: { path: choice.filePath, cause: code } });
    }
    await client.releaseFile(fileId);
    return { ok: true, value: { saved: true, path: choice.filePath } };
  });

  win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: TITLE,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      // none in a packaged build (policy.ts); nor a menu that would open them
      devTools: devToolsAllowed(app.isPackaged),
    },
  });
  const id = win.webContents.id;
  win.on('closed', () => {
    for (const [k, ac] of jobs) if (k.startsWith(`${id}:`)) ac.abort();
    core?.endSession(String(id));
    win = null;
  });
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  log('info', `Ankang started, data folder ${dataDir}`);
}
