// Pages with addresses: the hash router (renderer/src/app/router.ts) with the whole app — pages by hash, records
// (hazard, worker) as #/hazards/<id> and #/roster/<workerId>, Back/Forward, reload, links, the fallback for unknown
// routes, and the browser host's #token=… fragment, which must still reach lib/api.ts.
import { act, screen, waitFor, within } from '@testing-library/react';
import { HOME, parseHash, routeHash, takeTokenFragment, useRouter } from '../../renderer/src/app/router';
import { setTransport } from '../../renderer/src/lib/api';
import type { HazardReminders, HazardStats } from '../../shared/hazards/types';
import type { AppInfo } from '../../shared/app/types';
import { makeWorker, type FakeBackend } from './fakeBackend';
import { label, renderApp, resetStores, signedInBackend, user } from './harness';
import { hazardBackend, makeHazard, toRow } from './hazardFixtures';

beforeEach(resetStores);

const hash = () => window.location.hash;
/**
 * Puts an address in place before the app starts, as a reload or a typed address would (a new last entry). On a real
 * load the router reads the address when its module loads; here the module is already loaded, so it reads it now.
 */
function startAt(h: string) {
  history.pushState(null, '', h);
  if (!/token=/.test(h)) useRouter.getState().sync();
}
/** the drawer's × (antd labels it 关闭 / Close) */
const closeButton = () => screen.getByRole('button', { name: /^(close|关闭)$/i });
/** Changes the address while the app runs (a typed address or followed link): the browser fires hashchange. */
async function goTo(h: string) {
  await act(async () => {
    window.location.hash = h;
    await new Promise((r) => setTimeout(r, 0));
  });
}
async function back() {
  await act(async () => {
    const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    history.back();
    await popped;
  });
}

const emptyStats = (year: number): HazardStats => ({
  year,
  quarter: null,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  found: 0,
  closed: 0,
  cancelled: 0,
  open: 0,
  overdue: 0,
  closureRate: null,
  avgDaysToClose: null,
  openByGrade: [],
  openByWorkshop: [],
  monthly: [],
  byRisk: [],
  table: [],
});

function hazards() {
  const h1 = makeHazard({ id: 'h-1', serial: 'YH-2026-0001', description: '三号压力机光电保护失效', status: 'rectifying', overdue: true, dueDate: '2026-04-23' });
  const h2 = makeHazard({ id: 'h-2', serial: 'YH-2026-0002', description: '配电柜前堆放杂物', status: 'confirmed' });
  h1.links = [{ id: 'h-2', serial: h2.serial, description: h2.description, status: h2.status }];
  return [h1, h2];
}

/** A signed-in admin with two hazards (h-1 overdue, linked to h-2) and the home page's channels. */
function backend(): FakeBackend {
  const { be, state } = hazardBackend({ hazards: hazards() });
  be.on('hazards.stats', (i) => emptyStats(i.year));
  be.on('hazards.reminders', (): HazardReminders => {
    const overdue = state.hazards.filter((h) => h.overdue).map(toRow);
    return { overdue, dueSoon: [], overdueCount: overdue.length, dueSoonCount: 0 };
  });
  return be;
}

const drawerSerial = () => screen.queryByTestId('hazard-serial')?.textContent ?? null;
const ledgerShown = () => screen.findByTestId('ledger-total');

describe('route parsing', () => {
  test('pages, records and what is not a route', () => {
    expect(parseHash('')).toEqual({ route: HOME, known: true });
    expect(parseHash('#/')).toEqual({ route: HOME, known: true });
    expect(parseHash('#/dashboard')).toEqual({ route: HOME, known: true });
    expect(parseHash('#/hazards')).toEqual({ route: { page: 'hazards', id: null }, known: true });
    expect(parseHash('#/hazards/')).toEqual({ route: { page: 'hazards', id: null }, known: true });
    expect(parseHash('#/hazards/h-1')).toEqual({ route: { page: 'hazards', id: 'h-1' }, known: true });
    expect(parseHash('#/roster/w_7')).toEqual({ route: { page: 'roster', id: 'w_7' }, known: true });
    expect(parseHash('#/settings')).toEqual({ route: { page: 'settings', id: null }, known: true });
    // not routes
    expect(parseHash('#/nope').known).toBe(false);
    expect(parseHash('#/nope').route).toEqual(HOME);
    expect(parseHash('#hazards').known).toBe(false);
    expect(parseHash('#/settings/x')).toEqual({ route: { page: 'settings', id: null }, known: false }); // no records there
    expect(parseHash('#/hazards/a/b').known).toBe(false);
    expect(parseHash('#/hazards/%E0%A4%A')).toEqual({ route: { page: 'hazards', id: null }, known: false }); // bad escape
    expect(parseHash('#/hazards/<script>').known).toBe(false);
    expect(parseHash(`#/hazards/${'x'.repeat(65)}`).known).toBe(false);
  });

  test('routeHash is what parseHash reads back', () => {
    for (const r of [HOME, { page: 'hazards', id: 'h-1' }, { page: 'roster', id: null }, { page: 'operators', id: null }] as const) {
      expect(parseHash(routeHash(r))).toEqual({ route: r, known: true });
    }
    expect(routeHash({ page: 'settings', id: 'x' })).toBe('#/settings'); // only hazards and roster have records
  });
});

