// First-run setup: the enterprise profile and the first operator (an admin), in one transaction.
import type { SetupInput } from '../../../shared/app/contract';
import type { Operator } from '../../../shared/operators/types';
import { workerInput } from '../../../shared/roster/schemas';
import { AppError } from '../../../shared/result';
import type { Actor } from '../audit';
import type { Store } from '../db/store';
import { createEnterprise, findEnterprise } from '../enterprise/service';
import { insertOperator, listOperators } from '../operators/service';
import { insertWorker } from '../roster/workers';
import { nowIso } from '../util';

export function isInitialized(store: Store): boolean {
  return findEnterprise(store) !== null && listOperators(store).length > 0;
}

export function initialize(store: Store, i: SetupInput): Operator {
  return store.tx(() => {
    if (isInitialized(store)) throw new AppError('CONFLICT', 'err.setup.done');
    const now = nowIso();
    const actor: Actor = { id: null, name: i.operator.name };
    createEnterprise(store, actor, i.enterprise);
    // the first operator is a worker like any other: the shared schema fills the defaults
    const w = insertWorker(
      store,
      actor,
      workerInput.parse({ empNo: i.operator.empNo, name: i.operator.name, gender: i.operator.gender, roles: i.operator.roles }),
      now,
    );
    return insertOperator(store, actor, { workerId: w, isAdmin: true, pin: i.operator.pin || null }, now);
  });
}
