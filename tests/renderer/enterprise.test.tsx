import { screen, waitFor } from '@testing-library/react';
import { EnterprisePage } from '../../renderer/src/features/enterprise/EnterprisePage';
import { makeOperator, VALID_USCC } from './fakeBackend';
import { adminOperator, button, fill, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(resetStores);

function fieldErrors(labelText: string): string[] {
  const item = screen.getByLabelText(labelText).closest('.ant-form-item')!;
  return [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent ?? '');
}

describe('EnterprisePage', () => {
  test('loads the profile into the form; an admin saves a change with enterprise.update', async () => {
    const be = signedInBackend();
    renderInProviders(<EnterprisePage />);
    await waitFor(() => expect(screen.getByLabelText('企业名称')).toHaveValue('测试化工有限公司'));
    expect(screen.getByLabelText('统一社会信用代码')).toHaveValue(VALID_USCC);
    expect(screen.getByLabelText('职工人数')).toHaveValue('100');
    const u = user();
    await u.clear(screen.getByLabelText('地址'));
    await fill(u, screen.getByLabelText('地址'), '江苏省泰州市');
    await u.click(button('保存'));
    await waitFor(() => expect(be.count('enterprise.update')).toBe(1));
    expect(be.last('enterprise.update')).toEqual({ name: '测试化工有限公司', uscc: VALID_USCC, address: '江苏省泰州市', industry: null, headcount: 100 });
    expect(await screen.findByText('已保存')).toBeInTheDocument();
  });

  test('an invalid credit code is refused locally', async () => {
    const be = signedInBackend();
    renderInProviders(<EnterprisePage />);
    await waitFor(() => expect(screen.getByLabelText('统一社会信用代码')).toHaveValue(VALID_USCC));
    const u = user();
    await u.clear(screen.getByLabelText('统一社会信用代码'));
    await fill(u, screen.getByLabelText('统一社会信用代码'), VALID_USCC.slice(0, 17) + (VALID_USCC[17] === '1' ? '2' : '1'));
    await u.click(button('保存'));
    await waitFor(() => expect(fieldErrors('统一社会信用代码')).toEqual(['统一社会信用代码校验位不正确']));
    expect(be.count('enterprise.update')).toBe(0);
  });

  test('a credit code pasted with a leading space is saved whole (the space goes before any length limit)', async () => {
    const be = signedInBackend();
    renderInProviders(<EnterprisePage />);
    await waitFor(() => expect(screen.getByLabelText('统一社会信用代码')).toHaveValue(VALID_USCC));
    const u = user();
    await u.clear(screen.getByLabelText('统一社会信用代码'));
    await fill(u, screen.getByLabelText('统一社会信用代码'), ` ${VALID_USCC.toLowerCase()}`);
    expect(screen.getByLabelText('统一社会信用代码')).toHaveValue(VALID_USCC);
    await u.click(button('保存'));
    await waitFor(() => expect(be.count('enterprise.update')).toBe(1));
    expect(be.last('enterprise.update')).toMatchObject({ uscc: VALID_USCC });
  });

  test('a non-admin sees the profile read-only', async () => {
    signedInBackend({ operators: [adminOperator(), makeOperator({ id: 'op-2', name: '李安全' })] }, 'op-2');
    renderInProviders(<EnterprisePage />);
    await waitFor(() => expect(screen.getByLabelText('企业名称')).toHaveValue('测试化工有限公司'));
    expect(screen.getByLabelText('企业名称')).toBeDisabled();
    expect(button('保存')).toBeDisabled();
  });
});
