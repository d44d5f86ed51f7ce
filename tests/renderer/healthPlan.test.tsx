// The health plan's UI (issue 10, HEALTH-PLAN): the due list with its alert counts as filters (the overdue kinds in
// red) and its empty state; exposures (add by dialog — nothing sent while a field is missing —, delete with undo,
// "按花名册生成" previewed before anything is written, the words it cannot match listed); the interval table (the GBZ 188
// marks, an edit, a synonym refused under its field) and the women's settings; the home card; and the roster's worker
// form asking before 离职 when the exit exam is missing.
import { screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../renderer/src/app/router';
import { DueSection } from '../../renderer/src/features/health/plan/DueSection';
import { ExposuresSection } from '../../renderer/src/features/health/plan/ExposuresSection';
import { FactorsTab } from '../../renderer/src/features/health/plan/FactorsTab';
import { HealthCard } from '../../renderer/src/features/health/plan/HealthCard';
import { WorkerForm } from '../../renderer/src/features/roster/WorkerForm';
import { makeWorker } from './fakeBackend';
import { label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { dueRow, exposure, installHealthPlanFake } from './healthPlanFake';
import { modal, units } from './rosterFixtures';

beforeEach(resetStores);

const DUE = [
  dueRow({ empNo: 'W001', name: '张三', alert: 'periodic_overdue', dueDate: '2026-04-20', days: -11, factorName: '噪声（≥ 85 dB(A)）', lastDate: '2025-04-20' }),
  dueRow({ empNo: 'W002', name: '李四', alert: 'periodic_due', dueDate: '2026-05-15', days: 14, factorName: '苯' }),
  dueRow({ empNo: 'W003', name: '王芳', gender: 'F', alert: 'women_due', dueDate: '2026-05-20', days: 19, screening: true }),
  dueRow({ empNo: 'W005', name: '孙八', alert: 'contraindication', dueDate: '2026-04-01', days: -30, factorName: '噪声（≥ 85 dB(A)）', detail: '高血压' }),
];

describe('the due list', () => {
  it('shows the alerts with counts per kind (urgent kinds red); a count filters; the quarter xlsx is exported', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, { due: DUE });
    const u = user();
    renderInProviders(<DueSection />);
    expect(await screen.findByText('张三')).toBeInTheDocument();
    const all = screen.getByTestId('health-alert-all');
    expect(all).toHaveTextContent('全部提醒 4');
    const over = screen.getByTestId('health-alert-periodic_overdue');
    expect(over).toHaveTextContent('在岗体检已逾期 1');
    expect(over).toHaveAttribute('data-urgent', 'true');
    expect(over).toHaveClass('ant-btn-dangerous');
    expect(screen.getByTestId('health-alert-periodic_due')).toHaveAttribute('data-urgent', 'false');
    expect(all).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByTestId('health-alert-exit')).toBeNull();
    expect(screen.getByText('逾期 11 天')).toBeInTheDocument();
    expect(screen.getByText('含两癌筛查')).toBeInTheDocument();
    expect(screen.getByText('高血压')).toBeInTheDocument();
    // keyboard: the counts are buttons
    screen.getByTestId('health-alert-contraindication').focus();
    await u.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByText('张三')).toBeNull());
    expect(screen.getByTestId('health-alert-contraindication')).toHaveAttribute('aria-pressed', 'true');
    expect(be.last('health.due')).toMatchObject({ kind: 'contraindication' });
    expect(screen.getByText('孙八')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: /导出本季度体检计划/ }));
    await waitFor(() => expect(be.count('health.dueQuarterXlsx')).toBe(1));
  });

  it('with no alerts says what to do', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be);
    renderInProviders(<DueSection />);
    expect(await screen.findByText(/先在“接触登记”中登记职工接触的危害因素/)).toBeInTheDocument();
  });

  it('with no alerts but exposures recorded, the "record them first" hint gives way to when alerts show', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, { exposures: [exposure({ id: 'x-1', empNo: 'W001', name: '张三', factorName: '噪声' })] });
    renderInProviders(<DueSection />);
    await waitFor(() => expect(screen.getByTestId('health-due-empty')).toHaveTextContent('目前没有需要提醒的体检：体检在应检日期前 30 天起出现在这里。'));
    expect(screen.queryByText(/先在“接触登记”中登记/)).toBeNull();
  });
});

