// The workers' congress (#/congress, #/congress/<tab>): one page, one tab per area (./tabs.ts), each loaded lazily.
// The open tab is the route's second segment, so Back/Forward and reload keep it.
import { lazyTabs, TabbedPage } from '../../app/TabbedPage';
import { useRoute } from '../../app/router';
import { CONGRESS_TABS } from './tabs';

const LAZY = lazyTabs(CONGRESS_TABS);

export function CongressPage() {
  const route = useRoute();
  return <TabbedPage page="congress" tabs={CONGRESS_TABS} lazies={LAZY} tab={route.page === 'congress' ? route.id : null} ariaLabel="congress.page.tabs" />;
}
