// The tabs of the workers' congress page (#/congress/<tab>): one entry per area — its key (the address), its label
// (a message key) and how to load it (each tab is its own chunk, fetched the first time it is shown).
// An area adds ONE line here; its messages go in its own messages.ts, merged in ./messages.ts.
import type { ComponentType } from 'react';

export interface CongressTabDef {
  /** the tab's address: #/congress/<key> (letters only) */
  key: string;
  /** message key of the tab's label */
  label: string;
  load(): Promise<{ default: ComponentType }>;
}

export const CONGRESS_TABS: readonly CongressTabDef[] = [
  { key: 'reps', label: 'congress.tab.reps', load: () => import('./reps/RepsTab').then((m) => ({ default: m.RepsTab })) },
  { key: 'sessions', label: 'congress.tab.sessions', load: () => import('./sessions/SessionsTab').then((m) => ({ default: m.SessionsTab })) },
  { key: 'proposals', label: 'congress.tab.proposals', load: () => import('./proposals/ProposalsTab').then((m) => ({ default: m.ProposalsTab })) },
];