/** Types a date into an antd DatePicker (its text selected on focus) and commits it with Enter. */
async function typeDate(u: ReturnType<typeof user>, input: HTMLInputElement, text: string) {
  await u.click(input);
  await u.clear(input);
  await u.type(input, text);
  const openPopup = '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)';
  await waitFor(() => expect(document.querySelector(`${openPopup} .ant-picker-cell-selected[title="${text}"]`)).not.toBeNull());
  await u.keyboard('{Enter}');
  await waitFor(() => expect(document.querySelector(openPopup)).toBeNull());
  expect(input).toHaveValue(text);
}

describe('exposures', () => {
  it('add: nothing is sent while the worker or factor is missing; then saved', async () => {
    const be = signedInBackend({ workers: [makeWorker({ id: 'w-1', empNo: 'W001', name: '张三' })] });
    const st = installHealthPlanFake(be);
    const u = user();
    renderInProviders(<ExposuresSection canWrite />);
    expect(await screen.findByText(/还没有接触登记/)).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: label('登记接触') }));
    const dlg = await screen.findByRole('dialog');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(within(dlg).getAllByText('必填').length).toBeGreaterThanOrEqual(2));
    expect(be.count('health.exposureAdd')).toBe(0);
    await u.click(within(dlg).getByLabelText('职工'));
    await u.click(await screen.findByText(/张三 · W001/));
    await u.click(within(dlg).getByLabelText('危害因素'));
    await u.click(await screen.findByText('苯', { selector: '.ant-select-item-option-content' }));
    await u.type(within(dlg).getByLabelText('岗位'), '配料岗');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('health.exposureAdd')).toBe(1));
    expect(be.last('health.exposureAdd')).toMatchObject({ workerId: 'w-1', factorId: 'f-BENZENE', post: '配料岗' });
    expect(st.exposures).toHaveLength(1);
    expect(await screen.findByText('配料岗')).toBeInTheDocument();
  });

  it('a start before 2000 or more than a year ahead is refused on its field; nothing is sent', async () => {
    const be = signedInBackend({ workers: [makeWorker({ id: 'w-1', empNo: 'W001', name: '张三' })] });
    installHealthPlanFake(be);
    const u = user();
    renderInProviders(<ExposuresSection canWrite />);
    await u.click(await screen.findByRole('button', { name: label('登记接触') }));
    const dlg = await screen.findByRole('dialog');
    await u.click(within(dlg).getByLabelText('职工'));
    await u.click(await screen.findByText(/张三 · W001/));
    await u.click(within(dlg).getByLabelText('危害因素'));
    await u.click(await screen.findByText('苯', { selector: '.ant-select-item-option-content' }));
    const start = within(dlg).getByLabelText('开始接触日期') as HTMLInputElement;
    await typeDate(u, start, '2099-01-01');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('开始日期最多可提前一年登记（计划中的接触），请核对年份')).toBeInTheDocument();
    await typeDate(u, start, '1999-12-31');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('日期不能早于 2000-01-01')).toBeInTheDocument();
    expect(be.count('health.exposureAdd')).toBe(0);
  });

  it('no current exposure but ended ones: says so and where to see them (not "no exposures yet")', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, { exposures: [exposure({ id: 'x-1', empNo: 'W001', name: '张三', factorName: '噪声', endDate: '2025-06-30' })] });
    const u = user();
    renderInProviders(<ExposuresSection canWrite />);
    await waitFor(() => expect(screen.getByTestId('health-exp-empty')).toHaveTextContent('目前没有在岗接触：已登记的接触都已结束。选“全部（含已结束）”查看已结束的接触。'));
    expect(screen.queryByText(/还没有接触登记/)).toBeNull();
    await u.click(screen.getByText('全部（含已结束）'));
    expect(await screen.findByText('2025-06-30')).toBeInTheDocument();
  });

  it('delete offers an undo that restores it', async () => {
    const be = signedInBackend();
    const st = installHealthPlanFake(be, { exposures: [exposure({ id: 'x-1', empNo: 'W001', name: '张三', factorName: '苯' })] });
    const u = user();
    renderInProviders(<ExposuresSection canWrite />);
    await u.click(await screen.findByRole('button', { name: '删除 张三 苯' }));
    await waitFor(() => expect(st.exposures[0]!.deletedAt).not.toBeNull());
    await u.click(await screen.findByRole('button', { name: label('撤销') }));
    await waitFor(() => expect(be.count('health.exposureRestore')).toBe(1));
    expect(st.exposures[0]!.deletedAt).toBeNull();
  });

  it('按花名册生成: a preview first (dryRun), the unmatched words listed; generated on confirm', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, {
      fromRoster: { created: 5, workers: 3, existing: 1, withoutHireDate: 1, unmatched: [{ word: '高温', workers: 2, ambiguous: false }, { word: '噪声x', workers: 1, ambiguous: true }] },
    });
    const u = user();
    renderInProviders(<ExposuresSection canWrite />);
    await u.click(await screen.findByRole('button', { name: label('按花名册生成') }));
    const preview = await screen.findByTestId('health-roster-preview');
    expect(be.last('health.exposuresFromRoster')).toEqual({ dryRun: true });
    expect(preview).toHaveTextContent('将为 3 名职工新建 5 条接触记录');
    expect(preview).toHaveTextContent('其中 1 名职工没有入职日期');
    expect(preview).toHaveTextContent('高温（2 人）');
    expect(preview).toHaveTextContent('噪声x（1 人，对应多个因素）');
    await u.click(within(modal()).getByRole('button', { name: label('生成') }));
    await waitFor(() => expect(be.count('health.exposuresFromRoster')).toBe(2));
    expect(be.last('health.exposuresFromRoster')).toEqual({ dryRun: false });
    expect(await screen.findByText('已生成 5 条接触记录')).toBeInTheDocument();
  });

  it('a reader sees no write buttons', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, { exposures: [exposure({ id: 'x-1', empNo: 'W001', name: '张三', factorName: '苯' })] });
    renderInProviders(<ExposuresSection canWrite={false} />);
    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: label('登记接触') })).toBeNull();
    expect(screen.queryByRole('button', { name: '删除 张三 苯' })).toBeNull();
  });
});

