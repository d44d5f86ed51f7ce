// The subsidy page (#/subsidy, #/subsidy/<tab>[/…]): one tab per area (./tabs.ts), each loaded lazily. The open tab is the route's
// id's first segment, so Back/Forward and reload keep it; the segments after it are the tab's own.
import { useRoute } from '../../app/router';
import { lazyTabs, TabbedPage } from '../../app/TabbedPage';
import { parseSubsidyId, SUBSIDY_TABS } from './tabs';

const LAZY = lazyTabs(SUBSIDY_TABS);

export function SubsidyPage() {
  const route = useRoute();
  const tab = route.page === 'subsidy' ? parseSubsidyId(route.id).tab : null;
  return <TabbedPage page="subsidy" tabs={SUBSIDY_TABS} lazies={LAZY} tab={tab} ariaLabel="subsidy.page.tabs" />;
}
