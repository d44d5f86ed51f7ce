// The health page's exams tab (issue 10, HEALTH-EXAMS): the batch list's empty state, a new batch (checked before it is
// sent) opening itself, the exam grid filled by keyboard (1–5 choose the conclusion, the conclusion's own fields appear,
// a refusal names the worker, Ctrl+S saves), delete with undo, and the notice other operators see instead of the results.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../renderer/src/app/router';
import { ExamImportDialog } from '../../renderer/src/features/health/exams/ExamImportDialog';
import { ExamsTab } from '../../renderer/src/features/health/exams/ExamsTab';
import { WorkerDrawer } from '../../renderer/src/features/roster/WorkerDrawer';
import type { BatchDetail, Exam, ExamBatch, ExamImportPreview } from '../../shared/health/exams/types';
import { FACTOR_SEEDS } from '../../shared/health/kinds';
import { makeOperator, makeWorker, type FakeBackend } from './fakeBackend';
import { button, fill, label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { pick } from './hazardFixtures';

beforeEach(() => resetStores());

const FACTORS = FACTOR_SEEDS.map((f, i) => ({ id: `f-${i}`, code: f.code, name: f.name, levelNote: f.levelNote }));
const at = { workshopId: 'u-ws', workshopName: '合成车间', teamId: 'u-t1', teamName: '甲班' };
const WORKERS = [makeWorker({ id: 'w-1', empNo: 'W001', name: '张三', ...at }), makeWorker({ id: 'w-2', empNo: 'W002', name: '李四', ...at })];
const zero = { normal: 0, recheck: 0, suspected: 0, contraindication: 0, other: 0 };

/** The exams channels in memory, enough for the tab: batches, exams by worker, delete / restore. */
function fakeHealth(be: FakeBackend, exposed: Record<string, string[]> = {}) {
  const batches: ExamBatch[] = [];
  const exams: Exam[] = [];
  let n = 0;
  const detail = (id: string): BatchDetail => ({ batch: batches.find((b) => b.id === id)!, exams: exams.filter((e) => e.batchId === id) });
  be.on('health.examFactors', () => FACTORS)
    .on('health.batchWorkerFactors', (i) => Object.fromEntries(i.workerIds.map((w) => [w, exposed[w] ?? []])))
    .on('health.batches', (q) => {
      const rows = batches.filter((b) => (q.deleted ? b.deletedAt : !b.deletedAt));
      return { rows, total: rows.length };
    })
    .on('health.batch', (i) => detail(i.id))
    .on('health.batchCreate', (i) => {
      const b: ExamBatch = { id: `b-${++n}`, ...i, reportName: null, source: 'manual', fileName: null, enteredByName: '王主席', examCount: 0, conclusions: { ...zero }, updatedAt: '', deletedAt: null };
      batches.push(b);
      return b;
    })
    .on('health.examsSave', (i) =>
      i.exams.map((x) => {
        const w = WORKERS.find((y) => y.id === x.workerId)!;
        const b = batches.find((y) => y.id === i.batchId)!;
        const old = exams.findIndex((e) => e.batchId === i.batchId && e.workerId === x.workerId);
        const e: Exam = { id: old >= 0 ? exams[old]!.id : `e-${++n}`, batchId: b.id, empNo: w.empNo, name: w.name, gender: w.gender, workshopName: w.workshopName, teamName: w.teamName, date: b.date, kind: b.kind, ...x, factorNames: x.factorIds.map((f) => FACTORS.find((y) => y.id === f)!.name), updatedAt: '', deletedAt: null };
        if (old >= 0) exams[old] = e;
        else exams.push(e);
        return e;
      }),
    )
    .on('health.examDelete', (i) => {
      exams.find((e) => e.id === i.id)!.deletedAt = 'now';
      return { deleted: true };
    })
    .on('health.examRestore', (i) => {
      const e = exams.find((x) => x.id === i.id)!;
      e.deletedAt = null;
      return e;
    });
  return { batches, exams };
}

describe('health exams tab', () => {
  it('empty list says what to do; a new batch is checked before sending and opens once saved', async () => {
    const be = signedInBackend({ workers: WORKERS });
    const mem = fakeHealth(be);
    const u = user();
    renderInProviders(<ExamsTab />);
    expect(await screen.findByText(/还没有体检记录。点“新建体检批次”逐人录入/)).toBeInTheDocument();
    await u.click(screen.getByTestId('health-new-batch'));
    const dialog = await screen.findByRole('dialog');
    await u.click(within(dialog).getByRole('button', { name: label('保存') }));
    expect(await within(dialog).findByText('必填')).toBeInTheDocument();
    expect(be.count('health.batchCreate')).toBe(0);
    await fill(u, within(dialog).getByLabelText('体检机构'), '泰州市职业病防治所');
    await u.click(within(dialog).getByRole('radio', { name: '上岗前' }));
    await u.click(within(dialog).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('health.batchCreate')).toBe(1));
    expect(be.last('health.batchCreate')).toMatchObject({ institution: '泰州市职业病防治所', kind: 'pre_job', reportId: null });
    await waitFor(() => expect(useRouter.getState().route).toEqual({ page: 'health', id: `exams/batch/${mem.batches[0]!.id}` }));
  });

  it('the grid: workers added, conclusions chosen by keys 1–5, their fields filled, a refusal names the worker, Ctrl+S saves; delete with undo', async () => {
    const be = signedInBackend({ workers: WORKERS });
    // 张三 is exposed to noise ≥ 85 dB(A) (f-0): his row starts with it; 李四 has no exposure
    const mem = fakeHealth(be, { 'w-1': ['f-0'] });
    mem.batches.push({ id: 'b-0', date: '2026-03-10', institution: '职防所', kind: 'periodic', reportId: null, reportName: null, source: 'manual', fileName: null, note: null, enteredByName: '王主席', examCount: 0, conclusions: { ...zero }, updatedAt: '', deletedAt: null });
    act(() => useRouter.setState({ route: { page: 'health', id: 'exams/batch/b-0' } }));
    const u = user();
    renderInProviders(<ExamsTab />);
    expect(await screen.findByTestId('health-batch-title')).toHaveTextContent('2026-03-10 职防所 在岗期间');
    // the hint names the real controls
    expect(screen.getByText('本批次还没有体检结果。在上方搜索框按姓名或工号选人，点“加入表格”，再逐人填写结论。')).toBeInTheDocument();
    expect(button('加入表格')).toBeInTheDocument();
    const adder = screen.getByRole('combobox', { name: '添加受检职工' });
    await pick(u, adder, '张三 · W001 · 合成车间');
    await pick(u, adder, '李四 · W002 · 合成车间');
    await u.click(screen.getByTestId('health-exam-add'));
    expect(await screen.findAllByText('未保存')).toHaveLength(2);
    await waitFor(() => expect(be.last('health.batchWorkerFactors')).toEqual({ batchId: 'b-0', workerIds: ['w-1', 'w-2'] }));
    expect(await within(screen.getByTestId('health-exam-factors-W001')).findByText('噪声（≥ 85 dB(A)）')).toBeInTheDocument();

    // keys in the conclusion cell: 2 is 复查 (its fields appear), 4 is 职业禁忌证
    fireEvent.keyDown(screen.getByRole('combobox', { name: '结论 张三' }), { key: '2' });
    expect(await screen.findByLabelText('复查项目 张三')).toBeInTheDocument();
    fireEvent.keyDown(screen.getByRole('combobox', { name: '结论 李四' }), { key: '4' });
    await fill(u, await screen.findByLabelText('禁忌证名称 李四'), '高血压');
    // the recheck lacks its items and date, 李四's periodic exam names no factor: each cell says so, nothing is sent
    await u.click(button('保存 2 条修改'));
    expect(await screen.findByText('W001 张三：请填写复查项目（另有 1 行有问题，已标红）')).toBeInTheDocument();
    expect(screen.getByTestId('health-exam-error-recheckItems-W001')).toHaveTextContent('请填写复查项目');
    expect(screen.getByTestId('health-exam-error-recheckDue-W001')).toHaveTextContent('请填写复查期限');
    expect(screen.getByTestId('health-exam-error-factors-W002')).toHaveTextContent('上岗前和在岗期间体检须填写检查的危害因素');
    expect(be.count('health.examsSave')).toBe(0);
    expect(mem.exams).toHaveLength(0);
    await pick(u, screen.getByRole('combobox', { name: '检查的危害因素 李四' }), '苯');
    await waitFor(() => expect(screen.queryByTestId('health-exam-error-factors-W002')).toBeNull());
    await fill(u, screen.getByLabelText('复查项目 张三'), '纯音听阈测试');
    const due = screen.getByLabelText('复查期限 张三');
    await u.click(due);
    await u.paste('2026-05-10');
    await u.keyboard('{Enter}');
    fireEvent.keyDown(screen.getByLabelText('复查项目 张三'), { key: 's', ctrlKey: true });
    await waitFor(() => expect(mem.exams).toHaveLength(2));
    expect(be.last('health.examsSave')).toEqual({
      batchId: 'b-0',
      exams: [
        { workerId: 'w-1', factorIds: ['f-0'], conclusion: 'recheck', recheckItems: '纯音听阈测试', recheckDue: '2026-05-10', contraindication: '', detail: '', screening: false },
        { workerId: 'w-2', factorIds: ['f-3'], conclusion: 'contraindication', recheckItems: '', recheckDue: null, contraindication: '高血压', detail: '', screening: false },
      ],
    });
    expect(await screen.findByText('已保存 2 人的体检结果')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('未保存')).toBeNull());

    // delete with undo
    await u.click(screen.getByRole('button', { name: '删除 李四' }));
    await u.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: label('删除') }));
    await waitFor(() => expect(be.count('health.examDelete')).toBe(1));
    await u.click(await screen.findByRole('button', { name: label('撤销') }));
    await waitFor(() => expect(be.last('health.examRestore')).toEqual({ id: mem.exams[1]!.id }));
  });

  it('leaving a batch with unsaved rows asks: cancel stays, save saves then leaves, discard leaves without saving', async () => {
    const be = signedInBackend({ workers: WORKERS });
    const mem = fakeHealth(be, { 'w-1': ['f-0'] });
    mem.batches.push({ id: 'b-0', date: '2026-03-10', institution: '职防所', kind: 'periodic', reportId: null, reportName: null, source: 'manual', fileName: null, note: null, enteredByName: '王主席', examCount: 0, conclusions: { ...zero }, updatedAt: '', deletedAt: null });
    act(() => useRouter.getState().navigate({ page: 'health', id: 'exams/batch/b-0' }));
    const u = user();
    renderInProviders(<ExamsTab />);
    await screen.findByTestId('health-batch-title');
    // a conclusion chosen (unsaved): the back button asks; cancel stays with the row kept
    await pick(u, screen.getByRole('combobox', { name: '添加受检职工' }), '张三 · W001 · 合成车间');
    await u.click(screen.getByTestId('health-exam-add'));
    fireEvent.keyDown(await screen.findByRole('combobox', { name: '结论 张三' }), { key: '1' });
    await u.click(screen.getByRole('button', { name: /返回批次列表/ }));
    const ask = await screen.findByRole('dialog');
    expect(ask).toHaveTextContent('有 1 行体检结果未保存');
    expect(useRouter.getState().route).toEqual({ page: 'health', id: 'exams/batch/b-0' });
    await u.click(within(ask).getByRole('button', { name: label('取消，留在本页') }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('未保存')).toBeInTheDocument();
    // another page (the sidebar, a link): asked too; save then leave
    act(() => useRouter.getState().navigate({ page: 'roster', id: null }));
    const ask2 = await screen.findByRole('dialog');
    expect(ask2).toHaveTextContent('有 1 行体检结果未保存');
    expect(useRouter.getState().route.page).toBe('health');
    await u.click(within(ask2).getByRole('button', { name: label('保存并离开') }));
    await waitFor(() => expect(useRouter.getState().route).toEqual({ page: 'roster', id: null }));
    expect(be.last('health.examsSave')).toMatchObject({ batchId: 'b-0', exams: [{ workerId: 'w-1', factorIds: ['f-0'], conclusion: 'normal' }] });
    expect(useRouter.getState().leaveGuard).toBeNull();
  });

  it('discard leaves without saving; the browser going back is asked about too', async () => {
    const be = signedInBackend({ workers: WORKERS });
    const mem = fakeHealth(be, { 'w-1': ['f-0'] });
    mem.batches.push({ id: 'b-0', date: '2026-03-10', institution: '职防所', kind: 'periodic', reportId: null, reportName: null, source: 'manual', fileName: null, note: null, enteredByName: '王主席', examCount: 0, conclusions: { ...zero }, updatedAt: '', deletedAt: null });
    act(() => useRouter.getState().navigate({ page: 'health', id: 'exams/batch/b-0' }));
    const u = user();
    renderInProviders(<ExamsTab />);
    await screen.findByTestId('health-batch-title');
    await pick(u, screen.getByRole('combobox', { name: '添加受检职工' }), '张三 · W001 · 合成车间');
    await u.click(screen.getByTestId('health-exam-add'));
    await screen.findByText('未保存');
    // an address typed (a hash change): the batch's address comes back, and the question is asked
    window.location.hash = '#/health/exams';
    act(() => useRouter.getState().sync());
    const ask = await screen.findByRole('dialog');
    expect(ask).toHaveTextContent('有 1 行体检结果未保存');
    expect(window.location.hash).toBe('#/health/exams/batch/b-0');
    await u.click(within(ask).getByRole('button', { name: label('放弃修改并离开') }));
    await waitFor(() => expect(useRouter.getState().route).toEqual({ page: 'health', id: 'exams' }));
    expect(be.count('health.examsSave')).toBe(0);
  });

  it('a batch opened for one worker (from the due list) marks and shows that worker’s row', async () => {
    const be = signedInBackend({ workers: WORKERS });
    const mem = fakeHealth(be);
    mem.batches.push({ id: 'b-0', date: '2026-03-10', institution: '职防所', kind: 'periodic', reportId: null, reportName: null, source: 'manual', fileName: null, note: null, enteredByName: '王主席', examCount: 2, conclusions: { ...zero, normal: 1, contraindication: 1 }, updatedAt: '', deletedAt: null });
    const base = { batchId: 'b-0', gender: 'M' as const, ...at, date: '2026-03-10', kind: 'periodic' as const, factorIds: ['f-0'], factorNames: ['噪声'], recheckItems: null, recheckDue: null, detail: null, screening: false, updatedAt: '', deletedAt: null };
    mem.exams.push({ ...base, id: 'e-1', workerId: 'w-1', empNo: 'W001', name: '张三', conclusion: 'normal', contraindication: null });
    mem.exams.push({ ...base, id: 'e-2', workerId: 'w-2', empNo: 'W002', name: '李四', conclusion: 'contraindication', contraindication: '高血压' });
    act(() => useRouter.getState().navigate({ page: 'health', id: 'exams/batch/b-0/w-2' }));
    renderInProviders(<ExamsTab />);
    const row = await screen.findByTestId('health-exam-focus-row');
    expect(row).toHaveTextContent('W002 李四');
    expect(row).toHaveTextContent('待处理');
    expect(row).toHaveClass('health-exam-focus');
    expect(screen.getAllByText('待处理')).toHaveLength(1);
  });

  it('the batch dialog keeps a date in the future or before 2000 and says why on the field; the report is chosen by the app’s own button', async () => {
    const be = signedInBackend({ workers: WORKERS });
    fakeHealth(be);
    const u = user();
    renderInProviders(<ExamsTab />);
    await u.click(await screen.findByTestId('health-new-batch'));
    const dialog = await screen.findByRole('dialog');
    await fill(u, within(dialog).getByLabelText('体检机构'), '职防所');
    const date = within(dialog).getByLabelText('体检日期');
    for (const [typed, said] of [
      ['2099-06-01', '日期不能晚于今天'],
      ['1995-06-01', '体检日期不能早于 2000-01-01'],
    ] as const) {
      await u.clear(date);
      await u.type(date, typed);
      await u.keyboard('{Enter}');
      await u.click(within(dialog).getByRole('button', { name: label('保存') }));
      expect(await within(dialog).findByText(said)).toBeInTheDocument();
      expect(date).toHaveValue(typed);
    }
    expect(be.count('health.batchCreate')).toBe(0);
    expect(within(dialog).getByRole('button', { name: /上传报告（PDF、图片或 Word）/ })).toBeInTheDocument();
    expect(within(dialog).getByTestId('health-batch-report-input')).toHaveStyle({ display: 'none' });
  });

  it('other operators (a team leader) see why the exam results are not shown, and nothing is asked of the backend', async () => {
    const reader = makeOperator({ id: 'op-tl', workerId: 'w-2', name: '李四', roles: ['team_leader'] });
    const be = signedInBackend({ workers: WORKERS, operators: [reader] }, 'op-tl');
    const mem = fakeHealth(be);
    mem.batches.push({ id: 'b-0', date: '2026-03-10', institution: '职防所', kind: 'women', reportId: null, reportName: null, source: 'import', fileName: '结果.xlsx', note: null, enteredByName: '王主席', examCount: 1, conclusions: { ...zero, other: 1 }, updatedAt: '', deletedAt: null });
    const u = user();
    act(() => useRouter.getState().navigate({ page: 'health', id: 'exams/batch/b-0' }));
    renderInProviders(<ExamsTab />);
    expect(await screen.findByText('体检结果仅限授权人员查看')).toBeInTheDocument();
    expect(screen.getByText(/属于劳动者的健康隐私（GBZ 188），只有职业卫生管理员、安全员、工会干部和管理员可以查看/)).toBeInTheDocument();
    expect(screen.queryByText('职防所')).toBeNull();
    expect(screen.queryByTestId('health-new-batch')).toBeNull();
    expect(screen.queryByTestId('health-file-button')).toBeNull();
    expect(be.count('health.batches')).toBe(0);
    expect(be.count('health.batch')).toBe(0);
    await u.click(screen.getByRole('button', { name: label('查看体检计划与提醒') }));
    await waitFor(() => expect(useRouter.getState().route).toEqual({ page: 'health', id: 'plan' }));
  });

  it('the roster’s worker drawer makes the worker’s health file', async () => {
    const downloads: { name: string; href: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.getAttribute('href') ?? '' });
    });
    try {
      const be = signedInBackend({ workers: WORKERS });
      be.on('health.healthFilePdf', (i) => ({ fileId: `file-${i.workerId}`, fileName: '职业健康监护档案 W001 张三.pdf', mime: 'application/pdf', bytes: 10 }));
      const u = user();
      renderInProviders(<WorkerDrawer id="w-1" version={0} onClose={() => undefined} onEdit={() => undefined} />);
      await u.click(await screen.findByTestId('health-file-button'));
      await waitFor(() => expect(be.last('health.healthFilePdf')).toEqual({ workerId: 'w-1' }));
      await waitFor(() => expect(downloads).toEqual([{ name: '职业健康监护档案 W001 张三.pdf', href: '/api/file/file-w-1?token=' }]));
    } finally {
      click.mockRestore();
    }
  });

  it('the import dialog: the sheet’s missing columns filled in the dialog, rows as read, cancel drops the preview', async () => {
    const be = signedInBackend({ workers: WORKERS });
    const preview = (defaults: ExamImportPreview['defaults']): ExamImportPreview => ({
      importId: 'imp-1',
      fileName: '体检.xlsx',
      headerRow: 1,
      columns: [{ index: 0, header: '工号' }, { index: 1, header: '体检结论' }],
      mapping: { empNo: 0, conclusion: 1 },
      fields: ['empNo', 'conclusion'],
      missingRequired: defaults.kind ? [] : ['kind'],
      defaults,
      rows: [{ rowNumber: 2, who: 'W001 张三', action: 'create', problems: [], parsed: { date: '2026-03-10', kind: defaults.kind ?? undefined, factors: ['苯'], conclusion: 'recheck', recheckItems: '血常规', recheckDue: '2026-04-01' } }],
      counts: { total: 1, create: 1, update: 0, unchanged: 0, invalid: 0 },
      batches: [],
      headerCandidates: [{ row: 1, cells: ['工号', '体检结论'], matches: 2 }],
      skippedRows: [],
    });
    be.on('health.examImportPreview', () => preview({ date: '2026-03-10', institution: '职防所', kind: null }))
      .on('health.examImportRemap', (i) => preview({ date: '2026-03-10', institution: '职防所', ...i.defaults }))
      .on('health.examImportCancel', () => ({ cancelled: true }));
    const u = user();
    const closed = vi.fn();
    renderInProviders(<ExamImportDialog onClose={closed} onDone={() => undefined} />);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await u.upload(input, new File(['x'], '体检.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    expect(await screen.findByTestId('health-import-summary')).toHaveTextContent('共 1 行：新增 1，更新 0，无变化 0，有问题 0');
    expect(screen.getByText('缺少必需的列：体检类别')).toBeInTheDocument();
    expect(button('导入 1 行')).toBeDisabled();
    await pick(u, screen.getByRole('combobox', { name: '体检类别' }), '在岗期间');
    await waitFor(() => expect(be.last('health.examImportRemap')).toMatchObject({ importId: 'imp-1', defaults: { kind: 'periodic' } }));
    expect(await screen.findByText('2026-03-10 · 在岗期间 · 苯 · 复查（血常规、2026-04-01）')).toBeInTheDocument();
    await waitFor(() => expect(button('导入 1 行')).toBeEnabled());
    // a default date typed in the future is kept and said, not silently reverted
    const date = screen.getByLabelText('体检日期');
    await u.clear(date);
    await u.type(date, '2099-01-01{Enter}');
    await waitFor(() => expect(be.last('health.examImportRemap')).toMatchObject({ defaults: { date: '2099-01-01' } }));
    expect(await screen.findByTestId('health-import-date-error')).toHaveTextContent('日期不能晚于今天');
    await u.click(button('取消'));
    await waitFor(() => expect(be.last('health.examImportCancel')).toEqual({ importId: 'imp-1' }));
    expect(closed).toHaveBeenCalled();
    expect(be.count('health.examImportCommit')).toBe(0);
  });
});
