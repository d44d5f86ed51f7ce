// The education page's hours tab (学时与差距) and its home card (issue 10, "Hours per worker against the requirement"):
// the year's figures, the gaps by workshop and team (a row lists that unit only), the workers with their gap, "only
// those below", a worker's training in a drawer with the training file PDF, the requirement table and the sector.
// The channels are answered by handlers set on the fake backend.
import { screen, waitFor, within } from '@testing-library/react';
import { vi } from 'vitest';
import { useRouter } from '../../renderer/src/app/router';
import { useI18n } from '../../renderer/src/i18n';
import { HoursCard } from '../../renderer/src/features/education/hours/HoursCard';
import { HoursTab } from '../../renderer/src/features/education/hours/HoursTab';
import { recordHref } from '../../renderer/src/features/wage/runs/ExplainDrawer';
import { translate } from '../../renderer/src/i18n';
import { INDICATOR_SOURCES } from '../../shared/wage/catalogue';
import type { HoursResult, RequirementsView, WorkerHours, WorkerTraining } from '../../shared/education/hours/types';
import { useSession } from '../../renderer/src/app/session';
import { FakeError, makeOperator, type FakeBackend } from './fakeBackend';
import { fill, label, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(() => resetStores());

const YEAR = new Date().getFullYear();

const row = (o: Partial<WorkerHours> & Pick<WorkerHours, 'workerId' | 'empNo' | 'name'>): WorkerHours => ({
  workshopId: 'ws1',
  workshopName: '合成车间',
  teamId: 't1',
  teamName: '甲班',
  hireDate: `${YEAR}-03-01`,
  isManager: false,
  role: 'new_worker',
  required: 24,
  counted: 8,
  gap: 16,
  applies: true,
  meets: false,
  yearHours: 8,
  meetings: 3,
  ...o,
});

const ROWS = [
  row({ workerId: 'w1', empNo: 'N001', name: '新工甲' }),
  row({ workerId: 'w2', empNo: 'N002', name: '新工乙', counted: 24, gap: 0, meets: true, teamId: 't2', teamName: '乙班' }),
  row({ workerId: 'w3', empNo: 'O001', name: '老工甲', role: 'worker_yearly', required: 0, applies: false, gap: 0, counted: 4 }),
];

function result(input: { onlyGaps?: boolean; teamId?: string | null; search?: string }, rows = ROWS): HoursResult {
  const shown = rows.filter((r) => (!input.onlyGaps || (r.applies && !r.meets)) && (!input.teamId || r.teamId === input.teamId) && (!input.search || r.name.includes(input.search)));
  return {
    year: YEAR,
    sector: 'general',
    asOf: `${YEAR}-06-30`,
    rows: shown,
    total: shown.length,
    page: 1,
    pageSize: 50,
    summary: { workers: rows.length, required: 2, meeting: 1, below: 1, gapHours: 16, personHours: 36 },
    units:
      rows.length === 0
        ? []
        : [
            { unitId: 'ws1', kind: 'workshop', name: '合成车间', parentName: null, workers: 3, required: 2, meeting: 1, below: 1, gapHours: 16 },
            { unitId: 't1', kind: 'team', name: '甲班', parentName: '合成车间', workers: 2, required: 1, meeting: 0, below: 1, gapHours: 16 },
            { unitId: 't2', kind: 'team', name: '乙班', parentName: '合成车间', workers: 1, required: 1, meeting: 1, below: 0, gapHours: 0 },
          ],
  };
}

const REQS: RequirementsView = {
  sector: 'general',
  rows: [
    { sector: 'general', role: 'new_worker', hours: 24, updatedAt: '' },
    { sector: 'general', role: 'worker_yearly', hours: 0, updatedAt: '' },
    { sector: 'general', role: 'manager_first', hours: 32, updatedAt: '' },
    { sector: 'general', role: 'manager_yearly', hours: 12, updatedAt: '' },
    { sector: 'high_risk', role: 'new_worker', hours: 72, updatedAt: '' },
    { sector: 'high_risk', role: 'worker_yearly', hours: 20, updatedAt: '' },
    { sector: 'high_risk', role: 'manager_first', hours: 48, updatedAt: '' },
    { sector: 'high_risk', role: 'manager_yearly', hours: 16, updatedAt: '' },
  ],
};

function backend(rows = ROWS): FakeBackend {
  const be = signedInBackend();
  let reqs = structuredClone(REQS);
  be.on('education.hours', (i) => result(i, rows));
  be.on('education.requirements', () => reqs);
  be.on('education.requirementSave', (i) => {
    if (i.hours === 99) throw new FakeError('FORBIDDEN', 'err.education.hours.editorsOnly');
    reqs = { ...reqs, rows: reqs.rows.map((r) => (r.sector === i.sector && r.role === i.role ? { ...r, hours: i.hours } : r)) };
    return reqs;
  });
  be.on('education.sectorSave', (i) => (reqs = { ...reqs, sector: i.sector }));
  const training: WorkerTraining = {
    year: YEAR,
    hours: ROWS[0]!,
    entries: [
      { activityId: 'a2', kind: 'pre_shift', level: null, title: '班前会', date: `${YEAR}-03-06`, hours: 0.5, score: null, passed: null, host: '班长', unitName: '甲班', content: null, counts: false },
      { activityId: 'a1', kind: 'three_level', level: 'company', title: '厂级安全教育', date: `${YEAR}-03-01`, hours: 8, score: 92, passed: true, host: '安全科', unitName: null, content: null, counts: true },
    ],
  };
  be.on('education.workerTraining', () => training);
  be.on('education.trainingFilePdf', () => ({ fileId: 'f1', fileName: '培训档案 N001 新工甲.pdf', mime: 'application/pdf', bytes: 100 }));
  return be;
}

describe('the hours tab', () => {
  it("the year's figures, the gaps by unit and the workers with their gap; a unit row and 'only those below' filter the list", async () => {
    const u = user();
    const be = backend();
    renderInProviders(<HoursTab />);
    const workers = await screen.findByTestId('hours-workers');
    expect(await within(workers).findByText('新工甲')).toBeInTheDocument();
    expect(screen.getByTestId('hours-summary')).toHaveTextContent('有学时要求2/ 3');
    expect(screen.getByTestId('hours-below')).toHaveTextContent('1');
    expect(screen.getByText(`统计截至 ${YEAR}-06-30`)).toBeInTheDocument();
    const first = within(workers).getByText('N001').closest('tr')!;
    expect(first).toHaveTextContent('新职工三级教育');
    expect(first).toHaveTextContent('16');
    expect(within(workers).getByText('N002').closest('tr')!).toHaveTextContent('已达到');
    expect(within(workers).getByText('O001').closest('tr')!).toHaveTextContent('无固定要求');

    await u.click(within(screen.getByTestId('hours-units')).getByText('乙班'));
    await waitFor(() => expect(be.last('education.hours')).toMatchObject({ year: YEAR, teamId: 't2', workshopId: null, page: 1 }));
    expect(await screen.findByTestId('hours-unit-filter')).toHaveTextContent('范围：合成车间 / 乙班');
    await waitFor(() => expect(within(screen.getByTestId('hours-workers')).queryByText('N001')).not.toBeInTheDocument());

    // the same row again: the whole enterprise
    await u.click(within(screen.getByTestId('hours-units')).getByText('乙班'));
    await waitFor(() => expect(screen.queryByTestId('hours-unit-filter')).not.toBeInTheDocument());
    await u.click(screen.getByRole('checkbox', { name: '只看未达到要求的' }));
    await waitFor(() => expect(be.last('education.hours')).toMatchObject({ onlyGaps: true, teamId: null }));
    await waitFor(() => expect(within(screen.getByTestId('hours-workers')).queryByText('N002')).not.toBeInTheDocument());

    await fill(u, screen.getByRole('searchbox', { name: '搜索姓名或工号' }), ' 新工甲 ');
    await u.keyboard('{Enter}');
    await waitFor(() => expect(be.last('education.hours')).toMatchObject({ search: '新工甲', onlyGaps: true }));
    expect(be.validationFailures()).toEqual([]);
  });

  it('no workers: says what to do', async () => {
    backend([]);
    renderInProviders(<HoursTab />);
    expect(await screen.findByTestId('hours-empty')).toHaveTextContent('先在“花名册”中添加职工');
  });

  it("a worker's training in a drawer: the requirement, every activity, what counts; the training file PDF", async () => {
    const u = user();
    const be = backend();
    renderInProviders(<HoursTab />);
    await u.click(await screen.findByRole('button', { name: '新工甲' }));
    const drawer = await screen.findByTestId('training-drawer');
    expect(screen.getByText('新工甲（N001）的培训档案')).toBeInTheDocument();
    expect(drawer).toHaveTextContent('尚差 16 学时');
    expect(drawer).toHaveTextContent('三级教育（厂级）');
    expect(drawer).toHaveTextContent('班前会');
    expect(within(drawer).getByText('厂级安全教育').closest('a')).toHaveAttribute('href', '#/education/activities/a1');
    expect(within(drawer).getByText('厂级安全教育').closest('tr')).toHaveTextContent('✓');
    expect(within(drawer).getByText('班前会', { selector: 'a' }).closest('tr')).not.toHaveTextContent('✓');
    expect(be.last('education.workerTraining')).toEqual({ workerId: 'w1', year: YEAR });
    // the browser host's download: an anchor clicked (jsdom cannot navigate)
    const clicked: string[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    try {
      await u.click(screen.getByTestId('training-pdf'));
      await waitFor(() => expect(be.last('education.trainingFilePdf')).toEqual({ workerId: 'w1', year: YEAR }));
      await waitFor(() => expect(clicked).toEqual(['培训档案 N001 新工甲.pdf']));
    } finally {
      spy.mockRestore();
    }
  });

  it('the requirement table: a figure saves on Enter, a refusal is shown and the figure goes back; the sector is chosen', async () => {
    const u = user();
    const be = backend();
    renderInProviders(<HoursTab />);
    await u.click(await screen.findByTestId('hours-requirements'));
    const dialog = await screen.findByTestId('requirements-dialog');
    expect(within(dialog).getByTestId('requirements-rules')).toHaveTextContent('班前会按次数记录，不计入学时');
    const cell = within(dialog).getByRole('spinbutton', { name: '一般行业 新职工三级教育' });
    expect(cell).toHaveValue('24.0');
    await u.clear(cell);
    await u.type(cell, '30{Enter}');
    await waitFor(() => expect(be.last('education.requirementSave')).toEqual({ sector: 'general', role: 'new_worker', hours: 30 }));
    const yearly = within(dialog).getByRole('spinbutton', { name: /高危行业.* 职工年度再培训/ });
    await u.clear(yearly);
    await u.type(yearly, '99{Enter}');
    expect(await within(dialog).findByTestId('requirements-error')).toHaveTextContent('只有安全员、工会干部、职业卫生管理员或管理员可以修改学时要求');
    await waitFor(() => expect(yearly).toHaveValue('20.0'));
    // the hours are reloaded after a change
    expect(be.count('education.hours')).toBeGreaterThanOrEqual(2);
    await u.click(within(dialog).getByRole('combobox', { name: '行业类别' }));
    await u.click(await screen.findByTitle('高危行业（矿山、危化品、烟花爆竹、金属冶炼）'));
    await waitFor(() => expect(be.last('education.sectorSave')).toEqual({ sector: 'high_risk' }));
  });
});

describe('who may change the requirements', () => {
  it('a team leader reads the table and the sector but cannot change them (said so)', async () => {
    const u = user();
    const be = backend();
    const tl = makeOperator({ id: 'op-tl', name: '孙班长', roles: ['team_leader'] });
    be.operators.push(tl);
    useSession.setState({ operator: { ...tl, hasPin: false } as never });
    renderInProviders(<HoursTab />);
    await u.click(await screen.findByTestId('hours-requirements'));
    const dialog = await screen.findByTestId('requirements-dialog');
    expect(within(dialog).getByTestId('requirements-readonly')).toHaveTextContent('只有安全员、工会干部、职业卫生管理员或管理员可以修改学时要求和行业类别');
    expect(within(dialog).getByRole('spinbutton', { name: '一般行业 新职工三级教育' })).toBeDisabled();
    expect(within(dialog).getByRole('combobox', { name: '行业类别' })).toBeDisabled();
  });
});

describe('the home card', () => {
  it('workers below the requirement this year in red, the hours missing, the units with the largest gaps; opens the tab', async () => {
    const u = user();
    const be = backend();
    renderInProviders(<HoursCard />);
    expect(await screen.findByTestId('edu-hours-card-below')).toHaveTextContent('1');
    expect(screen.getByTestId('edu-hours-card')).toHaveTextContent(`安全教育学时 · ${YEAR}`);
    expect(screen.getByTestId('edu-hours-card')).toHaveTextContent('有要求的 2 人中');
    expect(screen.getByTestId('edu-hours-card-gap')).toHaveTextContent('16');
    expect(screen.getByTestId('edu-hours-card-worst')).toHaveTextContent('差距最大：合成车间 16、甲班 16');
    expect(be.last('education.hours')).toMatchObject({ year: YEAR, onlyGaps: true, pageSize: 1 });
    await u.click(screen.getByRole('button', { name: label('查看学时与差距') }));
    expect(useRouter.getState().route).toEqual({ page: 'education', id: 'hours' });
  });
  it('in English the largest gaps are listed with ", " (not the Chinese 、)', async () => {
    backend();
    useI18n.setState({ locale: 'en' });
    renderInProviders(<HoursCard />);
    expect(await screen.findByTestId('edu-hours-card-worst')).toHaveTextContent('Largest gaps: 合成车间 16, 甲班 16');
  });
});

describe("the wage module's source 'training.hours'", () => {
  it('is offered by name, and a training record in an explanation opens its activity', () => {
    expect(INDICATOR_SOURCES).toContain('training.hours');
    expect(translate('zh-CN', 'wage.indicatorSource.training.hours')).toBe('安全教育培训学时（不含班前会）');
    expect(translate('en', 'wage.indicatorSource.training.hours')).toBe('Safety training hours (pre-shift meetings excepted)');
    expect(recordHref({ kind: 'training', id: 'a1', date: '2025-05-10', label: '年度再培训', value: 6 }, '2025-05')).toBe('#/education/activities/a1');
  });
});
