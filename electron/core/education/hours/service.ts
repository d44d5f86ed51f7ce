// Hours of safety education against the requirement: the requirement table and the sector (edited, audited), the hours
// per worker and year (the rules of shared/education/hours/rules.ts), the gaps by workshop and team, one worker's
// training. Read in one pass: the roster once, the attendance of the activities in the counting windows once (never per
// worker), pre-shift meetings only for the rows shown.
import type { z } from 'zod';
import { REQUIREMENT_ROLES, SECTOR_SETTING, SECTORS, type ActivityKind, type EduLevel, type RequirementRole, type Sector } from '../../../../shared/education/kinds';
import { addDays, assess, COUNTED_KINDS, counts, MEETING_KINDS, PRE_HIRE_DAYS, requirementRole } from '../../../../shared/education/hours/rules';
import type { hoursQuery, requirementSave } from '../../../../shared/education/hours/schemas';
import {
  HOURS_EDITORS,
  type HoursResult,
  type HoursSummary,
  type Requirement,
  type RequirementsView,
  type TrainingEntry,
  type UnitGap,
  type WorkerHours,
  type WorkerTraining,
} from '../../../../shared/education/hours/types';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { getSetting, setSetting } from '../../app/settings';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso } from '../../util';

export function assertEditor(op: Operator): void {
  if (!holdsAnyRole(op, HOURS_EDITORS)) throw new AppError('FORBIDDEN', 'err.education.hours.editorsOnly');
}

// ---------------------------------------------------------------------------------------------------------
// The requirement table and the sector

export function getSector(store: Store): Sector {
  const s = getSetting<unknown>(store, SECTOR_SETTING, 'general');
  return (SECTORS as readonly unknown[]).includes(s) ? (s as Sector) : 'general';
}

export function listRequirements(store: Store): RequirementsView {
  const rows = store.all<{ sector: Sector; role: RequirementRole; hours: number; updated_at: string }>(`SELECT sector, role, hours, updated_at FROM edu_requirements`);
  const order = (r: { sector: Sector; role: RequirementRole }) => SECTORS.indexOf(r.sector) * 10 + REQUIREMENT_ROLES.indexOf(r.role);
  return {
    sector: getSector(store),
    rows: rows.sort((a, b) => order(a) - order(b)).map((r): Requirement => ({ sector: r.sector, role: r.role, hours: r.hours, updatedAt: r.updated_at })),
  };
}

/** The hours required per role under the enterprise's sector (a role missing from the table: no fixed minimum). */
export function requiredHours(store: Store, sector = getSector(store)): Record<RequirementRole, number> {
  const out = Object.fromEntries(REQUIREMENT_ROLES.map((r) => [r, 0])) as Record<RequirementRole, number>;
  for (const r of store.all<{ role: RequirementRole; hours: number }>(`SELECT role, hours FROM edu_requirements WHERE sector = ?`, [sector])) out[r.role] = r.hours;
  return out;
}

export function saveRequirement(store: Store, op: Operator, actor: Actor, i: z.output<typeof requirementSave>): RequirementsView {
  assertEditor(op);
  return store.tx(() => {
    const before = store.get<{ hours: number }>(`SELECT hours FROM edu_requirements WHERE sector = ? AND role = ?`, [i.sector, i.role]);
    if (before?.hours === i.hours) return listRequirements(store);
    store.run(
      `INSERT INTO edu_requirements (sector, role, hours, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (sector, role) DO UPDATE SET hours = excluded.hours, updated_at = excluded.updated_at`,
      [i.sector, i.role, i.hours, nowIso()],
    );
    writeAudit(store, actor, {
      entity: 'edu_requirement',
      entityId: `${i.sector}/${i.role}`,
      action: before ? 'update' : 'create',
      before: before ? { sector: i.sector, role: i.role, hours: before.hours } : undefined,
      after: { sector: i.sector, role: i.role, hours: i.hours },
    });
    return listRequirements(store);
  });
}

