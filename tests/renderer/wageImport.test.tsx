// The wage records' import dialog (issue 9): one dialog taking the kind — the file goes to wage.importPreview, the
// preview shows every row with its row number, what it was read as and its problems (or what it changes), nothing is
// committed until the user confirms (rows with problems only when told to skip them), Cancel forgets the import, the
// month of a timekeeping sheet without one is chosen in the dialog, each kind has its template, and the records tab
// shows the import button of the section to those who enter records.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ImportDialog } from '../../renderer/src/features/wage/records/ImportDialog';
import { RecordsTab } from '../../renderer/src/features/wage/records/RecordsTab';
import type { ChannelParsed } from '../../shared/contract';
import type { WageImportPreview } from '../../shared/wage/imports/types';
import { fakeFile, makeOperator, makeWorker, type FakeBackend } from './fakeBackend';
import { button, findButton, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(() => {
  resetStores();
  sessionStorage.removeItem('ankang.wage.records');
});

const BEHAVIOUR: Omit<WageImportPreview, 'importId' | 'fileName'> = {
  kind: 'behaviour',
  headerRow: 2,
  columns: ['日期', '工号', '姓名', '类别', '事项', '分值', '备注'].map((header, index) => ({ index, header })),
  mapping: { date: 0, empNo: 1, name: 2, kind: 3, category: 4, points: 5, note: 6 },
  fields: ['date', 'empNo', 'name', 'workshop', 'team', 'kind', 'category', 'points', 'note'],
  missingRequired: [],
  period: null,
  periodFrom: null,
  rows: [
    { rowNumber: 3, who: 'W001 张三', action: 'create', problems: [], parsed: { date: '2026-03-05', kind: 'violation', category: '未戴安全帽', points: -2, note: '巡检发现' } },
    { rowNumber: 4, who: '乙班', action: 'create', problems: [], parsed: { date: '2026-03-08', kind: 'good_act', category: '采纳安全建议', points: 2, team: '乙班' } },
    { rowNumber: 5, who: 'W002 李四', action: 'update', problems: [], changes: ['note'], parsed: { date: '2026-03-06', kind: 'violation', category: '违章动火', points: -5 } },
    { rowNumber: 6, who: 'W001 张三', action: 'unchanged', problems: [], changes: ['deleted'], parsed: { date: '2026-03-09', kind: 'violation', category: '脱岗睡岗', points: -1 } },
    { rowNumber: 7, who: 'W099 赵六', action: 'invalid', problems: [{ field: 'empNo', message: 'v.wage.import.unknownWorker', params: { empNo: 'W099' } }], parsed: { date: '2026-03-10' } },
    { rowNumber: 8, who: 'W001 张三', action: 'invalid', problems: [{ field: 'kind', message: 'v.wage.import.kind' }, { field: 'date', message: 'v.futureDate' }] },
  ],
  counts: { total: 6, create: 2, update: 1, unchanged: 1, invalid: 2 },
  headerCandidates: [
    { row: 1, cells: ['2026年3月违章及表扬记录'], matches: 0 },
    { row: 2, cells: ['日期', '工号', '姓名', '类别', '事项', '分值', '备注'], matches: 7 },
  ],
  skippedRows: [{ rowNumber: 10, reason: 'footer', text: '制表人：刘会计' }],
};

const TIMEKEEPING: Omit<WageImportPreview, 'importId' | 'fileName'> = {
  kind: 'timekeeping',
  headerRow: 1,
  columns: ['工号', '姓名', '工时'].map((header, index) => ({ index, header })),
  mapping: { empNo: 0, name: 1, hours: 2 },
  fields: ['empNo', 'name', 'workshop', 'team', 'period', 'hours', 'shifts', 'note'],
  missingRequired: ['period'],
  period: null,
  periodFrom: null,
  rows: [{ rowNumber: 2, who: 'W001 张三', action: 'invalid', problems: [{ field: 'period', message: 'v.required' }], parsed: { hours: 176, shifts: null } }],
  counts: { total: 1, create: 0, update: 0, unchanged: 0, invalid: 1 },
  headerCandidates: [{ row: 1, cells: ['工号', '姓名', '工时'], matches: 3 }],
  skippedRows: [],
};

/** The dialog's channels, answered from the given preview (a remap with a month makes the rows good). */
function wire(be: FakeBackend, base: Omit<WageImportPreview, 'importId' | 'fileName'>) {
  let current: WageImportPreview | null = null;
  be.on('wage.importPreview', (i: ChannelParsed<'wage.importPreview'>) => (current = { ...base, kind: i.kind, importId: 'wimp-1', fileName: i.fileName }));
  be.on('wage.importRemap', (i: ChannelParsed<'wage.importRemap'>) => {
    if (i.period) {
      current = {
        ...current!,
        period: i.period,
        periodFrom: 'chosen',
        missingRequired: [],
        rows: [{ rowNumber: 2, who: 'W001 张三', action: 'create', problems: [], parsed: { period: i.period, hours: 176, shifts: null } }],
        counts: { total: 1, create: 1, update: 0, unchanged: 0, invalid: 0 },
      };
    }
    return current!;
  });
  be.on('wage.importCommit', () => ({ kind: base.kind, created: base.counts.create, updated: base.counts.update, unchanged: base.counts.unchanged, skipped: base.counts.invalid }));
  be.on('wage.importCancel', () => ({ cancelled: true }));
  be.on('wage.importTemplate', (i: ChannelParsed<'wage.importTemplate'>) => fakeFile(`${i.kind}-模板.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  be.on('wage.importRejected', () => fakeFile('行为记录-未导入的行.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
}

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
}
const xlsxFile = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

/** Rows of the preview table, keyed by their first cell (the file's row number). */
function previewRows(): Map<string, HTMLElement> {
  const table = screen.getByRole('dialog').querySelector('.ant-table')!;
  const m = new Map<string, HTMLElement>();
  for (const r of table.querySelectorAll<HTMLElement>('.ant-table-row')) m.set(r.querySelector('.ant-table-cell')?.textContent ?? '', r);
  return m;
}

function captureDownloads() {
  const downloads: string[] = [];
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
  return { downloads, restore: () => click.mockRestore() };
}

async function open(kind: 'timekeeping' | 'behaviour' | 'accidents', base = BEHAVIOUR) {
  const be = signedInBackend();
  wire(be, base);
  const onClose = vi.fn();
  const onDone = vi.fn();
  renderInProviders(<ImportDialog kind={kind} onClose={onClose} onDone={onDone} />);
  await user().upload(fileInput(), xlsxFile(`${kind}.xlsx`));
  await screen.findByTestId('wage-import-summary');
  return { be, onClose, onDone };
}

describe('wage ImportDialog', () => {
  it('shows each row with its number, what it was read as and its problems; commits only when told to skip the bad rows', async () => {
    const { be, onClose, onDone } = await open('behaviour');
    expect(screen.getByText('导入行为记录（违章与安全行为）')).toBeInTheDocument();
    expect(be.last('wage.importPreview')).toMatchObject({ kind: 'behaviour', fileName: 'behaviour.xlsx' });
    expect(screen.getByTestId('wage-import-summary')).toHaveTextContent('共 6 行：新增 2，更新 1，无变化 1，有问题 2');
    expect(screen.getByText('表头在第 2 行')).toBeInTheDocument();
    expect(screen.getByText('已跳过 1 行（表尾或重复的表头，不是记录）：第 10 行“制表人：刘会计”')).toBeInTheDocument();
    const r = previewRows();
    expect([...r.keys()]).toEqual(['3', '4', '5', '6', '7', '8']);
    expect(r.get('3')!.querySelector('.import-parsed')).toHaveTextContent('2026-03-05 · 违章 · 未戴安全帽 · -2 · 巡检发现');
    expect(r.get('4')!.querySelector('.import-parsed')).toHaveTextContent('2026-03-08 · 安全行为 · 采纳安全建议 · +2 · 班组：乙班');
    expect(within(r.get('5')!).getByText('更新')).toBeInTheDocument();
    expect(r.get('5')).toHaveTextContent('将更改：备注');
    expect(within(r.get('6')!).getByText('无变化')).toBeInTheDocument();
    expect(r.get('6')).toHaveTextContent('该记录已被删除，不重新导入');
    expect(r.get('7')).toHaveTextContent('工号：花名册中没有工号 W099');
    expect(r.get('8')).toHaveTextContent('类别：类别无法识别：应为 违章，或 表扬 / 奖励 / 安全行为；日期：');

    // nothing committed until confirmed, and rows with problems only when skipped
    const commit = button('导入 3 行');
    expect(commit).toBeDisabled();
    await user().click(screen.getByLabelText('跳过有问题的 2 行'));
    expect(commit).toBeEnabled();
    expect(be.count('wage.importCommit')).toBe(0);
    await user().click(commit);
    await waitFor(() => expect(be.count('wage.importCommit')).toBe(1));
    expect(be.last('wage.importCommit')).toEqual({ importId: 'wimp-1', skipInvalid: true });
    expect(await screen.findByText('导入完成：新增 2，更新 1，无变化 1，跳过 2')).toBeInTheDocument();
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('“only rows with problems” filters; the rows with problems download as a sheet', async () => {
    const cap = captureDownloads();
    try {
      const { be } = await open('behaviour');
      await user().click(screen.getByLabelText('只看有问题的行'));
      await waitFor(() => expect([...previewRows().keys()]).toEqual(['7', '8']));
      await user().click(button('下载有问题的行'));
      await waitFor(() => expect(cap.downloads).toEqual(['行为记录-未导入的行.xlsx']));
      expect(be.last('wage.importRejected')).toEqual({ importId: 'wimp-1', locale: 'zh-CN' });
    } finally {
      cap.restore();
    }
  });

  it('cancel after a preview forgets the import and commits nothing', async () => {
    const { be, onClose } = await open('accidents');
    await user().click(button('取消'));
    await waitFor(() => expect(be.count('wage.importCancel')).toBe(1));
    expect(be.last('wage.importCancel')).toEqual({ importId: 'wimp-1' });
    expect(be.count('wage.importCommit')).toBe(0);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('a timekeeping sheet without a month: the alert names it, commit waits, and the month chosen is sent', async () => {
    const { be } = await open('timekeeping', TIMEKEEPING);
    expect(screen.getByText('缺少必需的列：月份')).toBeInTheDocument();
    expect(button('导入 0 行')).toBeDisabled();
    expect(previewRows().get('2')).toHaveTextContent('月份：必填');
    const month = screen.getByLabelText('月份（文件没有月份列时）');
    await user().click(month);
    fireEvent.change(month, { target: { value: '2026-02' } });
    fireEvent.keyDown(month, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(be.count('wage.importRemap')).toBe(1));
    expect(be.last('wage.importRemap')).toEqual({ importId: 'wimp-1', period: '2026-02' });
    expect(await screen.findByTestId('wage-import-summary')).toHaveTextContent('共 1 行：新增 1');
    expect(previewRows().get('2')!.querySelector('.import-parsed')).toHaveTextContent('2026-02 · 工时（小时） 176');
    expect(button('导入 1 行')).toBeEnabled();
  });

  it('a timekeeping sheet kept day by day says how its days are read', async () => {
    await open('timekeeping', { ...TIMEKEEPING, mapping: { empNo: 0, name: 1 }, missingRequired: [], days: { count: 31, first: 1, last: 31 } });
    expect(screen.getByText(/^逐日考勤表（1–31 日）：有合计列/)).toBeInTheDocument();
  });

  it('the template of the kind downloads before a file is chosen', async () => {
    const cap = captureDownloads();
    try {
      const be = signedInBackend();
      wire(be, BEHAVIOUR);
      renderInProviders(<ImportDialog kind="accidents" onClose={vi.fn()} onDone={vi.fn()} />);
      expect(screen.getByText('导入事故记录')).toBeInTheDocument();
      await user().click(await findButton('下载导入模板'));
      await waitFor(() => expect(cap.downloads).toEqual(['accidents-模板.xlsx']));
      expect(be.last('wage.importTemplate')).toEqual({ kind: 'accidents', locale: 'zh-CN' });
    } finally {
      cap.restore();
    }
  });

  it('the records tab offers the section’s import to those who enter records, not to others', async () => {
    const be = signedInBackend({ workers: [makeWorker({ id: 'w-1', empNo: 'W001', name: '张三' })] });
    wire(be, BEHAVIOUR);
    const u = user();
    const { unmount } = renderInProviders(<RecordsTab />);
    await u.click(await screen.findByTestId('wage-import-timekeeping'));
    expect(await screen.findByText('导入考勤表（安全生产工时）')).toBeInTheDocument();
    await u.click(button('取消'));
    await u.click(screen.getByTestId('wage-section-behaviour'));
    expect(await screen.findByTestId('wage-import-behaviour')).toHaveTextContent('导入行为记录');
    await u.click(screen.getByTestId('wage-section-manual'));
    await waitFor(() => expect(screen.queryByTestId(/^wage-import-/)).toBeNull());
    unmount();

    resetStores();
    const reader = makeOperator({ id: 'op-r', name: '孙班长', roles: ['team_leader'] });
    const be2 = signedInBackend({ operators: [reader] }, 'op-r');
    wire(be2, BEHAVIOUR);
    renderInProviders(<RecordsTab />);
    expect(await screen.findByText('只有工会干部、安全员或管理员可以录入能级工资记录；你可以查看。')).toBeInTheDocument();
    expect(screen.queryByTestId(/^wage-import-/)).toBeNull();
  });
});
