// Pages with addresses in a real Chromium against a real browser host: a hazard's route (#/hazards/<id>) loads
// directly with its drawer open — typed into the address bar, after a reload, and in a fresh tab that carries the
// host token along with the route — and the browser's Back returns to the ledger.
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../shared/enterprise/uscc';
import { api, TAB, useE2E } from './fixtures';
import { LedgerPage, SetupPage, Shell, SignInPage } from './pages';

const USCC = ((first17: string) => first17 + usccCheckChar(first17))('91321283MA1R0UTE5');


interface Created {
  id: string;
  serial: string;
}

describe('pages with addresses (browser host + Chromium)', () => {
  const app = useE2E();
  const ledger = () => new LedgerPage(app.page);
  const hashOf = (url: string) => new URL(url).hash;
  let h1: Created;
  let h2: Created;

  it('a hazard route typed into the address bar opens its drawer over the ledger; Back returns to the ledger', async () => {
    // the first-run wizard is on screen; set the store up and log two linked hazards through the API
    await new SetupPage(app.page).waitUntilVisible();
    await api(app.host, 'setup.init', {
      enterprise: { name: '泰州路由测试有限公司', uscc: USCC, headcount: 50 },
      operator: { empNo: 'R0001', name: '陆主席', gender: 'M', roles: ['union_officer'], pin: null },
    });
    const report = (description: string) =>
      api<Created>(app.host, 'hazards.report', { foundAt: '2026-03-02T10:15', source: 'self_check', category1: 'material', category2: 'physical', description });
    h1 = await report('二号车间叉车通道地面油污未清理，存在滑倒风险');
    h2 = await report('二号车间叉车倒车报警器失灵');
    await api(app.host, 'hazards.link', { id: h1.id, otherId: h2.id });

    // the tab keeps its token in sessionStorage: a reload boots signed in, on the home page
    await app.page.evaluate((k) => (globalThis as unknown as { sessionStorage: { setItem(a: string, b: string): void } }).sessionStorage.setItem('ankang.tab', k), TAB);
    await app.page.reload();
    const shell = new Shell(app.page);
    await shell.waitSignedIn('陆主席');
    await shell.go('隐患台账');
    await ledger().waitUntilVisible();
    await ledger().waitTotal(2);
    expect(hashOf(app.page.url())).toBe('#/hazards');

    await app.page.goto(`${app.host.origin}/#/hazards/${h1.id}`);
    await ledger().drawer.waitFor(h1.serial);
    expect(await ledger().drawer.root.getByText('二号车间叉车通道地面油污未清理，存在滑倒风险').count()).toBe(1);
    await app.shot('routes-01-hazard-by-address');

    await app.page.goBack();
    await ledger().drawer.root.waitFor({ state: 'hidden' });
    expect(hashOf(app.page.url())).toBe('#/hazards');
    await ledger().waitTotal(2);
    await ledger().row(h1.serial).waitFor();
    await app.shot('routes-02-back-to-ledger');
  });

  it('a reload keeps the open record; a linked hazard opens by its route, Back returns to the first one', async () => {
    await app.page.goForward();
    await ledger().drawer.waitFor(h1.serial);
    await app.page.reload();
    await ledger().drawer.waitFor(h1.serial);
    expect(hashOf(app.page.url())).toBe(`#/hazards/${h1.id}`);
    await ledger().waitUntilVisible(); // the ledger is under the drawer

    const link = ledger().drawer.root.getByRole('link', { name: new RegExp(h2.serial) });
    expect(await link.getAttribute('href')).toBe(`#/hazards/${h2.id}`);
    await link.click();
    await ledger().drawer.waitFor(h2.serial);
    expect(hashOf(app.page.url())).toBe(`#/hazards/${h2.id}`);

    await app.page.goBack();
    await ledger().drawer.waitFor(h1.serial);
    expect(hashOf(app.page.url())).toBe(`#/hazards/${h1.id}`);

    // the drawer's × closes to the list route
    await ledger().drawer.closeButton.click();
    await ledger().drawer.root.waitFor({ state: 'hidden' });
    expect(hashOf(app.page.url())).toBe('#/hazards');
  });

  it('a fresh tab opened on the host address with a hazard route signs in for itself, then keeps the route and drops the token', async () => {
    const tab = await app.context.newPage();
    try {
      await tab.goto(`${app.host.origin}/#/hazards/${h2.id}&token=${app.host.token}`);
      // every tab has its own sign-in: the first tab's operator does not carry over
      const signIn = new SignInPage(tab);
      await signIn.waitUntilVisible('陆主席');
      await signIn.choose('陆主席');
      const l = new LedgerPage(tab);
      await l.drawer.waitFor(h2.serial);
      expect(hashOf(tab.url())).toBe(`#/hazards/${h2.id}`);
      // runs in the page (the node tsconfig has no DOM types, hence globalThis)
      const stored = await tab.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('ankang.token'));
      expect(stored).toBe(app.host.token);
      await tab.keyboard.press('Escape');
      await l.drawer.root.waitFor({ state: 'hidden' });
      expect(hashOf(tab.url())).toBe('#/hazards');
      await l.waitTotal(2);
    } finally {
      await tab.close();
    }
    expect(app.pageErrors).toEqual([]);
  });
});
