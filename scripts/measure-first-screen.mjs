// Measures the renderer's first screen from an existing build (it builds nothing: run `node scripts/build.mjs` first).
//
//  1. Bytes: the JS/CSS that out/renderer/index.html loads before anything else — its <script type="module">,
//     <link rel="modulepreload"> and stylesheets, plus every chunk those import statically (dynamic import() chunks
//     are lazy and not counted) — raw and gzipped.
//  2. Time (unless --no-browser): starts the browser host on a fresh temp data folder
//     (`node out/browser-host/browser-host.cjs --data DIR --no-open --port 0`), then, in Chromium driven by
//     playwright-core, measures navigation start → the first-run wizard visible, and, after the store is set up and
//     signed out through the API, navigation start → the sign-in screen (operator list) visible. Every run uses a new
//     browser context (empty cache). Also lists the JS/CSS the page actually fetched before the screen was visible.
//
// Usage: node scripts/measure-first-screen.mjs [--out out] [--runs 5] [--no-browser] [--json]
//   --out DIR  the build output folder holding renderer/ and browser-host/ (default: out); another folder (say, a
//              copy of an older build) compares builds — the host bundle there must find node_modules from it
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_INITIAL_GZIP = 300 * 1024;
const TARGET_FIRST_SCREEN_MS = 1000;
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function parseArgs(argv) {
  const o = { out: path.join(root, 'out'), runs: 5, browser: true, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') o.out = path.resolve(argv[++i] ?? '');
    else if (a === '--runs') {
      o.runs = Number(argv[++i]);
      if (!Number.isInteger(o.runs) || o.runs < 1 || o.runs > 50) fail('--runs needs a whole number 1–50');
    } else if (a === '--no-browser') o.browser = false;
    else if (a === '--json') o.json = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/measure-first-screen.mjs [--out out] [--runs 5] [--no-browser] [--json]');
      process.exit(0);
    } else fail(`unknown argument ${a}`);
  }
  o.dir = path.join(o.out, 'renderer');
  o.host = path.join(o.out, 'browser-host', 'browser-host.cjs');
  return o;
}

function fail(msg) {
  console.error(`measure-first-screen: ${msg}`);
  process.exit(2);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** index.html's directly loaded JS/CSS, relative to the renderer folder. */
function entryAssets(html) {
  const out = [];
  const attr = (tag, name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], 'src');
    if (src && /type\s*=\s*["']module["']/i.test(m[0])) out.push(src);
    else if (src) out.push(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase();
    const href = attr(m[0], 'href');
    if (href && (rel === 'modulepreload' || rel === 'stylesheet')) out.push(href);
  }
  return out;
}

/** Static imports of a built ES module chunk (`import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`). */
function staticImports(code) {
  const found = new Set();
  for (const m of code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) found.add(m[1]);
  return [...found];
}

function staticClosure(dir) {
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) fail(`${path.relative(root, indexFile)} not found: run \`node scripts/build.mjs\` first`);
  const html = fs.readFileSync(indexFile, 'utf8');
  const seen = new Map(); // absolute path → bytes
  const queue = entryAssets(html).map((u) => path.resolve(dir, u.replace(/^\//, './').split(/[?#]/)[0]));
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    if (!fs.existsSync(file)) fail(`index.html refers to ${path.relative(dir, file)}, which is not in ${dir}`);
    const buf = fs.readFileSync(file);
    seen.set(file, buf);
    if (file.endsWith('.js') || file.endsWith('.mjs')) for (const rel of staticImports(buf.toString('utf8'))) queue.push(path.resolve(path.dirname(file), rel));
  }
  return { html, files: [...seen].map(([file, buf]) => ({ file: path.relative(dir, file), raw: buf.length, gzip: gz(buf) })) };
}

function allAssets(dir) {
  const assets = path.join(dir, 'assets');
  if (!fs.existsSync(assets)) return [];
  return fs
    .readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const buf = fs.readFileSync(path.join(assets, f));
      return { file: `assets/${f}`, raw: buf.length, gzip: gz(buf) };
    });
}

const sum = (files, k) => files.reduce((s, f) => s + f[k], 0);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Starts the browser host (it serves the renderer/ beside its own folder) on dataDir; resolves on its ready line. */
async function startHost(bundle, dataDir) {
  if (!fs.existsSync(bundle)) fail(`${path.relative(root, bundle)} not found: run \`node scripts/build.mjs\` first`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [bundle, '--data', dataDir, '--no-open', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const m = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser host not ready within 30 s:\n${out}`));
    }, 30_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      out += `${line}\n`;
      const r = /Ankang browser host ready: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(line);
      if (r) {
        clearTimeout(timer);
        resolve(r);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited (code ${code}) before it was ready:\n${out}`));
    });
  });
  return {
    startupMs: performance.now() - t0,
    origin: m[1],
    token: m[2],
    url: `${m[1]}/#token=${m[2]}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const k = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(k);
      }
    },
  };
}

async function api(host, channel, input = {}) {
  const res = await fetch(`${host.origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': host.token },
    body: JSON.stringify({ channel, input }),
  });
  const r = await res.json();
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A valid unified social credit code (GB 32100 check character) from its first 17 characters. */
function uscc(first17) {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const s = [...first17].reduce((acc, c, i) => acc + chars.indexOf(c) * w[i], 0);
  return first17 + chars[(31 - (s % 31)) % 31];
}

