// 待我处理: the open hazards waiting for this operator (shared/hazards/mine.ts). The same rules as the workflow
// (shared/hazards/rules.ts refusal): the responsible person starts and submits their rectification; an acceptor accepts
// or rejects a submitted one unless they are responsible for it or submitted it themselves.
import type { MyTasks } from '../../../shared/hazards/mine';
import type { Operator } from '../../../shared/operators/types';
import { holdsAnyRole, ROLE_SETS } from '../../../shared/roster/roles';
import type { Store } from '../db/store';
import { todayLocal } from '../util';
import { ROW_SELECT, toRow, type Row } from './queries';

export function myTasks(store: Store, op: Operator, limit: number): MyTasks {
  const today = todayLocal();
  const rectify = `(h.status IN ('assigned', 'rectifying') AND h.responsible_id = ?)`;
  const accept = `(h.status = 'submitted' AND coalesce(h.responsible_id, '') <> ? AND coalesce(h.submitted_by, '') <> ?)`;
  const mayAccept = holdsAnyRole(op, ROLE_SETS.acceptors);
  const where = `h.deleted_at IS NULL AND (${rectify}${mayAccept ? ` OR ${accept}` : ''})`;
  const params = mayAccept ? [op.workerId, op.workerId, op.id] : [op.workerId];
  const rows = store
    .all<Row>(`${ROW_SELECT} WHERE ${where} ORDER BY h.due_date IS NULL, h.due_date, h.serial_key LIMIT ?`, [...params, limit])
    .map((r) => ({ ...toRow(r, today), task: r.status === 'submitted' ? ('accept' as const) : ('rectify' as const) }));
  const total = store.get<{ n: number }>(`SELECT count(*) AS n FROM hazards h WHERE ${where}`, params)!.n;
  return { rows, total };
}
