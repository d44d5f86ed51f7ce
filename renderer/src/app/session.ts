import { create } from 'zustand';
import type { AppInfo } from '../../../shared/app/types';
import type { Operator } from '../../../shared/operators/types';
import { call } from '../lib/api';
import { useI18n } from '../i18n';
import { HOME, useRouter } from './router';

type Phase = 'loading' | 'setup' | 'signin' | 'ready' | 'error';

interface SessionState {
  phase: Phase;
  info: AppInfo | null;
  operator: Operator | null;
  /** the failure as thrown (an ApiError carries a message key): show it with errorText() */
  error: unknown;
  /** Asks the backend where to start (wizard, sign-in or signed in). A boot already under way is joined, not repeated. */
  boot(): Promise<void>;
  signedIn(op: Operator): void;
  signOut(): Promise<void>;
  expired(): void;
}

let booting: Promise<void> | null = null;
let operatorsAhead: Promise<Operator[]> | null = null;

/**
 * The operator list that boot() already asked for when it found nobody signed in (so the sign-in screen does not
 * wait for its own first render before asking); null when there is none. Taken once.
 */
export function takeOperatorsAhead(): Promise<Operator[]> | null {
  const p = operatorsAhead;
  operatorsAhead = null;
  return p;
}

export const useSession = create<SessionState>((set) => ({
  phase: 'loading',
  info: null,
  operator: null,
  error: null,
  boot() {
    if (booting) return booting;
    set({ phase: 'loading', error: null });
    booting = (async () => {
      try {
        const info = await call('app.info');
        if (!localStorage.getItem('ankang.locale')) useI18n.getState().setLocale(info.locale);
        const phase = !info.initialized ? 'setup' : info.operator ? 'ready' : 'signin';
        if (phase === 'signin') {
          operatorsAhead = call('session.operators');
          operatorsAhead.catch(() => undefined); // SignIn reports a failure when it takes the promise
        }
        set({ info, operator: info.operator, phase });
      } catch (e) {
        set({ phase: 'error', error: e });
      } finally {
        booting = null;
      }
    })();
    return booting;
  },
  signedIn(op) {
    set({ operator: op, phase: 'ready' });
  },
  async signOut() {
    await call('session.signOut').catch(() => undefined);
    set({ operator: null, phase: 'signin' });
    // whoever signs in next starts on the home page (an expired session keeps its page instead). In the same tick
    // as the phase change, so the shell is gone before the route changes and no page mounts in between.
    useRouter.getState().navigate(HOME, { replace: true });
  },
  expired() {
    set({ operator: null, phase: 'signin' });
  },
}));
