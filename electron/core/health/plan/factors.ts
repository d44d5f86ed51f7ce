// The interval table (health_factors: seeded with the GBZ 188 defaults, editable) and the women workers' exam settings.
// Writes: one transaction → read before → change → read after → audit; a refusal throws before anything is written. A
// changed interval or setting rewrites the plan of the workers it concerns.
import type { z } from 'zod';
import { HEALTH_WRITERS, WOMEN_EXAM_SETTING, type FactorCategory, type WomenExamSettings } from '../../../../shared/health/kinds';
import type { factorSave, factorsQuery, womenSettingsSave } from '../../../../shared/health/plan/schemas';
import type { Factor } from '../../../../shared/health/plan/types';
import type { Operator } from '../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import { setSetting } from '../../app/settings';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';
import { rebuildHealthDue, refreshHealthDue, womenSettings } from './due';

/** 职业卫生管理员, 安全员, 工会干部 and administrators write the plan's data; the backend refuses the rest. */
export function assertHealthWriter(op: Operator): void {
  if (!holdsAnyRole(op, HEALTH_WRITERS)) throw new AppError('FORBIDDEN', 'err.health.writersOnly');
}

interface FactorRow {
  id: string;
  code: string;
  name: string;
  category: FactorCategory;
  interval_months: number;
  level_note: string | null;
  synonyms: string;
  seeded: number;
  sort_order: number;
  exposed: number;
  updated_at: string;
  deleted_at: string | null;
}
const SELECT = `SELECT f.id, f.code, f.name, f.category, f.interval_months, f.level_note, f.synonyms, f.seeded, f.sort_order, f.updated_at, f.deleted_at,
    (SELECT count(DISTINCT x.worker_id) FROM health_exposures x JOIN workers w ON w.id = x.worker_id AND w.deleted_at IS NULL AND w.status = 'active'
      WHERE x.factor_id = f.id AND x.deleted_at IS NULL AND (x.end_date IS NULL OR x.end_date >= :today)) AS exposed
  FROM health_factors f`;
