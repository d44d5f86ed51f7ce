// Settings: backup and restore, About box (issue 7, item 19).
import { screen, waitFor, within } from '@testing-library/react';
import type { AppInfo, BackupInfo } from '../../shared/app/types';
import { BackupPanel } from '../../renderer/src/features/settings/BackupPanel';
import { useSession } from '../../renderer/src/app/session';
import { makeOperator } from './fakeBackend';
import { button, findButton, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(resetStores);

const INFO: AppInfo = {
  version: '0.1.0',
  schemaVersion: 6,
  dataDir: '/home/u/.config/Ankang',
  host: 'browser',
  initialized: true,
  locale: 'zh-CN',
  operator: null,
};
const GOOD: BackupInfo = {
  name: 'ankang-20260301-120000.sqlite',
  bytes: 3 * 1024 * 1024,
  modifiedAt: '2026-03-01T04:00:00.000Z',
  enterprise: '泰州化工有限公司',
  workers: 860,
  schemaVersion: 6,
  problem: null,
};
const BAD: BackupInfo = { ...GOOD, name: 'ankang-20260201-120000.sqlite', enterprise: null, workers: null, schemaVersion: null, problem: 'err.db.notSqlite' };

function setup(isAdmin = true) {
  const me = isAdmin ? undefined : makeOperator({ id: 'op-2', workerId: 'w2', name: '李安全', empNo: 'S1', isAdmin: false });
  const be = me ? signedInBackend({ operators: [me] }, 'op-2') : signedInBackend();
  useSession.setState({ info: { ...INFO, operator: be.currentOperator } });
  let backups: BackupInfo[] = [GOOD, BAD];
  be.on('app.backups', () => backups);
  be.on('app.backupNow', (_i, _be, job) => {
    job.onProgress?.({ done: 5, total: 10, stage: 'backup.pages' });
    const made = { ...GOOD, name: 'ankang-20260302-090000.sqlite' };
    backups = [made, ...backups];
    return made;
  });
  be.on('app.restore', (i) => ({ name: i.name, enterprise: GOOD.enterprise, workers: 860, schemaVersion: 6, keptAs: 'ankang.sqlite.before-restore-20260302-090500' }));
  return be;
}

describe('BackupPanel', () => {
  test('lists backups with enterprise and workers; a damaged one says why and cannot be restored; About box shows version and folder', async () => {
    setup();
    renderInProviders(<BackupPanel onRestored={() => undefined} />);
    const row = (await screen.findByText(GOOD.name)).closest('tr')!;
    expect(within(row).getByText('泰州化工有限公司')).toBeInTheDocument();
    expect(within(row).getByText('860')).toBeInTheDocument();
    expect(within(row).getByText('3.0 MB')).toBeInTheDocument();
    const bad = screen.getByText(BAD.name).closest('tr')!;
    expect(within(bad).getByText('不是 SQLite 数据库文件')).toBeInTheDocument();
    expect(within(bad).getByRole('button', { name: `恢复 ${BAD.name}` })).toBeDisabled();
    // no automatic backups exist: the intro says when one is made instead of promising daily ones
    expect(screen.getByText(/只在点“立即备份”、用命令行 backup 或升级数据结构前生成/)).toBeInTheDocument();
    expect(screen.queryByText(/每天自动/)).toBeNull();
    const about = screen.getByTestId('about-box');
    expect(within(about).getByText('0.1.0')).toBeInTheDocument();
    expect(within(about).getByText('/home/u/.config/Ankang')).toBeInTheDocument();
    expect(within(about).getByText('浏览器（本机服务）')).toBeInTheDocument();
  });

  test('back up now: progress is asked for, the new backup appears', async () => {
    const be = setup();
    renderInProviders(<BackupPanel onRestored={() => undefined} />);
    await screen.findByText(GOOD.name);
    await user().click(button('立即备份'));
    expect(await screen.findByText('ankang-20260302-090000.sqlite')).toBeInTheDocument();
    expect(be.calls.find((c) => c.channel === 'app.backupNow')!.progress).toBe(true);
  });

  test('restore asks first, naming the backup and the file it replaces, then restores and reloads', async () => {
    const be = setup();
    let reloaded = 0;
    renderInProviders(<BackupPanel onRestored={() => reloaded++} />);
    await screen.findByText(GOOD.name);
    const u = user();
    await u.click(screen.getByRole('button', { name: `恢复 ${GOOD.name}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(GOOD.name);
    expect(dialog.textContent).toContain('泰州化工有限公司');
    expect(dialog.textContent).toContain('/home/u/.config/Ankang/ankang.sqlite');
    expect(dialog.textContent).toContain('保留在数据目录');
    expect(be.count('app.restore')).toBe(0);
    await u.click(await findButton('恢复此备份'));
    await waitFor(() => expect(reloaded).toBe(1));
    expect(be.last('app.restore')).toEqual({ name: GOOD.name });
  });

  test('a non-admin sees why and cannot restore', async () => {
    const be = setup(false);
    renderInProviders(<BackupPanel onRestored={() => undefined} />);
    await screen.findByText(GOOD.name);
    expect(screen.getByText('只有管理员可以恢复备份')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `恢复 ${GOOD.name}` })).toBeDisabled();
    expect(be.count('app.restore')).toBe(0);
  });

  test('a refused restore shows the reason in the user’s language and does not reload', async () => {
    const be = setup();
    be.fail('app.restore', 'BAD_FILE', 'err.db.schema', { version: 6, count: 1, names: 'evil' });
    let reloaded = 0;
    renderInProviders(<BackupPanel onRestored={() => reloaded++} />);
    await screen.findByText(GOOD.name);
    const u = user();
    await u.click(screen.getByRole('button', { name: `恢复 ${GOOD.name}` }));
    await u.click(await findButton('恢复此备份'));
    expect(await screen.findByText(/结构与安康结构版本 6 不符/)).toBeInTheDocument();
    expect(reloaded).toBe(0);
  });
});
