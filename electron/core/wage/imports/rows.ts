// The rows of an import, kind by kind: each file row read with the cell parsers, checked against the records' own
// schemas and the store (who, which team, on the roster that month, the same record already there), and planned as a
// create, an update, unchanged or invalid with its problems. Nothing here writes.
import type { z } from 'zod';
import { halfWidth, normalizeName, parseLooseDate } from '../../../../shared/roster/normalize';
import { accidentInput, behaviourInput, periodDays, timekeepingSave } from '../../../../shared/wage/records/schemas';
import { parseDayCell, parseBehaviourKind, parseHours, parsePoints, parseSeverity, parseShifts, parseMonth, splitPeople, parseAmount } from '../../../../shared/wage/imports/parse';
import type { WageImportField, WageImportParsed, WageImportRowReport } from '../../../../shared/wage/imports/types';
import type { Store } from '../../db/store';
import { offRosterProblem, rosterSpans } from '../records/service';
import { same, schemaProblems, type Lookups, type Problem, type WorkerLite } from './lookups';
import type { PlannedRow, WageSession } from './service';

/** Characters pasted in from chat apps and web pages that no one can see — zero-width spaces, direction marks, a BOM,
 * control characters — are dropped: W001 followed by a zero-width space is W001. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
export const clean = (v: string) => v.replace(INVISIBLE, '').trim();

export type Cells = { rowNumber: number; get: (f: WageImportField) => string; cell: (index: number) => string }[];
const whoOf = (w: WorkerLite | null, empNo: string, name: string) => (w ? `${w.empNo} ${w.name}` : [empNo, name].filter(Boolean).join(' '));

export function planTimekeeping(store: Store, s: WageSession, look: Lookups, mapped: Set<WageImportField>, cells: Cells): PlannedRow[] {
  const existing = new Map<string, { id: string; hours: number | null; shifts: number | null; note: string | null }>();
  for (const t of store.all<{ id: string; worker_id: string; period: string; hours: number | null; shifts: number | null; note: string | null }>(
    `SELECT id, worker_id, period, hours, shifts, note FROM wage_timekeeping`,
  )) {
    existing.set(`${t.worker_id}\u0000${t.period}`, t);
  }
  const fallback = s.period ?? s.titlePeriod;
  const spans = rosterSpans(store);
  const seen = new Map<string, number>();
  return cells.map(({ rowNumber, get, cell }) => {
    const problems: Problem[] = [];
    const empNo = halfWidth(get('empNo')).trim();
    const name = normalizeName(get('name'));
    const w = look.workerOf(empNo, name, 'empNo', problems);
    if (!empNo && !name) problems.push({ field: 'empNo', message: 'v.required' });
    let period: string | null = null;
    const pm = parseMonth(get('period'));
    if (pm === 'bad') problems.push({ field: 'period', message: 'v.wage.import.month' });
    else period = pm ?? fallback;
    if (!period && pm !== 'bad') problems.push({ field: 'period', message: 'v.required' });
    const num = (f: 'hours' | 'shifts') => {
      const raw = get(f);
      const v = f === 'hours' ? parseHours(raw) : parseShifts(raw);
      if (v === 'bad') problems.push({ field: f, message: raw.startsWith('=') ? 'v.wage.import.formula' : f === 'shifts' && parseAmount(raw) !== 'bad' ? 'v.wage.import.shiftsWhole' : 'v.wage.import.number' });
      return v === 'bad' ? null : v;
    };
    const hours = num('hours');
    const shifts = num('shifts');
    const grid = s.days.size > 0 ? sumDays(s.days, cell, period, problems) : null;
    const note = get('note') || null;
    const before = w && period ? existing.get(`${w.id}\u0000${period}`) : undefined;
    // a total column is read as written; what it leaves blank (or the sheet has no total column for) is summed from
    // the days
    const data = {
      workerId: w?.id ?? '',
      period: period ?? '',
      hours: hours ?? grid?.hours ?? (mapped.has('hours') ? null : (before?.hours ?? null)),
      shifts: shifts ?? (grid?.any ? grid.worked : mapped.has('shifts') ? null : (before?.shifts ?? null)),
      note: mapped.has('note') ? note : (before?.note ?? null),
    };
    let input: z.output<typeof timekeepingSave> | null = null;
    if (problems.length === 0) {
      const p = timekeepingSave.safeParse(data);
      if (p.success) input = p.data;
      else schemaProblems(p.error, problems);
    }
    // hired after the month, or left before it: the run would not read the time, so it is not taken
    const off = input ? offRosterProblem(spans.get(input.workerId), input.period) : null;
    if (off) {
      problems.push({ field: 'period', ...off });
      input = null;
    }
    if (w && period) {
      const k = `${w.id}\u0000${period}`;
      const prev = seen.get(k);
      if (prev) problems.push({ field: 'empNo', message: 'v.wage.import.dupRow', params: { row: prev } });
      else seen.set(k, rowNumber);
    }
    const parsed: WageImportParsed = { period: period ?? undefined, hours: data.hours, shifts: data.shifts };
    if (data.note) parsed.note = data.note;
    const changes = before ? (['hours', 'shifts', 'note'] as const).filter((f) => !same(before[f], input ? input[f] : data[f])) : [];
    const action: WageImportRowReport['action'] = problems.length ? 'invalid' : !before ? 'create' : changes.length ? 'update' : 'unchanged';
    const report: WageImportRowReport = { rowNumber, who: whoOf(w, empNo, name), action, problems, parsed };
    if (before && action !== 'invalid') report.changes = [...changes];
    return { rowNumber, report, write: action === 'create' || action === 'update' ? { existingId: before?.id ?? null, data: input! } : null };
  });
}

/**
 * A row of the per-day grid: the hours of the days written as numbers (null when none is), the days worked (a number
 * above 0 or a mark such as √ ○ 夜), and whether any day is filled. A cell not understood, or a day the month does
 * not have (31 in April) filled, is the row's problem.
 */
