// The proposals tab (#/congress/proposals): the term's proposals with filters (state, category, overdue, search), the
// collection settings (window before the session, co-signers, committee), submission, the drawer with the timeline and
// only the allowed steps, and the handling report as xlsx.
import { Alert, App, Button, Empty, Input, Select, Skeleton, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { PROPOSAL_CATEGORIES, PROPOSAL_STATES, type ProposalCategory, type ProposalRow, type ProposalSettings, type ProposalState } from '../../../../../shared/congress/proposals/types';
import { CONGRESS_RUNNERS, type Member, type Term } from '../../../../../shared/congress/reps/types';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { useSession } from '../../../app/session';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useListShortcuts } from '../../../lib/listHooks';
import { useTableHeight } from '../../../lib/useTableHeight';
import { localToday } from '../reps/common';
import { HazardsText, StateTag } from './tags';

const SubmitDialog = lazy(() => import('./SubmitDialog').then((m) => ({ default: m.SubmitDialog })));
const SettingsDialog = lazy(() => import('./SettingsDialog').then((m) => ({ default: m.SettingsDialog })));
const ProposalDrawer = lazy(() => import('./ProposalDrawer').then((m) => ({ default: m.ProposalDrawer })));

interface Filters {
  state: ProposalState | null;
  category: ProposalCategory | null;
  overdue: boolean;
  search: string;
}

type Dialog = { kind: 'submit' } | { kind: 'settings' } | { kind: 'open'; id: string } | null;

