// The proposals tab (issue 8): submission with co-signers picked among the serving representatives, the drawer with
// only the steps the signed-in operator may take (computed by the shared workflow table, as the backend does), the
// hazard link's "all closed", and the filters. The fake answers with the shared rules; every payload passes the real
// contract schemas.
import { screen, waitFor, within } from '@testing-library/react';
import { ProposalsTab } from '../../renderer/src/features/congress/proposals/ProposalsTab';
import { localToday } from '../../renderer/src/features/congress/reps/common';
import type { ProposalDetail, ProposalSettings } from '../../shared/congress/proposals/types';
import { allowedActions, isOverdue, nextState, proposalSerial, shiftDate } from '../../shared/congress/proposals/workflow';
import { CONGRESS_RUNNERS, type Member, type Term } from '../../shared/congress/reps/types';
import { holdsAnyRole } from '../../shared/roster/roles';
import { FakeError, fakeFile, makeOperator } from './fakeBackend';
import { adminOperator, fill, label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { formItem, pick } from './hazardFixtures';

beforeEach(() => resetStores());

const today = localToday();
const TERM: Term = {
  id: 't3',
  number: 3,
  form: 'congress',
  startDate: '2024-01-01',
  endDate: '2028-12-31',
  settings: {} as Term['settings'],
  representatives: 3,
  observers: 1,
  groups: 0,
  updatedAt: '2026-01-01T00:00:00Z',
};
const member = (workerId: string, name: string, empNo: string, kind: Member['kind'] = 'representative'): Member => ({
  id: `m-${workerId}`,
  termId: 't3',
  workerId,
  empNo,
  name,
  gender: 'M',
  workshopName: '合成车间',
  teamName: null,
  post: null,
  isFrontline: true,
  isManager: false,
  groupId: null,
  groupName: null,
  kind,
  presidium: false,
  joinedOn: '2024-01-01',
  joinedBy: 'election',
  leftOn: null,
  leftBy: null,
  leftNote: null,
  current: true,
});
const MEMBERS = [member('w-r1', '张提案', 'R1'), member('w-r2', '李附议', 'R2'), member('w-r3', '王附议', 'R3'), member('w-o1', '钱列席', 'O1', 'observer')];
const SETTINGS: ProposalSettings = { termId: 't3', windowDays: 30, minCosigners: 2, secondAnswerDays: 15, sessionDate: shiftDate(today, 10), committee: [], opensOn: shiftDate(today, -20) };

function proposal(p: Partial<ProposalDetail> & Pick<ProposalDetail, 'id' | 'serial' | 'title'>): ProposalDetail {
  return {
    termId: 't3',
    category: 'safety',
    state: 'submitted',
    round: 1,
    proposer: { workerId: 'w-r1', name: '张提案', empNo: 'R1' },
    cosigners: 2,
    submittedOn: today,
    sessionDate: shiftDate(today, 10),
    onBehalf: false,
    leadUnitId: null,
    leadUnitName: null,
    dueDate: null,
    overdue: false,
    answerClass: null,
    feedback: null,
    hazards: { total: 0, closed: 0, allClosed: false },
    reason: '理由',
    measure: '建议',
    cosignerList: [
      { workerId: 'w-r2', name: '李附议', empNo: 'R2' },
      { workerId: 'w-r3', name: '王附议', empNo: 'R3' },
    ],
    coUnits: [],
    photoIds: [],
    enteredBy: '张提案',
    reviewNote: null,
    answers: [],
    events: [],
    linkedHazards: [],
    allowedActions: [],
    ...p,
  };
}

/** The proposal channels over an in-memory list; steps and allowed actions from the shared workflow table. */
function proposalsBackend(meId = 'op-admin', seed: ProposalDetail[] = []) {
  const proposer = makeOperator({ id: 'op-r1', workerId: 'w-r1', name: '张提案', empNo: 'R1', roles: ['team_leader'] });
  const be = signedInBackend({ operators: [adminOperator(), proposer], units: [] }, meId);
  const list = seed;
  const me = () => be.currentOperator!;
  const view = (p: ProposalDetail): ProposalDetail => ({
    ...p,
    overdue: isOverdue(p, today),
    allowedActions: allowedActions(
      { state: p.state, category: p.category, proposerId: p.proposer.workerId, leadUnitId: p.leadUnitId },
      { isRunner: holdsAnyRole(me(), CONGRESS_RUNNERS), onCommittee: false, workerId: me().workerId, unitIds: [] },
    ),
  });
  const find = (id: string) => {
    const p = list.find((x) => x.id === id);
    if (!p) throw new FakeError('NOT_FOUND', 'err.congress.proposal.notFound');
    return p;
  };
  const stepTo = (id: string, action: Parameters<typeof nextState>[0], f?: Parameters<typeof nextState>[2]) => {
    const p = find(id);
    if (!view(p).allowedActions.includes(action)) throw new FakeError('FORBIDDEN', 'err.congress.runnersOnly');
    p.state = nextState(action, p, f);
    return view(p);
  };
  be.on('congress.terms', () => [TERM]);
  be.on('congress.members', () => MEMBERS);
  be.on('congress.proposalSettings', () => SETTINGS);
  be.on('congress.proposals', (q) => list.filter((p) => (!q.state || p.state === q.state) && (!q.overdue || isOverdue(p, today))).map(view));
  be.on('congress.proposal', (i) => view(find(i.id)));
  be.on('congress.proposalSubmit', (d) => {
    const p = proposal({
      id: `p${list.length + 1}`,
      serial: proposalSerial(3, Number(today.slice(0, 4)), list.length + 1),
      title: d.title,
      category: d.category,
      reason: d.reason,
      measure: d.measure,
      cosigners: d.cosignerIds.length,
      onBehalf: me().workerId !== d.proposerId,
    });
    list.push(p);
    return view(p);
  });
  be.on('congress.proposalReview', (i) => stepTo(i.id, i.decision));
  be.on('congress.proposalAnswer', (i) => stepTo(i.id, 'answer'));
  be.on('congress.proposalReportPdf', () => fakeFile('提案办理情况报告-第3届.pdf', 'application/pdf'));
  return { be, list };
}

/** The step dialog titled `title…` (in tests every antd dialog is labelled by the same id, so match the title text). */
const stepDialog = (title: string) =>
  waitFor(() => {
    const d = screen.getAllByRole('dialog').find((x) => x.querySelector('.ant-modal-title')?.textContent?.startsWith(title));
    if (!d) throw new Error(`no dialog ${title}`);
    return d;
  });
const actionsOf = async () => within(await screen.findByTestId('proposal-actions')).queryAllByRole('button').map((b) => b.textContent!.replace(/\s/g, ''));

describe('the proposals tab', () => {
  it('submits a proposal with co-signers among the serving representatives; the drawer shows only the review steps', async () => {
    const { be } = proposalsBackend();
    const u = user();
    renderInProviders(<ProposalsTab />);
    expect(await screen.findByTestId('proposal-window')).toHaveTextContent(`征集期 ${shiftDate(today, -20)} 起，${shiftDate(today, 10)} 开会前截止 · 每件至少 2 名附议人`);
    await u.click(screen.getByRole('button', { name: label('提交提案') }));
    const dlg = await screen.findByRole('dialog');
    await fill(u, within(formItem(dlg, '案由')).getByRole('textbox'), '合成车间平台护栏加高');
    await fill(u, within(formItem(dlg, '理由')).getByRole('textbox'), '护栏高度仅 0.9 米');
    await fill(u, within(formItem(dlg, '建议办法')).getByRole('textbox'), '加高至 1.2 米');
    await pick(u, within(formItem(dlg, '提案人')).getByRole('combobox'), '张提案 · R1');
    const cos = within(formItem(dlg, '附议人（至少 2 名）')).getByRole('combobox');
    await pick(u, cos, '李附议 · R2');
    // too few co-signers is told on the field, and nothing is sent
    await u.click(within(dlg).getByRole('button', { name: label('提交') }));
    await waitFor(() => expect(formItem(dlg, '附议人（至少 2 名）')).toHaveTextContent('每件提案至少需要 2 名附议人（现有 1 名）'));
    expect(be.count('congress.proposalSubmit')).toBe(0);
    await pick(u, cos, '王附议 · R3');
    // the proposer and observers are not offered as co-signers
    const offered = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].map((o) => o.getAttribute('title'));
    expect(offered).not.toContain('张提案 · R1');
    expect(offered).not.toContain('钱列席 · O1');
    await u.click(within(dlg).getByRole('button', { name: label('提交') }));
    await waitFor(() => expect(be.count('congress.proposalSubmit')).toBe(1));
    expect(be.last('congress.proposalSubmit')).toMatchObject({ termId: 't3', category: 'safety', proposerId: 'w-r1', cosignerIds: ['w-r2', 'w-r3'], submittedOn: today, photoIds: [] });
    expect(be.validationFailures()).toEqual([]);
    expect(await screen.findByTestId('proposal-serial')).toHaveTextContent(`TA3-${today.slice(0, 4)}-001`);
    expect(await actionsOf()).toEqual(['立案', '转意见建议', '不予立案']);
    // 立案 → the union office may now assign (and link hazards)
    await u.click(screen.getByRole('button', { name: label('立案') }));
    const step = await stepDialog('立案 · TA3');
    await u.click(within(step).getByRole('button', { name: label('确定') }));
    await waitFor(() => expect(be.last('congress.proposalReview')).toMatchObject({ decision: 'file' }));
    await waitFor(async () => expect(await actionsOf()).toEqual(['交办']));
    expect(within(screen.getByTestId('proposal-hazards')).getByRole('button', { name: label('生成隐患') })).toBeInTheDocument();
  });

  it('refusing to file asks for the reason before anything is sent', async () => {
    const { be } = proposalsBackend('op-admin', [proposal({ id: 'p1', serial: 'TA3-2026-001', title: '增加夜班补贴' })]);
    const u = user();
    renderInProviders(<ProposalsTab />);
    await u.click(await screen.findByRole('link', { name: '增加夜班补贴' }));
    await u.click(await screen.findByRole('button', { name: label('不予立案') }));
    const step = await stepDialog('不予立案 · TA3');
    await u.click(within(step).getByRole('button', { name: label('确定') }));
    await waitFor(() => expect(formItem(step, '理由（将告知提案人）')).toHaveTextContent('请填写原因'));
    expect(be.count('congress.proposalReview')).toBe(0);
  });

  it('the proposer sees only their feedback step; all linked hazards closed is shown with the answer', async () => {
    const answered = proposal({
      id: 'p1',
      serial: 'TA3-2026-001',
      title: '平台护栏加高',
      state: 'answered',
      leadUnitId: 'u-b',
      leadUnitName: '设备部',
      dueDate: shiftDate(today, 5),
      answerClass: 'A',
      hazards: { total: 2, closed: 2, allClosed: true },
      answers: [
        {
          round: 1,
          answerClass: 'A',
          text: '已加高',
          plan: null,
          plannedBy: null,
          reason: null,
          cost: 1200050,
          answeredAt: `${today}T10:00:00+08:00`,
          answeredBy: '郑设备',
          feedback: null,
          feedbackNote: null,
          feedbackAt: null,
          feedbackBy: null,
          feedbackOnBehalf: false,
        },
      ],
      linkedHazards: [
        { id: 'h1', serial: 'YH-2026-0001', status: 'closed', description: '护栏高度不足', created: true },
        { id: 'h2', serial: 'YH-2026-0002', status: 'closed', description: '踢脚板缺失', created: false },
      ],
    });
    const { be } = proposalsBackend('op-r1', [answered]);
    const u = user();
    renderInProviders(<ProposalsTab />);
    // a representative may submit their own
    expect(await screen.findByRole('button', { name: label('提交提案') })).toBeInTheDocument();
    expect(screen.getByText('2 项已全部销号')).toBeInTheDocument();
    await u.click(screen.getByRole('link', { name: '平台护栏加高' }));
    expect(await actionsOf()).toEqual(['反馈意见']);
    expect(screen.getByTestId('hazards-all-closed')).toHaveTextContent('关联的 2 项隐患已全部整改销号');
    expect(screen.getByTestId('proposal-answers')).toHaveTextContent('费用 12,000.50 元');
    // no hazard buttons for the proposer
    expect(within(screen.getByTestId('proposal-hazards')).queryByRole('button', { name: label('生成隐患') })).toBeNull();
    expect(screen.queryByRole('button', { name: label('提案设置') })).toBeNull();
    void be;
  });

  it('filters by state and overdue', async () => {
    const late = proposal({ id: 'p1', serial: 'TA3-2026-001', title: '逾期的', state: 'assigned', leadUnitId: 'u', leadUnitName: '设备部', dueDate: shiftDate(today, -1) });
    const fresh = proposal({ id: 'p2', serial: 'TA3-2026-002', title: '新提的' });
    const { be } = proposalsBackend('op-admin', [late, fresh]);
    const u = user();
    renderInProviders(<ProposalsTab />);
    expect(await screen.findByRole('link', { name: '新提的' })).toBeInTheDocument();
    expect(screen.getByText('逾期')).toBeInTheDocument();
    await u.click(screen.getByRole('switch'));
    await waitFor(() => expect(be.last('congress.proposals')).toMatchObject({ overdue: true }));
    await waitFor(() => expect(screen.queryByRole('link', { name: '新提的' })).toBeNull());
    expect(screen.getByRole('link', { name: '逾期的' })).toBeInTheDocument();
  });

  it('a B answer needs its plan and date before anything is sent; the report prints as PDF', async () => {
    const assigned = proposal({ id: 'p1', serial: 'TA3-2026-001', title: '护栏加高', state: 'assigned', leadUnitId: 'u', leadUnitName: '设备部', dueDate: shiftDate(today, 9) });
    const { be } = proposalsBackend('op-admin', [assigned]);
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const u = user();
    renderInProviders(<ProposalsTab />);
    await u.click(await screen.findByRole('button', { name: label('打印办理情况报告') }));
    await waitFor(() => expect(clicks).toEqual(['提案办理情况报告-第3届.pdf']));
    expect(be.last('congress.proposalReportPdf')).toEqual({ termId: 't3' });
    await u.click(screen.getByRole('link', { name: '护栏加高' }));
    expect(await actionsOf()).toEqual(['交办', '答复']);
    await u.click(screen.getByRole('button', { name: label('答复') }));
    const step = await stepDialog('答复 · TA3');
    await u.click(within(step).getByLabelText('B 类：列入计划解决'));
    await fill(u, within(formItem(step, '答复内容')).getByRole('textbox'), '列入明年检修计划');
    await u.click(within(step).getByRole('button', { name: label('确定') }));
    await waitFor(() => expect(formItem(step, '解决计划')).toHaveTextContent('必填'));
    expect(formItem(step, '计划完成日期')).toHaveTextContent('必填');
    expect(formItem(step, '费用')).toHaveTextContent('必填');
    expect(be.count('congress.proposalAnswer')).toBe(0);
    vi.restoreAllMocks();
  });
});
