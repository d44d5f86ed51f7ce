// A nominee's record of the year, read for a handful of workers at once (the nominees, or a role's holders): hazards
// found (not cancelled), trainings attended and their hours (pre-shift meetings counted apart), congress proposals
// submitted, skill-level wage paid in the year's approved runs. One grouped query per kind over the ids as a JSON list,
// each on an index (hazards_finder, edu_attendance_worker, the wage lines' (run, 工号)).
import type { NomineeCandidate, NomineeRecord, PhotoSource } from '../../../../shared/subsidy/dossier/types';
import type { CommitteeRole } from '../../../../shared/roster/roles';
import type { Store } from '../../db/store';

const EMPTY: NomineeRecord = { hazardsFound: 0, trainings: 0, trainingHours: 0, preShift: 0, proposals: 0, wageFen: 0 };

export function nomineeRecords(store: Store, year: number, workerIds: readonly string[]): Map<string, NomineeRecord> {
  const out = new Map<string, NomineeRecord>(workerIds.map((id) => [id, { ...EMPTY }]));
  if (workerIds.length === 0) return out;
  const ids = JSON.stringify(workerIds);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rec = (id: string) => out.get(id)!;
  for (const r of store.all<{ id: string; n: number }>(
    `SELECT finder_id AS id, count(*) AS n FROM hazards WHERE finder_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
       AND status <> 'cancelled' AND found_date BETWEEN ? AND ? GROUP BY finder_id`,
    [ids, from, to],
  ))
    rec(r.id).hazardsFound = r.n;
  for (const r of store.all<{ id: string; n: number; hours: number | null; pre: number }>(
    `SELECT a.worker_id AS id, sum(e.kind <> 'pre_shift') AS n, sum(CASE WHEN e.kind <> 'pre_shift' THEN coalesce(a.hours, e.hours) END) AS hours,
        sum(e.kind = 'pre_shift') AS pre
       FROM edu_attendance a JOIN edu_activities e ON e.id = a.activity_id
      WHERE a.worker_id IN (SELECT value FROM json_each(?)) AND e.deleted_at IS NULL AND e.date BETWEEN ? AND ? GROUP BY a.worker_id`,
    [ids, from, to],
  )) {
    const x = rec(r.id);
    x.trainings = r.n;
    x.trainingHours = Math.round((r.hours ?? 0) * 10) / 10;
    x.preShift = r.pre;
  }
  for (const r of store.all<{ id: string; n: number }>(
    `SELECT proposer_id AS id, count(*) AS n FROM congress_proposals WHERE proposer_id IN (SELECT value FROM json_each(?))
       AND submitted_on BETWEEN ? AND ? GROUP BY proposer_id`,
    [ids, from, to],
  ))
    rec(r.id).proposals = r.n;
  for (const r of store.all<{ id: string; fen: number }>(
    `SELECT w.id, sum(l.total_fen) AS fen FROM workers w
       JOIN wage_runs r ON r.state = 'approved' AND r.period BETWEEN ? AND ?
       JOIN wage_run_lines l ON l.run_id = r.id AND l.emp_no = w.emp_no AND l.worker_id = w.id
      WHERE w.id IN (SELECT value FROM json_each(?)) GROUP BY w.id`,
    [`${year}-01`, `${year}-12`, ids],
  ))
    rec(r.id).wageFen = r.fen;
  return out;
}

export interface WorkerRow {
  id: string;
  emp_no: string;
  name: string;
  status: 'active' | 'left';
  deleted_at: string | null;
  roles: string;
  workshop_name: string | null;
  team_name: string | null;
}
export const WORKER_SELECT = `SELECT w.id, w.emp_no, w.name, w.status, w.deleted_at, w.roles, ws.name AS workshop_name, tm.name AS team_name
  FROM workers w LEFT JOIN org_units ws ON ws.id = w.workshop_id LEFT JOIN org_units tm ON tm.id = w.team_id`;

export const rolesOf = (r: WorkerRow): CommitteeRole[] => {
  try {
    const v: unknown = JSON.parse(r.roles);
    return Array.isArray(v) ? (v as CommitteeRole[]) : [];
  } catch {
    return [];
  }
};

export function toCandidate(r: WorkerRow, record: NomineeRecord): NomineeCandidate {
  return { workerId: r.id, empNo: r.emp_no, name: r.name, workshopName: r.workshop_name, teamName: r.team_name, roles: rolesOf(r), record };
}

