// npm test — sets up what is missing, then: typecheck, lint, build, and every vitest project
// (node: unit/db/host/property; renderer: components in jsdom; e2e: Chromium through the browser host).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureNodeModules, ensureSystemPackages, root, run } from './ensure.mjs';

const t0 = Date.now();
ensureSystemPackages();
ensureNodeModules();

const node = process.execPath;
const bin = (p) => path.join(root, 'node_modules', p);

/** Runs a step with its output held back, so two steps at once do not interleave; resolves to its exit code. */
function runQuiet(name, args) {
  return new Promise((resolve) => {
    const t = Date.now();
    const child = spawn(node, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (e) => out.push(Buffer.from(String(e))));
    child.on('close', (code) => {
      console.log(`\n> ${name} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
      const text = Buffer.concat(out).toString();
      if (text.trim()) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      resolve(code ?? 1);
    });
  });
}

// the checks and the build, two at a time (this is a 2-core machine's pace): each one's output printed when it ends
const steps = [
  ['typecheck (node side)', [bin('typescript/bin/tsc'), '-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (web side)', [bin('typescript/bin/tsc'), '-p', 'tsconfig.web.json', '--noEmit']],
  ['lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0']],
  ['build', ['scripts/build.mjs']],
];
const failed = [];
const queue = [...steps];
await Promise.all(
  Array.from({ length: Math.min(2, os.availableParallelism?.() ?? 2) }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const code = await runQuiet(s[0], s[1]);
      if (code !== 0) failed.push(`${s[0]} (exit ${code})`);
    }
  }),
);
if (failed.length > 0) {
  console.error(`\n✗ failed: ${failed.join(', ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const report = path.join(root, 'test-results', 'vitest.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
console.log('\n> vitest (node, renderer, e2e)');
const code = run(node, [bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
let summary = '';
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + (r.numTodoTests ?? 0)} skipped`;
} catch {
  summary = code === 0 ? '' : '0 passed, 1 failed';
}
console.log(`\nall steps done in ${((Date.now() - t0) / 1000).toFixed(0)} s; screenshots in test-results/e2e/`);
if (summary) console.log(summary);
process.exit(code);
