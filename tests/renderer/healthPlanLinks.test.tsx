// The health alerts lead somewhere (issue 10 walk): the home card's alert counts open the due list of that kind
// (#/health/plan/<kind>) and the certificates card's figures the certificates in that state (#/health/certs/<state>),
// by click and by Enter; the due list's kind filter lives in the address (Back undoes it); a due row opens what the user
// acts on — the worker's exposures, the batch of the exam that raised it, or the worker's health file — by click and by
// Enter; the exposures view of one worker; the recheck row shows the factors its exam covered.
import { screen, waitFor } from '@testing-library/react';
import { useRouter } from '../../renderer/src/app/router';
import { CertCard } from '../../renderer/src/features/health/certs/CertCard';
import { CertsTab } from '../../renderer/src/features/health/certs/CertsTab';
import { DueSection } from '../../renderer/src/features/health/plan/DueSection';
import { HealthCard } from '../../renderer/src/features/health/plan/HealthCard';
import { PlanTab } from '../../renderer/src/features/health/plan/PlanTab';
import { CERT_STATUSES } from '../../shared/health/certs/rules';
import { renderInProviders, resetStores, signedInBackend, user } from './harness';
import { dueRow, exposure, installHealthPlanFake } from './healthPlanFake';

beforeEach(resetStores);

const NOISE = '噪声（≥ 85 dB(A)）';
const DUE = [
  dueRow({ empNo: 'W001', name: '张三', alert: 'periodic_overdue', dueDate: '2026-04-20', days: -11, factorId: 'f-noise', factorName: NOISE, batchId: 'b-old' }),
  dueRow({ empNo: 'W002', name: '李四', alert: 'recheck_overdue', dueDate: '2026-04-25', days: -6, factorName: NOISE, detail: '电测听', batchId: 'b-77' }),
  dueRow({ empNo: 'W005', name: '孙八', alert: 'exit', dueDate: '2026-03-01', days: -61, factorName: NOISE }),
];
const route = () => useRouter.getState().route;
const go = (id: string | null) => useRouter.getState().navigate({ page: 'health', id });

describe('the home cards lead to the filtered lists', () => {
  it('an alert count of the health card opens the due list of that kind, by click and by Enter', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, { due: DUE });
    const u = user();
    renderInProviders(<HealthCard />);
    const over = await screen.findByTestId('health-card-periodic_overdue');
    expect(over).toHaveAttribute('role', 'link');
    expect(over).toHaveAccessibleName('打开“在岗体检已逾期 1”的名单');
    await u.click(over);
    expect(route()).toEqual({ page: 'health', id: 'plan/periodic_overdue' });
    screen.getByTestId('health-card-exit').focus();
    await u.keyboard('{Enter}');
    expect(route()).toEqual({ page: 'health', id: 'plan/exit' });
  });

  it('a figure of the certificates card opens the certificates in that state, by click and by Enter', async () => {
    const be = signedInBackend();
    be.on('health.certs', (q) => ({ rows: [], total: 0, page: q.page, pageSize: q.pageSize, counts: { ...(Object.fromEntries(CERT_STATUSES.map((s) => [s, 0])) as Record<(typeof CERT_STATUSES)[number], number>), window: 2, overdue: 1, expired: 3 } }));
    const u = user();
    renderInProviders(<CertCard />);
    await u.click(await screen.findByTestId('cert-card-open-overdue'));
    expect(route()).toEqual({ page: 'health', id: 'certs/overdue' });
    screen.getByTestId('cert-card-open-expired').focus();
    await u.keyboard('{Enter}');
    expect(route()).toEqual({ page: 'health', id: 'certs/expired' });
    expect(screen.getByTestId('cert-card-open-window')).toHaveAccessibleName('待复审/换证 2');
  });

  it('the certificates tab reads its state filter from the address and writes it there', async () => {
    const be = signedInBackend();
    be.on('health.certs', (q) => ({ rows: [], total: 0, page: q.page, pageSize: q.pageSize, counts: Object.fromEntries(CERT_STATUSES.map((s) => [s, 1])) as Record<(typeof CERT_STATUSES)[number], number> }));
    go('certs/expired');
    const u = user();
    renderInProviders(<CertsTab />);
    await waitFor(() => expect(be.last('health.certs')).toMatchObject({ status: 'expired' }));
    await u.click(screen.getByTestId('cert-filter-window'));
    expect(route()).toEqual({ page: 'health', id: 'certs/window' });
    await waitFor(() => expect(be.last('health.certs')).toMatchObject({ status: 'window' }));
  });
});

