import { screen, waitFor, within } from '@testing-library/react';
import { ImportDialog } from '../../renderer/src/features/roster/ImportDialog';
import { FakeError, makeWorker, type FakeBackend, type FakeSeed } from './fakeBackend';
import { button, findButton, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { openRoster, rows } from './rosterFixtures';
import { useRouter } from '../../renderer/src/app/router';

beforeEach(resetStores);

const CSV = '职工花名册\n工号,姓名,性别,身份证号,车间\nE001,张三,男,,一车间\n';

const preview: NonNullable<FakeSeed['importPreview']> = {
  headerRow: 2,
  columns: [
    { index: 0, header: '工号' },
    { index: 1, header: '姓名' },
    { index: 2, header: '性别' },
    { index: 3, header: '身份证号' },
    { index: 4, header: '车间' },
  ],
  mapping: { empNo: 0, name: 1, gender: 2, idCard: 3, workshop: 4 },
  missingRequired: [],
  rows: [
    {
      rowNumber: 3,
      empNo: 'E001',
      name: '张三',
      action: 'create',
      problems: [],
      parsed: { gender: 'M', workshop: '金工车间', team: '甲班', phone: '13805769999', hireDate: '2019-03-05', skillGrade: 3, roles: ['team_leader', 'safety_officer'], isRepresentative: true, certType: '电工作业', certExpiry: '2027-06-30' },
    },
    { rowNumber: 4, empNo: 'E002', name: '李娜', action: 'update', problems: [], changes: ['name', 'post'] },
    {
      rowNumber: 5,
      empNo: 'E003',
      name: '王五',
      action: 'invalid',
      problems: [
        { field: 'idCard', message: 'v.idCard.checksum' },
        { field: 'gender', message: 'v.gender' },
        { field: 'role.safety_officer', message: 'v.bool' },
      ],
    },
    { rowNumber: 7, empNo: '', name: '赵六', action: 'invalid', problems: [{ field: 'empNo', message: 'v.required' }] },
  ],
  counts: { total: 4, create: 1, update: 1, invalid: 2 },
  newOrgUnits: ['二车间 / 乙班'],
  headerCandidates: [
    { row: 1, cells: ['职工花名册'], matches: 0 },
    { row: 2, cells: ['工号', '姓名', '性别', '身份证号', '车间'], matches: 5 },
    { row: 3, cells: ['E001', '张三', '男', '一车间'], matches: 1 },
  ],
  skippedRows: [
    { rowNumber: 9, reason: 'footer', text: '合计：4 人' },
    { rowNumber: 10, reason: 'footer', text: '制表人：周某 审核人：吴某' },
  ],
};

/** jsdom cannot download: capture the click on the temporary <a download href="/api/file/<id>?token=…"> */
function captureDownloads() {
  const downloads: string[] = [];
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
  return { downloads, restore: () => click.mockRestore() };
}

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
}
const csvFile = (text = CSV, name = '花名册.csv') => new File([text], name, { type: 'text/csv' });

async function openWithFile(seed: FakeSeed = { importPreview: preview }) {
  const be = signedInBackend(seed);
  const onClose = vi.fn();
  const onDone = vi.fn();
  renderInProviders(<ImportDialog onClose={onClose} onDone={onDone} />);
  expect(await screen.findByText('选择 .xlsx 或 .csv 文件')).toBeInTheDocument();
  await user().upload(fileInput(), csvFile());
  return { be, onClose, onDone };
}

/** Rows of the preview table, keyed by their first cell (the file's row number). */
function previewRows(): Map<string, HTMLElement> {
  const table = screen.getByRole('dialog').querySelector('.ant-table')!;
  const m = new Map<string, HTMLElement>();
  for (const r of table.querySelectorAll<HTMLElement>('.ant-table-row')) m.set(r.querySelector('.ant-table-cell')?.textContent ?? '', r);
  return m;
}

