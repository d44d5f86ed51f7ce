// 职业健康检查提醒 on the home page: how many alerts of each kind there are today (pre-job exams missing, periodic exams
// and rechecks overdue or due soon, contraindications still in the post, women's exams, exits without the exam), the
// overdue ones in red; none: says so. Read from health.due (one row); the button opens #/health, each count (click or
// Enter) the list of that kind (#/health/plan/<kind>).
import { Button, Space, Tag, Typography } from 'antd';
import { ALERT_KINDS, URGENT_ALERTS } from '../../../../../shared/health/plan/types';
import { useRouter } from '../../../app/router';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { DashCard, useCardData } from '../../dashboard/DashCard';

const RED = '#cf1322';
const GREEN = '#389e0d';
const AMBER = '#d48806';

const fetchDue = () => call('health.due', { pageSize: 1 });

export function HealthCard() {
  const t = useT();
  const navigate = useRouter((s) => s.navigate);
  const { data, error, load } = useCardData(fetchDue);
  const shown = data ? ALERT_KINDS.filter((k) => data.counts[k] > 0) : [];
  const urgent = shown.some((k) => URGENT_ALERTS.includes(k));
  return (
    <DashCard
      testId="health-card"
      color={data ? (urgent ? RED : shown.length > 0 ? AMBER : GREEN) : undefined}
      title={t('health.card.title')}
      error={error}
      onRetry={load}
      loaded={data !== null}
      extra={
        <Button size="small" type="link" onClick={() => navigate({ page: 'health', id: null })}>
          {t('health.card.open')}
        </Button>
      }
    >
      {shown.length === 0 ? (
        <Typography.Text type="secondary" data-testid="health-card-none">
          {t('health.card.none')}
        </Typography.Text>
      ) : (
        <Space wrap size={[6, 6]}>
          {shown.map((k) => (
            <Tag
              key={k}
              data-testid={`health-card-${k}`}
              color={URGENT_ALERTS.includes(k) ? 'red' : 'gold'}
              style={{ cursor: 'pointer', ...(URGENT_ALERTS.includes(k) ? { color: RED } : {}) }}
              role="link"
              tabIndex={0}
              aria-label={t('health.card.openKind', { kind: `${t(`health.alert.${k}`)} ${data!.counts[k]}` })}
              onClick={() => navigate({ page: 'health', id: `plan/${k}` })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  navigate({ page: 'health', id: `plan/${k}` });
                }
              }}
            >
              {t(`health.alert.${k}`)} <strong>{data!.counts[k]}</strong>
            </Tag>
          ))}
        </Space>
      )}
    </DashCard>
  );
}