describe('pages by address', () => {
  test('a page address shows that page; the menu writes the address', async () => {
    const be = backend();
    startAt('#/roster');
    renderApp();
    expect(await screen.findByLabelText('搜索姓名、工号、电话、岗位')).toBeInTheDocument();
    expect(be.count('hazards.stats')).toBe(0); // the home page was never shown

    await user().click(screen.getByRole('menuitem', { name: '隐患台账' }));
    await ledgerShown();
    expect(hash()).toBe('#/hazards');

    await user().click(screen.getByRole('menuitem', { name: '设置' }));
    expect(hash()).toBe('#/settings');
    await waitFor(() => expect(screen.queryByTestId('ledger-total')).toBeNull());

    // Back returns to the ledger, a typed address goes anywhere
    await back();
    await ledgerShown();
    expect(hash()).toBe('#/hazards');
    await goTo('#/operators');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: '操作员' }).closest('li, .ant-menu-item')).toHaveClass('ant-menu-item-selected'));
    await waitFor(() => expect(screen.queryByTestId('ledger-total')).toBeNull());
  });

  test('an unknown address falls back to the home page and says so in the address', async () => {
    const be = backend();
    startAt('#/no-such-page/42');
    renderApp();
    await waitFor(() => expect(be.count('hazards.stats')).toBe(1));
    expect(hash()).toBe('#/dashboard');
    expect(screen.getByRole('menuitem', { name: '首页' }).closest('li, .ant-menu-item')).toHaveClass('ant-menu-item-selected');
  });

  test('after 退出登录 the next operator starts on the home page', async () => {
    const be = backend();
    startAt('#/roster');
    renderApp();
    await screen.findByLabelText('搜索姓名、工号、电话、岗位');
    await user().click(screen.getByRole('button', { name: label('退出登录') }));
    await user().click(await screen.findByRole('button', { name: '登录 王主席' }));
    await waitFor(() => expect(be.count('hazards.stats')).toBe(1));
    expect(hash()).toBe('#/dashboard');
    expect(screen.getByRole('menuitem', { name: '首页' }).closest('li, .ant-menu-item')).toHaveClass('ant-menu-item-selected');
    expect(screen.queryByLabelText('搜索姓名、工号、电话、岗位')).toBeNull();
  });

  test('no address at all is the home page, and the address is left alone', async () => {
    const be = backend();
    renderApp();
    await waitFor(() => expect(be.count('hazards.reminders')).toBe(1));
    expect(hash()).toBe('');
  });
});

