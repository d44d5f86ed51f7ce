// The tabs of the education page (#/education/<tab>): one entry per area — its key (the address), its label (a message key) and how
// to load it (each tab its own chunk). An area adds ONE line here once its tab exists; its messages go in its own
// messages.ts, merged in ./messages.ts. The route's id is '<tab>[/<more>]': an area may use the segments after its tab.
import type { TabDef } from '../../app/TabbedPage';

export const EDUCATION_TABS: readonly TabDef[] = [
  { key: 'activities', label: 'education.tab.activities', load: () => import('./activities/ActivitiesTab').then((m) => ({ default: m.ActivitiesTab })) },
  { key: 'hours', label: 'education.tab.hours', load: () => import('./hours/HoursTab').then((m) => ({ default: m.HoursTab })) },
  { key: 'walls', label: 'education.tab.walls', load: () => import('./walls/WallsTab').then((m) => ({ default: m.WallsTab })) },
];

/** The tab named by the route's id ('<tab>/<rest…>'), and the rest. */
export function parseEducationId(id: string | null): { tab: string | null; rest: string[] } {
  const [tab, ...rest] = (id ?? '').split('/');
  return { tab: tab || null, rest: rest.filter(Boolean) };
}
