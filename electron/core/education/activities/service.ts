// Safety-education activities: the activity (kind, level, title, date, hours, host, unit, content, photos) and its
// attendees (hours each — the activity's unless stated — score, passed). Writes: one transaction → read before →
// change → read after → audit; a refusal throws before anything is written (or rolls the transaction back).
import type { z } from 'zod';
import type { activitiesQuery, activityInput, activityUpdate, attendanceSave } from '../../../../shared/education/activities/schemas';
import { monthDays } from '../../../../shared/education/activities/schemas';
import { isMeetingKind, passedOf } from '../../../../shared/education/activities/rules';
import type { ActivityDetail, ActivityRow, Attendee, AttendanceSource } from '../../../../shared/education/activities/types';
import { EDU_WRITERS } from '../../../../shared/education/kinds';
import type { Page } from '../../../../shared/kernel/types';
import type { Operator } from '../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import { getImage } from '../../attachments/service';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';

/** Safety officers, union officers, team leaders (pre-shift meetings), OH managers and administrators record them. */
export function assertEduWriter(op: Operator): void {
  if (!holdsAnyRole(op, EDU_WRITERS)) throw new AppError('FORBIDDEN', 'err.edu.act.writersOnly');
}

const issue = (path: string, message = 'v.invalid') => ({ issues: [{ path, message }] });

interface Row {
  rid: number;
  id: string;
  kind: ActivityRow['kind'];
  level: ActivityRow['level'];
  title: string;
  date: string;
  hours: number;
  host: string | null;
  org_unit_id: string | null;
  unit_name: string | null;
  content: string | null;
  note: string | null;
  attendee_count: number;
  photo_count: number;
  entered_by_name: string;
  updated_at: string;
  deleted_at: string | null;
}
const SELECT = `
  SELECT a.rid, a.id, a.kind, a.level, a.title, a.date, a.hours, a.host, a.org_unit_id,
    CASE WHEN u.id IS NULL THEN NULL WHEN p.id IS NULL THEN u.name ELSE p.name || ' / ' || u.name END AS unit_name,
    a.content, a.note,
    (SELECT count(*) FROM edu_attendance x WHERE x.activity_id = a.id) AS attendee_count,
    (SELECT count(*) FROM edu_activity_photos x WHERE x.activity_id = a.id) AS photo_count,
    a.entered_by_name, a.updated_at, a.deleted_at
  FROM edu_activities a
  LEFT JOIN org_units u ON u.id = a.org_unit_id
  LEFT JOIN org_units p ON p.id = u.parent_id`;
