import { screen, waitFor } from '@testing-library/react';
import { installFakeBackend, VALID_USCC } from './fakeBackend';
import { button, fill, findButton, renderApp, resetStores, user } from './harness';

beforeEach(resetStores);

/** the same code with a wrong check character */
const BAD_USCC = VALID_USCC.slice(0, 17) + (VALID_USCC[17] === 'A' ? 'B' : 'A');

async function openWizard() {
  const be = installFakeBackend({ initialized: false });
  renderApp();
  await screen.findByText(/首次使用/);
  return be;
}

async function fillEnterprise(u: ReturnType<typeof user>, v: { name?: string; uscc?: string; headcount?: string }) {
  if (v.name !== undefined) await fill(u, screen.getByLabelText('企业名称'), v.name);
  if (v.uscc !== undefined) await fill(u, screen.getByLabelText('统一社会信用代码'), v.uscc);
  if (v.headcount !== undefined) await u.type(screen.getByLabelText('职工人数'), v.headcount);
}

/** The error messages shown under a form field (antd renders them in the item's explain area). */
function fieldErrors(labelText: string): string[] {
  const input = screen.getByLabelText(labelText);
  const item = input.closest('.ant-form-item');
  if (!item) throw new Error(`no form item for ${labelText}`);
  return [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent ?? '');
}

