// The representatives tab (#/congress): the term (届) and its rules, the constituencies, the representatives as of a
// date (or their whole history), adding / by-election / observers / ending a stint, importing from the roster's flags
// or a sheet, and the live composition checks, refreshed after every change.
import { Alert, App, Button, DatePicker, Empty, Popconfirm, Select, Skeleton, Space, Switch, Table, Tag, Tooltip, Typography, Modal, Form } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { CONGRESS_RUNNERS, type CongressGroup, type Composition, type Member, type Term } from '../../../../../shared/congress/reps/types';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { useSession } from '../../../app/session';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useListShortcuts } from '../../../lib/listHooks';
import { useTableHeight } from '../../../lib/useTableHeight';
import { clampToTerm, localToday, outsideTerm } from './common';
import { CompositionPanel } from './CompositionPanel';
import type { AddMode } from './MemberDialog';

const TermDialog = lazy(() => import('./TermDialog').then((m) => ({ default: m.TermDialog })));
const MemberDialog = lazy(() => import('./MemberDialog').then((m) => ({ default: m.MemberDialog })));
const EndDialog = lazy(() => import('./EndDialog').then((m) => ({ default: m.EndDialog })));
const GroupsDrawer = lazy(() => import('./GroupsDrawer').then((m) => ({ default: m.GroupsDrawer })));
const ImportSheetDialog = lazy(() => import('./ImportSheetDialog').then((m) => ({ default: m.ImportSheetDialog })));

/** The term shown first: the one running today, else the newest. */
function defaultTerm(terms: Term[], today: string): Term | undefined {
  return terms.find((x) => x.startDate <= today && today <= x.endDate) ?? terms[0];
}

type Dialog =
  | { kind: 'term'; term: Term | null }
  | { kind: 'member'; mode: AddMode }
  | { kind: 'end'; member: Member }
  | { kind: 'groups' }
  | { kind: 'roster' }
  | { kind: 'sheet' }
  | null;

