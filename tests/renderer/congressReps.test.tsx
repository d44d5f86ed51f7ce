// The workers' congress page, representatives tab (issue 8): the first step when there is no term, the term form with
// its rules and validation on the fields, importing from the roster's flags, the live composition (red → green), the
// presidium toggle, a recall that needs its grounds and asks before it ends the stint, a by-election, the history,
// importing from a sheet (problems per row, nothing written on cancel), the tab in the address, and English.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RepsTab } from '../../renderer/src/features/congress/reps/RepsTab';
import { useI18n } from '../../renderer/src/i18n';
import { useRouter } from '../../renderer/src/app/router';
import { DEFAULT_TERM_SETTINGS } from '../../shared/congress/reps/schemas';
import type { RepsImportPreview } from '../../shared/congress/reps/types';
import { makeWorker, type FakeBackend } from './fakeBackend';
import { button, fill, label, renderApp, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { pick } from './hazardFixtures';

beforeEach(resetStores);

const WS = { id: 'u-ws', name: '合成车间' };
/** ten staff, five women; three flagged as representatives (two front-line, two women) */
function staff() {
  const ws = { workshopId: WS.id, workshopName: WS.name };
  return [
    makeWorker({ id: 'w-a', empNo: 'R01', name: '张丽', gender: 'F', isRepresentative: true, isFrontline: true, ...ws }),
    makeWorker({ id: 'w-b', empNo: 'R02', name: '李强', gender: 'M', isRepresentative: true, isFrontline: true, ...ws }),
    makeWorker({ id: 'w-c', empNo: 'R03', name: '王芳', gender: 'F', isRepresentative: true, isFrontline: false, ...ws }),
    makeWorker({ id: 'w-d', empNo: 'R04', name: '赵刚', gender: 'M', isFrontline: true, ...ws }),
    ...[5, 6, 7, 8, 9, 10].map((n) => makeWorker({ id: `w-${n}`, empNo: `S${n}`, name: `职工${n}`, gender: n % 2 ? 'F' : 'M', ...ws })),
  ];
}
/** a term covering today, with a custom quota (20 ‰, at least 3) and a presidium of 1–3 */
function withTerm(be: FakeBackend) {
  be.congressReps.terms.push({
    id: 'term-1',
    number: 3,
    form: 'congress',
    startDate: '2024-01-01',
    endDate: '2028-12-31',
    settings: { ...DEFAULT_TERM_SETTINGS, quotaPreset: 'custom', customQuota: { perMille: 200, min: 3 }, presidiumSmall: { min: 1, max: 3 } },
    updatedAt: '2024-01-01T00:00:00.000Z',
  });
  be.congressReps.groups.push({ id: 'g-1', termId: 'term-1', name: WS.name, orgUnitId: WS.id, leaderWorkerId: null, sortOrder: 1 });
}
const check = (key: string) => screen.getByTestId(`check-${key}`);
const ok = (key: string) => check(key).getAttribute('data-ok');
const row = (name: string) => screen.getByText(name, { selector: 'td span' }).closest('tr')!;

describe('congress representatives tab', () => {
  it('without a term shows the first step; the term form checks its dates on the fields and shows the presets', async () => {
    const be = signedInBackend({ workers: staff() });
    const u = user();
    renderInProviders(<RepsTab />);
    expect(await screen.findByTestId('congress-no-term')).toHaveTextContent('第一步：新建一届');
    await u.click(button('新建一届'));
    const dlg = await screen.findByRole('dialog');
    // the presets say what they mean
    for (const s of ['全国（职工人数 5% 且不少于 30 人）', '超过全体代表的三分之二', '不少于全体代表的三分之二']) expect(within(dlg).getByText(s)).toBeInTheDocument();
    expect(within(dlg).getByText(/上海（100 人 30 名/)).toBeInTheDocument();
    // a term of one year is refused on its end date, before anything is sent
    const end = within(dlg).getByLabelText('任期届满');
    await u.clear(end);
    await fill(u, end, '2027-01-01');
    await u.keyboard('{Enter}');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('每届任期为 3 至 5 年')).toBeInTheDocument();
    expect(be.count('congress.termCreate')).toBe(0);
    // the custom quota asks for its numbers
    await u.click(within(dlg).getByLabelText('自定义'));
    expect(await within(dlg).findByText('每千名职工的代表数（‰）')).toBeInTheDocument();
    await u.click(within(dlg).getByLabelText(/全国/));
    await u.clear(end);
    await fill(u, end, '2029-12-31');
    await u.keyboard('{Enter}');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('congress.termCreate')).toBe(1));
    expect(be.validationFailures()).toEqual([]);
    expect(be.last('congress.termCreate')).toMatchObject({ number: 1, form: 'congress', endDate: '2029-12-31', settings: { quotaPreset: 'national', quorumRule: 'gt' } });
    expect(await screen.findByText(/本届还没有代表/)).toBeInTheDocument();
    // the live composition is there from the start: the national quota needs 30 of these 10 staff → all 10
    expect(ok('quota')).toBe('false');
    expect(check('quota')).toHaveTextContent('代表名额：0 名，职工 10 人应不少于 10 名');
  });

  it('imports from the roster, then the composition goes from red to green with the presidium; a recall needs its grounds and a confirmation', async () => {
    const be = signedInBackend({ workers: staff() });
    withTerm(be);
    const u = user();
    renderInProviders(<RepsTab />);
    await screen.findByText('本届还没有代表。可以“从花名册导入”标记为职工代表的职工，或逐个“新增代表”。');
    await u.click(button('从花名册导入'));
    const dlg = await screen.findByRole('dialog');
    expect(within(dlg).getByText(/标记为“职工代表”的在职职工/)).toBeInTheDocument();
    await u.click(within(dlg).getByRole('button', { name: label('导入') }));
    expect(await screen.findByTestId('import-summary')).toHaveTextContent('新增 3 名代表，已在任 0 名，新建代表团（组）0 个');
    await screen.findByText('张丽', { selector: 'td span' });
    expect(row('王芳')).toHaveTextContent('合成车间');
    // 3 of 10 staff (quota 3), 2 front-line, 2 women; no presidium yet → its two checks red
    await waitFor(() => expect(ok('quota')).toBe('true'));
    expect(check('frontLine')).toHaveTextContent('一线职工代表：2 / 3 名，应不少于 2 名');
    expect(check('women')).toHaveTextContent('女职工代表：2 / 3 名，按女职工比例应不少于 2 名');
    expect(ok('presidiumSize')).toBe('false');
    expect(check('presidiumSize')).toHaveTextContent('主席团：0 人，应为 1–3 人');
    expect(screen.getByTestId('composition-summary')).toHaveTextContent('2 项不符合要求');

    await u.click(screen.getByRole('switch', { name: '张丽 是否进入主席团' }));
    await waitFor(() => expect(ok('presidiumSize')).toBe('true'));
    expect(ok('presidiumFrontLine')).toBe('true');
    expect(screen.getByTestId('composition-summary')).toHaveTextContent('各项均符合要求');
    expect(be.last('congress.memberUpdate')).toEqual({ id: expect.any(String), presidium: true });

    // a recall: grounds required on the field; cancelling ends nothing
    await u.click(screen.getByRole('button', { name: '李强 离任' }));
    let end = await screen.findByRole('dialog');
    expect(within(end).getByText(/自 .* 起不再是本届代表/)).toBeInTheDocument();
    await u.click(within(end).getByLabelText('罢免'));
    await u.click(within(end).getByRole('button', { name: label('确认离任') }));
    expect(await within(end).findByText('罢免须写明依据（如职代会决议）')).toBeInTheDocument();
    expect(be.count('congress.memberEnd')).toBe(0);
    await u.click(within(end).getByRole('button', { name: label('取消') }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(be.count('congress.memberEnd')).toBe(0);

    await u.click(screen.getByRole('button', { name: '李强 离任' }));
    end = await screen.findByRole('dialog');
    await u.click(within(end).getByLabelText('罢免'));
    await fill(u, within(end).getByLabelText('罢免依据（如职代会决议）'), '第三届第二次职代会决议');
    await u.click(within(end).getByRole('button', { name: label('确认离任') }));
    await waitFor(() => expect(be.count('congress.memberEnd')).toBe(1));
    expect(be.last('congress.memberEnd')).toMatchObject({ leftBy: 'recall', note: '第三届第二次职代会决议' });
    // gone from today's list, the quota red again, and in the history with how and why
    await waitFor(() => expect(screen.queryByText('李强', { selector: 'td span' })).toBeNull());
    await waitFor(() => expect(ok('quota')).toBe('false'));
    await u.click(screen.getByRole('switch', { name: '含历史记录' }));
    await waitFor(() => expect(row('李强')).toHaveTextContent('罢免'));
    expect(row('李强')).toHaveTextContent('第三届第二次职代会决议');
    expect(within(row('李强')).queryByRole('button')).toBeNull(); // a past stint cannot be edited

    // a by-election brings the quota back
    await u.click(button('补选'));
    const add = await screen.findByRole('dialog');
    await pick(u, within(add).getByRole('combobox', { name: '职工' }), '赵刚 · R04 · 合成车间');
    await waitFor(() => expect(be.count('workers.get')).toBe(1)); // the worker's workshop suggests the constituency
    await u.click(within(add).getByRole('button', { name: label('确定') }));
    await waitFor(() => expect(be.count('congress.memberAdd')).toBe(1));
    expect(be.last('congress.memberAdd')).toMatchObject({ termId: 'term-1', workerId: 'w-d', kind: 'representative', joinedBy: 'by_election', groupId: 'g-1' });
    await waitFor(() => expect(ok('quota')).toBe('true'));
    await waitFor(() => expect(row('赵刚')).toHaveTextContent('补选'));
    expect(be.validationFailures()).toEqual([]);
  });

  it('imports from a sheet: rows with problems shown with their row numbers, commit only after skipping them; cancel writes nothing', async () => {
    const be = signedInBackend({ workers: staff() });
    withTerm(be);
    const preview: Omit<RepsImportPreview, 'token' | 'fileName' | 'termId' | 'joinedOn'> = {
      columns: { empNo: true, idCard: false, name: true, group: true, kind: false, presidium: true },
      rows: [
        { rowNumber: 2, empNo: 'R01', name: '张丽', workerId: 'w-a', workerName: '张丽', groupName: '合成车间', groupNew: false, kind: 'representative', presidium: true, status: 'add', problems: [] },
        { rowNumber: 3, empNo: 'R99', name: '无名', workerId: null, workerName: null, groupName: null, groupNew: false, kind: 'representative', presidium: false, status: 'invalid', problems: [{ key: 'congress.import.workerNotFound', params: { value: 'R99' } }] },
      ],
      counts: { add: 1, already: 0, invalid: 1 },
      newGroups: [],
    };
    be.congressReps.sheetPreview = preview;
    const u = user();
    renderInProviders(<RepsTab />);
    // the keyboard: Alt+N adds a representative
    await screen.findByRole('button', { name: label('从表格导入') });
    fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true });
    expect(await screen.findByRole('dialog')).toHaveTextContent('新增代表 · 第3届');
    await u.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await u.click(screen.getByRole('button', { name: label('从表格导入') }));
    let dlg = await screen.findByRole('dialog');
    const file = new File(['工号,姓名\nR01,张丽\nR99,无名'], '代表名单.csv', { type: 'text/csv' });
    await u.upload(dlg.querySelector<HTMLInputElement>('input[type=file]')!, file);
    expect(await within(dlg).findByTestId('sheet-summary')).toHaveTextContent('代表名单.csv：新增 1 名，已在任 0 名，有问题 1 行');
    expect(within(dlg).getByText('花名册中没有 R99')).toBeInTheDocument();
    const commit = within(dlg).getByRole('button', { name: label('导入 1 名') });
    expect(commit).toBeDisabled();
    // cancel: nothing written, the session dropped
    await u.click(within(dlg).getByRole('button', { name: label('取消') }));
    await waitFor(() => expect(be.count('congress.repsImportCancel')).toBe(1));
    expect(be.count('congress.repsImportCommit')).toBe(0);
    expect(be.congressReps.stints).toEqual([]);

    await u.click(screen.getByRole('button', { name: label('从表格导入') }));
    dlg = await screen.findByRole('dialog');
    await u.upload(dlg.querySelector<HTMLInputElement>('input[type=file]')!, file);
    await within(dlg).findByTestId('sheet-summary');
    await u.click(within(dlg).getByLabelText('跳过有问题的 1 行'));
    await u.click(within(dlg).getByRole('button', { name: label('导入 1 名') }));
    await waitFor(() => expect(be.last('congress.repsImportCommit')).toEqual({ token: expect.any(String), skipInvalid: true }));
    expect(await screen.findByTestId('import-summary')).toHaveTextContent('已从表格导入 1 名代表');
    expect(be.inputs('congress.repsImportPreview')[0]).toMatchObject({ fileName: '代表名单.csv', termId: 'term-1' });
    expect(be.validationFailures()).toEqual([]);
  });

  it('the constituencies: made per workshop, renamed, a leader among its members, an empty one deleted', async () => {
    const be = signedInBackend({ workers: staff() });
    withTerm(be);
    be.congressReps.groups.push({ id: 'g-2', termId: 'term-1', name: '空组', orgUnitId: null, leaderWorkerId: null, sortOrder: 2 });
    be.congressReps.stints.push({ id: 'm-a', termId: 'term-1', workerId: 'w-a', groupId: 'g-1', kind: 'representative', presidium: false, joinedOn: '2024-01-01', joinedBy: 'election', leftOn: null, leftBy: null, leftNote: null });
    const u = user();
    renderInProviders(<RepsTab />);
    await u.click(await screen.findByRole('button', { name: label('代表团（组）') }));
    const drawer = await screen.findByRole('dialog');
    const name = await within(drawer).findByLabelText('合成车间 的名称');
    await u.clear(name);
    await u.type(name, '第一代表团{Enter}');
    await waitFor(() => expect(be.last('congress.groupSave')).toMatchObject({ id: 'g-1', name: '第一代表团' }));
    await pick(u, await within(drawer).findByRole('combobox', { name: '第一代表团 的组长' }), '张丽 · R01');
    await waitFor(() => expect(be.last('congress.groupSave')).toMatchObject({ id: 'g-1', leaderWorkerId: 'w-a' }));
    expect(within(drawer).getByRole('button', { name: '删除 第一代表团' })).toBeDisabled(); // has members
    await u.click(within(drawer).getByRole('button', { name: '删除 空组' }));
    await u.click(await screen.findByRole('button', { name: label('删除') }));
    await waitFor(() => expect(be.inputs('congress.groupDelete')).toEqual([{ id: 'g-2' }]));
    expect(be.validationFailures()).toEqual([]);
  });

  it('is the congress page at #/congress, in English too', async () => {
    const be = signedInBackend({ workers: staff() });
    withTerm(be);
    be.on('hazards.stats', () => {
      throw new Error('not needed');
    });
    act(() => useI18n.getState().setLocale('en'));
    history.replaceState(null, '', '#/congress');
    act(() => useRouter.getState().sync());
    renderApp();
    expect(await screen.findByRole('tab', { name: 'Terms and representatives' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('No representatives yet.', { exact: false })).toBeInTheDocument();
    expect(await screen.findByTestId('check-quota')).toHaveTextContent('Quota: 0 representatives; 10 staff need at least 3');
    expect(screen.getByRole('menuitem', { name: 'Congress' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: label('By-election') })).toBeInTheDocument();
  });
});
