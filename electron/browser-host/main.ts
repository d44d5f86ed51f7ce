// npm run start:browser -- [--port N] [--data DIR] [--no-open]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { term } from '../../shared/glossary';
import type { Vars } from '../../shared/kernel/i18n';
import { AppError } from '../../shared/result';
import { Core } from '../core/core';
import { acquireLock } from '../core/lock';
import { dataPaths, resolveDataDir } from '../core/paths';
import { recoverWhenDamaged } from './recovery';
import { startBrowserHost } from './server';

const USAGE = 'usage: npm run start:browser -- [--port N] [--data DIR] [--no-open]';

function parse(argv: string[]) {
  let port = 0;
  let open = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--port') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0 || v > 65535) throw new Error('--port needs a number 0–65535');
      port = v;
    } else if (a === '--no-open') open = false;
    else if (a === '--data') i++;
    else if (a.startsWith('--data=')) continue;
    else throw new Error(`unknown argument ${a}`);
  }
  return { port, open };
}

function openBrowser(url: string) {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('（无法自动打开浏览器，请手动打开上面的地址 / open the address above in a browser）'));
    child.unref();
  } catch {
    /* printed URL is enough */
  }
}

async function main() {
  let opts: { port: number; open: boolean };
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const dataDir = resolveDataDir(process.argv.slice(2));
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`renderer not built (${rendererDir}); run npm run build`);
    process.exit(1);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  let release: () => void = () => undefined;
  let core: Core | null = null;
  let recovery: AppError | null = null;
  const words = (e: AppError) => {
    const vars = e.details as Vars | undefined;
    return `错误：${term(e.message, 'zh-CN', vars)}\nError: ${term(e.message, 'en', vars)}`;
  };
  try {
    release = acquireLock(dataPaths(dataDir).lock);
    core = await Core.open({ dataDir, host: 'browser' });
  } catch (e) {
    // a damaged, empty, foreign or tampered store: nothing was written to it; the host starts with the recovery page
    // (the newest backups, restore one) and keeps the folder's lock meanwhile
    if (e instanceof AppError && (e.details as { recoverable?: boolean } | undefined)?.recoverable) recovery = e;
    else {
      release();
      // the core refuses with message keys and parameters: words in both languages (the UI language is in the store)
      if (e instanceof AppError) console.error(words(e));
      else console.error(`错误 / Error: ${(e as Error).message}`);
      process.exit(1);
    }
  }
  const host = await startBrowserHost({
    core,
    rendererDir,
    port: opts.port,
    recovery: {
      dataDir,
      error: recovery?.toData() ?? { code: 'INTERNAL', message: 'err.internal' },
      open: () => Core.open({ dataDir, host: 'browser' }),
      onCore: (c) => {
        core = c;
        console.log('已从备份恢复，安康已打开 / restored from a backup; Ankang is open');
      },
    },
  });
  // a store that opened but fails its integrity check (run in the background, see Core.ready): nothing was written;
  // the host closes it and serves the recovery page from the next page load on
  if (core) {
    recoverWhenDamaged(core, host, (failure) => {
      core = null;
      console.error(words(failure));
      console.error('数据文件已损坏：请在浏览器中从备份恢复 / the data file is damaged: restore a backup in the browser');
    }).catch((e: unknown) => console.error(e));
  }
  if (recovery) {
    console.error(words(recovery));
    console.error('无法打开数据文件：请在浏览器中打开下面的地址，从备份恢复 / the data file cannot be opened: open the address below to restore a backup');
  }
  console.log(`Ankang browser host ready: ${host.url}`);
  console.log(`数据目录 / data folder: ${dataDir}`);
  if (opts.open) openBrowser(host.url);
  const stop = async () => {
    await host.close();
    core?.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