const today = () => nowIso().slice(0, 10);
const toFactor = (r: FactorRow): Factor => ({
  id: r.id,
  code: r.code,
  name: r.name,
  category: r.category,
  intervalMonths: r.interval_months,
  levelNote: r.level_note,
  synonyms: JSON.parse(r.synonyms) as string[],
  seeded: r.seeded === 1,
  sortOrder: r.sort_order,
  exposedWorkers: r.exposed,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

/** The table in its order (deleted: the deleted factors instead). */
export function listFactors(store: Store, q: z.output<typeof factorsQuery>): Factor[] {
  return store.all<FactorRow>(`${SELECT} WHERE (f.deleted_at IS NULL) = :live ORDER BY f.sort_order, f.rid`, { live: q.deleted ? 0 : 1, today: today() }).map(toFactor);
}

export function getFactor(store: Store, id: string): Factor {
  const r = store.get<FactorRow>(`${SELECT} WHERE f.id = :id`, { id, today: today() });
  if (!r) throw new AppError('NOT_FOUND', 'err.health.factorNotFound', { id });
  return toFactor(r);
}

const issue = (path: string, message = 'v.invalid') => ({ issues: [{ path, message }] });

/** Adds or edits a factor. A code or synonym another live factor has is refused (a word matches one factor only). */
export function saveFactor(store: Store, op: Operator, actor: Actor, d: z.output<typeof factorSave>): Factor {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = d.id ? getFactor(store, d.id) : null;
    if (before?.deletedAt) throw new AppError('CONFLICT', 'err.health.factorDeleted', { name: before.name });
    const others = listFactors(store, { deleted: false }).filter((f) => f.id !== d.id);
    const sameCode = others.find((f) => f.code === d.code) ?? listFactors(store, { deleted: true }).find((f) => f.code === d.code && f.id !== d.id);
    if (sameCode) throw new AppError('CONFLICT', 'err.health.factorCodeTaken', { code: d.code, name: sameCode.name, ...issue('code', 'v.health.codeTaken') });
    for (const word of d.synonyms) {
      const o = others.find((f) => f.synonyms.includes(word));
      if (o) throw new AppError('CONFLICT', 'err.health.synonymTaken', { word, name: o.name, ...issue('synonyms', 'v.health.synonymTaken') });
    }
    const now = nowIso();
    const id = d.id ?? uuidv7();
    if (before) {
      store.run(
        `UPDATE health_factors SET code = ?, name = ?, category = ?, interval_months = ?, level_note = ?, synonyms = ?, updated_at = ? WHERE id = ?`,
        [d.code, d.name, d.category, d.intervalMonths, d.levelNote, JSON.stringify(d.synonyms), now, id],
      );
    } else {
      const order = store.get<{ n: number }>(`SELECT coalesce(max(sort_order), -1) + 1 AS n FROM health_factors`)!.n;
      store.run(
        `INSERT INTO health_factors (id, code, name, category, interval_months, level_note, synonyms, seeded, sort_order, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
        [id, d.code, d.name, d.category, d.intervalMonths, d.levelNote, JSON.stringify(d.synonyms), order, now, now],
      );
    }
    const after = getFactor(store, id);
    writeAudit(store, actor, { entity: 'health_factor', entityId: id, action: before ? 'update' : 'create', before, after }, now);
    if (before && before.intervalMonths !== after.intervalMonths) refreshHealthDue(store, exposedWorkerIds(store, id));
    return after;
  });
}

function exposedWorkerIds(store: Store, factorId: string): string[] {
  return store.all<{ w: string }>(`SELECT DISTINCT worker_id AS w FROM health_exposures WHERE factor_id = ? AND deleted_at IS NULL`, [factorId]).map((r) => r.w);
}

/** Soft delete; refused while workers are exposed to it (end those exposures first). */
export function deleteFactor(store: Store, op: Operator, actor: Actor, id: string): Factor {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = getFactor(store, id);
    if (before.deletedAt) throw new AppError('CONFLICT', 'err.health.factorDeleted', { name: before.name });
    if (before.exposedWorkers > 0) throw new AppError('CONFLICT', 'err.health.factorInUse', { name: before.name, count: before.exposedWorkers });
    const now = nowIso();
    store.run(`UPDATE health_factors SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    const after = getFactor(store, id);
    writeAudit(store, actor, { entity: 'health_factor', entityId: id, action: 'delete', before, after }, now);
    refreshHealthDue(store, exposedWorkerIds(store, id));
    return after;
  });
}

/** Restores a deleted factor (its code and synonyms must still be free). */
export function restoreFactor(store: Store, op: Operator, actor: Actor, id: string): Factor {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = getFactor(store, id);
    if (!before.deletedAt) throw new AppError('NOT_FOUND', 'err.health.factorNotFound', { id });
    const others = listFactors(store, { deleted: false });
    for (const word of before.synonyms) {
      const o = others.find((f) => f.synonyms.includes(word));
      if (o) throw new AppError('CONFLICT', 'err.health.synonymTaken', { word, name: o.name });
    }
    const now = nowIso();
    store.run(`UPDATE health_factors SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getFactor(store, id);
    writeAudit(store, actor, { entity: 'health_factor', entityId: id, action: 'restore', before, after }, now);
    refreshHealthDue(store, exposedWorkerIds(store, id));
    return after;
  });
}

export const getWomenSettings = (store: Store): WomenExamSettings => womenSettings(store);

/** Saves the women workers' exam settings and rewrites every plan (the women's items change). */
export function saveWomenSettings(store: Store, op: Operator, actor: Actor, d: z.output<typeof womenSettingsSave>): WomenExamSettings {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = womenSettings(store);
    setSetting(store, WOMEN_EXAM_SETTING, d);
    const after = womenSettings(store);
    writeAudit(store, actor, { entity: 'setting', entityId: WOMEN_EXAM_SETTING, action: 'update', before, after });
    const women = store.all<{ id: string }>(`SELECT id FROM workers WHERE deleted_at IS NULL AND gender = 'F'`).map((r) => r.id);
    if (women.length > 2000) rebuildHealthDue(store);
    else refreshHealthDue(store, women);
    return after;
  });
}
