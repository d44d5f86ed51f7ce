// The tabs of the subsidy page (#/subsidy/<tab>): one entry per area — its key (the address), its label (a message key) and how
// to load it (each tab its own chunk). An area adds ONE line here once its tab exists; its messages go in its own
// messages.ts, merged in ./messages.ts. The route's id is '<tab>[/<more>]': an area may use the segments after its tab.
import type { TabDef } from '../../app/TabbedPage';

export const SUBSIDY_TABS: readonly TabDef[] = [
  { key: 'scorecard', label: 'subsidy.tab.scorecard', load: () => import('./scorecard/ScorecardTab').then((m) => ({ default: m.ScorecardTab })) },
  { key: 'dossier', label: 'subsidy.tab.dossier', load: () => import('./dossier/DossierTab').then((m) => ({ default: m.DossierTab })) },
];

/** The tab named by the route's id ('<tab>/<rest…>'), and the rest. */
export function parseSubsidyId(id: string | null): { tab: string | null; rest: string[] } {
  const [tab, ...rest] = (id ?? '').split('/');
  return { tab: tab || null, rest: rest.filter(Boolean) };
}
