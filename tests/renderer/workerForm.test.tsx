import { screen, waitFor, within } from '@testing-library/react';
import { WorkerForm } from '../../renderer/src/features/roster/WorkerForm';
import type { FakeBackend } from './fakeBackend';
import { button, fill, label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { LI_ID, ZHANG_ID, fieldErrors, modal, openRoster, rowOf, rows, seedWorkers, units } from './rosterFixtures';

beforeEach(resetStores);

/** The new-worker form as the roster opens it (toolbar button). */
async function openNew(be: FakeBackend) {
  await openRoster(be);
  await user().click(button('新增职工'));
  await screen.findByRole('dialog');
  return modal();
}

/** The form alone — enough for client-side validation, and cheaper than the whole roster page. */
async function openForm(onSaved = vi.fn()) {
  renderInProviders(<WorkerForm worker={null} units={units} onClose={vi.fn()} onSaved={onSaved} />);
  await screen.findByRole('dialog');
  return modal();
}

const save = (dlg: HTMLElement) => user().click(within(dlg).getByRole('button', { name: label('保存') }));

describe('worker form: client-side validation (nothing is sent)', () => {
  test('a bad ID-card check digit shows 身份证号校验位不正确', async () => {
    const be = signedInBackend();
    const onSaved = vi.fn();
    const dlg = await openForm(onSaved);
    const u = user();
    await fill(u, within(dlg).getByLabelText('工号'), 'E100');
    await fill(u, within(dlg).getByLabelText('姓名'), '赵六');
    const bad = ZHANG_ID.slice(0, 17) + (ZHANG_ID[17] === '0' ? '1' : '0');
    await fill(u, within(dlg).getByLabelText('身份证号'), bad);
    await save(dlg);
    await waitFor(() => expect(fieldErrors(dlg, '身份证号')).toEqual(['身份证号校验位不正确']));
    expect(fieldErrors(dlg, '工号')).toEqual([]);
    expect(fieldErrors(dlg, '姓名')).toEqual([]);
    expect(be.count('workers.create')).toBe(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  test('a short ID card gets the format message', async () => {
    const be = signedInBackend();
    const dlg = await openForm();
    const u = user();
    await fill(u, within(dlg).getByLabelText('工号'), 'E100');
    await fill(u, within(dlg).getByLabelText('姓名'), '赵六');
    await fill(u, within(dlg).getByLabelText('身份证号'), '3201021990');
    await save(dlg);
    await waitFor(() => expect(fieldErrors(dlg, '身份证号')).toEqual(['身份证号应为 18 位（最后一位可为 X）']));
    expect(be.count('workers.create')).toBe(0);
  });

  test('a field\'s message goes away as soon as that field is corrected; the others stay until they are', async () => {
    signedInBackend();
    const dlg = await openForm();
    const u = user();
    await save(dlg);
    await waitFor(() => expect(fieldErrors(dlg, '工号')).toEqual(['必填']));
    expect(fieldErrors(dlg, '姓名')).toEqual(['必填']);
    await fill(u, within(dlg).getByLabelText('工号'), 'E0101');
    await waitFor(() => expect(fieldErrors(dlg, '工号')).toEqual([]));
    expect(fieldErrors(dlg, '姓名')).toEqual(['必填']);
  });

  test('empty required fields and a bad phone are marked in Chinese', async () => {
    const be = signedInBackend();
    const dlg = await openForm();
    const u = user();
    await fill(u, within(dlg).getByLabelText('手机号'), '12345');
    await save(dlg);
    await waitFor(() => expect(fieldErrors(dlg, '工号')).toEqual(['必填']));
    expect(fieldErrors(dlg, '姓名')).toEqual(['必填']);
    expect(fieldErrors(dlg, '手机号')).toEqual(['请输入 11 位手机号或带区号的座机号']);
    expect(be.count('workers.create')).toBe(0);
  });

  test('an ID card that contradicts the gender is flagged on the gender field', async () => {
    const be = signedInBackend();
    const dlg = await openForm();
    const u = user();
    await fill(u, within(dlg).getByLabelText('工号'), 'E100');
    await fill(u, within(dlg).getByLabelText('姓名'), '赵六');
    await fill(u, within(dlg).getByLabelText('身份证号'), LI_ID); // a female number, gender left at 男
    expect(within(dlg).getByLabelText('男')).toBeChecked();
    await save(dlg);
    await waitFor(() => expect(fieldErrors(dlg, '男')).toEqual(['性别与身份证号不一致']));
    expect(be.count('workers.create')).toBe(0);
  });
});

describe('worker form: saving through the roster', () => {
  test('a valid new worker calls workers.create, closes the form and shows the worker', async () => {
    const be = signedInBackend({ units });
    const dlg = await openNew(be);
    const u = user();
    await fill(u, within(dlg).getByLabelText('工号'), ' E100 ');
    await fill(u, within(dlg).getByLabelText('姓名'), '赵六');
    await fill(u, within(dlg).getByLabelText('身份证号'), ZHANG_ID.toLowerCase());
    await fill(u, within(dlg).getByLabelText('手机号'), '138 0013 8000');
    await u.click(within(dlg).getByLabelText('班组长'));
    await u.click(within(dlg).getByLabelText('职工代表'));
    // the payload must follow what the checkboxes show, whatever the form's defaults are
    const shown = (l: string) => (within(dlg).getByLabelText(l) as HTMLInputElement).checked;
    const [frontline, manager] = [shown('一线职工'), shown('中层及以上管理人员')];
    expect(shown('职工代表')).toBe(true);
    await save(dlg);

    await waitFor(() => expect(be.count('workers.create')).toBe(1));
    expect(be.last('workers.create')).toMatchObject({
      empNo: 'E100',
      name: '赵六',
      gender: 'M',
      idCard: ZHANG_ID,
      phone: '13800138000',
      roles: ['team_leader'],
      isRepresentative: true,
      isFrontline: frontline,
      isManager: manager,
      status: 'active',
      orgUnitId: null,
    });
    expect(be.validationFailures()).toEqual([]);
    expect(await screen.findByText('已保存')).toBeInTheDocument();
    // the new worker's details drawer opens and the table reloads
    expect(await screen.findByText('赵六 · E100')).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0]!).getByText('320102********1232')).toBeInTheDocument();
    expect(screen.queryByText('新增职工', { selector: '.ant-modal-title' })).not.toBeInTheDocument();
  });

  test('a backend CONFLICT with field issues puts the message on the field', async () => {
    const be = signedInBackend({ workers: seedWorkers() });
    const dlg = await openNew(be);
    const u = user();
    await fill(u, within(dlg).getByLabelText('工号'), 'E001');
    await fill(u, within(dlg).getByLabelText('姓名'), '赵六');
    await save(dlg);
    await waitFor(() => expect(fieldErrors(dlg, '工号')).toEqual(['重复']));
    expect(await screen.findByText('工号 E001 已存在')).toBeInTheDocument(); // also as a message
    expect(be.calls.filter((c) => c.channel === 'workers.create').map((c) => c.result)).toEqual([
      { ok: false, error: { code: 'CONFLICT', message: '工号 E001 已存在', details: { issues: [{ path: 'empNo', message: 'v.duplicate' }] } } },
    ]);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  test('a duplicate ID card (CONFLICT on idCard) is shown under 身份证号', async () => {
    const be = signedInBackend({ workers: seedWorkers() });
    const dlg = await openNew(be);
    const u = user();
    await fill(u, within(dlg).getByLabelText('工号'), 'E100');
    await fill(u, within(dlg).getByLabelText('姓名'), '赵六');
    await fill(u, within(dlg).getByLabelText('身份证号'), ZHANG_ID);
    await save(dlg);
    await waitFor(() => expect(fieldErrors(dlg, '身份证号')).toEqual(['重复']));
    expect(await screen.findByText('身份证号已被工号 E001 的职工使用')).toBeInTheDocument();
  });

  test('editing loads the worker and sends workers.update with id and data', async () => {
    const be = signedInBackend({ workers: seedWorkers(), units });
    await openRoster(be);
    const u = user();
    await u.click(within(rowOf('张三')).getByRole('button', { name: label('编辑') }));
    expect(await screen.findByText('编辑职工 · 张三')).toBeInTheDocument();
    const dlg = modal();
    expect(be.inputs('workers.get')).toEqual([{ id: 'w-1' }]);
    expect(within(dlg).getByLabelText('身份证号')).toHaveValue(ZHANG_ID);
    const name = within(dlg).getByLabelText('姓名');
    await u.clear(name);
    await fill(u, name, '张三丰');
    await save(dlg);
    await waitFor(() => expect(be.count('workers.update')).toBe(1));
    expect(be.last('workers.update')).toMatchObject({
      id: 'w-1',
      data: { empNo: 'E001', name: '张三丰', idCard: ZHANG_ID, orgUnitId: 'u-tm', roles: ['safety_officer'], hireDate: '2015-03-01', post: '操作工' },
    });
    expect(be.validationFailures()).toEqual([]);
    await waitFor(() => expect(rowOf('张三丰')).toBeInTheDocument());
  });
});
