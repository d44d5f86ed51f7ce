// 奖补申报准备度 on the home page: this year's five criteria, each with its light (a word, not colour alone) and a link
// to the scorecard. Read from subsidy.scorecard; the top border is red while any criterion is red, amber while any is
// amber, green when the rest are green (grey 'none' — nothing to judge — is not a pass).
import { Button, Typography } from 'antd';
import { useCallback } from 'react';
import { useRouter } from '../../app/router';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { DashCard, useCardData } from '../dashboard/DashCard';
import { LIGHT_COLOR, LightTag } from './scorecard/Light';
import { thisYear } from './scorecard/year';

export function SubsidyCard() {
  const t = useT();
  const navigate = useRouter((s) => s.navigate);
  const year = thisYear();
  const fetch = useCallback(() => call('subsidy.scorecard', { year }), [year]);
  const { data, error, load } = useCardData(fetch);
  const lights = data?.criteria.map((c) => c.light) ?? [];
  // a criterion with nothing to judge ('none', grey) never makes the card green on its own
  const color = !data
    ? undefined
    : lights.includes('red')
      ? LIGHT_COLOR.red
      : lights.includes('amber')
        ? LIGHT_COLOR.amber
        : lights.includes('green')
          ? LIGHT_COLOR.green
          : LIGHT_COLOR.none;
  return (
    <DashCard
      testId="subsidy-card"
      color={color}
      title={t('subsidy.card.title', { year })}
      error={error}
      onRetry={load}
      loaded={data !== null}
      extra={
        <Button size="small" type="link" onClick={() => navigate({ page: 'subsidy', id: null })}>
          {t('subsidy.card.open')}
        </Button>
      }
    >
      {data && (
        <>
          <Typography.Text type="secondary" data-testid="subsidy-card-green">
            {t('subsidy.card.green', { green: data.green })}
          </Typography.Text>
          <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0 }}>
            {data.criteria.map((c) => (
              <li key={c.criterion} data-testid={`subsidy-card-${c.criterion}`} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '2px 0' }}>
                <span>{t(`subsidy.criterion.${c.criterion}`)}</span>
                <LightTag light={c.light} />
              </li>
            ))}
          </ul>
        </>
      )}
    </DashCard>
  );
}
