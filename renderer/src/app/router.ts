// Pages with addresses: a tiny hash router. Every page and every opened record has a route —
// #/dashboard, #/hazards, #/hazards/<id>, #/roster, #/roster/<workerId>, #/enterprise, #/operators, #/settings —
// so Back/Forward, reload and links work. A hash (not a path) because the Electron window loads a file:// URL.
//
// The browser host hands its API token over in the fragment on first load (#token=…); lib/api.ts takes it into
// sessionStorage and clears the fragment. The router never reads a route out of, nor writes over, a fragment that
// still holds a token: takeTokenFragment() (main.tsx, before the first render) consumes it first and keeps any
// route that came with it.
import { create } from 'zustand';
import { httpTransport, setTransport } from '../lib/api';
import { PAGE_DEFS } from './pages';

export type Page = (typeof PAGE_DEFS)[number]['page'];
export const PAGES: readonly Page[] = PAGE_DEFS.map((p) => p.page);
/** pages whose records open in a drawer on top of the page's list */
export type RecordPage = Extract<(typeof PAGE_DEFS)[number], { records: true }>['page'];
const RECORD_PAGES: readonly Page[] = PAGE_DEFS.filter((p) => 'records' in p && p.records).map((p) => p.page);
/** how many segments a page's record address may have (1 unless its definition says more) */
const SEGMENTS = new Map<Page, number>(PAGE_DEFS.map((p) => [p.page, 'segments' in p && typeof p.segments === 'number' ? p.segments : 1]));

export interface Route {
  page: Page;
  /** the open record (hazard id, worker id) on a record page, else null */
  id: string | null;
}

