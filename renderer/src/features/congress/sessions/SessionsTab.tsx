// The sessions tab (#/congress/sessions): the sessions of a term (第X届第Y次), and one session — its details and
// workflow steps, the agenda editor, the day screen for the secretary (check-in, quorum, votes) and the public notice.
import { Alert, App, Button, Empty, InputNumber, Popconfirm, Segmented, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { CONGRESS_RUNNERS, type Term } from '../../../../../shared/congress/reps/types';
import type { SessionDetail, SessionSummary } from '../../../../../shared/congress/sessions/types';
import { allowedActions } from '../../../../../shared/congress/sessions/workflow';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { useSession } from '../../../app/session';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { localToday } from '../reps/common';
import { AgendaEditor } from './AgendaEditor';
import { DayScreen } from './DayScreen';
import { NoticeView } from './NoticeView';
import { SessionDialog } from './SessionDialog';
import { sessionTitle, STATUS_COLOR } from './words';

export function SessionsTab() {
  const t = useT();
  const { message } = App.useApp();
  const operator = useSession((s) => s.operator);
  const canRun = operator ? holdsAnyRole(operator, CONGRESS_RUNNERS) : false;
  const [terms, setTerms] = useState<Term[] | null>(null);
  const [termId, setTermId] = useState<string | null>(null);
  const [list, setList] = useState<SessionSummary[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    call('congress.terms', {})
      .then((ts) => {
        setTerms(ts);
        const today = localToday();
        setTermId((ts.find((x) => x.startDate <= today && today <= x.endDate) ?? ts[0])?.id ?? null);
      })
      .catch((e: unknown) => {
        setTerms([]);
        message.error(errorText(e, t));
      });
  }, [message, t]);

  const loadList = useCallback(async () => {
    if (!termId) return;
    try {
      setList(await call('congress.sessions', { termId }));
    } catch (e) {
      message.error(errorText(e, t));
    }
  }, [termId, message, t]);
  useEffect(() => {
    setList(null);
    void loadList();
  }, [loadList]);

  if (terms === null) return <Skeleton active />;
  if (terms.length === 0) return <Empty description={t('congress.sessions.noTerm')} />;
  const term = terms.find((x) => x.id === termId) ?? null;

  if (openId && term) {
    return (
      <SessionView
        id={openId}
        term={term}
        canRun={canRun}
        onBack={() => {
          setOpenId(null);
          void loadList();
        }}
      />
    );
  }

  const columns: ColumnsType<SessionSummary> = [
    {
      title: t('congress.sessions.name'),
      key: 'title',
      // a button, so the keyboard reaches it (an <a> without href is skipped by Tab)
      render: (_v, s) => (
        <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => setOpenId(s.id)}>
          {sessionTitle(t, s)}
        </Button>
      ),
    },
    { title: t('congress.sessions.kind'), dataIndex: 'kind', width: 140, render: (k: string) => t(`congress.sessionKind.${k}`) },
    { title: t('congress.sessions.date'), dataIndex: 'date', width: 120, render: (d: string, s) => `${d}${s.time ? ` ${s.time}` : ''}` },
    { title: t('congress.sessions.place'), dataIndex: 'place', ellipsis: true },
    { title: t('congress.sessions.status'), dataIndex: 'status', width: 120, render: (st: SessionSummary['status']) => <Tag color={STATUS_COLOR[st]}>{t(`congress.sessionStatus.${st}`)}</Tag> },
    { title: t('congress.sessions.items'), dataIndex: 'items', width: 80, align: 'right' },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Space wrap>
        <span>{t('congress.reps.chooseTerm')}</span>
        <Select
          aria-label={t('congress.reps.chooseTerm')}
          style={{ minWidth: 280 }}
          value={termId ?? undefined}
          onChange={(v: string) => setTermId(v)}
          options={terms.map((x) => ({ value: x.id, label: t('congress.reps.termOption', { number: x.number, start: x.startDate, end: x.endDate }) }))}
        />
        {canRun && term && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('congress.sessions.new')}
          </Button>
        )}
        {canRun && <NoticeDays />}
      </Space>
      {list === null ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Empty description={t('congress.sessions.none')} />
      ) : (
        <Table<SessionSummary> rowKey="id" size="middle" columns={columns} dataSource={list} pagination={false} onRow={(s) => ({ onDoubleClick: () => setOpenId(s.id) })} />
      )}
      {creating && term && (
        <SessionDialog
          term={term}
          session={null}
          onClose={() => setCreating(false)}
          onDone={(s) => {
            setCreating(false);
            setOpenId(s.id);
          }}
        />
      )}
    </div>
  );
}

/** The notice period setting: the papers go out at least this many days before the session (a warning, not a refusal). */
function NoticeDays() {
  const t = useT();
  const { message } = App.useApp();
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    call('congress.sessionSettings', {}).then((s) => setDays(s.noticeDays), () => undefined);
  }, []);
  if (days === null) return null;
  const save = async (n: number | null) => {
    if (n === null || n === days) return;
    try {
      setDays((await call('congress.sessionSettingsSave', { noticeDays: n })).noticeDays);
      message.success(t('congress.sessions.saved'));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <Space>
      <span>{t('congress.sessions.noticeDays')}</span>
      <InputNumber aria-label={t('congress.sessions.noticeDays')} min={0} max={90} precision={0} defaultValue={days} onBlur={(e) => void save(e.target.value === '' ? null : Number(e.target.value))} style={{ width: 80 }} />
    </Space>
  );
}

type View = 'agenda' | 'day' | 'notice';

