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
    await fill(u, within(dlg).getByLabelText('身份证号'), LI_ID); // a female number: the form sets 女 …
    await waitFor(() => expect(within(dlg).getByLabelText('女')).toBeChecked());
    await u.click(within(dlg).getByLabelText('男')); // … and the user sets it back
    await save(dlg);
    await waitFor(() => expect(fieldErrors(dlg, '男')).toEqual(['性别与身份证号不一致']));
    expect(be.count('workers.create')).toBe(0);
  });
});

describe('worker form: takes what the roster import takes (issue 7, item 12)', () => {
  test('dates typed as 2019/3/5 or 2027年6月30日, a phone as 138-0576-9999, a name with a full-width space: saved normalised', async () => {
    const be = signedInBackend();
    const onSaved = vi.fn();
    const dlg = await openForm(onSaved);
    const u = user();
    await fill(u, within(dlg).getByLabelText('工号'), 'E200');
    await fill(u, within(dlg).getByLabelText('姓名'), '张　三');
    await fill(u, within(dlg).getByLabelText('手机号'), '138-0576-9999');
    await u.click(within(dlg).getByLabelText('入职日期'));
    await u.keyboard('2019/3/5{Enter}');
    await fill(u, within(dlg).getByLabelText('特种作业类别'), '电工作业');
    await fill(u, within(dlg).getByLabelText('特种作业证号'), 'T1');
    await u.click(within(dlg).getByLabelText('证书有效期至'));
    await u.keyboard('2027年6月30日{Enter}');
    await save(dlg);
    await waitFor(() => expect(be.count('workers.create')).toBe(1));
    expect(be.last('workers.create')).toMatchObject({ empNo: 'E200', name: '张三', phone: '13805769999', hireDate: '2019-03-05', certExpiry: '2027-06-30' });
    expect(be.validationFailures()).toEqual([]);
  });

  test('a valid ID card number fills the gender and shows the birth date; a pasted one with spaces is cleaned', async () => {
    signedInBackend();
    const dlg = await openForm();
    const u = user();
    expect(within(dlg).getByLabelText('男')).toBeChecked();
    expect(screen.queryByTestId('idcard-derived')).toBeNull();
    const id = within(dlg).getByLabelText('身份证号');
    await u.click(id);
    await u.paste(`${LI_ID.slice(0, 6)} ${LI_ID.slice(6, 14)} ${LI_ID.slice(14)}`);
    expect(id).toHaveValue(LI_ID);
    await waitFor(() => expect(within(dlg).getByLabelText('女')).toBeChecked());
    expect(screen.getByTestId('idcard-derived')).toHaveTextContent('出生日期 1985-12-24，性别 女（由身份证号读出）');
    // a wrong check digit fills nothing
    await u.clear(id);
    await u.click(within(dlg).getByLabelText('男'));
    await fill(u, id, ZHANG_ID.slice(0, 17) + (ZHANG_ID[17] === '0' ? '1' : '0'));
    expect(screen.queryByTestId('idcard-derived')).toBeNull();
    expect(within(dlg).getByLabelText('男')).toBeChecked();
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
