import { screen, waitFor } from '@testing-library/react';
import { installFakeBackend, makeOperator } from './fakeBackend';
import { button, renderApp, resetStores, user } from './harness';

beforeEach(resetStores);

function seed() {
  return installFakeBackend({
    operators: [
      makeOperator({ id: 'op-1', name: '王主席', empNo: 'A0001', isAdmin: true }),
      makeOperator({ id: 'op-2', name: '李安全', empNo: 'B0002', roles: ['safety_officer', 'team_leader'] }, '4321'),
    ],
  });
}

describe('SignIn', () => {
  test('a new user can switch to English before signing in; the choice is remembered', async () => {
    const be = seed();
    renderApp();
    await screen.findByRole('button', { name: '登录 王主席' });
    await user().click(screen.getByRole('button', { name: 'language' }));
    expect(await screen.findByRole('button', { name: 'Sign in 王主席' })).toBeInTheDocument();
    expect(screen.getByText(/Safety Officer|Team leader/)).toBeInTheDocument();
    expect(localStorage.getItem('ankang.locale')).toBe('en');
    expect(be.inputs('settings.setLocale')).toEqual([{ locale: 'en' }]);
  });

  test('an operator without a PIN signs in with one click', async () => {
    const be = seed();
    renderApp();
    await user().click(await screen.findByRole('button', { name: '登录 王主席' }));
    expect(await screen.findByTestId('current-operator')).toHaveTextContent('王主席');
    expect(be.inputs('session.signIn')).toEqual([{ operatorId: 'op-1', pin: null }]);
    expect(screen.queryByLabelText('PIN')).not.toBeInTheDocument();
  });

  test('lists each operator with employee no., admin tag and translated roles', async () => {
    seed();
    renderApp();
    await screen.findByText('李安全');
    expect(screen.getByText('B0002')).toBeInTheDocument();
    expect(screen.getByText('安全员、班组长')).toBeInTheDocument();
    expect(screen.getAllByText('管理员')).toHaveLength(1);
    expect(screen.getByText('/tmp/ankang-fake')).toBeInTheDocument(); // data folder shown
  });

  test('an operator with a PIN gets a PIN box; a wrong PIN shows the backend message, the right one proceeds', async () => {
    const be = seed();
    renderApp();
    const u = user();
    await u.click(await screen.findByRole('button', { name: '登录 李安全' }));
    const pin = await screen.findByLabelText('PIN');
    expect(be.count('session.signIn')).toBe(0); // no call before a PIN is entered
    await waitFor(() => expect(pin).toHaveFocus());

    await u.type(pin, '0000');
    await u.click(button('登录'));
    expect(await screen.findByRole('alert')).toHaveTextContent('PIN 不正确');
    expect(screen.getByLabelText('PIN')).toHaveValue(''); // cleared for the next try
    expect(screen.queryByTestId('current-operator')).not.toBeInTheDocument();
    expect(be.inputs('session.signIn')).toEqual([{ operatorId: 'op-2', pin: '0000' }]);

    await u.type(screen.getByLabelText('PIN'), '4321');
    await u.click(button('登录'));
    expect(await screen.findByTestId('current-operator')).toHaveTextContent('李安全');
    expect(be.inputs('session.signIn')).toEqual([
      { operatorId: 'op-2', pin: '0000' },
      { operatorId: 'op-2', pin: '4321' },
    ]);
  });

  test('a locked operator is told until when (the lock is kept by the backend across restarts)', async () => {
    const be = seed();
    be.fail('session.signIn', 'BAD_PIN', 'err.pin.locked', { seconds: 240, minutes: 4, time: '14:05', until: '2026-06-01T14:05:00.000+08:00' });
    renderApp();
    const u = user();
    await u.click(await screen.findByRole('button', { name: '登录 李安全' }));
    await u.type(await screen.findByLabelText('PIN'), '4321');
    await u.click(button('登录'));
    expect(await screen.findByRole('alert')).toHaveTextContent('PIN 错误次数过多，已锁定至 14:05（约 4 分钟后可再试）');
  });

  test('keyboard: typing the PIN and pressing Enter submits', async () => {
    const be = seed();
    renderApp();
    const u = user();
    await u.click(await screen.findByRole('button', { name: '登录 李安全' }));
    const pin = await screen.findByLabelText('PIN');
    await waitFor(() => expect(pin).toHaveFocus());
    await u.keyboard('4321{Enter}');
    expect(await screen.findByTestId('current-operator')).toHaveTextContent('李安全');
    expect(be.inputs('session.signIn')).toEqual([{ operatorId: 'op-2', pin: '4321' }]);
  });

  test('no operators: an empty-state message', async () => {
    installFakeBackend({ operators: [] });
    renderApp();
    expect(await screen.findByText('没有可用的操作员')).toBeInTheDocument();
  });

  test('a failing operator list shows the error', async () => {
    const be = seed();
    be.fail('session.operators', 'INTERNAL', '内部错误，操作未完成，数据未改变');
    renderApp();
    expect(await screen.findByRole('alert')).toHaveTextContent('内部错误，操作未完成，数据未改变');
  });
});
