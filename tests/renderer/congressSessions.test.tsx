// The sessions tab of the workers' congress (issue 8): the session list, the agenda editor (drag / keyboard reorder,
// item 5's hazard figures, only allowed steps shown) and the day screen (live counts and quorum, check-in, votes with
// the verdict in words). The fake backend validates every payload with the real schemas; the session fake below
// decides with the shared rules (workflow refusal, quorum, decide, ballotProblems) — it re-implements none of them.
import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { AgendaEditor } from '../../renderer/src/features/congress/sessions/AgendaEditor';
import { DayScreen } from '../../renderer/src/features/congress/sessions/DayScreen';
import { SessionsTab, SessionView } from '../../renderer/src/features/congress/sessions/SessionsTab';
import type { Term } from '../../shared/congress/reps/types';
import { ballotProblems, decide, majorityNeeded, quorum } from '../../shared/congress/rules';
import { AGENDA_TEMPLATE, type AttendanceRow, type SessionDetail } from '../../shared/congress/sessions/types';
import { refusal } from '../../shared/congress/sessions/workflow';
import { useI18n } from '../../renderer/src/i18n';
import { FakeError, fakeFile, type FakeBackend } from './fakeBackend';
import { label, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(() => resetStores());

const TERM: Term = {
  id: 'term-3',
  number: 3,
  form: 'congress',
  startDate: '2024-01-01',
  endDate: '2028-12-31',
  settings: { quorumRule: 'gt', quotaPreset: 'national', frontLineMinPct: 50, managersMaxPct: 20, presidiumSmall: { min: 3, max: 5 }, presidiumLargeMin: 7, presidiumFrontLineMinPct: 50 },
  representatives: 9,
  observers: 0,
  groups: 1,
  updatedAt: '2026-01-01T00:00:00Z',
};

function makeSession(p: Partial<SessionDetail> = {}): SessionDetail {
  return {
    id: 's-1',
    termId: TERM.id,
    termNumber: 3,
    seq: 1,
    kind: 'safety',
    date: '2026-12-20',
    time: '08:30',
    place: '职工活动中心',
    convenor: '工会',
    status: 'preparing',
    items: AGENDA_TEMPLATE.length,
    updatedAt: '2026-12-01T00:00:00Z',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-20',
    termQuorumRule: 'gt',
    issuedAt: null,
    notice: { days: 19, needed: 7, short: false },
    hazards: { from: '2026-01-01', to: '2026-12-20', asOf: '2026-12-01', found: 12, closed: 9, open: 3, overdue: 1, majors: [{ serial: 'YH-2026-0003', description: '液氯储罐区泄漏报警失灵', workshop: '合成车间', status: 'rectifying', foundDate: '2026-05-02', dueDate: '2026-12-31', closedDate: null }] },
    hazardsFrozen: false,
    agenda: AGENDA_TEMPLATE.map((it, k) => ({
      id: `i-${k + 1}`,
      sessionId: 's-1',
      position: k + 1,
      templateKey: it.key,
      title: it.title,
      kind: it.kind,
      presenter: null,
      plannedMinutes: it.minutes,
      summary: null,
      resolution: null,
      materials: [],
      votes: [],
    })),
    counts: { entitled: 9, present: 0, leave: 0, absent: 9, quorum: quorum(9, 0, 'gt') },
    ...p,
  };
}

/** A session fake on the shared rules: reorder, attendance, votes. */
function sessionBackend(s: SessionDetail, be: FakeBackend = signedInBackend()) {
  const state = { s, rows: Array.from({ length: 9 }, (_, k): AttendanceRow => ({ memberId: `m-${k + 1}`, workerId: `w-${k + 1}`, empNo: `R00${k + 1}`, name: `代表${k + 1}`, groupName: '合成车间', status: 'absent', marked: false })) };
  const recount = () => {
    const present = state.rows.filter((r) => r.marked && r.status === 'present').length;
    const leave = state.rows.filter((r) => r.marked && r.status === 'leave').length;
    state.s.counts = { entitled: 9, present, leave, absent: 9 - present - leave, quorum: quorum(9, present, state.s.termQuorumRule) };
  };
  const step = (action: Parameters<typeof refusal>[0]) => {
    const no = refusal(action, state.s.status, true);
    if (no) throw new FakeError('CONFLICT', no.key);
  };
  be.on('congress.terms', () => [TERM]);
  be.on('congress.sessions', () => [state.s]);
  be.on('congress.session', () => state.s);
  be.on('congress.agendaReorder', (i) => {
    step('edit');
    state.s.agenda = i.ids.map((id, k) => ({ ...state.s.agenda.find((x) => x.id === id)!, position: k + 1 }));
    return state.s;
  });
  be.on('congress.sessionStep', (i) => {
    step(i.action);
    state.s.status = ({ issue: 'issued', withdraw: 'preparing', open: 'in_session', close: 'closed' } as const)[i.action];
    return state.s;
  });
  be.on('congress.attendance', (i) => ({ rows: state.rows.filter((r) => !i.q || r.name.includes(i.q) || r.empNo.includes(i.q)), counts: state.s.counts }));
  be.on('congress.attendanceSet', (i) => {
    step('attendance');
    for (const r of state.rows) if (i.memberIds.includes(r.memberId)) Object.assign(r, { status: i.status, marked: true });
    recount();
    return { rows: state.rows, counts: state.s.counts };
  });
  be.on('congress.voteOpen', (i) => {
    step('vote');
    if (!state.s.counts.quorum.met) throw new FakeError('CONFLICT', 'err.congress.vote.noQuorum', { present: state.s.counts.present, needed: state.s.counts.quorum.needed, entitled: 9 });
    const item = state.s.agenda.find((x) => x.id === i.itemId)!;
    item.votes.push({ id: `v-${item.id}`, itemId: item.id, candidate: i.candidate, method: i.method, status: 'open', entitled: 9, present: state.s.counts.present, counts: null, needed: majorityNeeded(9), verdict: null, quorumRule: 'gt', corrections: 0, correctionReason: null, announcedAt: null });
    return state.s;
  });
  be.on('congress.voteCount', (i) => {
    const v = state.s.agenda.flatMap((x) => x.votes).find((x) => x.id === i.id)!;
    const problems = ballotProblems(i.counts, state.s.counts.present);
    if (problems.length > 0) throw new FakeError('VALIDATION', `err.${problems[0]!.key}`, problems[0] as never);
    const r = decide(9, state.s.counts.present, i.counts, 'gt');
    Object.assign(v, { status: 'counted', counts: i.counts, verdict: r.verdict, needed: r.needed, present: state.s.counts.present });
    return state.s;
  });
  be.on('congress.voteAnnounce', (i) => {
    const v = state.s.agenda.flatMap((x) => x.votes).find((x) => x.id === i.id)!;
    Object.assign(v, { status: 'announced', announcedAt: '2026-12-20T10:00:00Z' });
    return state.s;
  });
  return { be, state };
}

describe('the session list', () => {
  it('lists the term’s sessions as 第X届第Y次 with kind and status, and opens one', async () => {
    sessionBackend(makeSession());
    const u = user();
    renderInProviders(<SessionsTab />);
    const link = await screen.findByText('第3届职工代表大会第1次会议');
    expect(screen.getByText('安全生产专题')).toBeInTheDocument();
    expect(screen.getByText('筹备中')).toBeInTheDocument();
    await u.click(link);
    expect(await screen.findByRole('button', { name: label('发出会议通知') })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: label('删除会议') })).toBeInTheDocument();
  });

  it('opens a session from the list with the keyboard (Tab to it, Enter)', async () => {
    sessionBackend(makeSession());
    const u = user();
    renderInProviders(<SessionsTab />);
    const open = await screen.findByRole('button', { name: '第3届职工代表大会第1次会议' });
    open.focus();
    expect(open).toHaveFocus();
    await u.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: label('发出会议通知') })).toBeInTheDocument();
  });

  it('keeps the notice period setting (a warning when the papers go out later)', async () => {
    const { be } = sessionBackend(makeSession());
    be.on('congress.sessionSettings', () => ({ noticeDays: 7 }));
    be.on('congress.sessionSettingsSave', (i) => i);
    const u = user();
    renderInProviders(<SessionsTab />);
    const box = await screen.findByRole('spinbutton', { name: '会议通知提前天数' });
    expect(box).toHaveValue('7');
    await u.clear(box);
    await u.type(box, '10');
    await u.tab();
    await waitFor(() => expect(be.last('congress.sessionSettingsSave')).toEqual({ noticeDays: 10 }));
  });

  it('says what to do when the term has no session', async () => {
    const { be } = sessionBackend(makeSession());
    be.on('congress.sessions', () => []);
    renderInProviders(<SessionsTab />);
    expect(await screen.findByText(/本届还没有会议/)).toBeInTheDocument();
  });

  it('warns before issuing the papers when the notice is shorter than the setting', async () => {
    const { be } = sessionBackend(makeSession({ notice: { days: 3, needed: 7, short: true } }));
    const u = user();
    renderInProviders(<SessionView id="s-1" term={TERM} canRun onBack={() => undefined} />);
    expect(await screen.findByText('距会议只有 3 天，少于规定的提前 7 天发出通知。')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: label('发出会议通知') }));
    const dlg = await screen.findByRole('dialog');
    expect(within(dlg).getAllByText('通知期不足，仍要发出吗？').length).toBeGreaterThan(0);
    expect(be.count('congress.sessionStep')).toBe(0);
    await u.click(within(dlg).getByRole('button', { name: label('发出会议通知') }));
    await waitFor(() => expect(be.last('congress.sessionStep')).toEqual({ id: 's-1', action: 'issue' }));
  });

  it('prints the papers once issued and the minutes once the session has opened; nothing while preparing', async () => {
    const { be, state } = sessionBackend(makeSession());
    be.on('congress.sessionMinutesPdf', () => fakeFile('第3届职工代表大会第1次会议纪要.pdf', 'application/pdf'));
    be.on('congress.sessionPapersPdf', (i) => fakeFile(`${i.paper}.pdf`, 'application/pdf'));
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const u = user();
    const view = renderInProviders(<SessionView id="s-1" term={TERM} canRun onBack={() => undefined} />);
    await screen.findByRole('button', { name: label('发出会议通知') });
    expect(screen.queryByRole('button', { name: '会议纪要 PDF' })).toBeNull();
    expect(screen.queryByRole('button', { name: '表决票 PDF' })).toBeNull();
    view.unmount();
    state.s.status = 'in_session';
    renderInProviders(<SessionView id="s-1" term={TERM} canRun onBack={() => undefined} />);
    await u.click(await screen.findByRole('button', { name: '会议纪要 PDF' }));
    await waitFor(() => expect(be.last('congress.sessionMinutesPdf')).toEqual({ id: 's-1' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '表决票 PDF' })).toBeEnabled());
    await u.click(screen.getByRole('button', { name: '表决票 PDF' }));
    await waitFor(() => expect(be.last('congress.sessionPapersPdf')).toEqual({ id: 's-1', paper: 'ballots' }));
    await waitFor(() => expect(clicks).toHaveBeenCalled());
    clicks.mockRestore();
  });

  it('exports the resolutions (PDF) and the vote results (xlsx) once the session has opened; not before', async () => {
    const { be, state } = sessionBackend(makeSession());
    be.on('congress.sessionResolutionsPdf', () => fakeFile('第3届职工代表大会第1次会议决议.pdf', 'application/pdf'));
    be.on('congress.sessionVotesXlsx', () => fakeFile('第3届职工代表大会第1次会议表决结果.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const u = user();
    state.s.status = 'issued';
    const view = renderInProviders(<SessionView id="s-1" term={TERM} canRun onBack={() => undefined} />);
    await screen.findByRole('button', { name: '表决票 PDF' });
    expect(screen.queryByRole('button', { name: '决议 PDF' })).toBeNull();
    expect(screen.queryByRole('button', { name: '表决结果 Excel' })).toBeNull();
    view.unmount();
    state.s.status = 'closed';
    renderInProviders(<SessionView id="s-1" term={TERM} canRun onBack={() => undefined} />);
    await u.click(await screen.findByRole('button', { name: '决议 PDF' }));
    await waitFor(() => expect(be.last('congress.sessionResolutionsPdf')).toEqual({ id: 's-1' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '表决结果 Excel' })).toBeEnabled());
    await u.click(screen.getByRole('button', { name: '表决结果 Excel' }));
    await waitFor(() => expect(be.last('congress.sessionVotesXlsx')).toEqual({ id: 's-1' }));
    await waitFor(() => expect(clicks).toHaveBeenCalledTimes(2));
    clicks.mockRestore();
  });
});

