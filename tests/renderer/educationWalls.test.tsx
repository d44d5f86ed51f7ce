// The education page's walls tab (issue 10, area WALLS): the check lists the units without a wall and the walls not
// updated in time; a wall added for a missing unit from the check; a wall's drawer records an update (sections
// required, checked before sending), deletes it with an undo; a reader sees no write buttons; the admin changes the
// months; the tab at #/education/walls in English too.
import { act, screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../renderer/src/app/router';
import { WallsTab } from '../../renderer/src/features/education/walls/WallsTab';
import { useI18n } from '../../renderer/src/i18n';
import { wallCutoff } from '../../shared/education/walls/rules';
import type { OrgUnit } from '../../shared/org/types';
import { installWallsFake } from './educationWallsFake';
import { makeOperator } from './fakeBackend';
import { button, fill, label, renderApp, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(() => resetStores());

const unit = (id: string, kind: OrgUnit['kind'], name: string, parentId: string | null): OrgUnit => ({ id, kind, name, parentId, sortOrder: 0, retiredAt: null, workerCount: 0 });
const UNITS = [unit('u-ws', 'workshop', '合成车间', null), unit('u-t1', 'team', '甲班', 'u-ws'), unit('u-t2', 'team', '乙班', 'u-ws')];
const p = (n: number) => String(n).padStart(2, '0');
const d = new Date();
const TODAY = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
const OLD = (() => {
  const c = new Date(`${wallCutoff(TODAY, 3)}T00:00:00Z`);
  c.setUTCDate(c.getUTCDate() - 1);
  return c.toISOString().slice(0, 10);
})();

async function confirm(u: ReturnType<typeof user>, ok = '删除') {
  const pop = await screen.findByRole('tooltip');
  await u.click(within(pop).getByRole('button', { name: label(ok) }));
}

describe('culture walls tab', () => {
  it('empty: the check lists every unit as missing; a wall is added for one from the check and the check follows', async () => {
    const be = signedInBackend({ units: UNITS });
    installWallsFake(be, UNITS);
    const u = user();
    renderInProviders(<WallsTab />);
    expect(await screen.findByTestId('edu-wall-empty')).toHaveTextContent('还没有文化墙。点击“新建文化墙”');
    expect(screen.getByTestId('edu-wall-check-summary')).toHaveTextContent(`3 个车间/班组中，0 个有文化墙，0 个在 3 个月内更新过（${wallCutoff(TODAY, 3)} 以来）`);
    const missing = screen.getByTestId('edu-wall-missing');
    expect(missing).toHaveTextContent('没有文化墙（3）');
    expect(missing).toHaveTextContent('合成车间 / 甲班');

    await u.click(within(missing).getByRole('button', { name: '建墙 合成车间 / 甲班' }));
    const dlg = await screen.findByRole('dialog', { name: '新建文化墙' });
    // the location is required: checked before anything is sent
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('必填')).toBeInTheDocument();
    expect(be.count('education.wallCreate')).toBe(0);
    await fill(u, within(dlg).getByLabelText('位置'), '甲班休息室东墙');
    await u.keyboard('{Enter}');
    await waitFor(() => expect(be.count('education.wallCreate')).toBe(1));
    expect(be.last('education.wallCreate')).toEqual({ orgUnitId: 'u-t1', location: '甲班休息室东墙', name: '', note: '' });
    await waitFor(() => expect(screen.getByTestId('edu-wall-check-summary')).toHaveTextContent('3 个车间/班组中，1 个有文化墙，0 个在 3 个月内更新过'));
    expect(screen.getByTestId('edu-wall-missing')).toHaveTextContent('没有文化墙（2）');
    expect(screen.getByTestId('edu-wall-stale')).toHaveTextContent('合成车间 / 甲班从未更新');
    const row = screen.getByText('甲班休息室东墙', { selector: 'td' }).closest('tr')!;
    expect(row).toHaveTextContent('从未更新');
    expect(row).toHaveTextContent('未按期更新');
    expect(be.validationFailures()).toEqual([]);
  });

  it('a stale wall: "record update" opens its drawer with the form; sections are required; saved, it is current; deleted and undone', async () => {
    const be = signedInBackend({ units: UNITS });
    const st = installWallsFake(be, UNITS);
    st.walls.push({ id: 'wall-a', orgUnitId: 'u-t2', unitKind: 'team', unitName: '乙班', workshopName: '合成车间', name: '乙班安康墙', location: '乙班门口', note: null, lastUpdate: null, updates: 0, state: 'stale', updatedAt: '', deletedAt: null });
    st.updates.push({ id: 'upd-old', wallId: 'wall-a', date: OLD, sections: ['slogans'], content: '旧标语', photos: [], enteredBy: '王主席', updatedAt: '', deletedAt: null });
    const u = user();
    renderInProviders(<WallsTab />);
    const stale = await screen.findByTestId('edu-wall-stale');
    expect(stale).toHaveTextContent(`合成车间 / 乙班最近更新 ${OLD}`);
    await u.click(within(stale).getByRole('button', { name: '登记更新 合成车间 / 乙班' }));
    expect(useRouter.getState().route).toEqual({ page: 'education', id: 'walls/wall-a' });
    // the update form's dialog (inside the drawer: both dialogs' titles share rc-util's test id, so found by its form)
    const form = await waitFor(() => {
      const f = document.getElementById('eduWallUpd')?.closest<HTMLElement>('[role="dialog"]');
      if (!f) throw new Error('no update form');
      return f;
    });
    expect(form).toHaveTextContent(/^登记更新/);
    const drawer = screen.getByTestId('edu-wall-drawer');
    expect(within(drawer).getByText('旧标语')).toBeInTheDocument();

    await u.click(within(form).getByRole('button', { name: label('保存') }));
    expect(await within(form).findByText('请至少选择一个更新的栏目')).toBeInTheDocument();
    expect(be.count('education.wallUpdateAdd')).toBe(0);
    await u.click(within(form).getByRole('checkbox', { name: '事故案例' }));
    await u.click(within(form).getByRole('checkbox', { name: '安全知识' }));
    await fill(u, within(form).getByLabelText('更新内容'), '本月事故案例两则');
    await u.click(within(form).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('education.wallUpdateAdd')).toBe(1));
    expect(be.last('education.wallUpdateAdd')).toEqual({ wallId: 'wall-a', date: TODAY, sections: ['knowledge', 'accident_cases'], content: '本月事故案例两则', photoIds: [] });
    await waitFor(() => expect(within(drawer).getAllByTestId('edu-wall-upd')).toHaveLength(2));
    expect(within(drawer).getAllByTestId('edu-wall-upd')[0]).toHaveTextContent(`${TODAY}安全知识事故案例`);
    await waitFor(() => expect(screen.getByTestId('edu-wall-check-summary')).toHaveTextContent('1 个有文化墙，1 个在 3 个月内更新过'));

    // delete the new update, then undo
    await u.click(within(drawer).getByRole('button', { name: `删除 ${TODAY} 的更新` }));
    await confirm(u);
    await waitFor(() => expect(within(drawer).getAllByTestId('edu-wall-upd')).toHaveLength(1));
    await u.click(await screen.findByRole('button', { name: label('撤销') }));
    await waitFor(() => expect(within(drawer).getAllByTestId('edu-wall-upd')).toHaveLength(2));
    expect(be.count('education.wallUpdateRestore')).toBe(1);
    expect(be.validationFailures()).toEqual([]);
  });

  it('a wall deleted from the list comes back with Undo; the deleted list restores too', async () => {
    const be = signedInBackend({ units: UNITS });
    const st = installWallsFake(be, UNITS);
    st.walls.push({ id: 'wall-a', orgUnitId: 'u-ws', unitKind: 'workshop', unitName: '合成车间', workshopName: null, name: null, location: '车间大门', note: null, lastUpdate: null, updates: 0, state: 'stale', updatedAt: '', deletedAt: null });
    const u = user();
    renderInProviders(<WallsTab />);
    await u.click(await screen.findByRole('button', { name: '删除 合成车间 · 车间大门' }));
    await confirm(u);
    expect(await screen.findByTestId('edu-wall-empty')).toBeInTheDocument();
    await u.click(await screen.findByRole('button', { name: label('撤销') }));
    expect(await screen.findByText('车间大门', { selector: 'td' })).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: '删除 合成车间 · 车间大门' }));
    await confirm(u);
    await u.click(screen.getByRole('switch', { name: '显示已删除' }));
    await u.click(await screen.findByRole('button', { name: '恢复 合成车间 · 车间大门' }));
    await waitFor(() => expect(be.count('education.wallRestore')).toBe(2));
  });

  it('a reader sees the walls and the check, no write buttons; the months setting is the admin’s', async () => {
    const reader = makeOperator({ id: 'op-oh', name: '钱卫生', roles: ['oh_manager'] });
    const be = signedInBackend({ units: UNITS, operators: [reader] }, 'op-oh');
    const st = installWallsFake(be, UNITS);
    st.walls.push({ id: 'wall-a', orgUnitId: 'u-t1', unitKind: 'team', unitName: '甲班', workshopName: '合成车间', name: null, location: '东墙', note: null, lastUpdate: null, updates: 0, state: 'stale', updatedAt: '', deletedAt: null });
    renderInProviders(<WallsTab />);
    expect(await screen.findByText('只读：工会干部、班组长、安全员或管理员可以维护文化墙。')).toBeInTheDocument();
    expect(await screen.findByText('东墙', { selector: 'td' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: label('新建文化墙') })).toBeNull();
    expect(screen.queryByRole('button', { name: /^建墙/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^删除/ })).toBeNull();
    expect(screen.getByLabelText('更新周期（月）')).toBeDisabled();
  });

  it('the admin sets the months: the check follows', async () => {
    const be = signedInBackend({ units: UNITS });
    const st = installWallsFake(be, UNITS);
    st.walls.push({ id: 'wall-a', orgUnitId: 'u-t1', unitKind: 'team', unitName: '甲班', workshopName: '合成车间', name: null, location: '东墙', note: null, lastUpdate: null, updates: 0, state: 'stale', updatedAt: '', deletedAt: null });
    st.updates.push({ id: 'upd-old', wallId: 'wall-a', date: OLD, sections: ['slogans'], content: null, photos: [], enteredBy: '王主席', updatedAt: '', deletedAt: null });
    const u = user();
    renderInProviders(<WallsTab />);
    await waitFor(() => expect(screen.getByTestId('edu-wall-check-summary')).toHaveTextContent('1 个有文化墙，0 个在 3 个月内更新过'));
    const months = screen.getByLabelText('更新周期（月）');
    await u.clear(months);
    await u.type(months, '4{Enter}');
    await waitFor(() => expect(be.last('education.wallSettingsSave')).toEqual({ months: 4 }));
    await waitFor(() => expect(screen.getByTestId('edu-wall-check-summary')).toHaveTextContent('1 个有文化墙，1 个在 4 个月内更新过'));
    expect(screen.queryByTestId('edu-wall-stale')).toBeNull();
  });

  it('the address opens a wall (#/education/walls/<id>); a deleted update is restored from the drawer; an unknown id says so', async () => {
    const be = signedInBackend({ units: UNITS });
    const st = installWallsFake(be, UNITS);
    st.walls.push({ id: 'wall-a', orgUnitId: 'u-t1', unitKind: 'team', unitName: '甲班', workshopName: '合成车间', name: null, location: '东墙', note: null, lastUpdate: null, updates: 0, state: 'stale', updatedAt: '', deletedAt: null });
    st.updates.push({ id: 'upd-x', wallId: 'wall-a', date: OLD, sections: ['stories'], content: '误删的记录', photos: [], enteredBy: '王主席', updatedAt: '', deletedAt: '2026-01-01T00:00:00.000Z' });
    const u = user();
    act(() => useRouter.getState().navigate({ page: 'education', id: 'walls/wall-a' }));
    renderInProviders(<WallsTab />);
    const drawer = await screen.findByTestId('edu-wall-drawer');
    expect(await within(drawer).findByTestId('edu-wall-upd-empty')).toHaveTextContent('这面墙还没有更新记录。');
    await u.click(within(drawer).getByRole('switch', { name: '显示已删除' }));
    expect(await within(drawer).findByText('误删的记录')).toBeInTheDocument();
    await u.click(within(drawer).getByRole('button', { name: label('恢复') }));
    await waitFor(() => expect(be.count('education.wallUpdateRestore')).toBe(1));
    await u.click(within(drawer).getByRole('switch', { name: '显示已删除' }));
    expect(await within(drawer).findByText('误删的记录')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('东墙', { selector: 'td' }).closest('tr')).toHaveTextContent(OLD));

    act(() => useRouter.getState().navigate({ page: 'education', id: 'walls/nope' }));
    expect(await screen.findByText('地址中的文化墙不存在或已删除。')).toBeInTheDocument();
  });

  it('no units yet: the check sends the user to 组织机构 in the roster, by a link (zh and en)', async () => {
    const be = signedInBackend({ units: [] });
    installWallsFake(be, []);
    renderInProviders(<WallsTab />);
    const alert = await screen.findByTestId('edu-wall-no-units');
    expect(alert).toHaveTextContent('还没有车间或班组。请先在职工花名册的“组织机构”中建立车间和班组。');
    expect(alert).not.toHaveTextContent('组织架构');
    expect(within(alert).getByRole('link', { name: '去职工花名册' })).toHaveAttribute('href', '#/roster');
    act(() => useI18n.setState({ locale: 'en' }));
    expect(await within(alert).findByRole('link', { name: 'Open the worker roster' })).toHaveAttribute('href', '#/roster');
    expect(alert).toHaveTextContent('Set them up under Organisation in the worker roster first.');
  });

  it('the page at #/education/walls, in English', async () => {
    const be = signedInBackend({ units: UNITS });
    installWallsFake(be, UNITS);
    act(() => useI18n.setState({ locale: 'en' }));
    act(() => useRouter.getState().navigate({ page: 'education', id: 'walls' }));
    renderApp();
    expect(await screen.findByRole('tab', { name: 'Culture walls', selected: true })).toBeInTheDocument();
    expect(await screen.findByTestId('edu-wall-check-summary')).toHaveTextContent('Of 3 workshops and teams, 0 have a culture wall');
    expect(screen.getByTestId('edu-wall-empty')).toHaveTextContent('No culture walls yet.');
    expect(button('New culture wall')).toBeInTheDocument();
  });
});
