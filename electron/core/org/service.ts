import { AppError } from '../../../shared/result';
import type { OrgUnit } from '../../../shared/org/types';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { nowIso, uuidv7 } from '../util';

interface Row {
  id: string;
  parent_id: string | null;
  kind: 'workshop' | 'team';
  name: string;
  sort_order: number;
  retired_at: string | null;
  worker_count?: number;
}
const toUnit = (r: Row): OrgUnit => ({
  id: r.id,
  parentId: r.parent_id,
  kind: r.kind,
  name: r.name,
  sortOrder: r.sort_order,
  retiredAt: r.retired_at,
  workerCount: r.worker_count ?? 0,
});

export function listUnits(store: Store, includeRetired: boolean): OrgUnit[] {
  // worker counts: active, not deleted; a workshop counts everyone in it and its teams
  const rows = store.all<Row>(
    `SELECT u.*, coalesce(c.n, 0) AS worker_count
     FROM org_units u
     LEFT JOIN (
       SELECT unit_id, count(*) AS n FROM (
         SELECT workshop_id AS unit_id FROM workers WHERE deleted_at IS NULL AND status = 'active' AND workshop_id IS NOT NULL
         UNION ALL
         SELECT team_id FROM workers WHERE deleted_at IS NULL AND status = 'active' AND team_id IS NOT NULL
       ) GROUP BY unit_id
     ) c ON c.unit_id = u.id
     WHERE u.deleted_at IS NULL ${includeRetired ? '' : 'AND u.retired_at IS NULL'}
     ORDER BY u.kind = 'team', u.sort_order, u.name`,
  );
  return rows.map(toUnit);
}

export function getUnit(store: Store, id: string): OrgUnit {
  const r = store.get<Row>('SELECT * FROM org_units WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.org.notFound', { id });
  return toUnit(r);
}

function assertNameFree(store: Store, parentId: string | null, name: string, exceptId?: string) {
  const r = store.get<{ id: string }>(
    `SELECT id FROM org_units WHERE coalesce(parent_id, '') = ? AND name = ? AND deleted_at IS NULL`,
    [parentId ?? '', name],
  );
  if (r && r.id !== exceptId) {
    throw new AppError('CONFLICT', 'err.org.nameTaken', { name, issues: [{ path: 'name', message: 'v.duplicate' }] });
  }
}

