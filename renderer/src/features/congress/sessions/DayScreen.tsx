// The day of the session, for the secretary and the projector (large type): the live count 应到 / 实到 / 请假 / 缺席 and
// the quorum in words; check-in per representative (search by name or 工号, one by one or many at once); and the votes
// item by item — opened only with a quorum (the backend refuses otherwise), counts entered from the ballots or each
// present representative's choice, the verdict in words with its base, announced and then locked; a correction needs
// its reason.
import { Alert, App, Button, Checkbox, Empty, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BallotCounts } from '../../../../../shared/congress/rules';
import type { AgendaItem, Attendance, AttendanceList, Choice, SessionDetail, Vote, VoteMethod } from '../../../../../shared/congress/sessions/types';
import { allowedActions, voteActions } from '../../../../../shared/congress/sessions/workflow';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { verdictText } from './words';

type Props = { session: SessionDetail; canRun: boolean; onChange(s: SessionDetail): void };

const BIG = { fontSize: 22 };
const STATUS_COLORS: Record<Attendance, string> = { present: 'green', leave: 'gold', absent: 'red' };

export function DayScreen({ session: s, canRun, onChange }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const allowed = allowedActions(s.status, canRun);
  const canCheckIn = allowed.includes('attendance');
  const [q, setQ] = useState('');
  const [list, setList] = useState<AttendanceList | null>(null);
  const [selected, setSelected] = useState<string[]>([]);

  const load = useCallback(
    async (query: string) => {
      try {
        setList(await call('congress.attendance', { sessionId: s.id, q: query }));
      } catch (e) {
        message.error(errorText(e, t));
      }
    },
    [s.id, message, t],
  );
  useEffect(() => {
    const h = setTimeout(() => void load(q), q ? 150 : 0);
    return () => clearTimeout(h);
  }, [load, q]);

  const mark = async (memberIds: string[], status: Attendance) => {
    try {
      await call('congress.attendanceSet', { sessionId: s.id, memberIds, status });
      setSelected([]);
      await load(q);
      onChange(await call('congress.session', { id: s.id }));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const c = s.counts;
  const quorumWords = t(c.quorum.met ? 'congress.quorum.met' : 'congress.quorum.notMet', { entitled: c.entitled, present: c.present, needed: c.quorum.needed });
  const voteItems = s.agenda.filter((i) => i.kind === 'vote' || i.kind === 'election');

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="day-screen">
      <div role="status" aria-live="polite" style={{ display: 'flex', gap: 24, alignItems: 'center', flexWrap: 'wrap' }}>
        {(
          [
            ['entitled', c.entitled, '#1f1f1f'],
            ['present', c.present, '#389e0d'],
            ['leave', c.leave, '#d48806'],
            ['absent', c.absent, '#cf1322'],
          ] as const
        ).map(([k, n, color]) => (
          <div key={k} style={{ textAlign: 'center', minWidth: 110 }}>
            <div style={{ fontSize: 20, color: '#595959' }}>{t(`congress.day.${k}`)}</div>
            <div style={{ fontSize: 48, fontWeight: 700, lineHeight: 1.1, color }} data-testid={`count-${k}`}>
              {n}
            </div>
          </div>
        ))}
        <Alert style={{ ...BIG, flex: 1, minWidth: 320 }} type={c.quorum.met ? 'success' : 'warning'} showIcon message={<span style={BIG}>{quorumWords}</span>} />
      </div>
      {/* side by side from 1280 px (check-in | votes); stacked on a narrower projector */}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 580px), 1fr))', gap: 16, alignItems: 'start' }}>
        <section aria-label={t('congress.sessions.view.day')} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {!canCheckIn && s.status === 'preparing' && <Alert type="info" message={t('congress.day.notYet')} />}
          <Input.Search
            allowClear
            size="large"
            placeholder={t('congress.day.search')}
            aria-label={t('congress.day.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ fontSize: 20 }}
          />
          {canCheckIn && list && list.rows.length > 0 && (
            <Space wrap>
              <Checkbox
                checked={selected.length > 0 && selected.length === list.rows.length}
                indeterminate={selected.length > 0 && selected.length < list.rows.length}
                onChange={(e) => setSelected(e.target.checked ? list.rows.map((r) => r.memberId) : [])}
              >
                {t('congress.day.selectAll')}
              </Checkbox>
              {selected.length > 0 && (
                <>
                  <span>{t('congress.day.markSelected', { count: selected.length })}</span>
                  {(['present', 'leave', 'absent'] as const).map((st) => (
                    <Button key={st} onClick={() => void mark(selected, st)}>
                      {t(`congress.attendance.${st}`)}
                    </Button>
                  ))}
                </>
              )}
            </Space>
          )}
          {list === null ? null : list.rows.length === 0 ? (
            <Empty description={t('congress.day.noReps')} />
          ) : (
            <Table
              rowKey="memberId"
              size="middle"
              pagination={false}
              scroll={{ y: 420 }}
              dataSource={list.rows}
              rowSelection={canCheckIn ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), columnWidth: 40 } : undefined}
              columns={[
                {
                  title: t('congress.day.name'),
                  key: 'name',
                  render: (_v, r) => (
                    <span style={{ fontSize: 20 }}>
                      {r.name} <Typography.Text type="secondary">{r.empNo}</Typography.Text>
                    </span>
                  ),
                },
                { title: t('congress.group'), dataIndex: 'groupName', width: 120, ellipsis: true },
                {
                  title: t('congress.sessions.status'),
                  key: 'status',
                  // the three large buttons on one line in either language
                  width: 300,
                  render: (_v, r) =>
                    canCheckIn ? (
                      <Radio.Group
                        size="large"
                        optionType="button"
                        buttonStyle="solid"
                        style={{ whiteSpace: 'nowrap' }}
                        aria-label={r.name}
                        value={r.marked ? r.status : undefined}
                        onChange={(e) => void mark([r.memberId], e.target.value as Attendance)}
                        options={(['present', 'leave', 'absent'] as const).map((st) => ({ value: st, label: t(`congress.attendance.${st}`) }))}
                      />
                    ) : r.marked ? (
                      <Tag color={STATUS_COLORS[r.status]}>{t(`congress.attendance.${r.status}`)}</Tag>
                    ) : (
                      <Tag>{t('congress.day.unmarked')}</Tag>
                    ),
                },
              ]}
            />
          )}
        </section>
        <section aria-label={t('congress.day.votes')} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('congress.day.votes')}
          </Typography.Title>
          {voteItems.length === 0 ? (
            <Empty description={t('congress.day.noVoteItems')} />
          ) : (
            voteItems.map((item) => <VoteCard key={item.id} item={item} session={s} canVote={allowed.includes('vote')} canCorrect={allowed.includes('record')} onChange={onChange} />)
          )}
        </section>
      </div>
    </div>
  );
}

