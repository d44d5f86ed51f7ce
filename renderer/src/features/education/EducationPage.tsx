// The education page (#/education, #/education/<tab>[/…]): one tab per area (./tabs.ts), each loaded lazily. The open tab is the route's
// id's first segment, so Back/Forward and reload keep it; the segments after it are the tab's own.
import { useRoute } from '../../app/router';
import { lazyTabs, TabbedPage } from '../../app/TabbedPage';
import { parseEducationId, EDUCATION_TABS } from './tabs';

const LAZY = lazyTabs(EDUCATION_TABS);

export function EducationPage() {
  const route = useRoute();
  const tab = route.page === 'education' ? parseEducationId(route.id).tab : null;
  return <TabbedPage page="education" tabs={EDUCATION_TABS} lazies={LAZY} tab={tab} ariaLabel="education.page.tabs" />;
}
