// The records tab after a new user's walk (issue 9): a negative figure refused on its field (never clamped to 0), a
// behaviour record not saved when its photo did not upload, the banner of an approved month, the month in the route,
// the empty roster, the manual figure's indicator picked from the catalogue, accidents by year and with their workshop.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { parseHash, routeHash, useRouter } from '../../renderer/src/app/router';
import { RecordsTab } from '../../renderer/src/features/wage/records/RecordsTab';
import { useI18n } from '../../renderer/src/i18n';
import type { OrgUnit } from '../../shared/org/types';
import { makeWorker } from './fakeBackend';
import { seedWageRun } from './wageRunsFake';
import { fill, label, refill, renderApp, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { pick } from './hazardFixtures';

beforeEach(() => {
  resetStores();
  sessionStorage.removeItem('ankang.wage.records');
});

const PERIOD = dayjs().format('YYYY-MM');
const unit = (id: string, kind: OrgUnit['kind'], name: string, parentId: string | null): OrgUnit => ({ id, kind, name, parentId, sortOrder: 0, retiredAt: null, workerCount: 0 });
const UNITS = [unit('u-ws', 'workshop', '合成车间', null), unit('u-t1', 'team', '甲班', 'u-ws')];
function staff() {
  const at = { workshopId: 'u-ws', workshopName: '合成车间', teamId: 'u-t1', teamName: '甲班' };
  return [makeWorker({ id: 'w-1', empNo: 'W001', name: '张三', ...at }), makeWorker({ id: 'w-2', empNo: 'W002', name: '李四', ...at })];
}
const row = (text: string) => screen.getByText(text, { selector: 'td' }).closest('tr')!;

describe('wage records tab: fixes from the walk', () => {
  it('a negative number of hours or shifts is refused on its field, never saved as 0 (entry row and in-place edit)', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    const u = user();
    renderInProviders(<RecordsTab />);
    await screen.findByTestId('wage-tk-empty');
    const form = screen.getByRole('form', { name: '录入' });
    await pick(u, within(form).getByRole('combobox', { name: '职工' }), '张三 · W001 · 合成车间');
    await fill(u, within(form).getByLabelText('工时（小时）'), '-5');
    await u.keyboard('{Enter}');
    expect(await within(form).findByText('工时应为 0–744 小时，最多两位小数')).toBeInTheDocument();
    expect(within(form).getByLabelText('工时（小时）')).toHaveValue('-5');
    await u.clear(within(form).getByLabelText('工时（小时）'));
    await fill(u, within(form).getByLabelText('班次'), '-2');
    await u.keyboard('{Enter}');
    expect(await within(form).findByText('班次应为 0–93 的整数')).toBeInTheDocument();
    expect(be.count('wage.timekeepingSave')).toBe(0);

    // the in-place edit: the same
    be.wageRecords.timekeeping.push({ id: 'tk-1', workerId: 'w-2', empNo: 'W002', name: '李四', workshopName: '合成车间', teamName: '甲班', period: PERIOD, hours: 100, shifts: null, source: 'manual', note: null, updatedAt: '2026-01-01T00:00:00.000Z' });
    await u.click(screen.getByRole('button', { name: '上个月' }));
    await u.click(screen.getByRole('button', { name: '下个月' }));
    await waitFor(() => expect(row('李四')).toHaveTextContent('100'));
    await u.click(screen.getByRole('button', { name: '修改 李四 的工时' }));
    const hours = within(row('李四')).getByLabelText('工时（小时）');
    await u.clear(hours);
    await u.type(hours, '-5{Enter}');
    expect(await screen.findByText('工时应为 0–744 小时，最多两位小数')).toBeInTheDocument();
    expect(hours).toHaveValue('-5');
    expect(be.count('wage.timekeepingSave')).toBe(0);
    expect(be.wageRecords.timekeeping[0]!.hours).toBe(100);
  });

  it('a behaviour record is not saved when its photo failed to upload: the dialog stays open and says so; without the photo it saves', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    be.fail('attachments.upload', 'INTERNAL', 'err.internal');
    const u = user();
    renderInProviders(<RecordsTab />);
    await u.click(await screen.findByTestId('wage-section-behaviour'));
    await screen.findByTestId('wage-bh-empty');
    await u.click(screen.getByRole('button', { name: label('新增行为记录') }));
    const dlg = await screen.findByRole('dialog');
    await pick(u, within(dlg).getByRole('combobox', { name: '职工' }), '张三 · W001 · 合成车间');
    await fill(u, within(dlg).getByRole('combobox', { name: '事项' }), '未戴安全帽');
    await refill(u, within(dlg).getByLabelText('分值'), '-3');
    await u.upload(dlg.querySelector<HTMLInputElement>('input[type=file]')!, new File(['png-bytes'], 'evidence.png', { type: 'image/png' }));
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByTestId('wage-bh-refused')).toHaveTextContent('照片 evidence.png 未能上传');
    expect(within(dlg).getByTestId('wage-bh-refused')).toHaveTextContent('记录未保存');
    expect(be.count('wage.behaviourCreate')).toBe(0);
    expect(be.wageRecords.behaviour).toHaveLength(0);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    // the user chooses to go without the photo: then it saves
    await u.click(within(dlg).getByRole('button', { name: label('不附照片') }));
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('wage.behaviourCreate')).toBe(1));
    expect(be.last('wage.behaviourCreate')).toMatchObject({ workerId: 'w-1', points: -3, evidenceId: null });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('a month with an approved run: the banner names its calculation, a save says it must be calculated again; another month has none', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    seedWageRun(be.wageRuns, { period: PERIOD, version: 1, state: 'replaced' }, []);
    seedWageRun(be.wageRuns, { period: PERIOD, version: 2, state: 'approved', approvedAt: '2026-01-02T00:00:00.000Z', approvedBy: '王主席' }, []);
    const u = user();
    renderInProviders(<RecordsTab />);
    expect(await screen.findByTestId('wage-approved-banner')).toHaveTextContent('该月已审批（第 2 次核算），修改记录后需重新核算');
    expect(within(screen.getByTestId('wage-approved-banner')).getByRole('link', { name: '打开月度核算' })).toHaveAttribute('href', `#/wage/runs/${PERIOD}`);
    const form = screen.getByRole('form', { name: '录入' });
    await pick(u, within(form).getByRole('combobox', { name: '职工' }), '张三 · W001 · 合成车间');
    await fill(u, within(form).getByLabelText('工时（小时）'), '160');
    await u.keyboard('{Enter}');
    expect(await screen.findByText(`已保存 张三 ${PERIOD} 的工时；该月已审批（第 2 次核算），需重新核算`)).toBeInTheDocument();
    // the month before has no run: no banner
    await u.click(screen.getByRole('button', { name: '上个月' }));
    await waitFor(() => expect(screen.queryByTestId('wage-approved-banner')).toBeNull());
  });

  it('the month is in the address: read from it, written when the month changes (Back returns); a record named in it opens', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    const prev = dayjs().subtract(1, 'month').format('YYYY-MM');
    const before = dayjs().subtract(2, 'month').format('YYYY-MM');
    be.wageRecords.behaviour.push({ id: 'bh-9', date: `${prev}-10`, workerId: 'w-1', empNo: 'W001', workerName: '张三', teamId: null, teamName: null, kind: 'violation', category: '违章动火', points: -5, note: null, evidenceId: null, enteredBy: '王主席', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null });
    history.replaceState(null, '', `#/wage/records/${prev}`);
    act(() => useRouter.getState().sync());
    const u = user();
    renderApp();
    expect(await screen.findByTestId('wage-tk-empty')).toHaveTextContent(`${prev} 还没有工时记录`);
    expect(be.last('wage.timekeeping')).toEqual({ period: prev, search: '' });
    await u.click(screen.getByRole('button', { name: '上个月' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/wage/records/${before}`));
    expect(await screen.findByTestId('wage-tk-empty')).toHaveTextContent(`${before} 还没有工时记录`);
    act(() => history.back());
    await waitFor(() => expect(window.location.hash).toBe(`#/wage/records/${prev}`));
    expect(await screen.findByTestId('wage-tk-empty')).toHaveTextContent(`${prev} 还没有工时记录`);

    // a behaviour record in the address: its section, its dialog; closing leaves the month's address
    history.pushState(null, '', `#/wage/records/${prev}/behaviour/bh-9`);
    act(() => useRouter.getState().sync());
    const dlg = await screen.findByRole('dialog');
    expect(dlg).toHaveTextContent('修改行为记录');
    expect(within(dlg).getByRole('combobox', { name: '事项' })).toHaveValue('违章动火');
    await u.click(within(dlg).getByRole('button', { name: label('取消') }));
    await waitFor(() => expect(window.location.hash).toBe(`#/wage/records/${prev}`));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('an empty roster: the tab says so and links to it', async () => {
    signedInBackend({ workers: [], units: UNITS });
    renderInProviders(<RecordsTab />);
    const alert = await screen.findByTestId('wage-roster-empty');
    expect(alert).toHaveTextContent('花名册还没有职工');
    expect(within(alert).getByRole('link', { name: '打开职工花名册' })).toHaveAttribute('href', '#/roster');
    expect(await screen.findByTestId('wage-tk-empty')).toHaveTextContent('花名册为空，暂无可录入的职工');
  });

  it('accidents show workshop / team, and are browsed by the month, its year or all', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    const year = PERIOD.slice(0, 4);
    be.wageRecords.accidents.push({ id: 'ac-1', date: `${PERIOD}-01`, place: '二楼', severity: 'minor_injury', description: '划伤', teamId: 'u-t1', teamName: '甲班', workers: [], enteredBy: '王主席', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null });
    const u = user();
    renderInProviders(<RecordsTab />);
    await u.click(await screen.findByTestId('wage-section-accidents'));
    await waitFor(() => expect(row('二楼')).toHaveTextContent('合成车间 / 甲班'));
    await u.click(screen.getByTestId('wage-ac-scope-year'));
    await waitFor(() => expect(be.last('wage.accidents')).toEqual({ from: `${year}-01-01`, to: `${year}-12-31`, severity: null, deleted: false }));
    await u.click(screen.getByTestId('wage-ac-scope-all'));
    await waitFor(() => expect(be.last('wage.accidents')).toEqual({ severity: null, deleted: false }));
    expect(row('二楼')).toBeInTheDocument();
  });

  it('the wage page shows the way through once, each step a link marked done from the data', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    be.wageRecords.timekeeping.push({ id: 'tk-1', workerId: 'w-1', empNo: 'W001', name: '张三', workshopName: '合成车间', teamName: '甲班', period: PERIOD, hours: 100, shifts: null, source: 'manual', note: null, updatedAt: '2026-01-01T00:00:00.000Z' });
    history.replaceState(null, '', '#/wage/records');
    act(() => useRouter.getState().sync());
    renderApp();
    const way = await screen.findByRole('navigation', { name: '流程' });
    await waitFor(() => expect(within(way).getByTestId('wage-way-roster')).toHaveAttribute('data-done', 'true'));
    expect(within(way).getByRole('link', { name: '花名册（已完成）' })).toHaveAttribute('href', '#/roster');
    expect(within(way).getByRole('link', { name: '记录（已完成）' })).toHaveAttribute('href', '#/wage/records');
    expect(within(way).getByRole('link', { name: '方案（下一步）' })).toHaveAttribute('href', '#/wage/schemes');
    expect(within(way).getByRole('link', { name: '审批' })).toHaveAttribute('data-done', 'false');
    expect(within(way).getAllByRole('link').map((a) => a.textContent)).toEqual(['花名册', '记录', '方案', '职代会通过', '生效', '月度核算', '审批', '发放']);
    expect(screen.getAllByTestId('wage-way')).toHaveLength(1);
    // the address without a month gets the month shown, in place (Back to it shows the same month)
    await waitFor(() => expect(window.location.hash).toBe(`#/wage/records/${PERIOD}`));
  });

  it('the way through: a roster of only the first operator (the wizard’s one worker) is not filled yet', async () => {
    signedInBackend({ workers: staff().slice(0, 1), units: UNITS });
    history.replaceState(null, '', '#/wage/records');
    act(() => useRouter.getState().sync());
    renderApp();
    const way = await screen.findByRole('navigation', { name: '流程' });
    await waitFor(() => expect(within(way).getByRole('link', { name: '花名册（下一步）' })).toHaveAttribute('data-done', 'false'));
  });

  it('the wage address carries the tab, the month and a record (other pages keep one segment)', () => {
    expect(parseHash('#/wage/records/2026-09')).toEqual({ route: { page: 'wage', id: 'records/2026-09' }, known: true });
    expect(parseHash('#/wage/records/2026-09/behaviour/bh-1')).toEqual({ route: { page: 'wage', id: 'records/2026-09/behaviour/bh-1' }, known: true });
    expect(routeHash({ page: 'wage', id: 'records/2026-09' })).toBe('#/wage/records/2026-09');
    expect(parseHash('#/hazards/a/b').known).toBe(false);
    expect(routeHash({ page: 'hazards', id: 'a/b' })).toBe('#/hazards/a%2Fb');
  });

  it('manual figures with no manual indicator in the catalogue: said, with the way to the catalogue (it opens)', async () => {
    signedInBackend({ workers: staff(), units: UNITS });
    history.replaceState(null, '', '#/wage/records');
    act(() => useRouter.getState().sync());
    const u = user();
    renderApp();
    await u.click(await screen.findByTestId('wage-section-manual'));
    const alert = await screen.findByTestId('wage-mn-noIndicators');
    expect(alert).toHaveTextContent('指标目录中还没有来源为“手工录入”的指标');
    await u.click(within(alert).getByRole('link', { name: '打开指标目录' }));
    await waitFor(() => expect(window.location.hash).toBe('#/wage/schemes'));
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
  });

  it('the behaviour list: the category has the room (the note narrower); the English sum capitalised alike', async () => {
    const be = signedInBackend({ workers: staff(), units: UNITS });
    const long = '高处作业未系安全带且未设置警戒区域';
    be.wageRecords.behaviour.push({ id: 'bh-1', date: `${PERIOD}-01`, workerId: 'w-1', empNo: 'W001', workerName: '张三', teamId: null, teamName: null, kind: 'violation', category: long, points: -10, note: null, evidenceId: null, enteredBy: '王主席', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null });
    act(() => useI18n.getState().setLocale('en'));
    renderInProviders(<RecordsTab />);
    fireEvent.click(await screen.findByTestId('wage-section-behaviour'));
    await waitFor(() => expect(screen.getByTestId('wage-bh-sum')).toHaveTextContent('1 record · Points off: -10 · Points added: 0'));
    const widths = [...document.querySelectorAll('[data-testid="wage-behaviour"] colgroup col')].map((c) => (c as HTMLElement).style.width);
    const headers = [...document.querySelectorAll('[data-testid="wage-behaviour"] thead th')].map((th) => th.textContent);
    const w = (title: string) => parseInt(widths[headers.indexOf(title)] ?? '0', 10);
    expect(w('Category')).toBeGreaterThan(w('Note'));
    expect(w('Category')).toBeGreaterThanOrEqual(240);
    act(() => useI18n.getState().setLocale('zh-CN'));
  });
});
