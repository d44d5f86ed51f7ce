// The skill-level wage (#/wage, #/wage/<tab>): one page, one tab per area (./tabs.ts), each loaded lazily. The open tab
// is the route's second segment, so Back/Forward and reload keep it.
import { Tabs } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useT } from '../../i18n';
import { useRoute, useRouter } from '../../app/router';
import { PageLoading } from '../../app/Shell';
import { WAGE_TABS } from './tabs';

const LAZY: Record<string, LazyExoticComponent<ComponentType>> = Object.fromEntries(WAGE_TABS.map((tab) => [tab.key, lazy(tab.load)]));

export function WagePage() {
  const t = useT();
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const first = WAGE_TABS[0]!.key;
  const active = route.page === 'wage' && route.id && route.id in LAZY ? route.id : first;
  return (
    <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', padding: '0 24px' }}>
      <Tabs
        aria-label={t('wage.page.tabs')}
        activeKey={active}
        destroyOnHidden
        onChange={(key) => navigate({ page: 'wage', id: key === first ? null : key })}
        items={WAGE_TABS.map((tab) => {
          const Tab = LAZY[tab.key]!;
          return {
            key: tab.key,
            label: t(tab.label),
            children: (
              <Suspense fallback={<PageLoading />}>
                <Tab />
              </Suspense>
            ),
          };
        })}
      />
    </div>
  );
}
