// Emoji cannot be printed (the PDF fonts have no glyph for them): the worker form and the first-run wizard refuse them
// under the field with a message that says why, and nothing is sent; a rare character such as 𠮷 is accepted.
import { screen, waitFor, within } from '@testing-library/react';
import { WorkerForm } from '../../renderer/src/features/roster/WorkerForm';
import { installFakeBackend } from './fakeBackend';
import { button, fill, label, renderApp, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { fieldErrors, modal, units } from './rosterFixtures';

beforeEach(resetStores);
const EMOJI_MSG = '不能包含表情符号（打印时无法显示），请删除';

test('worker form: a name with an emoji is refused on the field; 𠮷 is fine', async () => {
  const be = signedInBackend({ units });
  const onSaved = vi.fn();
  renderInProviders(<WorkerForm worker={null} units={units} onClose={vi.fn()} onSaved={onSaved} />);
  await screen.findByRole('dialog');
  const dlg = modal();
  const u = user();
  await fill(u, within(dlg).getByLabelText('工号'), 'E100');
  await fill(u, within(dlg).getByLabelText('姓名'), '李四😀');
  await u.click(within(dlg).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(fieldErrors(dlg, '姓名')).toEqual([EMOJI_MSG]));
  expect(be.count('workers.create')).toBe(0);

  await u.clear(within(dlg).getByLabelText('姓名'));
  await fill(u, within(dlg).getByLabelText('姓名'), '𠮷田春');
  await waitFor(() => expect(fieldErrors(dlg, '姓名')).toEqual([]));
  await u.click(within(dlg).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(be.count('workers.create')).toBe(1));
  expect(be.last('workers.create')).toMatchObject({ name: '𠮷田春' });
});

test('wizard: an enterprise name with an emoji is refused on the field', async () => {
  const be = installFakeBackend({ initialized: false });
  renderApp();
  await screen.findByText(/首次使用/);
  const u = user();
  await fill(u, screen.getByLabelText('企业名称'), '安康化工🏭');
  await u.click(button('下一步'));
  await waitFor(() => {
    const item = screen.getByLabelText('企业名称').closest('.ant-form-item')!;
    expect([...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent)).toEqual([EMOJI_MSG]);
  });
  expect(be.count('setup.init')).toBe(0);
});
