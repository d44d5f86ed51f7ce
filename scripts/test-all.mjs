// npm test — sets up what is missing, then: typecheck, lint, build, and every vitest project
// (node: unit/db/host/property; renderer: components in jsdom; e2e: Chromium through the browser host).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureNodeModules, ensureSystemPackages, root } from './ensure.mjs';

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

// vitest in two processes at once: the node and component files (their output shown as it comes), and the end-to-end
// files one at a time (each starts its own host and Chromium; their output held and shown after)
fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
const vitest = (projects, report, quiet, workers) => {
  const args = [bin('vitest/vitest.mjs'), 'run', ...projects.flatMap((p) => ['--project', p]), '--maxWorkers', String(workers)];
  args.push('--reporter=default', '--reporter=json', `--outputFile.json=${report}`);
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const out = [];
    if (quiet) {
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => out.push(d));
    }
    child.on('close', (code) => resolve({ code: code ?? 1, text: Buffer.concat(out).toString() }));
  });
};
const reports = { unit: path.join(root, 'test-results', 'vitest-node-renderer.json'), e2e: path.join(root, 'test-results', 'vitest-e2e.json') };
console.log('\n> vitest: node and renderer here; e2e beside them, its output after');
// the node and component files take two workers: beside the e2e files while they run, then both cores
const [unit, e2e] = await Promise.all([vitest(['node', 'renderer'], reports.unit, false, 2), vitest(['e2e'], reports.e2e, true, 1)]);
fs.writeFileSync(path.join(root, 'test-results', 'e2e.log'), e2e.text);
console.log('\n> vitest e2e (ran beside the above)');
process.stdout.write(e2e.text);
const code = unit.code !== 0 ? unit.code : e2e.code;
let summary = '';
try {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of Object.values(reports)) {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  }
  summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
} catch {
  summary = code === 0 ? '' : '0 passed, 1 failed';
}
console.log(`\nall steps done in ${((Date.now() - t0) / 1000).toFixed(0)} s; screenshots in test-results/e2e/`);
if (summary) console.log(summary);
process.exit(code);