describe('hazard records by address', () => {
  test('opening a hazard sets #/hazards/<id>; Back closes the drawer and returns to the ledger', async () => {
    backend();
    startAt('#/hazards');
    renderApp();
    await ledgerShown();
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'YH-2026-0001' }));
    expect(hash()).toBe('#/hazards/h-1');
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0001'));

    await back();
    expect(hash()).toBe('#/hazards');
    await waitFor(() => expect(screen.queryByTestId('hazard-serial')).toBeNull());
    expect(screen.getByTestId('ledger-total')).toBeInTheDocument();
  });

  test('closing the drawer goes back to the ledger entry (no extra history entry)', async () => {
    backend();
    startAt('#/hazards');
    renderApp();
    await ledgerShown();
    const before = history.length;
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'YH-2026-0002' }));
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0002'));
    expect(history.length).toBe(before + 1);

    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      await u.click(closeButton());
      await popped;
    });
    expect(hash()).toBe('#/hazards');
    await waitFor(() => expect(screen.queryByTestId('hazard-serial')).toBeNull());
    expect(history.length).toBe(before + 1);
    // it went back (not a new #/hazards entry): Forward reopens the record, as in any browser
    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      history.forward();
      await popped;
    });
    expect(hash()).toBe('#/hazards/h-2');
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0002'));
  });

  test('the keyboard: Enter on a ledger row opens its route, Escape closes it', async () => {
    backend();
    startAt('#/hazards');
    renderApp();
    await ledgerShown();
    const row = (await screen.findByRole('button', { name: 'YH-2026-0001' })).closest('.ant-table-row') as HTMLElement;
    row.focus();
    const u = user();
    await u.keyboard('{Enter}');
    expect(hash()).toBe('#/hazards/h-1');
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0001'));
    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      await u.keyboard('{Escape}');
      await popped;
    });
    expect(hash()).toBe('#/hazards');
  });

  test('a typed #/hazards/<id> opens that drawer over the ledger', async () => {
    backend();
    startAt('#/hazards');
    renderApp();
    await ledgerShown();
    await goTo('#/hazards/h-2');
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0002'));
    expect(screen.getByTestId('ledger-total')).toBeInTheDocument();
  });

  test('a reload on #/hazards/<id> keeps the page and the open record; closing then replaces it with the ledger', async () => {
    backend();
    startAt('#/hazards/h-1');
    renderApp();
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0001'));
    expect(screen.getByTestId('ledger-total')).toBeInTheDocument();
    const before = history.length;
    await user().click(closeButton());
    await waitFor(() => expect(screen.queryByTestId('hazard-serial')).toBeNull());
    expect(hash()).toBe('#/hazards');
    expect(history.length).toBe(before); // replaced, not pushed: Back leaves the ledger as before the reload
  });

  test('a linked hazard in the drawer is a link to its route; Back returns to the first one, closing to the ledger', async () => {
    backend();
    startAt('#/hazards');
    renderApp();
    await ledgerShown();
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'YH-2026-0001' }));
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0001'));
    const link = await screen.findByRole('link', { name: /YH-2026-0002 · 已确认/ });
    expect(link).toHaveAttribute('href', '#/hazards/h-2');
    await u.click(link);
    expect(hash()).toBe('#/hazards/h-2');
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0002'));

    await back();
    expect(hash()).toBe('#/hazards/h-1');
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0001'));

    // forward again, then close: two entries back, to the ledger
    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      history.forward();
      await popped;
    });
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0002'));
    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      await u.click(closeButton());
      await popped;
    });
    expect(hash()).toBe('#/hazards');
    await waitFor(() => expect(screen.queryByTestId('hazard-serial')).toBeNull());
  });

  test('a reminder on the home page opens the hazard by its route; closing shows the ledger', async () => {
    backend();
    renderApp();
    const reminder = await screen.findByRole('row', { name: '打开隐患 YH-2026-0001' });
    await user().click(reminder);
    expect(hash()).toBe('#/hazards/h-1');
    await waitFor(() => expect(drawerSerial()).toBe('YH-2026-0001'));
    expect(screen.getByRole('menuitem', { name: '隐患台账' }).closest('li, .ant-menu-item')).toHaveClass('ant-menu-item-selected');

    await user().click(closeButton());
    await waitFor(() => expect(screen.queryByTestId('hazard-serial')).toBeNull());
    expect(hash()).toBe('#/hazards');
    await back(); // and Back from the ledger is the home page
    expect(hash()).toBe('');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: '首页' }).closest('li, .ant-menu-item')).toHaveClass('ant-menu-item-selected'));
  });

  test('an id that is not a hazard shows the backend message in the drawer', async () => {
    backend();
    startAt('#/hazards/h-404');
    renderApp();
    expect(await screen.findByText('找不到该隐患')).toBeInTheDocument();
  });
});

describe('worker records by address', () => {
  test('#/roster/<workerId> opens the worker drawer; opening another worker sets its route', async () => {
    signedInBackend({ workers: [makeWorker({ id: 'w-1', empNo: 'E001', name: '张三' }), makeWorker({ id: 'w-2', empNo: 'E002', name: '李娜' })] });
    startAt('#/roster/w-1');
    renderApp();
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('张三 · E001')).toBeInTheDocument();

    await user().click(closeButton());
    await waitFor(() => expect(hash()).toBe('#/roster'));

    await user().click(await screen.findByRole('button', { name: label('李娜') }));
    expect(hash()).toBe('#/roster/w-2');
    expect(await screen.findByText('李娜 · E002')).toBeInTheDocument();
  });
});

describe('the browser host token in the fragment', () => {
  const info: AppInfo = {
    initialized: false,
    operator: null,
    locale: 'zh-CN',
  } as unknown as AppInfo;

  test('takeTokenFragment stores the token for lib/api.ts and clears it from the address', () => {
    startAt('#token=abc123');
    takeTokenFragment();
    expect(sessionStorage.getItem('ankang.token')).toBe('abc123');
    expect(hash()).toBe('');
    expect(useRouter.getState().route).toEqual(HOME);
  });

  test('a route that came with the token is kept', () => {
    startAt('#/hazards/h-1&token=t0k3n');
    takeTokenFragment();
    expect(sessionStorage.getItem('ankang.token')).toBe('t0k3n');
    expect(hash()).toBe('#/hazards/h-1');
    expect(useRouter.getState().route).toEqual({ page: 'hazards', id: 'h-1' });
  });

  test('without takeTokenFragment the app still hands the token to the first call: the router never overwrites it', async () => {
    startAt('#token=secret-1');
    const seen: string[] = [];
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      seen.push((init.headers as Record<string, string>)['X-Ankang-Token']!);
      return { ok: true, status: 200, body: null, headers: new Headers({ 'content-type': 'application/json' }), json: async () => ({ ok: true, value: info }) } as unknown as Response;
    });
    vi.stubGlobal('fetch', fetchMock);
    try {
      setTransport(null); // the real httpTransport
      renderApp();
      await waitFor(() => expect(seen).toEqual(['secret-1']));
      expect(sessionStorage.getItem('ankang.token')).toBe('secret-1');
      expect(hash()).toBe('');
      expect(useRouter.getState().route).toEqual(HOME);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
