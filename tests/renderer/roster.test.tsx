import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeWorker } from './fakeBackend';
import { adminOperator, button, findButton, resetStores, signedInBackend, user } from './harness';
import { LI_ID, ZHANG_ID, listQueries, openRoster, rowOf, rows, seedWorkers, units } from './rosterFixtures';

beforeEach(resetStores);

describe('RosterPage', () => {
  test('no workers: the empty-state text and a disabled export', async () => {
    const be = signedInBackend();
    await openRoster(be);
    expect(await screen.findByText('还没有职工。可以“新增职工”，或从 Excel/CSV 导入花名册。')).toBeInTheDocument();
    expect(screen.getByTestId('roster-total')).toHaveTextContent('共 0 人');
    expect(button('导出 Excel')).toBeDisabled();
    expect(screen.getByText('还没有车间')).toBeInTheDocument();
    // the first query is unfiltered and valid for the contract
    expect(listQueries(be)[0]).toMatchObject({ search: '', status: 'active', page: 1, orgUnitId: null, role: null, special: null });
    expect(be.validationFailures()).toEqual([]);
  });

  test('rows render with masked ID cards, translated values and the total', async () => {
    const be = signedInBackend({ workers: seedWorkers(), units });
    await openRoster(be);
    await screen.findByText('张三');
    expect(rows()).toHaveLength(2);
    const zhang = rowOf('张三');
    expect(within(zhang).getByText('320102********1232')).toBeInTheDocument();
    expect(within(zhang).getByText('男')).toBeInTheDocument();
    expect(within(zhang).getByText('安全员')).toBeInTheDocument();
    expect(within(zhang).getByText('甲班')).toBeInTheDocument();
    const li = rowOf('李娜');
    expect(within(li).getByText(`${LI_ID.slice(0, 6)}********${LI_ID.slice(-4)}`)).toBeInTheDocument();
    expect(within(li).getByText('职工代表')).toBeInTheDocument();
    // full ID numbers never reach the table
    expect(document.body.textContent).not.toContain(ZHANG_ID);
    expect(document.body.textContent).not.toContain(LI_ID);
    expect(screen.getByTestId('roster-total')).toHaveTextContent('共 2 人');
    // org tree with counts
    expect(screen.getByTestId('unit-一车间')).toHaveTextContent('一车间 2');
  });

  test('typing in search calls workers.list with the search once typing pauses (debounced)', async () => {
    const be = signedInBackend({ workers: seedWorkers() });
    await openRoster(be);
    await screen.findByText('张三');
    // delay: null types all keys in one go, well inside the 200 ms debounce window
    await userEvent.setup({ delay: null }).type(screen.getByLabelText('搜索姓名、工号、电话、岗位'), '张三');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ search: '张三', page: 1 }));
    expect(listQueries(be).map((q) => q.search)).toEqual(['', '张三']); // no call for the partial '张'
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByText('李娜')).not.toBeInTheDocument();

    // nothing matches: the filtered empty text, not the first-run one
    const u = user();
    await u.clear(screen.getByLabelText('搜索姓名、工号、电话、岗位'));
    await u.type(screen.getByLabelText('搜索姓名、工号、电话、岗位'), 'zzz');
    expect(await screen.findByText('没有符合条件的职工')).toBeInTheDocument();
    expect(listQueries(be).at(-1)).toMatchObject({ search: 'zzz' });
    expect(be.validationFailures()).toEqual([]);
  });

  test('Ctrl+F focuses search with the old term selected, so typing replaces it', async () => {
    const be = signedInBackend({ workers: seedWorkers() });
    await openRoster(be);
    const u = userEvent.setup({ delay: null });
    const box = screen.getByLabelText('搜索姓名、工号、电话、岗位') as HTMLInputElement;
    await u.type(box, '张三');
    box.blur();
    expect(document.activeElement).not.toBe(box);
    await u.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 2]);
    await u.keyboard('李');
    expect(box.value).toBe('李');
  });

  test('pressing Enter in search queries immediately', async () => {
    const be = signedInBackend({ workers: seedWorkers() });
    await openRoster(be);
    await user().type(screen.getByLabelText('搜索姓名、工号、电话、岗位'), '李娜{Enter}');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ search: '李娜' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  test('clicking a sortable column header sends sortField/sortDir', async () => {
    const be = signedInBackend({ workers: seedWorkers() });
    await openRoster(be);
    await screen.findByText('张三');
    const u = user();
    const header = (text: string) => screen.getByRole('columnheader', { name: new RegExp(text) });

    await u.click(header('入职日期'));
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ sortField: 'hireDate', sortDir: 'asc', page: 1 }));
    await u.click(header('入职日期'));
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ sortField: 'hireDate', sortDir: 'desc' }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('李娜')); // 2019 before 2015

    await u.click(header('姓名'));
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ sortField: 'name', sortDir: 'asc' }));
    expect(header('姓名')).toHaveAttribute('aria-sort', 'ascending');
    // columns that are not sortable send nothing
    const before = be.count('workers.list');
    await u.click(header('身份证号'));
    expect(be.count('workers.list')).toBe(before);
    expect(be.validationFailures()).toEqual([]);
  });

  test('delete → confirm calls workers.remove; Undo in the message calls workers.restore', async () => {
    const be = signedInBackend({ workers: seedWorkers() });
    await openRoster(be);
    await screen.findByText('张三');
    const u = user();
    await u.click(screen.getByRole('button', { name: '删除 张三' }));
    expect(await screen.findByText('删除职工 张三？')).toBeInTheDocument();
    expect(screen.getByText('删除后可立即撤销，之后也可在“状态：已删除”中恢复。')).toBeInTheDocument();
    expect(be.count('workers.remove')).toBe(0); // not before confirming
    await u.click(await findButton('删除'));

    expect(await screen.findByText('已删除 张三')).toBeInTheDocument();
    expect(be.inputs('workers.remove')).toEqual([{ id: 'w-1' }]);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByText('张三')).toBeNull();

    await u.click(button('撤销'));
    expect(await screen.findByText('已恢复 张三')).toBeInTheDocument();
    expect(be.inputs('workers.restore')).toEqual([{ id: 'w-1' }]);
    await waitFor(() => expect(rows()).toHaveLength(2));
  });

  test('deleting a worker who is an operator shows the backend refusal', async () => {
    const admin = adminOperator();
    const be = signedInBackend({ operators: [admin], workers: [makeWorker({ id: admin.workerId, empNo: 'A0001', name: '王主席', roles: ['union_officer'] })] });
    await openRoster(be);
    const u = user();
    await u.click(await screen.findByRole('button', { name: '删除 王主席' }));
    await u.click(await findButton('删除'));
    expect(await screen.findByText('该职工是系统操作员，请先在“操作员”中移除')).toBeInTheDocument();
    expect(rows()).toHaveLength(1);
  });

  test('filters: the status select and a workshop in the org tree narrow the query', async () => {
    const be = signedInBackend({ workers: seedWorkers(), units });
    await openRoster(be);
    await screen.findByText('张三');
    const u = user();
    await u.click(screen.getByLabelText('状态'));
    const all = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="全部"]');
      if (!el) throw new Error('dropdown not open');
      return el;
    });
    await u.click(all);
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ status: 'all', page: 1 }));

    await u.click(screen.getByTestId('unit-甲班'));
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ orgUnitId: 'u-tm', status: 'all' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rowOf('张三')).toBeInTheDocument();
    expect(be.validationFailures()).toEqual([]);
  });

  test('export sends the current filter (without paging) and downloads the file the core wrote', async () => {
    // jsdom cannot download: capture the click on the temporary <a download href="/api/file/<id>?token=…">
    const downloads: { name: string; href: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.getAttribute('href') ?? '' });
    });
    try {
      const be = signedInBackend({ workers: seedWorkers() });
      await openRoster(be);
      await screen.findByText('张三');
      await user().click(button('导出 Excel'));
      expect(await screen.findByText('已导出 2 名职工')).toBeInTheDocument();
      expect(be.inputs('roster.export')).toHaveLength(1);
      const filter = be.last('roster.export');
      expect(filter).toMatchObject({ search: '', status: 'active', sortField: 'empNo', sortDir: 'asc', orgUnitId: null });
      expect(filter).not.toHaveProperty('page');
      expect(filter).not.toHaveProperty('pageSize');
      expect(be.validationFailures()).toEqual([]);
      expect(downloads).toEqual([{ name: '花名册.xlsx', href: `/api/file/${be.lastValue('roster.export')!.fileId}?token=` }]);
      // a long job: progress and cancel travel with the call
      expect(be.calls.find((c) => c.channel === 'roster.export')).toMatchObject({ progress: true, cancellable: true });
    } finally {
      click.mockRestore();
    }
  });
});