const EMPTY: BallotCounts = { issued: 0, yes: 0, no: 0, abstain: 0, invalid: 0 };

function VoteCard({
  item,
  session: s,
  canVote,
  canCorrect,
  onChange,
}: {
  item: AgendaItem;
  session: SessionDetail;
  canVote: boolean;
  canCorrect: boolean;
  onChange(s: SessionDetail): void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [method, setMethod] = useState<VoteMethod>('secret');
  const [candidate, setCandidate] = useState('');
  const election = item.kind === 'election';
  const run = async (p: Promise<SessionDetail>) => {
    try {
      onChange(await p);
      return true;
    } catch (e) {
      message.error(errorText(e, t));
      return false;
    }
  };
  const canOpen = canVote && (election || item.votes.length === 0);
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 12 }} data-testid={`vote-item-${item.position}`}>
      <Space wrap style={{ display: 'flex' }}>
        <Typography.Text strong style={{ fontSize: 20 }}>{`${item.position}. ${item.title}`}</Typography.Text>
        <Tag>{t(`congress.itemKind.${item.kind}`)}</Tag>
      </Space>
      {item.votes.map((v) => (
        <VoteLine key={v.id} v={v} canVote={canVote} canCorrect={canCorrect} run={run} sessionId={s.id} presentCount={s.counts.present} />
      ))}
      {canOpen && (
        <Space wrap style={{ marginTop: 8 }}>
          {election && <Input aria-label={t('congress.vote.candidate')} placeholder={t('congress.vote.candidate')} value={candidate} maxLength={40} onChange={(e) => setCandidate(e.target.value)} style={{ width: 160 }} />}
          <Select<VoteMethod>
            aria-label={t('congress.vote.method')}
            value={method}
            onChange={setMethod}
            style={{ width: 140 }}
            options={(['secret', 'named'] as const).map((m) => ({ value: m, label: t(`congress.voteMethod.${m}`) }))}
          />
          <Button
            type="primary"
            size="large"
            disabled={!s.counts.quorum.met}
            title={s.counts.quorum.met ? undefined : t('congress.vote.needQuorum')}
            onClick={() =>
              void run(call('congress.voteOpen', { itemId: item.id, method, candidate: election ? candidate : null })).then((ok) => {
                if (ok) setCandidate('');
              })
            }
          >
            {election ? t('congress.vote.openElection') : t('congress.vote.open')}
          </Button>
          {!s.counts.quorum.met && <Typography.Text type="warning">{t('congress.vote.needQuorum')}</Typography.Text>}
        </Space>
      )}
    </div>
  );
}

