// The culture walls' part of the education module's year facts (shared/subsidy/facts.ts EducationYearFacts.walls, and
// the wall photos for the dossier): read on the year's last day, or today for the current year.
import type { EducationYearFacts } from '../../../../shared/subsidy/facts';
import { asOfDay, wallCutoff } from '../../../../shared/education/walls/rules';
import type { Store } from '../../db/store';
import { unitWalls } from './check';
import { wallMonths } from './service';

/** EducationYearFacts['walls'] and the photos of the year's wall updates (attachment ids, newest first, at most `maxPhotos`). */
export type WallYearFacts = EducationYearFacts['walls'] & { photoIds: string[] };

export function wallFacts(store: Store, year: number, today: string, maxPhotos = 24): WallYearFacts {
  const asOf = asOfDay(year, today);
  const months = wallMonths(store);
  const cutoff = wallCutoff(asOf, months);
  const units = unitWalls(store, asOf, asOf < today);
  const withWall = units.filter((u) => u.walls > 0);
  const photoIds = store
    .all<{ attachment_id: string }>(
      `SELECT wp.attachment_id FROM edu_wall_photos wp
       JOIN edu_wall_updates x ON x.id = wp.update_id AND x.deleted_at IS NULL
       JOIN edu_walls wl ON wl.id = x.wall_id AND wl.deleted_at IS NULL
       JOIN attachments a ON a.id = wp.attachment_id AND a.deleted_at IS NULL
       WHERE x.date >= ? AND x.date <= ?
       ORDER BY x.date DESC, x.rid DESC, wp.sort_order LIMIT ?`,
      [`${year}-01-01`, asOf, maxPhotos],
    )
    .map((r) => r.attachment_id);
  return {
    units: units.length,
    withWall: withWall.length,
    current: withWall.filter((u) => u.lastUpdate !== null && u.lastUpdate >= cutoff).length,
    months,
    photoIds: [...new Set(photoIds)],
  };
}
