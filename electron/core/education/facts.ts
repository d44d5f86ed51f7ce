// The education module's year in figures for the subsidy scorecard and dossier (shared/subsidy/facts.ts). Owned by the
// education hours area (the walls part by the walls area, wallFacts in ./walls/facts.ts). Read on the year's last day,
// or today for the current year: activities dated after it are planned, not held, and do not count.
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/education/kinds';
import type { EducationYearFacts } from '../../../shared/subsidy/facts';
import type { Store } from '../db/store';
import { asOfDay } from './hours/service';
import { yearSummary } from './hours/summary';
import { wallFacts } from './walls/facts';

/** photos handed to the dossier at most */
const MAX_PHOTOS = 24;

/** The year's education figures; `today` ends the current year's count (ISO date). Must read fast at 50,000 workers. */
export function educationYearFacts(store: Store, year: number, today: string): EducationYearFacts {
  const asOf = asOfDay(year, today);
  const from = `${year}-01-01`;
  const byKind: Partial<Record<ActivityKind, number>> = {};
  let activities = 0;
  for (const r of store.all<{ kind: ActivityKind; n: number }>(
    `SELECT kind, count(*) AS n FROM edu_activities WHERE deleted_at IS NULL AND date >= ? AND date <= ? GROUP BY kind`,
    [from, asOf],
  )) {
    if (!ACTIVITY_KINDS.includes(r.kind)) continue;
    byKind[r.kind] = r.n;
    activities += r.n;
  }

  // the hours against the requirement in figures, aggregated in SQL (the same rules as the hours tab's list)
  const summary = yearSummary(store, year, today);

  const walls = wallFacts(store, year, today, MAX_PHOTOS);
  // the photos of the year's activities, newest first, then the walls' — at most MAX_PHOTOS in all
  const activityPhotos = store
    .all<{ attachment_id: string }>(
      `SELECT p.attachment_id FROM edu_activity_photos p
       JOIN edu_activities a ON a.id = p.activity_id AND a.deleted_at IS NULL
       JOIN attachments f ON f.id = p.attachment_id AND f.deleted_at IS NULL
       WHERE a.date >= ? AND a.date <= ?
       ORDER BY a.date DESC, a.rid DESC, p.sort_order LIMIT ?`,
      [from, asOf, MAX_PHOTOS],
    )
    .map((r) => r.attachment_id);
  const photoIds = [...new Set([...activityPhotos, ...walls.photoIds])].slice(0, MAX_PHOTOS);

  return {
    year,
    activities,
    byKind,
    personHours: summary.personHours,
    workersRequired: summary.required,
    workersMeeting: summary.meeting,
    newWorkers: summary.newWorkers,
    newWorkersComplete: summary.newWorkersComplete,
    preShiftMeetings: byKind.pre_shift ?? 0,
    walls: { units: walls.units, withWall: walls.withWall, current: walls.current, months: walls.months },
    photoIds,
  };
}