describe('the interval table', () => {
  it('marks the GBZ 188 defaults; an edit is saved; a taken synonym is refused under its field', async () => {
    const be = signedInBackend();
    const st = installHealthPlanFake(be);
    const u = user();
    renderInProviders(<FactorsTab />);
    expect(await screen.findByText('CO')).toBeInTheDocument();
    expect(screen.getAllByTestId('health-factor-seeded')).toHaveLength(10);
    expect(screen.getAllByText('GBZ 188 默认值，请对照 GBZ 188 核对')).toHaveLength(10);
    expect(screen.getAllByText('36 个月')).toHaveLength(2);
    await u.click(screen.getByRole('button', { name: '编辑 CO' }));
    const dlg = await screen.findByRole('dialog');
    const interval = within(dlg).getByLabelText('在岗体检周期（月）');
    await u.clear(interval);
    await u.type(interval, '24');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('health.factorSave')).toBe(1));
    expect(st.factors.find((f) => f.code === 'CO')!.intervalMonths).toBe(24);

    await u.click(await screen.findByRole('button', { name: '编辑 LEAD' }));
    const dlg2 = await screen.findByRole('dialog');
    const syn = within(dlg2).getByLabelText(/同义词/);
    await u.type(syn, '苯{enter}');
    await u.click(within(dlg2).getByRole('button', { name: label('保存') }));
    expect(await screen.findByText('同义词“苯”已属于“苯”，一个词只能对应一个因素')).toBeInTheDocument();
    expect(await within(dlg2).findByText('有同义词已属于另一危害因素')).toBeInTheDocument();
  });

  it('an interval out of range (0, 121, 1.5) is refused on its field, never turned into another number', async () => {
    const be = signedInBackend();
    const st = installHealthPlanFake(be);
    const u = user();
    renderInProviders(<FactorsTab />);
    await u.click(await screen.findByRole('button', { name: '编辑 CO' }));
    const dlg = await screen.findByRole('dialog');
    const interval = within(dlg).getByLabelText('在岗体检周期（月）');
    for (const typed of ['0', '121', '1.5']) {
      await u.clear(interval);
      await u.type(interval, typed);
      await u.tab();
      expect(interval).toHaveValue(typed);
      await u.click(within(dlg).getByRole('button', { name: label('保存') }));
      expect(await within(dlg).findByText('体检周期应为 1–120 个月的整数')).toBeInTheDocument();
    }
    expect(be.count('health.factorSave')).toBe(0);
    expect(st.factors.find((f) => f.code === 'CO')!.intervalMonths).not.toBe(1);
    // the women's settings too
    const box = screen.getByTestId('health-women');
    const months = within(box).getByLabelText('体检周期（月）');
    await waitFor(() => expect(months).toHaveValue('24'));
    await u.clear(months);
    await u.type(months, '0');
    await u.tab();
    expect(months).toHaveValue('0');
  });

  it("the women's settings are read and saved", async () => {
    const be = signedInBackend();
    const st = installHealthPlanFake(be);
    const u = user();
    renderInProviders(<FactorsTab />);
    const box = await screen.findByTestId('health-women');
    const age = within(box).getByLabelText('两癌筛查起始年龄');
    await waitFor(() => expect(age).toHaveValue('35'));
    await u.clear(age);
    await u.type(age, '40');
    await u.click(within(box).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(st.women).toEqual({ intervalMonths: 24, screeningFromAge: 40 }));
  });
});

