// The signed-in frame: header menu, current operator, language and sign-out, and the page of the current route.
// Each page is its own chunk, loaded when its route is first shown (the dashboard brings ECharts with it).
import { Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback } from 'react';
import { call } from '../lib/api';
import { useI18n, useT } from '../i18n';
import { useRoute, useRouter, type Page } from './router';
import { useSession } from './session';

const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const LedgerPage = lazy(() => import('../features/hazards/LedgerPage').then((m) => ({ default: m.LedgerPage })));
const RosterPage = lazy(() => import('../features/roster/RosterPage').then((m) => ({ default: m.RosterPage })));
const EnterprisePage = lazy(() => import('../features/enterprise/EnterprisePage').then((m) => ({ default: m.EnterprisePage })));
const OperatorsPage = lazy(() => import('../features/operators/OperatorsPage').then((m) => ({ default: m.OperatorsPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

const NAV: { page: Page; label: 'nav.home' | 'nav.ledger' | 'nav.roster' | 'nav.enterprise' | 'nav.operators' | 'nav.settings' }[] = [
  { page: 'dashboard', label: 'nav.home' },
  { page: 'hazards', label: 'nav.ledger' },
  { page: 'roster', label: 'nav.roster' },
  { page: 'enterprise', label: 'nav.enterprise' },
  { page: 'operators', label: 'nav.operators' },
  { page: 'settings', label: 'nav.settings' },
];

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
  const { locale, setLocale } = useI18n();
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const openHazard = useCallback((id: string) => navigate({ page: 'hazards', id }), [navigate]);
  const switchLocale = () => {
    const next = locale === 'en' ? 'zh-CN' : 'en';
    setLocale(next);
    void call('settings.setLocale', { locale: next }).catch(() => undefined);
  };
  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#0f3d3a', paddingInline: 20 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[route.page]}
          onClick={(e) => navigate({ page: e.key as Page, id: null })}
          style={{ flex: 1, background: 'transparent' }}
          items={NAV.map((n) => ({ key: n.page, label: t(n.label) }))}
        />
        <Space>
          <span style={{ color: '#cbd5e1' }} data-testid="current-operator">
            {t('nav.operator')}
            {operator?.name}
            {operator?.isAdmin && (
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                {t('signin.admin')}
              </Tag>
            )}
          </span>
          <Button size="small" onClick={switchLocale} aria-label="language">
            {t('nav.language')}
          </Button>
          <Button size="small" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ overflow: 'hidden', display: 'flex', flexDirection: 'column' }}>
        <Suspense fallback={<PageLoading />}>
          {route.page === 'dashboard' && <DashboardPage onOpenHazard={openHazard} />}
          {route.page === 'hazards' && <LedgerPage />}
          {route.page === 'roster' && <RosterPage />}
          {route.page === 'enterprise' && <EnterprisePage />}
          {route.page === 'operators' && <OperatorsPage />}
          {route.page === 'settings' && <SettingsPage />}
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
