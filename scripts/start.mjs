// npm start: install what is missing, build, then launch Electron when a binary can start here;
// otherwise say so in one line and start the browser host with the same arguments.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { ensureNodeModules, root, run } from './ensure.mjs';

ensureNodeModules();
if (run(process.execPath, ['scripts/build.mjs', '--quiet']) !== 0) process.exit(1);

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    // look before require('electron'): when its binary is missing that call tries to download it
    const pkgDir = path.dirname(require.resolve('electron/package.json'));
    const pathTxt = path.join(pkgDir, 'path.txt');
    if (!fs.existsSync(pathTxt) || !fs.existsSync(path.join(pkgDir, 'dist', fs.readFileSync(pathTxt, 'utf8').trim()))) return null;
    const bin = require('electron'); // the binary's path
    if (typeof bin !== 'string') return null;
    const r = spawnSync(bin, ['--version'], { timeout: 15000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    return r.status === 0 ? bin : null;
  } catch {
    return null;
  }
}

const bin = process.env.ANKANG_FORCE_BROWSER ? null : electronBinary();
const child = bin
  ? spawn(bin, [root, ...args], { stdio: 'inherit' })
  : (console.log('Electron 无法在此启动（没有可用的 Electron 程序），改用浏览器模式。 / Electron cannot start here (no usable binary); starting the browser host instead.'),
    spawn(process.execPath, [path.join(root, 'out/browser-host/browser-host.cjs'), ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
