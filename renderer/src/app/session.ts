import { create } from 'zustand';
import type { AppInfo, Operator } from '../../../shared/types';
import { call } from '../lib/api';
import { useI18n } from '../i18n';

type Phase = 'loading' | 'setup' | 'signin' | 'ready' | 'error';

interface SessionState {
  phase: Phase;
  info: AppInfo | null;
  operator: Operator | null;
  error: string | null;
  boot(): Promise<void>;
  signedIn(op: Operator): void;
  signOut(): Promise<void>;
  expired(): void;
}

export const useSession = create<SessionState>((set) => ({
  phase: 'loading',
  info: null,
  operator: null,
  error: null,
  async boot() {
    set({ phase: 'loading', error: null });
    try {
      const info = await call('app.info');
      if (!localStorage.getItem('ankang.locale')) useI18n.getState().setLocale(info.locale);
      set({
        info,
        operator: info.operator,
        phase: !info.initialized ? 'setup' : info.operator ? 'ready' : 'signin',
      });
    } catch (e) {
      set({ phase: 'error', error: (e as Error).message });
    }
  },
  signedIn(op) {
    set({ operator: op, phase: 'ready' });
  },
  async signOut() {
    await call('session.signOut').catch(() => undefined);
    set({ operator: null, phase: 'signin' });
  },
  expired() {
    set({ operator: null, phase: 'signin' });
  },
}));
