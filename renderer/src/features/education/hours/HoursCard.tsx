// 安全教育学时 on the home page, about this year: how many workers with an hour requirement are below it (red when any),
// the hours missing in all, the person-hours of training so far, and the workshops or teams with the largest gaps.
// Read from education.hours (only those below, one row); the button opens #/education/hours.
import { Button, Col, Row, Space, Statistic, Typography } from 'antd';
import { useRouter } from '../../../app/router';
import { DashCard, useCardData } from '../../dashboard/DashCard';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';

const RED = '#cf1322';
const GREEN = '#389e0d';
const num = (v: number) => String(Math.round(v * 10) / 10);

const fetchHours = () => call('education.hours', { year: new Date().getFullYear(), onlyGaps: true, pageSize: 1 });

export function HoursCard() {
  const t = useT();
  const navigate = useRouter((s) => s.navigate);
  const { data, error, load } = useCardData(fetchHours);
  const s = data?.summary;
  const worst = (data?.units ?? [])
    .filter((u) => u.gapHours > 0)
    .sort((a, b) => b.gapHours - a.gapHours)
    .slice(0, 3)
    .map((u) => `${u.name} ${num(u.gapHours)}`);
  return (
    <DashCard
      testId="edu-hours-card"
      color={s ? (s.below > 0 ? RED : s.required > 0 ? GREEN : undefined) : undefined}
      title={t('education.hoursCard.title', { year: data?.year ?? new Date().getFullYear() })}
      error={error}
      onRetry={load}
      loaded={data !== null}
      extra={
        <Button size="small" type="link" onClick={() => navigate({ page: 'education', id: 'hours' })}>
          {t('education.hoursCard.open')}
        </Button>
      }
    >
      {s && s.required === 0 ? (
        <Typography.Text type="secondary" data-testid="edu-hours-card-none">
          {t('education.hoursCard.none')}
        </Typography.Text>
      ) : (
        s && (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Row gutter={[12, 8]}>
              <Col xs={24} sm={8}>
                <Statistic data-testid="edu-hours-card-below" title={t('education.hoursCard.below')} value={s.below} styles={{ content: s.below > 0 ? { color: RED } : { color: GREEN } }} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('education.hoursCard.ofRequired', { n: s.required })}
                </Typography.Text>
              </Col>
              <Col xs={12} sm={8}>
                <Statistic data-testid="edu-hours-card-gap" title={t('education.hoursCard.gap')} value={num(s.gapHours)} />
              </Col>
              <Col xs={12} sm={8}>
                <Statistic title={t('education.hoursCard.personHours')} value={num(s.personHours)} />
              </Col>
            </Row>
            {worst.length > 0 && (
              <Typography.Text type="secondary" data-testid="edu-hours-card-worst">
                {t('education.hoursCard.worst', { units: worst.join(t('common.listSep')) })}
              </Typography.Text>
            )}
          </Space>
        )
      )}
    </DashCard>
  );
}
