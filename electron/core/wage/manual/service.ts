// The skill-level wage's manual monthly figures: a figure per worker, month and indicator code. Writes: one transaction
// → read before → change → read after → audit; a refusal throws before anything is written.
import type { z } from 'zod';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import type { manualQuery, manualSave } from '../../../../shared/wage/manual/schemas';
import type { ManualValue } from '../../../../shared/wage/manual/types';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';
import { assertRecorder } from '../records/service';

interface ManualRow {
  id: string;
  worker_id: string;
  emp_no: string;
  name: string;
  workshop_name: string | null;
  team_name: string | null;
  period: string;
  code: string;
  value: number;
  note: string | null;
  entered_by_name: string;
  updated_at: string;
}
const SELECT = `
  SELECT m.id, m.worker_id, w.emp_no, w.name, ws.name AS workshop_name, tm.name AS team_name, m.period, m.code, m.value, m.note,
    m.entered_by_name, m.updated_at
  FROM wage_manual_values m
  JOIN workers w ON w.id = m.worker_id
  LEFT JOIN org_units ws ON ws.id = w.workshop_id
  LEFT JOIN org_units tm ON tm.id = w.team_id`;
const toManual = (r: ManualRow): ManualValue => ({
  id: r.id,
  workerId: r.worker_id,
  empNo: r.emp_no,
  name: r.name,
  workshopName: r.workshop_name,
  teamName: r.team_name,
  period: r.period,
  code: r.code,
  value: r.value,
  note: r.note,
  enteredBy: r.entered_by_name,
  updatedAt: r.updated_at,
});

/** A month's figures by employee number, then code; `search` matches the name or the employee number. */
export function listManual(store: Store, q: z.output<typeof manualQuery>): ManualValue[] {
  const s = q.search?.toLowerCase() ?? null;
  return store
    .all<ManualRow>(
      `${SELECT} WHERE m.period = :period AND (:code IS NULL OR m.code = :code)
         AND (:s IS NULL OR instr(lower(w.name), :s) > 0 OR instr(lower(w.emp_no), :s) > 0)
       ORDER BY w.emp_no, m.code`,
      { period: q.period, code: q.code, s },
    )
    .map(toManual);
}

/**
 * The month's figures for the run: worker id → indicator code → figure (a worker without a figure for a code has no
 * entry: the run scores it as "no record").
 */
export function manualFigures(store: Store, period: string): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const r of store.all<{ worker_id: string; code: string; value: number }>(`SELECT worker_id, code, value FROM wage_manual_values WHERE period = ?`, [period])) {
    let m = out.get(r.worker_id);
    if (!m) out.set(r.worker_id, (m = {}));
    m[r.code] = r.value;
  }
  return out;
}

function getManual(store: Store, id: string): ManualValue {
  const r = store.get<ManualRow>(`${SELECT} WHERE m.id = ?`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.wage.manualNotFound', { id });
  return toManual(r);
}

/** Saves one figure; the same worker, month and code again updates it (no duplicate). */
export function saveManual(store: Store, op: Operator, actor: Actor, d: z.output<typeof manualSave>): ManualValue {
  assertRecorder(op);
  return store.tx(() => {
    if (!store.get(`SELECT 1 FROM workers WHERE id = ? AND deleted_at IS NULL`, [d.workerId])) {
      throw new AppError('NOT_FOUND', 'err.worker.notFound', { id: d.workerId, issues: [{ path: 'workerId', message: 'v.invalid' }] });
    }
    const now = nowIso();
    const existing = store.get<{ id: string }>(`SELECT id FROM wage_manual_values WHERE worker_id = ? AND period = ? AND code = ?`, [d.workerId, d.period, d.code]);
    if (existing) {
      const before = getManual(store, existing.id);
      store.run(`UPDATE wage_manual_values SET value = ?, note = ?, updated_at = ? WHERE id = ?`, [d.value, d.note, now, existing.id]);
      const after = getManual(store, existing.id);
      writeAudit(store, actor, { entity: 'wage_manual_value', entityId: existing.id, action: 'update', before, after }, now);
      return after;
    }
    const id = uuidv7();
    store.run(
      `INSERT INTO wage_manual_values (id, worker_id, period, code, value, note, entered_by_id, entered_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, d.workerId, d.period, d.code, d.value, d.note, actor.id, actor.name, now, now],
    );
    const after = getManual(store, id);
    writeAudit(store, actor, { entity: 'wage_manual_value', entityId: id, action: 'create', after }, now);
    return after;
  });
}

/** Removes a figure entered by mistake (the audit log keeps what it was). */
export function deleteManual(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertRecorder(op);
  return store.tx(() => {
    const before = getManual(store, id);
    store.run(`DELETE FROM wage_manual_values WHERE id = ?`, [id]);
    writeAudit(store, actor, { entity: 'wage_manual_value', entityId: id, action: 'delete', before });
    return { deleted: true };
  });
}