describe('the agenda editor', () => {
  it('reorders from the keyboard (Alt+↓ on the handle) and by the buttons, sending the whole order', async () => {
    const { be, state } = sessionBackend(makeSession());
    const onChange = vi.fn();
    const u = user();
    renderInProviders(<AgendaEditor session={structuredClone(state.s)} canRun onChange={onChange} />);
    const handle = screen.getByRole('button', { name: '拖动或用 Alt+↑/↓ 调整“宣布大会开幕”的顺序' });
    handle.focus();
    await u.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(be.last('congress.agendaReorder')).toEqual({ sessionId: 's-1', ids: ['i-2', 'i-1', 'i-3', 'i-4', 'i-5', 'i-6', 'i-7', 'i-8', 'i-9'] }));
    expect(onChange).toHaveBeenCalled();
    expect(await screen.findByText('“宣布大会开幕”已移到第 2 项')).toBeInTheDocument();
    const ups = screen.getAllByRole('button', { name: label('上移') });
    expect(ups[0]).toBeDisabled();
    await u.click(ups[8]!);
    await waitFor(() => expect(be.last('congress.agendaReorder')).toEqual({ sessionId: 's-1', ids: ['i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6', 'i-7', 'i-9', 'i-8'] }));
  });

  it('shows item 5’s hazard figures (live while preparing) and marks the five fixed items', () => {
    const { state } = sessionBackend(makeSession());
    renderInProviders(<AgendaEditor session={state.s} canRun onChange={() => undefined} />);
    const fig = screen.getByTestId('hazard-figures');
    expect(within(fig).getByText('发现 12 项 · 整改销号 9 项 · 未整改 3 项 · 逾期 1 项')).toBeInTheDocument();
    expect(within(fig).getByText('实时数据，发出通知时定格')).toBeInTheDocument();
    expect(within(fig).getByText('液氯储罐区泄漏报警失灵')).toBeInTheDocument();
    expect(screen.getAllByText('5+X 固定议题')).toHaveLength(5);
  });

  const PROPOSALS: NonNullable<SessionDetail['hazards']['proposals']> = {
    asOf: '2026-12-01',
    counts: {
      total: 3,
      byState: { submitted: 0, filed: 0, referred: 0, rejected: 1, assigned: 1, answered: 0, closed: 1, archived: 0 },
      byCategory: { safety: 2, occupational_health: 0, protective_equipment: 0, wage: 0, other: 1 },
      byAnswer: { A: 1, B: 0, C: 0 },
      byFeedback: { satisfied: 1, basically: 0, dissatisfied: 0 },
      overdue: 1,
      hazards: { linked: 2, closed: 1 },
    },
    rows: [
      { serial: 'TA3-2026-001', title: '反应釜平台护栏加高', category: 'safety', state: 'closed', overdue: false, answerClass: 'A', feedback: 'satisfied', hazards: { total: 2, closed: 1 } },
      { serial: 'TA3-2026-002', title: '仓库照明改造', category: 'safety', state: 'assigned', overdue: true, answerClass: null, feedback: null, hazards: { total: 0, closed: 0 } },
      { serial: 'TA3-2026-003', title: '食堂增加夜宵', category: 'other', state: 'rejected', overdue: false, answerClass: null, feedback: null, hazards: { total: 0, closed: 0 } },
    ],
  };

  it('item 5 also shows the handling of proposals: the counts and one row each, overdue marked', () => {
    const s = makeSession();
    const { state } = sessionBackend(makeSession({ hazards: { ...s.hazards, proposals: PROPOSALS } }));
    renderInProviders(<AgendaEditor session={state.s} canRun onChange={() => undefined} />);
    const fig = screen.getByTestId('proposal-figures');
    expect(within(fig).getByText('提案办理情况')).toBeInTheDocument();
    expect(within(fig).getByText('实时数据，发出通知时定格')).toBeInTheDocument();
    expect(within(fig).getByText('共 3 件：立案 2 件 · 转意见建议 0 件 · 不予立案 1 件 · 待审查 0 件')).toBeInTheDocument();
    expect(within(fig).getByText('答复 A 类 1 件 · B 类 0 件 · C 类 0 件 · 办理中 1 件（逾期 1 件）')).toBeInTheDocument();
    expect(within(fig).getByText('提案人满意 1 件 · 基本满意 0 件 · 不满意 0 件 · 关联隐患 2 项，已销号 1 项')).toBeInTheDocument();
    const row1 = within(fig).getByText('反应釜平台护栏加高').closest('tr')!;
    for (const cell of ['TA3-2026-001', '安全生产', '已办结', 'A', '满意', '已销号 1/2']) expect(within(row1).getByText(cell)).toBeInTheDocument();
    const row2 = within(fig).getByText('仓库照明改造').closest('tr')!;
    expect(within(row2).getByText('办理中')).toBeInTheDocument();
    expect(within(row2).getByText('逾期')).toBeInTheDocument();
    expect(within(within(fig).getByText('食堂增加夜宵').closest('tr')!).getByText('不予立案')).toBeInTheDocument();
  });

  it('item 5’s proposals frozen with the papers, in English; none yet says so; an old snapshot without them shows no box', () => {
    useI18n.setState({ locale: 'en' });
    const s = makeSession({ status: 'issued', hazardsFrozen: true });
    const { state } = sessionBackend({ ...s, hazards: { ...s.hazards, proposals: PROPOSALS } });
    const view = renderInProviders(<AgendaEditor session={state.s} canRun onChange={() => undefined} />);
    const fig = screen.getByTestId('proposal-figures');
    expect(within(fig).getByText('Handling of proposals')).toBeInTheDocument();
    expect(within(fig).getByText('Frozen with the papers (2026-12-01)')).toBeInTheDocument();
    expect(within(fig).getByText('3 in all: 2 filed · 0 passed on as opinions · 1 not filed · 0 awaiting review')).toBeInTheDocument();
    expect(within(fig).getByText('Answered A 1 · B 0 · C 0 · 1 being handled (1 overdue)')).toBeInTheDocument();
    expect(within(fig).getByText('1 of 2 closed')).toBeInTheDocument();
    expect(within(fig).getByText('Overdue')).toBeInTheDocument();
    view.unmount();
    const none = { ...PROPOSALS, counts: { ...PROPOSALS.counts, total: 0 }, rows: [] };
    const v2 = renderInProviders(<AgendaEditor session={{ ...s, hazards: { ...s.hazards, proposals: none } }} canRun onChange={() => undefined} />);
    expect(within(screen.getByTestId('proposal-figures')).getByText('No proposals for this session or earlier ones')).toBeInTheDocument();
    v2.unmount();
    renderInProviders(<AgendaEditor session={s} canRun onChange={() => undefined} />);
    expect(screen.getByTestId('hazard-figures')).toBeInTheDocument();
    expect(screen.queryByTestId('proposal-figures')).toBeNull();
  });

  it('once the papers are issued: no editing buttons, the figures say they are frozen', () => {
    const { state } = sessionBackend(makeSession({ status: 'issued', hazardsFrozen: true }));
    renderInProviders(<AgendaEditor session={state.s} canRun onChange={() => undefined} />);
    expect(screen.queryByRole('button', { name: label('添加议题（X 项）') })).toBeNull();
    expect(screen.queryByRole('button', { name: /拖动或用/ })).toBeNull();
    expect(screen.getByText('已随会议通知定格（2026-12-01）')).toBeInTheDocument();
  });

  it('a signed-in operator who does not run the congress sees no steps at all', () => {
    const { state } = sessionBackend(makeSession());
    renderInProviders(<AgendaEditor session={state.s} canRun={false} onChange={() => undefined} />);
    expect(screen.queryByRole('button', { name: label('添加议题（X 项）') })).toBeNull();
    expect(screen.queryAllByRole('button', { name: label('上移') })).toHaveLength(0);
  });
});

