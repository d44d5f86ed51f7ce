// The live composition checks: each green or red with its numbers and its rule in words, as of the date shown.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { CompositionCheck } from '../../../../../shared/congress/rules';
import type { Composition } from '../../../../../shared/congress/reps/types';
import { useT, type TFunc } from '../../../i18n';

export function checkText(c: CompositionCheck, t: TFunc): string {
  const range = c.max !== undefined ? t('congress.reps.range', { min: c.min ?? 0, max: c.max }) : t('congress.reps.atLeast', { min: c.min ?? 0 });
  return t(`congress.check.${c.key}`, { actual: c.actual, of: c.of ?? 0, min: c.min ?? 0, max: c.max ?? 0, range });
}

export function CompositionPanel({ composition }: { composition: Composition | null }) {
  const t = useT();
  if (!composition) return null;
  const failing = composition.checks.filter((c) => !c.ok).length;
  return (
    <Card
      size="small"
      title={t('congress.reps.composition')}
      extra={
        <Typography.Text type={failing ? 'danger' : 'success'} data-testid="composition-summary">
          {failing ? t('congress.reps.compositionFailing', { n: failing }) : t('congress.reps.compositionAllOk')}
        </Typography.Text>
      }
      styles={{ body: { padding: '8px 12px' } }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('congress.reps.compositionAsOf', { date: composition.asOf })}
      </Typography.Text>
      <ul aria-label={t('congress.reps.composition')} style={{ listStyle: 'none', margin: '8px 0', padding: 0 }} aria-live="polite">
        {composition.checks.map((c) => (
          <li
            key={c.key}
            data-testid={`check-${c.key}`}
            data-ok={c.ok ? 'true' : 'false'}
            style={{
              display: 'flex',
              gap: 8,
              alignItems: 'flex-start',
              padding: '6px 8px',
              marginBottom: 6,
              borderRadius: 6,
              background: c.ok ? '#f0fdf4' : '#fef2f2',
              border: `1px solid ${c.ok ? '#bbf7d0' : '#fecaca'}`,
            }}
          >
            {c.ok ? (
              <CheckCircleFilled style={{ color: '#16a34a', marginTop: 3 }} aria-label={t('congress.reps.ok')} />
            ) : (
              <CloseCircleFilled style={{ color: '#dc2626', marginTop: 3 }} aria-label={t('congress.reps.notOk')} />
            )}
            <span>{checkText(c, t)}</span>
          </li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t('congress.reps.staffLine', { total: composition.staff.total, women: composition.staff.women, observers: composition.observers })}
        <br />
        {t('congress.reps.presetLine', { preset: t(`congress.quota.${composition.settings.quotaPreset}`) })}
        <br />
        {t('congress.reps.quorumLine', { rule: t(`congress.quorum.${composition.settings.quorumRule}`) })}
      </Typography.Paragraph>
    </Card>
  );
}
