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

// ---------------------------------------------------------------------------------------------------------
// The page's address below the tab: #/wage/<tab>/<YYYY-MM>[/<kind>/<id>] — the month shown, and a record opened in it
// (e.g. #/wage/records/2026-09/behaviour/<id>, the link from a run's explanation). The route's id carries it all.

export const WAGE_RECORD_KINDS = ['behaviour', 'accident'] as const;
export type WageRecordKind = (typeof WAGE_RECORD_KINDS)[number];

export interface WageAddress {
  tab: string | null;
  /** 'YYYY-MM', or null when the address names no month */
  period: string | null;
  record: { kind: WageRecordKind; id: string } | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Reads the wage route's id ('records', 'records/2026-09', 'records/2026-09/behaviour/<id>'). */
export function parseWageId(id: string | null): WageAddress {
  const [tab, period, kind, rec] = (id ?? '').split('/');
  const p = period && MONTH.test(period) ? period : null;
  const k = WAGE_RECORD_KINDS.find((x) => x === kind);
  return { tab: tab || null, period: p, record: p && k && rec ? { kind: k, id: rec } : null };
}

/** The wage route's id of a tab, a month shown in it and a record opened. */
export function wageId(a: { tab: string; period?: string | null; record?: { kind: WageRecordKind; id: string } | null }): string {
  if (!a.period) return a.tab;
  return a.record ? `${a.tab}/${a.period}/${a.record.kind}/${a.record.id}` : `${a.tab}/${a.period}`;
}