function sumDays(days: Map<number, number>, cell: (i: number) => string, period: string | null, problems: Problem[]): { hours: number | null; worked: number; any: boolean } {
  const monthDays = period ? Number(periodDays(period).to.slice(8)) : 31;
  let hours: number | null = null;
  let worked = 0;
  let any = false;
  const bad: string[] = [];
  for (const [i, day] of days) {
    const raw = cell(i);
    const d = parseDayCell(raw);
    if (d === null) continue;
    if (d === 'bad') {
      bad.push(`${day}: “${raw.slice(0, 10)}”`);
      continue;
    }
    if (day > monthDays && (d.worked || (d.hours ?? 0) > 0)) {
      problems.push({ field: 'hours', message: 'v.wage.import.dayBeyondMonth', params: { day, period: period ?? '' } });
      continue;
    }
    any = true;
    if (d.worked) worked++;
    if (d.hours !== null && raw.trim() !== '' && /\d/.test(raw)) hours = Math.round(((hours ?? 0) + d.hours) * 100) / 100;
  }
  if (bad.length) problems.push({ field: 'hours', message: 'v.wage.import.dayCell', params: { cells: bad.slice(0, 3).join('、'), count: bad.length } });
  return { hours, worked, any };
}

export function planBehaviour(store: Store, s: WageSession, look: Lookups, mapped: Set<WageImportField>, cells: Cells): PlannedRow[] {
  // a points column named 扣分 holds points taken off, written without a sign
  const pointsHeader = s.mapping.points !== undefined && s.mapping.points !== null ? (s.header[s.mapping.points] ?? '') : '';
  const offColumn = /扣/.test(pointsHeader) && !/加/.test(pointsHeader);
  type Read = { rowNumber: number; problems: Problem[]; data: z.input<typeof behaviourInput>; who: string };
  const read: Read[] = cells.map(({ rowNumber, get }) => {
    const problems: Problem[] = [];
    const d = parseLooseDate(get('date'));
    if (d === 'bad') problems.push({ field: 'date', message: 'v.date' });
    else if (d === null) problems.push({ field: 'date', message: 'v.required' });
    const empNo = halfWidth(get('empNo')).trim();
    const name = normalizeName(get('name'));
    const team = normalizeName(get('team'));
    const w = look.workerOf(empNo, name, 'empNo', problems);
    // a row with a worker is the worker's record (the team column then only says where they work); a row without one
    // is the team's
    const teamId = !empNo && !name && team ? look.teamOf(team, normalizeName(get('workshop')), problems) : null;
    if (!empNo && !name && !team) problems.push({ field: 'empNo', message: 'v.wage.workerOrTeam' });
    let kind = parseBehaviourKind(get('kind'));
    if (kind === 'bad') problems.push({ field: 'kind', message: 'v.wage.import.kind' });
    const pts = parsePoints(get('points'));
    let points: number | undefined;
    if (pts === 'bad') problems.push({ field: 'points', message: get('points').startsWith('=') ? 'v.wage.import.formula' : 'v.wage.import.number' });
    else if (pts === null) problems.push({ field: 'points', message: 'v.required' });
    else {
      let sign = pts.sign;
      if (sign === 0 && offColumn) sign = -1;
      if (kind === null) kind = sign === -1 || pts.value < 0 ? 'violation' : pts.value > 0 ? 'good_act' : null;
      // a violation written as 2 takes two points off; an explicit + on a violation (or 扣 on a good act) is a mistake
      points = sign === -1 ? -Math.abs(pts.value) : pts.value;
      if (kind === 'violation' && sign === 0) points = -Math.abs(pts.value);
      if (kind === 'good_act' && sign === 0) points = Math.abs(pts.value);
      if (kind === null) problems.push({ field: 'kind', message: 'v.required' });
    }
    const data = {
      date: d === 'bad' || d === null ? '' : d,
      workerId: w?.id ?? null,
      teamId,
      kind: (kind === 'bad' || kind === null ? '' : kind) as never,
      category: normalizeName(get('category')),
      points: points as number,
      note: get('note') || null,
      evidenceId: null,
    };
    return { rowNumber, problems, data, who: w ? whoOf(w, empNo, name) : teamId ? team : whoOf(null, empNo, name) || team };
  });
  // the records of the file's dates, deleted ones too (a record deleted since stays deleted)
  const dates = [...new Set(read.map((r) => r.data.date).filter(Boolean))];
  const existing = new Map<string, { id: string; note: string | null; deleted: boolean; evidenceId: string | null }>();
  for (const b of store.all<{ id: string; date: string; worker_id: string | null; team_id: string | null; kind: string; category: string; points: number; note: string | null; evidence_id: string | null; deleted_at: string | null }>(
    `SELECT id, date, worker_id, team_id, kind, category, points, note, evidence_id, deleted_at FROM wage_behaviour WHERE date IN (SELECT value FROM json_each(?)) ORDER BY deleted_at IS NOT NULL, rid`,
    [JSON.stringify(dates)],
  )) {
    const k = behaviourKey(b.worker_id, b.team_id, b.date, b.kind, b.category, b.points);
    if (!existing.has(k)) existing.set(k, { id: b.id, note: b.note, deleted: b.deleted_at !== null, evidenceId: b.evidence_id });
  }
  const seen = new Map<string, number>();
  return read.map(({ rowNumber, problems, data, who }) => {
    let input: z.output<typeof behaviourInput> | null = null;
    if (problems.length === 0) {
      const p = behaviourInput.safeParse(data);
      if (p.success) input = p.data;
      else schemaProblems(p.error, problems);
    }
    let before: ReturnType<typeof existing.get>;
    if (input) {
      const k = behaviourKey(input.workerId, input.teamId, input.date, input.kind, input.category, input.points);
      const prev = seen.get(k);
      if (prev) problems.push({ field: 'category', message: 'v.wage.import.dupRow', params: { row: prev } });
      else seen.set(k, rowNumber);
      before = existing.get(k);
      // the note the file lacks stays; the evidence photo stays
      if (before) input = { ...input, note: mapped.has('note') ? input.note : before.note, evidenceId: before.evidenceId };
    }
    const parsed: WageImportParsed = { date: data.date || undefined, kind: data.kind || undefined, category: data.category, points: data.points };
    if (data.teamId) parsed.team = who;
    if (data.note) parsed.note = data.note;
    const changed = before && input && !before.deleted && !same(before.note, input.note);
    const action: WageImportRowReport['action'] = problems.length ? 'invalid' : !before ? 'create' : changed ? 'update' : 'unchanged';
    const report: WageImportRowReport = { rowNumber, who, action, problems, parsed };
    if (before && action !== 'invalid') report.changes = before.deleted ? ['deleted'] : changed ? ['note'] : [];
    return { rowNumber, report, write: action === 'create' || action === 'update' ? { existingId: before?.id ?? null, data: input! } : null };
  });
}
const behaviourKey = (workerId: string | null, teamId: string | null, date: string, kind: string, category: string, points: number) =>
  JSON.stringify([workerId ?? '', teamId ?? '', date, kind, category, Math.round(points * 100)]);