/** Inside a transaction. */
export function insertUnit(
  store: Store,
  actor: Actor,
  d: { kind: 'workshop' | 'team'; parentId: string | null; name: string },
  now = nowIso(),
): OrgUnit {
  if (d.kind === 'team') {
    if (!d.parentId) throw new AppError('VALIDATION', 'err.org.teamNeedsWorkshop', { issues: [{ path: 'parentId', message: 'v.required' }] });
    const parent = getUnit(store, d.parentId);
    if (parent.kind !== 'workshop') throw new AppError('VALIDATION', 'err.org.teamUnderWorkshop');
    if (parent.retiredAt) throw new AppError('CONFLICT', 'err.org.workshopRetired');
  } else if (d.parentId) {
    throw new AppError('VALIDATION', 'err.org.workshopTopLevel');
  }
  const parentId = d.kind === 'team' ? d.parentId : null;
  assertNameFree(store, parentId, d.name);
  const id = uuidv7();
  const order =
    store.get<{ n: number }>(`SELECT coalesce(max(sort_order), 0) + 1 AS n FROM org_units WHERE coalesce(parent_id, '') = ?`, [
      parentId ?? '',
    ])?.n ?? 1;
  store.run(
    `INSERT INTO org_units (id, parent_id, kind, name, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [id, parentId, d.kind, d.name, order, now, now],
  );
  const u = getUnit(store, id);
  writeAudit(store, actor, { entity: 'org_unit', entityId: id, action: 'create', after: u }, now);
  return u;
}

export function createUnit(store: Store, actor: Actor, d: { kind: 'workshop' | 'team'; parentId: string | null; name: string }) {
  return store.tx(() => insertUnit(store, actor, d));
}

export function renameUnit(store: Store, actor: Actor, id: string, name: string): OrgUnit {
  return store.tx(() => {
    const before = getUnit(store, id);
    if (before.name === name) return before;
    assertNameFree(store, before.parentId, name, id);
    const now = nowIso();
    store.run('UPDATE org_units SET name = ?, updated_at = ? WHERE id = ?', [name, now, id]);
    const after = getUnit(store, id);
    writeAudit(store, actor, { entity: 'org_unit', entityId: id, action: 'rename', before, after }, now);
    return after;
  });
}

/** Moves a team to another workshop; its workers move with it. */
export function moveUnit(store: Store, actor: Actor, id: string, parentId: string): OrgUnit {
  return store.tx(() => {
    const before = getUnit(store, id);
    if (before.kind !== 'team') throw new AppError('VALIDATION', 'err.org.onlyTeamsMove');
    const parent = getUnit(store, parentId);
    if (parent.kind !== 'workshop') throw new AppError('VALIDATION', 'err.org.teamUnderWorkshop');
    if (parent.retiredAt) throw new AppError('CONFLICT', 'err.org.targetRetired');
    if (before.parentId === parentId) return before;
    assertNameFree(store, parentId, before.name, id);
    const now = nowIso();
    store.run('UPDATE org_units SET parent_id = ?, updated_at = ? WHERE id = ?', [parentId, now, id]);
    const moved = store.run('UPDATE workers SET workshop_id = ?, updated_at = ? WHERE team_id = ?', [parentId, now, id]);
    const after = getUnit(store, id);
    writeAudit(
      store,
      actor,
      { entity: 'org_unit', entityId: id, action: 'move', before, after, reason: `职工随班组调整：${moved.changes} 人` },
      now,
    );
    return after;
  });
}

/** Retire (soft): hidden from pickers; refused while active workers remain. Retiring a workshop retires its teams. */
export function retireUnit(store: Store, actor: Actor, id: string): OrgUnit {
  return store.tx(() => {
    const before = getUnit(store, id);
    if (before.retiredAt) return before;
    const col = before.kind === 'workshop' ? 'workshop_id' : 'team_id';
    const n =
      store.get<{ n: number }>(`SELECT count(*) AS n FROM workers WHERE ${col} = ? AND deleted_at IS NULL AND status = 'active'`, [id])
        ?.n ?? 0;
    if (n > 0) {
      throw new AppError('CONFLICT', 'err.org.hasWorkers', { activeWorkers: n });
    }
    const now = nowIso();
    const ids = before.kind === 'workshop'
      ? [id, ...store.all<{ id: string }>('SELECT id FROM org_units WHERE parent_id = ? AND retired_at IS NULL AND deleted_at IS NULL', [id]).map((r) => r.id)]
      : [id];
    for (const uid of ids) {
      const b = getUnit(store, uid);
      store.run('UPDATE org_units SET retired_at = ?, updated_at = ? WHERE id = ?', [now, now, uid]);
      writeAudit(store, actor, { entity: 'org_unit', entityId: uid, action: 'retire', before: b, after: getUnit(store, uid) }, now);
    }
    return getUnit(store, id);
  });
}

export function restoreUnit(store: Store, actor: Actor, id: string): OrgUnit {
  return store.tx(() => {
    const before = getUnit(store, id);
    if (!before.retiredAt) return before;
    if (before.parentId && getUnit(store, before.parentId).retiredAt) {
      throw new AppError('CONFLICT', 'err.org.parentRetired');
    }
    const now = nowIso();
    store.run('UPDATE org_units SET retired_at = NULL, updated_at = ? WHERE id = ?', [now, id]);
    const after = getUnit(store, id);
    writeAudit(store, actor, { entity: 'org_unit', entityId: id, action: 'restore', before, after }, now);
    return after;
  });
}

/** Workshop/team ids for a worker placed on `unitId` (a team or a workshop). */
export function placement(store: Store, unitId: string | null): { workshopId: string | null; teamId: string | null } {
  if (!unitId) return { workshopId: null, teamId: null };
  const u = getUnit(store, unitId);
  if (u.retiredAt) throw new AppError('CONFLICT', 'err.org.retiredNoAssign', { name: u.name, issues: [{ path: 'orgUnitId', message: 'v.invalid' }] });
  return u.kind === 'team' ? { workshopId: u.parentId, teamId: u.id } : { workshopId: u.id, teamId: null };
}
