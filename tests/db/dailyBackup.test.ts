// The day's automatic backup (issue 7, found by a new-user walk: a whole session left no backup, so the recovery page
// had nothing to offer): the app's hosts back the store up once a day after it passed its check; the CLI and an empty
// store do not.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyBackup, validateDatabaseFile } from '../../electron/core/backup';
import { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { stamp } from '../../electron/core/util';
import { openTestCore, tmpDir } from '../helpers/core';

setQuiet(true);
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});
const todays = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(`ankang-${stamp().slice(0, 8)}-`) && f.endsWith('.sqlite')) : [];

async function until(cond: () => boolean, ms = 8000) {
  const t = Date.now();
  while (!cond()) {
    if (Date.now() - t > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('daily backup', () => {
  it('the browser host’s core makes one after its check; opening again the same day makes none', async () => {
    const tc = await openTestCore();
    await tc.call('workers.create', { empNo: 'B1', name: '备份', gender: 'M' });
    const dir = tc.dir;
    tc.core.close();
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const backups = path.join(dir, 'backups');

    const core = await Core.open({ dataDir: dir, host: 'browser', dailyBackupAfterMs: 0 });
    await core.ready();
    await until(() => todays(backups).length === 1);
    expect(validateDatabaseFile(path.join(backups, todays(backups)[0]!))).toMatchObject({ workers: 2, enterprise: '测试化工有限公司' });
    expect(await core.dailyBackup()).toBeNull();
    core.close();

    const again = await Core.open({ dataDir: dir, host: 'browser', dailyBackupAfterMs: 0 });
    await again.ready();
    await new Promise((r) => setTimeout(r, 200));
    expect(todays(backups)).toHaveLength(1);
    again.close();
  });

  it('no backup of an empty store, and none from the CLI', async () => {
    const empty = tmpDir('ankang-daily-');
    cleanup.push(() => fs.rmSync(empty, { recursive: true, force: true }));
    const core = await Core.open({ dataDir: empty, host: 'browser', dailyBackupAfterMs: 0 });
    await core.ready();
    expect(await core.dailyBackup()).toBeNull();
    core.close();
    expect(todays(path.join(empty, 'backups'))).toEqual([]);

    const tc = await openTestCore();
    cleanup.push(() => tc.close());
    const cli = await Core.open({ dataDir: tc.dir, host: 'cli' }).catch((e: unknown) => e);
    // the test core holds the store; the CLI's own open is what matters: it schedules nothing
    if (cli instanceof Core) cli.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(todays(path.join(tc.dir, 'backups'))).toEqual([]);
  });

  it('dailyBackup() prunes old dated backups as the retention says', async () => {
    const tc = await openTestCore();
    cleanup.push(() => tc.close());
    const dir = path.join(tc.dir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    // two old backups on the same earlier day: the newer one of that day is kept
    fs.writeFileSync(path.join(dir, 'ankang-20250101-080000.sqlite'), 'x');
    fs.writeFileSync(path.join(dir, 'ankang-20250101-090000.sqlite'), 'x');
    const file = await dailyBackup(tc.core.store.db, dir);
    expect(file).not.toBeNull();
    expect(fs.readdirSync(dir).sort()).toEqual(['ankang-20250101-090000.sqlite', path.basename(file!)].sort());
  });
});