export function planAccidents(store: Store, look: Lookups, mapped: Set<WageImportField>, cells: Cells): PlannedRow[] {
  const existing = new Map<string, { id: string; teamId: string | null; description: string; workerIds: string[]; deleted: boolean }>();
  const links = new Map<string, string[]>();
  for (const l of store.all<{ accident_id: string; worker_id: string }>(`SELECT accident_id, worker_id FROM wage_accident_workers ORDER BY accident_id, sort_order`)) {
    const list = links.get(l.accident_id);
    if (list) list.push(l.worker_id);
    else links.set(l.accident_id, [l.worker_id]);
  }
  for (const a of store.all<{ id: string; date: string; place: string; severity: string; team_id: string | null; description: string; deleted_at: string | null }>(
    `SELECT id, date, place, severity, team_id, description, deleted_at FROM wage_accidents ORDER BY deleted_at IS NOT NULL, rid`,
  )) {
    const k = JSON.stringify([a.date, a.place, a.severity]);
    if (!existing.has(k)) existing.set(k, { id: a.id, teamId: a.team_id, description: a.description, workerIds: links.get(a.id) ?? [], deleted: a.deleted_at !== null });
  }
  const seen = new Map<string, number>();
  return cells.map(({ rowNumber, get }) => {
    const problems: Problem[] = [];
    const d = parseLooseDate(get('date'));
    if (d === 'bad') problems.push({ field: 'date', message: 'v.date' });
    const severity = parseSeverity(get('severity'));
    if (severity === 'bad') problems.push({ field: 'severity', message: 'v.wage.import.severity' });
    const place = normalizeName(get('place'));
    const team = normalizeName(get('team'));
    const teamId = team ? look.teamOf(team, normalizeName(get('workshop')), problems) : null;
    const people: { id: string; label: string }[] = [];
    // names separated by spaces only (张三 李四) are several people when each is a name of the roster
    const split = splitPeople(get('workers')).flatMap((p) => {
      const tokens = p.text.split(/\s+/);
      return !p.empNo && tokens.length > 1 && !look.byName.has(p.name ?? '') && tokens.every((t) => look.byName.has(t)) ? tokens.map((t) => ({ empNo: null, name: t, text: t })) : [p];
    });
    for (const p of split) {
      const w = p.empNo ? look.empOf(p.empNo) : undefined;
      const byName = !p.empNo && p.name ? (look.byName.get(p.name) ?? []) : [];
      const found = w ?? (byName.length === 1 ? byName[0] : undefined);
      if (found && !(w && p.name && p.name !== w.name)) {
        if (!people.some((x) => x.id === found.id)) people.push({ id: found.id, label: `${found.empNo} ${found.name}` });
      } else problems.push({ field: 'workers', message: byName.length > 1 ? 'v.wage.import.personAmbiguous' : 'v.wage.import.person', params: { text: p.text } });
    }
    const k = JSON.stringify([d, place, severity]);
    const before = d && d !== 'bad' && severity && severity !== 'bad' && place ? existing.get(k) : undefined;
    const data = {
      date: d === 'bad' || d === null ? '' : d,
      place,
      severity: (severity === 'bad' || severity === null ? '' : severity) as never,
      description: mapped.has('description') ? get('description') : (before?.description ?? ''),
      teamId: mapped.has('team') || mapped.has('workshop') ? teamId : (before?.teamId ?? null),
      workerIds: mapped.has('workers') ? people.map((p) => p.id) : (before?.workerIds ?? []),
    };
    let input: z.output<typeof accidentInput> | null = null;
    const p = accidentInput.safeParse(data);
    if (p.success) input = p.data;
    else schemaProblems(p.error, problems);
    if (input) {
      const prev = seen.get(k);
      if (prev) problems.push({ field: 'place', message: 'v.wage.import.dupRow', params: { row: prev } });
      else seen.set(k, rowNumber);
    }
    const changes = before && input && !before.deleted
      ? [
          ...(same(before.teamId, input.teamId) ? [] : ['team']),
          ...(same(before.workerIds, input.workerIds) ? [] : ['workers']),
          ...(same(before.description, input.description) ? [] : ['description']),
        ]
      : [];
    const parsed: WageImportParsed = { date: data.date || undefined, place, kind: data.severity || undefined, team: team || null, workers: people.map((x) => x.label) };
    const action: WageImportRowReport['action'] = problems.length ? 'invalid' : !before ? 'create' : changes.length ? 'update' : 'unchanged';
    const report: WageImportRowReport = { rowNumber, who: place, action, problems, parsed };
    if (before && action !== 'invalid') report.changes = before.deleted ? ['deleted'] : changes;
    return { rowNumber, report, write: action === 'create' || action === 'update' ? { existingId: before?.id ?? null, data: input! } : null };
  });
}
