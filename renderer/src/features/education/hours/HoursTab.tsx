// 学时与差距 (#/education/hours): for a year, every worker's training hours against the requirement that applies to
// them (shared/education/hours/rules.ts), the figures for the whole enterprise, the gaps by workshop and team (a row
// click lists that unit only), the workers' list with search and "only those below", a worker's training in a drawer
// with the training file as PDF, and the requirement table with the enterprise's sector in a dialog.
import { SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, Grid, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { HoursResult, RequirementsView, UnitGap, WorkerHours } from '../../../../../shared/education/hours/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { RequirementsDialog, SectorSelect, useCanEditHours } from './RequirementsDialog';
import { TrainingDrawer } from './TrainingDrawer';

const RED = '#cf1322';
const num = (v: number) => String(Math.round(v * 10) / 10);
const PAGE_SIZE = 50;

export function HoursTab() {
  const t = useT();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [search, setSearch] = useState('');
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [unit, setUnit] = useState<UnitGap | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<HoursResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [reqs, setReqs] = useState<RequirementsView | null>(null);
  const [reqsOpen, setReqsOpen] = useState(false);
  const [worker, setWorker] = useState<string | null>(null);
  const [sectorError, setSectorError] = useState<string | null>(null);
  const canEdit = useCanEditHours();
  const screens = Grid.useBreakpoint();

  const load = useCallback(() => {
    let current = true;
    setLoading(true);
    setError(null);
    call('education.hours', {
      year,
      search,
      onlyGaps,
      workshopId: unit?.kind === 'workshop' ? unit.unitId : null,
      teamId: unit?.kind === 'team' ? unit.unitId : null,
      page,
      pageSize: PAGE_SIZE,
    }).then(
      (v) => {
        if (!current) return;
        setData(v);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(errorText(e, t));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [year, search, onlyGaps, unit, page, t]);
  useEffect(load, [load]);
  useEffect(() => {
    call('education.requirements', {}).then(setReqs, (e: unknown) => setSectorError(errorText(e, t)));
  }, [t]);

  const reqsChanged = (v: RequirementsView) => {
    setReqs(v);
    load();
  };
  const changeSector = async (sector: RequirementsView['sector']) => {
    setSectorError(null);
    try {
      reqsChanged(await call('education.sectorSave', { sector }));
    } catch (e) {
      setSectorError(errorText(e, t));
    }
  };

  const s = data?.summary;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const filtered = search !== '' || onlyGaps || unit !== null;

  return (
    <div data-testid="hours-tab" style={{ display: 'flex', flexDirection: 'column', gap: 12, paddingBottom: 24 }}>
      <Space wrap align="center">
        <Typography.Text>{t('education.hours.year')}</Typography.Text>
        <Select
          aria-label={t('education.hours.year')}
          data-testid="hours-year"
          value={year}
          style={{ width: 100 }}
          onChange={(y) => {
            setYear(y);
            setPage(1);
          }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Typography.Text>{t('education.hours.sector')}</Typography.Text>
        {reqs && <SectorSelect value={reqs.sector} onChange={(v) => void changeSector(v)} disabled={!canEdit} />}
        <Button icon={<SettingOutlined />} onClick={() => setReqsOpen(true)} data-testid="hours-requirements">
          {t('education.hours.requirements')}
        </Button>
        {data && <Typography.Text type="secondary">{t('education.hours.asOf', { date: data.asOf })}</Typography.Text>}
      </Space>
      {sectorError && <Alert type="error" showIcon title={sectorError} closable onClose={() => setSectorError(null)} />}
      {error && <Alert type="error" showIcon title={error} action={<Button size="small" onClick={load}>{t('dash.retry')}</Button>} />}

      {s && (
        // a CSS grid, not antd's Row: a gutter's negative margins poked 8 px past the tab body and gave the page a
        // horizontal scrollbar at 1366 px
        <div data-testid="hours-summary" style={{ display: 'grid', gridTemplateColumns: screens.md ? 'repeat(5, minmax(0, 1fr))' : 'repeat(2, minmax(0, 1fr))', gap: 12 }}>
          <div>
            <Statistic title={t('education.hours.sum.required')} value={s.required} suffix={`/ ${s.workers}`} />
          </div>
          <div>
            <Statistic title={t('education.hours.sum.meeting')} value={s.meeting} />
          </div>
          <div>
            <Statistic data-testid="hours-below" title={t('education.hours.sum.below')} value={s.below} styles={{ content: s.below > 0 ? { color: RED } : undefined }} />
          </div>
          <div>
            <Statistic title={t('education.hours.sum.gap')} value={num(s.gapHours)} />
          </div>
          <div>
            <Statistic title={t('education.hours.sum.personHours')} value={num(s.personHours)} />
          </div>
        </div>
      )}

      {data && data.summary.workers === 0 ? (
        <Empty data-testid="hours-empty" description={t('education.hours.empty')} />
      ) : (
        data && (
          <div style={{ display: 'grid', gridTemplateColumns: screens.lg ? 'minmax(0, 9fr) minmax(0, 15fr)' : 'minmax(0, 1fr)', gap: 16, alignItems: 'start' }}>
            <div>
              {/* the hint under the title, not beside it: in English the two do not fit one line of the narrow card */}
              <Card size="small" title={<h3 style={{ margin: 0, fontSize: 14, whiteSpace: 'normal' }}>{t('education.hours.units')}</h3>}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} data-testid="hours-unit-hint">
                  {t('education.hours.unitHint')}
                </Typography.Paragraph>
                <Table<UnitGap>
                  size="small"
                  data-testid="hours-units"
                  rowKey="unitId"
                  pagination={false}
                  dataSource={data.units}
                  rowClassName={(u) => (u.unitId === unit?.unitId ? 'ant-table-row-selected' : '')}
                  onRow={(u) => ({
                    onClick: () => {
                      setUnit(u.unitId === unit?.unitId ? null : u);
                      setPage(1);
                    },
                    style: { cursor: 'pointer' },
                  })}
                  columns={[
                    {
                      title: t('education.hours.unit'),
                      key: 'name',
                      render: (_, u) => (
                        <button
                          type="button"
                          className="ak-link-button"
                          style={{ paddingLeft: u.kind === 'team' ? 16 : 0, fontWeight: u.kind === 'workshop' ? 600 : undefined, background: 'none', border: 0, cursor: 'pointer', textAlign: 'left' }}
                        >
                          {u.name}
                        </button>
                      ),
                    },
                    { title: t('education.hours.unitRequired'), dataIndex: 'required', align: 'right', width: 60 },
                    { title: t('education.hours.sum.below'), dataIndex: 'below', align: 'right', width: 64, render: (v: number) => <span style={{ color: v > 0 ? RED : undefined }}>{v}</span> },
                    { title: t('education.hours.col.gap'), dataIndex: 'gapHours', align: 'right', width: 64, render: (v: number) => num(v) },
                  ]}
                />
              </Card>
            </div>
            <div>
              <Card size="small" title={<h3 style={{ margin: 0, fontSize: 14 }}>{t('education.hours.list')}</h3>}>
                <Space wrap style={{ marginBottom: 8 }}>
                  <Input.Search
                    aria-label={t('education.hours.search')}
                    placeholder={t('education.hours.search')}
                    allowClear
                    style={{ width: 220 }}
                    onSearch={(v) => {
                      setSearch(v.trim());
                      setPage(1);
                    }}
                  />
                  <Checkbox
                    checked={onlyGaps}
                    data-testid="hours-only-gaps"
                    onChange={(e) => {
                      setOnlyGaps(e.target.checked);
                      setPage(1);
                    }}
                  >
                    {t('education.hours.onlyGaps')}
                  </Checkbox>
                  {unit && (
                    <Tag closable onClose={() => setUnit(null)} data-testid="hours-unit-filter">
                      {t('education.hours.filterUnit', { unit: unit.parentName ? `${unit.parentName} / ${unit.name}` : unit.name })}
                    </Tag>
                  )}
                </Space>
                <Table<WorkerHours>
                  size="small"
                  data-testid="hours-workers"
                  rowKey="workerId"
                  loading={loading}
                  dataSource={data.rows}
                  scroll={{ x: 760 }}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={onlyGaps && !search && !unit ? t('education.hours.noGaps') : filtered ? t('education.hours.emptyFilter') : t('education.hours.empty')} /> }}
                  pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, showSizeChanger: false, onChange: setPage }}
                  columns={[
                    { title: t('education.hours.col.empNo'), dataIndex: 'empNo', width: 90 },
                    {
                      title: t('education.hours.col.name'),
                      dataIndex: 'name',
                      render: (v: string, r) => (
                        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setWorker(r.workerId)}>
                          {v}
                        </Button>
                      ),
                    },
                    { title: t('education.hours.col.team'), key: 'unit', render: (_, r) => [r.workshopName, r.teamName].filter(Boolean).join(' / ') || '—' },
                    { title: t('education.hours.col.role'), dataIndex: 'role', render: (v: string) => t(`education.role.${v}`) },
                    { title: t('education.hours.col.required'), key: 'required', align: 'right', render: (_, r) => (r.applies ? num(r.required) : <Typography.Text type="secondary">{t('education.hours.noFixed')}</Typography.Text>) },
                    { title: t('education.hours.col.counted'), dataIndex: 'counted', align: 'right', render: (v: number) => num(v) },
                    {
                      title: t('education.hours.col.gap'),
                      key: 'gap',
                      align: 'right',
                      render: (_, r) => (!r.applies ? '—' : r.meets ? <Tag color="green">{t('education.hours.met')}</Tag> : <span style={{ color: RED, fontWeight: 600 }}>{num(r.gap)}</span>),
                    },
                    { title: t('education.hours.col.yearHours'), dataIndex: 'yearHours', align: 'right', render: (v: number) => num(v) },
                    { title: t('education.hours.col.meetings'), dataIndex: 'meetings', align: 'right' },
                  ]}
                />
              </Card>
            </div>
          </div>
        )
      )}
      <RequirementsDialog open={reqsOpen} view={reqs} onClose={() => setReqsOpen(false)} onChanged={reqsChanged} />
      <TrainingDrawer workerId={worker} year={year} onClose={() => setWorker(null)} />
    </div>
  );
}

export default HoursTab;
