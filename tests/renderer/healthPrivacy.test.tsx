// Exam results are private medical data (shared/health/privacy.ts): for a team leader the roster drawer's health-file
// button is disabled and says why (hover and keyboard focus), and nothing is asked of the backend; an OH manager makes
// the file. The due list says when the backend left the recheck and contraindication alerts out (restricted).
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { DueSection } from '../../renderer/src/features/health/plan/DueSection';
import { WorkerDrawer } from '../../renderer/src/features/roster/WorkerDrawer';
import { ALERT_KINDS, type AlertKind } from '../../shared/health/plan/types';
import { makeOperator, makeWorker } from './fakeBackend';
import { renderInProviders, resetStores, signedInBackend, user } from './harness';
import { dueRow } from './healthPlanFake';

beforeEach(() => resetStores());

const WORKERS = [makeWorker({ id: 'w-1', empNo: 'W001', name: '张三' }), makeWorker({ id: 'w-2', empNo: 'W002', name: '李四' })];
const REASON = '职业健康监护档案含体检结论，只有职业卫生管理员、安全员、工会干部和管理员可以查看';

describe("the roster drawer's health file", () => {
  it('a team leader: disabled, the reason on hover and on keyboard focus, nothing sent', async () => {
    const tl = makeOperator({ id: 'op-tl', workerId: 'w-2', name: '李四', roles: ['team_leader'] });
    const be = signedInBackend({ workers: WORKERS, operators: [tl] }, 'op-tl');
    const u = user();
    renderInProviders(<WorkerDrawer id="w-1" version={0} onClose={() => undefined} onEdit={() => undefined} />);
    const button = await screen.findByTestId('health-file-button');
    expect(button).toBeDisabled();
    const locked = screen.getByTestId('health-file-locked');
    expect(locked).toHaveAttribute('aria-label', REASON);
    // keyboard: the wrapper takes the focus and shows the reason
    act(() => locked.focus());
    expect(locked).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(REASON);
    await u.hover(locked);
    fireEvent.click(button);
    expect(be.count('health.healthFilePdf')).toBe(0);
    // the drawer's other action stays
    expect(screen.getByRole('button', { name: /编\s*辑/ })).toBeEnabled();
  });

  it('an OH manager: enabled, makes the file', async () => {
    const oh = makeOperator({ id: 'op-oh', workerId: 'w-2', name: '李四', roles: ['oh_manager'] });
    const be = signedInBackend({ workers: WORKERS, operators: [oh] }, 'op-oh');
    be.on('health.healthFilePdf', (i) => ({ fileId: `file-${i.workerId}`, fileName: '职业健康监护档案 W001 张三.pdf', mime: 'application/pdf', bytes: 10 }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      const u = user();
      renderInProviders(<WorkerDrawer id="w-1" version={0} onClose={() => undefined} onEdit={() => undefined} />);
      const button = await screen.findByTestId('health-file-button');
      expect(button).toBeEnabled();
      expect(screen.queryByTestId('health-file-locked')).toBeNull();
      await u.click(button);
      await waitFor(() => expect(be.last('health.healthFilePdf')).toEqual({ workerId: 'w-1' }));
    } finally {
      click.mockRestore();
    }
  });
});

describe('the due list for those who do not read exam results', () => {
  const counts = (c: Partial<Record<AlertKind, number>>) => ({ ...(Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as Record<AlertKind, number>), ...c });
  it('says that rechecks and contraindications are left out; the due exams are listed', async () => {
    const tl = makeOperator({ id: 'op-tl', workerId: 'w-2', name: '李四', roles: ['team_leader'] });
    const be = signedInBackend({ workers: WORKERS, operators: [tl] }, 'op-tl');
    const rows = [dueRow({ empNo: 'W001', name: '张三', alert: 'periodic_overdue', dueDate: '2026-04-20', days: -11 })];
    be.on('health.due', () => ({ today: '2026-05-01', rows, total: 1, counts: counts({ periodic_overdue: 1 }), restricted: true }));
    renderInProviders(<DueSection />);
    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(screen.getByTestId('health-due-restricted')).toHaveTextContent('复查和职业禁忌证提醒涉及体检结论，只有职业卫生管理员、安全员、工会干部和管理员可见');
    expect(screen.queryByTestId('health-alert-contraindication')).toBeNull();
    expect(screen.queryByTestId('health-alert-recheck_overdue')).toBeNull();
  });

  it('an OH manager sees no such note', async () => {
    const be = signedInBackend({ workers: WORKERS });
    const rows = [dueRow({ empNo: 'W002', name: '李四', alert: 'contraindication', dueDate: '2026-04-01', detail: '高血压' })];
    be.on('health.due', () => ({ today: '2026-05-01', rows, total: 1, counts: counts({ contraindication: 1 }), restricted: false }));
    renderInProviders(<DueSection />);
    expect(await screen.findByText('高血压')).toBeInTheDocument();
    expect(screen.queryByTestId('health-due-restricted')).toBeNull();
  });
});
