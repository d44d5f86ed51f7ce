// 开始使用: after the first-run wizard the home page is empty; an administrator sees the first steps — import the
// roster, add the other operators, check the hazard rules — each ticked off once done, until they hide the card.
import { Button, Card, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useRouter, type Page } from '../../app/router';
import { useSession } from '../../app/session';
import { call } from '../../lib/api';
import { useDashT } from './dashT';

const HIDDEN_KEY = 'ankang.firstSteps.hidden';

interface Progress {
  workers: number;
  operators: number;
}

export function FirstSteps() {
  const { t } = useDashT();
  const operator = useSession((s) => s.operator);
  const navigate = useRouter((s) => s.navigate);
  const [hidden, setHidden] = useState(() => localStorage.getItem(HIDDEN_KEY) === '1');
  const [progress, setProgress] = useState<Progress | null>(null);
  const admin = operator?.isAdmin === true;

  useEffect(() => {
    if (!admin || hidden) return;
    let live = true;
    Promise.all([call('workers.list', { status: 'all', pageSize: 1 }), call('operators.list')]).then(
      ([w, ops]) => live && setProgress({ workers: w.total, operators: ops.length }),
      () => undefined, // the card is a convenience: without its numbers it stays away
    );
    return () => {
      live = false;
    };
  }, [admin, hidden]);

  // only while the store still looks new: the wizard's operator is the only worker or the only operator
  if (!admin || hidden || !progress || (progress.workers > 1 && progress.operators > 1)) return null;

  // each step goes to its page with what to do there (the roster opens its import dialog, operators the add dialog)
  const steps: { key: string; page: Page; intent?: string; done: boolean }[] = [
    { key: 'roster', page: 'roster', intent: 'import', done: progress.workers > 1 },
    { key: 'operators', page: 'operators', intent: 'add', done: progress.operators > 1 },
    { key: 'rules', page: 'settings', done: false },
  ];
  const hide = () => {
    localStorage.setItem(HIDDEN_KEY, '1');
    setHidden(true);
  };
  return (
    <Card
      size="small"
      className="ak-dash-noprint"
      data-testid="first-steps"
      title={<h2 style={{ margin: 0, fontSize: 14, fontWeight: 600 }}>{t('first.title')}</h2>}
      extra={
        <Button size="small" type="link" onClick={hide}>
          {t('first.hide')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('first.intro')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={steps}
        renderItem={(s, i) => (
          <List.Item
            data-testid={`first-step-${s.key}`}
            actions={[
              <Button key="go" size="small" type={s.done ? 'default' : 'primary'} onClick={() => navigate({ page: s.page, id: null }, { intent: s.intent })}>
                {t(`first.${s.key}.action`)}
              </Button>,
            ]}
          >
            <List.Item.Meta
              avatar={
                <span
                  role="img"
                  aria-label={s.done ? t('first.done') : t('first.todo')}
                  style={{
                    display: 'inline-grid',
                    placeItems: 'center',
                    width: 20,
                    height: 20,
                    borderRadius: 10,
                    border: '1px solid #0f766e',
                    background: s.done ? '#0f766e' : undefined,
                    color: s.done ? '#fff' : '#0f766e',
                    fontSize: 12,
                  }}
                >
                  {s.done ? '✓' : i + 1}
                </span>
              }
              title={
                <span style={s.done ? { color: '#8c8c8c', textDecoration: 'line-through' } : undefined}>
                  {t(`first.${s.key}.title`)}
                </span>
              }
              description={t(`first.${s.key}.hint`)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
