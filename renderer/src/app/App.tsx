import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { call, setUnauthenticatedHandler } from '../lib/api';
import { useI18n, useT } from '../i18n';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { EnterprisePage } from '../features/enterprise/EnterprisePage';
import { LedgerPage } from '../features/hazards/LedgerPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { OperatorsPage } from '../features/operators/OperatorsPage';
import { RosterPage } from '../features/roster/RosterPage';
import { SetupWizard } from '../features/setup/SetupWizard';
import { SignIn } from '../features/signin/SignIn';
import { useSession } from './session';

type Page = 'home' | 'ledger' | 'roster' | 'enterprise' | 'operators' | 'settings';

export function App() {
  const locale = useI18n((s) => s.locale);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#0f766e', borderRadius: 6 } }}>
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}

function Root() {
  const t = useT();
  const { phase, boot, error, expired } = useSession();
  useEffect(() => {
    setUnauthenticatedHandler(expired);
    void boot();
    return () => setUnauthenticatedHandler(null);
  }, [boot, expired]);

  if (phase === 'loading') {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }} role="status" aria-live="polite">
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  }
  if (phase === 'error') {
    return (
      <Result
        status="error"
        title={t('app.error')}
        subTitle={error}
        extra={<Button onClick={() => void boot()}>{t('app.retry')}</Button>}
      />
    );
  }
  if (phase === 'setup') return <SetupWizard />;
  if (phase === 'signin') return <SignIn />;
  return <Shell />;
}

function Shell() {
  const t = useT();
  const { operator, signOut } = useSession();
  const { locale, setLocale } = useI18n();
  const [page, setPage] = useState<Page>('home');
  const [openHazard, setOpenHazard] = useState<string | null>(null);
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
          selectedKeys={[page]}
          onClick={(e) => setPage(e.key as Page)}
          style={{ flex: 1, background: 'transparent' }}
          items={[
            { key: 'home', label: t('nav.home') },
            { key: 'ledger', label: t('nav.ledger') },
            { key: 'roster', label: t('nav.roster') },
            { key: 'enterprise', label: t('nav.enterprise') },
            { key: 'operators', label: t('nav.operators') },
            { key: 'settings', label: t('nav.settings') },
          ]}
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
        {page === 'home' && (
          <DashboardPage
            onOpenHazard={(id) => {
              setOpenHazard(id);
              setPage('ledger');
            }}
          />
        )}
        {page === 'ledger' && <LedgerPage openId={openHazard} onOpened={() => setOpenHazard(null)} />}
        {page === 'settings' && <SettingsPage />}
        {page === 'roster' && <RosterPage />}
        {page === 'enterprise' && <EnterprisePage />}
        {page === 'operators' && <OperatorsPage />}
      </Layout.Content>
    </Layout>
  );
}
