// The tabs of the health page (#/health/<tab>): one entry per area — its key (the address), its label (a message key) and how
// to load it (each tab its own chunk). An area adds ONE line here once its tab exists; its messages go in its own
// messages.ts, merged in ./messages.ts. The route's id is '<tab>[/<more>]': an area may use the segments after its tab.
import type { TabDef } from '../../app/TabbedPage';

export const HEALTH_TABS: readonly TabDef[] = [
  { key: 'plan', label: 'health.tab.plan', load: () => import('./plan/PlanTab').then((m) => ({ default: m.PlanTab })) },
  { key: 'exams', label: 'health.tab.exams', load: () => import('./exams/ExamsTab').then((m) => ({ default: m.ExamsTab })) },
  { key: 'certs', label: 'health.tab.certs', load: () => import('./certs/CertsTab').then((m) => ({ default: m.CertsTab })) },
  { key: 'factors', label: 'health.tab.factors', load: () => import('./plan/FactorsTab').then((m) => ({ default: m.FactorsTab })) },
];

/** The tab named by the route's id ('<tab>/<rest…>'), and the rest. */
export function parseHealthId(id: string | null): { tab: string | null; rest: string[] } {
  const [tab, ...rest] = (id ?? '').split('/');
  return { tab: tab || null, rest: rest.filter(Boolean) };
}