describe('the day screen', () => {
  function renderDay(s: SessionDetail) {
    const ctx = sessionBackend(s);
    const Harness = () => {
      const [cur, setCur] = useState(ctx.state.s);
      return <DayScreen session={cur} canRun onChange={(d) => setCur(structuredClone(d))} />;
    };
    renderInProviders(<Harness />);
    return ctx;
  }

  it('checks in one by one and many at once, with live counts and the quorum in words; search by name or 工号', async () => {
    const { be } = renderDay(makeSession({ status: 'in_session' }));
    const u = user();
    expect(await screen.findByText('应到 9 人，实到 0 人，须至少 7 人，未达法定人数。')).toBeInTheDocument();
    const row1 = (await screen.findByText('代表1')).closest('tr')!;
    await u.click(within(row1).getByRole('radio', { name: '出席' }));
    await waitFor(() => expect(be.last('congress.attendanceSet')).toEqual({ sessionId: 's-1', memberIds: ['m-1'], status: 'present' }));
    await waitFor(() => expect(screen.getByTestId('count-present')).toHaveTextContent('1'));
    await u.click(screen.getByRole('checkbox', { name: '全选所列代表' }));
    await u.click(screen.getByRole('button', { name: label('出席') }));
    await waitFor(() => expect(screen.getByText('应到 9 人，实到 9 人，须至少 7 人，符合法定人数。')).toBeInTheDocument());
    await u.type(screen.getByRole('searchbox', { name: '按姓名或工号查找代表' }), 'R003');
    await waitFor(() => expect(be.last('congress.attendance')).toEqual({ sessionId: 's-1', q: 'R003' }));
    await waitFor(() => expect(screen.queryByText('代表1')).toBeNull());
  });

  it('no vote opens without quorum; with it, counts give the verdict in words on the base of ALL representatives', async () => {
    const { be, state } = renderDay(makeSession({ status: 'in_session' }));
    const u = user();
    const card = await screen.findByTestId('vote-item-6');
    const open = within(card).getByRole('button', { name: label('开始表决') });
    expect(open).toBeDisabled();
    expect(within(card).getByText('未达法定人数，不能表决')).toBeInTheDocument();
    // seven present: a quorum of nine
    await act(async () => {
      state.rows.slice(0, 7).forEach((r) => Object.assign(r, { status: 'present', marked: true }));
    });
    await u.click(within((await screen.findByText('代表8')).closest('tr')!).getByRole('radio', { name: '请假' }));
    await waitFor(() => expect(within(card).getByRole('button', { name: label('开始表决') })).toBeEnabled());
    await u.click(within(card).getByRole('button', { name: label('开始表决') }));
    await waitFor(() => expect(be.last('congress.voteOpen')).toEqual({ itemId: 'i-6', method: 'secret', candidate: null }));
    // four of seven present say yes: most of those present, not more than half of all nine
    const yes = await within(card).findByRole('spinbutton', { name: '赞成' });
    await u.clear(yes);
    await u.type(yes, '4');
    const no = within(card).getByRole('spinbutton', { name: '反对' });
    await u.clear(no);
    await u.type(no, '3');
    await u.click(within(card).getByRole('button', { name: label('录入票数') }));
    await waitFor(() => expect(be.last('congress.voteCount')).toEqual({ id: 'v-i-6', counts: { issued: 7, yes: 4, no: 3, abstain: 0, invalid: 0 } }));
    expect(await within(card).findByText('应到代表 9 人，赞成 4 票，未超过全体代表的半数（须至少 5 票），未通过。')).toBeInTheDocument();
    await u.click(within(card).getByRole('button', { name: label('宣布结果') }));
    await u.click(await screen.findByRole('button', { name: label('确定') }));
    await waitFor(() => expect(be.last('congress.voteAnnounce')).toEqual({ id: 'v-i-6' }));
    expect(await within(card).findByText('结果已宣布并锁定')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: label('重新计票') })).toBeNull();
  });
});

