// The skill-level wage page, records tab (issue 9): safe production time entered worker by worker from the employee
// number or name (Enter saves; checked before anything is sent), changed in place, deleted with an undo; behaviour
// records with the sign of the points following the kind, an evidence photo, delete / undo / restore; accidents with
// several workers; the manual monthly figures with the code's shape checked; read-only for other operators; the page at
// #/wage, in English too.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { useRouter } from '../../renderer/src/app/router';
import { RecordsTab } from '../../renderer/src/features/wage/records/RecordsTab';
import { useI18n } from '../../renderer/src/i18n';
import type { OrgUnit } from '../../shared/org/types';
import { makeOperator, makeWorker } from './fakeBackend';
import { button, fill, label, refill, renderApp, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { pick } from './hazardFixtures';

beforeEach(() => {
  resetStores();
  sessionStorage.removeItem('ankang.wage.records');
});

const PERIOD = dayjs().format('YYYY-MM');
const TODAY = dayjs().format('YYYY-MM-DD');
const unit = (id: string, kind: OrgUnit['kind'], name: string, parentId: string | null): OrgUnit => ({ id, kind, name, parentId, sortOrder: 0, retiredAt: null, workerCount: 0 });
const UNITS = [unit('u-ws', 'workshop', '合成车间', null), unit('u-t1', 'team', '甲班', 'u-ws')];
function staff() {
  const at = { workshopId: 'u-ws', workshopName: '合成车间', teamId: 'u-t1', teamName: '甲班' };
  return [makeWorker({ id: 'w-1', empNo: 'W001', name: '张三', ...at }), makeWorker({ id: 'w-2', empNo: 'W002', name: '李四', ...at }), makeWorker({ id: 'w-3', empNo: 'W003', name: '王五', ...at })];
}
const row = (text: string) => screen.getByText(text, { selector: 'td' }).closest('tr')!;
/** an antd Popconfirm's OK */
async function confirm(u: ReturnType<typeof user>, ok = '删除') {
  const pop = await screen.findByRole('tooltip');
  await u.click(within(pop).getByRole('button', { name: label(ok) }));
}
/** the Undo in the note after a delete */
const undo = () => screen.findByRole('button', { name: label('撤销') });

describe('wage records tab', () => {
  it('timekeeping: empty month, entry by employee no. with Enter, checked before sending, the next worker follows', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    const u = user();
    renderInProviders(<RecordsTab />);
    expect(await screen.findByTestId('wage-tk-empty')).toHaveTextContent(`${PERIOD} 还没有工时记录。在上方输入工号或姓名逐人录入，或从考勤表导入。`);

    // neither hours nor shifts: the field says so, nothing is sent
    const form = screen.getByRole('form', { name: '录入' });
    await pick(u, within(form).getByRole('combobox', { name: '职工' }), '张三 · W001 · 合成车间');
    await u.click(within(form).getByRole('button', { name: label('保存') }));
    expect(await within(form).findByText('请填写工时或班次（至少一项）')).toBeInTheDocument();
    expect(be.count('wage.timekeepingSave')).toBe(0);
    // too many hours: the same message the backend gives
    await fill(u, within(form).getByLabelText('工时（小时）'), '800');
    await u.keyboard('{Enter}');
    expect(await within(form).findByText('工时应为 0–744 小时，最多两位小数')).toBeInTheDocument();
    expect(be.count('wage.timekeepingSave')).toBe(0);
    await u.clear(within(form).getByLabelText('工时（小时）'));
    await fill(u, within(form).getByLabelText('工时（小时）'), '176.5');
    await u.keyboard('{Enter}');
    await waitFor(() => expect(be.count('wage.timekeepingSave')).toBe(1));
    expect(be.last('wage.timekeepingSave')).toEqual({ workerId: 'w-1', period: PERIOD, hours: 176.5, shifts: null, note: '' });
    await waitFor(() => expect(row('张三')).toHaveTextContent('176.5'));
    expect(row('张三')).toHaveTextContent('手工录入');
    expect(row('张三')).toHaveTextContent('合成车间 / 甲班');
    // the entry row is cleared and the worker picker has the focus for the next one
    await waitFor(() => expect(document.activeElement?.id).toBe('wageTk_workerId'));
    await pick(u, within(form).getByRole('combobox', { name: '职工' }), '李四 · W002 · 合成车间');
    await fill(u, within(form).getByLabelText('班次'), '22');
    await u.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('wage-tk-totals')).toHaveTextContent('共 2 人 · 工时合计 176.5 小时 · 班次合计 22'));
    expect(be.validationFailures()).toEqual([]);
  });

  it('timekeeping: a row edited in place (Enter saves, Esc leaves), deleted and undone; the month moves', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    const tk = (id: string, workerId: string, empNo: string, name: string, hours: number | null, shifts: number | null) =>
      ({ id, workerId, empNo, name, workshopName: '合成车间', teamName: '甲班', period: PERIOD, hours, shifts, source: 'manual' as const, note: null, updatedAt: '2026-01-01T00:00:00.000Z' });
    be.wageRecords.timekeeping.push(tk('tk-1', 'w-1', 'W001', '张三', 176.5, null), tk('tk-2', 'w-2', 'W002', '李四', null, 22));
    const u = user();
    renderInProviders(<RecordsTab />);
    await waitFor(() => expect(row('张三')).toHaveTextContent('176.5'));
    // edited in place: Enter saves, the same worker and month (an update, not a new row)
    await u.click(screen.getByRole('button', { name: '修改 张三 的工时' }));
    const hours = within(row('张三')).getByLabelText('工时（小时）');
    await u.clear(hours);
    await u.type(hours, '168{Enter}');
    await waitFor(() => expect(be.count('wage.timekeepingSave')).toBe(1));
    expect(be.last('wage.timekeepingSave')).toMatchObject({ workerId: 'w-1', period: PERIOD, hours: 168 });
    await waitFor(() => expect(row('张三')).toHaveTextContent('168'));
    expect(be.wageRecords.timekeeping).toHaveLength(2);
    // Esc leaves the edit without saving
    await u.click(screen.getByRole('button', { name: '修改 李四 的工时' }));
    fireEvent.keyDown(within(row('李四')).getByLabelText('班次'), { key: 'Escape' });
    await waitFor(() => expect(within(row('李四')).queryByLabelText('班次')).toBeNull());
    expect(be.count('wage.timekeepingSave')).toBe(1);

    // deleted, then undone: the same figures again
    await u.click(screen.getByRole('button', { name: '删除 张三 的工时' }));
    await confirm(u);
    await waitFor(() => expect(screen.queryByText('张三', { selector: 'td' })).toBeNull());
    await u.click(await undo());
    await waitFor(() => expect(row('张三')).toHaveTextContent('168'));
    expect(be.last('wage.timekeepingSave')).toEqual({ workerId: 'w-1', period: PERIOD, hours: 168, shifts: null, note: null });
    // this month is the latest a record can be of: no next month
    expect(screen.getByRole('button', { name: '下个月' })).toBeDisabled();
    // the month picker moves to the previous month: empty there
    await u.click(screen.getByRole('button', { name: '上个月' }));
    expect(screen.getByRole('button', { name: '下个月' })).toBeEnabled();
    const prev = dayjs().subtract(1, 'month').format('YYYY-MM');
    expect(await screen.findByTestId('wage-tk-empty')).toHaveTextContent(`${prev} 还没有工时记录`);
    expect(be.last('wage.timekeeping')).toEqual({ period: prev, search: '' });
    expect(be.validationFailures()).toEqual([]);
  });

  it('behaviour: a common item brings its usual points while none are entered; points typed in are kept', async () => {
    signedInBackend({ workers: staff(), units: UNITS });
    const u = user();
    renderInProviders(<RecordsTab />);
    await u.click(await screen.findByTestId('wage-section-behaviour'));
    await screen.findByTestId('wage-bh-empty');
    fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true });
    const dlg = await screen.findByRole('dialog');
    await fill(u, within(dlg).getByRole('combobox', { name: '事项' }), '违章动火');
    await waitFor(() => expect(within(dlg).getByLabelText('分值')).toHaveValue('-10'));
    // another item does not overwrite the points already there
    await refill(u, within(dlg).getByRole('combobox', { name: '事项' }), '未戴安全帽');
    expect(within(dlg).getByLabelText('分值')).toHaveValue('-10');
  });

  it('behaviour: Alt+N opens the form; checked before sending; the sign follows the kind; a photo as evidence', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    be.on('attachments.upload', (i) => ({ id: 'att-1', sha256: 'x', mime: 'image/png', bytes: 9, width: 1, height: 1, originalName: i.fileName }));
    be.on('attachments.get', () => ({ fileName: 'x.png', mime: 'image/png', dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=' }));
    const u = user();
    renderInProviders(<RecordsTab />);
    await u.click(await screen.findByTestId('wage-section-behaviour'));
    expect(await screen.findByTestId('wage-bh-empty')).toHaveTextContent(`${PERIOD} 还没有行为记录。`);
    fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true });
    const dlg = await screen.findByRole('dialog');
    expect(dlg).toHaveTextContent('新增行为记录');
    // nobody chosen and positive points on a violation: both said on their fields, nothing sent
    await fill(u, within(dlg).getByRole('combobox', { name: '事项' }), '未戴安全帽');
    await refill(u, within(dlg).getByLabelText('分值'), '3');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('请选择职工或班组（至少一项）')).toBeInTheDocument();
    expect(within(dlg).getByText('违章应扣分（分值为负数）')).toBeInTheDocument();
    expect(be.count('wage.behaviourCreate')).toBe(0);
    // the kind flips the sign: good act → +3, back to violation → −3
    await u.click(within(dlg).getByText('安全行为'));
    await waitFor(() => expect(within(dlg).getByLabelText('分值')).toHaveValue('3'));
    await u.click(within(dlg).getByText('违章'));
    await waitFor(() => expect(within(dlg).getByLabelText('分值')).toHaveValue('-3'));
    await pick(u, within(dlg).getByRole('combobox', { name: '职工' }), '王五 · W003 · 合成车间');
    await u.upload(dlg.querySelector<HTMLInputElement>('input[type=file]')!, new File(['png-bytes'], '现场.png', { type: 'image/png' }));
    await waitFor(() => expect(be.count('attachments.upload')).toBe(1));
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('wage.behaviourCreate')).toBe(1));
    expect(be.last('wage.behaviourCreate')).toMatchObject({ date: TODAY, workerId: 'w-3', teamId: null, kind: 'violation', category: '未戴安全帽', points: -3, evidenceId: 'att-1' });
    await waitFor(() => expect(row('未戴安全帽')).toHaveTextContent('王五 · W003'));
    expect(row('未戴安全帽')).toHaveTextContent('-3');
    expect(within(row('未戴安全帽')).getByRole('img', { name: '证据照片 王五 未戴安全帽' })).toBeInTheDocument();
    expect(be.validationFailures()).toEqual([]);
  });

  it('behaviour: a team\'s good act, the kind filter; delete, undo, restore from the deleted ones', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    be.wageRecords.behaviour.push({ id: 'bh-0', date: TODAY, workerId: 'w-3', empNo: 'W003', workerName: '王五', teamId: null, teamName: null, kind: 'violation', category: '未戴安全帽', points: -3, note: null, evidenceId: null, enteredBy: '王主席', updatedAt: TODAY, deletedAt: null });
    const u = user();
    renderInProviders(<RecordsTab />);
    await u.click(await screen.findByTestId('wage-section-behaviour'));
    await screen.findByText('未戴安全帽', { selector: 'td' });
    // a team's good act, then the kind filter
    await u.click(button('新增行为记录'));
    const dlg = await screen.findByRole('dialog');
    await u.click(within(dlg).getByText('安全行为'));
    await pick(u, within(dlg).getByRole('combobox', { name: '班组' }), '合成车间 / 甲班');
    await fill(u, within(dlg).getByRole('combobox', { name: '事项' }), '采纳安全建议');
    await refill(u, within(dlg).getByLabelText('分值'), '5');
    await u.keyboard('{Enter}');
    await waitFor(() => expect(be.count('wage.behaviourCreate')).toBe(1));
    expect(be.last('wage.behaviourCreate')).toMatchObject({ teamId: 'u-t1', workerId: null, kind: 'good_act', points: 5, evidenceId: null });
    await waitFor(() => expect(screen.getByTestId('wage-bh-sum')).toHaveTextContent('共 2 条 · 扣分合计 -3 · 加分合计 +5'));
    await u.click(within(screen.getByRole('radiogroup', { name: '类别' })).getByText('违章'));
    await waitFor(() => expect(screen.queryByText('采纳安全建议', { selector: 'td' })).toBeNull());
    expect(be.last('wage.behaviour')).toMatchObject({ period: PERIOD, kind: 'violation', deleted: false });

    // delete → undo (restored), delete again → restored from the deleted ones
    await u.click(screen.getByRole('button', { name: '删除 王五 未戴安全帽' }));
    await confirm(u);
    await waitFor(() => expect(screen.queryByText('未戴安全帽', { selector: 'td' })).toBeNull());
    await u.click(await undo());
    await waitFor(() => expect(be.count('wage.behaviourRestore')).toBe(1));
    await screen.findByText('未戴安全帽', { selector: 'td' });
    await u.click(screen.getByRole('button', { name: '删除 王五 未戴安全帽' }));
    await confirm(u);
    await waitFor(() => expect(screen.queryByText('未戴安全帽', { selector: 'td' })).toBeNull());
    await u.click(screen.getByRole('switch', { name: '已删除' }));
    await u.click(await screen.findByRole('button', { name: '恢复 王五 未戴安全帽' }));
    await waitFor(() => expect(be.count('wage.behaviourRestore')).toBe(2));
    expect(be.wageRecords.behaviour.every((b) => b.deletedAt === null)).toBe(true);
    expect(be.validationFailures()).toEqual([]);
  });

  it('accidents: several workers, the place required, deleted and undone', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    const u = user();
    renderInProviders(<RecordsTab />);
    await u.click(await screen.findByTestId('wage-section-accidents'));
    expect(await screen.findByTestId('wage-ac-empty')).toHaveTextContent(`${PERIOD} 没有事故记录。`);
    await u.click(button('新增事故'));
    const dlg = await screen.findByRole('dialog');
    expect(dlg).toHaveTextContent('一票否决');
    await fill(u, within(dlg).getByLabelText('经过'), '检修时手部被划伤');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('必填')).toBeInTheDocument();
    expect(be.count('wage.accidentCreate')).toBe(0);
    await fill(u, within(dlg).getByLabelText('地点'), '合成车间二楼');
    await u.click(within(dlg).getByText('轻伤'));
    await pick(u, within(dlg).getByRole('combobox', { name: '涉及班组' }), '合成车间 / 甲班');
    const workers = within(dlg).getByRole('combobox', { name: '涉及职工' });
    await pick(u, workers, '张三 · W001 · 合成车间');
    await pick(u, workers, '李四 · W002 · 合成车间');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('wage.accidentCreate')).toBe(1));
    expect(be.last('wage.accidentCreate')).toMatchObject({ date: TODAY, place: '合成车间二楼', severity: 'minor_injury', teamId: 'u-t1', workerIds: ['w-1', 'w-2'], description: '检修时手部被划伤' });
    await waitFor(() => expect(row('合成车间二楼')).toHaveTextContent('张三（W001）、李四（W002）'));
    expect(row('合成车间二楼')).toHaveTextContent('轻伤');

    await u.click(screen.getByRole('button', { name: `删除 ${TODAY} 合成车间二楼` }));
    await confirm(u);
    await waitFor(() => expect(screen.queryByText('合成车间二楼', { selector: 'td' })).toBeNull());
    await u.click(await undo());
    await waitFor(() => expect(be.count('wage.accidentRestore')).toBe(1));
    await screen.findByText('合成车间二楼', { selector: 'td' });
    expect(be.validationFailures()).toEqual([]);
  });

  it('manual figures: the indicator chosen from the catalogue\'s manual ones, a row taken back to change, deleted and undone', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    const skill = be.wageSchemes.catalogue[0]!;
    be.wageSchemes.catalogue.push({ ...structuredClone(skill), id: 'cat-CONTEST', code: 'CONTEST', name: { 'zh-CN': '技能竞赛', en: 'Skills contest' }, source: 'manual', builtIn: false });
    const u = user();
    renderInProviders(<RecordsTab />);
    await u.click(await screen.findByTestId('wage-section-manual'));
    expect(await screen.findByTestId('wage-mn-empty')).toHaveTextContent(`${PERIOD} 还没有手工录入的数值。`);
    const form = screen.getByRole('form', { name: '手工数值' });
    await pick(u, within(form).getByRole('combobox', { name: '职工' }), '张三 · W001 · 合成车间');
    // nothing chosen: said on the field, nothing sent
    await fill(u, within(form).getByLabelText('数值'), '85.5');
    await u.keyboard('{Enter}');
    expect(await within(form).findByText('必填')).toBeInTheDocument();
    expect(be.count('wage.manualSave')).toBe(0);
    // only the catalogue's manual indicators are offered
    const code = within(form).getByRole('combobox', { name: '指标' });
    await u.click(code);
    expect(await screen.findByRole('option', { name: 'CONTEST · 技能竞赛' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /SKILL/ })).toBeNull();
    await pick(u, code, 'CONTEST · 技能竞赛');
    await u.click(within(form).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('wage.manualSave')).toBe(1));
    expect(be.last('wage.manualSave')).toEqual({ workerId: 'w-1', period: PERIOD, code: 'CONTEST', value: 85.5, note: '' });
    await waitFor(() => expect(row('CONTEST · 技能竞赛')).toHaveTextContent('85.5'));
    // the indicator stays for the next worker
    expect(within(form).getByTitle('CONTEST · 技能竞赛')).toBeInTheDocument();

    await u.click(screen.getByRole('button', { name: '修改 张三 的 CONTEST' }));
    expect(await screen.findByText('正在修改 张三 的 CONTEST')).toBeInTheDocument();
    const value = within(form).getByLabelText('数值');
    await u.clear(value);
    await u.type(value, '90{Enter}');
    await waitFor(() => expect(be.count('wage.manualSave')).toBe(2));
    expect(be.last('wage.manualSave')).toMatchObject({ workerId: 'w-1', code: 'CONTEST', value: 90 });
    await waitFor(() => expect(row('CONTEST · 技能竞赛')).toHaveTextContent('90'));
    expect(be.wageRecords.manual).toHaveLength(1);

    await u.click(screen.getByRole('button', { name: '删除 张三 的 CONTEST' }));
    await confirm(u);
    expect(await screen.findByTestId('wage-mn-empty')).toBeInTheDocument();
    await u.click(await undo());
    await waitFor(() => expect(row('CONTEST · 技能竞赛')).toHaveTextContent('90'));
    expect(be.last('wage.manualSave')).toEqual({ workerId: 'w-1', period: PERIOD, code: 'CONTEST', value: 90, note: null });
    expect(be.validationFailures()).toEqual([]);
  });

  it('an operator who is not a recorder reads only: no entry row, no edit or delete', async () => {
    const reader = makeOperator({ id: 'op-tl', workerId: 'w-2', name: '李四', roles: ['team_leader'] });
    const be = signedInBackend({ workers: staff(), units: UNITS, operators: [reader] }, 'op-tl');
    be.wageRecords.timekeeping.push({ id: 'tk-x', workerId: 'w-1', empNo: 'W001', name: '张三', workshopName: '合成车间', teamName: '甲班', period: PERIOD, hours: 170, shifts: null, source: 'import', note: null, updatedAt: '2026-01-01T00:00:00.000Z' });
    const u = user();
    renderInProviders(<RecordsTab />);
    expect(await screen.findByText('只有工会干部、安全员或管理员可以录入能级工资记录；你可以查看。')).toBeInTheDocument();
    await waitFor(() => expect(row('张三')).toHaveTextContent('考勤表导入'));
    expect(screen.queryByRole('form', { name: '录入' })).toBeNull();
    expect(within(row('张三')).queryByRole('button')).toBeNull();
    await u.click(screen.getByTestId('wage-section-behaviour'));
    await screen.findByTestId('wage-bh-empty');
    expect(screen.queryByRole('button', { name: label('新增行为记录') })).toBeNull();
  });

  it('is the page at #/wage (the tab in the address), in English too', async () => {
    signedInBackend({ workers: staff(), units: UNITS });
    act(() => useI18n.getState().setLocale('en'));
    history.replaceState(null, '', '#/wage/records');
    act(() => useRouter.getState().sync());
    renderApp();
    expect(await screen.findByRole('tab', { name: 'Records' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('menuitem', { name: 'Wages' })).toBeInTheDocument();
    expect(await screen.findByTestId('wage-tk-empty')).toHaveTextContent(`No time recorded for ${PERIOD} yet.`);
    expect(screen.getByRole('form', { name: 'Enter' })).toBeInTheDocument();
  });
});