describe('the due list', () => {
  it('takes its kind from the address; a kind chosen goes into the address', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, { due: DUE });
    go('plan/recheck_overdue');
    const u = user();
    renderInProviders(<DueSection />);
    expect(await screen.findByText('李四')).toBeInTheDocument();
    expect(screen.queryByText('张三')).toBeNull();
    expect(be.last('health.due')).toMatchObject({ kind: 'recheck_overdue' });
    expect(screen.getByTestId('health-alert-recheck_overdue')).toHaveAttribute('aria-pressed', 'true');
    await u.click(screen.getByTestId('health-alert-all'));
    expect(route()).toEqual({ page: 'health', id: null });
    expect(await screen.findByText('张三')).toBeInTheDocument();
  });

  it("a row opens what to act on: exposures, the exam's batch, the health file — by click and by Enter", async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, { due: DUE });
    be.on('health.healthFilePdf', (i) => ({ fileId: `file-${i.workerId}`, fileName: '职业健康监护档案 W005 孙八.pdf', mime: 'application/pdf', bytes: 10 }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      const u = user();
      renderInProviders(<DueSection />);
      await screen.findByText('张三');
      // the recheck row shows the factors its exam covered
      expect(screen.getByTestId('health-due-row-W002-recheck_overdue')).toHaveTextContent(NOISE);
      await u.click(screen.getByText('张三'));
      expect(route()).toEqual({ page: 'health', id: 'plan/exposures/worker/w-W001' });
      go(null);
      const recheck = await screen.findByTestId('health-due-row-W002-recheck_overdue');
      expect(recheck).toHaveAccessibleName('李四 复查已逾期：打开该体检所在批次');
      recheck.focus();
      await u.keyboard('{Enter}');
      expect(route()).toEqual({ page: 'health', id: 'exams/batch/b-77/w-W002' });
      go(null);
      // the exit row: overdue from the day the exposure ended, its factors shown; it opens the worker's exposures
      const exit = await screen.findByTestId('health-due-row-W005-exit');
      expect(exit).toHaveTextContent('逾期 61 天');
      expect(exit).toHaveTextContent(NOISE);
      expect(exit).toHaveAccessibleName('孙八 离职未做离岗体检：打开该职工的接触登记');
      exit.focus();
      await u.keyboard('{Enter}');
      expect(route()).toEqual({ page: 'health', id: 'plan/exposures/worker/w-W005' });
      expect(be.count('health.healthFilePdf')).toBe(0);
    } finally {
      click.mockRestore();
    }
  });
});

describe("one worker's exposures", () => {
  it('#/health/plan/exposures/worker/<id> lists that worker’s exposures, ended ones too; "显示全部职工" goes back to all', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, {
      exposures: [
        exposure({ id: 'x1', workerId: 'w-W001', empNo: 'W001', name: '张三', factorName: '噪声' }),
        exposure({ id: 'x2', workerId: 'w-W001', empNo: 'W001', name: '张三', factorName: '苯', endDate: '2025-01-01' }),
        exposure({ id: 'x3', workerId: 'w-W009', empNo: 'W009', name: '郑九', factorName: '噪声' }),
      ],
    });
    go('plan/exposures/worker/w-W001');
    const u = user();
    renderInProviders(<PlanTab />);
    expect(await screen.findByTestId('health-exp-worker')).toHaveTextContent('仅显示张三（W001）的接触登记');
    expect(be.last('health.exposures')).toMatchObject({ workerId: 'w-W001', state: 'all' });
    expect(screen.getByText('苯')).toBeInTheDocument();
    expect(screen.queryByText('郑九')).toBeNull();
    await u.click(screen.getByRole('button', { name: '显示全部职工' }));
    expect(route()).toEqual({ page: 'health', id: 'plan/exposures' });
    expect(await screen.findByText('郑九')).toBeInTheDocument();
  });
});
