// Shared helpers for renderer tests: store resets, rendering inside antd's providers, button lookup.
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StyleProvider } from '@ant-design/cssinjs';
import type { ReactElement, ReactNode } from 'react';
import { App } from '../../renderer/src/app/App';
import { HOME, useRouter } from '../../renderer/src/app/router';
import { useSession } from '../../renderer/src/app/session';
import { initialQuery, useRoster } from '../../renderer/src/features/roster/store';
import { useI18n } from '../../renderer/src/i18n';
import { setTransport, setUnauthenticatedHandler } from '../../renderer/src/lib/api';
import { FakeBackend, installFakeBackend, makeOperator, type FakeSeed } from './fakeBackend';

// antd injects ~1,500 CSS-in-JS rules into <head>; jsdom's getComputedStyle matches every rule on every
// call (~250 ms per element), and Testing Library (visibility, accessible names), user-event and antd itself
// call it constantly — the roster shell took 20 s per test. Rendering under a StyleProvider whose container is
// a detached element keeps antd's styles out of the document. Consequence: visibility in these tests comes
// from inline styles only (antd's class-based `display: none` is not applied).
export const styleSink = document.createElement('div');
export function Styles({ children }: { children: ReactNode }) {
  return <StyleProvider container={styleSink}>{children}</StyleProvider>;
}
configure({ asyncUtilTimeout: 5000 }); // generous: the suite shares CPUs with other test projects

// jsdom has no pseudo-element styles and logs "Not implemented" for every getComputedStyle(el, '::before')
// that Testing Library makes while computing accessible names; answer those with the element's own style.
const elementStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element) => elementStyle(elt);

/** Types a whole value at once (a paste): far cheaper than per-key typing in jsdom for long values. */
export async function fill(u: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string) {
  await u.click(el);
  await u.paste(text);
}

/** Replaces a field's value (cleared first, then pasted). */
export async function refill(u: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string) {
  await u.clear(el);
  await u.paste(text);
}

export function user() {
  return userEvent.setup();
}

/** zustand stores are module singletons: put them back to their first state between tests. */
export function resetStores() {
  useSession.setState({ phase: 'loading', info: null, operator: null, error: null });
  useRoster.setState({ query: initialQuery, rows: [], total: 0, loading: false, error: null, units: [], showRetired: false });
  useI18n.setState({ locale: 'zh-CN' });
  document.documentElement.lang = 'zh-CN';
  setTransport(null);
  setUnauthenticatedHandler(null);
  // routes: an empty address (home) and no open record
  history.replaceState(null, '', window.location.pathname + window.location.search);
  useRouter.setState({ route: HOME, leaveGuard: null });
}

/**
 * antd puts a space between the two characters of a two-Chinese-character button label ("删除" → "删 除"),
 * so button names are matched with optional whitespace between characters.
 */
export function label(text: string): RegExp {
  const esc = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*${esc.join('\\s*')}\\s*$`);
}
export function button(text: string) {
  return screen.getByRole('button', { name: label(text) });
}
export function findButton(text: string) {
  return screen.findByRole('button', { name: label(text) });
}

/** The whole app, as main.tsx renders it (minus StrictMode). */
export function renderApp() {
  return render(
    <Styles>
      <App />
    </Styles>,
  );
}

/** A single page inside the providers App gives it (ConfigProvider + antd App for message/modal). */
export function renderInProviders(ui: ReactElement) {
  return render(
    <Styles>
      <ConfigProvider locale={zhCN}>
        <AntApp>{ui}</AntApp>
      </ConfigProvider>
    </Styles>,
  );
}

export const ADMIN_ID = 'op-admin';
export function adminOperator() {
  return makeOperator({ id: ADMIN_ID, workerId: 'w-admin', name: '王主席', empNo: 'A0001', isAdmin: true });
}

/** A fake backend that is initialised with `meId` signed in (default: an admin), and the session store in 'ready'. */
export function signedInBackend(seed: FakeSeed = {}, meId: string = ADMIN_ID): FakeBackend {
  const be = installFakeBackend({ ...seed, operators: seed.operators ?? [adminOperator()], signedIn: meId });
  const me = be.currentOperator;
  if (!me) throw new Error(`no operator ${meId} in the seed`);
  useSession.setState({ phase: 'ready', operator: me, info: null, error: null });
  return be;
}
