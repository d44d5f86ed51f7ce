// E2E fixtures: one browser-host child process per test file, on its own fresh temp data folder, plus Chromium
// driven by playwright-core. Nothing here waits on a clock: the host is ready when it prints its ready line, and the
// page objects wait on UI elements.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { demoUscc } from '../../electron/core/demo';
import { label, SetupPage, Shell, type EnterpriseData, type FirstOperator } from './pages';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST_BUNDLE = path.join(REPO_ROOT, 'out', 'browser-host', 'browser-host.cjs');
export const RENDERER_INDEX = path.join(REPO_ROOT, 'out', 'renderer', 'index.html');
export const SHOTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

const READY = /Ankang browser host ready: (http:\/\/127\.0\.0\.1:(\d+))\/#token=(\S+)/;
const READY_DEADLINE_MS = 30_000; // an upper bound on the ready signal, not a sleep

export function tmpDataDir(prefix = 'ankang-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface HostProcess {
  child: ChildProcess;
  dataDir: string;
  /** http://127.0.0.1:PORT/#token=TOKEN, exactly as printed */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** everything the host printed so far (stdout + stderr), for failure messages */
  output(): string;
  stop(): Promise<void>;
}

/** Fails with a clear message when the build this suite needs is missing. */
export function assertBuilt(): void {
  if (!fs.existsSync(HOST_BUNDLE) || !fs.existsSync(RENDERER_INDEX)) {
    throw new Error(`The app is not built (${path.relative(REPO_ROOT, HOST_BUNDLE)} or out/renderer/index.html missing). Run \`node scripts/build.mjs\` first (npm run test:e2e does).`);
  }
}

