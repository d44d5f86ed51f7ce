// The tabs of the skill-level wage page (#/wage/<tab>): one entry per area — its key (the address), its label (a
// message key) and how to load it (each tab is its own chunk, fetched the first time it is shown). An area adds ONE
// line here once its tab exists (records 记录, schemes 方案, runs 月度核算, whatif 测算); its messages go in its own
// messages.ts, merged in ./messages.ts.
import type { ComponentType } from 'react';

export interface WageTabDef {
  /** the tab's address: #/wage/<key> (letters only) */
  key: string;
  /** message key of the tab's label */
  label: string;
  load(): Promise<{ default: ComponentType }>;
}

export const WAGE_TABS: readonly WageTabDef[] = [
  { key: 'records', label: 'wage.tab.records', load: () => import('./records/RecordsTab').then((m) => ({ default: m.RecordsTab })) },
  { key: 'schemes', label: 'wage.tab.schemes', load: () => import('./schemes/SchemesTab').then((m) => ({ default: m.SchemesTab })) },
  { key: 'runs', label: 'wage.tab.runs', load: () => import('./runs/RunsTab').then((m) => ({ default: m.RunsTab })) },
  { key: 'whatif', label: 'wage.tab.whatif', load: () => import('./whatif/WhatIfTab').then((m) => ({ default: m.WhatIfTab })) },
];
