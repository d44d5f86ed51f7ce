// The health page (#/health, #/health/<tab>[/…]): one tab per area (./tabs.ts), each loaded lazily. The open tab is the route's
// id's first segment, so Back/Forward and reload keep it; the segments after it are the tab's own.
import { useRoute } from '../../app/router';
import { lazyTabs, TabbedPage } from '../../app/TabbedPage';
import { parseHealthId, HEALTH_TABS } from './tabs';

const LAZY = lazyTabs(HEALTH_TABS);

export function HealthPage() {
  const route = useRoute();
  const tab = route.page === 'health' ? parseHealthId(route.id).tab : null;
  return <TabbedPage page="health" tabs={HEALTH_TABS} lazies={LAZY} tab={tab} ariaLabel="health.page.tabs" />;
}
