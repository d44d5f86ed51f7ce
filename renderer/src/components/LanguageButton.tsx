// Switches between 中文 and English — in the frame, and before anyone signs in (the wizard, the sign-in screen), so a
// new user who does not read Chinese is never stuck. The choice is remembered here and, when the store is open, there.
import { Button } from 'antd';
import { useI18n, useT } from '../i18n';
import { call } from '../lib/api';

export function LanguageButton() {
  const t = useT();
  const { locale, setLocale } = useI18n();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      size="small"
      aria-label="language"
      lang={next === 'en' ? 'en' : 'zh-CN'}
      onClick={() => {
        setLocale(next);
        void call('settings.setLocale', { locale: next }).catch(() => undefined);
      }}
    >
      {t('nav.language')}
    </Button>
  );
}
