import { screen, waitFor, within, fireEvent, act } from '@testing-library/react';
import { LedgerPage } from '../../renderer/src/features/hazards/LedgerPage';
import { HazardDrawer } from '../../renderer/src/features/hazards/HazardDrawer';
import { fill, renderInProviders, resetStores, user, label } from './harness';
import { hazardBackend, makeHazard, topDialog, formItem } from './hazardFixtures';

beforeEach(() => { resetStores(); Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }); });

test('probe ledger', async () => {
  const { be, state } = hazardBackend({ views: [{ id: 'v-1', name: '逾期红色', query: { status: 'all', risk: 'red' } }] });
  state.hazards.push(makeHazard({ id: 'h-1', serial: 'YH-1', description: 'd1' }));
  renderInProviders(<LedgerPage />);
  await waitFor(() => expect(be.count('views.list')).toBe(1));
  await screen.findByText('YH-1');
  const u = user();
  await u.click(screen.getByRole('button', { name: label('视图') }));
  await waitFor(() => expect(screen.getByText('逾期红色')).toBeInTheDocument());
  console.log(screen.getAllByRole('menuitem').map(e => e.textContent));
  await u.click(screen.getByRole('menuitem', { name: '逾期红色' }));
  await waitFor(() => expect(be.last('hazards.list')).toMatchObject({ status: 'all', risk: 'red' }));
  console.log(screen.getAllByRole('columnheader').map(e => e.textContent));
});

test('probe drawer', async () => {
  const { be, state } = hazardBackend();
  state.hazards.push(makeHazard({ id: 'h-1', serial: 'YH-1', description: 'd1', events: [
    { seq: 1, at: '2026-04-20T09:30:00.000Z', actorName: '王主席', action: 'report', fromStatus: null, toStatus: 'reported', comment: null },
    { seq: 2, at: '2026-04-21T10:00:00.000Z', actorName: '李安全', action: 'confirm', fromStatus: 'reported', toStatus: 'confirmed', comment: '尽快' },
  ] }));
  renderInProviders(<HazardDrawer id="h-1" onClose={vi.fn()} onChanged={vi.fn()} />);
  await screen.findByTestId('hazard-serial');
  const tl = screen.getByTestId('hazard-timeline');
  console.log(tl.tagName, [...tl.querySelectorAll('li')].map(e => e.className + ' :: ' + e.textContent));
  console.log(screen.getByTestId('hazard-actions').textContent);
});
