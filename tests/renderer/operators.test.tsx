import { screen, waitFor, within } from '@testing-library/react';
import { OperatorsPage } from '../../renderer/src/features/operators/OperatorsPage';
import { makeOperator, makeWorker } from './fakeBackend';
import { ADMIN_ID, adminOperator, button, fill, findButton, label, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(resetStores);

function seed() {
  return {
    operators: [
      adminOperator(),
      makeOperator({ id: 'op-2', workerId: 'w-2', name: '李安全', empNo: 'B0002', roles: ['safety_officer'], lastSignInAt: '2024-04-30T09:15:00.000Z' }, '1234'),
      makeOperator({ id: 'op-3', workerId: 'w-3', name: '周班长', empNo: 'C0003', roles: ['team_leader'] }),
    ],
    workers: [
      makeWorker({ id: 'w-4', empNo: 'D0004', name: '吴卫生', roles: ['oh_manager'] }),
      makeWorker({ id: 'w-5', empNo: 'D0005', name: '郑普通' }),
    ],
  };
}

/** Body rows of the operators table, by operator name. */
function opRow(name: string): HTMLElement {
  const row = screen.getByText(name).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function openPage(meId = ADMIN_ID) {
  const be = signedInBackend(seed(), meId);
  renderInProviders(<OperatorsPage />);
  await screen.findByText('李安全');
  return be;
}

describe('OperatorsPage', () => {
  test('lists the operators with roles, PIN state and last sign-in', async () => {
    const be = await openPage();
    expect(be.count('operators.list')).toBe(1);
    const li = opRow('李安全');
    expect(within(li).getByText('B0002')).toBeInTheDocument();
    expect(within(li).getByText('安全员')).toBeInTheDocument();
    expect(within(li).getByText('已设 PIN')).toBeInTheDocument();
    expect(within(li).getByText('2024-04-30 09:15')).toBeInTheDocument();
    expect(within(opRow('周班长')).getByText('未设 PIN')).toBeInTheDocument();
    expect(within(opRow('王主席')).getByText('是')).toBeInTheDocument(); // admin column
    expect(within(opRow('周班长')).getByText('否')).toBeInTheDocument();
  });

  test('an admin sees Add, and Remove for everyone but themself', async () => {
    await openPage();
    expect(button('添加操作员')).toBeInTheDocument();
    expect(within(opRow('王主席')).queryByRole('button', { name: label('移除') })).not.toBeInTheDocument();
    expect(within(opRow('李安全')).getByRole('button', { name: label('移除') })).toBeInTheDocument();
    expect(within(opRow('周班长')).getByRole('button', { name: label('移除') })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: label('设置 PIN') })).toHaveLength(3);
  });

  test('a non-admin sees no Add and no Remove, and can set only their own PIN', async () => {
    await openPage('op-2');
    expect(screen.queryByRole('button', { name: label('添加操作员') })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: label('移除') })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: label('设置 PIN') })).toHaveLength(1);
    expect(within(opRow('李安全')).getByRole('button', { name: label('设置 PIN') })).toBeInTheDocument();
    expect(within(opRow('李安全')).getByRole('button', { name: label('清除 PIN') })).toBeInTheDocument();
  });

  test('removing an operator asks first, then calls operators.remove and reloads', async () => {
    const be = await openPage();
    const u = user();
    await u.click(within(opRow('周班长')).getByRole('button', { name: label('移除') }));
    expect(await screen.findByText('移除操作员 周班长？')).toBeInTheDocument();
    expect(be.count('operators.remove')).toBe(0);
    await u.click(await findButton('确定'));
    await waitFor(() => expect(be.inputs('operators.remove')).toEqual([{ id: 'op-3' }]));
    await waitFor(() => expect(screen.queryByText('周班长')).not.toBeInTheDocument());
    expect(be.count('operators.list')).toBe(2);
  });

  test('setting a PIN validates it and sends operators.setPin', async () => {
    const be = await openPage();
    const u = user();
    await u.click(within(opRow('周班长')).getByRole('button', { name: label('设置 PIN') }));
    const dlg = await screen.findByRole('dialog');
    expect(within(dlg).getByText('设置 PIN · 周班长')).toBeInTheDocument();
    const pin = within(dlg).getByLabelText('PIN');
    await u.type(pin, '12');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('PIN 为 4–12 位数字')).toBeInTheDocument();
    expect(be.count('operators.setPin')).toBe(0);
    await u.type(pin, '3456');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.inputs('operators.setPin')).toEqual([{ operatorId: 'op-3', pin: '123456' }]));
    await waitFor(() => expect(within(opRow('周班长')).getByText('已设 PIN')).toBeInTheDocument());
  });

  test('clearing a PIN sends pin: null', async () => {
    const be = await openPage();
    await user().click(within(opRow('李安全')).getByRole('button', { name: label('清除 PIN') }));
    await waitFor(() => expect(be.inputs('operators.setPin')).toEqual([{ operatorId: 'op-2', pin: null }]));
    await waitFor(() => expect(within(opRow('李安全')).getByText('未设 PIN')).toBeInTheDocument());
  });

  test('adding an operator: pick a worker with a committee role and save', async () => {
    const be = await openPage();
    const u = user();
    await u.click(button('添加操作员'));
    const dlg = await screen.findByRole('dialog');
    // the worker list asks only for workers holding a role, with valid input
    await waitFor(() => expect(be.inputs('workers.list')).toEqual([{ role: 'any', search: '', pageSize: 50 }]));
    expect(be.validationFailures()).toEqual([]);

    // saving with no worker chosen is refused locally
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('必填')).toBeInTheDocument();
    expect(be.count('operators.add')).toBe(0);

    await u.click(within(dlg).getByRole('combobox'));
    const option = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ant-select-dropdown .ant-select-item-option[title^="吴卫生"]');
      if (!el) throw new Error('dropdown not open');
      return el;
    });
    expect(document.querySelector('.ant-select-dropdown .ant-select-item-option[title^="郑普通"]')).toBeNull(); // no role → not offered
    await u.click(option);
    await fill(u, within(dlg).getByLabelText('PIN（可选，4–12 位数字）'), '9876');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.inputs('operators.add')).toEqual([{ workerId: 'w-4', isAdmin: false, pin: '9876' }]));
    expect(await screen.findByText('吴卫生')).toBeInTheDocument();
  });
});
