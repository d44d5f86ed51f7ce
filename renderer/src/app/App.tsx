import { Alert, App as AntApp, Button, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { setUnauthenticatedHandler } from '../lib/api';
import { errorText } from '../lib/errors';
import { useQuietClearButtons } from '../components/clearButtons';
import { useI18n, useT } from '../i18n';
import { SignIn } from '../features/signin/SignIn';
import { listenToLocation } from './router';
import { useSession } from './session';

// The first screen is the sign-in list (or, once, the first-run wizard): only it is in the initial script. The
// signed-in shell and every page are separate chunks; the shell is fetched while the operator list is shown.
const loadShell = () => import('./Shell');
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));
const SHELL_PREFETCH_MS = 800;
const SetupWizard = lazy(() => import('../features/setup/SetupWizard').then((m) => ({ default: m.SetupWizard })));

export function App() {
  const locale = useI18n((s) => s.locale);
  return (
    // button labels as written: antd would space out two-character ones ("保 存") beside unspaced longer ones ("去导入")
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#0f766e', borderRadius: 6 } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}

function Root() {
  const t = useT();
  const { phase, boot, error, expired } = useSession();
  useQuietClearButtons(t('picker.clear'));
  useEffect(() => {
    setUnauthenticatedHandler(expired);
    // main.tsx starts the boot before the first render; this joins it (or starts it where main.tsx did not run)
    if (useSession.getState().phase === 'loading') void boot();
    return () => setUnauthenticatedHandler(null);
  }, [boot, expired]);
  useEffect(listenToLocation, []);
  useEffect(() => {
    if (phase !== 'signin') return;
    // warm the next screen while the operator is picked, once the sign-in list has had the CPU to itself
    const timer = setTimeout(() => void loadShell().catch(() => undefined), SHELL_PREFETCH_MS);
    return () => clearTimeout(timer);
  }, [phase]);

  const loading = (
    <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }} role="status" aria-live="polite">
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
  if (phase === 'loading') return loading;
  if (phase === 'error') {
    // an Alert, not antd's Result: Result carries every status illustration into the first script
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh', padding: 24, background: '#f0f5f4' }}>
        <Alert
          type="error"
          showIcon
          style={{ maxWidth: 560, width: '100%' }}
          title={t('app.error')}
          description={errorText(error, t)}
          action={<Button onClick={() => void boot()}>{t('app.retry')}</Button>}
        />
      </div>
    );
  }
  if (phase === 'signin') return <SignIn />;
  return <Suspense fallback={loading}>{phase === 'setup' ? <SetupWizard /> : <Shell />}</Suspense>;
}