describe('ImportDialog', () => {
  test('choosing a file sends it base64-encoded and shows the preview: summary, problems, commit count', async () => {
    const { be } = await openWithFile();
    expect(await screen.findByTestId('import-summary')).toHaveTextContent('共 4 行：新增 1，更新 1，有问题 2');
    // the file went through FileReader → base64 intact (UTF-8 Chinese included)
    expect(be.uploadedFiles).toEqual([{ fileName: '花名册.csv', text: CSV }]);
    expect(be.validationFailures()).toEqual([]);

    // an update says what it changes, and that the columns the file lacks stay
    expect(previewRows().get('4')).toHaveTextContent('将更改：姓名；岗位（文件中没有的列保持不变）');
    expect(screen.getByText('花名册.csv')).toBeInTheDocument();
    expect(screen.getByText('表头在第 2 行')).toBeInTheDocument();
    expect(screen.getByText('跳过有问题的 2 行')).toBeInTheDocument();
    expect(screen.getByText('将新建车间/班组：二车间 / 乙班')).toBeInTheDocument();

    const r = previewRows();
    expect([...r.keys()]).toEqual(['3', '4', '5', '7']);
    expect(within(r.get('3')!).getByText('新增')).toBeInTheDocument();
    expect(within(r.get('4')!).getByText('更新')).toBeInTheDocument();
    expect(within(r.get('5')!).getByText('有问题')).toBeInTheDocument();
    expect(r.get('5')).toHaveTextContent('身份证号：身份证号校验位不正确；性别：性别应为 男 或 女；安全员：');
    // the values each row was read as, beside the problems
    expect(r.get('3')!.querySelector('.import-parsed')).toHaveTextContent(
      '男 · 金工车间 / 甲班 · 13805769999 · 入职 2019-03-05 · 三级（高级工） · 班组长、安全员 · 职工代表 · 电工作业 证书至 2027-06-30',
    );
    // the footer rows are named as left out, not listed as bad rows
    expect(screen.getByText(/已跳过 2 行（非职工行）：第 9 行“合计：4 人”；第 10 行“制表人：周某 审核人：吴某”/)).toBeInTheDocument();
    expect(r.get('7')).toHaveTextContent('赵六');
    expect(r.get('7')).toHaveTextContent('工号：必填');

    // rows with problems are skipped only when the user says so
    const commit = button('导入 2 行');
    expect(commit).toBeDisabled();
    await user().click(screen.getByLabelText('跳过有问题的 2 行'));
    expect(commit).toBeEnabled();
  });

  test('“only rows with problems” filters the preview', async () => {
    await openWithFile();
    await screen.findByTestId('import-summary');
    await user().click(screen.getByLabelText('只看有问题的行'));
    await waitFor(() => expect([...previewRows().keys()]).toEqual(['5', '7']));
  });

  test('commit calls roster.importCommit (skipping invalid rows) and reports the result', async () => {
    const { be, onClose, onDone } = await openWithFile();
    await user().click(await screen.findByLabelText('跳过有问题的 2 行'));
    await user().click(await findButton('导入 2 行'));
    await waitFor(() => expect(be.count('roster.importCommit')).toBe(1));
    expect(be.last('roster.importCommit')).toEqual({ importId: be.lastValue('roster.importPreview')!.importId, skipInvalid: true });
    expect(await screen.findByText('导入完成：新增 1，更新 1，跳过 2')).toBeInTheDocument();
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(be.count('roster.importCancel')).toBe(0);
  });

  test('a clean file commits with skipInvalid false', async () => {
    const clean = { ...preview, rows: preview.rows.slice(0, 2), counts: { total: 2, create: 1, update: 1, invalid: 0 }, newOrgUnits: [] };
    const { be } = await openWithFile({ importPreview: clean });
    await user().click(await findButton('导入 2 行'));
    await waitFor(() => expect(be.count('roster.importCommit')).toBe(1));
    expect(be.last('roster.importCommit')).toMatchObject({ skipInvalid: false });
    expect(screen.queryByText(/跳过有问题的/)).not.toBeInTheDocument();
  });

  test('cancel after a preview calls roster.importCancel with the import id', async () => {
    const { be, onClose } = await openWithFile();
    await screen.findByTestId('import-summary');
    await user().click(button('取消'));
    await waitFor(() => expect(be.count('roster.importCancel')).toBe(1));
    expect(be.inputs('roster.importCancel')).toEqual([{ importId: be.lastValue('roster.importPreview')!.importId }]);
    expect(be.imports.size).toBe(0);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(be.count('roster.importCommit')).toBe(0);
  });

  test('reading a large file shows its progress; 取消 stops the job, writes nothing and closes', async () => {
    const be = signedInBackend({ importPreview: preview });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let sawCancel = false;
    be.on('roster.importPreview', async (_i, _be, job) => {
      job.onProgress?.({ done: 1200, total: 4000, stage: 'job.reading' });
      await gate;
      sawCancel = Boolean(job.signal?.aborted);
      throw new FakeError('CANCELLED', 'err.cancelled');
    });
    const onClose = vi.fn();
    renderInProviders(<ImportDialog onClose={onClose} onDone={vi.fn()} />);
    await user().upload(fileInput(), csvFile());
    const bar = await screen.findByTestId('job-progress');
    await waitFor(() => expect(bar).toHaveTextContent('正在读取 已处理 1200 / 4000'));
    expect(be.calls.find((c) => c.channel === 'roster.importPreview')).toMatchObject({ progress: true, cancellable: true });
    // the dialog's own Cancel stops the job (the bar has no second cancel button)
    expect(within(bar).queryByRole('button')).toBeNull();
    await user().click(button('取消'));
    expect(onClose).toHaveBeenCalledTimes(1);
    release();
    await waitFor(() => expect(sawCancel).toBe(true));
    // no preview was made, so there is no import to cancel
    expect(be.count('roster.importCancel')).toBe(0);
  });

  test('cancel before choosing a file closes without any call', async () => {
    const be = signedInBackend({ importPreview: preview });
    const onClose = vi.fn();
    renderInProviders(<ImportDialog onClose={onClose} onDone={vi.fn()} />);
    await user().click(await findButton('取消'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(be.count('roster.importCancel')).toBe(0);
  });

  test('missing required columns: the alert names them and commit is disabled', async () => {
    await openWithFile({ importPreview: { ...preview, missingRequired: ['empNo', 'gender'] } });
    expect(await screen.findByText('缺少必需的列：工号、性别')).toBeInTheDocument();
    expect(button('导入 2 行')).toBeDisabled();
  });

  test('an unreadable file shows the backend message and stays on the picker', async () => {
    await openWithFile({ importPreview: undefined });
    expect(await screen.findByRole('alert')).toHaveTextContent('无法读取文件');
    expect(screen.getByText('选择 .xlsx 或 .csv 文件')).toBeInTheDocument();
  });

  test('changing a column mapping calls roster.importRemap with the new mapping', async () => {
    const { be } = await openWithFile();
    await screen.findByTestId('import-summary');
    const u = user();
    await u.click(screen.getByText('列对应关系', { exact: false }));
    await u.click(screen.getByLabelText('身份证号 列对应关系'));
    // the open dropdown (a portal in document.body); the closed selects also show '（不导入）' as their value
    const option = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="（不导入）"]');
      if (!el) throw new Error('dropdown not open');
      return el;
    });
    await u.click(option);
    await waitFor(() => expect(be.count('roster.importRemap')).toBe(1));
    expect(be.last('roster.importRemap')).toEqual({
      importId: expect.stringMatching(/^imp-/),
      mapping: { empNo: 0, name: 1, gender: 2, idCard: null, workshop: 4 },
    });
  });

  test('the header row can be picked from the first rows of the file: roster.importRemap with headerRow', async () => {
    const { be } = await openWithFile();
    await screen.findByTestId('import-summary');
    const u = user();
    await u.click(screen.getByLabelText('表头行'));
    const option = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title^="第 3 行"]');
      if (!el) throw new Error('dropdown not open');
      return el;
    });
    expect(option).toHaveTextContent('第 3 行：E001 | 张三 | 男 | 一车间（可识别 1 列）');
    await u.click(option);
    await waitFor(() => expect(be.count('roster.importRemap')).toBe(1));
    expect(be.last('roster.importRemap')).toEqual({ importId: be.lastValue('roster.importPreview')!.importId, headerRow: 3 });
    expect(await screen.findByText('表头在第 3 行')).toBeInTheDocument();
  });

  test('the rows with problems download as a sheet, in the interface language', async () => {
    const cap = captureDownloads();
    try {
      const { be } = await openWithFile();
      await screen.findByTestId('import-summary');
      await user().click(button('下载有问题的行'));
      await waitFor(() => expect(cap.downloads).toEqual(['花名册-未导入的行.xlsx']));
      expect(be.last('roster.importRejected')).toEqual({ importId: be.lastValue('roster.importPreview')!.importId, locale: 'zh-CN' });
      expect(await screen.findByText('已保存 花名册-未导入的行.xlsx')).toBeInTheDocument();
    } finally {
      cap.restore();
    }
  });

  test('the template downloads from the dialog before a file is chosen', async () => {
    const cap = captureDownloads();
    try {
      const be = signedInBackend({ importPreview: preview });
      renderInProviders(<ImportDialog onClose={vi.fn()} onDone={vi.fn()} />);
      await user().click(await findButton('下载导入模板'));
      await waitFor(() => expect(cap.downloads).toEqual(['职工花名册导入模板.xlsx']));
      expect(be.inputs('roster.importTemplate')).toEqual([{ locale: 'zh-CN' }]);
      expect(be.count('roster.importPreview')).toBe(0);
    } finally {
      cap.restore();
    }
  });

  test('a role flag column can be mapped by hand', async () => {
    const { be } = await openWithFile();
    await screen.findByTestId('import-summary');
    const u = user();
    await u.click(screen.getByText('列对应关系', { exact: false }));
    await u.click(screen.getByLabelText('班组长（标记列） 列对应关系'));
    const option = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="车间"]');
      if (!el) throw new Error('dropdown not open');
      return el;
    });
    await u.click(option);
    await waitFor(() => expect(be.count('roster.importRemap')).toBe(1));
    expect((be.last('roster.importRemap') as { mapping?: object }).mapping).toMatchObject({ 'role.team_leader': 4 });
  });

  test('from the roster: Import → commit reloads the roster', async () => {
    const be: FakeBackend = signedInBackend({ importPreview: preview });
    await openRoster(be);
    expect(rows()).toHaveLength(0);
    const u = user();
    await u.click(button('导入'));
    await screen.findByText('选择 .xlsx 或 .csv 文件');
    // the fake commit creates nothing by itself; add a worker so the reload is visible
    be.on('roster.importCommit', () => {
      be.workers.push(makeWorker({ id: 'w-imp', empNo: 'E001', name: '张三' }));
      return { created: 1, updated: 0, skipped: 2, orgUnitsCreated: 0 };
    });
    await u.upload(fileInput(), csvFile());
    await u.click(await screen.findByLabelText('跳过有问题的 2 行'));
    await u.click(await findButton('导入 2 行'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(be.count('workers.list')).toBe(2);
    await waitFor(() => expect(screen.queryByText('导入职工花名册')).not.toBeInTheDocument());
  });
});

describe('arriving from the home page’s first steps', () => {
  it('the roster opens straight into the import dialog, once (Back to the roster later does not reopen it)', async () => {
    const be = signedInBackend();
    useRouter.getState().navigate({ page: 'roster', id: null }, { intent: 'import' });
    await openRoster(be);
    await screen.findByText('选择 .xlsx 或 .csv 文件');
    expect(useRouter.getState().intent).toBeNull();
    // a plain visit opens nothing
    useRouter.getState().navigate({ page: 'dashboard', id: null });
    expect(useRouter.getState().takeIntent('roster', 'import')).toBe(false);
  });
});
