// A worker's explanation for one run version: per component the raw value read from the records (a skill grade by its
// name: 一级（高级技师）), its points, the weighted points and the amount in 元; the records behind it, each a link (a
// hazard opens #/hazards/<id>, the roster entry #/roster/<id>, a behaviour record or an accident the records tab on its
// month with the record open — #/wage/records/<YYYY-MM>/<kind>/<id> — hours and manual figures the records tab on the
// run's month); and in words why a veto, a cap or pro rata applied.
import { Alert, Card, Descriptions, Drawer, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Locale } from '../../../../../shared/kernel/i18n';
import type { RunDetail, RunExplanation, RunSourceRecord } from '../../../../../shared/wage/runs/types';
import { skillGradeLabel } from '../../../../../shared/wage/catalogue';
import { routeHash } from '../../../app/router';
import { useI18n, useT, type TFunc } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { wageId } from '../tabs';
import { pointsText, yuan } from './format';

/**
 * Where a source record opens: a hazard in the ledger, a worker in the roster, a behaviour record or an accident in the
 * records tab on its own month (#/wage/records/<YYYY-MM>/<kind>/<id>), hours and manual figures the records tab on the
 * run's month.
 */
export function recordHref(r: RunSourceRecord, period: string): string {
  if (r.kind === 'hazard') return routeHash({ page: 'hazards', id: r.id });
  if (r.kind === 'roster') return routeHash({ page: 'roster', id: r.id });
  if (r.kind === 'training') return routeHash({ page: 'education', id: `activities/${r.id}` });
  const month = r.date && /^\d{4}-\d{2}/.test(r.date) ? r.date.slice(0, 7) : period;
  if (r.kind === 'behaviour' || r.kind === 'accident') return routeHash({ page: 'wage', id: wageId({ tab: 'records', period: month, record: { kind: r.kind, id: r.id } }) });
  return routeHash({ page: 'wage', id: wageId({ tab: 'records', period: month }) });
}

/** What a record contributed, in words: a hazard's grade, an accident's severity, points, hours, a grade. */
function recordValue(r: RunSourceRecord, t: TFunc, locale: Locale): string {
  if (r.value === null) return '';
  if (r.kind === 'roster') return skillGradeLabel(r.value, locale);
  if (r.kind === 'hazard') return t(`hazardGrade.${String(r.value)}`);
  if (r.kind === 'accident') return t(`wage.severity.${String(r.value)}`);
  if (r.kind === 'behaviour' && typeof r.value === 'number') return r.value > 0 ? `+${r.value}` : String(r.value);
  return String(r.value);
}

/** The raw value in words: a skill grade by its name (一级（高级技师）), else the value and its unit. */
function rawText(raw: unknown, unit: string, t: TFunc, grade: boolean, locale: Locale): string {
  if (raw === null || raw === undefined || raw === '') return t('wage.runs.ex.noRaw');
  const v = Array.isArray(raw) ? raw.length : raw;
  if (grade && (typeof v === 'number' || typeof v === 'string')) return skillGradeLabel(v, locale);
  return unit ? `${String(v)} ${unit}` : String(v);
}

