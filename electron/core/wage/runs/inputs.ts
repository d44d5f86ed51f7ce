// What a period's run reads (issue 9, "Records it reads"): the roster, timekeeping, behaviour records, hazards found,
// accidents (vetoes) and manual figures → one WorkerInputs per worker for shared/wage/run.ts runPeriod, and the records
// behind each raw value for the explanation. The run service and the what-if both call gatherInputs. Each source is
// read with ONE grouped query per period (never per worker), so 5,000 workers × 12 months stay well inside a second.
//
// The rules decided here (the roster keeps no history, so some are stated choices):
//  - Who is in a period's run: every worker on the roster (not deleted) on any day of the period — hired on or before
//    its last day (no hire date: hired long ago), and either active now or set to 'left' on or after its first day.
//    A worker who is active now is taken as active since hiring (a left-and-rehired worker's gap is not known).
//  - The leave date: the roster has no such column; it is the local date of the audit entry that changed the worker's
//    status from 'active' to 'left' (the latest such entry). That day still counts as a day on the roster. A worker
//    recorded as 'left' with no such entry (created or imported already left) left before any period: in no run.
//  - Pro rata (when the scheme says so): days on the roster in the period — from the later of the hire date and the
//    first day, to the earlier of the leave date and the last day, both inclusive — of the days in the period.
//  - The skill grade is the roster's grade now (the roster keeps no history of it); a locked run keeps the grade it used.
//  - Timekeeping: the month's hours; a month recorded in shifts only counts 8 hours a shift.
//  - Behaviour: the worker's own records dated in the period (not deleted), summed; a record of a team (no worker named)
//    counts for every worker now in that team who was on the roster that day (hired on or before it, not left before
//    it); a record naming both a worker and a team is the worker's alone.
//  - Hazards found: hazards whose finder is the worker, counted in the month they were confirmed (hazard_events, the
//    'confirmed' event's local date), by grade (no grade: general); a cancelled or deleted hazard never counts, even if
//    it was cancelled after it was confirmed — that changes the runs calculated afterwards, never a run already made.
//  - Vetoes: an accident in the period (not deleted) whose severity the scheme's VetoRule lists vetoes the workers
//    involved; with `team` set, also every worker now in the accident's team who was on the roster that day (a worker
//    who joined after the accident, or had left before it, is not vetoed for it).
//  - Manual figures: wage_manual_values of the period by worker and indicator code; none: no figure (raw null).
//  - Training hours: the worker's attendance at the education activities dated in the period (not deleted): their own
//    hours, else the activity's, summed; pre-shift meetings are meetings, not hours, and are left out (shared/
//    education/hours/rules.ts MEETING_KINDS); none attended: 0 hours (a figure, not a missing one).
import { MEETING_KINDS } from '../../../../shared/education/hours/rules';
import { periodDays } from '../../../../shared/wage/records/schemas';
import type { RawValue } from '../../../../shared/wage/rules';
import type { WorkerInputs } from '../../../../shared/wage/run';
import type { RunSourceRecord } from '../../../../shared/wage/runs/types';
import type { SchemeContent } from '../../../../shared/wage/schemes/types';
import type { Store } from '../../db/store';

/** One worker of a period's run: who they are (as now on the roster) and the records behind each raw value. */
export interface GatheredWorker {
  workerId: string;
  empNo: string;
  name: string;
  workshopId: string | null;
  workshopName: string | null;
  teamId: string | null;
  teamName: string | null;
  /** per indicator code: the raw value as read (for the explanation) and the records that produced it */
  raw: Record<string, RawValue>;
  records: Record<string, RunSourceRecord[]>;
  /** the accidents whose veto applies (empty: none) */
  vetoBy: RunSourceRecord[];
  /** the days on the roster in the period (always set) and whether pro rata applies (the scheme's setting) */
  days: { worked: number; of: number };
  /** the first and last day on the roster within the period ('YYYY-MM-DD', both inclusive) */
  onRoster: { from: string; to: string };
}

export interface Gathered {
  period: string;
  /** aligned with `workers`, ready for runPeriod */
  inputs: WorkerInputs[];
  workers: GatheredWorker[];
}

/** The records of a component without any, and the events of a worker without any (shared: read, never changed). */
const NO_RECORDS = Object.freeze([]) as unknown as RunSourceRecord[];
const NO_EVENTS: readonly string[] = Object.freeze([]);