/** Fails — never skips — when Chromium is missing: CI is expected to have it. */
export function assertChromium(): void {
  if (!fs.existsSync(CHROME_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROME_PATH}. The e2e tests drive the system Chromium through playwright-core ` +
        '(`npx playwright install` is not used). Install it with `apt-get install -y chromium`, or point CHROME_PATH at a Chromium/Chrome binary.',
    );
  }
}

/** Starts `node out/browser-host/browser-host.cjs --data DIR --no-open --port 0` and resolves on its ready line. */
export async function startHost(dataDir: string = tmpDataDir()): Promise<HostProcess> {
  assertBuilt();
  const child = spawn(process.execPath, [HOST_BUNDLE, '--data', dataDir, '--no-open', '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ANKANG_DAILY_BACKUP: 'off' },
  });
  let out = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser host printed no ready line within ${READY_DEADLINE_MS / 1000}s. Output:\n${out}`));
    }, READY_DEADLINE_MS);
    rl.on('line', (line) => {
      out += `${line}\n`;
      const m = READY.exec(line);
      if (m) {
        clearTimeout(deadline);
        resolve(m);
      }
    });
    child.once('error', (e) => {
      clearTimeout(deadline);
      reject(e);
    });
    child.once('exit', (code, sig) => {
      clearTimeout(deadline);
      reject(new Error(`browser host exited before it was ready (code ${code}, signal ${sig}). Output:\n${out}`));
    });
  });

  return {
    child,
    dataDir,
    url: ready[0].slice(ready[0].indexOf('http')),
    origin: ready[1]!,
    port: Number(ready[2]),
    token: ready[3]!,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM'); // the host closes its server and the database on SIGTERM
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface E2E {
  host: HostProcess;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  /** Saves a full-page screenshot to test-results/e2e/<name>.png and returns its path. */
  shot(name: string): Promise<string>;
  /** Console errors and uncaught page errors seen so far. */
  pageErrors: string[];
}

/**
 * Registers beforeAll/afterAll for one test file: a fresh data folder, a browser host on it, Chromium and one page
 * opened on the host's URL (token in the fragment). The returned object is filled in by beforeAll.
 */
export function useE2E(opts: { viewport?: { width: number; height: number }; cleanShots?: boolean } = {}): E2E {
  const ctx = { pageErrors: [] as string[] } as E2E;
  let dataDir: string | null = null;

  beforeAll(async () => {
    assertBuilt();
    assertChromium();
    dataDir = tmpDataDir();
    ctx.dataDir = dataDir;
    ctx.host = await startHost(dataDir);
    ctx.browser = await launchChromium();
    ctx.context = await ctx.browser.newContext({
      viewport: opts.viewport ?? { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    ctx.context.setDefaultTimeout(15_000);
    ctx.page = await ctx.context.newPage();
    ctx.page.on('pageerror', (e) => ctx.pageErrors.push(`pageerror: ${e.message}`));
    ctx.page.on('console', (m) => {
      if (m.type() === 'error') ctx.pageErrors.push(`console: ${m.text()}`);
    });
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    if (opts.cleanShots) for (const f of fs.readdirSync(SHOTS_DIR)) if (/^(\d\d-|failed-).*\.png$/.test(f)) fs.rmSync(path.join(SHOTS_DIR, f));
    ctx.shot = async (name: string) => {
      const file = path.join(SHOTS_DIR, `${name}.png`);
      await ctx.page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      return file;
    };
    await ctx.page.goto(ctx.host.url);
  });

  afterAll(async () => {
    await ctx.browser?.close().catch(() => undefined);
    await ctx.host?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  return ctx;
}

/**
 * The browser host keeps one sign-in per tab (X-Ankang-Session). Tests that set the store up through the API act in
 * the session of the tab under test: they give the tab this key (sessionStorage 'ankang.tab') before it reloads.
 */
export const TAB = 'e2eTabUnderTest00000001';

/** One backend call with the host's token, in the tab-under-test's session, as the renderer makes it. */
export async function api<T>(host: HostProcess, channel: string, input: unknown = {}): Promise<T> {
  return apiIn<T>(host, TAB, channel, input);
}

/** One backend call in another tab's session (a second operator signed in elsewhere). */
export async function apiIn<T>(host: HostProcess, session: string, channel: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${host.origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': host.token, 'X-Ankang-Session': session },
    body: JSON.stringify({ channel, input }),
  });
  const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The enterprise every journey sets up in the first-run wizard (a valid USCC). */
export const ENTERPRISE: EnterpriseData = {
  name: '泰兴安康化工有限公司',
  uscc: demoUscc(),
  industry: '化学原料和化学制品制造业',
  address: '江苏省泰兴市沿江大道 88 号',
  headcount: 120,
};

/** The union chair most journeys make their first operator (no PIN). */
export const CHAIR: FirstOperator = { empNo: 'A0001', name: '王主席', gender: '男' };

/**
 * The first-run wizard on the page under test: ENTERPRISE, then `operator` as the first operator; resolves once the
 * shell shows them signed in.
 */
export async function completeFirstRun(page: Page, operator: FirstOperator = CHAIR): Promise<void> {
  const setup = new SetupPage(page);
  await setup.waitUntilVisible();
  await setup.fillEnterprise(ENTERPRISE);
  await setup.next();
  await setup.fillOperator(operator);
  await setup.finish();
  await new Shell(page).waitSignedIn(operator.name);
}

/** Signs the API helper's session (the tab under test) in as the first operator; returns the operators. */
export async function signInFirstOperator<O extends { id: string } = { id: string }>(host: HostProcess): Promise<O[]> {
  const ops = await api<O[]>(host, 'session.operators');
  await api(host, 'session.signIn', { operatorId: ops[0]!.id });
  return ops;
}

/** The wizard (completeFirstRun), then the API session signed in as that first operator, ready to seed data. */
export async function setUpSignedIn(app: E2E, operator: FirstOperator = CHAIR): Promise<void> {
  await completeFirstRun(app.page, operator);
  await signInFirstOperator(app.host);
}

/** Makes an org unit through the API (a workshop at the top by default) and returns its id. */
export async function createUnit(host: HostProcess, name: string, parentId: string | null = null, kind: 'workshop' | 'team' = parentId ? 'team' : 'workshop'): Promise<string> {
  return (await api<{ id: string }>(host, 'org.create', { kind, parentId, name })).id;
}

/** Adds workers (men, by employee number and name) to one org unit through the API. */
export async function createWorkers(host: HostProcess, orgUnitId: string, workers: readonly (readonly [empNo: string, name: string])[]): Promise<void> {
  for (const [empNo, name] of workers) await api(host, 'workers.create', { empNo, name, gender: 'M', orgUnitId });
}

/**
 * A congress vote on the agenda item's card, as the secretary records it: start the vote, enter the counts, record
 * them, announce (confirmed in the popconfirm); resolves with the card once the result is locked.
 */
export async function recordVote(page: Page, card: Locator, counts: { issued: number; yes: number; no: number; abstain: number }): Promise<Locator> {
  await card.getByRole('button', { name: label('开始表决') }).click();
  await card.getByRole('spinbutton', { name: '赞成' }).waitFor();
  for (const [k, v] of [['发出选票', counts.issued], ['赞成', counts.yes], ['反对', counts.no], ['弃权', counts.abstain]] as const) {
    await card.getByRole('spinbutton', { name: k }).fill(String(v));
  }
  await card.getByRole('button', { name: label('录入票数') }).click();
  await card.getByTestId('verdict').waitFor();
  await card.getByRole('button', { name: label('宣布结果') }).click();
  await page.locator('.ant-popconfirm').filter({ visible: true }).getByRole('button', { name: label('确定') }).click();
  await card.getByText('结果已宣布并锁定').waitFor();
  return card;
}

/**
 * The steps of a journey, each an `it` that builds on the ones before: once one fails the rest are skipped (the first
 * failure is the one to read) and the page is photographed as failed-<prefix><step>.png.
 */
export function journeySteps(app: E2E, prefix: string, timeoutMs?: number) {
  let brokenAt: string | null = null;
  return (name: string, fn: () => Promise<void> | void) =>
    it(
      name,
      async (ctx) => {
        if (brokenAt) ctx.skip(`an earlier step failed: ${brokenAt}`);
        try {
          await fn();
        } catch (e) {
          brokenAt = name;
          await app.shot(`failed-${prefix}${name.slice(0, 40).replace(/[^\w\u4e00-\u9fa5]+/g, '-')}`).catch(() => undefined);
          throw e;
        }
      },
      timeoutMs,
    );
}
