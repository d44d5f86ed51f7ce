import { Alert, Button, Empty, Input, Space, Spin, Tag, theme, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Operator } from '../../../../shared/operators/types';
import { takeOperatorsAhead, useSession } from '../../app/session';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { LanguageButton } from '../../components/LanguageButton';

const { useToken } = theme;

export function SignIn() {
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  const info = useSession((s) => s.info);
  const [operators, setOperators] = useState<Operator[] | null>(null);
  const [chosen, setChosen] = useState<Operator | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<{ focus(): void } | null>(null);

  useEffect(() => {
    (takeOperatorsAhead() ?? call('session.operators')).then(setOperators, (e: unknown) => setError(errorText(e, t)));
  }, [t]);

  const signIn = async (op: Operator, p?: string) => {
    setBusy(true);
    setError(null);
    try {
      signedIn(await call('session.signIn', { operatorId: op.id, pin: p ?? null }));
    } catch (e) {
      setError(errorText(e, t));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  const choose = (op: Operator) => {
    setChosen(op);
    setError(null);
    if (!op.hasPin) void signIn(op);
    else setTimeout(() => pinRef.current?.focus(), 0);
  };

  // The first screen most days, so it is part of the initial script: drawn as a card and a list in antd's look
  // with plain elements, because antd's Card (tabs, dropdown, menu) and List (pagination, select) would add ~60 KB
  // gzipped to it.
  const { token } = useToken();
  const line = `1px solid ${token.colorBorderSecondary}`;
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f5f4' }}>
      <section
        aria-labelledby="signin-title"
        style={{ width: 480, background: token.colorBgContainer, border: line, borderRadius: token.borderRadiusLG, color: token.colorText, fontSize: token.fontSize }}
      >
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '16px 24px', borderBottom: line }}>
          <h2 id="signin-title" style={{ margin: 0, fontSize: token.fontSizeLG, fontWeight: 600, color: token.colorTextHeading }}>
            {`${t('app.title')} · ${t('signin.title')}`}
          </h2>
          <LanguageButton />
        </div>
        <div style={{ padding: 24 }}>
          <Typography.Paragraph type="secondary">{t('signin.hint')}</Typography.Paragraph>
          {info?.dataDir && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {info.dataDir}
            </Typography.Paragraph>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
          {operators && operators.length === 0 && <Empty description={t('signin.noOperators')} />}
          {operators === null && !error && (
            <div style={{ display: 'grid', placeItems: 'center', padding: 24 }}>
              <Spin />
            </div>
          )}
          {operators && operators.length > 0 && (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {operators.map((op, i) => (
                <li key={op.id} style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '12px 0', borderBottom: i < operators.length - 1 ? `1px solid ${token.colorSplit}` : undefined }}>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <div style={{ marginBottom: 4 }}>
                      <Space>
                        {op.name}
                        <Typography.Text type="secondary">{op.empNo}</Typography.Text>
                        {op.isAdmin && <Tag color="gold">{t('signin.admin')}</Tag>}
                      </Space>
                    </div>
                    <div style={{ color: token.colorTextDescription }}>{op.roles.map((r) => t(`role.${r}`)).join(t('common.listSep'))}</div>
                  </div>
                  <Button type={chosen?.id === op.id ? 'primary' : 'default'} onClick={() => choose(op)} loading={busy && chosen?.id === op.id} aria-label={`${t('signin.submit')} ${op.name}`}>
                    {t('signin.submit')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {chosen?.hasPin && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void signIn(chosen, pin);
              }}
            >
              <Space.Compact style={{ width: '100%', marginTop: 12 }}>
                <Input.Password
                  ref={pinRef as never}
                  aria-label={t('signin.pin')}
                  placeholder={`${chosen.name} · ${t('signin.pin')}`}
                  value={pin}
                  onChange={(e) => setPin(e.target.value)}
                  maxLength={12}
                  inputMode="numeric"
                />
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('signin.submit')}
                </Button>
              </Space.Compact>
            </form>
          )}
        </div>
      </section>
    </div>
  );
}
