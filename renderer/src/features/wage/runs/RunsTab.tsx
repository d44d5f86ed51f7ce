// The monthly runs tab (#/wage/runs[/<YYYY-MM>[/worker/<workerId>]]: the month and the worker whose explanation is
// open are in the address, so Back, reload and links return to them): a month (last month — the pay month — by
// default), its run versions with their state (已核算 /
// 已复核 / 已审批 / 已被重算取代) and who did what when; calculate or recalculate (busy while the core reads the records
// of every worker; recalculating a reviewed or approved month is confirmed first — an approved version stays locked and
// the recalculation is a new version); 复核 and 审批 shown only to whom they are allowed (WAGE_RUNNERS, approval by
// another operator than the reviewer); the totals (paid in 元, workers, share paid a safety component, vetoes, budget
// used), totals by workshop and team, the lines (paged, search, workshop/team filter, components as columns), a
// worker's explanation, the difference between versions worker by worker, and the payroll exports of the run. A version
// whose month's records changed after it was calculated says what changed and offers 重新核算; a newer version of a
// month approved before shows, worker by worker, what is paid back (补发) or deducted (扣回) against the approved one.
// Empty states: no scheme in effect for the month (→ the schemes tab), no run yet (→ the calculate button).
import { Alert, App, Button, Card, Col, Collapse, DatePicker, Empty, Popconfirm, Row, Segmented, Skeleton, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RunDetail, RunSummary } from '../../../../../shared/wage/runs/types';
import type { SchemeVersion } from '../../../../../shared/wage/schemes/types';
import { useRoute, useRouter } from '../../../app/router';
import { useSession } from '../../../app/session';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { DiffDrawer } from './DiffDrawer';
import { ExplainDrawer } from './ExplainDrawer';
import { lastMonth, parseRunsId, pctText, runButtons, runsId, schemeForMonth, thisMonth, when, yuan } from './format';
import { GroupTotals } from './GroupTotals';
import { RunExports } from './RunExports';
import { RunLinesTable } from './RunLinesTable';
import { RunStateTag } from './RunStateTag';
import { Settlement } from './Settlement';

const addMonths = (period: string, n: number) => dayjs(`${period}-01`).add(n, 'month').format('YYYY-MM');

type Dialog = { kind: 'diff'; fromId: string; toId: string } | null;
type View = 'lines' | 'workshop' | 'team';

