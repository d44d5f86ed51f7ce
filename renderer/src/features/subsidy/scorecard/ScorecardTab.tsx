// 准备度: the readiness scorecard of a year — the five criteria of the ten measures, each a card with its light (达标 /
// 待完善 / 未达标, never colour alone), why, its figures and links to the records that are its evidence. The year is in
// the address (#/subsidy/scorecard/<YYYY>); the dossier of the same year is one click away.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { figureText } from '../../../../../shared/subsidy/scorecard/format';
import type { AppLink, CriterionCard, Scorecard } from '../../../../../shared/subsidy/scorecard/types';
import { useRoute, useRouter } from '../../../app/router';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { parseSubsidyId } from '../tabs';
import { LIGHT_COLOR, LightTag } from './Light';
import { subsidyId, yearFromRest, yearOptions } from './year';

export function useYear(tab: string): [number, (y: number) => void] {
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const year = yearFromRest(route.page === 'subsidy' ? parseSubsidyId(route.id).rest : []);
  return [year, (y) => navigate({ page: 'subsidy', id: subsidyId(tab, y) })];
}

export function YearSelect({ year, onChange }: { year: number; onChange(y: number): void }) {
  const t = useT();
  return (
    <Space>
      <label htmlFor="subsidy-year">{t('subsidy.year')}</label>
      <Select<number>
        id="subsidy-year"
        aria-label={t('subsidy.year')}
        data-testid="subsidy-year"
        value={year}
        onChange={onChange}
        style={{ width: 110 }}
        options={yearOptions(year).map((y) => ({ value: y, label: t('subsidy.yearN', { year: y }) }))}
      />
    </Space>
  );
}

function CriterionBox({ c, onOpen }: { c: CriterionCard; onOpen(l: AppLink): void }) {
  const t = useT();
  return (
    <Card
      size="small"
      data-testid={`criterion-${c.criterion}`}
      style={{ borderTop: `3px solid ${LIGHT_COLOR[c.light]}`, height: '100%' }}
      title={
        <h3 style={{ margin: 0, fontSize: 14, fontWeight: 600 }}>
          {t(`subsidy.criterion.${c.criterion}`)}
        </h3>
      }
      extra={<LightTag light={c.light} testId={`light-${c.criterion}`} />}
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {c.reasons.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`reasons-${c.criterion}`}>
            {c.reasons.map((r, i) => (
              <li key={i}>
                <Typography.Text type={r.level === 'red' ? 'danger' : r.level === 'amber' ? 'warning' : 'secondary'} data-level={r.level ?? 'none'}>
                  {t(r.key, r.params)}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="success">{t('subsidy.allMet')}</Typography.Text>
        )}
        {c.figures.length > 0 && (
          <Descriptions size="small" column={1} colon={false} items={c.figures.map((f) => ({ key: f.key, label: t(f.key), children: figureText(f) }))} />
        )}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('subsidy.evidence')}
          </Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {c.evidence.map((e, i) => (
              <Button key={i} size="small" type="link" style={{ paddingInline: 4 }} onClick={() => onOpen(e.link)}>
                {t(e.key, e.params)}
              </Button>
            ))}
          </div>
        </div>
      </Space>
    </Card>
  );
}

export function ScorecardTab() {
  const t = useT();
  const navigate = useRouter((s) => s.navigate);
  const [year, setYear] = useYear('scorecard');
  const [data, setData] = useState<Scorecard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    call('subsidy.scorecard', { year })
      .then(setData, setError)
      .finally(() => setLoading(false));
  }, [year]);
  useEffect(load, [load]);

  const shown = data && data.year === year ? data : null;
  return (
    <div data-testid="subsidy-scorecard" style={{ paddingBottom: 24 }}>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <YearSelect year={year} onChange={setYear} />
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
            {t('subsidy.refresh')}
          </Button>
        </Space>
        <Button type="primary" onClick={() => navigate({ page: 'subsidy', id: subsidyId('dossier', year) })}>
          {t('subsidy.toDossier')}
        </Button>
      </Space>
      {error != null && <Alert type="error" showIcon title={errorText(error, t)} action={<Button onClick={load}>{t('subsidy.retry')}</Button>} style={{ marginBottom: 12 }} />}
      {shown ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="scorecard-summary">
            {t('subsidy.summary', { year: shown.year, asOf: shown.asOf, green: shown.green })}
          </Typography.Paragraph>
          {/* a grid, not Row/Col: the gutter's negative margins would stick out of the tab's scroll area and scroll the page sideways */}
          <div data-testid="scorecard-grid" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 360px), 1fr))', gap: 12 }}>
            {shown.criteria.map((c) => (
              <div key={c.criterion} style={{ minWidth: 0 }}>
                <CriterionBox c={c} onOpen={(l) => navigate({ page: l.page, id: l.id })} />
              </div>
            ))}
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('subsidy.rulesNote')}
          </Typography.Paragraph>
        </>
      ) : error == null ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : (
        <Empty description={t('subsidy.noScorecard')} />
      )}
    </div>
  );
}
