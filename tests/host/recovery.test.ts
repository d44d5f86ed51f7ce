// A bad store at start (issue 7, item 3): the browser host serves a recovery page instead of the app, restores a
// backup through the same checks as `cli restore`, then opens the core; the desktop dialog's decision (recovery.ts).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recoverWhenDamaged } from '../../electron/browser-host/recovery';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { backupTo } from '../../electron/core/backup';
import { Core } from '../../electron/core/core';
import { recoveryDialog } from '../../electron/core/recovery';
import { AppError } from '../../shared/result';
import { openTestCore, tmpDir } from '../helpers/core';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** A data folder whose store is damaged, with one good backup (and a junk one) in its backups folder. */
async function brokenDataDir(): Promise<{ dir: string; good: string; error: AppError }> {
  const tc = await openTestCore();
  await tc.call('workers.create', { empNo: 'R1', name: '恢复', gender: 'M' });
  const dir = tmpDir('ankang-recover-');
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const good = path.join(dir, 'backups', 'ankang-20260301-120000.sqlite');
  await backupTo(tc.core.store.db, good);
  tc.close();
  fs.writeFileSync(path.join(dir, 'backups', 'ankang-20260302-120000.sqlite'), 'junk');
  const buf = fs.readFileSync(good);
  fs.writeFileSync(path.join(dir, 'ankang.sqlite'), buf.subarray(0, Math.floor(buf.length / 2)));
  let error: AppError | null = null;
  try {
    (await Core.open({ dataDir: dir, host: 'browser' })).close();
  } catch (e) {
    error = e as AppError;
  }
  expect(error).toBeInstanceOf(AppError);
  return { dir, good, error: error! };
}