export const HOME: Route = { page: 'dashboard', id: null };
/** ids are opaque (backend idSchema: 1–64 characters); a route accepts only URL-safe ones */
const ID = /^[A-Za-z0-9_.~-]{1,64}$/;
const TOKEN = /(^#?|&)token=/;

/** The route of a location.hash; `known` is false for anything that is not a route (then it falls back to home). */
export function parseHash(hash: string): { route: Route; known: boolean } {
  const h = hash.replace(/^#/, '');
  if (h === '' || h === '/') return { route: HOME, known: true };
  const parts = h.replace(/^\//, '').replace(/\/$/, '').split('/');
  const page = PAGES.find((p) => p === parts[0]);
  if (!page || !h.startsWith('/') || parts.length > 1 + (SEGMENTS.get(page) ?? 1)) return { route: HOME, known: false };
  if (parts.length === 1) return { route: { page, id: null }, known: true };
  let segs: string[];
  try {
    segs = parts.slice(1).map((p) => decodeURIComponent(p));
  } catch {
    return { route: { page, id: null }, known: false };
  }
  if (!RECORD_PAGES.includes(page) || !segs.every((s) => ID.test(s))) return { route: { page, id: null }, known: false };
  return { route: { page, id: segs.join('/') }, known: true };
}

export function routeHash(r: Route): string {
  // a page with several segments (#/wage/<tab>/<YYYY-MM>) keeps its slashes; any other id is one segment
  const id = r.id && (SEGMENTS.get(r.page) ?? 1) > 1 ? r.id.split('/').map(encodeURIComponent).join('/') : r.id && encodeURIComponent(r.id);
  return id && RECORD_PAGES.includes(r.page) ? `#/${r.page}/${id}` : `#/${r.page}`;
}

const sameRoute = (a: Route, b: Route) => a.page === b.page && a.id === b.id;

/**
 * history.state of an entry this router pushed for an open record: `list` = how many steps back the record's
 * list route is (1 when opened from the list, 2 from a record opened from the list…), so closing can go back to it.
 */
interface EntryState {
  ankangList?: number;
}
function entryList(): number | undefined {
  const s = history.state as EntryState | null;
  return typeof s?.ankangList === 'number' && s.ankangList > 0 ? s.ankangList : undefined;
}

interface RouterState {
  route: Route;
  /**
   * What the page navigated to should do on arrival, once (e.g. 'import' on the roster: open the import dialog) —
   * set by navigate(…, { intent }), taken by the page (takeIntent). Not part of the address: Back does not repeat it.
   */
  intent: { page: Page; name: string } | null;
  /** Goes to a page or opens a record: a new history entry (Back returns), or the current one replaced. */
  navigate(to: Route, opts?: { replace?: boolean; intent?: string }): void;
  /** True once when the page was navigated to with this intent (and clears it). */
  takeIntent(page: Page, name: string): boolean;
  /** Closes the open record: back to the page's list (through history when the record was opened from it). */
  closeRecord(): void;
  /** Reads the route from location.hash (on start, Back/Forward, an address typed or a link followed). */
  sync(): void;
  /**
   * A page with unsaved work (the exam grid) guards leaving it: navigate and a hash change ask `guard(to)` first when
   * the route would change; false keeps the route (the page asks the user and navigates itself once they decide).
   */
  leaveGuard: ((to: Route) => boolean) | null;
  setLeaveGuard(guard: ((to: Route) => boolean) | null): void;
}

function hasToken() {
  return TOKEN.test(window.location.hash);
}

export const useRouter = create<RouterState>((set, get) => ({
  route: hasToken() ? HOME : parseHash(window.location.hash).route,
  intent: null,
  takeIntent(page, name) {
    const i = get().intent;
    if (!i || i.page !== page || i.name !== name) return false;
    set({ intent: null });
    return true;
  },
  leaveGuard: null,
  setLeaveGuard(guard) {
    set({ leaveGuard: guard });
  },
  navigate(to, opts = {}) {
    const route: Route = { page: to.page, id: RECORD_PAGES.includes(to.page) ? to.id : null };
    const from = get().route;
    const guard = get().leaveGuard;
    if (guard && !sameRoute(from, route) && !guard(route)) return;
    set({ intent: opts.intent ? { page: route.page, name: opts.intent } : null });
    if (sameRoute(from, route)) return;
    const url = routeHash(route);
    if (opts.replace) {
      history.replaceState(null, '', url);
    } else {
      // opening a record of the list we are on (or of a record opened from it) remembers the way back
      const back = from.page === route.page && route.id ? (from.id === null ? 1 : entryList() ? entryList()! + 1 : undefined) : undefined;
      history.pushState(back ? ({ ankangList: back } satisfies EntryState) : null, '', url);
    }
    set({ route });
  },
  closeRecord() {
    const { route } = get();
    if (!route.id) return;
    const back = entryList();
    if (back) history.go(-back); // popstate → sync() shows the list
    else get().navigate({ page: route.page, id: null }, { replace: true });
  },
  sync() {
    if (hasToken()) return; // not ours: lib/api.ts consumes it on the first call
    const { route, known } = parseHash(window.location.hash);
    const from = get().route;
    const guard = get().leaveGuard;
    if (guard && !sameRoute(from, route) && !guard(route)) {
      // Back or an address typed while the page has unsaved work: its address comes back (a new entry, so the one
      // left keeps its place in the history), the page asks the user
      history.pushState(null, '', routeHash(from));
      return;
    }
    if (!known) history.replaceState(null, '', routeHash(route)); // unknown → home (or the page's list), shown in the address
    if (!sameRoute(from, route)) set({ route });
  },
}));

export function useRoute(): Route {
  return useRouter((s) => s.route);
}

/** Follows Back/Forward and hash changes (typed addresses, <a href="#/…"> links) while the app is mounted. */
export function listenToLocation(): () => void {
  const sync = () => useRouter.getState().sync();
  sync();
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  return () => {
    window.removeEventListener('popstate', sync);
    window.removeEventListener('hashchange', sync);
  };
}

/**
 * Browser host only (no preload bridge): hands the #token=… fragment to lib/api.ts before the router looks at the
 * fragment, and keeps a route that came with it (#/hazards/<id>&token=…). A no-op without a token.
 */
export function takeTokenFragment(): void {
  if (window.ankang || !hasToken()) return;
  const route = window.location.hash.replace(/^#/, '').split('&').filter((p) => !p.startsWith('token=')).join('&');
  setTransport(httpTransport()); // stores the token in sessionStorage and clears the fragment
  if (route.startsWith('/') && parseHash(route).known) history.replaceState(null, '', `#${route}`);
  useRouter.getState().sync();
}