/** photos offered for the dossier at most (as EducationYearFacts.photoIds) */
const MAX_YEAR_PHOTOS = 24;

/**
 * The photos of the year's activities (newest first), then of its wall updates — the same list as
 * EducationYearFacts.photoIds, read on its own: the dossier tab opens without the whole year's education figures
 * (a pass over every worker's hours, seconds at 50,000 workers).
 */
export function yearPhotoIds(store: Store, year: number, today: string): string[] {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const asOf = today < end ? today : end;
  const ids = (sql: string) => store.all<{ id: string }>(sql, [from, asOf, MAX_YEAR_PHOTOS]).map((r) => r.id);
  const activities = ids(
    `SELECT p.attachment_id AS id FROM edu_activity_photos p
       JOIN edu_activities a ON a.id = p.activity_id AND a.deleted_at IS NULL
       JOIN attachments f ON f.id = p.attachment_id AND f.deleted_at IS NULL
      WHERE a.date >= ? AND a.date <= ? ORDER BY a.date DESC, a.rid DESC, p.sort_order LIMIT ?`,
  );
  const walls = ids(
    `SELECT wp.attachment_id AS id FROM edu_wall_photos wp
       JOIN edu_wall_updates x ON x.id = wp.update_id AND x.deleted_at IS NULL
       JOIN edu_walls wl ON wl.id = x.wall_id AND wl.deleted_at IS NULL
       JOIN attachments f ON f.id = wp.attachment_id AND f.deleted_at IS NULL
      WHERE x.date >= ? AND x.date <= ? ORDER BY x.date DESC, x.rid DESC, wp.sort_order LIMIT ?`,
  );
  return [...new Set([...activities, ...walls])].slice(0, MAX_YEAR_PHOTOS);
}

/**
 * Where each photo comes from: the activity it shows (title and date) or the culture wall (its unit, name or location,
 * and the update's date) — one of `year` when the photo shows one, else the newest; a photo uploaded on the dossier
 * itself: its upload date. One query each over the ids (at most a year's photos and the chosen ones).
 */
export function photoSources(store: Store, ids: readonly string[], year: number): Map<string, PhotoSource> {
  const out = new Map<string, PhotoSource>();
  if (ids.length === 0) return out;
  const json = JSON.stringify(ids);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const activities = store.all<{ id: string; title: string; date: string }>(
    `SELECT p.attachment_id AS id, a.title, a.date FROM edu_activity_photos p JOIN edu_activities a ON a.id = p.activity_id
      WHERE p.attachment_id IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL
      ORDER BY a.date BETWEEN ? AND ? DESC, a.date DESC, a.rid DESC`,
    [json, from, to],
  );
  const walls = store.all<{ id: string; unit: string | null; name: string | null; location: string; date: string }>(
    `SELECT wp.attachment_id AS id, u.name AS unit, wl.name, wl.location, x.date FROM edu_wall_photos wp
       JOIN edu_wall_updates x ON x.id = wp.update_id AND x.deleted_at IS NULL
       JOIN edu_walls wl ON wl.id = x.wall_id AND wl.deleted_at IS NULL
       LEFT JOIN org_units u ON u.id = wl.org_unit_id
      WHERE wp.attachment_id IN (SELECT value FROM json_each(?))
      ORDER BY x.date BETWEEN ? AND ? DESC, x.date DESC, x.rid DESC`,
    [json, from, to],
  );
  const inYear = (date: string) => date >= from && date <= to;
  const offer = (id: string, src: PhotoSource) => {
    const had = out.get(id);
    // a source of the year wins over one of another year
    if (!had || (had.kind !== 'upload' && !inYear(had.date) && inYear(src.date))) out.set(id, src);
  };
  for (const r of activities) offer(r.id, { kind: 'activity', title: r.title, date: r.date });
  for (const r of walls) {
    let wall = r.name ?? r.location;
    if (r.unit && !wall.includes(r.unit)) wall = `${r.unit} ${wall}`;
    if (!/文化墙|文化角/.test(wall)) wall = `${wall}文化墙`;
    offer(r.id, { kind: 'wall', wall, date: r.date });
  }
  const rest = ids.filter((id) => !out.has(id));
  if (rest.length > 0)
    for (const r of store.all<{ id: string; created_at: string }>(`SELECT id, created_at FROM attachments WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(rest)]))
      out.set(r.id, { kind: 'upload', date: r.created_at.slice(0, 10) });
  return out;
}