describe('SetupWizard', () => {
  test('submitting the empty enterprise step shows Chinese field messages and sends nothing', async () => {
    const be = await openWizard();
    const u = user();
    await u.click(button('下一步'));
    await waitFor(() => expect(fieldErrors('企业名称')).toEqual(['必填']));
    expect(fieldErrors('统一社会信用代码')).toEqual(['必填']);
    expect(fieldErrors('职工人数')).toEqual(['职工人数应为 1–1,000,000 的整数']);
    expect(fieldErrors('所属行业')).toEqual([]);
    // still on step 1, nothing sent
    expect(screen.queryByLabelText('工号')).not.toBeInTheDocument();
    expect(be.count('setup.init')).toBe(0);
    expect(be.calls.every((c) => c.result.ok)).toBe(true);
  });

  test('a credit code with a wrong check character is rejected in Chinese', async () => {
    const be = await openWizard();
    const u = user();
    await fillEnterprise(u, { name: '测试化工有限公司', uscc: BAD_USCC, headcount: '120' });
    await u.click(button('下一步'));
    await waitFor(() => expect(fieldErrors('统一社会信用代码')).toEqual(['统一社会信用代码校验位不正确']));
    expect(fieldErrors('企业名称')).toEqual([]);
    expect(fieldErrors('职工人数')).toEqual([]);
    expect(screen.queryByLabelText('工号')).not.toBeInTheDocument();

    // a too-short code gets the format message instead
    await u.clear(screen.getByLabelText('统一社会信用代码'));
    await u.type(screen.getByLabelText('统一社会信用代码'), '91321200');
    await u.click(button('下一步'));
    await waitFor(() => expect(fieldErrors('统一社会信用代码')).toEqual(['统一社会信用代码应为 18 位数字或大写字母']));
    expect(be.count('setup.init')).toBe(0);
  });

  test('the operator step validates too: empty employee no. and a bad PIN send nothing', async () => {
    const be = await openWizard();
    const u = user();
    await fillEnterprise(u, { name: '测试化工有限公司', uscc: VALID_USCC, headcount: '120' });
    await u.click(button('下一步'));
    await screen.findByLabelText('工号');
    await u.type(screen.getByLabelText('PIN（可选，4–12 位数字）'), '12');
    await u.click(button('完成并进入'));
    await waitFor(() => expect(fieldErrors('工号')).toEqual(['必填']));
    expect(fieldErrors('姓名')).toEqual(['必填']);
    expect(fieldErrors('PIN（可选，4–12 位数字）')).toEqual(['PIN 为 4–12 位数字']);
    expect(be.count('setup.init')).toBe(0);
  });

  test('a valid run calls setup.init with the entered data and lands in the shell', async () => {
    const be = await openWizard();
    const u = user();
    await fillEnterprise(u, { name: '  测试化工有限公司 ', uscc: VALID_USCC.toLowerCase(), headcount: '120' });
    await u.type(screen.getByLabelText('所属行业'), '化工');
    await u.click(button('下一步'));

    await u.type(await screen.findByLabelText('工号'), 'A0001');
    await u.type(screen.getByLabelText('姓名'), '王主席');
    await u.click(screen.getByLabelText('女'));
    await u.click(screen.getByLabelText('安全员'));
    await u.type(screen.getByLabelText('PIN（可选，4–12 位数字）'), '2468');
    await u.click(button('完成并进入'));

    expect(await screen.findByTestId('current-operator')).toHaveTextContent('王主席');
    expect(screen.getByRole('menuitem', { name: '职工花名册' })).toBeInTheDocument();
    expect(be.inputs('setup.init')).toHaveLength(1);
    const sent = be.last('setup.init') as { enterprise: Record<string, unknown>; operator: Record<string, unknown> };
    // the credit-code field keeps what it shows in upper case, without spaces
    expect(sent.enterprise).toMatchObject({ name: '  测试化工有限公司 ', uscc: VALID_USCC, headcount: 120, industry: '化工' });
    expect(sent.operator).toEqual({ empNo: 'A0001', name: '王主席', gender: 'F', roles: ['safety_officer', 'union_officer'], pin: '2468' });
    // the backend's own parse normalises what the form sent
    expect(be.enterprise).toMatchObject({ name: '测试化工有限公司', uscc: VALID_USCC, industry: '化工', address: null, headcount: 120 });
    expect(be.operators[0]).toMatchObject({ name: '王主席', isAdmin: true, pin: '2468' });
    expect(be.validationFailures()).toEqual([]);
  });

  // Regression: the PIN is optional, but an untouched PIN field is absent from the form values and the
  // wizard's zod schema used z.undefined() in a union, which zod 4 rejects for a missing key ('格式不正确').
  test('without touching the optional PIN the operator is created with pin null', async () => {
    const be = await openWizard();
    const u = user();
    await fillEnterprise(u, { name: '测试化工有限公司', uscc: VALID_USCC, headcount: '8' });
    await u.click(button('下一步'));
    await u.type(await screen.findByLabelText('工号'), 'A0001');
    await u.type(screen.getByLabelText('姓名'), '王主席');
    await u.click(button('完成并进入'));
    expect(await screen.findByTestId('current-operator')).toHaveTextContent('王主席');
    expect((be.last('setup.init') as { operator: { pin: unknown; gender: unknown } }).operator).toMatchObject({ pin: null, gender: 'M' });
  });

  test('a credit code pasted with a leading space (or spaces inside) keeps its check character', async () => {
    const be = await openWizard();
    const u = user();
    await fillEnterprise(u, { name: '测试化工有限公司', uscc: ` ${VALID_USCC}`, headcount: '120' });
    expect(screen.getByLabelText('统一社会信用代码')).toHaveValue(VALID_USCC);
    await u.clear(screen.getByLabelText('统一社会信用代码'));
    await fill(u, screen.getByLabelText('统一社会信用代码'), `\u3000${VALID_USCC.slice(0, 8)} ${VALID_USCC.slice(8).toLowerCase()} `);
    expect(screen.getByLabelText('统一社会信用代码')).toHaveValue(VALID_USCC);
    await u.click(button('下一步'));
    expect(await screen.findByLabelText('工号')).toBeInTheDocument();
    await u.type(screen.getByLabelText('工号'), 'A0001');
    await u.type(screen.getByLabelText('姓名'), '王主席');
    await u.click(button('完成并进入'));
    expect(await screen.findByTestId('current-operator')).toHaveTextContent('王主席');
    expect((be.last('setup.init') as { enterprise: { uscc: string } }).enterprise.uscc).toBe(VALID_USCC);
  });

  test('a field\'s message goes away as soon as that field is corrected; the others stay until they are', async () => {
    await openWizard();
    const u = user();
    await u.click(button('下一步'));
    await waitFor(() => expect(fieldErrors('企业名称')).toEqual(['必填']));
    await fill(u, screen.getByLabelText('企业名称'), '测试化工有限公司');
    await waitFor(() => expect(fieldErrors('企业名称')).toEqual([]));
    expect(fieldErrors('统一社会信用代码')).toEqual(['必填']);
    expect(fieldErrors('职工人数')).toEqual(['职工人数应为 1–1,000,000 的整数']);
    await fill(u, screen.getByLabelText('统一社会信用代码'), VALID_USCC);
    await waitFor(() => expect(fieldErrors('统一社会信用代码')).toEqual([]));
    await u.type(screen.getByLabelText('职工人数'), '12');
    await waitFor(() => expect(fieldErrors('职工人数')).toEqual([]));
    // the operator step too
    await u.click(button('下一步'));
    await u.click(await findButton('完成并进入'));
    await waitFor(() => expect(fieldErrors('工号')).toEqual(['必填']));
    await u.type(screen.getByLabelText('工号'), 'A0001');
    await waitFor(() => expect(fieldErrors('工号')).toEqual([]));
    expect(fieldErrors('姓名')).toEqual(['必填']);
  });

  test('a backend field message lands on its field with its own wording and goes once the field is edited', async () => {
    const be = await openWizard();
    be.fail('setup.init', 'VALIDATION', 'err.validation', { issues: [{ path: 'operator.empNo', message: 'v.empNo' }] });
    const u = user();
    await fillEnterprise(u, { name: '测试化工有限公司', uscc: VALID_USCC, headcount: '8' });
    await u.click(button('下一步'));
    await u.type(await screen.findByLabelText('工号'), 'A0001');
    await u.type(screen.getByLabelText('姓名'), '王主席');
    await u.click(button('完成并进入'));
    await waitFor(() => expect(fieldErrors('工号')).toHaveLength(1));
    expect(fieldErrors('工号')).toEqual(['工号只能包含字母、数字、- 和 _，最多 32 位']);
    expect(fieldErrors('姓名')).toEqual([]);
    await u.type(screen.getByLabelText('工号'), '2');
    await waitFor(() => expect(fieldErrors('工号')).toEqual([]));
  });

  test('backend field issues on the enterprise send the user back to step 1 with the message', async () => {
    const be = await openWizard();
    be.fail('setup.init', 'VALIDATION', 'err.validation', { issues: [{ path: 'enterprise.name', message: 'v.tooLong' }] });
    const u = user();
    await fillEnterprise(u, { name: '测试化工有限公司', uscc: VALID_USCC, headcount: '8' });
    await u.click(button('下一步'));
    await u.type(await screen.findByLabelText('工号'), 'A0001');
    await u.type(screen.getByLabelText('姓名'), '王主席');
    await u.click(button('完成并进入'));
    await waitFor(() => expect(fieldErrors('企业名称')).toEqual(['内容过长']));
    expect(screen.queryByLabelText('工号')).not.toBeInTheDocument();
    expect(await findButton('下一步')).toBeInTheDocument();
    expect(screen.queryByTestId('current-operator')).not.toBeInTheDocument();
  });
});
