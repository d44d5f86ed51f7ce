// The indicator catalogue: the entries a scheme draft starts from. Union officers and administrators (WAGE_RUNNERS)
// change it; a built-in entry keeps its code; a deleted entry stays (deleted_at) and can be restored. Changing the
// catalogue never changes a scheme version (a version holds its own copy of each indicator).
import type { Operator } from '../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import type { ScoringRule } from '../../../../shared/wage/rules';
import { WAGE_RUNNERS } from '../../../../shared/wage/scheme';
import type { CatalogueSaveInput } from '../../../../shared/wage/schemes/schemas';
import type { CatalogueIndicator } from '../../../../shared/wage/schemes/types';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';

/** Union officers and administrators manage the wage; the backend refuses the rest. */
export function assertRunner(op: Operator): void {
  if (!holdsAnyRole(op, WAGE_RUNNERS)) throw new AppError('FORBIDDEN', 'wage.scheme.runnersOnly');
}

interface CatalogueRow {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  unit_zh: string;
  unit_en: string;
  source: CatalogueIndicator['source'];
  rule: string;
  weight_pct: number;
  safety: number;
  built_in: number;
  note: string | null;
  updated_at: string;
  deleted_at: string | null;
}

const toEntry = (r: CatalogueRow): CatalogueIndicator => ({
  id: r.id,
  code: r.code,
  name: { 'zh-CN': r.name_zh, en: r.name_en },
  unit: { 'zh-CN': r.unit_zh, en: r.unit_en },
  source: r.source,
  rule: JSON.parse(r.rule) as ScoringRule,
  weightPct: r.weight_pct,
  safety: r.safety === 1,
  builtIn: r.built_in === 1,
  note: r.note,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

/** The live entries by code (or, asked for, the deleted ones). */
export function listCatalogue(store: Store, q: { deleted: boolean }): CatalogueIndicator[] {
  return store
    .all<CatalogueRow>(`SELECT * FROM wage_catalogue WHERE deleted_at IS ${q.deleted ? 'NOT NULL' : 'NULL'} ORDER BY built_in DESC, rid`)
    .map(toEntry);
}

/** An entry; a deleted one only when `withDeleted` (restore). */
function entry(store: Store, id: string, withDeleted = false): CatalogueIndicator {
  const r = store.get<CatalogueRow>(`SELECT * FROM wage_catalogue WHERE id = ?`, [id]);
  if (!r || (!withDeleted && r.deleted_at !== null)) throw new AppError('NOT_FOUND', 'err.wage.catalogueNotFound', { id });
  return toEntry(r);
}

/** The live entries of these codes, in that order (an unknown or deleted code refuses). */
export function catalogueByCodes(store: Store, codes: readonly string[]): CatalogueIndicator[] {
  return codes.map((code) => {
    const r = store.get<CatalogueRow>(`SELECT * FROM wage_catalogue WHERE code = ? AND deleted_at IS NULL`, [code]);
    if (!r) throw new AppError('VALIDATION', 'err.wage.unknownIndicator', { code, issues: [{ path: 'codes', message: 'v.invalid' }] });
    return toEntry(r);
  });
}

function assertCodeFree(store: Store, code: string, exceptId: string | null): void {
  const same = store.get<{ id: string }>(`SELECT id FROM wage_catalogue WHERE code = ?`, [code]);
  if (same && same.id !== exceptId) throw new AppError('CONFLICT', 'err.wage.codeTaken', { code, issues: [{ path: 'code', message: 'v.duplicate' }] });
}

export function saveCatalogue(store: Store, op: Operator, actor: Actor, d: CatalogueSaveInput): CatalogueIndicator {
  assertRunner(op);
  return store.tx(() => {
    const now = nowIso();
    const values = [d.code, d.name['zh-CN'], d.name.en, d.unit['zh-CN'], d.unit.en, d.source, JSON.stringify(d.rule), d.weightPct, d.safety ? 1 : 0, d.note];
    if (d.id) {
      const before = entry(store, d.id);
      if (before.builtIn && before.code !== d.code) throw new AppError('VALIDATION', 'err.wage.builtInCode', { issues: [{ path: 'code', message: 'v.invalid' }] });
      assertCodeFree(store, d.code, d.id);
      store.run(
        `UPDATE wage_catalogue SET code = ?, name_zh = ?, name_en = ?, unit_zh = ?, unit_en = ?, source = ?, rule = ?, weight_pct = ?, safety = ?, note = ?, updated_at = ?
         WHERE id = ?`,
        [...values, now, d.id],
      );
      const after = entry(store, d.id);
      writeAudit(store, actor, { entity: 'wage_catalogue', entityId: d.id, action: 'update', before, after });
      return after;
    }
    assertCodeFree(store, d.code, null);
    const id = uuidv7();
    store.run(
      `INSERT INTO wage_catalogue (id, code, name_zh, name_en, unit_zh, unit_en, source, rule, weight_pct, safety, note, built_in, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      [id, ...values, now, now],
    );
    const after = entry(store, id);
    writeAudit(store, actor, { entity: 'wage_catalogue', entityId: id, action: 'create', after });
    return after;
  });
}

export function deleteCatalogue(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertRunner(op);
  return store.tx(() => {
    const before = entry(store, id);
    const now = nowIso();
    store.run(`UPDATE wage_catalogue SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'wage_catalogue', entityId: id, action: 'delete', before });
    return { deleted: true } as const;
  });
}

export function restoreCatalogue(store: Store, op: Operator, actor: Actor, id: string): CatalogueIndicator {
  assertRunner(op);
  return store.tx(() => {
    const before = entry(store, id, true);
    if (before.deletedAt === null) throw new AppError('CONFLICT', 'err.wage.notDeleted');
    store.run(`UPDATE wage_catalogue SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [nowIso(), id]);
    const after = entry(store, id);
    writeAudit(store, actor, { entity: 'wage_catalogue', entityId: id, action: 'restore', before, after });
    return after;
  });
}
