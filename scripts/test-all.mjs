// npm test — sets up what is missing, then: typecheck, lint, build, and every vitest project
// (node: unit/db/host/property; renderer: components in jsdom; e2e: Chromium through the browser host).
import fs from 'node:fs';
import path from 'node:path';
import { ensureNodeModules, ensureSystemPackages, root, run } from './ensure.mjs';

const t0 = Date.now();
ensureSystemPackages();
ensureNodeModules();

const node = process.execPath;
const bin = (p) => path.join(root, 'node_modules', p);
const step = (name, args) => {
  console.log(`\n> ${name}`);
  const code = run(node, args);
  if (code !== 0) {
    console.error(`\n✗ ${name} failed (exit ${code})`);
    console.log('0 passed, 1 failed');
    process.exit(code);
  }
};

step('typecheck (node side)', [bin('typescript/bin/tsc'), '-p', 'tsconfig.node.json', '--noEmit']);
step('typecheck (web side)', [bin('typescript/bin/tsc'), '-p', 'tsconfig.web.json', '--noEmit']);
step('lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0']);
step('build', ['scripts/build.mjs']);

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
