// The monthly runs tab (issue 9, "The monthly run"): the month (last month by default); the empty states (no scheme in
// effect → the schemes tab; no run yet → calculate, with progress asked for); the versions with their states and only
// the allowed buttons (复核 by a runner, 审批 by another operator than the reviewer, nothing for others or on a replaced
// version); recalculating an approved month is confirmed and makes a new version, the approved one staying; the totals in
// 元 from fen; the lines (components as columns, search, workshop filter); the explanation drawer (raw, points, weighted,
// amount, records with links — a hazard opens #/hazards/<id> — and the reasons in words); the diff worker by worker;
// group totals. The fake answers the runs channels (tests/renderer/wageRunsFake.ts); every payload passes the real schemas.
import { act, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { useRouter } from '../../renderer/src/app/router';
import { useSession } from '../../renderer/src/app/session';
import { lastMonth, pointsText, runButtons, schemeForMonth, signedYuan } from '../../renderer/src/features/wage/runs/format';
import { RunsTab } from '../../renderer/src/features/wage/runs/RunsTab';
import type { RunLine } from '../../shared/wage/runs/types';
import { makeOperator, type FakeBackend } from './fakeBackend';
import { adminOperator, fill, label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { makeRunLine, seedWageRun } from './wageRunsFake';
import { seedScheme } from './wageSchemesFake';

beforeEach(() => resetStores());

const PERIOD = lastMonth();
const SECOND = makeOperator({ id: 'op-2', workerId: 'w-op2', name: '李四', empNo: 'A0002', roles: ['union_officer'] });
const SAFETY = makeOperator({ id: 'op-3', workerId: 'w-op3', name: '赵安全', empNo: 'A0003', roles: ['safety_officer'] });

function lines(): RunLine[] {
  return [
    makeRunLine({ workerId: 'w1', empNo: 'E001', name: '张三', workshopId: 'ws1', workshopName: '合成车间', teamId: 't1', teamName: '甲班', fen: { SKILL: 12000, SAFE_TIME: 9000, BEHAVIOUR: 1050, HAZARDS: 4000 } }),
    makeRunLine({ workerId: 'w2', empNo: 'E002', name: '李强', workshopId: 'ws1', workshopName: '合成车间', teamId: 't1', teamName: '甲班', fen: { SKILL: 6000, SAFE_TIME: 0, BEHAVIOUR: 0, HAZARDS: 0 }, veto: true }),
    makeRunLine({ workerId: 'w3', empNo: 'E003', name: '王芳', workshopId: 'ws2', workshopName: '储运车间', teamId: 't2', teamName: '乙班', fen: { SKILL: 8000, SAFE_TIME: 4500, BEHAVIOUR: -300, HAZARDS: 0 }, proRata: { worked: 15, of: 30 } }),
  ];
}

function effectiveScheme(be: FakeBackend) {
  return seedScheme(be.wageSchemes, { state: 'effective', name: '2026年度能级工资方案', version: 2, adoptedOn: '2020-01-01', effectiveFrom: '2020-01-01' });
}

function backend(meId = 'op-admin') {
  return signedInBackend({ operators: [adminOperator(), SECOND, SAFETY] }, meId);
}

const popconfirmOk = () =>
  waitFor(() => {
    const b = [...document.querySelectorAll<HTMLElement>('.ant-popconfirm .ant-btn-primary')].at(-1);
    if (!b) throw new Error('no popconfirm');
    return b;
  });

describe('the pure helpers', () => {
  it('last month by default; points with up to two decimals; signed 元', () => {
    expect(lastMonth(dayjs('2027-01-15'))).toBe('2026-12');
    expect(lastMonth(dayjs('2026-03-31'))).toBe('2026-02');
    expect(pointsText(1250)).toBe('12.5');
    expect(pointsText(-333)).toBe('-3.33');
    expect(signedYuan(150)).toBe('+1.50');
    expect(signedYuan(-123456)).toBe('-1,234.56');
  });

  it('buttons: a runner reviews a calculated version, another operator approves a reviewed one; nothing else', () => {
    const admin = adminOperator();
    const li = { ...SECOND, hasPin: false };
    const safety = { ...SAFETY, hasPin: false };
    expect(runButtons(null, admin, '2026-05', '2026-06')).toEqual({ calculate: true, review: false, approve: false, ownReview: false });
    expect(runButtons(null, admin, '2026-07', '2026-06').calculate).toBe(false); // a month not begun
    expect(runButtons({ state: 'calculated', reviewedById: null }, li, '2026-05', '2026-06')).toMatchObject({ review: true, approve: false });
    expect(runButtons({ state: 'reviewed', reviewedById: 'op-2' }, li, '2026-05', '2026-06')).toMatchObject({ review: false, approve: false, ownReview: true });
    expect(runButtons({ state: 'reviewed', reviewedById: 'op-2' }, admin, '2026-05', '2026-06')).toMatchObject({ review: false, approve: true, ownReview: false });
    // two operators of the same name: the ids decide (another 李四 approves)
    const otherLi = { ...li, id: 'op-9', workerId: 'w-op9' };
    expect(runButtons({ state: 'reviewed', reviewedById: 'op-2' }, otherLi, '2026-05', '2026-06')).toMatchObject({ approve: true, ownReview: false });
    expect(runButtons({ state: 'approved', reviewedById: 'op-2' }, admin, '2026-05', '2026-06')).toMatchObject({ review: false, approve: false });
    expect(runButtons({ state: 'replaced', reviewedById: null }, admin, '2026-05', '2026-06')).toMatchObject({ review: false, approve: false });
    expect(runButtons({ state: 'calculated', reviewedById: null }, safety, '2026-05', '2026-06')).toEqual({ calculate: false, review: false, approve: false, ownReview: false });
    expect(runButtons({ state: 'reviewed', reviewedById: 'op-admin' }, null, '2026-05', '2026-06')).toEqual({ calculate: false, review: false, approve: false, ownReview: false });
  });

  it('the scheme for a month: effective on its first day, the latest such, not one superseded by then', () => {
    const v = (p: { id: string; state: 'effective' | 'superseded' | 'adopted' | 'draft'; effectiveFrom: string | null; supersededOn?: string | null; version: number }) =>
      ({ name: 'x', supersededOn: null, ...p }) as unknown as Parameters<typeof schemeForMonth>[0][number];
    const list = [
      v({ id: 'a', state: 'superseded', effectiveFrom: '2026-01-01', supersededOn: '2026-07-01', version: 1 }),
      v({ id: 'b', state: 'effective', effectiveFrom: '2026-07-01', version: 2 }),
      v({ id: 'c', state: 'adopted', effectiveFrom: null, version: 3 }),
      v({ id: 'd', state: 'draft', effectiveFrom: null, version: 4 }),
    ];
    expect(schemeForMonth(list, '2025-12')).toBeNull();
    expect(schemeForMonth(list, '2026-01')?.id).toBe('a');
    expect(schemeForMonth(list, '2026-06')?.id).toBe('a');
    expect(schemeForMonth(list, '2026-07')?.id).toBe('b');
    expect(schemeForMonth(list.slice(2), '2026-07')).toBeNull();
  });
});

describe('the runs tab', () => {
  it('no scheme in effect for the month: says so and links to the schemes tab (no calculate button)', async () => {
    const u = user();
    const be = backend();
    seedScheme(be.wageSchemes, { state: 'draft' });
    renderInProviders(<RunsTab />);
    expect(await screen.findByTestId('runs-no-scheme')).toHaveTextContent(`${PERIOD} 没有生效的能级工资方案`);
    expect(screen.getByDisplayValue(PERIOD)).toBeInTheDocument(); // last month by default
    expect(be.last('wage.runs')).toEqual({ period: PERIOD });
    expect(screen.queryByTestId('run-calculate')).toBeNull();
    await u.click(screen.getByRole('button', { name: label('前往方案页') }));
    expect(useRouter.getState().route).toEqual({ page: 'wage', id: 'schemes' });
  });

  it('no run yet: the calculate button; calculating asks for progress, then shows version 1 with its totals in 元', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    be.wageRuns.nextLines = lines();
    renderInProviders(<RunsTab />);
    expect(await screen.findByTestId('runs-no-run')).toHaveTextContent(`${PERIOD} 尚未核算`);
    expect(screen.getByTestId('runs-no-run')).toHaveTextContent('按 2026年度能级工资方案（第 2 版）核算');
    await u.click(screen.getByTestId('run-calculate'));
    await waitFor(() => expect(be.count('wage.runCalculate')).toBe(1));
    expect(be.last('wage.runCalculate')).toEqual({ period: PERIOD });
    expect(be.calls.find((c) => c.channel === 'wage.runCalculate')!.progress).toBe(true);
    expect(await screen.findByTestId('run-version')).toHaveTextContent('第 1 版');
    expect(within(screen.getByTestId('run-header')).getByTestId('run-state')).toHaveTextContent('已核算');
    // 120.00+90.00+10.50+40.00 + 60.00 + 80.00+45.00−3.00 = 442.50 元
    expect(screen.getByTestId('run-total')).toHaveTextContent('442.50');
    expect(screen.getByTestId('run-workers')).toHaveTextContent('3');
    expect(screen.getByTestId('run-safety')).toHaveTextContent('66.7%');
    expect(screen.getByTestId('run-safety-hint')).toHaveTextContent('2 人的安全类项目合计大于零');
    expect(screen.getByTestId('run-vetoes')).toHaveTextContent('1');
    expect(screen.getByTestId('run-budget-hint')).toHaveTextContent('按点值计发，无预算');
    expect(be.validationFailures()).toEqual([]);
  });

  it('busy while calculating 5,000 workers: progress shown, the month and the button held, then the new version', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    let finish: () => void = () => undefined;
    const held = new Promise<void>((r) => (finish = r));
    be.on('wage.runCalculate', async (i, _be, job) => {
      job.onProgress?.({ done: 2500, total: 5000 });
      await held;
      return seedWageRun(be.wageRuns, { period: i.period, calculatedBy: '王主席' }, lines());
    });
    renderInProviders(<RunsTab />);
    await u.click(await screen.findByTestId('run-calculate'));
    expect(await screen.findByTestId('job-progress')).toHaveTextContent('已处理 2500 / 5000');
    expect(screen.getByTestId('run-calculate')).toHaveClass('ant-btn-loading');
    expect(screen.getByTestId('runs-month')).toBeDisabled();
    expect(screen.getByText(`正在核算 ${PERIOD}：读取记录、逐人计算……`)).toBeInTheDocument();
    finish();
    expect(await screen.findByTestId('run-version')).toHaveTextContent('第 1 版');
    expect(screen.queryByTestId('job-progress')).toBeNull();
  });

  it('a non-runner sees the month and its run but no calculate, review or approve button', async () => {
    const be = backend('op-3');
    effectiveScheme(be);
    seedWageRun(be.wageRuns, { period: PERIOD }, lines());
    renderInProviders(<RunsTab />);
    expect(await screen.findByTestId('run-version')).toHaveTextContent('第 1 版');
    expect(screen.queryByTestId('run-calculate')).toBeNull();
    expect(screen.queryByTestId('run-review')).toBeNull();
    expect(screen.queryByTestId('run-approve')).toBeNull();
  });

  it('a non-runner on an empty month is told who calculates', async () => {
    const be = backend('op-3');
    effectiveScheme(be);
    renderInProviders(<RunsTab />);
    expect(await screen.findByTestId('runs-no-run')).toHaveTextContent('核算、复核和审批由工会干部或管理员进行');
    expect(screen.queryByTestId('run-calculate')).toBeNull();
  });

  it('review by one runner hides approval from them; another operator approves; an approved version takes no step and is locked', async () => {
    const u = user();
    const be = backend('op-2');
    effectiveScheme(be);
    seedWageRun(be.wageRuns, { period: PERIOD }, lines());
    const view = renderInProviders(<RunsTab />);
    await u.click(await screen.findByTestId('run-review'));
    await u.click(await popconfirmOk());
    await waitFor(() => expect(within(screen.getByTestId('run-header')).getByTestId('run-state')).toHaveTextContent('已复核'));
    expect(be.count('wage.runReview')).toBe(1);
    expect(screen.queryByTestId('run-approve')).toBeNull();
    expect(screen.getByTestId('run-own-review')).toHaveTextContent('由您复核：须由另一位操作员审批');
    expect(screen.getByTestId('run-header')).toHaveTextContent('李四 ·');
    // the exports wait for the approval: their panel stays folded until then
    expect(screen.getByText('工资表导出')).toBeInTheDocument();
    expect(screen.queryByTestId('run-exports')).toBeNull();

    // the administrator (another operator) approves
    view.unmount();
    be.sessionOperatorId = 'op-admin';
    act(() => useSession.setState({ operator: be.currentOperator }));
    renderInProviders(<RunsTab />);
    await u.click(await screen.findByTestId('run-approve'));
    await u.click(await popconfirmOk());
    await waitFor(() => expect(within(screen.getByTestId('run-header')).getByTestId('run-state')).toHaveTextContent('已审批'));
    expect(be.count('wage.runApprove')).toBe(1);
    expect(screen.getByTestId('run-header')).toHaveTextContent('已锁定');
    expect(await screen.findByTestId('run-exports')).toBeInTheDocument(); // unfolded once approved
    expect(screen.queryByTestId('run-exports-wait')).toBeNull();
    expect(screen.queryByTestId('run-review')).toBeNull();
    expect(screen.queryByTestId('run-approve')).toBeNull();
    expect(screen.getByTestId('run-calculate')).toHaveTextContent('重新核算');
  });

  it('a refused approval shows the backend\'s reason', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    seedWageRun(be.wageRuns, { period: PERIOD, state: 'reviewed', reviewedBy: '李四', reviewedAt: '2026-05-02T08:00:00.000Z' }, lines());
    be.fail('wage.runApprove', 'CONFLICT', 'err.wage.run.sameOperator', { reviewer: '李四' });
    renderInProviders(<RunsTab />);
    await u.click(await screen.findByTestId('run-approve'));
    await u.click(await popconfirmOk());
    expect(await screen.findByText('复核人（李四）不能再审批同一版本，请由另一位操作员审批')).toBeInTheDocument();
  });

  it('recalculating an approved month is confirmed, makes version 2 and leaves version 1 approved; the diff shows who changed', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    seedWageRun(be.wageRuns, { period: PERIOD, state: 'approved', reviewedBy: '李四', reviewedAt: '2026-05-02T08:00:00.000Z', approvedBy: '王主席', approvedAt: '2026-05-03T08:00:00.000Z' }, lines());
    const next = lines();
    const { components: _c, totalFen: _t, ...zhang0 } = next[0]!;
    next[0] = makeRunLine({ ...zhang0, fen: { SKILL: 12000, SAFE_TIME: 9000, BEHAVIOUR: 1050, HAZARDS: 8000 } }); // a hazard confirmed late
    next.pop(); // 王芳 left the roster
    be.wageRuns.nextLines = next;
    renderInProviders(<RunsTab />);
    await u.click(await screen.findByTestId('run-calculate'));
    const confirm = await screen.findByTestId('recalc-confirm');
    expect(confirm).toHaveTextContent('已审批的第 1 版保持锁定、不作任何改动；重新核算将生成第 2 版');
    expect(be.count('wage.runCalculate')).toBe(0); // not before the confirmation
    await u.click(screen.getByRole('button', { name: label('生成新版本') }));
    await waitFor(() => expect(screen.getByTestId('run-version')).toHaveTextContent('第 2 版'));
    const versions = screen.getByTestId('run-versions');
    const rows = within(versions).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('第 2 版');
    expect(rows[0]).toHaveTextContent('已核算');
    expect(rows[1]).toHaveTextContent('第 1 版');
    expect(rows[1]).toHaveTextContent('已审批');

    await u.click(within(rows[0]!).getByRole('button', { name: label('与上一版对比') }));
    expect(await screen.findByTestId('diff-summary')).toHaveTextContent('合计 442.50 → 360.50 元（-82.00）；变动 1 人，新增 0 人，减少 1 人');
    const drawer = screen.getByTestId('diff-summary').closest('.ant-drawer') as HTMLElement;
    const zhang = within(drawer).getByText('张三').closest('tr') as HTMLElement;
    expect(zhang).toHaveTextContent('40.00 → 80.00');
    expect(within(zhang).getByTestId('diff-delta')).toHaveTextContent('+40.00');
    const wang = within(drawer).getByText('王芳').closest('tr') as HTMLElement;
    expect(wang).toHaveTextContent('减少');
    expect(within(wang).getByTestId('diff-delta')).toHaveTextContent('-122.00');
    expect(within(drawer).queryByText('李强')).toBeNull(); // unchanged workers are left out
    expect(be.last('wage.runDiff')).toEqual({ fromId: be.wageRuns.runs[0]!.id, toId: be.wageRuns.runs[1]!.id });
  });

  it('recalculating a calculated month needs no confirmation; a replaced version can be viewed but takes no step', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    seedWageRun(be.wageRuns, { period: PERIOD }, lines());
    renderInProviders(<RunsTab />);
    await u.click(await screen.findByTestId('run-calculate'));
    await waitFor(() => expect(screen.getByTestId('run-version')).toHaveTextContent('第 2 版'));
    expect(screen.queryByTestId('recalc-confirm')).toBeNull();
    await u.click(within(screen.getByTestId('run-versions')).getByRole('link', { name: '第 1 版' }));
    await waitFor(() => expect(screen.getByTestId('run-version')).toHaveTextContent('第 1 版'));
    expect(within(screen.getByTestId('run-header')).getByTestId('run-state')).toHaveTextContent('已被重算取代');
    expect(screen.queryByTestId('run-review')).toBeNull();
  });

  it('the lines: components as columns in 元 from fen, search by 工号/姓名, the workshop filter, veto and pro rata marks', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    seedWageRun(be.wageRuns, { period: PERIOD }, lines());
    renderInProviders(<RunsTab />);
    const table = await screen.findByTestId('run-lines');
    await within(table).findByText('张三');
    expect(within(table).getAllByText('安全技能等级（元）').length).toBeGreaterThan(0);
    expect(within(table).getAllByText('隐患排查（元）').length).toBeGreaterThan(0);
    const zhang = within(table).getByText('张三').closest('tr') as HTMLElement;
    expect(zhang).toHaveTextContent('120.00');
    expect(zhang).toHaveTextContent('10.50');
    expect(within(zhang).getByTestId('line-total')).toHaveTextContent('260.50');
    expect(within(table).getByText('李强').closest('tr')).toHaveTextContent('否决');
    expect(within(table).getByText('王芳').closest('tr')).toHaveTextContent('折算 15/30');
    expect(within(table).getByText('王芳').closest('tr')).toHaveTextContent('-3.00');

    await u.keyboard('{Control>}f{/Control}');
    expect(screen.getByLabelText('搜索工号或姓名')).toHaveFocus();
    await fill(u, screen.getByLabelText('搜索工号或姓名'), 'E003');
    await waitFor(() => expect(be.last('wage.runLines')).toMatchObject({ search: 'E003', page: 1 }));
    await waitFor(() => expect(within(table).queryByText('张三')).toBeNull());
    expect(within(table).getByText('王芳')).toBeInTheDocument();
    await u.clear(screen.getByLabelText('搜索工号或姓名'));
    await waitFor(() => expect(be.last('wage.runLines')).toMatchObject({ search: '' }));

    await u.click(screen.getByLabelText('筛选车间'));
    await u.click(await screen.findByTitle('合成车间'));
    await waitFor(() => expect(be.last('wage.runLines')).toMatchObject({ workshopId: 'ws1' }));
    await waitFor(() => expect(within(table).queryByText('王芳')).toBeNull());
    expect(be.validationFailures()).toEqual([]);
  });

  it('group totals by workshop: each component summed, a 合计 row equal to the run total', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    seedWageRun(be.wageRuns, { period: PERIOD }, lines());
    renderInProviders(<RunsTab />);
    await screen.findByTestId('run-lines');
    await u.click(screen.getByText('按车间'));
    const groups = await screen.findByTestId('groups-workshop');
    const hecheng = (await within(groups).findByText('合成车间')).closest('tr') as HTMLElement;
    expect(hecheng).toHaveTextContent('180.00'); // SKILL 120 + 60
    expect(hecheng).toHaveTextContent('320.50');
    expect(within(groups).getByTestId('groups-workshop-total')).toHaveTextContent('442.50');
    expect(be.last('wage.runGroups')).toEqual({ runId: be.wageRuns.runs[0]!.id, by: 'workshop' });
  });

  it('the explanation drawer: raw value, points, weighted, amount; the records with links; the reasons for veto, cap and pro rata in words', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    const ls = lines();
    ls[1] = {
      ...ls[1]!,
      components: ls[1]!.components.map((c) => (c.code === 'SAFE_TIME' ? { ...c, raw: 176, points: 10000, weighted: 3000, fen: 0, applied: ['veto'] } : c.code === 'SKILL' ? { ...c, raw: 3 } : c)),
    };
    ls[1]!.components[3] = { code: 'HAZARDS', raw: 2, points: 5000, weighted: 1000, fen: 0, applied: ['veto', 'cap'] };
    const run = seedWageRun(be.wageRuns, { period: PERIOD }, ls);
    be.wageRuns.explanations.set(`${run.id}:w2`, {
      line: ls[1]!,
      components: [
        { code: 'SKILL', records: [{ kind: 'roster', id: 'w2', date: null, label: '李强', value: '3' }], reasons: [] },
        {
          code: 'SAFE_TIME',
          records: [
            { kind: 'timekeeping', id: 'tk-1', date: PERIOD, label: '176h', value: 176 },
            { kind: 'accident', id: 'acc-1', date: `${PERIOD}-12`, label: '合成车间二楼', value: 'minor_injury' },
          ],
          reasons: [{ key: 'wage.run.reason.veto', params: { date: `${PERIOD}-12`, place: '合成车间二楼', severity: '@wage.severity.minor_injury' } }],
        },
        { code: 'BEHAVIOUR', records: [], reasons: [{ key: 'wage.run.reason.noRecord' }] },
        {
          code: 'HAZARDS',
          records: [
            { kind: 'hazard', id: 'hz-7', date: `${PERIOD}-03`, label: 'YH-2026-007 泵房法兰泄漏', value: 'major' },
            { kind: 'hazard', id: 'hz-9', date: `${PERIOD}-20`, label: 'YH-2026-009 护栏松动', value: 'general' },
          ],
          reasons: [
            { key: 'wage.run.reason.veto', params: { date: `${PERIOD}-12`, place: '合成车间二楼', severity: '@wage.severity.minor_injury' } },
            { key: 'wage.run.reason.cap', params: { cap: '50.00' } },
          ],
        },
      ],
    });
    renderInProviders(<RunsTab />);
    const table = await screen.findByTestId('run-lines');
    await u.click(await within(table).findByRole('link', { name: '查看 李强 的核算说明' }));
    expect(await screen.findByTestId('explain-title')).toHaveTextContent(`E002 李强 · ${PERIOD} 核算说明`);
    expect(be.last('wage.runExplain')).toEqual({ runId: run.id, workerId: 'w2' });
    expect(screen.getByTestId('explain-veto')).toHaveTextContent('本月一票否决：安全类项目清零');

    const time = screen.getByTestId('explain-SAFE_TIME');
    expect(within(time).getByTestId('explain-raw')).toHaveTextContent('176 小时');
    expect(time).toHaveTextContent('100'); // points
    expect(time).toHaveTextContent('加权得分（权重 30%）');
    expect(time).toHaveTextContent('30'); // weighted
    expect(time).toHaveTextContent('一票否决');
    expect(within(time).getByTestId('explain-reason')).toHaveTextContent(`一票否决：${PERIOD}-12 合成车间二楼 发生轻伤事故，安全类项目本月清零`);
    // a record opens the records tab on its month, the record open; hours the month
    expect(within(time).getByTestId('record-link-accident')).toHaveAttribute('href', `#/wage/records/${PERIOD}/accident/acc-1`);
    expect(within(time).getByTestId('record-link-timekeeping')).toHaveAttribute('href', `#/wage/records/${PERIOD}`);
    // the drawer is in the address: Back from a record returns to it
    expect(useRouter.getState().route).toEqual({ page: 'wage', id: `runs/${PERIOD}/worker/w2` });
    expect(within(time).getByText('轻伤')).toBeInTheDocument();

    const hz = screen.getByTestId('explain-HAZARDS');
    const links = within(hz).getAllByTestId('record-link-hazard');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/hazards/hz-7', '#/hazards/hz-9']);
    expect(links[0]).toHaveTextContent('YH-2026-007 泵房法兰泄漏');
    expect(within(hz).getByText('重大隐患')).toBeInTheDocument();
    expect(within(hz).getAllByTestId('explain-reason').map((r) => r.textContent)).toEqual([
      `一票否决：${PERIOD}-12 合成车间二楼 发生轻伤事故，安全类项目本月清零`,
      '超过本项封顶 50.00 元，按封顶计发',
    ]);
    expect(hz).toHaveTextContent('单项封顶');

    expect(within(screen.getByTestId('explain-SKILL')).getByTestId('record-link-roster')).toHaveAttribute('href', '#/roster/w2');
    // the grade by its name, not "3 级"
    expect(within(screen.getByTestId('explain-SKILL')).getByTestId('explain-raw')).toHaveTextContent('三级（高级工）');
    expect(within(screen.getByTestId('explain-SKILL')).getByTestId('record-link-roster').closest('tr')).toHaveTextContent('三级（高级工）');
    expect(within(screen.getByTestId('explain-BEHAVIOUR')).getByTestId('explain-reason')).toHaveTextContent('本月无相关记录');
    expect(within(screen.getByTestId('explain-BEHAVIOUR')).getByTestId('explain-raw')).toHaveTextContent('无记录');
  });

  it('the pro rata reason of a worker who left mid-month, in words', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    const ls = lines();
    const run = seedWageRun(be.wageRuns, { period: PERIOD }, ls);
    be.wageRuns.explanations.set(`${run.id}:w3`, {
      line: ls[2]!,
      components: ls[2]!.components.map((c) => ({ code: c.code, records: [], reasons: [{ key: 'wage.run.reason.proRata', params: { worked: 15, of: 30 } }] })),
    });
    renderInProviders(<RunsTab />);
    await u.click(await screen.findByRole('link', { name: '查看 王芳 的核算说明' }));
    await screen.findByTestId('explain');
    expect(screen.getByTestId('explain')).toHaveTextContent('按在册天数折算：15/30 天');
    expect(within(screen.getByTestId('explain-SKILL')).getByTestId('explain-reason')).toHaveTextContent('按在册天数折算：15/30 天');
  });
});

