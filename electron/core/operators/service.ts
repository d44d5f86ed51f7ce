import type { CommitteeRole } from '../../../shared/roster/roles';
import { AppError } from '../../../shared/result';
import type { Operator } from '../../../shared/operators/types';
import { writeAudit, type Actor } from '../audit';
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

const failures = new Map<string, { count: number; until: number }>();

export function signIn(store: Store, operatorId: string, pin: string | null | undefined): Operator {
  const o = getOperator(store, operatorId);
  const f = failures.get(operatorId);
  if (f && f.until > Date.now()) {
    throw new AppError('BAD_PIN', 'err.pin.locked', { seconds: Math.ceil((f.until - Date.now()) / 1000) });
  }
  if (o.hasPin) {
    const hash = store.get<{ pin_hash: string }>('SELECT pin_hash FROM operators WHERE id = ?', [operatorId])!.pin_hash;
    if (!pin || !verifyPin(pin, hash)) {
      const count = (f?.count ?? 0) + 1;
      failures.set(operatorId, { count, until: count >= 5 ? Date.now() + 30_000 : 0 });
      throw new AppError('BAD_PIN', 'err.pin.wrong');
    }
  }
  failures.delete(operatorId);
  const now = nowIso();
  store.tx(() => {
    store.run('UPDATE operators SET last_sign_in_at = ? WHERE id = ?', [now, operatorId]);
    writeAudit(store, { id: o.id, name: o.name }, { entity: 'operator', entityId: o.id, action: 'sign_in' }, now);
  });
  return getOperator(store, operatorId);
}
