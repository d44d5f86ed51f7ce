// The signed-in frame: header menu, current operator, language and sign-out, and the page of the current route.
// Each page is its own chunk, loaded when its route is first shown (the dashboard brings ECharts with it).
import { Button, ConfigProvider, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, type ComponentType, type LazyExoticComponent } from 'react';
import { useT } from '../i18n';
import { PAGE_DEFS, type PageProps } from './pages';
import { useRoute, useRouter, type Page } from './router';
import { useSession } from './session';
import { LanguageButton } from '../components/LanguageButton';
import { IntegrityBanner } from './IntegrityBanner';

/** each registered page (app/pages.ts) as a lazy component */
const LAZY = Object.fromEntries(PAGE_DEFS.map((p) => [p.page, lazy(p.load)])) as Record<Page, LazyExoticComponent<ComponentType<PageProps>>>;

/** narrower menu entries than antd's 20px each side: all eleven fit a 1366px window in Chinese and in English (with
 * the short English labels: Hazards, Congress, Wages, Health, Education, Subsidy) */
const MENU_THEME = { components: { Menu: { itemPaddingInline: 8 } } };

/** Shown while a page's chunk loads (a fraction of a second from disk or loopback). */
export function PageLoading() {
  const t = useT();
  return (
    <div style={{ display: 'grid', placeItems: 'center', flex: 1, minHeight: 200 }} role="status" aria-live="polite">
      <Spin description={t('app.loading')} />
    </div>
  );
}

export function Shell() {
  const t = useT();
  const { operator, signOut } = useSession();
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const openHazard = useCallback((id: string) => navigate({ page: 'hazards', id }), [navigate]);
  const CurrentPage = LAZY[route.page];
  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0f3d3a', paddingInline: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <ConfigProvider theme={MENU_THEME}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[route.page]}
            onClick={(e) => navigate({ page: e.key as Page, id: null })}
            // minWidth 0: a narrow window folds the last menu entries into "…" instead of pushing the operator out
            style={{ flex: 1, minWidth: 0, background: 'transparent' }}
            items={PAGE_DEFS.map((n) => ({ key: n.page, label: t(n.label) }))}
          />
        </ConfigProvider>
        <Space style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
          <span style={{ color: '#cbd5e1' }} data-testid="current-operator">
            {t('nav.operator')}
            {operator?.name}
            {operator?.isAdmin && (
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                {t('signin.admin')}
              </Tag>
            )}
          </span>
          <LanguageButton />
          <Button size="small" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ overflow: 'hidden', display: 'flex', flexDirection: 'column' }}>
        <IntegrityBanner isAdmin={operator?.isAdmin ?? false} />
        <Suspense fallback={<PageLoading />}>
          <CurrentPage onOpenHazard={openHazard} />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
