// Culture walls (安康文化墙): one or more per workshop and team, their updates (date, sections, content, photos), the
// setting "current within N months" and the check listing the units missing a wall or with a stale one. Writes: one
// transaction → read before → change → read after → audit; a refusal throws before anything is written.
import type { z } from 'zod';
import { WALL_MONTHS_DEFAULT, WALL_MONTHS_SETTING, WALL_WRITERS } from '../../../../shared/education/kinds';
import { MAX_WALL_MONTHS, MIN_WALL_MONTHS, wallState } from '../../../../shared/education/walls/rules';
import type { wallEdit, wallInput, wallsQuery } from '../../../../shared/education/walls/schemas';
import type { Wall, WallSettings } from '../../../../shared/education/walls/types';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { getSetting, setSetting } from '../../app/settings';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, todayLocal, uuidv7 } from '../../util';

export function assertWallWriter(op: Operator): void {
  if (!holdsAnyRole(op, WALL_WRITERS)) throw new AppError('FORBIDDEN', 'err.edu.wall.writersOnly');
}

const issue = (path: string, message = 'v.invalid') => ({ issues: [{ path, message }] });

// ---------------------------------------------------------------------------------------------------------
// The setting

/** The months a wall stays current (a stored value out of range falls back to the default). */
export function wallMonths(store: Store): number {
  const v = getSetting<unknown>(store, WALL_MONTHS_SETTING, WALL_MONTHS_DEFAULT);
  return typeof v === 'number' && Number.isInteger(v) && v >= MIN_WALL_MONTHS && v <= MAX_WALL_MONTHS ? v : WALL_MONTHS_DEFAULT;
}

export function getWallSettings(store: Store): WallSettings {
  return { months: wallMonths(store) };
}

