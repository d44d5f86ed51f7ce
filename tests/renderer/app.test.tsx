import { render, screen, waitFor, within } from '@testing-library/react';
import { useSession } from '../../renderer/src/app/session';
import { contract, isChannel } from '../../shared/contract';
import { installFakeBackend, makeOperator, type FakeBackend } from './fakeBackend';
import { adminOperator, ADMIN_ID, button, label, renderApp, resetStores, styleSink, user } from './harness';

beforeEach(resetStores);

/** Opens the roster from the top menu (whichever page the shell starts on) and waits for its first query. */
async function gotoRoster(be: FakeBackend) {
  await user().click(await screen.findByRole('menuitem', { name: '职工花名册' }));
  await screen.findByLabelText('搜索姓名、工号、电话、岗位');
  // the roster's own list call (the home page's 开始使用 card counts the workers with pageSize 1)
  await waitFor(() => expect(be.inputs('workers.list').filter((i) => (i as { pageSize?: number }).pageSize !== 1).length).toBeGreaterThanOrEqual(1));
}

describe('App boot', () => {
  test('an uninitialised data folder opens the first-run wizard', async () => {
    const be = installFakeBackend({ initialized: false });
    renderApp();
    expect(await screen.findByText(/首次使用：创建企业档案和第一位操作员/)).toBeInTheDocument();
    expect(screen.getByLabelText('企业名称')).toBeInTheDocument();
    // nothing that needs a signed-in operator was called
    expect(be.calls.filter((c) => isChannel(c.channel) && contract[c.channel].auth)).toEqual([]);
    expect(be.count('app.info')).toBe(1);
  });

  test('initialised without a signed-in operator shows the sign-in list', async () => {
    const be = installFakeBackend({ operators: [adminOperator(), makeOperator({ id: 'op-2', name: '李安全', empNo: 'B0002', roles: ['safety_officer'] })] });
    renderApp();
    expect(await screen.findByText('选择操作员', { exact: false })).toBeInTheDocument();
    expect(await screen.findByText('王主席')).toBeInTheDocument();
    expect(screen.getByText('李安全')).toBeInTheDocument();
    expect(screen.getByText('安全员')).toBeInTheDocument(); // role translated
    expect(be.count('session.operators')).toBe(1);
    expect(be.count('workers.list')).toBe(0);
  });

  test('with an operator signed in it lands in the shell, and the roster loads from its menu', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    renderApp();
    expect(await screen.findByTestId('current-operator')).toHaveTextContent('当前操作员：王主席');
    expect(within(screen.getByTestId('current-operator')).getByText('管理员')).toBeInTheDocument();
    expect(be.count('session.operators')).toBe(0); // no detour through sign-in
    await gotoRoster(be);
    // the roster's own list (the home page's 开始使用 card may have counted the workers first: pageSize 1)
    expect(be.inputs('workers.list').filter((i) => (i as { pageSize?: number }).pageSize !== 1)).toHaveLength(1);
    expect(be.count('org.tree')).toBe(1);
    expect(be.validationFailures()).toEqual([]);
  });

  test('a boot failure shows the error and Retry boots again', async () => {
    const be = installFakeBackend({ operators: [adminOperator()] });
    be.fail('app.info', 'DB_TOO_NEW', '数据文件来自更新版本的安康');
    renderApp();
    expect(await screen.findByText('出错了')).toBeInTheDocument();
    expect(screen.getByText('数据文件来自更新版本的安康')).toBeInTheDocument();
    expect(useSession.getState().phase).toBe('error');

    be.reset('app.info');
    await user().click(button('重试'));
    expect(await screen.findByText('王主席')).toBeInTheDocument();
    expect(screen.queryByText('出错了')).not.toBeInTheDocument();
    expect(be.count('app.info')).toBe(2);
  });

  test('a transport that throws (e.g. the bridge is gone) also lands on the error screen', async () => {
    const be = installFakeBackend();
    be.on('app.info', () => {
      throw new Error('boom');
    });
    renderApp();
    expect(await screen.findByText('出错了')).toBeInTheDocument();
    expect(screen.getByText('fake backend: boom')).toBeInTheDocument();
  });
});

describe('session', () => {
  test('signing out calls session.signOut and returns to the operator list', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    renderApp();
    await screen.findByTestId('current-operator');
    await user().click(button('退出登录'));
    expect(await screen.findByRole('button', { name: '登录 王主席' })).toBeInTheDocument();
    expect(be.count('session.signOut')).toBe(1);
    expect(be.sessionOperatorId).toBeNull();
  });

  test('an UNAUTHENTICATED answer mid-session sends the user back to sign-in', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    renderApp();
    await gotoRoster(be);
    be.sessionOperatorId = null; // e.g. the browser host restarted
    await user().type(screen.getByLabelText('搜索姓名、工号、电话、岗位'), '张');
    await waitFor(() => expect(be.calls.some((c) => c.channel === 'workers.list' && !c.result.ok && c.result.error.code === 'UNAUTHENTICATED')).toBe(true));
    expect(await screen.findByRole('button', { name: '登录 王主席' })).toBeInTheDocument();
    expect(screen.queryByTestId('current-operator')).not.toBeInTheDocument();
  });
});

describe('i18n', () => {
  test('switching to English relabels the shell, calls settings.setLocale and stores the choice', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    renderApp();
    await gotoRoster(be);
    await user().click(screen.getByRole('button', { name: 'language' }));
    expect(await screen.findByRole('menuitem', { name: 'Worker roster' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: '职工花名册' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: label('Sign out') })).toBeInTheDocument();
    expect(screen.getByLabelText('Search name, employee no., phone, post')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'language' })).toHaveTextContent(label('中文'));
    await waitFor(() => expect(be.inputs('settings.setLocale')).toEqual([{ locale: 'en' }]));
    expect(be.locale).toBe('en');
    expect(localStorage.getItem('ankang.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    // and back
    await user().click(screen.getByRole('button', { name: 'language' }));
    expect(await screen.findByRole('menuitem', { name: '职工花名册' })).toBeInTheDocument();
    expect(be.inputs('settings.setLocale')).toEqual([{ locale: 'en' }, { locale: 'zh-CN' }]);
  });

  test('the local choice survives a reload even when the backend still says zh-CN', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    const first = renderApp();
    await screen.findByRole('menuitem', { name: '职工花名册' });
    await user().click(screen.getByRole('button', { name: 'language' }));
    await screen.findByRole('menuitem', { name: 'Worker roster' });
    first.unmount();
    be.locale = 'zh-CN';

    // simulate a page reload: fresh module instances, so the i18n store re-reads localStorage
    vi.resetModules();
    const api = await import('../../renderer/src/lib/api');
    api.setTransport(be.transport);
    const { App } = await import('../../renderer/src/app/App');
    const { StyleProvider } = await import('@ant-design/cssinjs');
    render(
      <StyleProvider container={styleSink}>
        <App />
      </StyleProvider>,
    );
    expect(await screen.findByRole('menuitem', { name: 'Worker roster' })).toBeInTheDocument();
    expect(await screen.findByText('Sign out', { exact: false })).toBeInTheDocument();
  });

  test('without a local choice the backend locale is used at boot', async () => {
    installFakeBackend({ operators: [adminOperator()], locale: 'en' });
    renderApp();
    expect(await screen.findByText('Ankang · Who is working?')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Sign in 王主席' })).toBeInTheDocument();
  });
});