function VoteLine({
  v,
  canVote,
  canCorrect,
  run,
  sessionId,
  presentCount,
}: {
  v: Vote;
  canVote: boolean;
  canCorrect: boolean;
  run(p: Promise<SessionDetail>): Promise<boolean>;
  sessionId: string;
  presentCount: number;
}) {
  const t = useT();
  const actions = voteActions(v.status);
  const [counts, setCounts] = useState<BallotCounts>(v.counts ?? { ...EMPTY, issued: presentCount });
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const [named, setNamed] = useState(false);
  const words = verdictText(t, v);
  const countFields = (value: BallotCounts, set: (c: BallotCounts) => void) => (
    <Space wrap>
      {(['issued', 'yes', 'no', 'abstain', 'invalid'] as const).map((f) => (
        <label key={f} style={{ display: 'inline-flex', flexDirection: 'column', fontSize: 16 }}>
          {t(`congress.vote.${f}`)}
          <InputNumber size="large" min={0} precision={0} value={value[f]} onChange={(n) => set({ ...value, [f]: n ?? 0 })} style={{ width: 96 }} aria-label={`${v.candidate ?? ''}${t(`congress.vote.${f}`)}`} />
        </label>
      ))}
    </Space>
  );
  return (
    <div style={{ marginTop: 8, paddingTop: 8, borderTop: '1px dashed #d9d9d9' }} data-testid={`vote-${v.id}`}>
      <Space wrap>
        {v.candidate && <Typography.Text strong style={{ fontSize: 18 }}>{t('congress.vote.candidateIs', { name: v.candidate })}</Typography.Text>}
        <Tag>{t(`congress.voteMethod.${v.method}`)}</Tag>
        <Tag color={v.status === 'announced' ? 'purple' : v.status === 'counted' ? 'blue' : 'processing'}>{t(`congress.voteStatus.${v.status}`)}</Tag>
        {v.counts && <Typography.Text style={{ fontSize: 16 }}>{t('congress.vote.tally', v.counts as unknown as Record<string, number>)}</Typography.Text>}
      </Space>
      {words && (
        <div style={{ fontSize: 22, fontWeight: 600, margin: '6px 0', color: v.verdict === 'passed' ? '#389e0d' : '#cf1322' }} data-testid="verdict">
          {words}
        </div>
      )}
      {v.status === 'open' && !words && <Typography.Text type="secondary">{t('congress.vote.waiting')}</Typography.Text>}
      {v.corrections > 0 && <Typography.Text type="secondary">{t('congress.vote.corrected', { count: v.corrections, reason: v.correctionReason ?? '' })}</Typography.Text>}
      {canVote && actions.includes('count') && v.method === 'secret' && (
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end', flexWrap: 'wrap', marginTop: 6 }}>
          {countFields(counts, setCounts)}
          <Button size="large" onClick={() => void run(call('congress.voteCount', { id: v.id, counts }))}>
            {v.status === 'open' ? t('congress.vote.count') : t('congress.vote.recount')}
          </Button>
        </div>
      )}
      {canVote && actions.includes('count') && v.method === 'named' && (
        <Button style={{ marginTop: 6 }} onClick={() => setNamed(true)}>
          {t('congress.vote.named')}
        </Button>
      )}
      <Space wrap style={{ marginTop: 6 }}>
        {canVote && actions.includes('announce') && (
          <Popconfirm title={t('congress.vote.confirmAnnounce')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void run(call('congress.voteAnnounce', { id: v.id }))}>
            <Button type="primary" size="large">
              {t('congress.vote.announce')}
            </Button>
          </Popconfirm>
        )}
        {canVote && actions.includes('discard') && (
          <Popconfirm title={t('congress.vote.discard')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void run(call('congress.voteDiscard', { id: v.id }))}>
            <Button danger>{t('congress.vote.discard')}</Button>
          </Popconfirm>
        )}
        {v.status === 'announced' && <Typography.Text type="secondary">{t('congress.vote.locked')}</Typography.Text>}
        {canCorrect && actions.includes('correct') && v.method === 'secret' && <Button onClick={() => setCorrecting(true)}>{t('congress.vote.correct')}</Button>}
      </Space>
      {correcting && (
        <Modal
          open
          title={t('congress.vote.correct')}
          okText={t('common.save')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: !reason.trim() }}
          onCancel={() => setCorrecting(false)}
          onOk={() =>
            void run(call('congress.voteCorrect', { id: v.id, counts, reason })).then((ok) => {
              if (ok) setCorrecting(false);
            })
          }
        >
          {countFields(counts, setCounts)}
          <label style={{ display: 'block', marginTop: 12 }}>
            {t('congress.vote.reason')}
            <Input.TextArea value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} aria-label={t('congress.vote.reason')} />
          </label>
        </Modal>
      )}
      {named && <NamedDialog v={v} sessionId={sessionId} run={run} onClose={() => setNamed(false)} />}
    </div>
  );
}