export function saveWallSettings(store: Store, actor: Actor, s: WallSettings): WallSettings {
  return store.tx(() => {
    const before = getWallSettings(store);
    setSetting(store, WALL_MONTHS_SETTING, s.months);
    writeAudit(store, actor, { entity: 'settings', entityId: WALL_MONTHS_SETTING, action: 'update', before, after: s });
    return getWallSettings(store);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Walls

interface WallRow {
  id: string;
  org_unit_id: string;
  unit_kind: 'workshop' | 'team';
  unit_name: string;
  workshop_name: string | null;
  name: string | null;
  location: string;
  note: string | null;
  last_update: string | null;
  updates: number;
  updated_at: string;
  deleted_at: string | null;
}
const WALL_SELECT = `
  SELECT wl.id, wl.org_unit_id, u.kind AS unit_kind, u.name AS unit_name, p.name AS workshop_name, wl.name, wl.location, wl.note,
    (SELECT max(x.date) FROM edu_wall_updates x WHERE x.wall_id = wl.id AND x.deleted_at IS NULL) AS last_update,
    (SELECT count(*) FROM edu_wall_updates x WHERE x.wall_id = wl.id AND x.deleted_at IS NULL) AS updates,
    wl.updated_at, wl.deleted_at
  FROM edu_walls wl
  JOIN org_units u ON u.id = wl.org_unit_id
  LEFT JOIN org_units p ON p.id = u.parent_id`;

function toWall(r: WallRow, today: string, months: number): Wall {
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    unitKind: r.unit_kind,
    unitName: r.unit_name,
    workshopName: r.workshop_name,
    name: r.name,
    location: r.location,
    note: r.note,
    lastUpdate: r.last_update,
    updates: r.updates,
    state: wallState(r.last_update, today, months),
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** By workshop (its own walls first, then its teams'), then name. `workshopId`: that workshop's and its teams'. */
export function listWalls(store: Store, q: z.output<typeof wallsQuery>, today = todayLocal()): Wall[] {
  const months = wallMonths(store);
  const s = q.search?.toLowerCase() ?? null;
  return store
    .all<WallRow>(
      `${WALL_SELECT}
       WHERE (wl.deleted_at IS NULL) = :live
         AND (:ws IS NULL OR u.id = :ws OR u.parent_id = :ws)
         AND (:s IS NULL OR instr(lower(u.name), :s) > 0 OR instr(lower(coalesce(p.name, '')), :s) > 0
              OR instr(lower(coalesce(wl.name, '')), :s) > 0 OR instr(lower(wl.location), :s) > 0)
       ORDER BY coalesce(p.sort_order, u.sort_order), coalesce(p.name, u.name), u.kind = 'team', u.sort_order, u.name, wl.rid`,
      { live: q.deleted ? 0 : 1, ws: q.workshopId, s },
    )
    .map((r) => toWall(r, today, months));
}

export function getWall(store: Store, id: string, deleted = false): Wall {
  const r = store.get<WallRow>(`${WALL_SELECT} WHERE wl.id = ?`, [id]);
  if (!r || (r.deleted_at !== null) !== deleted) {
    if (r && deleted) throw new AppError('CONFLICT', 'err.edu.wall.notDeleted', { id });
    throw new AppError('NOT_FOUND', 'err.edu.wall.notFound', { id });
  }
  return toWall(r, todayLocal(), wallMonths(store));
}

/** The unit exists; a new wall (or a wall moved to it) needs it not retired. */
function assertUnit(store: Store, id: string, mayBeRetired: boolean): void {
  const u = store.get<{ name: string; retired_at: string | null }>(`SELECT name, retired_at FROM org_units WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!u) throw new AppError('NOT_FOUND', 'err.org.notFound', { id, ...issue('orgUnitId') });
  if (u.retired_at && !mayBeRetired) throw new AppError('VALIDATION', 'err.edu.wall.unitRetired', { name: u.name, ...issue('orgUnitId') });
}

export function createWall(store: Store, op: Operator, actor: Actor, d: z.output<typeof wallInput>): Wall {
  assertWallWriter(op);
  return store.tx(() => {
    assertUnit(store, d.orgUnitId, false);
    const id = uuidv7();
    const now = nowIso();
    store.run(`INSERT INTO edu_walls (id, org_unit_id, name, location, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      id,
      d.orgUnitId,
      d.name,
      d.location,
      d.note,
      now,
      now,
    ]);
    const after = getWall(store, id);
    writeAudit(store, actor, { entity: 'edu_wall', entityId: id, action: 'create', after }, now);
    return after;
  });
}

export function editWall(store: Store, op: Operator, actor: Actor, d: z.output<typeof wallEdit>): Wall {
  assertWallWriter(op);
  return store.tx(() => {
    const before = getWall(store, d.id);
    assertUnit(store, d.orgUnitId, d.orgUnitId === before.orgUnitId);
    const now = nowIso();
    store.run(`UPDATE edu_walls SET org_unit_id = ?, name = ?, location = ?, note = ?, updated_at = ? WHERE id = ?`, [d.orgUnitId, d.name, d.location, d.note, now, d.id]);
    const after = getWall(store, d.id);
    writeAudit(store, actor, { entity: 'edu_wall', entityId: d.id, action: 'update', before, after }, now);
    return after;
  });
}

/** Marks the wall deleted (its updates stay with it); it can be restored. */
export function deleteWall(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertWallWriter(op);
  return store.tx(() => {
    const before = getWall(store, id);
    const now = nowIso();
    store.run(`UPDATE edu_walls SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'edu_wall', entityId: id, action: 'delete', before }, now);
    return { deleted: true };
  });
}

export function restoreWall(store: Store, op: Operator, actor: Actor, id: string): Wall {
  assertWallWriter(op);
  return store.tx(() => {
    const before = getWall(store, id, true);
    const now = nowIso();
    store.run(`UPDATE edu_walls SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getWall(store, id);
    writeAudit(store, actor, { entity: 'edu_wall', entityId: id, action: 'restore', before, after }, now);
    return after;
  });
}