describe('browser host recovery page', () => {
  it('serves the problem and the backups, refuses without the token, restores with it and then serves the app', async () => {
    const { dir, error } = await brokenDataDir();
    const rendererDir = tmpDir('ankang-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>安康 app</title>');
    let opened: Core | null = null;
    const host: BrowserHost = await startBrowserHost({
      core: null,
      rendererDir,
      recovery: { dataDir: dir, error: error.toData(), open: () => Core.open({ dataDir: dir, host: 'browser' }), onCore: (c) => (opened = c) },
    });
    cleanup.push(() => fs.rmSync(rendererDir, { recursive: true, force: true }));
    cleanup.push(async () => {
      await host.close();
      opened?.close();
    });

    const page = await (await fetch(`${host.origin}/`)).text();
    expect(page).toContain('安康无法打开数据文件');
    expect(page).toContain('Ankang cannot open its data file');
    expect(page).toContain('ankang-20260301-120000.sqlite');
    expect(page).toContain('测试化工有限公司');
    expect(page).toContain('不是 SQLite 数据库文件'); // the junk backup says why it would not restore
    expect(page).not.toMatch(/SQLITE_|malformed/);
    // a damaged file fails every check the same way: said once
    expect(page.match(/数据库文件已损坏/g)).toHaveLength(1);
    expect((await fetch(`${host.origin}/recover.js`)).headers.get('content-type')).toMatch(/javascript/);
    // the app's API waits
    const call = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': host.token }, body: '{"channel":"app.info"}' });
    expect(call.status).toBe(503);

    const recover = (name: string, token = host.token, origin?: string) =>
      fetch(`${host.origin}/api/recover`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': token, ...(origin ? { Origin: origin } : {}) },
        body: JSON.stringify({ name }),
      });
    expect((await recover('ankang-20260301-120000.sqlite', 'x'.repeat(host.token.length))).status).toBe(401);
    expect((await recover('ankang-20260301-120000.sqlite', host.token, 'http://evil.example')).status).toBe(403);
    const traversal = (await (await recover('../ankang.sqlite')).json()) as { ok: boolean; error: { message: string } };
    expect(traversal).toMatchObject({ ok: false, error: { message: 'err.validation' } });
    const junk = (await (await recover('ankang-20260302-120000.sqlite')).json()) as { ok: boolean; error: { message: string; text: string } };
    expect(junk.ok).toBe(false);
    expect(junk.error.text).toContain('不是 SQLite 数据库文件');

    const ok = (await (await recover('ankang-20260301-120000.sqlite')).json()) as { ok: boolean; value: { workers: number; message: string } };
    expect(ok).toMatchObject({ ok: true, value: { workers: 2 } });
    expect(ok.value.message).toContain('已恢复');
    expect(opened).not.toBeNull();
    // now the app: its shell and its API
    expect(await (await fetch(`${host.origin}/`)).text()).toContain('安康 app');
    const info = (await (await fetch(`${host.origin}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': host.token }, body: '{"channel":"app.info","input":{}}' })).json()) as {
      ok: boolean;
      value: { initialized: boolean };
    };
    expect(info).toMatchObject({ ok: true, value: { initialized: true } });
    // the damaged store is kept aside
    expect(fs.readdirSync(dir).some((f) => f.startsWith('ankang.sqlite.before-restore-'))).toBe(true);
  });
});

describe('a store damaged beyond what opening sees', () => {
  it('opens at once, fails its background check, and the host switches to the recovery page; the API says storeFailed', async () => {
    const tc = await openTestCore();
    for (let i = 0; i < 400; i++) await tc.call('workers.create', { empNo: `D${i}`, name: `职工${i}`, gender: 'M', post: '岗位'.repeat(20) });
    const dir = tmpDir('ankang-recover-late-');
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    await backupTo(tc.core.store.db, path.join(dir, 'backups', 'ankang-20260301-120000.sqlite'));
    const file = path.join(dir, 'ankang.sqlite');
    await backupTo(tc.core.store.db, file);
    tc.close();
    // scribble over the cells of some of the workers table's leaf pages: the schema still reads, quick_check fails
    const probe = new Database(file, { readonly: true });
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const leaves = probe.prepare(`SELECT pageno FROM dbstat WHERE name = 'workers' AND pagetype = 'leaf'`).pluck().all() as number[];
    probe.close();
    const buf = fs.readFileSync(file);
    for (const p of leaves.slice(1, 4)) for (let i = (p - 1) * pageSize + 200; i < p * pageSize - 8; i++) buf[i] = (i * 131) % 251;
    fs.writeFileSync(file, buf);

    const core = await Core.open({ dataDir: dir, host: 'browser' });
    const rendererDir = tmpDir('ankang-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>安康 app</title>');
    let opened: Core | null = null;
    const host = await startBrowserHost({
      core,
      rendererDir,
      recovery: { dataDir: dir, error: { code: 'INTERNAL', message: 'err.internal' }, open: () => Core.open({ dataDir: dir, host: 'browser' }), onCore: (c) => (opened = c) },
    });
    cleanup.push(() => fs.rmSync(rendererDir, { recursive: true, force: true }));
    cleanup.push(async () => {
      await host.close();
      opened?.close();
    });
    let closed = false;
    const failure = await recoverWhenDamaged(core, host, () => (closed = true));
    expect(failure?.message).toBe('err.db.integrity');
    expect(closed).toBe(true);
    const page = await (await fetch(`${host.origin}/`)).text();
    expect(page).toContain('安康无法打开数据文件');
    expect(page).toContain('ankang-20260301-120000.sqlite');
    const api = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ankang-Token': host.token }, body: '{"channel":"app.info","input":{}}' });
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: 'err.db.integrity', details: { storeFailed: true, recoverable: true } } });
  });

  it('a sound store is left alone', async () => {
    const tc = await openTestCore();
    cleanup.push(() => tc.close());
    let entered = false;
    expect(await recoverWhenDamaged(tc.core, { enterRecovery: () => (entered = true) }, () => undefined)).toBeNull();
    expect(entered).toBe(false);
    expect(await tc.call('app.info')).toMatchObject({ initialized: true });
  });
});

describe('desktop recovery dialog (decision part)', () => {
  it('offers the newest backups as buttons, then Quit; each button names the file it restores', async () => {
    const { dir, error } = await brokenDataDir();
    const plan = recoveryDialog(error.toData(), dir, path.join(dir, 'backups'))!;
    expect(plan.message).toContain('安康无法打开数据文件');
    expect(plan.message).toContain('Ankang cannot open its data file');
    expect(plan.buttons).toHaveLength(3);
    expect(plan.buttons[0]).toContain('ankang-20260302-120000');
    expect(plan.buttons[2]).toContain('退出');
    expect(plan.cancelId).toBe(2);
    expect(plan.files).toEqual([path.join(dir, 'backups', 'ankang-20260302-120000.sqlite'), path.join(dir, 'backups', 'ankang-20260301-120000.sqlite'), null]);
    expect(plan.detail).toContain(dir);
  });

  it('offers nothing for a failure a backup cannot fix, or without backups', () => {
    const dir = tmpDir('ankang-recover-');
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    expect(recoveryDialog({ code: 'CONFLICT', message: 'err.lock.held', details: { pid: 1 } }, dir, path.join(dir, 'backups'))).toBeNull();
    expect(recoveryDialog({ code: 'BAD_FILE', message: 'err.db.corrupt', details: { recoverable: true } }, dir, path.join(dir, 'backups'))).toBeNull();
  });
});
