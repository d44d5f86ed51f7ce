// Backup and restore in a real Chromium against a real browser host (issue 7): the settings page makes a backup,
// restores it after a confirmation (the app reloads to the sign-in screen), the About box; and a host whose store is
// damaged starts with the recovery page, restores a backup from it and opens the app.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../shared/enterprise/uscc';
import { api, SHOTS_DIR, startHost, TAB, tmpDataDir, useE2E, type HostProcess } from './fixtures';
import { SetupPage, Shell, SignInPage } from './pages';

const USCC = ((first17: string) => first17 + usccCheckChar(first17))('91321283MA1BACK05');

describe('backup and restore (browser host + Chromium)', () => {
  const app = useE2E();
  let recoveryHost: HostProcess | null = null;
  let recoveryDir: string | null = null;
  afterAll(async () => {
    await recoveryHost?.stop();
    if (recoveryDir) fs.rmSync(recoveryDir, { recursive: true, force: true });
  });

  it('settings: back up now, restore it after a confirmation, sign in again to the data of the backup', async () => {
    await new SetupPage(app.page).waitUntilVisible();
    await api(app.host, 'setup.init', {
      enterprise: { name: '泰州备份测试有限公司', uscc: USCC, headcount: 50 },
      operator: { empNo: 'B0001', name: '包主席', gender: 'M', roles: ['union_officer'], pin: null },
    });
    await app.page.evaluate((k) => (globalThis as unknown as { sessionStorage: { setItem(a: string, b: string): void } }).sessionStorage.setItem('ankang.tab', k), TAB);
    await app.page.reload();
    const shell = new Shell(app.page);
    await shell.waitSignedIn('包主席');
    await shell.go('设置');
    const panel = app.page.getByTestId('backup-panel');
    await panel.getByText('还没有备份').waitFor();
    await panel.getByRole('button', { name: /立即备份/ }).click();
    const row = panel.locator('tr').filter({ hasText: /ankang-\d{8}-\d{6}\.sqlite/ });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await row.getByText('泰州备份测试有限公司').waitFor();
    await app.page.getByTestId('about-box').getByText(app.dataDir).waitFor();
    // a worker added after the backup: the restore takes it away
    await api(app.host, 'workers.create', { empNo: 'LATE1', name: '后来者', gender: 'F' });
    await app.shot('backup-01-settings');

    await row.getByRole('button', { name: /^恢复 ankang-/ }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByText(/将用备份 ankang-/).waitFor();
    expect(await dialog.textContent()).toContain(path.join(app.dataDir, 'ankang.sqlite'));
    await app.shot('backup-02-confirm');
    await dialog.getByRole('button', { name: /恢复此备份/ }).click();

    // the page reloads; everyone signs in again
    const signIn = new SignInPage(app.page);
    await signIn.waitUntilVisible('包主席');
    await app.shot('backup-03-after-restore-sign-in');
    await signIn.choose('包主席');
    await shell.waitSignedIn('包主席');
    const list = await api<{ rows: { empNo: string }[] }>(app.host, 'workers.list', {}).catch(async () => {
      // the API helper's session was signed out by the restore too
      const ops = await api<{ id: string }[]>(app.host, 'session.operators');
      await api(app.host, 'session.signIn', { operatorId: ops[0]!.id });
      return api<{ rows: { empNo: string }[] }>(app.host, 'workers.list', {});
    });
    expect(list.rows.map((w) => w.empNo)).toEqual(['B0001']);
    expect(fs.readdirSync(app.dataDir).some((f) => f.startsWith('ankang.sqlite.before-restore-'))).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  it('a damaged store: the host starts with the recovery page, restores a backup from it and opens the app', async () => {
    recoveryDir = tmpDataDir();
    const backups = path.join(recoveryDir, 'backups');
    fs.mkdirSync(backups);
    const made = fs.readdirSync(path.join(app.dataDir, 'backups')).find((f) => /^ankang-\d{8}-\d{6}\.sqlite$/.test(f))!;
    fs.copyFileSync(path.join(app.dataDir, 'backups', made), path.join(backups, made));
    // the store: half of a good file (truncated by a failing disk)
    const buf = fs.readFileSync(path.join(backups, made));
    fs.writeFileSync(path.join(recoveryDir, 'ankang.sqlite'), buf.subarray(0, Math.floor(buf.length / 2)));

    recoveryHost = await startHost(recoveryDir);
    expect(recoveryHost.output()).toMatch(/无法打开数据文件/);
    const page = await app.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(recoveryHost.url);
    await page.getByRole('heading', { name: /安康无法打开数据文件/ }).waitFor();
    await page.getByText(made).waitFor();
    await page.getByText('泰州备份测试有限公司').waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'backup-04-recovery-page.png'), fullPage: true });

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /恢复此备份/ }).click();
    await page.getByText(/已恢复/).waitFor();
    // it reloads into the app: the sign-in screen of the restored store
    const signIn = new SignInPage(page);
    await signIn.waitUntilVisible('包主席');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'backup-05-recovered-sign-in.png'), fullPage: true });
    expect(fs.readdirSync(recoveryDir).some((f) => f.startsWith('ankang.sqlite.before-restore-'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
