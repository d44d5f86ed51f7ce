// 特种作业证 on the home page: the certificates of workers on the roster by state — review window open, review overdue,
// expired (red when any is overdue or expired) — read from health.certs' counts; the button opens the certificates tab,
// each figure (click or Enter) the list in that state (#/health/certs/<state>).
import { Button, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useRouter } from '../../../app/router';
import { call } from '../../../lib/api';
import { DashCard, useCardData } from '../../dashboard/DashCard';
import { useDashT } from '../../dashboard/dashT';

const RED = '#cf1322';
const AMBER = '#d48806';
const GREEN = '#389e0d';

/** read once by the card: the counts come with any page */
const fetchCerts = () => call('health.certs', { pageSize: 1 });

/** A figure of the card as a link to the list in that state (click or Enter). */
function Figure({ state, label, n, open, children }: { state: string; label: string; n: number; open: (state: string) => void; children: ReactNode }) {
  return (
    <div
      role="link"
      tabIndex={0}
      aria-label={`${label} ${n}`}
      data-testid={`cert-card-open-${state}`}
      style={{ cursor: 'pointer' }}
      onClick={() => open(state)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          open(state);
        }
      }}
    >
      {children}
    </div>
  );
}

export function CertCard() {
  const { t } = useDashT();
  const navigate = useRouter((s) => s.navigate);
  const { data, error, load } = useCardData(fetchCerts);
  const open = (state: string) => navigate({ page: 'health', id: `certs/${state}` });
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
                <Figure state="window" label={t('health.cert.filter.window')} n={c.window} open={open}>
                  <Statistic data-testid="cert-card-window" title={t('health.cert.filter.window')} value={c.window} styles={{ content: c.window > 0 ? { color: AMBER } : undefined }} />
                </Figure>
              </Col>
              <Col span={8}>
                <Figure state="overdue" label={t('health.cert.status.overdue')} n={c.overdue} open={open}>
                  <Statistic data-testid="cert-card-overdue" title={t('health.cert.status.overdue')} value={c.overdue} styles={{ content: c.overdue > 0 ? { color: RED } : undefined }} />
                </Figure>
              </Col>
              <Col span={8}>
                <Figure state="expired" label={t('health.cert.status.expired')} n={c.expired} open={open}>
                  <Statistic data-testid="cert-card-expired" title={t('health.cert.status.expired')} value={c.expired} styles={{ content: c.expired > 0 ? { color: RED } : undefined }} />
                </Figure>
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
