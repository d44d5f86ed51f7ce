// The fake must behave like Core.dispatch where the UI can notice: schema validation, sign-in, admin checks.
// (No harness import: that would load antd and the whole app for a test that needs neither.)
import { call, ApiError, setTransport } from '../../renderer/src/lib/api';
import { installFakeBackend, makeOperator } from './fakeBackend';

const ADMIN_ID = 'op-admin';
const adminOperator = () => makeOperator({ id: ADMIN_ID, name: '王主席', isAdmin: true });

afterEach(() => setTransport(null));

describe('fake backend', () => {
  test('rejects input that fails the contract schema with VALIDATION and field issues', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    const err = await call('workers.list', { sortField: 'idCard' as never, pageSize: 10_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('VALIDATION');
    expect((err as ApiError).issues.map((i) => i.path).sort()).toEqual(['pageSize', 'sortField']);
    expect(be.validationFailures()).toHaveLength(1);
    // strict objects reject unknown keys too
    await expect(call('session.signIn', { operatorId: ADMIN_ID, extra: 1 } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  test('enforces sign-in and admin-only channels', async () => {
    const be = installFakeBackend({ operators: [adminOperator(), makeOperator({ id: 'op-2', name: '李安全' })] });
    await expect(call('workers.list', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await call('session.signIn', { operatorId: 'op-2' });
    await expect(call('operators.remove', { id: ADMIN_ID })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(be.operators).toHaveLength(2);
  });

  test('unknown channels answer UNKNOWN_CHANNEL', async () => {
    const be = installFakeBackend();
    const r = await be.transport('workers.nuke', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  test('records the raw input and the parsed input separately', async () => {
    const be = installFakeBackend({ operators: [adminOperator()], signedIn: ADMIN_ID });
    await call('workers.list', { search: '张' });
    expect(be.calls.at(-1)).toMatchObject({ input: { search: '张' }, parsed: { search: '张', status: 'active', sortField: 'empNo', page: 1, pageSize: 50 } });
  });
});
