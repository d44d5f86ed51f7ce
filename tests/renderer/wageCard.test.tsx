// The home page's wage card (issue 9, "Dashboard cards"): this month's run state, the total paid in 元, the share of
// workers paid a safety component and the vetoes — of this month's run, else of the last approved month (said so), else
// a word on where to calculate; the button opens #/wage/runs; an error offers a retry. Read from wage.dashboard.
import { screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../renderer/src/app/router';
import { DashboardPage } from '../../renderer/src/features/dashboard/DashboardPage';
import { WageCard } from '../../renderer/src/features/dashboard/WageCard';
import { lastMonth, thisMonth } from '../../renderer/src/features/wage/runs/format';
import { label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { makeRunLine, seedWageRun } from './wageRunsFake';

beforeEach(() => resetStores());

const lines = () => [
  makeRunLine({ workerId: 'w1', empNo: 'E001', name: '张三', fen: { SKILL: 123456, SAFE_TIME: 9000 } }),
  makeRunLine({ workerId: 'w2', empNo: 'E002', name: '李强', fen: { SKILL: 6000, SAFE_TIME: 0 }, veto: true }),
  makeRunLine({ workerId: 'w3', empNo: 'E003', name: '王芳', fen: { SKILL: 8000, SAFE_TIME: 4500 } }),
];

describe('the wage card', () => {
  it("this month's run: its state, the total in 元, the safety share and the vetoes; the button opens the runs tab", async () => {
    const u = user();
    const be = signedInBackend();
    seedWageRun(be.wageRuns, { period: thisMonth(), state: 'reviewed', reviewedBy: '李四', reviewedAt: '2026-05-02T08:00:00.000Z' }, lines());
    renderInProviders(<WageCard />);
    const state = await screen.findByTestId('wage-card-state');
    expect(state).toHaveAttribute('data-state', 'reviewed');
    expect(within(state).getByTestId('run-state')).toHaveTextContent('已复核');
    const card = screen.getByTestId('wage-card');
    expect(card).toHaveTextContent(`能级工资 · ${thisMonth()}`);
    // 1,234.56 + 90 + 60 + 80 + 45 = 1,509.56 元
    expect(screen.getByTestId('wage-card-total')).toHaveTextContent('1,509.56');
    expect(card).toHaveTextContent('3 人');
    expect(screen.getByTestId('wage-card-safety')).toHaveTextContent('66.7%');
    expect(screen.getByTestId('wage-card-vetoes')).toHaveTextContent('1');
    await u.click(screen.getByRole('button', { name: label('打开月度核算') }));
    expect(useRouter.getState().route).toEqual({ page: 'wage', id: 'runs' });
  });

  it('no run this month: says so and shows the last approved month', async () => {
    const be = signedInBackend();
    seedWageRun(be.wageRuns, { period: lastMonth(), state: 'approved', approvedBy: '王主席', approvedAt: '2026-05-03T08:00:00.000Z' }, lines().slice(0, 1));
    renderInProviders(<WageCard />);
    const state = await screen.findByTestId('wage-card-state');
    expect(state).toHaveAttribute('data-state', 'lastApproved');
    expect(state).toHaveTextContent(`本月尚未核算以下为最近审批的 ${lastMonth()}`);
    expect(screen.getByTestId('wage-card-total')).toHaveTextContent('1,324.56');
    expect(screen.getByTestId('wage-card-safety')).toHaveTextContent('100.0%');
    expect(screen.getByTestId('wage-card-vetoes')).toHaveTextContent('0');
  });

  it('no run at all: where to calculate one', async () => {
    signedInBackend();
    renderInProviders(<WageCard />);
    expect(await screen.findByTestId('wage-card-none')).toHaveTextContent('尚无月度核算');
    expect(screen.getByTestId('wage-card-state')).toHaveAttribute('data-state', 'none');
    expect(screen.queryByTestId('wage-card-total')).toBeNull();
  });

  it('an error is said and retried', async () => {
    const u = user();
    const be = signedInBackend();
    be.fail('wage.dashboard', 'INTERNAL', 'err.wage.run.notFound');
    renderInProviders(<WageCard />);
    expect(await screen.findByText('找不到该月度核算')).toBeInTheDocument();
    be.reset('wage.dashboard');
    await u.click(screen.getByRole('button', { name: label('重试') }));
    expect(await screen.findByTestId('wage-card-none')).toBeInTheDocument();
    expect(be.count('wage.dashboard')).toBe(2);
  });

  it('is on the dashboard', async () => {
    signedInBackend();
    renderInProviders(<DashboardPage onOpenHazard={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId('wage-card')).toBeInTheDocument());
  });
});
