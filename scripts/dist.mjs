// npm run dist: build, package with electron-builder (better-sqlite3 rebuilt for Electron in the
// beforePack hook), then rebuild better-sqlite3 for Node so the test suite keeps working.
import { root, run } from './ensure.mjs';
import path from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let code = run(process.execPath, ['scripts/build.mjs']);
if (code === 0) code = run(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
const restore = run(npm, ['rebuild', 'better-sqlite3']);
process.exit(code || restore);
