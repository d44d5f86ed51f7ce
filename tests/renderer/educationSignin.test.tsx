// The sign-in sheet's import dialog (issue 10): the file goes to education.signinPreview with the activity; every row
// shows with its number, present (new / updated), absent or its problems; nothing is committed until confirmed (the rows
// with problems only when told to skip them); Cancel forgets the import and writes nothing.
import { screen, waitFor, within } from '@testing-library/react';
import { SigninImportDialog } from '../../renderer/src/features/education/activities/SigninImportDialog';
import type { SigninPreview } from '../../shared/education/activities/signin';
import { type FakeBackend } from './fakeBackend';
import { button, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(() => resetStores());

const PREVIEW: Omit<SigninPreview, 'importId' | 'fileName'> = {
  activityId: 'a-1',
  headerRow: 2,
  columns: ['序号', '工号', '姓名', '签到', '成绩'].map((header, index) => ({ index, header })),
  mapping: { empNo: 1, name: 2, signed: 3, score: 4 },
  fields: ['empNo', 'name', 'workshop', 'team', 'signed', 'hours', 'score', 'note'],
  missingRequired: [],
  keptFields: ['hours'],
  rows: [
    {
      rowNumber: 3,
      who: 'W002 李四',
      action: 'update',
      problems: [],
      parsed: { hours: null, score: 58, passed: false },
      changes: [
        { field: 'score', from: 85, to: 58 },
        { field: 'passed', from: true, to: false },
      ],
    },
    { rowNumber: 4, who: 'W003 王五', action: 'create', problems: [], parsed: { hours: 2, score: null, passed: true } },
    { rowNumber: 5, who: 'W001 张三', action: 'absent', problems: [] },
    { rowNumber: 8, who: 'W004 赵四', action: 'unchanged', problems: [], parsed: { hours: 6, score: 100, passed: true }, changes: [] },
    { rowNumber: 6, who: 'W099 赵六', action: 'invalid', problems: [{ field: 'empNo', message: 'v.wage.import.unknownWorker', params: { empNo: 'W099' } }] },
  ],
  counts: { total: 4, create: 1, update: 1, unchanged: 0, absent: 1, invalid: 1 },
  headerCandidates: [{ row: 2, cells: ['序号', '工号', '姓名', '签到', '成绩'], matches: 4 }],
  skippedRows: [{ rowNumber: 7, reason: 'footer', text: '制表人：刘安全' }],
};
function wire(be: FakeBackend) {
  be.on('education.signinPreview', (i) => ({ ...PREVIEW, importId: 'imp-1', fileName: i.fileName }));
  be.on('education.signinCommit', () => ({ created: 1, updated: 1, unchanged: 0, absent: 1, skipped: 1 }));
  be.on('education.signinCancel', () => ({ cancelled: true }));
}
const xlsxFile = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

async function open() {
  const be = signedInBackend();
  wire(be);
  const onClose = vi.fn();
  const onDone = vi.fn();
  renderInProviders(<SigninImportDialog activityId="a-1" title="新员工厂级安全教育" onClose={onClose} onDone={onDone} />);
  expect(screen.getByText('导入签到表 — 新员工厂级安全教育')).toBeInTheDocument();
  await user().upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, xlsxFile('签到表.xlsx'));
  await screen.findByTestId('edu-signin-summary');
  return { be, onClose, onDone };
}
const row = (n: string) => [...document.querySelectorAll<HTMLElement>('.ant-table-row')].find((r) => r.querySelector('.ant-table-cell')?.textContent === n)!;

describe('sign-in sheet import dialog', () => {
  it('previews each row; commits only once the bad row is skipped', async () => {
    const { be, onClose, onDone } = await open();
    expect(be.last('education.signinPreview')).toMatchObject({ activityId: 'a-1', fileName: '签到表.xlsx' });
    expect(screen.getByTestId('edu-signin-summary')).toHaveTextContent('共 4 行：新增 1，更新 1，不变 0，未到 1，有问题 1');
    expect(screen.getByText('跳过 1 行（不是签到记录）：第 7 行“制表人：刘安全”')).toBeInTheDocument();
    // an update shows what changes; one with nothing to change says so; the columns the sheet lacks are kept
    expect(row('3')).toHaveTextContent('成绩 85 → 58；考核 合格 → 不合格');
    expect(row('8')).toHaveTextContent('已登记，无变化');
    expect(screen.getByTestId('edu-signin-kept')).toHaveTextContent('表中没有学时列：已登记的学时保持不变（新参加人员按活动学时、无成绩）；留空的单元格也保留原值。');
    expect(row('4')).toHaveTextContent('学时 2 · 合格');
    expect(within(row('5')).getByText('未到')).toBeInTheDocument();
    expect(row('6')).toHaveTextContent('工号：花名册中没有工号 W099');
    const commit = button('导入 2 行');
    expect(commit).toBeDisabled();
    await user().click(screen.getByLabelText('跳过有问题的 1 行'));
    expect(be.count('education.signinCommit')).toBe(0);
    await user().click(commit);
    await waitFor(() => expect(be.last('education.signinCommit')).toEqual({ importId: 'imp-1', skipInvalid: true }));
    expect(await screen.findByText('已导入：新增 1，更新 1，不变 0，未到 1，跳过 1')).toBeInTheDocument();
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Cancel forgets the import and commits nothing', async () => {
    const { be, onClose, onDone } = await open();
    await user().click(button('取消'));
    await waitFor(() => expect(be.last('education.signinCancel')).toEqual({ importId: 'imp-1' }));
    expect(be.count('education.signinCommit')).toBe(0);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onDone).not.toHaveBeenCalled();
  });
});
