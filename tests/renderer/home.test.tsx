// The home page after the wizard: 开始使用 (first steps, for an administrator while the store looks new) and 待我处理
// (the operator's waiting hazards from hazards.mine).
import { screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../renderer/src/app/router';
import { CongressYear } from '../../renderer/src/features/dashboard/CongressYear';
import { FirstSteps } from '../../renderer/src/features/dashboard/FirstSteps';
import { useI18n } from '../../renderer/src/i18n';
import type { SessionYearCheck } from '../../shared/congress/sessions/contract';
import { MyTasks } from '../../renderer/src/features/dashboard/MyTasks';
import type { MyTask } from '../../shared/hazards/mine';
import { FakeError, makeOperator, makeWorker } from './fakeBackend';
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
    expect(useRouter.getState().intent).toEqual({ page: 'roster', name: 'import' }); // the roster opens its import dialog
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

describe('职代会年度召开情况 (the yearly congress check)', () => {
  const TODAY = day(0);
  const YEAR = Number(TODAY.slice(0, 4));
  const check = (p: Partial<SessionYearCheck>): SessionYearCheck => ({ year: YEAR, today: TODAY, hasTerm: true, held: null, planned: null, lastYearMissed: false, ...p });
  const entry = (date: string, status: 'preparing' | 'issued' | 'in_session' | 'closed') => ({ id: 's-1', termNumber: 3, seq: 2, date, status });
  const state = async () => (await screen.findByTestId('congress-year-state')).getAttribute('data-state');

  test('no term at all: a first step to the congress page', async () => {
    const be = signedInBackend();
    renderInProviders(<CongressYear />);
    expect(await state()).toBe('noTerm');
    const card = screen.getByTestId('congress-year');
    expect(within(card).getByText(`${YEAR} 年度安全生产专题职代会`)).toBeInTheDocument();
    expect(within(card).getByText(/尚未建立职代会届次和代表/)).toBeInTheDocument();
    expect(be.inputs('congress.sessionYearCheck')).toEqual([{}]);
    await user().click(within(card).getByRole('button', { name: label('去建立届次') }));
    expect(useRouter.getState().route).toEqual({ page: 'congress', id: null });
  });

  test('held this year (opened or closed): green with its date', async () => {
    const be = signedInBackend();
    be.on('congress.sessionYearCheck', () => check({ held: entry(`${YEAR}-04-22`, 'closed') }));
    renderInProviders(<CongressYear />);
    expect(await state()).toBe('held');
    const card = screen.getByTestId('congress-year');
    expect(within(card).getByText('已召开')).toBeInTheDocument();
    expect(within(card).getByText(`已于 ${YEAR}-04-22 召开（第3届第2次会议，已闭会）`)).toBeInTheDocument();
    expect(card.style.borderTop).toContain('rgb(56, 158, 13)');
    expect(screen.queryByTestId('congress-year-last')).not.toBeInTheDocument();
  });

  test('one in preparation: its date, its status and the days left', async () => {
    const be = signedInBackend();
    be.on('congress.sessionYearCheck', () => check({ planned: entry(day(12), 'issued') }));
    renderInProviders(<CongressYear />);
    expect(await state()).toBe('planned');
    const card = screen.getByTestId('congress-year');
    expect(within(card).getByText('已发通知')).toBeInTheDocument();
    expect(within(card).getByText(`第3届第2次会议定于 ${day(12)} 召开`)).toBeInTheDocument();
    expect(within(card).getByText('还有 12 天')).toBeInTheDocument();
  });

  test('its day passed without it opening: red, overdue', async () => {
    const be = signedInBackend();
    be.on('congress.sessionYearCheck', () => check({ planned: entry(day(-3), 'preparing') }));
    renderInProviders(<CongressYear />);
    expect(await state()).toBe('late');
    const card = screen.getByTestId('congress-year');
    expect(within(card).getByText('已逾期')).toBeInTheDocument();
    expect(within(card).getByText(`第3届第2次会议原定 ${day(-3)} 召开，已过 3 天仍未开幕（筹备中）`)).toBeInTheDocument();
    expect(card.style.borderTop).toContain('rgb(207, 19, 34)');
  });

  test('none this year, and last year went without one: red, with a button to arrange it', async () => {
    const be = signedInBackend();
    be.on('congress.sessionYearCheck', () => check({ lastYearMissed: true }));
    renderInProviders(<CongressYear />);
    expect(await state()).toBe('none');
    const card = screen.getByTestId('congress-year');
    expect(within(card).getByText('未安排')).toBeInTheDocument();
    expect(within(card).getByText(`${YEAR} 年尚未召开或安排安全生产专题职代会`)).toBeInTheDocument();
    expect(screen.getByTestId('congress-year-last')).toHaveTextContent(`${YEAR - 1} 年未召开安全生产专题职代会（已逾期）`);
    expect(card.style.borderTop).toContain('rgb(207, 19, 34)');
    await user().click(within(card).getByRole('button', { name: label('去安排会议') }));
    expect(useRouter.getState().route).toEqual({ page: 'congress', id: null });
  });

  test('a failed read says why and retries', async () => {
    const be = signedInBackend();
    let fail = true;
    be.on('congress.sessionYearCheck', () => {
      if (fail) throw new FakeError('INTERNAL', '读取失败');
      return check({ held: entry(`${YEAR}-03-01`, 'in_session') });
    });
    renderInProviders(<CongressYear />);
    const card = await screen.findByTestId('congress-year');
    await within(card).findByRole('alert');
    fail = false;
    await user().click(within(card).getByRole('button', { name: label('重试') }));
    expect(await state()).toBe('held');
    expect(be.count('congress.sessionYearCheck')).toBe(2);
  });

  test('English', async () => {
    const be = signedInBackend();
    useI18n.setState({ locale: 'en' });
    be.on('congress.sessionYearCheck', () => check({ planned: entry(day(5), 'preparing') }));
    renderInProviders(<CongressYear />);
    expect(await state()).toBe('planned');
    const card = screen.getByTestId('congress-year');
    expect(within(card).getByText(`Safety-themed workers' congress ${YEAR}`)).toBeInTheDocument();
    expect(within(card).getByText(`Term 3, session 2 planned for ${day(5)}`)).toBeInTheDocument();
    expect(within(card).getByText('Preparing')).toBeInTheDocument();
    expect(within(card).getByText('in 5 days')).toBeInTheDocument();
  });
});
