// Builds every side: node bundles with esbuild (main, preload, core process, browser host, CLI, bench) and the renderer with Vite.
// Usage: node scripts/build.mjs [--node-only] [--quiet]
import { build as esbuild } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const say = (m) => quiet || console.error(m);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};
const t0 = Date.now();
await Promise.all([
  // node_modules stay external: better-sqlite3 is native, and the packaged app ships its dependencies
  esbuild({ ...common, entryPoints: { 'main/main': 'electron/main/main.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, packages: 'external' }),
  // a sandboxed preload cannot require other files: bundle everything but electron itself
  esbuild({ ...common, entryPoints: { 'preload/preload': 'electron/preload/preload.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  // the core process the Electron main process forks (utilityProcess.fork), so a long job never freezes the window
  esbuild({ ...common, entryPoints: { 'utility/utility': 'electron/utility/main.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, packages: 'external' }),
  esbuild({ ...common, entryPoints: { 'browser-host/browser-host': 'electron/browser-host/main.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, packages: 'external' }),
  esbuild({ ...common, entryPoints: { 'cli/cli': 'electron/cli/cli.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, packages: 'external' }),
  esbuild({ ...common, entryPoints: { 'bench/bench': 'tests/bench/bench.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, packages: 'external' }),
]);
say(`node bundles built in ${Date.now() - t0} ms`);

if (!args.has('--node-only')) {
  const { build } = await import('vite');
  const t1 = Date.now();
  await build({ configFile: path.join(root, 'vite.config.mts'), logLevel: quiet ? 'silent' : 'warn' });
  say(`renderer built in ${Date.now() - t1} ms`);
}
