// The home page after the wizard: 开始使用 (first steps, for an administrator while the store looks new) and 待我处理
// (the operator's waiting hazards from hazards.mine).
import { screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../renderer/src/app/router';
import { FirstSteps } from '../../renderer/src/features/dashboard/FirstSteps';
import { MyTasks } from '../../renderer/src/features/dashboard/MyTasks';
import type { MyTask } from '../../shared/hazards/mine';
import { makeOperator, makeWorker } from './fakeBackend';
import { adminOperator, label, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(() => {
  resetStores();
  localStorage.removeItem('ankang.firstSteps.hidden');
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
function task(p: Partial<MyTask> & { id: string; serial: string; task: MyTask['task'] }): MyTask {
  return {
    foundAt: `${day(-5)}T09:00`,
    foundDate: day(-5),
    finderId: null,
    finderName: '赵安全',
    source: 'self_check',
    workshopName: '合成车间',
    teamName: null,
    place: null,
    category1: 'material',
    category2: 'physical',
    description: '配电箱门未关闭',
    grade: 'general',
    riskD: 270,
    risk: 'orange',
    status: p.task === 'accept' ? 'submitted' : 'rectifying',
    responsibleName: '钱班长',
    deadline: day(3),
    dueDate: day(3),
    overdue: false,
    closedDate: null,
    updatedAt: `${day(-1)}T10:00:00.000Z`,
    ...p,
  } as MyTask;
}

describe('开始使用 (first steps)', () => {
  test('a new store: the administrator sees the three steps; a step button opens its page', async () => {
    const be = signedInBackend();
    renderInProviders(<FirstSteps />);
    const card = await screen.findByTestId('first-steps');
    expect(within(card).getByText('开始使用')).toBeInTheDocument();
    expect(within(card).getByText('导入职工花名册')).toBeInTheDocument();
    expect(within(card).getByText('添加操作员')).toBeInTheDocument();
    expect(within(card).getByText('检查隐患规则')).toBeInTheDocument();
    expect(within(screen.getByTestId('first-step-roster')).getByRole('img', { name: '未完成' })).toBeInTheDocument();
    expect(be.inputs('workers.list')).toEqual([{ status: 'all', pageSize: 1 }]);

    await user().click(within(screen.getByTestId('first-step-roster')).getByRole('button', { name: label('去导入') }));
    expect(useRouter.getState().route).toEqual({ page: 'roster', id: null });
    await user().click(within(screen.getByTestId('first-step-rules')).getByRole('button', { name: label('查看规则') }));
    expect(useRouter.getState().route).toEqual({ page: 'settings', id: null });
  });

  test('an imported roster is ticked off; with operators added too the card goes', async () => {
    const workers = Array.from({ length: 5 }, (_, i) => makeWorker({ empNo: `E${i}`, name: `职工${i}` }));
    signedInBackend({ workers });
    const first = renderInProviders(<FirstSteps />);
    await screen.findByTestId('first-steps');
    expect(within(screen.getByTestId('first-step-roster')).getByRole('img', { name: '已完成' })).toBeInTheDocument();
    expect(within(screen.getByTestId('first-step-operators')).getByRole('img', { name: '未完成' })).toBeInTheDocument();
    first.unmount();

    resetStores();
    const be = signedInBackend({ workers, operators: [adminOperator(), makeOperator({ id: 'op-2', name: '李安全' })] });
    renderInProviders(<FirstSteps />);
    await waitFor(() => expect(be.count('operators.list')).toBe(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('first-steps')).not.toBeInTheDocument();
  });

  test('不再显示 hides it for good; a non-administrator never sees it', async () => {
    signedInBackend();
    const first = renderInProviders(<FirstSteps />);
    await screen.findByTestId('first-steps');
    await user().click(screen.getByRole('button', { name: label('不再显示') }));
    expect(screen.queryByTestId('first-steps')).not.toBeInTheDocument();
    expect(localStorage.getItem('ankang.firstSteps.hidden')).toBe('1');
    first.unmount();
    localStorage.removeItem('ankang.firstSteps.hidden');

    resetStores();
    const be = signedInBackend({ operators: [adminOperator(), makeOperator({ id: 'op-2', name: '李安全' })] }, 'op-2');
    renderInProviders(<FirstSteps />);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('first-steps')).not.toBeInTheDocument();
    expect(be.count('operators.list')).toBe(0);
  });
});

describe('待我处理 (my tasks)', () => {
  test('lists the waiting hazards with their task; a row opens the hazard', async () => {
    const be = signedInBackend();
    be.on('hazards.mine', () => ({
      rows: [
        task({ id: 'h-1', serial: 'YH-2026-0007', task: 'rectify', description: '配电箱门未关闭', dueDate: day(-2) }),
        task({ id: 'h-2', serial: 'YH-2026-0009', task: 'accept', description: '消防通道堆放纸箱' }),
      ],
      total: 12,
    }));
    const open = vi.fn();
    renderInProviders(<MyTasks onOpenHazard={open} />);
    const card = await screen.findByTestId('my-tasks');
    expect(within(card).getByText('待我处理')).toBeInTheDocument();
    await within(card).findByText('YH-2026-0007');
    expect(be.inputs('hazards.mine')).toEqual([{ limit: 10 }]);
    expect(within(card).getByText('待整改')).toBeInTheDocument();
    expect(within(card).getByText('待验收')).toBeInTheDocument();
    expect(within(card).getByText('共 12 项，显示前 2 项')).toBeInTheDocument();
    expect(within(card).getByText(/逾期 2 天/)).toBeInTheDocument();
    await user().click(within(card).getByText('消防通道堆放纸箱'));
    expect(open).toHaveBeenCalledWith('h-2');
  });

  test('nothing waiting: a plain sentence', async () => {
    const be = signedInBackend();
    be.on('hazards.mine', () => ({ rows: [], total: 0 }));
    renderInProviders(<MyTasks onOpenHazard={vi.fn()} />);
    expect(await screen.findByText('没有等待您处理的隐患')).toBeInTheDocument();
  });
});