const toRow = (r: Row): ActivityRow => ({
  id: r.id,
  kind: r.kind,
  level: r.level,
  title: r.title,
  date: r.date,
  hours: r.hours,
  host: r.host,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.unit_name,
  content: r.content,
  note: r.note,
  attendeeCount: r.attendee_count,
  photoCount: r.photo_count,
  enteredBy: r.entered_by_name,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

/** Newest first: by month, kind, unit (a workshop takes its teams' too), words of the title, host or content. */
export function listActivities(store: Store, q: z.output<typeof activitiesQuery>): Page<ActivityRow> {
  const b = q.month ? monthDays(q.month) : { from: null, to: null };
  const where = `WHERE (a.deleted_at IS NULL) = :live AND (:from IS NULL OR a.date >= :from) AND (:to IS NULL OR a.date <= :to)
    AND (:kind IS NULL OR a.kind = :kind)
    AND (:unit IS NULL OR a.org_unit_id = :unit OR a.org_unit_id IN (SELECT id FROM org_units WHERE parent_id = :unit))
    AND (:s IS NULL OR instr(lower(a.title), :s) > 0 OR instr(lower(coalesce(a.host, '')), :s) > 0 OR instr(lower(coalesce(a.content, '')), :s) > 0)`;
  const params = { live: q.deleted ? 0 : 1, from: b.from, to: b.to, kind: q.kind, unit: q.orgUnitId, s: q.search?.toLowerCase() ?? null };
  const total = store.get<{ n: number }>(`SELECT count(*) AS n FROM edu_activities a ${where}`, params)!.n;
  const rows = store.all<Row>(`${SELECT} ${where} ORDER BY a.date DESC, a.rid DESC LIMIT :limit OFFSET :offset`, {
    ...params,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { rows: rows.map(toRow), total, page: q.page, pageSize: q.pageSize };
}

interface AttendeeRow {
  worker_id: string;
  emp_no: string;
  name: string;
  workshop_name: string | null;
  team_name: string | null;
  hours: number | null;
  score: number | null;
  passed: number | null;
  source: AttendanceSource;
}
export function attendeesOf(store: Store, activityId: string): Attendee[] {
  return store
    .all<AttendeeRow>(
      `SELECT x.worker_id, w.emp_no, w.name, ws.name AS workshop_name, tm.name AS team_name, x.hours, x.score, x.passed, x.source
       FROM edu_attendance x JOIN workers w ON w.id = x.worker_id
       LEFT JOIN org_units ws ON ws.id = w.workshop_id LEFT JOIN org_units tm ON tm.id = w.team_id
       WHERE x.activity_id = ? ORDER BY w.emp_no`,
      [activityId],
    )
    .map((r) => ({
      workerId: r.worker_id,
      empNo: r.emp_no,
      name: r.name,
      workshopName: r.workshop_name,
      teamName: r.team_name,
      hours: r.hours,
      score: r.score,
      passed: r.passed === null ? null : r.passed === 1,
      source: r.source,
    }));
}

/** The activity with its attendees and photos; `deleted`: only a deleted one (to restore it). */
export function getActivity(store: Store, id: string, want: 'live' | 'deleted' | 'any' = 'any'): ActivityDetail {
  const r = store.get<Row>(`${SELECT} WHERE a.id = ?`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.edu.act.notFound', { id });
  if (want === 'deleted' && r.deleted_at === null) throw new AppError('CONFLICT', 'err.edu.act.notDeleted', { id });
  if (want === 'live' && r.deleted_at !== null) throw new AppError('CONFLICT', 'err.edu.act.deleted', { id });
  const photoIds = store.all<{ attachment_id: string }>(`SELECT attachment_id FROM edu_activity_photos WHERE activity_id = ? ORDER BY sort_order`, [id]).map((p) => p.attachment_id);
  return { ...toRow(r), attendees: attendeesOf(store, id), photoIds };
}

function checkActivity(store: Store, d: z.output<typeof activityInput>): void {
  if (d.orgUnitId && !store.get(`SELECT 1 FROM org_units WHERE id = ? AND deleted_at IS NULL`, [d.orgUnitId])) {
    throw new AppError('NOT_FOUND', 'err.edu.act.unitNotFound', { id: d.orgUnitId, ...issue('orgUnitId') });
  }
  d.photoIds.forEach((p, i) => getImage(store, p, `photoIds.${i}`));
}

function writePhotos(store: Store, id: string, photoIds: readonly string[]): void {
  store.run(`DELETE FROM edu_activity_photos WHERE activity_id = ?`, [id]);
  photoIds.forEach((p, i) => store.run(`INSERT INTO edu_activity_photos (activity_id, attachment_id, sort_order) VALUES (?, ?, ?)`, [id, p, i + 1]));
}

/** Workers hired after the date cannot have attended: the first one found refuses the write. */
function assertHiredBy(store: Store, workerIds: readonly string[], date: string, path: (i: number) => string): void {
  if (workerIds.length === 0) return;
  const late = store.get<{ id: string; name: string; hire_date: string }>(
    `SELECT w.id, w.name, w.hire_date FROM workers w WHERE w.id IN (SELECT value FROM json_each(?)) AND w.hire_date IS NOT NULL AND w.hire_date > ? ORDER BY w.emp_no LIMIT 1`,
    [JSON.stringify(workerIds), date],
  );
  if (late) {
    throw new AppError('VALIDATION', 'err.edu.act.hiredAfter', { name: late.name, hireDate: late.hire_date, date, ...issue(path(workerIds.indexOf(late.id)), 'err.edu.act.hiredAfter') });
  }
}

export function createActivity(store: Store, op: Operator, actor: Actor, d: z.output<typeof activityInput>): ActivityDetail {
  assertEduWriter(op);
  return store.tx(() => {
    checkActivity(store, d);
    const id = uuidv7();
    const now = nowIso();
    store.run(
      `INSERT INTO edu_activities (id, kind, level, title, date, hours, host, org_unit_id, content, note, entered_by_id, entered_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, d.kind, d.level, d.title, d.date, d.hours, d.host, d.orgUnitId, d.content, d.note, actor.id, actor.name, now, now],
    );
    writePhotos(store, id, d.photoIds);
    const after = getActivity(store, id);
    writeAudit(store, actor, { entity: 'edu_activity', entityId: id, action: 'create', after }, now);
    return after;
  });
}

export function updateActivity(store: Store, op: Operator, actor: Actor, d: z.output<typeof activityUpdate>): ActivityDetail {
  assertEduWriter(op);
  return store.tx(() => {
    const before = getActivity(store, d.id, 'live');
    checkActivity(store, d);
    // becoming a meeting: its attendees must not carry hours or scores (they would silently stop meaning anything)
    if (isMeetingKind(d.kind)) {
      const scored = before.attendees.find((a) => a.hours !== null || a.score !== null || a.passed !== null);
      if (scored) throw new AppError('VALIDATION', 'err.edu.act.meetingNoScore', { name: scored.name, ...issue('kind', 'err.edu.act.meetingNoScore') });
    }
    // fewer hours than a worker is recorded with would leave that worker's hours above the activity's
    const over = before.attendees.find((a) => a.hours !== null && a.hours > d.hours);
    if (over) throw new AppError('VALIDATION', 'err.edu.act.hoursBelowAttendee', { name: over.name, hours: over.hours!, ...issue('hours', 'v.edu.act.hoursBelowAttendee') });
    // a new date must still follow every attendee's hiring
    if (d.date !== before.date) assertHiredBy(store, before.attendees.map((a) => a.workerId), d.date, () => 'date');
    const now = nowIso();
    store.run(
      `UPDATE edu_activities SET kind = ?, level = ?, title = ?, date = ?, hours = ?, host = ?, org_unit_id = ?, content = ?, note = ?, updated_at = ? WHERE id = ?`,
      [d.kind, d.level, d.title, d.date, d.hours, d.host, d.orgUnitId, d.content, d.note, now, d.id],
    );
    writePhotos(store, d.id, d.photoIds);
    const after = getActivity(store, d.id);
    writeAudit(store, actor, { entity: 'edu_activity', entityId: d.id, action: 'update', before, after }, now);
    return after;
  });
}

/** Marks the activity deleted (its attendees no longer count); it stays, and can be restored. */
export function deleteActivity(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertEduWriter(op);
  return store.tx(() => {
    const before = getActivity(store, id, 'live');
    const now = nowIso();
    store.run(`UPDATE edu_activities SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'edu_activity', entityId: id, action: 'delete', before }, now);
    return { deleted: true };
  });
}

export function restoreActivity(store: Store, op: Operator, actor: Actor, id: string): ActivityDetail {
  assertEduWriter(op);
  return store.tx(() => {
    const before = getActivity(store, id, 'deleted');
    const now = nowIso();
    store.run(`UPDATE edu_activities SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getActivity(store, id);
    writeAudit(store, actor, { entity: 'edu_activity', entityId: id, action: 'restore', before, after }, now);
    return after;
  });
}

export type AttendeeWrite = z.output<typeof attendanceSave>['attendees'][number];

/**
 * Adds or updates attendees (an import: the others stay) or, with `replace`, makes the list exactly these (ticked from
 * the roster). A worker keeps the source of the first time they were recorded. Audited once for the activity.
 */
export function writeAttendance(store: Store, op: Operator, actor: Actor, activityId: string, rows: readonly AttendeeWrite[], opts: { replace: boolean; source: AttendanceSource }): ActivityDetail {
  assertEduWriter(op);
  return store.tx(() => {
    const before = getActivity(store, activityId, 'live');
    const ids = rows.map((r) => r.workerId);
    if (ids.length) {
      const known = new Set(
        store.all<{ id: string }>(`SELECT id FROM workers WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]).map((w) => w.id),
      );
      const i = ids.findIndex((w) => !known.has(w));
      if (i >= 0) throw new AppError('NOT_FOUND', 'err.worker.notFound', { id: ids[i], ...issue(`attendees.${i}.workerId`) });
    }
    assertHiredBy(store, ids, before.date, (i) => `attendees.${i}.workerId`);
    if (isMeetingKind(before.kind)) {
      const i = rows.findIndex((r) => r.hours !== null || r.score !== null || r.passed !== null);
      if (i >= 0) {
        const r = rows[i]!;
        const name = store.get<{ name: string }>(`SELECT name FROM workers WHERE id = ?`, [r.workerId])?.name ?? r.workerId;
        const field = r.score !== null ? 'score' : r.passed !== null ? 'passed' : 'hours';
        throw new AppError('VALIDATION', 'err.edu.act.meetingNoScore', { name, ...issue(`attendees.${i}.${field}`, 'err.edu.act.meetingNoScore') });
      }
    }
    // a worker's own hours (left early, came late) are at most the activity's
    const over = rows.findIndex((r) => r.hours !== null && r.hours > before.hours);
    if (over >= 0) {
      const r = rows[over]!;
      const name = store.get<{ name: string }>(`SELECT name FROM workers WHERE id = ?`, [r.workerId])?.name ?? r.workerId;
      throw new AppError('VALIDATION', 'err.edu.act.attendeeHoursAbove', { name, hours: r.hours!, max: before.hours, ...issue(`attendees.${over}.hours`, 'err.edu.act.attendeeHoursAbove') });
    }
    const now = nowIso();
    if (opts.replace) {
      store.run(`DELETE FROM edu_attendance WHERE activity_id = ? AND worker_id NOT IN (SELECT value FROM json_each(?))`, [activityId, JSON.stringify(ids)]);
    }
    const upsert = `INSERT INTO edu_attendance (activity_id, worker_id, hours, score, passed, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (activity_id, worker_id) DO UPDATE SET hours = excluded.hours, score = excluded.score, passed = excluded.passed`;
    for (const r of rows) {
      const passed = passedOf(r.score, r.passed);
      store.run(upsert, [activityId, r.workerId, r.hours, r.score, passed === null ? null : passed ? 1 : 0, opts.source, now]);
    }
    store.run(`UPDATE edu_activities SET updated_at = ? WHERE id = ?`, [now, activityId]);
    const after = getActivity(store, activityId);
    writeAudit(
      store,
      actor,
      { entity: 'edu_activity', entityId: activityId, action: opts.source === 'import' ? 'attendance_import' : 'attendance', before: { attendees: before.attendees }, after: { attendees: after.attendees } },
      now,
    );
    return after;
  });
}
