// The clear (×) buttons of filled selects and inputs: out of the Tab order (Tab from a filled select goes to the next
// field, never to its ×, so Enter cannot wipe the value by accident), labelled in the UI language (antd's Select says
// "Clear" in English whatever the locale), and Delete in a select clears it from the keyboard.
import { screen, waitFor } from '@testing-library/react';
import { useI18n } from '../../renderer/src/i18n';
import { installFakeBackend, type FakeBackend } from './fakeBackend';
import { adminOperator, ADMIN_ID, renderApp, resetStores, user } from './harness';
import { listQueries, seedWorkers } from './rosterFixtures';

beforeEach(resetStores);

async function rosterInApp(): Promise<FakeBackend> {
  const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID, workers: seedWorkers() });
  renderApp();
  await user().click(await screen.findByRole('menuitem', { name: /职工花名册|Worker roster/ }));
  await waitFor(() => expect(be.count('workers.list')).toBeGreaterThanOrEqual(1));
  return be;
}

async function pickOption(u: ReturnType<typeof user>, select: HTMLElement, title: string) {
  await u.click(select);
  const opt = await waitFor(() => {
    const el = document.querySelector<HTMLElement>(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`);
    if (!el) throw new Error('dropdown not open');
    return el;
  });
  await u.click(opt);
}

const clearOf = (select: HTMLElement) => select.closest('.ant-select')!.querySelector<HTMLElement>('.ant-select-clear');

describe('clear buttons', () => {
  test('a filled select’s × is not a Tab stop and is called 清除; Tab goes on to the next field', async () => {
    const be = await rosterInApp();
    const u = user();
    const role = await screen.findByLabelText('安全职责');
    await pickOption(u, role, '安全员');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ role: 'safety_officer' }));
    const clear = await waitFor(() => {
      const c = clearOf(role);
      if (!c) throw new Error('no clear button yet');
      return c;
    });
    await waitFor(() => expect(clear).toHaveAttribute('tabindex', '-1'));
    expect(clear).toHaveAccessibleName('清除');
    expect(screen.queryByRole('button', { name: 'Clear' })).not.toBeInTheDocument();

    role.focus();
    await u.keyboard('{Escape}');
    await u.tab();
    expect(document.activeElement).not.toBe(clear);
    expect(document.activeElement).toBe(screen.getByLabelText('特殊群体'));
    // the value survived
    expect(listQueries(be).at(-1)).toMatchObject({ role: 'safety_officer' });
  });

  test('Delete in a filled select clears it; the search box’s × is quiet too', async () => {
    const be = await rosterInApp();
    const u = user();
    const role = await screen.findByLabelText('安全职责');
    await pickOption(u, role, '安全员');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ role: 'safety_officer' }));
    role.focus();
    await u.keyboard('{Escape}{Delete}');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ role: null }));

    const search = screen.getByLabelText('搜索姓名、工号、电话、岗位');
    await u.click(search);
    await u.paste('张');
    const clear = search.closest('.ant-input-affix-wrapper')!.querySelector<HTMLElement>('.ant-input-clear-icon')!;
    await waitFor(() => expect(clear).toHaveAttribute('tabindex', '-1'));
    expect(clear).toHaveAccessibleName('清除');
  });

  test('in English the label is Clear', async () => {
    await rosterInApp();
    const u = user();
    await u.click(screen.getByRole('button', { name: 'language' }));
    await waitFor(() => expect(useI18n.getState().locale).toBe('en'));
    const role = await screen.findByLabelText('Committee role');
    await pickOption(u, role, 'Safety officer');
    const clear = await waitFor(() => {
      const c = clearOf(role);
      if (!c || c.getAttribute('tabindex') !== '-1') throw new Error('not marked yet');
      return c;
    });
    expect(clear).toHaveAccessibleName('Clear');
  });
});
