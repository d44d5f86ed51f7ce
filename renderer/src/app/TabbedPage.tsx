// A module page made of tabs, one per area, each loaded lazily (its own chunk, fetched the first time it is shown). The
// open tab lives in the route (#/<page>/<tab>…), so Back/Forward and reload keep it; the first tab has the bare address.
import { Tabs } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useT } from '../i18n';
import { useRouter, type RecordPage } from './router';
import { PageLoading } from './Shell';

/** The tabs' body holder (antd gives it no style of its own) is the scroll area of the open tab. */
const SCROLL_CSS = '.ak-tabbed > .ant-tabs-body-holder, .ak-tabbed > div > .ant-tabs-body-holder { overflow: auto; }';

export interface TabDef {
  key: string;
  /** message key of the tab's label */
  label: string;
  load(): Promise<{ default: ComponentType }>;
}

/** The tabs' lazy components, made once per list (call at module level). */
export function lazyTabs(tabs: readonly TabDef[]): Record<string, LazyExoticComponent<ComponentType>> {
  return Object.fromEntries(tabs.map((tab) => [tab.key, lazy(tab.load)]));
}

export function TabbedPage(props: {
  /** a page whose records (here: its tabs) have their own address */
  page: RecordPage;
  tabs: readonly TabDef[];
  lazies: Record<string, LazyExoticComponent<ComponentType>>;
  /** the tab the route names (null or unknown: the first) */
  tab: string | null;
  /** message key of the tab list's accessible name */
  ariaLabel: string;
  /** shown above the tabs, once for the page */
  header?: ReactNode;
}) {
  const t = useT();
  const navigate = useRouter((s) => s.navigate);
  const first = props.tabs[0]!.key;
  const active = props.tab && props.tab in props.lazies ? props.tab : first;
  return (
    <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', padding: '0 24px' }}>
      <style>{SCROLL_CSS}</style>
      {props.header}
      <Tabs
        className="ak-tabbed"
        // the tab bar stays put and the open tab scrolls below it (the frame's content area itself never scrolls);
        // tabs with a virtual table size it to the window and so fit without a second scroll bar
        style={{ flex: 1, minHeight: 0 }}
        styles={{ body: { paddingBottom: 24 } }}
        aria-label={t(props.ariaLabel)}
        activeKey={active}
        destroyOnHidden
        onChange={(key) => navigate({ page: props.page, id: key === first ? null : key })}
        items={props.tabs.map((tab) => {
          const Tab = props.lazies[tab.key]!;
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
