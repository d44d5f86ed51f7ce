// The frame of a home-page card read from one call (能级工资, 职代会年度召开情况): its data loaded on mount and again on
// the home page's 刷新 (the dashboard store's cardsTick; the figures shown stay until the new ones arrive), a coloured
// top border for its state, a title and an action; while loading a skeleton, on a failure the error with a retry.
import { Alert, Button, Card, Skeleton } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { errorText } from '../../lib/errors';
import { useDashboard } from './store';
import { useDashT } from './dashT';

/** The card's data from `fetch` (a function defined once, outside the component; `load` reads again, clearing the error). */
export function useCardData<T>(fetch: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    fetch().then(setData, (e: unknown) => setError(e));
  }, [fetch]);
  const tick = useDashboard((s) => s.cardsTick);
  useEffect(load, [load, tick]);
  return { data, error, load };
}

export function DashCard({
  testId,
  color,
  title,
  extra,
  error,
  onRetry,
  loaded,
  children,
}: {
  testId: string;
  /** the top border's colour (none: no border) */
  color: string | undefined;
  title: string;
  extra: ReactNode;
  error: unknown;
  onRetry(): void;
  loaded: boolean;
  children: ReactNode;
}) {
  const { t } = useDashT();
  return (
    <Card
      size="small"
      className="ak-dash-noprint"
      data-testid={testId}
      style={{ borderTop: color ? `3px solid ${color}` : undefined }}
      title={<h2 style={{ margin: 0, fontSize: 14, fontWeight: 600 }}>{title}</h2>}
      extra={extra}
    >
      {error != null ? (
        <Alert
          type="error"
          showIcon
          title={errorText(error, t)}
          action={
            <Button size="small" danger onClick={onRetry}>
              {t('dash.retry')}
            </Button>
          }
        />
      ) : loaded ? (
        children
      ) : (
        <Skeleton active title={false} paragraph={{ rows: 1 }} />
      )}
    </Card>
  );
}
