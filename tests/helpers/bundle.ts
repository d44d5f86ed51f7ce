// Builds one Node entry the way scripts/build.mjs does (CommonJS, node20, dependencies external) into a private folder,
// so tests that run a real bundle in a child process never race another engineer's or test's build of out/.
import { build } from 'esbuild';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** A per-process scratch folder for bundles under node_modules/.cache. */
export function bundleDir(name: string): string {
  return path.join(REPO_ROOT, 'node_modules', '.cache', `ankang-${name}-${process.pid}`);
}

/** Bundles `entry` (repo-relative) as `<outdir>/<name>.cjs` and returns that path. */
export async function bundleNode(name: string, entry: string, outdir: string): Promise<string> {
  await build({
    entryPoints: { [name]: entry },
    absWorkingDir: REPO_ROOT,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  return path.join(outdir, `${name}.cjs`);
}
