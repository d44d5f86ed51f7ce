// 特种作业证 on the home page: the certificates of workers on the roster by state — review window open, review overdue,
// expired (red when any is overdue or expired) — read from health.certs' counts; the button opens the certificates tab.
import { Button, Col, Row, Statistic, Typography } from 'antd';
import { useRouter } from '../../../app/router';
import { call } from '../../../lib/api';
import { DashCard, useCardData } from '../../dashboard/DashCard';
import { useDashT } from '../../dashboard/dashT';

const RED = '#cf1322';
const AMBER = '#d48806';
const GREEN = '#389e0d';

/** read once by the card: the counts come with any page */
const fetchCerts = () => call('health.certs', { pageSize: 1 });

export function CertCard() {
  const { t } = useDashT();
  const navigate = useRouter((s) => s.navigate);
  const { data, error, load } = useCardData(fetchCerts);
  const c = data?.counts;
  const total = c ? c.current + c.window + c.overdue + c.expired : 0;
  const color = !c || total === 0 ? undefined : c.overdue + c.expired > 0 ? RED : c.window > 0 ? AMBER : GREEN;
  return (
    <DashCard
      testId="cert-card"
      color={color}
      title={t('health.cert.card.title')}
      extra={
        <Button size="small" type="link" onClick={() => navigate({ page: 'health', id: 'certs' })}>
          {t('health.cert.card.open')}
        </Button>
      }
      error={error}
      onRetry={load}
      loaded={data !== null}
    >
      {c && total === 0 ? (
        <Typography.Text type="secondary" data-testid="cert-card-none">
          {t('health.cert.card.none')}
        </Typography.Text>
      ) : (
        c && (
          <>
            <Row gutter={[12, 8]}>
              <Col span={8}>
                <Statistic data-testid="cert-card-window" title={t('health.cert.status.window')} value={c.window} styles={{ content: c.window > 0 ? { color: AMBER } : undefined }} />
              </Col>
              <Col span={8}>
                <Statistic data-testid="cert-card-overdue" title={t('health.cert.status.overdue')} value={c.overdue} styles={{ content: c.overdue > 0 ? { color: RED } : undefined }} />
              </Col>
              <Col span={8}>
                <Statistic data-testid="cert-card-expired" title={t('health.cert.status.expired')} value={c.expired} styles={{ content: c.expired > 0 ? { color: RED } : undefined }} />
              </Col>
            </Row>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('health.cert.card.total', { n: total })}
            </Typography.Text>
          </>
        )
      )}
    </DashCard>
  );
}