/** Hours a shift counts for when a month was recorded in shifts only. */
export const HOURS_PER_SHIFT = 8;

/** A team's record reaches the team's workers on the roster on its day. */
const onRosterOn = (g: GatheredWorker, date: string) => g.onRoster.from <= date && date <= g.onRoster.to;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const round2 = (v: number) => Math.round(v * 100) / 100;

function nextPeriod(p: string): string {
  const y = Number(p.slice(0, 4));
  const m = Number(p.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The manual figures' table comes with a later migration step than the runs' (a store is opened fully migrated). */
const manualTable = new WeakMap<Store, boolean>();
function hasManualValues(store: Store): boolean {
  let v = manualTable.get(store);
  if (v === undefined) {
    v = !!store.get(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'wage_manual_values'`);
    manualTable.set(store, v);
  }
  return v;
}

/** The education module's tables come with a later migration step than the runs' (a store is opened fully migrated). */
const tables = new WeakMap<Store, Map<string, boolean>>();
function hasTable(store: Store, name: string): boolean {
  let m = tables.get(store);
  if (!m) tables.set(store, (m = new Map()));
  let v = m.get(name);
  if (v === undefined) {
    v = !!store.get(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [name]);
    m.set(name, v);
  }
  return v;
}

/** A roster row as read (raw, in this column order): id, emp_no, name, workshop_id, team_id, hire_date, skill_grade, status. */
type RosterRow = [string, string, string, string | null, string | null, string | null, number | null, 'active' | 'left'];
const ROSTER_SQL = `SELECT id, emp_no, name, workshop_id, team_id, hire_date, skill_grade, status FROM workers
  WHERE deleted_at IS NULL AND (hire_date IS NULL OR hire_date <= ?) ORDER BY emp_no`;
/** A month's timekeeping as read (raw): id, worker_id, hours, shifts. */
type TimeRow = [string, string, number | null, number | null];
const TIME_SQL = `SELECT id, worker_id, hours, shifts FROM wage_timekeeping WHERE period = ?`;

/**
 * The large reads (a row per worker) come as arrays, not objects: at 5,000 workers a year of runs reads 120,000 rows.
 * The statements are the store's cached ones; only this module runs these texts, so their raw mode is this module's.
 */
function rawRows<T>(store: Store, sql: string, params: unknown[]): T[] {
  return store.stmt(sql).raw(true).all(...params) as T[];
}

/**
 * The inputs of a period's run under a scheme version's content. `records: false` skips building the source records
 * (the what-if needs only the numbers).
 */
export function gatherInputs(store: Store, period: string, content: SchemeContent, opts: { records?: boolean } = {}): Gathered {
  const withRecords = opts.records ?? true;
  const { from, to } = periodDays(period);
  const of = dayNumber(to) - dayNumber(from) + 1;
  const sources = new Set(content.indicators.map((i) => i.source));

  // the roster: everyone not deleted hired by the period's end; 'left' ones with their leave date from the audit log
  // (read from each left worker's own entries: the log holds an entry for every worker ever imported or edited)
  const roster = rawRows<RosterRow>(store, ROSTER_SQL, [to]);
  const unitName = new Map(store.all<{ id: string; name: string }>(`SELECT id, name FROM org_units`).map((u) => [u.id, u.name]));
  const leftOn = new Map<string, string>();
  for (const r of store.all<{ id: string; d: string }>(
    `SELECT w.id, max(substr(a.at, 1, 10)) AS d
     FROM workers w CROSS JOIN audit_log a ON a.entity = 'worker' AND a.entity_id = w.id
     WHERE w.deleted_at IS NULL AND w.status = 'left'
       AND json_extract(a.after, '$.status') = 'left' AND json_extract(a.before, '$.status') = 'active'
     GROUP BY w.id`,
  )) {
    leftOn.set(r.id, r.d);
  }

  const workers: GatheredWorker[] = [];
  const byId = new Map<string, GatheredWorker>();
  const byTeam = new Map<string, GatheredWorker[]>();
  const grade = new Map<string, number | null>();
  const fromDay = dayNumber(from);
  for (const [id, empNo, name, workshopId, teamId, hireDate, skillGrade, status] of roster) {
    let last = to;
    if (status === 'left') {
      const d = leftOn.get(id);
      if (!d || d < from) continue;
      if (d < to) last = d;
    }
    const first = hireDate && hireDate > from ? hireDate : from;
    const worked = Math.max(0, dayNumber(last) - (first === from ? fromDay : dayNumber(first)) + 1);
    const g: GatheredWorker = {
      workerId: id,
      empNo,
      name,
      workshopId,
      workshopName: workshopId === null ? null : (unitName.get(workshopId) ?? null),
      teamId,
      teamName: teamId === null ? null : (unitName.get(teamId) ?? null),
      raw: {},
      records: {},
      vetoBy: [],
      days: { worked, of },
      onRoster: { from: first, to: last },
    };
    workers.push(g);
    byId.set(id, g);
    grade.set(id, skillGrade);
    if (teamId) {
      const list = byTeam.get(teamId);
      if (list) list.push(g);
      else byTeam.set(teamId, [g]);
    }
  }

  // each source once for the whole period
  const hours = new Map<string, TimeRow>();
  if (sources.has('timekeeping.hours')) for (const t of rawRows<TimeRow>(store, TIME_SQL, [period])) hours.set(t[1], t);
  const hoursOf = (t: TimeRow) => t[2] ?? (t[3] ?? 0) * HOURS_PER_SHIFT;

  const behaviour = new Map<string, { sum: number; recs: RunSourceRecord[] }>();
  if (sources.has('behaviour.points')) {
    const add = (workerId: string, points: number, rec: RunSourceRecord) => {
      let b = behaviour.get(workerId);
      if (!b) behaviour.set(workerId, (b = { sum: 0, recs: [] }));
      b.sum += points;
      if (withRecords) b.recs.push(rec);
    };
    for (const b of store.all<{ id: string; date: string; worker_id: string | null; team_id: string | null; team_name: string | null; kind: string; category: string; points: number }>(
      `SELECT b.id, b.date, b.worker_id, b.team_id, t.name AS team_name, b.kind, b.category, b.points
       FROM wage_behaviour b LEFT JOIN org_units t ON t.id = b.team_id
       WHERE b.deleted_at IS NULL AND b.date >= ? AND b.date <= ?
       ORDER BY b.date, b.id`,
      [from, to],
    )) {
      if (b.worker_id) {
        if (byId.has(b.worker_id)) add(b.worker_id, b.points, { kind: 'behaviour', id: b.id, date: b.date, label: b.category, value: b.points });
      } else if (b.team_id) {
        const rec: RunSourceRecord = { kind: 'behaviour', id: b.id, date: b.date, label: `${b.category}（${b.team_name ?? ''}）`, value: b.points };
        for (const g of byTeam.get(b.team_id) ?? []) if (onRosterOn(g, b.date)) add(g.workerId, b.points, rec);
      }
    }
  }

  const hazards = new Map<string, { grades: string[]; recs: RunSourceRecord[] }>();
  if (sources.has('hazards.found')) {
    for (const h of store.all<{ id: string; serial: string; description: string; grade: string | null; finder_id: string; at: string }>(
      `SELECT h.id, h.serial, h.description, h.grade, h.finder_id, e.at
       FROM hazard_events e JOIN hazards h ON h.id = e.hazard_id
       WHERE e.to_status = 'confirmed' AND e.at >= ? AND e.at < ?
         AND h.finder_id IS NOT NULL AND h.status <> 'cancelled' AND h.deleted_at IS NULL
       ORDER BY e.at, h.serial`,
      [from, `${nextPeriod(period)}-01`],
    )) {
      if (!byId.has(h.finder_id)) continue;
      let x = hazards.get(h.finder_id);
      if (!x) hazards.set(h.finder_id, (x = { grades: [], recs: [] }));
      const g = h.grade ?? 'general';
      x.grades.push(g);
      if (withRecords) x.recs.push({ kind: 'hazard', id: h.id, date: h.at.slice(0, 10), label: `${h.serial} ${h.description.slice(0, 40)}`, value: g });
    }
  }

  const training = new Map<string, { sum: number; recs: RunSourceRecord[] }>();
  if (sources.has('training.hours') && hasTable(store, 'edu_attendance')) {
    const meetings = MEETING_KINDS.map((k) => `'${k}'`).join(', ');
    for (const r of rawRows<[string, string, string, string, number]>(
      store,
      `SELECT t.worker_id, a.id, a.date, a.title, coalesce(t.hours, a.hours)
       FROM edu_activities a JOIN edu_attendance t ON t.activity_id = a.id
       WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ? AND a.kind NOT IN (${meetings})
       ORDER BY a.date, a.rid`,
      [from, to],
    )) {
      const [workerId, id, date, title, h] = r;
      if (!byId.has(workerId)) continue;
      let x = training.get(workerId);
      if (!x) training.set(workerId, (x = { sum: 0, recs: [] }));
      x.sum += h;
      if (withRecords) x.recs.push({ kind: 'training', id, date, label: title, value: h });
    }
  }

  const manual = new Map<string, { value: number; id: string }>();
  if (sources.has('manual') && hasManualValues(store)) {
    for (const m of store.all<{ id: string; worker_id: string; code: string; value: number }>(`SELECT id, worker_id, code, value FROM wage_manual_values WHERE period = ?`, [period])) {
      manual.set(`${m.worker_id}\u0000${m.code}`, { value: m.value, id: m.id });
    }
  }

  // vetoes: accidents of a listed severity in the period — the workers involved, and with `team` the accident's team
  const severities = content.veto.severities;
  if (severities.length > 0) {
    const marks = severities.map(() => '?').join(', ');
    for (const a of store.all<{ id: string; date: string; place: string; severity: string; team_id: string | null; team_name: string | null; worker_id: string | null }>(
      `SELECT a.id, a.date, a.place, a.severity, a.team_id, t.name AS team_name, aw.worker_id
       FROM wage_accidents a
       LEFT JOIN org_units t ON t.id = a.team_id
       LEFT JOIN wage_accident_workers aw ON aw.accident_id = a.id
       WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ? AND a.severity IN (${marks})
       ORDER BY a.date, a.id, aw.sort_order`,
      [from, to, ...severities],
    )) {
      const veto = (g: GatheredWorker, byTeamOf: string | null) => {
        if (g.vetoBy.some((v) => v.id === a.id)) return;
        g.vetoBy.push({ kind: 'accident', id: a.id, date: a.date, label: byTeamOf ? `${a.place}（${byTeamOf}）` : a.place, value: a.severity });
      };
      if (a.worker_id) {
        const g = byId.get(a.worker_id);
        if (g) veto(g, null);
      }
      if (content.veto.team && a.team_id) for (const g of byTeam.get(a.team_id) ?? []) if (onRosterOn(g, a.date)) veto(g, a.team_name ?? '');
    }
  }

  const inputs: WorkerInputs[] = workers.map((g) => {
    const raw: Record<string, RawValue> = withRecords ? g.raw : {};
    for (const ind of content.indicators) {
      let value: RawValue = null;
      let recs: RunSourceRecord[] = NO_RECORDS;
      switch (ind.source) {
        case 'roster.skillGrade': {
          const sg = grade.get(g.workerId) ?? null;
          value = sg === null ? null : String(sg);
          if (withRecords && sg !== null) recs = [{ kind: 'roster', id: g.workerId, date: null, label: g.name, value: sg }];
          break;
        }
        case 'timekeeping.hours': {
          const t = hours.get(g.workerId);
          value = t ? hoursOf(t) : null;
          if (withRecords && t) {
            const [id, , h, shifts] = t;
            const label = h !== null ? (shifts !== null ? `${h}h / ${shifts}` : `${h}h`) : `${shifts} × ${HOURS_PER_SHIFT}h`;
            recs = [{ kind: 'timekeeping', id, date: period, label, value }];
          }
          break;
        }
        case 'behaviour.points': {
          const b = behaviour.get(g.workerId);
          value = b ? round2(b.sum) : null;
          if (b) recs = b.recs;
          break;
        }
        case 'hazards.found': {
          const h = hazards.get(g.workerId);
          value = h ? h.grades : NO_EVENTS;
          if (h) recs = h.recs;
          break;
        }
        case 'training.hours': {
          const x = training.get(g.workerId);
          value = x ? round2(x.sum) : 0;
          if (x) recs = x.recs;
          break;
        }
        case 'manual': {
          const m = manual.get(`${g.workerId}\u0000${ind.code}`);
          value = m ? m.value : null;
          if (withRecords && m) recs = [{ kind: 'manual', id: m.id, date: period, label: ind.code, value: m.value }];
          break;
        }
      }
      raw[ind.code] = value;
      if (withRecords) g.records[ind.code] = recs;
    }
    const proRata = content.proRata && g.days.worked < g.days.of ? { ...g.days } : null;
    return { workerId: g.workerId, raw, veto: g.vetoBy.length > 0, proRata };
  });
  return { period, inputs, workers };
}
