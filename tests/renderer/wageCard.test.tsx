// The home page's wage card (issue 9, "Dashboard cards"), about the pay month (last month): its run state, the total
// paid in 元, the share of workers paid a safety component and the vetoes — of the pay month's run, else of the last
// approved month (said so), else a word on where to calculate; the button opens #/wage/runs/<pay month>; an error
// offers a retry. Read from wage.dashboard.
import { screen, waitFor, within } from '@testing-library/react';
import { vi } from 'vitest';
import dayjs from 'dayjs';
import { useRouter } from '../../renderer/src/app/router';
import { DashboardPage } from '../../renderer/src/features/dashboard/DashboardPage';
import { WageCard } from '../../renderer/src/features/dashboard/WageCard';
import { lastMonth, thisMonth } from '../../renderer/src/features/wage/runs/format';
import { label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { makeRunLine, seedWageRun } from './wageRunsFake';

beforeEach(() => resetStores());

/** a day of last month (the month before the pay month is lastMonth(lastMonthDay())) */
const lastMonthDay = () => dayjs().subtract(1, 'month');

const lines = () => [
  makeRunLine({ workerId: 'w1', empNo: 'E001', name: '张三', fen: { SKILL: 123456, SAFE_TIME: 9000 } }),
  makeRunLine({ workerId: 'w2', empNo: 'E002', name: '李强', fen: { SKILL: 6000, SAFE_TIME: 0 }, veto: true }),
  makeRunLine({ workerId: 'w3', empNo: 'E003', name: '王芳', fen: { SKILL: 8000, SAFE_TIME: 4500 } }),
];

describe('the wage card', () => {
  it("the pay month's (last month's) run: its state, the total in 元, the safety share and the vetoes; the button opens the runs tab on that month", async () => {
    const u = user();
    const be = signedInBackend();
    seedWageRun(be.wageRuns, { period: lastMonth(), state: 'reviewed', reviewedBy: '李四', reviewedAt: '2026-05-02T08:00:00.000Z' }, lines());
    // this month's run (calculated early) is not the card's business
    seedWageRun(be.wageRuns, { period: thisMonth(), state: 'calculated' }, lines().slice(0, 1));
    renderInProviders(<WageCard />);
    const state = await screen.findByTestId('wage-card-state');
    expect(state).toHaveAttribute('data-state', 'reviewed');
    expect(within(state).getByTestId('run-state')).toHaveTextContent('已复核');
    const card = screen.getByTestId('wage-card');
    expect(card).toHaveTextContent(`能级工资 · ${lastMonth()}`);
    expect(state).toHaveTextContent(`上月（${lastMonth()}）`);
    // 1,234.56 + 90 + 60 + 80 + 45 = 1,509.56 元
    expect(screen.getByTestId('wage-card-total')).toHaveTextContent('1,509.56');
    expect(card).toHaveTextContent('3 人');
    expect(screen.getByTestId('wage-card-safety')).toHaveTextContent('66.7%');
    expect(screen.getByTestId('wage-card-vetoes')).toHaveTextContent('1');
    await u.click(screen.getByRole('button', { name: label('打开月度核算') }));
    expect(useRouter.getState().route).toEqual({ page: 'wage', id: `runs/${lastMonth()}` });
  });

  it('on 1 December: about November — not calculated yet, with the last approved month shown; no word about December', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T09:00:00'));
    try {
      const be = signedInBackend();
      seedWageRun(be.wageRuns, { period: '2026-10', state: 'approved', approvedBy: '王主席', approvedAt: '2026-11-03T08:00:00.000Z' }, lines().slice(0, 1));
      renderInProviders(<WageCard />);
      const state = await screen.findByTestId('wage-card-state');
      expect(state).toHaveAttribute('data-state', 'lastApproved');
      expect(state).toHaveTextContent('上月（2026-11）尚未核算以下为最近审批的 2026-10');
      const card = screen.getByTestId('wage-card');
      expect(card).toHaveTextContent('能级工资 · 2026-11');
      expect(card).not.toHaveTextContent('2026-12');
      await user().click(screen.getByRole('button', { name: label('打开月度核算') }));
      expect(useRouter.getState().route).toEqual({ page: 'wage', id: 'runs/2026-11' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('an approved pay month whose records changed since: says recalculate', async () => {
    const be = signedInBackend();
    const r = seedWageRun(be.wageRuns, { period: lastMonth(), state: 'approved', approvedBy: '王主席', approvedAt: '2026-05-03T08:00:00.000Z' }, lines());
    be.wageRuns.stale.set(r.id, { kinds: ['timekeeping'] });
    renderInProviders(<WageCard />);
    expect(await screen.findByTestId('wage-card-stale')).toHaveTextContent('核算后记录有改动，需重新核算');
  });

  it('no run of the pay month: says so and shows the last approved month', async () => {
    const be = signedInBackend();
    const before = lastMonth(lastMonthDay());
    seedWageRun(be.wageRuns, { period: before, state: 'approved', approvedBy: '王主席', approvedAt: '2026-05-03T08:00:00.000Z' }, lines().slice(0, 1));
    renderInProviders(<WageCard />);
    const state = await screen.findByTestId('wage-card-state');
    expect(state).toHaveAttribute('data-state', 'lastApproved');
    expect(state).toHaveTextContent(`上月（${lastMonth()}）尚未核算以下为最近审批的 ${before}`);
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
