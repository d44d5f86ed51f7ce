import type { CommitteeRole } from '../../../shared/roster/roles';
import { AppError } from '../../../shared/result';
import type { Operator } from '../../../shared/operators/types';
import { SYSTEM_ACTOR, writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { hashPin, verifyPin } from './pin';
import { nowIso, uuidv7 } from '../util';
import { getWorker } from '../roster/workers';

interface Row {
  id: string;
  worker_id: string;
  name: string;
  emp_no: string;
  roles: string;
  pin_hash: string | null;
  is_admin: number;
  last_sign_in_at: string | null;
}
const SELECT = `SELECT o.id, o.worker_id, w.name, w.emp_no, w.roles, o.pin_hash, o.is_admin, o.last_sign_in_at
  FROM operators o JOIN workers w ON w.id = o.worker_id`;
const toOperator = (r: Row): Operator => ({
  id: r.id,
  workerId: r.worker_id,
  name: r.name,
  empNo: r.emp_no,
  roles: JSON.parse(r.roles) as CommitteeRole[],
  hasPin: r.pin_hash !== null,
  isAdmin: r.is_admin === 1,
  lastSignInAt: r.last_sign_in_at,
});

export function listOperators(store: Store): Operator[] {
  return store.all<Row>(`${SELECT} WHERE o.deleted_at IS NULL AND w.deleted_at IS NULL ORDER BY o.created_at`).map(toOperator);
}

export function findOperator(store: Store, id: string): Operator | null {
  const r = store.get<Row>(`${SELECT} WHERE o.id = ? AND o.deleted_at IS NULL AND w.deleted_at IS NULL`, [id]);
  return r ? toOperator(r) : null;
}

function getOperator(store: Store, id: string): Operator {
  const o = findOperator(store, id);
  if (!o) throw new AppError('NOT_FOUND', 'err.operator.notFound', { id });
  return o;
}

/** Inside a transaction. An operator is a worker holding a committee role. */
export function insertOperator(
  store: Store,
  actor: Actor,
  d: { workerId: string; isAdmin: boolean; pin: string | null },
  now = nowIso(),
): Operator {
  const w = getWorker(store, d.workerId);
  if (w.roles.length === 0) throw new AppError('VALIDATION', 'err.operator.noRole', { name: w.name });
  if (w.status !== 'active') throw new AppError('VALIDATION', 'err.operator.left', { name: w.name });
  if (store.get('SELECT 1 FROM operators WHERE worker_id = ? AND deleted_at IS NULL', [d.workerId])) {
    throw new AppError('CONFLICT', 'err.operator.exists', { name: w.name });
  }
  const id = uuidv7();
  store.run(
    'INSERT INTO operators (id, worker_id, pin_hash, is_admin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    [id, d.workerId, d.pin ? hashPin(d.pin) : null, d.isAdmin ? 1 : 0, now, now],
  );
  const o = getOperator(store, id);
  writeAudit(store, actor, { entity: 'operator', entityId: id, action: 'create', after: o }, now);
  return o;
}

export function addOperator(store: Store, actor: Actor, d: { workerId: string; isAdmin: boolean; pin: string | null }) {
  return store.tx(() => insertOperator(store, actor, d));
}

export function setOperatorPin(store: Store, actor: Actor, self: Operator, operatorId: string, pin: string | null): Operator {
  if (operatorId !== self.id && !self.isAdmin) throw new AppError('FORBIDDEN', 'err.operator.ownPinOnly');
  return store.tx(() => {
    const before = getOperator(store, operatorId);
    const now = nowIso();
    store.run('UPDATE operators SET pin_hash = ?, updated_at = ? WHERE id = ?', [pin ? hashPin(pin) : null, now, operatorId]);
    // a new PIN set by an administrator (or the operator) ends a lock and starts the count afresh
    store.run('DELETE FROM signin_guard WHERE operator_id = ?', [operatorId]);
    const after = getOperator(store, operatorId);
    // the hash never goes into the audit log
    writeAudit(store, actor, { entity: 'operator', entityId: operatorId, action: pin ? 'set_pin' : 'clear_pin', before, after }, now);
    return after;
  });
}

export function removeOperator(store: Store, actor: Actor, self: Operator, id: string): { id: string } {
  if (id === self.id) throw new AppError('CONFLICT', 'err.operator.removeSelf');
  return store.tx(() => {
    const before = getOperator(store, id);
    const admins = listOperators(store).filter((o) => o.isAdmin && o.id !== id).length;
    if (before.isAdmin && admins === 0) throw new AppError('CONFLICT', 'err.operator.lastAdmin');
    const now = nowIso();
    store.run('UPDATE operators SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]);
    writeAudit(store, actor, { entity: 'operator', entityId: id, action: 'delete', before }, now);
    return { id };
  });
}

/** Wrong PINs in a row before the first lock. */
export const FREE_TRIES = 5;
const MINUTE = 60_000;
const MAX_LOCK_MS = 60 * MINUTE;
/** A run of wrong PINs ends after a quiet day: the next wrong PIN counts as the first again (four tries before a lock). */
export const QUIET_RESET_MS = 24 * 60 * MINUTE;

/**
 * How long sign-in is locked after the `failures`-th wrong PIN in a row: nothing for the first four, then 1 minute
 * for the fifth, doubling with each further one (2, 4, 8, 16, 32 minutes) up to an hour.
 */
export function lockDelayMs(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_LOCK_MS, MINUTE * 2 ** Math.min(failures - FREE_TRIES, 10));
}

interface GuardRow {
  failures: number;
  last_failure_at: string | null;
  locked_until: string | null;
}

/**
 * "14:05:30": the lock's end in the machine's local time, for the message. With the seconds: a one-minute lock
 * ends within the minute after it began, and "locked until 14:05" read at 14:05 looks like a lock already over.
 */
function clock(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function lockedError(untilMs: number, now: number): AppError {
  const seconds = Math.max(1, Math.ceil((untilMs - now) / 1000));
  return new AppError('BAD_PIN', 'err.pin.locked', { seconds, minutes: Math.ceil(seconds / 60), until: nowIso(new Date(untilMs)), time: clock(untilMs) });
}

/**
 * Signs in. Wrong PINs are counted in the store (signin_guard), so a restart gives no fresh tries; from the fifth
 * wrong PIN in a row sign-in is locked for a growing time (lockDelayMs). Every wrong PIN and every lock is audited.
 * `now` is for tests.
 */
export function signIn(store: Store, operatorId: string, pin: string | null | undefined, now = Date.now()): Operator {
  const o = getOperator(store, operatorId);
  const guard = store.get<GuardRow>('SELECT failures, last_failure_at, locked_until FROM signin_guard WHERE operator_id = ?', [operatorId]);
  // a clock set back cannot stretch a lock beyond its longest
  const lockedUntil = guard?.locked_until ? Math.min(Date.parse(guard.locked_until), now + MAX_LOCK_MS) : 0;
  // while locked the PIN is not even checked (no guessing at 10 a second), and nothing is written
  if (lockedUntil > now) throw lockedError(lockedUntil, now);
  if (o.hasPin) {
    const hash = store.get<{ pin_hash: string }>('SELECT pin_hash FROM operators WHERE id = ?', [operatorId])!.pin_hash;
    if (!pin || !verifyPin(pin, hash)) {
      // a day without a wrong PIN (and no lock running) starts the count afresh; a last failure "in the future"
      // (a clock set back) does not
      const last = guard?.last_failure_at ? Date.parse(guard.last_failure_at) : null;
      const quiet = last !== null && now - last > QUIET_RESET_MS;
      const failures = (quiet ? 0 : (guard?.failures ?? 0)) + 1;
      const delay = lockDelayMs(failures);
      const at = nowIso(new Date(now));
      const until = delay > 0 ? nowIso(new Date(now + delay)) : null;
      store.tx(() => {
        store.run(
          `INSERT INTO signin_guard (operator_id, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
           ON CONFLICT (operator_id) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
          [operatorId, failures, at, until],
        );
        // who typed it is unknown: the system records the attempt on the operator's record
        writeAudit(store, SYSTEM_ACTOR, { entity: 'operator', entityId: o.id, action: 'sign_in_failed', after: { failures } }, at);
        if (until) writeAudit(store, SYSTEM_ACTOR, { entity: 'operator', entityId: o.id, action: 'sign_in_locked', after: { failures, lockedUntil: until } }, at);
      });
      if (until) throw lockedError(now + delay, now);
      throw new AppError('BAD_PIN', 'err.pin.wrong', { left: FREE_TRIES - failures });
    }
  }
  const at = nowIso(new Date(now));
  store.tx(() => {
    store.run('DELETE FROM signin_guard WHERE operator_id = ?', [operatorId]);
    store.run('UPDATE operators SET last_sign_in_at = ? WHERE id = ?', [at, operatorId]);
    writeAudit(store, { id: o.id, name: o.name }, { entity: 'operator', entityId: o.id, action: 'sign_in' }, at);
  });
  return getOperator(store, operatorId);
}