export function saveSector(store: Store, op: Operator, actor: Actor, sector: Sector): RequirementsView {
  assertEditor(op);
  return store.tx(() => {
    const before = getSector(store);
    if (before !== sector) {
      setSetting(store, SECTOR_SETTING, sector);
      writeAudit(store, actor, { entity: 'setting', entityId: SECTOR_SETTING, action: 'update', before: { sector: before }, after: { sector } });
    }
    return listRequirements(store);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Hours per worker and year

/** The day a year's count ends: its last day, or today for the current year (a future year: today, nothing yet). */
export function asOfDay(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

/**
 * A past year lists the workers who left after its end: those set to 'left' whose leave date (the audit entry that set
 * 'left') is after `asOf`. The current year (asOf = today): none.
 */
export function leftAfterEnd(store: Store, asOf: string, today: string): Set<string> {
  const leftAfter = new Set<string>();
  if (asOf < today) {
    for (const r of store.all<{ id: string; d: string }>(
      `SELECT w.id, max(substr(a.at, 1, 10)) AS d
       FROM workers w CROSS JOIN audit_log a ON a.entity = 'worker' AND a.entity_id = w.id
       WHERE w.deleted_at IS NULL AND w.status = 'left'
         AND json_extract(a.after, '$.status') = 'left' AND json_extract(a.before, '$.status') = 'active'
       GROUP BY w.id`,
    )) {
      if (r.d > asOf) leftAfter.add(r.id);
    }
  }
  return leftAfter;
}

/** A roster row as read (raw): id, emp_no, name, workshop_id, team_id, hire_date, is_manager, status. */
type RosterRow = [string, string, string, string | null, string | null, string | null, number, 'active' | 'left'];
/** An attendance as read (raw): worker_id, kind, date, hours. */
type AttRow = [string, ActivityKind, string, number];

function rawRows<T>(store: Store, sql: string, params: unknown[]): T[] {
  return store.stmt(sql).raw(true).all(...params) as T[];
}

const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const MEETINGS = sqlList(MEETING_KINDS);
const round1 = (v: number) => Math.round(v * 10) / 10;
/** a worker's hours at an activity in hundredths (their own, else the activity's) */
const CENTS = `CAST(round(coalesce(t.hours, a.hours) * 100) AS INTEGER)`;

export interface YearHours {
  year: number;
  sector: Sector;
  asOf: string;
  /** every listed worker, by employee number; `counted` is filled for those a requirement applies to (the rest: see withDetails) */
  rows: WorkerHours[];
  /** training person-hours in the year (every worker's attendance, pre-shift meetings excepted) */
  personHours: number;
}

/**
 * Every worker's hours of a year against their requirement (or one worker's: `workerId`, listed whatever their state).
 * Built to stay fast at 50,000 workers: the yearly requirements in one grouped pass over the year's activities of the
 * kinds they count (only when they apply), the first-year ones from the attendance of the workers hired in the year,
 * the person-hours as one sum; the details of a row (hours of the year, meetings) are read for the rows shown only.
 */
export function yearHours(store: Store, year: number, today: string, workerId?: string): YearHours {
  const asOf = asOfDay(year, today);
  const sector = getSector(store);
  const required = requiredHours(store, sector);
  const unitName = new Map(store.all<{ id: string; name: string }>(`SELECT id, name FROM org_units`).map((u) => [u.id, u.name]));

  const one = workerId !== undefined;
  const roster = one
    ? rawRows<RosterRow>(store, `SELECT id, emp_no, name, workshop_id, team_id, hire_date, is_manager, status FROM workers WHERE id = ? AND deleted_at IS NULL`, [workerId])
    : rawRows<RosterRow>(
        store,
        `SELECT id, emp_no, name, workshop_id, team_id, hire_date, is_manager, status FROM workers
         WHERE deleted_at IS NULL AND (hire_date IS NULL OR hire_date <= ?) ORDER BY emp_no`,
        [asOf],
      );
  const leftAfter = one ? new Set<string>() : leftAfterEnd(store, asOf, today);

  const rows: WorkerHours[] = [];
  const byId = new Map<string, WorkerHours>();
  for (const [id, empNo, name, workshopId, teamId, hireDate, isManager, status] of roster) {
    if (!one && status === 'left' && !leftAfter.has(id)) continue;
    const role = requirementRole({ hireDate, isManager: isManager === 1 }, year);
    const row: WorkerHours = {
      workerId: id,
      empNo,
      name,
      workshopId,
      workshopName: workshopId === null ? null : (unitName.get(workshopId) ?? null),
      teamId,
      teamName: teamId === null ? null : (unitName.get(teamId) ?? null),
      hireDate,
      isManager: isManager === 1,
      ...assess(role, required[role], 0),
      yearHours: 0,
      meetings: 0,
    };
    rows.push(row);
    byId.set(id, row);
  }
  if (one) {
    withDetails(store, rows, year, today);
    return { year, sector, asOf, rows, personHours: round1(rows[0]?.yearHours ?? 0) };
  }

  const yearFrom = `${year}-01-01`;
  const counted = new Map<string, number>();
  // the yearly requirements that apply: the year's hours of the kinds each counts, by worker, in one pass (hours in
  // hundredths — entered with at most two decimals — so the sums are exact, as in ./summary.ts)
  const yearly = (['worker_yearly', 'manager_yearly'] as const).filter((r) => required[r] > 0);
  if (yearly.length > 0 && asOf >= yearFrom) {
    const kinds = [...new Set(yearly.flatMap((r) => COUNTED_KINDS[r]))];
    for (const [wid, hw, hm] of rawRows<[string, number, number]>(
      store,
      `SELECT t.worker_id,
         sum(CASE WHEN a.kind IN (${sqlList(COUNTED_KINDS.worker_yearly)}) THEN ${CENTS} ELSE 0 END),
         sum(CASE WHEN a.kind IN (${sqlList(COUNTED_KINDS.manager_yearly)}) THEN ${CENTS} ELSE 0 END)
       FROM edu_activities a CROSS JOIN edu_attendance t ON t.activity_id = a.id
       WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ? AND a.kind IN (${sqlList(kinds)})
       GROUP BY t.worker_id`,
      [yearFrom, asOf],
    )) {
      const r = byId.get(wid);
      if (r?.role === 'worker_yearly') counted.set(wid, hw);
      else if (r?.role === 'manager_yearly') counted.set(wid, hm);
    }
  }
  // the first-year requirements (workers hired in the year): the activities of the kinds they count from PRE_HIRE_DAYS
  // before the year to the end of the next one (a first year that began in this one), never after today
  const firstKinds = [...new Set([...COUNTED_KINDS.new_worker, ...COUNTED_KINDS.manager_first])];
  const nextEnd = `${year + 1}-12-31`;
  for (const [wid, kind, date, h] of rawRows<AttRow>(
    store,
    `SELECT t.worker_id, a.kind, a.date, ${CENTS}
     FROM edu_activities a CROSS JOIN edu_attendance t ON t.activity_id = a.id
     WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ? AND a.kind IN (${sqlList(firstKinds)})`,
    [addDays(yearFrom, -PRE_HIRE_DAYS), today < nextEnd ? today : nextEnd],
  )) {
    const r = byId.get(wid);
    if (r && (r.role === 'new_worker' || r.role === 'manager_first') && counts(r, year, today, kind, date)) counted.set(wid, (counted.get(wid) ?? 0) + h);
  }
  for (const [wid, c] of counted) {
    const r = byId.get(wid)!;
    Object.assign(r, assess(r.role, r.required, c / 100));
  }
  const personHours =
    asOf < yearFrom
      ? 0
      : (store
          .stmt(
            `SELECT coalesce(sum(${CENTS}), 0) FROM edu_activities a CROSS JOIN edu_attendance t ON t.activity_id = a.id
             WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ? AND a.kind NOT IN (${MEETINGS})`,
          )
          .pluck()
          .get(yearFrom, asOf) as number) / 100;
  return { year, sector, asOf, rows, personHours: round1(personHours) };
}

/**
 * The details of these rows (changed in place): the hours counted (also for a requirement that does not apply: what
 * would count), the year's training hours and the pre-shift meetings — from each worker's own attendance (by index).
 */
export function withDetails(store: Store, rows: readonly WorkerHours[], year: number, today: string): void {
  if (rows.length === 0) return;
  const asOf = asOfDay(year, today);
  const ids = JSON.stringify(rows.map((r) => r.workerId));
  const scanFrom = addDays(`${year}-01-01`, -PRE_HIRE_DAYS);
  const nextEnd = `${year + 1}-12-31`;
  const scanTo = today < nextEnd ? today : nextEnd;
  const yearFrom = `${year}-01-01`;
  const byId = new Map(rows.map((r) => [r.workerId, r]));
  const acc = new Map<string, { counted: number; inYear: number; meetings: number }>();
  for (const [wid, kind, date, h] of rawRows<AttRow>(
    store,
    `SELECT t.worker_id, a.kind, a.date, coalesce(t.hours, a.hours)
     FROM edu_attendance t CROSS JOIN edu_activities a ON a.id = t.activity_id
     WHERE t.worker_id IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL AND a.date >= ? AND a.date <= ?`,
    [ids, scanFrom, scanTo],
  )) {
    let x = acc.get(wid);
    if (!x) acc.set(wid, (x = { counted: 0, inYear: 0, meetings: 0 }));
    const inYear = date >= yearFrom && date <= asOf;
    if (MEETING_KINDS.includes(kind)) {
      if (inYear) x.meetings++;
      continue;
    }
    if (inYear) x.inYear += h;
    const r = byId.get(wid);
    if (r && counts(r, year, today, kind, date)) x.counted += h;
  }
  for (const r of rows) {
    const x = acc.get(r.workerId);
    Object.assign(r, assess(r.role, r.required, x?.counted ?? 0));
    r.yearHours = round1(x?.inYear ?? 0);
    r.meetings = x?.meetings ?? 0;
  }
}

export function summarize(rows: readonly WorkerHours[], personHours: number): HoursSummary {
  let required = 0;
  let meeting = 0;
  let gapHours = 0;
  for (const r of rows) {
    if (!r.applies) continue;
    required++;
    if (r.meets) meeting++;
    gapHours += r.gap;
  }
  return { workers: rows.length, required, meeting, below: required - meeting, gapHours: Math.round(gapHours * 10) / 10, personHours };
}

/** The gaps by workshop and team: workshops in their order, each followed by its teams. */
function unitGaps(store: Store, rows: readonly WorkerHours[]): UnitGap[] {
  const units = store.all<{ id: string; parent_id: string | null; kind: 'workshop' | 'team'; name: string }>(
    `SELECT u.id, u.parent_id, u.kind, u.name FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
     WHERE u.deleted_at IS NULL ORDER BY coalesce(p.sort_order, u.sort_order), coalesce(p.name, u.name), u.kind = 'team', u.sort_order, u.name`,
  );
  const names = new Map(units.map((u) => [u.id, u.name]));
  const acc = new Map<string, UnitGap>();
  for (const u of units) {
    acc.set(u.id, { unitId: u.id, kind: u.kind, name: u.name, parentName: u.parent_id ? (names.get(u.parent_id) ?? null) : null, workers: 0, required: 0, meeting: 0, below: 0, gapHours: 0 });
  }
  for (const r of rows) {
    for (const id of [r.workshopId, r.teamId]) {
      const g = id ? acc.get(id) : undefined;
      if (!g) continue;
      g.workers++;
      if (!r.applies) continue;
      g.required++;
      if (r.meets) g.meeting++;
      else g.below++;
      g.gapHours += r.gap;
    }
  }
  return [...acc.values()].filter((g) => g.workers > 0).map((g) => ({ ...g, gapHours: Math.round(g.gapHours * 10) / 10 }));
}

export function listHours(store: Store, q: z.output<typeof hoursQuery>, today: string): HoursResult {
  const all = yearHours(store, q.year, today);
  const s = q.search.trim().toLowerCase();
  const rows = all.rows.filter(
    (r) =>
      (!q.workshopId || r.workshopId === q.workshopId) &&
      (!q.teamId || r.teamId === q.teamId) &&
      (!q.onlyGaps || (r.applies && !r.meets)) &&
      (!s || r.name.toLowerCase().includes(s) || r.empNo.toLowerCase().includes(s)),
  );
  const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((r) => ({ ...r }));
  withDetails(store, page, q.year, today);
  return {
    year: q.year,
    sector: all.sector,
    asOf: all.asOf,
    rows: page,
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
    summary: summarize(all.rows, all.personHours),
    units: unitGaps(store, all.rows),
  };
}

// ---------------------------------------------------------------------------------------------------------
// One worker

export function workerTraining(store: Store, workerId: string, year: number, today: string): WorkerTraining {
  const y = yearHours(store, year, today, workerId);
  const hours = y.rows[0];
  if (!hours) throw new AppError('NOT_FOUND', 'err.education.hours.workerNotFound', { id: workerId });
  const w = { hireDate: hours.hireDate, isManager: hours.isManager };
  const entries = store
    .all<{
      id: string;
      kind: ActivityKind;
      level: EduLevel | null;
      title: string;
      date: string;
      hours: number;
      score: number | null;
      passed: number | null;
      host: string | null;
      unit_name: string | null;
      content: string | null;
    }>(
      `SELECT a.id, a.kind, a.level, a.title, a.date, coalesce(t.hours, a.hours) AS hours, t.score, t.passed, a.host, u.name AS unit_name, a.content
       FROM edu_attendance t JOIN edu_activities a ON a.id = t.activity_id AND a.deleted_at IS NULL
       LEFT JOIN org_units u ON u.id = a.org_unit_id
       WHERE t.worker_id = ? ORDER BY a.date DESC, a.rid DESC`,
      [workerId],
    )
    .map(
      (r): TrainingEntry => ({
        activityId: r.id,
        kind: r.kind,
        level: r.level,
        title: r.title,
        date: r.date,
        hours: r.hours,
        score: r.score,
        passed: r.passed === null ? null : r.passed === 1,
        host: r.host,
        unitName: r.unit_name,
        content: r.content,
        counts: counts(w, year, today, r.kind, r.date),
      }),
    );
  return { year, hours, entries };
}
