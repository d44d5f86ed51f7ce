// The shell's integrity warning: shown to every operator when the core's check at start (app.integrity) found
// problems, each in the user's language with its entry; nothing when the check is clean or cannot be asked.
import { screen, waitFor, within } from '@testing-library/react';
import { useI18n } from '../../renderer/src/i18n';
import type { IntegrityReport } from '../../shared/app/types';
import { installFakeBackend, makeOperator } from './fakeBackend';
import { adminOperator, ADMIN_ID, renderApp, resetStores, user } from './harness';

beforeEach(resetStores);

const broken: IntegrityReport = {
  problems: [
    { code: 'AUDIT_TRIGGER_MISSING', key: 'problem.audit.triggerMissing', params: { name: 'audit_no_update', table: 'audit_log' } },
    { code: 'AUDIT_CHAIN_HASH', key: 'problem.audit.chainHash', params: { seq: 42, at: '2026-11-30 09:15:02' } },
  ],
  entries: 41,
  head: 'a1b2-c3d4-e5f6 #97',
  ms: 12,
};

describe('integrity banner', () => {
  test('an administrator sees every problem, translated, with the next steps', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    be.on('app.integrity', () => broken);
    renderApp();
    const banner = await screen.findByTestId('integrity-banner');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(within(banner).getByText('数据完整性检查发现问题：记录可能在安康之外被改动过')).toBeInTheDocument();
    expect(within(banner).getByText('保护触发器 audit_no_update（表 audit_log）缺失，记录可能已被改动')).toBeInTheDocument();
    expect(within(banner).getByText('审计日志第 42 条（2026-11-30 09:15:02）在写入后被改动过')).toBeInTheDocument();
    expect(within(banner).getByText(/命令行 check 会列出全部问题/)).toBeInTheDocument();
    expect(be.count('app.integrity')).toBe(1);

    // in English too
    useI18n.getState().setLocale('en');
    expect(await within(banner).findByText('Audit entry #42 (2026-11-30 09:15:02) was changed after it was written')).toBeInTheDocument();

    // it can be dismissed with the keyboard
    const close = within(banner).getByRole('button', { name: 'Close' });
    close.focus();
    await user().keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId('integrity-banner')).not.toBeInTheDocument());
  });

  test('an operator who is not an administrator sees it too, and is asked to tell one', async () => {
    const so = makeOperator({ id: 'op-2', name: '李安全', empNo: 'B0002', roles: ['safety_officer'] });
    const be = installFakeBackend({ operators: [adminOperator(), so], signedIn: 'op-2' });
    be.on('app.integrity', () => ({ ...broken, problems: broken.problems.slice(1) }));
    renderApp();
    const banner = await screen.findByTestId('integrity-banner');
    expect(within(banner).getByText('请告知管理员。')).toBeInTheDocument();
    expect(within(banner).queryByText(/命令行 check/)).not.toBeInTheDocument();
  });

  test('more than five problems: five are listed and the rest counted', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    const many = Array.from({ length: 8 }, (_, i) => ({ code: 'AUDIT_TRIGGER_EXTRA', key: 'problem.audit.triggerExtra', params: { name: `t${i}`, table: 'audit_log' } }));
    be.on('app.integrity', () => ({ ...broken, problems: many }));
    renderApp();
    const banner = await screen.findByTestId('integrity-banner');
    expect(within(banner).getAllByRole('listitem')).toHaveLength(6);
    expect(within(banner).getByText('另有 3 项')).toBeInTheDocument();
  });

  test('a clean check, or one that cannot be asked, shows nothing', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    renderApp();
    expect(await screen.findByTestId('current-operator')).toBeInTheDocument();
    await waitFor(() => expect(be.count('app.integrity')).toBe(1));
    expect(screen.queryByTestId('integrity-banner')).not.toBeInTheDocument();
  });

  test('a failing call shows nothing', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    be.fail('app.integrity', 'INTERNAL', 'err.internal');
    renderApp();
    expect(await screen.findByTestId('current-operator')).toBeInTheDocument();
    await waitFor(() => expect(be.count('app.integrity')).toBe(1));
    expect(screen.queryByTestId('integrity-banner')).not.toBeInTheDocument();
  });
});
