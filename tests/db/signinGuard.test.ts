// The sign-in guard: wrong PINs and the lock live in the store (a restart gives no fresh tries), the lock grows with
// each further wrong PIN, and every wrong PIN and lock is audited.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Core, type Session } from '../../electron/core/core';
import { FREE_TRIES, lockDelayMs, QUIET_RESET_MS, signIn } from '../../electron/core/operators/service';
import type { ChannelInput, ChannelName } from '../../shared/contract';
import type { AppErrorData } from '../../shared/result';
import { openTestCore, say, type TestCore } from '../helpers/core';

let tc: TestCore | null = null;
let reopened: Core | null = null;
let dir: string | null = null;
afterEach(() => {
  reopened?.close();
  reopened = null;
  tc?.close();
  tc = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function dispatchError<K extends ChannelName>(core: Core, session: Session, channel: K, input: ChannelInput<K>): Promise<AppErrorData> {
  const r = await core.dispatch(channel, input, session);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

async function pinOperator(t: TestCore, pin: string) {
  const w = await t.call('workers.create', { empNo: 'S1', name: '孙安全', gender: 'M', roles: ['safety_officer'] });
  return t.call('operators.add', { workerId: w.id, pin });
}

const MIN = 60_000;

describe('the sign-in guard', () => {
  it('the lock starts at the fifth wrong PIN with a minute and doubles up to an hour', () => {
    expect([1, 2, 3, 4].map(lockDelayMs)).toEqual([0, 0, 0, 0]);
    expect(FREE_TRIES).toBe(5);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 50].map((n) => lockDelayMs(n) / MIN)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('keeps the count and the lock across a close and reopen: a restart gives no fresh tries', async () => {
    tc = await openTestCore();
    const op = await pinOperator(tc, '97531');
    const s: Session = { operatorId: null };
    for (let i = 1; i <= 3; i++) {
      const e = await dispatchError(tc.core, s, 'session.signIn', { operatorId: op.id, pin: '0000' });
      expect(e).toMatchObject({ code: 'BAD_PIN', message: 'err.pin.wrong', details: { left: 5 - i } });
    }
    expect(say(await dispatchError(tc.core, s, 'session.signIn', { operatorId: op.id, pin: '0000' }))).toBe('PIN 不正确，再错 1 次将暂时锁定');

    // restart: the fifth wrong PIN still locks
    dir = tc.dir;
    tc.core.close();
    tc = null;
    reopened = await Core.open({ dataDir: dir, host: 'test' });
    const fifth = await dispatchError(reopened, s, 'session.signIn', { operatorId: op.id, pin: '0000' });
    expect(fifth.message).toBe('err.pin.locked');
    expect(fifth.details).toMatchObject({ minutes: 1 });
    expect(String(fifth.details?.time)).toMatch(/^\d\d:\d\d:\d\d$/); // with the seconds: a one-minute lock ends within the minute

    // restart again: even the right PIN meets the lock
    reopened.close();
    reopened = await Core.open({ dataDir: dir, host: 'test' });
    const locked = await dispatchError(reopened, s, 'session.signIn', { operatorId: op.id, pin: '97531' });
    expect(locked.message).toBe('err.pin.locked');
    expect(s.operatorId).toBeNull();
    const guard = reopened.store.get<{ failures: number; locked_until: string }>('SELECT failures, locked_until FROM signin_guard WHERE operator_id = ?', [op.id])!;
    expect(guard.failures).toBe(5);
    expect(Date.parse(guard.locked_until) - Date.now()).toBeGreaterThan(50_000);
  });

  it('each further wrong PIN after a lock doubles it; the right PIN after the lock signs in and starts afresh', async () => {
    tc = await openTestCore();
    const op = await pinOperator(tc, '2468');
    const store = tc.core.store;
    const t0 = Date.parse('2026-06-01T08:00:00Z');
    const tryAt = (pin: string, at: number) => {
      try {
        signIn(store, op.id, pin, at);
        return 'ok';
      } catch (e) {
        const err = e as { message: string; details?: { seconds?: number; left?: number } };
        return `${err.message}:${err.details?.seconds ?? err.details?.left}`;
      }
    };
    for (let i = 0; i < 4; i++) expect(tryAt('1111', t0 + i)).toBe(`err.pin.wrong:${4 - i}`);
    expect(tryAt('1111', t0 + 10)).toBe('err.pin.locked:60');
    // within the minute: refused without a PIN check (nothing written)
    const audits = () => store.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action LIKE 'sign_in%'", [op.id])!.n;
    const before = audits();
    expect(tryAt('2468', t0 + 30_000)).toMatch(/^err\.pin\.locked/);
    expect(audits()).toBe(before);
    // after the minute, one more wrong PIN locks for two minutes
    expect(tryAt('1111', t0 + 10 + MIN)).toBe('err.pin.locked:120');
    expect(tryAt('2468', t0 + 10 + MIN + MIN)).toMatch(/^err\.pin\.locked/);
    expect(tryAt('2468', t0 + 10 + MIN + 2 * MIN + 1)).toBe('ok');
    expect(store.get('SELECT 1 FROM signin_guard WHERE operator_id = ?', [op.id])).toBeUndefined();
    // the count starts afresh
    expect(tryAt('1111', t0 + 10 * MIN)).toBe('err.pin.wrong:4');
  });

  it('a quiet day after a lock starts the count afresh: four tries with a warning before the next lock', async () => {
    tc = await openTestCore();
    const op = await pinOperator(tc, '2468');
    const t0 = Date.parse('2026-06-01T08:00:00Z');
    const tryAt = (pin: string, at: number) => {
      try {
        signIn(tc!.core.store, op.id, pin, at);
        return 'ok';
      } catch (e) {
        const err = e as { message: string; details?: { seconds?: number; left?: number } };
        return `${err.message}:${err.details?.seconds ?? err.details?.left}`;
      }
    };
    for (let i = 0; i < 5; i++) tryAt('1111', t0 + i);
    // an hour later the lock is over but the run goes on: the next wrong PIN locks again, for longer
    expect(tryAt('1111', t0 + 60 * MIN)).toBe('err.pin.locked:120');
    // a day and more after the last wrong PIN: the next one is the first of a new run
    const later = t0 + 60 * MIN + QUIET_RESET_MS + 1;
    expect(tryAt('1111', later)).toBe('err.pin.wrong:4');
    expect(tryAt('2468', later + 1)).toBe('ok');
  });

  it('audits every wrong PIN and the lock, in the operator record, with the system as actor', async () => {
    tc = await openTestCore();
    const op = await pinOperator(tc, '2468');
    const s: Session = { operatorId: null };
    for (let i = 0; i < 5; i++) await dispatchError(tc.core, s, 'session.signIn', { operatorId: op.id, pin: '1111' });
    const rows = tc.core.store.all<{ action: string; actor_id: string | null; after: string }>(
      "SELECT action, actor_id, after FROM audit_log WHERE entity = 'operator' AND entity_id = ? AND action LIKE 'sign_in%' ORDER BY seq",
      [op.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'sign_in_locked']);
    expect(rows.every((r) => r.actor_id === null)).toBe(true);
    expect(JSON.parse(rows[5]!.after)).toMatchObject({ failures: 5, lockedUntil: expect.any(String) });
    // no PIN or hash in the audit
    expect(rows.some((r) => r.after.includes('1111') || r.after.includes('scrypt'))).toBe(false);
  });

  it('an administrator setting a new PIN ends the lock', async () => {
    tc = await openTestCore();
    const op = await pinOperator(tc, '2468');
    const s: Session = { operatorId: null };
    for (let i = 0; i < 5; i++) await dispatchError(tc.core, s, 'session.signIn', { operatorId: op.id, pin: '1111' });
    await tc.call('operators.setPin', { operatorId: op.id, pin: '8642' });
    const r = await tc.core.dispatch('session.signIn', { operatorId: op.id, pin: '8642' }, s);
    expect(r.ok).toBe(true);
    expect(s.operatorId).toBe(op.id);
  });

  it('the migration made the table', async () => {
    tc = await openTestCore({ init: false });
    const cols = tc.core.store.all<{ name: string }>("SELECT name FROM pragma_table_info('signin_guard')").map((c) => c.name);
    expect(cols).toEqual(['operator_id', 'failures', 'last_failure_at', 'locked_until']);
  });
});