describe('the address, one approved version a month, records changed since, the order of groups', () => {
  it('the month and the open explanation are in the address: opened from it (Back), the drawer shows that month and worker; closing leaves the month', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    const sept = '2026-03';
    seedWageRun(be.wageRuns, { period: sept }, lines());
    seedWageRun(be.wageRuns, { period: PERIOD }, lines());
    history.replaceState(null, '', `#/wage/runs/${sept}/worker/w3`);
    act(() => useRouter.getState().sync());
    renderInProviders(<RunsTab />);
    expect(await screen.findByTestId('explain-title')).toHaveTextContent(`E003 王芳 · ${sept} 核算说明`);
    expect(be.last('wage.runs')).toEqual({ period: sept });
    await u.click(screen.getByRole('button', { name: /^(close|关闭)$/i }));
    await waitFor(() => expect(screen.queryByTestId('explain-title')).toBeNull());
    expect(useRouter.getState().route).toEqual({ page: 'wage', id: `runs/${sept}` });
    // the next month: the address follows
    await u.click(screen.getByRole('button', { name: label('下个月') }));
    expect(useRouter.getState().route).toEqual({ page: 'wage', id: 'runs/2026-04' });
  });

  it('approving a newer version replaces the approved one; it shows what each worker is paid back (补发) or has deducted (扣回), with the total', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    seedWageRun(be.wageRuns, { period: PERIOD, state: 'approved', reviewedBy: '李四', reviewedById: 'op-2', approvedBy: '王主席', approvedById: 'op-admin', approvedAt: '2026-05-03T08:00:00.000Z', reviewedAt: '2026-05-02T08:00:00.000Z' }, lines());
    const next = lines();
    const { components: _c, totalFen: _t, ...zhang0 } = next[0]!;
    next[0] = makeRunLine({ ...zhang0, fen: { SKILL: 12000, SAFE_TIME: 9000, BEHAVIOUR: 1050, HAZARDS: 8000 } }); // +40.00
    const { components: _c2, totalFen: _t2, ...wang0 } = next[2]!;
    next[2] = makeRunLine({ ...wang0, fen: { SKILL: 8000, SAFE_TIME: 2000, BEHAVIOUR: -300, HAZARDS: 0 } }); // -25.00
    seedWageRun(be.wageRuns, { period: PERIOD, state: 'reviewed', reviewedBy: '李四', reviewedById: 'op-2', reviewedAt: '2026-05-04T08:00:00.000Z' }, next);
    renderInProviders(<RunsTab />);
    const settle = await screen.findByTestId('run-settlement');
    expect(settle).toHaveTextContent('与已审批的第 1 版相比：补发 / 扣回');
    await waitFor(() => expect(within(settle).getByTestId('settle-E001')).toHaveTextContent(/^补发40\.00$/));
    expect(within(settle).getByTestId('settle-E003')).toHaveTextContent(/^扣回25\.00$/);
    expect(within(settle).queryByText('李强')).toBeNull();
    expect(within(settle).getByTestId('settle-total')).toHaveTextContent('合计：补发 40.00 元，扣回 25.00 元，净额 +15.00 元（2 人）');

    await u.click(screen.getByTestId('run-approve'));
    await u.click(await popconfirmOk());
    await waitFor(() => expect(within(screen.getByTestId('run-header')).getByTestId('run-state')).toHaveTextContent('已审批'));
    const rows = within(screen.getByTestId('run-versions')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('已审批');
    expect(rows[1]).toHaveTextContent('原审批版，已被新审批版本取代');
    expect(be.wageRuns.runs.filter((r) => r.period === PERIOD && r.state === 'approved')).toHaveLength(1);
    expect(screen.getByTestId('run-settlement')).toHaveTextContent('本版审批后取代它');
    // the old version: no exports, no settlement of its own
    await u.click(within(screen.getByTestId('run-versions')).getByRole('link', { name: '第 1 版' }));
    await waitFor(() => expect(screen.getByTestId('run-version')).toHaveTextContent('第 1 版'));
    expect(screen.queryByTestId('run-settlement')).toBeNull();
    expect(within(screen.getByTestId('run-header')).getByTestId('run-state')).toHaveAttribute('data-state', 'replacedApproved');
  });

  it('records changed since the version was calculated: says which, and offers 重新核算', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    const r = seedWageRun(be.wageRuns, { period: PERIOD, state: 'approved', reviewedBy: '李四', reviewedById: 'op-2', reviewedAt: '2026-05-02T08:00:00.000Z', approvedBy: '王主席', approvedAt: '2026-05-03T08:00:00.000Z' }, lines());
    be.wageRuns.stale.set(r.id, { kinds: ['timekeeping', 'behaviour'] });
    renderInProviders(<RunsTab />);
    const stale = await screen.findByTestId('run-stale');
    expect(stale).toHaveTextContent('第 1 版核算后，本月的记录有改动：工时、行为记录');
    expect(stale).toHaveTextContent('该月已审批：已审批的版本保持锁定');
    await u.click(within(stale).getByTestId('run-stale-recalculate'));
    expect(await screen.findByTestId('recalc-confirm')).toBeInTheDocument();
  });

  it('group totals by team: the workshop first, in the organisation’s order (一 before 二, 甲 before 丙)', async () => {
    const u = user();
    const be = backend();
    effectiveScheme(be);
    const at = (workerId: string, empNo: string, ws: [string, string], team: [string, string]) =>
      makeRunLine({ workerId, empNo, name: empNo, workshopId: ws[0], workshopName: ws[1], teamId: team[0], teamName: team[1], fen: { SKILL: 100 } });
    seedWageRun(be.wageRuns, { period: PERIOD }, [
      at('a', 'E1', ['ws2', '合成二车间'], ['t3', '甲班']),
      at('b', 'E2', ['ws1', '合成一车间'], ['t2', '丙班']),
      at('c', 'E3', ['ws1', '合成一车间'], ['t1', '甲班']),
    ]);
    renderInProviders(<RunsTab />);
    await screen.findByTestId('run-lines');
    await u.click(screen.getByText('按班组'));
    const groups = await screen.findByTestId('groups-team');
    await within(groups).findAllByText('甲班');
    const header = within(groups).getAllByRole('columnheader').map((h) => h.textContent);
    expect(header.slice(0, 2)).toEqual(['车间', '班组']);
    const body = within(groups).getAllByRole('row').slice(1, 4).map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent).join('·'));
    expect(body).toEqual(['合成一车间·甲班', '合成一车间·丙班', '合成二车间·甲班']);
  });
});
