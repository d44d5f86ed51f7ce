// Backup and restore from the settings page (issue 7, item 19): the app.backups / app.backupNow / app.restore
// channels on a live core — the same checks as the CLI, admin only for restore, every session signs in again.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/core';
import { openTestCore, type TestCore } from '../helpers/core';

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { data: { code: string; message: string } }).data;
  }
  throw new Error('expected a refusal');
};

describe('settings: backup and restore', () => {
  it('backs up now with progress, lists backups, restores one (admin only), records it and signs everyone out', async () => {
    tc = await openTestCore();
    const progress: { done: number; total: number | null }[] = [];
    const r = await tc.core.dispatch('app.backupNow', {}, tc.session, { progress: (p) => progress.push(p) });
    expect(r.ok).toBe(true);
    const made = (r as { value: { name: string; workers: number; enterprise: string } }).value;
    expect(made).toMatchObject({ workers: 1, enterprise: '测试化工有限公司', problem: null });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect((await tc.call('app.backups')).map((b) => b.name)).toEqual([made.name]);

    // a non-admin operator may list but not restore
    const w = await tc.call('workers.create', { empNo: 'O1', name: '安全员', gender: 'M', roles: ['safety_officer'] });
    const op = await tc.call('operators.add', { workerId: w.id });
    const other: Session = { operatorId: null };
    expect((await tc.core.dispatch('session.signIn', { operatorId: op.id }, other)).ok).toBe(true);
    const refused = await tc.core.dispatch('app.restore', { name: made.name }, other);
    expect(refused.ok).toBe(false);
    expect((refused as { error: { code: string } }).error.code).toBe('FORBIDDEN');

    // restore as admin: the later worker O1 is gone, the store kept aside, both sessions must sign in again
    const done = await tc.call('app.restore', { name: made.name });
    expect(done).toMatchObject({ name: made.name, workers: 1, enterprise: '测试化工有限公司' });
    expect(done.keptAs).toMatch(/^ankang\.sqlite\.before-restore-/);
    expect(fs.existsSync(path.join(tc.dir, done.keptAs!))).toBe(true);
    expect(tc.session.operatorId).toBeNull();
    const again = await tc.core.dispatch('workers.list', {}, other);
    expect((again as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const admin = (await tc.call('session.operators'))[0]!;
    await tc.call('session.signIn', { operatorId: admin.id });
    expect((await tc.call('workers.list', {})).rows.map((x) => x.empNo)).toEqual(['A0001']);
    // the restore is in the restored store's audit log
    const db = new Database(path.join(tc.dir, 'ankang.sqlite'), { readonly: true });
    expect(db.prepare(`SELECT actor_name FROM audit_log WHERE entity = 'store' AND action = 'restore'`).pluck().all()).toEqual(['王主席']);
    db.close();
  });

  it('two restores at once: the second is refused while the first runs', async () => {
    tc = await openTestCore();
    const made = await tc.call('app.backupNow');
    const [a, b] = await Promise.allSettled([tc.call('app.restore', { name: made.name }), tc.call('app.restore', { name: made.name })]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    expect((b as PromiseRejectedResult).reason.data.message).toBe('err.restore.running');
    expect(fs.readdirSync(tc.dir).filter((f) => f.includes('before-restore'))).toHaveLength(1);
  });

  it('takes only a backup name of the backups folder; a damaged backup is refused and nothing changes', async () => {
    tc = await openTestCore();
    for (const name of ['../ankang.sqlite', '/etc/passwd', 'ankang.sqlite', 'ankang-x/../../y.sqlite']) {
      expect((await errorOf(tc.call('app.restore', { name }))).code).toBe('VALIDATION');
    }
    expect((await errorOf(tc.call('app.restore', { name: 'ankang-20990101-000000.sqlite' }))).message).toBe('err.backup.notInFolder');
    fs.mkdirSync(tc.core.paths.backups, { recursive: true });
    fs.writeFileSync(path.join(tc.core.paths.backups, 'ankang-20200101-000000.sqlite'), 'not a database at all');
    const list = await tc.call('app.backups');
    expect(list[0]).toMatchObject({ name: 'ankang-20200101-000000.sqlite', problem: 'err.db.notSqlite', workers: null });
    expect((await errorOf(tc.call('app.restore', { name: 'ankang-20200101-000000.sqlite' }))).message).toBe('err.db.notSqlite');
    // still signed in, still working
    expect((await tc.call('workers.list', {})).rows).toHaveLength(1);
    expect(fs.readdirSync(tc.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });
});