export function SessionView({ id, term, canRun, onBack }: { id: string; term: Term; canRun: boolean; onBack(): void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [s, setS] = useState<SessionDetail | null>(null);
  const [view, setView] = useState<View>('agenda');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const pdfJob = useJob();

  const load = useCallback(async () => {
    try {
      const d = await call('congress.session', { id });
      setS(d);
      setView((v) => (v === 'agenda' && d.status === 'in_session' ? 'day' : v));
    } catch (e) {
      message.error(errorText(e, t));
    }
  }, [id, message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!s) return <Skeleton active />;
  const allowed = allowedActions(s.status, canRun);

  const step = async (action: 'issue' | 'withdraw' | 'open' | 'close') => {
    setBusy(true);
    try {
      const d = await call('congress.sessionStep', { id: s.id, action });
      setS(d);
      message.success(t(`congress.step.done.${action}`));
      if (action === 'open') setView('day');
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const issue = () => {
    if (!s.notice.short) return void step('issue');
    modal.confirm({
      title: t('congress.notice.confirmShort'),
      content: t('congress.notice.short', { days: s.notice.days, needed: s.notice.needed }),
      okText: t('congress.step.issue'),
      cancelText: t('common.cancel'),
      onOk: () => step('issue'),
    });
  };
  const printDoc = async (paper: 'minutes' | 'resolutions' | 'votes' | 'notice' | 'signIn' | 'ballots') => {
    try {
      const f = await pdfJob.run((opts) =>
        paper === 'minutes'
          ? call('congress.sessionMinutesPdf', { id: s.id }, opts)
          : paper === 'resolutions'
            ? call('congress.sessionResolutionsPdf', { id: s.id }, opts)
            : paper === 'votes'
              ? call('congress.sessionVotesXlsx', { id: s.id }, opts)
              : call('congress.sessionPapersPdf', { id: s.id, paper }, opts),
      );
      await pdfJob.save(f);
    } catch (e) {
      pdfJob.fail(e);
    }
  };
  const remove = async () => {
    try {
      await call('congress.sessionDelete', { id: s.id });
      message.success(t('congress.sessions.deleted'));
      onBack();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Space wrap align="center">
        <Button onClick={onBack}>{t('congress.sessions.back')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {sessionTitle(t, s)}
        </Typography.Title>
        <Tag>{t(`congress.sessionKind.${s.kind}`)}</Tag>
        <Tag color={STATUS_COLOR[s.status]}>{t(`congress.sessionStatus.${s.status}`)}</Tag>
        <Typography.Text type="secondary">
          {[`${s.date}${s.time ? ` ${s.time}` : ''}`, s.place, s.convenor].filter(Boolean).join(' · ')}
        </Typography.Text>
      </Space>
      <Space wrap>
        {allowed.includes('edit') && <Button onClick={() => setEditing(true)}>{t('congress.sessions.edit')}</Button>}
        {allowed.includes('issue') && (
          <Button type="primary" loading={busy} onClick={issue}>
            {t('congress.step.issue')}
          </Button>
        )}
        {allowed.includes('withdraw') && (
          <Button loading={busy} onClick={() => void step('withdraw')}>
            {t('congress.step.withdraw')}
          </Button>
        )}
        {allowed.includes('open') && (
          <Button type="primary" loading={busy} onClick={() => void step('open')}>
            {t('congress.step.open')}
          </Button>
        )}
        {allowed.includes('close') && (
          <Popconfirm title={t('congress.step.close')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void step('close')}>
            <Button loading={busy}>{t('congress.step.close')}</Button>
          </Popconfirm>
        )}
        {s.status !== 'preparing' &&
          (['notice', 'signIn', 'ballots'] as const).map((p) => (
            <Button key={p} disabled={pdfJob.running} onClick={() => void printDoc(p)}>
              {t(`congress.sessions.paper.${p}`)}
            </Button>
          ))}
        {(s.status === 'in_session' || s.status === 'closed') &&
          (['minutes', 'resolutions', 'votes'] as const).map((p) => (
            <Button key={p} disabled={pdfJob.running} onClick={() => void printDoc(p)}>
              {t(p === 'minutes' ? 'congress.sessions.minutesPdf' : p === 'resolutions' ? 'congress.sessions.resolutionsPdf' : 'congress.sessions.votesXlsx')}
            </Button>
          ))}
        <JobProgress job={pdfJob} cancellable={false} />
        {allowed.includes('delete') && (
          <Popconfirm title={t('congress.sessions.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove()}>
            <Button danger>{t('congress.sessions.delete')}</Button>
          </Popconfirm>
        )}
      </Space>
      {s.notice.short && (s.status === 'preparing' || s.status === 'issued') && (
        <Alert type="warning" showIcon message={s.status === 'preparing' ? t('congress.notice.short', { days: s.notice.days, needed: s.notice.needed }) : t('congress.notice.issuedShort', { days: s.notice.days, needed: s.notice.needed })} />
      )}
      <Segmented<View>
        value={view}
        onChange={setView}
        options={[
          { value: 'agenda', label: t('congress.sessions.view.agenda') },
          { value: 'day', label: t('congress.sessions.view.day') },
          { value: 'notice', label: t('congress.sessions.view.notice') },
        ]}
      />
      {view === 'agenda' && <AgendaEditor session={s} canRun={canRun} onChange={setS} />}
      {view === 'day' && <DayScreen session={s} canRun={canRun} onChange={setS} />}
      {view === 'notice' && <NoticeView sessionId={s.id} />}
      {editing && (
        <SessionDialog
          term={term}
          session={s}
          onClose={() => setEditing(false)}
          onDone={(d) => {
            setEditing(false);
            setS(d);
          }}
        />
      )}
    </div>
  );
}