export function ProposalsTab() {
  const t = useT();
  const { message } = App.useApp();
  const operator = useSession((s) => s.operator);
  const canRun = operator ? holdsAnyRole(operator, CONGRESS_RUNNERS) : false;
  const today = localToday();
  const [terms, setTerms] = useState<Term[] | null>(null);
  const [termId, setTermId] = useState<string | null>(null);
  const [settings, setSettings] = useState<ProposalSettings | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [rows, setRows] = useState<ProposalRow[] | null>(null);
  const [filters, setFilters] = useState<Filters>({ state: null, category: null, overdue: false, search: '' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const job = useJob();
  const tableHeight = useTableHeight(300);

  useEffect(() => {
    call('congress.terms', {}).then(
      (list) => {
        setTerms(list);
        setTermId((list.find((x) => x.startDate <= today && today <= x.endDate) ?? list[0])?.id ?? null);
      },
      (e: unknown) => {
        setTerms([]);
        message.error(errorText(e, t));
      },
    );
  }, [message, t, today]);

  const term = useMemo(() => terms?.find((x) => x.id === termId) ?? null, [terms, termId]);

  const loadTerm = useCallback(async () => {
    if (!termId) return;
    try {
      const [s, m] = await Promise.all([call('congress.proposalSettings', { termId }), call('congress.members', { termId })]);
      setSettings(s);
      setMembers(m);
    } catch (e) {
      message.error(errorText(e, t));
    }
  }, [termId, message, t]);
  useEffect(() => {
    void loadTerm();
  }, [loadTerm]);

  const loadRows = useCallback(async () => {
    if (!termId) return;
    try {
      setRows(await call('congress.proposals', { termId, state: filters.state, category: filters.category, overdue: filters.overdue, search: filters.search }));
    } catch (e) {
      setRows([]);
      message.error(errorText(e, t));
    }
  }, [termId, filters, message, t]);
  useEffect(() => {
    void loadRows();
  }, [loadRows]);

  // a serving representative enters their own proposals; the union office enters any
  const serving = members.filter((m) => m.kind === 'representative' && m.current);
  const amRep = !!operator && serving.some((m) => m.workerId === operator.workerId);
  const canSubmit = canRun || amRep;
  const openSubmit = useCallback(() => {
    if (term && canSubmit) setDialog({ kind: 'submit' });
  }, [term, canSubmit]);
  useListShortcuts({ focusSearch: () => document.getElementById('proposal-search')?.focus(), create: openSubmit, enabled: dialog === null });

  const exportReport = async (kind: 'Xlsx' | 'Pdf') => {
    if (!term) return;
    try {
      const f = await job.run((opts) => call(`congress.proposalReport${kind}`, { termId: term.id }, opts));
      await job.save(f);
    } catch (e) {
      job.fail(e);
    }
  };

  if (terms === null) return <Skeleton active />;
  if (!term) return <Empty style={{ padding: 48 }} description={<span data-testid="proposals-no-term">{t('congress.prop.noTerm')}</span>} />;

  const columns: ColumnsType<ProposalRow> = [
    { title: t('congress.prop.serial'), dataIndex: 'serial', width: 130 },
    {
      title: t('congress.prop.title'),
      key: 'title',
      render: (_, p) => (
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            setDialog({ kind: 'open', id: p.id });
          }}
        >
          {p.title}
        </a>
      ),
    },
    { title: t('congress.prop.category'), key: 'category', width: 110, render: (_, p) => t(`congress.proposal.category.${p.category}`) },
    {
      title: t('congress.prop.proposer'),
      key: 'proposer',
      width: 120,
      render: (_, p) => (
        <span>
          {p.proposer.name}
          <Typography.Text type="secondary"> +{p.cosigners}</Typography.Text>
        </span>
      ),
    },
    { title: t('congress.prop.state'), key: 'state', width: 150, render: (_, p) => <StateTag p={p} /> },
    {
      title: t('congress.prop.lead'),
      key: 'lead',
      width: 140,
      render: (_, p) =>
        p.leadUnitName ? (
          <span>
            {p.leadUnitName}
            {p.dueDate && (
              <>
                <br />
                <Typography.Text type={p.overdue ? 'danger' : 'secondary'}>{t('congress.prop.dueShort', { date: p.dueDate })}</Typography.Text>
              </>
            )}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('congress.prop.answer'),
      key: 'answer',
      width: 130,
      render: (_, p) => (
        <span>
          {p.answerClass ? t(`congress.proposal.answer.${p.answerClass}`).split('：')[0] : ''}
          {p.feedback && <Typography.Text type="secondary"> · {t(`congress.proposal.feedback.${p.feedback}`)}</Typography.Text>}
        </span>
      ),
    },
    { title: t('congress.prop.hazards'), key: 'hazards', width: 150, render: (_, p) => <HazardsText h={p.hazards} /> },
  ];

  const windowText = settings?.sessionDate
    ? t('congress.prop.window', { opens: settings.opensOn ?? '', session: settings.sessionDate, min: settings.minCosigners })
    : t('congress.prop.windowClosed');
  const open = !!settings?.sessionDate && !!settings.opensOn && settings.opensOn <= today && today < settings.sessionDate;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%', minHeight: 0 }}>
      <Space wrap align="center">
        <Select
          aria-label={t('congress.reps.chooseTerm')}
          value={term.id}
          style={{ width: 300 }}
          onChange={(v: string) => setTermId(v)}
          options={terms.map((x) => ({ value: x.id, label: t('congress.reps.termOption', { number: x.number, start: x.startDate, end: x.endDate }) }))}
        />
        {settings && <Alert type={open ? 'info' : 'warning'} showIcon title={<span data-testid="proposal-window">{windowText}</span>} style={{ padding: '2px 12px' }} />}
        {canRun && <Button onClick={() => setDialog({ kind: 'settings' })}>{t('congress.prop.settings')}</Button>}
      </Space>
      <Space wrap>
        <Select
          aria-label={t('congress.prop.state')}
          allowClear
          placeholder={t('congress.prop.allStates')}
          style={{ width: 150 }}
          value={filters.state ?? undefined}
          onChange={(v: ProposalState | undefined) => setFilters((f) => ({ ...f, state: v ?? null }))}
          options={PROPOSAL_STATES.map((s) => ({ value: s, label: t(`congress.proposal.state.${s}`) }))}
        />
        <Select
          aria-label={t('congress.prop.category')}
          allowClear
          placeholder={t('congress.prop.allCategories')}
          style={{ width: 150 }}
          value={filters.category ?? undefined}
          onChange={(v: ProposalCategory | undefined) => setFilters((f) => ({ ...f, category: v ?? null }))}
          options={PROPOSAL_CATEGORIES.map((c) => ({ value: c, label: t(`congress.proposal.category.${c}`) }))}
        />
        <Space size={4}>
          <Switch size="small" id="proposal-overdue" checked={filters.overdue} onChange={(v) => setFilters((f) => ({ ...f, overdue: v }))} />
          <label htmlFor="proposal-overdue">{t('congress.prop.overdueOnly')}</label>
        </Space>
        <Input.Search
          id="proposal-search"
          allowClear
          aria-label={t('congress.prop.search')}
          placeholder={t('congress.prop.search')}
          style={{ width: 220 }}
          onSearch={(v) => setFilters((f) => ({ ...f, search: v.trim() }))}
        />
        {canSubmit && (
          <Button type="primary" onClick={openSubmit}>
            {t('congress.prop.submit')}
          </Button>
        )}
        <Button onClick={() => void exportReport('Xlsx')}>{t('congress.prop.exportXlsx')}</Button>
        <Button onClick={() => void exportReport('Pdf')}>{t('congress.prop.exportPdf')}</Button>
        <JobProgress job={job} />
      </Space>
      <Table<ProposalRow>
        rowKey="id"
        size="small"
        loading={rows === null}
        columns={columns}
        dataSource={rows ?? []}
        pagination={false}
        scroll={{ y: tableHeight }}
        locale={{ emptyText: <Empty description={t('congress.prop.empty')} /> }}
        footer={() => <Typography.Text type="secondary">{t('congress.prop.count', { n: rows?.length ?? 0 })}</Typography.Text>}
      />
      <Suspense fallback={null}>
        {dialog?.kind === 'submit' && settings && (
          <SubmitDialog
            term={term}
            settings={settings}
            serving={serving}
            self={canRun ? null : (operator?.workerId ?? null)}
            canBackdate={canRun}
            onClose={() => setDialog(null)}
            onDone={(p) => {
              setDialog({ kind: 'open', id: p.id });
              void loadRows();
            }}
          />
        )}
        {dialog?.kind === 'settings' && settings && (
          <SettingsDialog
            term={term}
            settings={settings}
            members={members.filter((m) => m.current)}
            onClose={() => setDialog(null)}
            onDone={(s) => {
              setSettings(s);
              setDialog(null);
            }}
          />
        )}
        {dialog?.kind === 'open' && <ProposalDrawer id={dialog.id} onClose={() => setDialog(null)} onChanged={() => void loadRows()} />}
      </Suspense>
    </div>
  );
}