export function RunsTab() {
  const t = useT();
  const { message, modal } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const route = useRoute();
  const operator = useSession((s) => s.operator);
  // the month and the open explanation come from the address (#/wage/runs/<YYYY-MM>/worker/<id>)
  const address = parseRunsId(route.page === 'wage' ? route.id : null);
  const period = address.period ?? lastMonth();
  const explainId = address.workerId;
  /** another month: the address says it (replacing the entry — Back leaves the tab, not the months one by one) */
  const setPeriod = (next: string | ((p: string) => string)) => {
    const p = typeof next === 'function' ? next(period) : next;
    if (p !== period) navigate({ page: 'wage', id: runsId(p) }, { replace: true });
  };
  // an explanation opened here is a history entry of its own: closing it goes back to the list's
  const openedHere = useRef(false);
  const openExplain = (workerId: string) => {
    openedHere.current = true;
    navigate({ page: 'wage', id: runsId(period, workerId) });
  };
  const closeExplain = () => {
    if (openedHere.current) {
      openedHere.current = false;
      history.back();
    } else navigate({ page: 'wage', id: runsId(period) }, { replace: true });
  };
  const [versions, setVersions] = useState<RunSummary[] | null>(null);
  const [schemes, setSchemes] = useState<SchemeVersion[] | null | 'failed'>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [run, setRun] = useState<RunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>('lines');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [acting, setActing] = useState(false);
  const job = useJob();
  const now = thisMonth();

  useEffect(() => {
    call('wage.schemes', {}).then(setSchemes, () => setSchemes('failed'));
  }, []);

  /** the month's versions (newest first); selects `select`, else the current (not replaced) version */
  const loadVersions = useCallback(
    async (p: string, select?: string) => {
      setError(null);
      try {
        const list = await call('wage.runs', { period: p });
        setVersions(list);
        setSelectedId(select ?? list.find((v) => v.state !== 'replaced')?.id ?? list[0]?.id ?? null);
      } catch (e) {
        setVersions([]);
        setSelectedId(null);
        setError(errorText(e, t));
      }
    },
    [t],
  );
  useEffect(() => {
    setVersions(null);
    setRun(null);
    setDialog(null);
    void loadVersions(period);
  }, [period, loadVersions]);

  useEffect(() => {
    if (!selectedId) {
      setRun(null);
      return;
    }
    let current = true;
    call('wage.run', { id: selectedId }).then(
      (r) => current && setRun(r),
      (e: unknown) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [selectedId, t]);

  const current = versions?.find((v) => v.state !== 'replaced') ?? null;
  const shown = run && run.id === selectedId ? run : null;
  const buttons = runButtons(shown, operator, period, now);
  const scheme = useMemo(() => (Array.isArray(schemes) ? schemeForMonth(schemes, period) : null), [schemes, period]);
  // no scheme in effect: only said when the schemes could be read (else the calculation says why it refuses)
  const noScheme = Array.isArray(schemes) && !scheme;

  const calculate = async () => {
    try {
      const r = await job.run((opts) => call('wage.runCalculate', { period }, { onProgress: opts.onProgress }));
      message.success(t('wage.runs.calculated', { version: r.version, workers: r.workers, total: yuan(r.totalFen) }));
      setView('lines');
      await loadVersions(period, r.id);
    } catch (e) {
      job.fail(e);
    }
  };
  const askCalculate = () => {
    if (current && (current.state === 'approved' || current.state === 'reviewed')) {
      const which = current.state === 'approved' ? 'confirmApproved' : 'confirmReviewed';
      const vars = { version: current.version, next: Math.max(...(versions ?? []).map((v) => v.version)) + 1 };
      modal.confirm({
        title: t(`wage.runs.${which}.title`, vars),
        content: <span data-testid="recalc-confirm">{t(`wage.runs.${which}.body`, vars)}</span>,
        okText: t('wage.runs.confirmRecalc.ok'),
        onOk: () => void calculate(),
      });
    } else void calculate();
  };

  const step = async (channel: 'wage.runReview' | 'wage.runApprove', done: string) => {
    if (!shown) return;
    setActing(true);
    try {
      const r = await call(channel, { id: shown.id });
      message.success(t(done, { version: r.version }));
      await loadVersions(period, r.id);
      setRun(await call('wage.run', { id: r.id }));
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setActing(false);
    }
  };

  const calcButton = buttons.calculate && (
    <Button type={current ? 'default' : 'primary'} onClick={askCalculate} loading={job.running} disabled={acting} data-testid="run-calculate">
      {t(current ? 'wage.runs.recalculate' : 'wage.runs.calculate')}
    </Button>
  );

  const versionColumns: ColumnsType<RunSummary> = [
    {
      title: t('wage.runs.version'),
      key: 'version',
      width: 150,
      render: (_, v) => (
        <Space size={4}>
          {v.id === selectedId ? (
            <Typography.Text strong>{t('wage.runs.versionN', { version: v.version })}</Typography.Text>
          ) : (
            <a
              href="#"
              onClick={(e) => {
                e.preventDefault();
                setSelectedId(v.id);
              }}
            >
              {t('wage.runs.versionN', { version: v.version })}
            </a>
          )}
          {v.id === selectedId && <Tag>{t('wage.runs.viewing')}</Tag>}
        </Space>
      ),
    },
    { title: t('wage.runs.state'), key: 'state', width: 130, render: (_, v) => <RunStateTag state={v.state} wasApproved={!!v.approvedAt} /> },
    { title: t('wage.runs.total'), key: 'total', width: 130, align: 'right', render: (_, v) => yuan(v.totalFen) },
    { title: t('wage.runs.calculatedBy'), key: 'calc', render: (_, v) => t('wage.runs.whoWhen', { who: v.calculatedBy, when: when(v.calculatedAt) }) },
    { title: t('wage.runs.reviewedBy'), key: 'rev', render: (_, v) => (v.reviewedBy ? t('wage.runs.whoWhen', { who: v.reviewedBy, when: when(v.reviewedAt) }) : '') },
    { title: t('wage.runs.approvedBy'), key: 'appr', render: (_, v) => (v.approvedBy ? t('wage.runs.whoWhen', { who: v.approvedBy, when: when(v.approvedAt) }) : '') },
    {
      title: '',
      key: 'diff',
      width: 130,
      render: (_, v) => {
        const older = versions?.filter((x) => x.version < v.version).sort((a, b) => b.version - a.version)[0];
        return older ? (
          <Button size="small" type="link" onClick={() => setDialog({ kind: 'diff', fromId: older.id, toId: v.id })}>
            {t('wage.runs.compare')}
          </Button>
        ) : null;
      },
    },
  ];

  const body = () => {
    if (versions === null) return <Skeleton active />;
    if (versions.length === 0) {
      if (schemes === null) return <Skeleton active />;
      if (noScheme) {
        return (
          <Empty
            style={{ padding: 48 }}
            data-testid="runs-no-scheme"
            description={
              <Space orientation="vertical" size={4}>
                <Typography.Text strong>{t('wage.runs.noScheme', { period })}</Typography.Text>
                <Typography.Text type="secondary">{t('wage.runs.noSchemeHint')}</Typography.Text>
              </Space>
            }
          >
            <Button type="primary" onClick={() => navigate({ page: 'wage', id: 'schemes' })}>
              {t('wage.runs.toSchemes')}
            </Button>
          </Empty>
        );
      }
      return (
        <Empty
          style={{ padding: 48 }}
          data-testid="runs-no-run"
          description={
            <Space orientation="vertical" size={4}>
              <Typography.Text strong>{t('wage.runs.noRun', { period })}</Typography.Text>
              {scheme && <Typography.Text type="secondary">{t('wage.runs.noRunHint', { scheme: scheme.name, version: scheme.version })}</Typography.Text>}
              {!buttons.calculate && period <= now && <Typography.Text type="secondary">{t('wage.runs.runnersOnly')}</Typography.Text>}
            </Space>
          }
        >
          {calcButton}
        </Empty>
      );
    }
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {versions.length > 1 && (
          <Card size="small" title={t('wage.runs.versions')}>
            <Table<RunSummary> rowKey="id" size="small" columns={versionColumns} dataSource={versions} pagination={false} data-testid="run-versions" />
          </Card>
        )}
        {!shown ? (
          <Skeleton active />
        ) : (
          <>
            <div data-testid="run-header" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 16px', padding: '8px 12px', background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8 }}>
              <Space size={6}>
                <Typography.Text strong data-testid="run-version">
                  {t('wage.runs.versionN', { version: shown.version })}
                </Typography.Text>
                <RunStateTag state={shown.state} wasApproved={!!shown.approvedAt} />
                {shown.state === 'approved' && <Typography.Text type="secondary">{t('wage.runs.locked')}</Typography.Text>}
              </Space>
              <HeaderItem label={t('wage.runs.scheme')} value={t('wage.runs.schemeOf', { name: shown.schemeName, version: shown.schemeVersion })} />
              <HeaderItem label={t('wage.runs.calculatedBy')} value={t('wage.runs.whoWhen', { who: shown.calculatedBy, when: when(shown.calculatedAt) })} />
              <HeaderItem label={t('wage.runs.reviewedBy')} value={shown.reviewedBy ? t('wage.runs.whoWhen', { who: shown.reviewedBy, when: when(shown.reviewedAt) }) : '—'} />
              <HeaderItem label={t('wage.runs.approvedBy')} value={shown.approvedBy ? t('wage.runs.whoWhen', { who: shown.approvedBy, when: when(shown.approvedAt) }) : '—'} />
            </div>
            {shown.stale && (
              <Alert
                type="warning"
                showIcon
                data-testid="run-stale"
                title={t('wage.runs.stale.title', { version: shown.version, kinds: shown.stale.kinds.map((k) => t(`wage.runs.stale.kind.${k}`)).join(t('wage.runs.stale.sep')) })}
                description={t(shown.state === 'approved' ? 'wage.runs.stale.approved' : 'wage.runs.stale.open')}
                action={
                  buttons.calculate && (
                    <Button size="small" onClick={askCalculate} loading={job.running} disabled={acting} data-testid="run-stale-recalculate">
                      {t('wage.runs.recalculate')}
                    </Button>
                  )
                }
              />
            )}
            <Totals run={shown} />
            {shown.previousApproved && <Settlement run={shown} />}
            <Collapse
              key={`${shown.id}:${shown.state}`}
              size="small"
              defaultActiveKey={shown.state === 'approved' ? ['exports'] : []}
              items={[{ key: 'exports', label: t('wage.runs.exports'), children: <RunExports run={shown} /> }]}
            />
            <Segmented<View>
              aria-label={t('wage.runs.lines')}
              value={view}
              onChange={setView}
              options={[
                { value: 'lines', label: t('wage.runs.lines') },
                { value: 'workshop', label: t('wage.runs.byWorkshop') },
                { value: 'team', label: t('wage.runs.byTeam') },
              ]}
            />
            {view === 'lines' ? <RunLinesTable key={shown.id} run={shown} onOpen={openExplain} /> : <GroupTotals run={shown} by={view} />}
          </>
        )}
      </Space>
    );
  };

  return (
    <div style={{ paddingBottom: 24 }}>
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <Space size={4}>
          <Typography.Text type="secondary">{t('wage.runs.month')}</Typography.Text>
          <Button size="small" aria-label={t('wage.runs.prevMonth')} onClick={() => setPeriod((p) => addMonths(p, -1))} disabled={job.running}>
            ‹
          </Button>
          <DatePicker
            picker="month"
            aria-label={t('wage.runs.month')}
            data-testid="runs-month"
            allowClear={false}
            value={dayjs(`${period}-01`)}
            format="YYYY-MM"
            disabled={job.running}
            disabledDate={(d) => d.format('YYYY-MM') > now}
            onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
            style={{ width: 120 }}
          />
          <Button size="small" aria-label={t('wage.runs.nextMonth')} onClick={() => setPeriod((p) => addMonths(p, 1))} disabled={job.running || period >= now}>
            ›
          </Button>
        </Space>
        {versions && versions.length > 0 && calcButton}
        {buttons.review && shown && (
          <Popconfirm title={t('wage.runs.reviewConfirm', { version: shown.version })} onConfirm={() => void step('wage.runReview', 'wage.runs.reviewed')}>
            <Button type="primary" loading={acting} disabled={job.running} data-testid="run-review">
              {t('wage.runs.review')}
            </Button>
          </Popconfirm>
        )}
        {buttons.approve && shown && (
          <Popconfirm title={t('wage.runs.approveConfirm', { version: shown.version })} onConfirm={() => void step('wage.runApprove', 'wage.runs.approved')}>
            <Button type="primary" loading={acting} disabled={job.running} data-testid="run-approve">
              {t('wage.runs.approve')}
            </Button>
          </Popconfirm>
        )}
        {buttons.ownReview && (
          <Typography.Text type="secondary" data-testid="run-own-review">
            {t('wage.runs.ownReview')}
          </Typography.Text>
        )}
        {shown && versions && versions.length > 1 && (
          <Button
            onClick={() => {
              const other = versions.find((v) => v.id !== shown.id && v.version < shown.version) ?? versions.find((v) => v.id !== shown.id)!;
              setDialog(other.version < shown.version ? { kind: 'diff', fromId: other.id, toId: shown.id } : { kind: 'diff', fromId: shown.id, toId: other.id });
            }}
          >
            {t('wage.runs.diff')}
          </Button>
        )}
        <JobProgress job={job} cancellable={false} />
      </Space>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Spin spinning={job.running} description={t('wage.runs.calculating', { period })}>
        {body()}
      </Spin>
      {explainId && shown && <ExplainDrawer run={shown} workerId={explainId} onClose={closeExplain} />}
      {dialog?.kind === 'diff' && shown && <DiffDrawer run={shown} fromId={dialog.fromId} toId={dialog.toId} onClose={() => setDialog(null)} />}
    </div>
  );
}

function Totals({ run }: { run: RunDetail }) {
  const t = useT();
  const share = run.workers ? run.safetyPaid / run.workers : 0;
  const budgetPct = run.budget && run.budget.budgetFen > 0 ? pctText(run.budget.usedFen / run.budget.budgetFen) : null;
  const cards = [
    { key: 'total', title: t('wage.runs.total'), value: yuan(run.totalFen), suffix: t('wage.runs.yuan') },
    { key: 'workers', title: t('wage.runs.workers'), value: run.workers, suffix: t('wage.runs.persons') },
    { key: 'safety', title: t('wage.runs.safetyShare'), value: `${pctText(share)}%`, hint: t('wage.runs.safetyShareHint', { n: run.safetyPaid }) },
    { key: 'vetoes', title: t('wage.runs.vetoes'), value: run.vetoes, suffix: t('wage.runs.persons'), danger: run.vetoes > 0 },
    {
      key: 'budget',
      title: t('wage.runs.budget'),
      value: budgetPct !== null ? `${budgetPct}%` : '—',
      hint: run.budget ? t('wage.runs.budgetOf', { used: yuan(run.budget.usedFen), budget: yuan(run.budget.budgetFen), pct: budgetPct ?? '0.0' }) : t('wage.runs.noBudget'),
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} flex="1 1 180px">
          <Card size="small" style={{ height: '100%', borderTop: c.danger ? '3px solid #cf1322' : undefined }}>
            <Statistic
              data-testid={`run-${c.key}`}
              title={c.title}
              value={c.value}
              suffix={c.suffix}
              styles={{ content: c.danger ? { color: '#cf1322' } : undefined }}
            />
            {c.hint && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`run-${c.key}-hint`}>
                {c.hint}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function HeaderItem({ label, value }: { label: string; value: string }) {
  const t = useT();
  return (
    <span>
      <Typography.Text type="secondary">{t('wage.runs.labelColon', { label })}</Typography.Text>
      {value}
    </span>
  );
}