export function RepsTab() {
  const t = useT();
  const { message } = App.useApp();
  const operator = useSession((s) => s.operator);
  const canRun = operator ? holdsAnyRole(operator, CONGRESS_RUNNERS) : false;
  const today = localToday();
  const [terms, setTerms] = useState<Term[] | null>(null);
  const [termId, setTermId] = useState<string | null>(null);
  const [asOf, setAsOf] = useState(today);
  const [history, setHistory] = useState(false);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [groups, setGroups] = useState<CongressGroup[]>([]);
  const [composition, setComposition] = useState<Composition | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [rosterDate, setRosterDate] = useState(today);
  const [rosterBusy, setRosterBusy] = useState(false);
  /** the last import's summary, kept as a message key so it follows the language */
  const [lastImport, setLastImport] = useState<{ key: string; vars: Record<string, number> } | null>(null);
  const tableHeight = useTableHeight(300);

  const term = useMemo(() => terms?.find((x) => x.id === termId) ?? null, [terms, termId]);
  const day = term ? clampToTerm(term, asOf) : asOf;

  const loadTerms = useCallback(
    async (select?: string) => {
      try {
        const list = await call('congress.terms', {});
        setTerms(list);
        setTermId((cur) => (select && list.some((x) => x.id === select) ? select : cur && list.some((x) => x.id === cur) ? cur : (defaultTerm(list, localToday())?.id ?? null)));
      } catch (e) {
        setTerms((cur) => cur ?? []);
        message.error(errorText(e, t));
      }
    },
    [message, t],
  );
  useEffect(() => {
    void loadTerms();
  }, [loadTerms]);

  const loadTerm = useCallback(async () => {
    if (!termId) return;
    try {
      const [m, g, c] = await Promise.all([
        call('congress.members', { termId, asOf, history }),
        call('congress.groups', { termId, asOf }),
        call('congress.composition', { termId, asOf }),
      ]);
      setMembers(m);
      setGroups(g);
      setComposition(c);
    } catch (e) {
      message.error(errorText(e, t));
    }
  }, [termId, asOf, history, message, t]);
  useEffect(() => {
    setMembers(null);
    void loadTerm();
  }, [loadTerm]);

  /** after every change: the list, the groups, the composition and the term's counts */
  const changed = useCallback(async () => {
    await Promise.all([loadTerm(), loadTerms()]);
  }, [loadTerm, loadTerms]);

  const openAdd = useCallback(() => {
    if (term && canRun) setDialog({ kind: 'member', mode: 'add' });
  }, [term, canRun]);
  useListShortcuts({ focusSearch: () => undefined, create: openAdd, enabled: dialog === null });

  const update = async (m: Member, patch: { groupId?: string | null; presidium?: boolean }) => {
    try {
      await call('congress.memberUpdate', { id: m.id, ...patch });
      message.success(t('congress.reps.updated', { name: m.name }));
    } catch (e) {
      message.error(errorText(e, t));
    }
    await changed();
  };

  const importRoster = async () => {
    if (!term) return;
    setRosterBusy(true);
    try {
      const r = await call('congress.importFromRoster', { termId: term.id, joinedOn: rosterDate });
      const summary = { key: 'congress.reps.fromRosterDone', vars: { added: r.added, already: r.already, groups: r.groupsCreated } };
      setLastImport(summary);
      message.success(t(summary.key, summary.vars));
      setDialog(null);
      await changed();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setRosterBusy(false);
    }
  };

  const deleteTerm = async () => {
    if (!term) return;
    try {
      await call('congress.termDelete', { id: term.id });
      message.success(t('congress.reps.termDeleted', { number: term.number }));
      setTermId(null);
      await loadTerms();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  if (terms === null) return <Skeleton active />;

  const dialogs = (
    <Suspense fallback={null}>
      {dialog?.kind === 'term' && (
        <TermDialog
          term={dialog.term}
          nextNumber={Math.max(0, ...terms.map((x) => x.number)) + 1}
          staffTotal={composition?.staff.total ?? null}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            void loadTerms(saved.id).then(() => loadTerm());
          }}
        />
      )}
      {term && dialog?.kind === 'member' && (
        <MemberDialog
          mode={dialog.mode}
          term={term}
          groups={groups}
          date={day}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void changed();
          }}
        />
      )}
      {term && dialog?.kind === 'end' && (
        <EndDialog
          member={dialog.member}
          term={term}
          date={day}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void changed();
          }}
        />
      )}
      {term && dialog?.kind === 'groups' && <GroupsDrawer term={term} canRun={canRun} onClose={() => setDialog(null)} onChanged={() => void changed()} />}
      {term && dialog?.kind === 'sheet' && (
        <ImportSheetDialog
          term={term}
          date={day}
          onClose={() => setDialog(null)}
          onDone={(summary) => {
            setDialog(null);
            setLastImport(summary);
            void changed();
          }}
        />
      )}
    </Suspense>
  );

  if (!term) {
    return (
      <div style={{ padding: 48 }}>
        <Empty description={<span data-testid="congress-no-term">{t('congress.reps.noTerm')}</span>}>
          <Button type="primary" disabled={!canRun} onClick={() => setDialog({ kind: 'term', term: null })}>
            {t('congress.reps.newTerm')}
          </Button>
        </Empty>
        {dialogs}
      </div>
    );
  }

  const leaders = new Set(groups.map((g) => g.leaderWorkerId).filter(Boolean));
  const editable = (m: Member) => canRun && !m.leftOn;
  const columns: ColumnsType<Member> = [
    {
      title: t('worker.name'),
      key: 'name',
      width: 130,
      render: (_, m) => (
        <Space size={4} wrap>
          <span>{m.name}</span>
          {m.kind === 'observer' && <Tag color="default">{t('congress.kind.observer')}</Tag>}
          {leaders.has(m.workerId) && m.current && <Tag color="blue">{t('congress.reps.leader')}</Tag>}
        </Space>
      ),
    },
    { title: t('worker.empNo'), dataIndex: 'empNo', width: 124, ellipsis: true },
    {
      title: t('congress.reps.col.group'),
      key: 'group',
      width: 160,
      render: (_, m) =>
        editable(m) ? (
          <Select
            size="small"
            allowClear
            aria-label={t('congress.reps.groupLabel', { name: m.name })}
            value={m.groupId ?? undefined}
            placeholder={t('congress.reps.noGroup')}
            style={{ width: '100%' }}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
            onChange={(v: string | undefined) => void update(m, { groupId: v ?? null })}
          />
        ) : (
          (m.groupName ?? t('congress.reps.noGroup'))
        ),
    },
    {
      title: t('congress.reps.col.traits'),
      key: 'traits',
      width: 150,
      render: (_, m) => (
        <Space size={2} wrap>
          {m.isFrontline && <Tag color="green">{t('congress.reps.frontline')}</Tag>}
          {m.isManager && <Tag color="orange">{t('congress.reps.manager')}</Tag>}
          <Tag color={m.gender === 'F' ? 'magenta' : 'default'}>{t(`gender.${m.gender}`)}</Tag>
        </Space>
      ),
    },
    {
      title: t('congress.presidium'),
      key: 'presidium',
      width: 96,
      align: 'center',
      render: (_, m) =>
        m.kind === 'observer' ? (
          '—'
        ) : (
          <Switch size="small" checked={m.presidium} disabled={!editable(m)} aria-label={t('congress.reps.presidiumLabel', { name: m.name })} onChange={(v) => void update(m, { presidium: v })} />
        ),
    },
    {
      title: t('congress.reps.col.joined'),
      key: 'joined',
      width: 130,
      render: (_, m) => (
        <span>
          {m.joinedOn}
          <br />
          <Typography.Text type="secondary">{t(`congress.joinedBy.${m.joinedBy}`)}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('congress.reps.col.left'),
      key: 'left',
      render: (_, m) =>
        m.leftOn ? (
          <span>
            {m.leftOn} · <Typography.Text type={m.leftBy === 'recall' ? 'danger' : 'secondary'}>{t(`congress.leftBy.${m.leftBy}`)}</Typography.Text>
            {m.leftNote && (
              <>
                <br />
                <Typography.Text type="secondary" ellipsis={{ tooltip: m.leftNote }} style={{ maxWidth: 220 }}>
                  {m.leftNote}
                </Typography.Text>
              </>
            )}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, m) =>
        editable(m) ? (
          <Button size="small" danger aria-label={t('congress.reps.endLabel', { name: m.name })} onClick={() => setDialog({ kind: 'end', member: m })}>
            {t('congress.reps.end')}
          </Button>
        ) : null,
    },
  ];

  const rows = members ?? [];
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
        <Typography.Text type="secondary" data-testid="term-counts">
          {t(`congress.form.${term.form}`)} · {t('congress.reps.termCounts', { reps: term.representatives, observers: term.observers, groups: term.groups })}
        </Typography.Text>
        <Button disabled={!canRun} onClick={() => setDialog({ kind: 'term', term })}>
          {t('congress.reps.editTerm')}
        </Button>
        <Button disabled={!canRun} onClick={() => setDialog({ kind: 'term', term: null })}>
          {t('congress.reps.newTerm')}
        </Button>
        <Button onClick={() => setDialog({ kind: 'groups' })}>{t('congress.reps.groups')}</Button>
        {term.representatives + term.observers === 0 && (
          <Popconfirm title={t('congress.reps.confirmDeleteTerm', { number: term.number })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void deleteTerm()}>
            <Button danger disabled={!canRun}>
              {t('congress.reps.deleteTerm')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <div style={{ display: 'flex', gap: 16, flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {/* one line at 1366 px in both languages (the constituencies button sits with the term) */}
          <Space wrap size={[6, 8]}>
            <Tooltip title={t('congress.reps.asOfHint')}>
              <DatePicker
                aria-label={t('congress.reps.asOf')}
                allowClear={false}
                value={dayjs(asOf)}
                onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
                disabledDate={outsideTerm(term)}
                style={{ width: 132 }}
              />
            </Tooltip>
            <Space size={4}>
              <Switch size="small" checked={history} onChange={setHistory} aria-label={t('congress.reps.history')} id="congress-history" />
              <label htmlFor="congress-history">{t('congress.reps.history')}</label>
            </Space>
            <Button type="primary" disabled={!canRun} onClick={openAdd}>
              {t('congress.reps.add')}
            </Button>
            <Button disabled={!canRun} onClick={() => setDialog({ kind: 'member', mode: 'byElection' })}>
              {t('congress.reps.byElection')}
            </Button>
            <Button disabled={!canRun} onClick={() => setDialog({ kind: 'member', mode: 'observer' })}>
              {t('congress.reps.addObserver')}
            </Button>
            <Button
              disabled={!canRun}
              onClick={() => {
                setRosterDate(clampToTerm(term, today));
                setDialog({ kind: 'roster' });
              }}
            >
              {t('congress.reps.fromRoster')}
            </Button>
            <Button disabled={!canRun} onClick={() => setDialog({ kind: 'sheet' })}>
              {t('congress.reps.fromSheet')}
            </Button>
          </Space>
          {lastImport && <Alert type="success" showIcon closable title={t(lastImport.key, lastImport.vars)} onClose={() => setLastImport(null)} data-testid="import-summary" />}
          <Table<Member>
            rowKey="id"
            size="small"
            loading={members === null}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ y: tableHeight }}
            onRow={(m) => ({ style: m.current ? undefined : { opacity: 0.6 } })}
            locale={{
              emptyText: <Empty description={term.representatives + term.observers === 0 && !history ? t('congress.reps.empty') : t('congress.reps.emptyOnDate', { date: day })} />,
            }}
            footer={() => <Typography.Text type="secondary">{t('congress.reps.count', { n: rows.length })}</Typography.Text>}
          />
        </div>
        <div style={{ width: 320, flex: 'none', overflow: 'auto' }}>
          <CompositionPanel composition={composition} />
        </div>
      </div>
      <Modal
        open={dialog?.kind === 'roster'}
        title={t('congress.reps.fromRoster')}
        onCancel={() => setDialog(null)}
        onOk={() => void importRoster()}
        okText={t('congress.reps.import')}
        cancelText={t('common.cancel')}
        confirmLoading={rosterBusy}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('congress.reps.fromRosterHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('congress.reps.joinedOn')} required>
            <DatePicker
              aria-label={t('congress.reps.joinedOn')}
              allowClear={false}
              value={dayjs(rosterDate)}
              onChange={(d) => d && setRosterDate(d.format('YYYY-MM-DD'))}
              disabledDate={outsideTerm(term)}
            />
          </Form.Item>
        </Form>
      </Modal>
      {dialogs}
    </div>
  );
}
