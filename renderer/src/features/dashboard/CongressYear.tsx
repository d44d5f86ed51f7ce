// 职代会年度召开情况: the city's measures ask for a safety-themed workers' congress at least once a year. The card says
// whether this year's has been held (green, with its date), which one is being prepared (its date and status; red once
// its day has passed unopened), that none is arranged yet, and — red — that last year went without one. No term at
// all: a first step to the congress page. Read from congress.sessionYearCheck.
import { Button, Space, Tag, Typography } from 'antd';
import { useRouter } from '../../app/router';
import { call } from '../../lib/api';
import { DashCard, useCardData } from './DashCard';
import { useDashT } from './dashT';

const GREEN = '#389e0d';
const RED = '#cf1322';
const AMBER = '#d48806';

/** whole days from `from` to `to` (dates) */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** read once by the card */
const fetchYearCheck = () => call('congress.sessionYearCheck', {});

export function CongressYear() {
  const { t } = useDashT();
  const navigate = useRouter((s) => s.navigate);
  const { data, error, load } = useCardData(fetchYearCheck);
  const open = () => navigate({ page: 'congress', id: null });

  let state: 'noTerm' | 'held' | 'planned' | 'late' | 'none' | null = null;
  if (data) {
    if (!data.hasTerm) state = 'noTerm';
    else if (data.held) state = 'held';
    else if (data.planned) state = data.planned.date < data.today ? 'late' : 'planned';
    else state = 'none';
  }
  const color = state === 'held' ? GREEN : state === 'late' || (state === 'none' && data?.lastYearMissed) ? RED : state === 'noTerm' ? undefined : AMBER;

  const body = () => {
    if (!data || !state) return null;
    const s = data.held ?? data.planned;
    const vars = s ? { year: data.year, date: s.date, term: s.termNumber, seq: s.seq, status: t(`congress.sessionStatus.${s.status}`), days: Math.abs(daysBetween(data.today, s.date)) } : { year: data.year };
    const tag =
      state === 'held' ? (
        <Tag color="success">{t('cy.tag.held')}</Tag>
      ) : state === 'late' ? (
        <Tag color="error">{t('cy.tag.late')}</Tag>
      ) : state === 'planned' ? (
        <Tag color="processing">{t(`congress.sessionStatus.${data.planned!.status}`)}</Tag>
      ) : state === 'none' ? (
        <Tag color="warning">{t('cy.tag.none')}</Tag>
      ) : null;
    return (
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <div data-testid="congress-year-state" data-state={state} style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          {tag}
          <Typography.Text strong={state !== 'noTerm'} style={{ color }}>
            {t(`cy.${state}`, vars)}
          </Typography.Text>
          {state === 'planned' && <Typography.Text type="secondary">{data.planned!.date === data.today ? t('cy.today') : t('cy.inDays', vars)}</Typography.Text>}
        </div>
        {data.lastYearMissed && (
          <Typography.Text data-testid="congress-year-last" style={{ color: RED }}>
            {t('cy.lastYearMissed', { year: data.year - 1 })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cy.rule')}
        </Typography.Text>
      </Space>
    );
  };

  return (
    <DashCard
      testId="congress-year"
      color={color}
      title={t('cy.title', { year: data?.year ?? new Date().getFullYear() })}
      error={error}
      onRetry={load}
      loaded={data !== null}
      extra={
        data && (
          <Button size="small" type={state === 'noTerm' || state === 'none' ? 'primary' : 'link'} onClick={open}>
            {t(state === 'noTerm' ? 'cy.action.setUp' : state === 'none' ? 'cy.action.arrange' : 'cy.action.open')}
          </Button>
        )
      }
    >
      {body()}
    </DashCard>
  );
}