describe('the home card', () => {
  it('counts per alert kind, the urgent ones red; opens the plan', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be, { due: DUE });
    const u = user();
    renderInProviders(<HealthCard />);
    expect(await screen.findByTestId('health-card-periodic_overdue')).toHaveTextContent('在岗体检已逾期 1');
    expect(screen.getByTestId('health-card-periodic_overdue')).toHaveStyle({ color: '#cf1322' });
    expect(screen.getByTestId('health-card-women_due')).toHaveTextContent('女职工体检即将到期 1');
    expect(screen.getByTestId('health-card')).toHaveStyle({ borderTop: '3px solid #cf1322' });
    await u.click(screen.getByRole('button', { name: label('打开体检计划') }));
    expect(useRouter.getState().route).toEqual({ page: 'health', id: null });
  });

  it('none: says so', async () => {
    const be = signedInBackend();
    installHealthPlanFake(be);
    renderInProviders(<HealthCard />);
    expect(await screen.findByTestId('health-card-none')).toHaveTextContent('目前没有到期或逾期的体检');
  });
});

describe('the roster asks before 离职 without the exit exam', () => {
  const zhang = makeWorker({ id: 'w-1', empNo: 'E001', name: '张三', orgUnitId: 'u-tm', workshopId: 'u-ws', teamId: 'u-tm' });
  const setLeft = async () => {
    const u = user();
    const onSaved = vi.fn();
    renderInProviders(<WorkerForm worker={zhang} units={units} onClose={vi.fn()} onSaved={onSaved} />);
    const dlg = await screen.findByRole('dialog');
    await u.click(within(dlg).getByRole('radio', { name: '离职' }));
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    return { u, onSaved };
  };

  it('an exposed worker without the exit exam: asked; "先安排体检" saves nothing, "仍设为离职" saves', async () => {
    const be = signedInBackend({ workers: [zhang], units });
    installHealthPlanFake(be, { exit: { 'w-1': { workerId: 'w-1', needed: true, factorNames: ['噪声（≥ 85 dB(A)）', '苯'], lastExitExam: null } } });
    const { u, onSaved } = await setLeft();
    expect(await screen.findByTestId('exit-exam-warning')).toHaveTextContent('张三 接触 噪声（≥ 85 dB(A)）、苯，尚无离岗时职业健康检查记录');
    await u.click(screen.getByRole('button', { name: label('先安排体检') }));
    await waitFor(() => expect(screen.queryByTestId('exit-exam-warning')).toBeNull());
    expect(be.count('workers.update')).toBe(0);
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: label('保存') }));
    await u.click(await screen.findByRole('button', { name: label('仍设为离职') }));
    await waitFor(() => expect(be.count('workers.update')).toBe(1));
    expect(be.last('workers.update')).toMatchObject({ id: 'w-1', data: { status: 'left' } });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('no exit exam needed: saved without asking', async () => {
    const be = signedInBackend({ workers: [zhang], units });
    installHealthPlanFake(be);
    await setLeft();
    await waitFor(() => expect(be.count('workers.update')).toBe(1));
    expect(be.count('health.exitCheck')).toBe(1);
    expect(screen.queryByTestId('exit-exam-warning')).toBeNull();
  });
});