export function ExplainDrawer({ run, workerId, onClose }: { run: RunDetail; workerId: string; onClose(): void }) {
  const t = useT();
  const locale: Locale = useI18n((s) => s.locale);
  const [ex, setEx] = useState<RunExplanation | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setEx(null);
    setError(null);
    call('wage.runExplain', { runId: run.id, workerId }).then(
      (v) => current && setEx(v),
      (e: unknown) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [run.id, workerId, t]);

  const line = ex?.line;
  const ind = (code: string) => run.indicators.find((i) => i.code === code);

  return (
    <Drawer
      open
      size={820}
      onClose={onClose}
      title={
        line ? (
          <span data-testid="explain-title">{t('wage.runs.ex.title', { empNo: line.empNo, name: line.name, period: run.period })}</span>
        ) : (
          t('wage.tab.runs')
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!ex && !error && <Spin />}
      {ex && line && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="explain">
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('wage.runs.workshop')}>{line.workshopName ?? t('wage.runs.unassigned')}</Descriptions.Item>
            <Descriptions.Item label={t('wage.runs.team')}>{line.teamName ?? t('wage.runs.unassigned')}</Descriptions.Item>
            <Descriptions.Item label={t('wage.runs.ex.total')} span={2}>
              <Typography.Text strong data-testid="explain-total">
                {yuan(line.totalFen)} {t('wage.runs.yuan')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {t('wage.runs.ex.totalRule')}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {line.veto && <Alert type="error" showIcon title={t('wage.runs.ex.vetoed')} data-testid="explain-veto" />}
          {line.proRata && <Alert type="info" showIcon title={t('wage.runs.ex.proRata', { worked: line.proRata.worked, of: line.proRata.of })} />}
          {line.components.map((c) => {
            const def = ind(c.code);
            const why = ex.components.find((x) => x.code === c.code);
            const records = why?.records ?? [];
            return (
              <Card
                key={c.code}
                size="small"
                data-testid={`explain-${c.code}`}
                title={
                  <Space wrap size={6}>
                    <span>{def?.name[locale] ?? c.code}</span>
                    {def?.safety && <Tag color="green">{t('wage.runs.ex.safety')}</Tag>}
                    {c.applied.map((a) => (
                      <Tag key={a} color={a === 'veto' ? 'red' : 'orange'}>
                        {t(`wage.runs.ex.applied.${a}`)}
                      </Tag>
                    ))}
                  </Space>
                }
                extra={
                  <Typography.Text strong>
                    {yuan(c.fen)} {t('wage.runs.yuan')}
                  </Typography.Text>
                }
              >
                <Descriptions size="small" column={4} layout="vertical">
                  <Descriptions.Item label={t('wage.runs.ex.raw')}>
                    <span data-testid="explain-raw">{rawText(c.raw, def?.unit[locale] ?? '', t, def?.source === 'roster.skillGrade', locale)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('wage.runs.ex.points')}>{pointsText(c.points)}</Descriptions.Item>
                  <Descriptions.Item label={t('wage.runs.ex.weighted', { weight: def?.weightPct ?? '' })}>{pointsText(c.weighted)}</Descriptions.Item>
                  <Descriptions.Item label={t('wage.runs.ex.amount')}>{yuan(c.fen)}</Descriptions.Item>
                </Descriptions>
                {why && why.reasons.length > 0 && (
                  <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }} aria-label={t('wage.runs.ex.reasons')}>
                    {why.reasons.map((r, i) => (
                      <li key={i} data-testid="explain-reason">
                        <Typography.Text type={r.key === 'wage.run.reason.veto' ? 'danger' : undefined}>{t(r.key, r.params)}</Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
                {records.length > 0 ? (
                  <Table<RunSourceRecord>
                    size="small"
                    rowKey={(r) => `${r.kind}:${r.id}`}
                    pagination={records.length > 10 ? { pageSize: 10, size: 'small' } : false}
                    dataSource={records}
                    aria-label={t('wage.runs.ex.records')}
                    columns={[
                      { title: t('wage.runs.ex.date'), dataIndex: 'date', width: 110, render: (d: string | null) => d ?? '' },
                      { title: t('wage.runs.ex.kind'), key: 'kind', width: 100, render: (_, r) => t(`wage.runs.ex.kind.${r.kind}`) },
                      {
                        title: t('wage.runs.ex.record'),
                        key: 'label',
                        render: (_, r) => (
                          <a href={recordHref(r, run.period)} data-testid={`record-link-${r.kind}`}>
                            {r.label}
                          </a>
                        ),
                      },
                      { title: t('wage.runs.ex.value'), key: 'value', width: 110, render: (_, r) => recordValue(r, t, locale) },
                    ]}
                  />
                ) : (
                  !why?.reasons.some((r) => r.key === 'wage.run.reason.noRecord') && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wage.runs.ex.noRecords')} />
                )}
              </Card>
            );
          })}
        </Space>
      )}
    </Drawer>
  );
}
