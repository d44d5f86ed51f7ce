// The check "every workshop and team has a culture wall updated within N months": per unit, its walls and their newest
// update on or before a day. One query over the units (a few hundred at most), so it reads fast at any roster size.
import { wallCutoff } from '../../../../shared/education/walls/rules';
import type { WallCheck, WallUnitRef } from '../../../../shared/education/walls/types';
import type { Store } from '../../db/store';
import { todayLocal } from '../../util';
import { wallMonths } from './service';

export interface UnitWalls extends WallUnitRef {
  /** live walls the unit had on the day */
  walls: number;
  /** the newest live update on or before the day (null: none) */
  lastUpdate: string | null;
  /** the wall to record the next update on: the one updated last (or the first) */
  wallId: string | null;
}

/**
 * The live workshops and teams on `asOf` and their walls. `historical` (a past year's end): the units not yet retired
 * then (a unit's entry date in the app is not its founding date, so it is not used) and the walls entered or updated by
 * then; otherwise today's units and walls.
 */
export function unitWalls(store: Store, asOf: string, historical: boolean): UnitWalls[] {
  const rows = store.all<{ id: string; kind: 'workshop' | 'team'; name: string; workshop_name: string | null; walls: number; last_update: string | null; wall_id: string | null }>(
    `WITH w AS (
       SELECT wl.id, wl.rid, wl.org_unit_id,
         (SELECT max(x.date) FROM edu_wall_updates x WHERE x.wall_id = wl.id AND x.deleted_at IS NULL AND x.date <= :asOf) AS last
       FROM edu_walls wl WHERE wl.deleted_at IS NULL
     ), wh AS (
       SELECT * FROM w WHERE :hist = 0 OR w.last IS NOT NULL
         OR substr((SELECT created_at FROM edu_walls WHERE id = w.id), 1, 10) <= :asOf
     )
     SELECT u.id, u.kind, u.name, p.name AS workshop_name,
       (SELECT count(*) FROM wh WHERE wh.org_unit_id = u.id) AS walls,
       (SELECT max(wh.last) FROM wh WHERE wh.org_unit_id = u.id) AS last_update,
       (SELECT wh.id FROM wh WHERE wh.org_unit_id = u.id ORDER BY wh.last IS NULL, wh.last DESC, wh.rid LIMIT 1) AS wall_id
     FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
     WHERE u.deleted_at IS NULL
       AND (CASE WHEN :hist = 0 THEN u.retired_at IS NULL
                 ELSE u.retired_at IS NULL OR substr(u.retired_at, 1, 10) > :asOf END)
     ORDER BY coalesce(p.sort_order, u.sort_order), coalesce(p.name, u.name), u.kind = 'team', u.sort_order, u.name`,
    { asOf, hist: historical ? 1 : 0 },
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, workshopName: r.workshop_name, walls: r.walls, lastUpdate: r.last_update, wallId: r.wall_id }));
}

/** Today's check: the counts, the units without a wall, and those whose walls were not updated since the cutoff. */
export function wallCheck(store: Store, today = todayLocal()): WallCheck {
  const months = wallMonths(store);
  const cutoff = wallCutoff(today, months);
  const units = unitWalls(store, today, false);
  const ref = (u: UnitWalls): WallUnitRef => ({ id: u.id, kind: u.kind, name: u.name, workshopName: u.workshopName });
  const withWall = units.filter((u) => u.walls > 0);
  const stale = withWall.filter((u) => u.lastUpdate === null || u.lastUpdate < cutoff);
  return {
    today,
    months,
    cutoff,
    units: units.length,
    withWall: withWall.length,
    current: withWall.length - stale.length,
    missing: units.filter((u) => u.walls === 0).map(ref),
    stale: stale.map((u) => ({ ...ref(u), lastUpdate: u.lastUpdate, wallId: u.wallId! })),
  };
}