/** Each present representative's choice (the whole list, whatever the check-in search shows). */
function NamedDialog({ v, sessionId, run, onClose }: { v: Vote; sessionId: string; run(p: Promise<SessionDetail>): Promise<boolean>; onClose(): void }) {
  const t = useT();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [present, setPresent] = useState<AttendanceList['rows']>([]);
  useEffect(() => {
    call('congress.attendance', { sessionId }).then((l) => setPresent(l.rows.filter((r) => r.status === 'present')), () => undefined);
  }, [sessionId]);
  const ballots = useMemo(() => Object.entries(choices).map(([memberId, choice]) => ({ memberId, choice })), [choices]);
  return (
    <Modal
      open
      width={640}
      title={t('congress.vote.named')}
      okText={t('congress.vote.namedSave')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() =>
        void run(call('congress.voteNamed', { id: v.id, ballots })).then((ok) => {
          if (ok) onClose();
        })
      }
    >
      <Table
        rowKey="memberId"
        size="small"
        pagination={false}
        scroll={{ y: 400 }}
        dataSource={present}
        columns={[
          { title: t('congress.day.name'), key: 'n', render: (_x, r) => `${r.name} ${r.empNo}` },
          {
            title: t('congress.vote.choice'),
            key: 'c',
            width: 260,
            render: (_x, r) => (
              <Radio.Group
                aria-label={r.name}
                value={choices[r.memberId]}
                onChange={(e) => setChoices((cur) => ({ ...cur, [r.memberId]: e.target.value as Choice }))}
                options={(['yes', 'no', 'abstain'] as const).map((c) => ({ value: c, label: t(`congress.vote.${c}`) }))}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