/** In the page: performance.now() (ms since navigation start) once the screen is visible, else false. */
function visibleProbe(which) {
  /* global document -- runs in the page (page.waitForFunction), not in Node */
  const shown = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  if (which === 'setup') {
    // the wizard's steps and its first form field
    const steps = document.querySelector('.ant-steps');
    return shown(steps) && shown(document.querySelector('form input')) ? performance.now() : false;
  }
  // an operator's sign-in button (aria-label "登录 <name>" / "Sign in <name>")
  const btn = [...document.querySelectorAll('button[aria-label]')].find((b) => /^(登录|Sign in) /.test(b.getAttribute('aria-label')));
  return shown(btn) ? performance.now() : false;
}

async function timeScreen(browser, host, which, runs, dir) {
  const times = [];
  let fetched = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const loaded = [];
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (/\.(js|css)$/.test(u.pathname)) loaded.push(u.pathname);
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(visibleProbe, which, { polling: 'raf', timeout: 30_000 }).catch(async (e) => {
      throw new Error(`${which} screen not visible: ${e.message}${errors.length ? `\npage errors: ${errors.join('; ')}` : ''}`);
    });
    times.push(await handle.jsonValue());
    if (i === 0) fetched = [...new Set(loaded)];
    await context.close();
  }
  const files = fetched.map((p) => {
    const f = path.join(dir, p.replace(/^\//, ''));
    const buf = fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0);
    return { file: p.replace(/^\//, ''), raw: buf.length, gzip: gz(buf) };
  });
  return { times, median: median(times), files };
}

async function measureBrowser(dir, hostBundle, runs) {
  if (!fs.existsSync(CHROME)) fail(`Chromium not found at ${CHROME} (set CHROME_PATH, or pass --no-browser)`);
  const { chromium } = await import('playwright-core');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-first-screen-'));
  let host = null;
  let browser = null;
  try {
    host = await startHost(hostBundle, dataDir);
    browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
    const setup = await timeScreen(browser, host, 'setup', runs, dir);
    await api(host, 'setup.init', {
      enterprise: { name: '首屏测量有限公司', uscc: uscc('91321200MA1XXXXX0'), headcount: 10 },
      operator: { empNo: 'M0001', name: '测量员', gender: 'M', roles: ['union_officer'], pin: null },
    });
    await api(host, 'session.signOut');
    const signin = await timeScreen(browser, host, 'signin', runs, dir);
    return { hostStartupMs: host.startupMs, setup, signin };
  } finally {
    await browser?.close().catch(() => undefined);
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const opts = parseArgs(process.argv.slice(2));
const initial = staticClosure(opts.dir);
const all = allAssets(opts.dir);
const initialGzip = sum(initial.files, 'gzip');
const result = {
  dir: path.relative(root, opts.dir) || '.',
  initial: { files: initial.files, raw: sum(initial.files, 'raw'), gzip: initialGzip },
  all: { count: all.length, raw: sum(all, 'raw'), gzip: sum(all, 'gzip') },
  browser: opts.browser ? await measureBrowser(opts.dir, opts.host, opts.runs) : null,
};

if (opts.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const ok = (good) => (good ? 'OK  ' : 'OVER');
  console.log(`First screen of ${result.dir} (gzip level 9)`);
  console.log('\nLoaded by index.html before sign-in (entry + static imports):');
  for (const f of initial.files) console.log(`  ${f.file.padEnd(48)} ${kb(f.raw).padStart(11)} raw ${kb(f.gzip).padStart(10)} gzip`);
  console.log(`  ${'total'.padEnd(48)} ${kb(result.initial.raw).padStart(11)} raw ${kb(initialGzip).padStart(10)} gzip   target ≤ ${kb(TARGET_INITIAL_GZIP)} gzip  ${ok(initialGzip <= TARGET_INITIAL_GZIP)}`);
  console.log(`  all JS/CSS in the build: ${all.length} files, ${kb(result.all.raw)} raw, ${kb(result.all.gzip)} gzip`);
  const b = result.browser;
  if (b) {
    console.log(`\nBrowser host on a fresh data folder: process start → ready line ${b.hostStartupMs.toFixed(0)} ms`);
    for (const [name, r] of [
      ['first-run wizard', b.setup],
      ['sign-in screen', b.signin],
    ]) {
      console.log(
        `  navigation → ${name} visible: median ${r.median.toFixed(0)} ms, best ${Math.min(...r.times).toFixed(0)} ms over ${r.times.length} cold runs (${r.times.map((t) => t.toFixed(0)).join(', ')})   target ≤ ${TARGET_FIRST_SCREEN_MS} ms  ${ok(r.median <= TARGET_FIRST_SCREEN_MS)}`,
      );
      console.log(`    JS/CSS fetched before it was visible: ${r.files.length} files, ${kb(sum(r.files, 'raw'))} raw, ${kb(sum(r.files, 'gzip'))} gzip`);
    }
  }
}
