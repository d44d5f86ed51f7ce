import { Alert, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Operator } from '../../../../shared/types';
import { useSession } from '../../app/session';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';

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
    call('session.operators').then(setOperators, (e: unknown) => setError(errorText(e, t)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f5f4' }}>
      <Card style={{ width: 480 }} title={`${t('app.title')} · ${t('signin.title')}`}>
        <Typography.Paragraph type="secondary">{t('signin.hint')}</Typography.Paragraph>
        {info?.dataDir && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {info.dataDir}
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
        {operators && operators.length === 0 && <Empty description={t('signin.noOperators')} />}
        <List
          loading={operators === null}
          dataSource={operators ?? []}
          renderItem={(op) => (
            <List.Item
              actions={[
                <Button key="go" type={chosen?.id === op.id ? 'primary' : 'default'} onClick={() => choose(op)} loading={busy && chosen?.id === op.id} aria-label={`${t('signin.submit')} ${op.name}`}>
                  {t('signin.submit')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {op.name}
                    <Typography.Text type="secondary">{op.empNo}</Typography.Text>
                    {op.isAdmin && <Tag color="gold">{t('signin.admin')}</Tag>}
                  </Space>
                }
                description={op.roles.map((r) => t(`role.${r}`)).join('、')}
              />
            </List.Item>
          )}
        />
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
      </Card>
    </div>
  );
}
