// 能级工资 on the home page, about the pay month — last month, the one calculated, approved and paid now (the runs tab
// opens on it too): its run's state (or that it is not calculated yet), whether its records changed since, what it pays
// in all, the share of workers paid a safety component (above zero) and the vetoes — of the pay month's run, or when
// there is none yet, of the last approved month (said so). No run at all: a word on where to calculate one. Read from
// wage.dashboard; the button opens the runs tab on the pay month (#/wage/runs/<YYYY-MM>).
import { Button, Col, Row, Space, Statistic, Typography } from 'antd';
import { formatYuan } from '../../../../shared/kernel/money';
import { useRouter } from '../../app/router';
import { call } from '../../lib/api';
import { lastMonth, runsId } from '../wage/runs/format';
import { RunStateTag } from '../wage/runs/RunStateTag';
import { DashCard, useCardData } from './DashCard';
import { useDashT } from './dashT';

const GREEN = '#389e0d';
const RED = '#cf1322';
const AMBER = '#d48806';

/** read once by the card */
const fetchWage = () => call('wage.dashboard', {});

export function WageCard() {
  const { t } = useDashT();
  const navigate = useRouter((s) => s.navigate);
  const { data, error, load } = useCardData(fetchWage);

  const shown = data?.shown ?? null;
  // the pay month approved (and nothing changed since): green; anything still to do about it: amber
  const color = data ? (data.run?.state === 'approved' && !data.run.stale ? GREEN : data.run || data.shown ? AMBER : undefined) : undefined;

  const body = () => {
    if (!data) return null;
    return (
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <div data-testid="wage-card-state" data-state={data.run?.state ?? (shown ? 'lastApproved' : 'none')} style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          {data.run ? (
            <>
              <Typography.Text type="secondary">{t('wage.card.payMonth', { period: data.period })}</Typography.Text>
              <RunStateTag state={data.run.state} />
              {data.run.stale && (
                <Typography.Text strong style={{ color: AMBER }} data-testid="wage-card-stale">
                  {t('wage.card.stale')}
                </Typography.Text>
              )}
            </>
          ) : (
            <Typography.Text strong style={{ color: AMBER }}>
              {t('wage.card.notYet', { period: data.period })}
            </Typography.Text>
          )}
          {!data.run && shown && <Typography.Text type="secondary">{t('wage.card.showing', { period: shown.period })}</Typography.Text>}
        </div>
        {shown ? (
          <Row gutter={[12, 8]}>
            <Col xs={24} sm={8}>
              <Statistic data-testid="wage-card-total" title={t('wage.card.total')} value={formatYuan(shown.totalFen)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('wage.card.workers', { n: shown.workers })}
              </Typography.Text>
            </Col>
            <Col xs={12} sm={8}>
              <Statistic data-testid="wage-card-safety" title={t('wage.card.safetyShare')} value={(Math.round(shown.safetyShare * 1000) / 10).toFixed(1)} suffix="%" />
            </Col>
            <Col xs={12} sm={8}>
              <Statistic
                data-testid="wage-card-vetoes"
                title={t('wage.card.vetoes')}
                value={shown.vetoes}
                styles={{ content: shown.vetoes > 0 ? { color: RED } : undefined }}
              />
            </Col>
          </Row>
        ) : (
          <Typography.Text type="secondary" data-testid="wage-card-none">
            {t('wage.card.none')}
          </Typography.Text>
        )}
      </Space>
    );
  };

  return (
    <DashCard
      testId="wage-card"
      color={color}
      title={t('wage.card.title', { period: data?.period ?? lastMonth() })}
      error={error}
      onRetry={load}
      loaded={data !== null}
      extra={
        data && (
          <Button size="small" type="link" onClick={() => navigate({ page: 'wage', id: runsId(data.period) })}>
            {t('wage.card.open')}
          </Button>
        )
      }
    >
      {body()}
    </DashCard>
  );
}
