// The integrity warning at start, end to end: an audit entry is edited while Ankang is closed (the protective trigger
// dropped and put back with its exact text, so the store still opens), the browser host starts again, and after
// sign-in the shell warns, naming the entry, in Chinese and in English.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../shared/enterprise/uscc';
import { api, launchChromium, SHOTS_DIR, startHost, tmpDataDir, type HostProcess } from './fixtures';
import { Shell, SignInPage } from './pages';

const USCC = ((first17: string) => first17 + usccCheckChar(first17))('91321283MA1EN6L15');
const ADMIN = { empNo: 'A0001', name: '陆伟' };

describe('integrity warning at start (browser host + Chromium)', () => {
  const dataDir = tmpDataDir('ankang-e2e-integrity-');
  let host: HostProcess | null = null;
  let browser: Browser | null = null;
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('an audit entry edited while the app was closed is named in a warning after sign-in', async () => {
    host = await startHost(dataDir);
    await api(host, 'setup.init', {
      enterprise: { name: '泰州市完整性测试有限公司', uscc: USCC, headcount: 50 },
      operator: { empNo: ADMIN.empNo, name: ADMIN.name, gender: 'M', roles: ['union_officer'], pin: null },
    });
    for (const name of ['一车间', '二车间', '三车间']) await api(host, 'org.create', { kind: 'workshop', parentId: null, name });
    await host.stop();
    host = null;

    const db = new Database(path.join(dataDir, 'ankang.sqlite'));
    const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'`).pluck().get() as string;
    const target = db.prepare('SELECT seq, at FROM audit_log ORDER BY seq LIMIT 1 OFFSET 2').get() as { seq: number; at: string };
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare(`UPDATE audit_log SET actor_name = '伪造者' WHERE seq = ?`).run(target.seq);
    db.exec(sql);
    db.close();
    const when = target.at.slice(0, 19).replace('T', ' ');

    host = await startHost(dataDir);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    const page: Page = await context.newPage();
    await page.goto(host.url);
    const signIn = new SignInPage(page);
    await signIn.waitUntilVisible(ADMIN.name);
    await signIn.choose(ADMIN.name);
    await new Shell(page).waitSignedIn(ADMIN.name);

    const banner = page.getByTestId('integrity-banner');
    await banner.waitFor();
    await banner.getByText(`审计日志第 ${target.seq} 条（${when}）在写入后被改动过`).waitFor();
    await banner.getByText('数据完整性检查发现问题：记录可能在安康之外被改动过').waitFor();
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, 'integrity-01-warning-zh.png') });

    await page.getByRole('button', { name: 'language' }).click();
    await banner.getByText(`Audit entry #${target.seq} (${when}) was changed after it was written`).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'integrity-02-warning-en.png') });

    // dismissed, the page underneath is usable
    await banner.getByRole('button', { name: 'Close' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await page.getByTestId('integrity-banner').count()).toBe(0);
  }, 120_000);
});
