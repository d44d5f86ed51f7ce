// Imports of the wage records (timekeeping, behaviour records, accidents), working like the roster import: the file is
// read once into a session; a plan validates every row against the records' own schemas and the store and writes
// nothing; the commit writes the plan's rows in one transaction through the records service (same checks, same audit),
// so a failure anywhere — or a cancel — leaves the store as it was.
//
// The same record again updates it instead of adding it twice:
//  - timekeeping: the same worker and month (columns the file lacks keep their values: a sheet of hours only keeps the
//    days entered before);
//  - behaviour: the same worker (or team), date, kind, item and points — importing it again updates only the note; a
//    record deleted since is left deleted;
//  - accidents: the same date, place and severity — importing it again updates the team, the people and the account.
import type { z } from 'zod';
import type { Operator } from '../../../../shared/operators/types';
import { toFieldIssues } from '../../../../shared/kernel/schemas';
import { halfWidth, normalizeName, parseLooseDate } from '../../../../shared/roster/normalize';
import { AppError } from '../../../../shared/result';
import { accidentInput, behaviourInput, periodDays, timekeepingSave } from '../../../../shared/wage/records/schemas';
import {
  dayColumns,
  isWeekdayRow,
  monthInText,
  parseDayCell,
  parseBehaviourKind,
  parseHours,
  parsePoints,
  parseSeverity,
  parseShifts,
  parseMonth,
  splitPeople,
  parseAmount,
} from '../../../../shared/wage/imports/parse';
import {
  MAX_WAGE_IMPORT_ROWS,
  WAGE_IMPORT_COLUMNS,
  WAGE_IMPORT_REQUIRED,
  type WageImportField,
  type WageImportKind,
  type WageImportMapping,
  type WageImportParsed,
  type WageImportPreview,
  type WageImportResult,
  type WageImportRowReport,
} from '../../../../shared/wage/imports/types';
import type { Actor } from '../../audit';
import type { Store } from '../../db/store';
import { footerOf, HEADER_SCAN_ROWS } from '../../documents/importHeaders';
import type { Table } from '../../documents/tabular';
import type { ProgressReporter } from '../../kernel/jobs';
import { assertRecorder, offRosterProblem, rosterSpans, createAccident, createBehaviour, saveTimekeeping, updateAccident, updateBehaviour } from '../records/service';
import { wageFieldLabel, WAGE_MATCHERS } from './headers';

type Problem = WageImportRowReport['problems'][number];

// ---- sessions ----
export interface WageSession {
  id: string;
  kind: WageImportKind;
  fileName: string;
  table: Table;
  headerRow: number; // 0-based
  header: string[];
  mapping: WageImportMapping;
  /** the month chosen in the dialog for rows the file gives none */
  period: string | null;
  /** the month named in the rows above the header (2026年3月考勤表) */
  titlePeriod: string | null;
  /** timekeeping kept day by day (考勤表): column index → day of the month; empty otherwise */
  days: Map<number, number>;
  createdAt: number;
  plan?: { state: string; key: string; result: Plan };
}

interface PlannedRow {
  rowNumber: number;
  report: WageImportRowReport;
  /** what to write: the records service's input, and the record it updates */
  write: { existingId: string | null; data: Record<string, unknown> } | null;
}
interface Plan {
  preview: WageImportPreview;
  rows: PlannedRow[];
}

/** Changes whenever this connection or another one has written to the store. */
function storeState(store: Store): string {
  const v = store.get<{ v: number; c: number }>('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c')!;
  return `${v.v}:${v.c}`;
}

/** The month named in the rows above the header (a title such as 2026年3月份考勤表). */
function titleMonth(table: Table, headerRow: number): string | null {
  for (let r = 0; r < headerRow; r++) for (const c of table[r] ?? []) if (c) {
    const m = monthInText(c);
    if (m) return m;
  }
  return null;
}

/**
 * The header of a timekeeping sheet kept day by day: the row of the days 1 … 31 (under a row of 工号 / 姓名 when the
 * header is two rows: headerCells takes those from above) — unless the matcher finds a header row below it.
 */
function gridHeaderRow(table: Table, found: number): number {
  for (let r = 0; r < Math.min(table.length, HEADER_SCAN_ROWS); r++) {
    if (dayColumns(table[r] ?? []).size > 0) return found < 0 || found <= r ? r : found;
  }
  return found;
}
/** Whether a sheet of the workbook is one of this kind (a header found): the import reads the first that is — a
 * cover tab or an explanation before it is passed over. */
export function sheetFits(kind: WageImportKind, table: Table): boolean {
  const found = WAGE_MATCHERS[kind].findHeaderRow(table);
  return (kind === 'timekeeping' ? gridHeaderRow(table, found) : found) >= 0;
}
const daysOf = (kind: WageImportKind, table: Table, headerRow: number) => (kind === 'timekeeping' ? dayColumns(table[headerRow] ?? []) : new Map<number, number>());

const MAX_CELL_CHARS = 10_000;
/** A column's letters as Excel shows them: 0 → A, 26 → AA. */
const columnName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

export class WageImportSessions {
  private sessions = new Map<string, WageSession>();
  static readonly TTL_MS = 60 * 60 * 1000;

  open(id: string, kind: WageImportKind, fileName: string, table: Table, opts: { mapping?: WageImportMapping; period?: string | null } = {}): WageSession {
    this.expire();
    const m = WAGE_MATCHERS[kind];
    const headerRow = kind === 'timekeeping' ? gridHeaderRow(table, m.findHeaderRow(table)) : m.findHeaderRow(table);
    if (headerRow < 0) {
      const columns = WAGE_IMPORT_REQUIRED[kind].map((f) => wageFieldLabel(f)).join('”“');
      throw new AppError('BAD_FILE', 'err.wage.import.noHeader', { columns, kind });
    }
    let rows = 0;
    for (let r = headerRow + 1; r < table.length; r++) if (table[r]!.some((c) => c !== '')) rows++;
    // a cell no record needs (a record's longest text is 2,000 characters): the file is not a sheet of records, and its
    // text is not echoed back in the preview
    for (let r = 0; r < table.length; r++) {
      const c = table[r]!.findIndex((v) => v.length > MAX_CELL_CHARS);
      if (c >= 0) throw new AppError('BAD_FILE', 'err.wage.import.cellTooLong', { row: r + 1, column: columnName(c), length: table[r]![c]!.length, max: MAX_CELL_CHARS });
    }
    if (rows > MAX_WAGE_IMPORT_ROWS) throw new AppError('BAD_FILE', 'err.wage.import.tooManyRows', { rows, max: MAX_WAGE_IMPORT_ROWS });
    const header = m.headerCells(table, headerRow);
    const s: WageSession = {
      id,
      kind,
      fileName,
      table,
      headerRow,
      header,
      mapping: opts.mapping ?? m.autoMapping(header),
      period: opts.period ?? null,
      titlePeriod: titleMonth(table, headerRow),
      days: daysOf(kind, table, headerRow),
      createdAt: Date.now(),
    };
    this.sessions.set(id, s);
    while (this.sessions.size > 5) this.sessions.delete(this.sessions.keys().next().value!);
    return s;
  }
  get(id: string): WageSession {
    this.expire();
    const s = this.sessions.get(id);
    if (!s) throw new AppError('NOT_FOUND', 'err.import.expired');
    return s;
  }
  /** The user's choice of header row (1-based): the mapping is made again from it unless one is given. */
  setHeaderRow(s: WageSession, row: number, mapping?: WageImportMapping): void {
    if (row < 1 || row > s.table.length) throw new AppError('VALIDATION', 'err.import.badHeaderRow', { row, rows: s.table.length });
    s.headerRow = row - 1;
    s.header = WAGE_MATCHERS[s.kind].headerCells(s.table, s.headerRow);
    s.mapping = mapping ?? WAGE_MATCHERS[s.kind].autoMapping(s.header);
    s.titlePeriod = titleMonth(s.table, s.headerRow);
    s.days = daysOf(s.kind, s.table, s.headerRow);
    s.plan = undefined;
  }
  cancel(id: string): boolean {
    return this.sessions.delete(id);
  }
  private expire() {
    const now = Date.now();
    for (const [k, s] of this.sessions) if (now - s.createdAt > WageImportSessions.TTL_MS) this.sessions.delete(k);
  }
}

// ---- the store's workers and teams ----
interface WorkerLite {
  id: string;
  empNo: string;
  name: string;
}
/** An employee number compared loosely: upper case, the leading zeros of an all-digit one dropped. */
const looseEmpNo = (v: string) => {
  const u = v.trim().toUpperCase();
  return /^\d+$/.test(u) ? u.replace(/^0+(?=\d)/, '') : u;
};

interface Lookups {
  byEmp: Map<string, WorkerLite>;
  /** by employee number, exactly or loosely (00123 = 123) when only one worker matches */
  empOf(empNo: string): WorkerLite | undefined;
  byName: Map<string, WorkerLite[]>;
  teams: Map<string, { id: string; workshop: string | null }[]>;
  workerOf(empNo: string, name: string, field: WageImportField, problems: Problem[]): WorkerLite | null;
  teamOf(team: string, workshop: string, problems: Problem[]): string | null;
}

function lookups(store: Store): Lookups {
  const workers = store.all<{ id: string; emp_no: string; name: string }>(`SELECT id, emp_no, name FROM workers WHERE deleted_at IS NULL`);
  const byEmp = new Map<string, WorkerLite>();
  const byName = new Map<string, WorkerLite[]>();
  // 00123 written as 123 (Excel drops the zeros of a number), w001 for W001: found when only one worker matches
  const byLoose = new Map<string, WorkerLite | null>();
  for (const w of workers) {
    const x = { id: w.id, empNo: w.emp_no, name: w.name };
    byEmp.set(w.emp_no, x);
    const k = looseEmpNo(w.emp_no);
    byLoose.set(k, byLoose.has(k) ? null : x);
    const list = byName.get(w.name);
    if (list) list.push(x);
    else byName.set(w.name, [x]);
  }
  const teams = new Map<string, { id: string; workshop: string | null }[]>();
  for (const t of store.all<{ id: string; name: string; workshop: string | null }>(
    `SELECT t.id, t.name, ws.name AS workshop FROM org_units t LEFT JOIN org_units ws ON ws.id = t.parent_id
     WHERE t.kind = 'team' AND t.deleted_at IS NULL AND t.retired_at IS NULL`,
  )) {
    const list = teams.get(t.name);
    if (list) list.push({ id: t.id, workshop: t.workshop });
    else teams.set(t.name, [{ id: t.id, workshop: t.workshop }]);
  }
  const empOf = (empNo: string) => byEmp.get(empNo) ?? byLoose.get(looseEmpNo(empNo)) ?? undefined;
  return {
    byEmp,
    empOf,
    byName,
    teams,
    workerOf(empNo, name, field, problems) {
      if (empNo) {
        const w = empOf(empNo);
        if (!w) {
          problems.push({ field, message: 'v.wage.import.unknownWorker', params: { empNo } });
          return null;
        }
        if (name && name !== w.name) {
          problems.push({ field: 'name', message: 'v.wage.import.nameMismatch', params: { empNo, name: w.name } });
          return null;
        }
        return w;
      }
      if (!name) return null;
      const list = byName.get(name) ?? [];
      if (list.length === 1) return list[0]!;
      problems.push(list.length === 0 ? { field: 'name', message: 'v.wage.import.unknownName', params: { name } } : { field: 'name', message: 'v.wage.import.ambiguousName', params: { name, count: list.length } });
      return null;
    },
    teamOf(team, workshop, problems) {
      const all = teams.get(team) ?? [];
      const list = workshop ? all.filter((t) => t.workshop === workshop) : all;
      if (list.length === 1) return list[0]!.id;
      problems.push(list.length === 0 ? { field: 'team', message: 'v.wage.import.unknownTeam', params: { name: workshop ? `${workshop} / ${team}` : team } } : { field: 'team', message: 'v.wage.import.ambiguousTeam', params: { name: team } });
      return null;
    },
  };
}

/** The schema's issues as the row's problems, on the file's columns (workerId is the 工号 column …). */
function schemaProblems(error: z.ZodError, problems: Problem[]): void {
  const FIELD: Record<string, WageImportField> = { workerId: 'empNo', teamId: 'team', workerIds: 'workers', evidenceId: 'note' };
  for (const i of toFieldIssues(error)) {
    const top = i.path.split('.')[0] ?? '';
    const field = FIELD[top] ?? top;
    if (!problems.some((p) => p.field === field)) problems.push({ field, message: i.message });
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// ---- the plan ----
export function planImport(store: Store, s: WageSession): Plan {
  const state = storeState(store);
  const key = JSON.stringify([s.headerRow, s.mapping, s.period]);
  if (s.plan && s.plan.state === state && s.plan.key === key) return s.plan.result;
  const result = makePlan(store, s);
  s.plan = { state, key, result };
  return result;
}

function missingColumns(s: WageSession): WageImportField[] {
  const has = (f: WageImportField) => s.mapping[f] !== undefined && s.mapping[f] !== null;
  const out = WAGE_IMPORT_REQUIRED[s.kind].filter((f) => !has(f));
  if (s.kind === 'timekeeping') {
    if (!has('empNo') && has('name')) out.splice(out.indexOf('empNo'), 1); // found by name
    if (!has('period') && !s.period && !s.titlePeriod) out.push('period');
    if (!has('hours') && !has('shifts') && s.days.size === 0) out.push('hours');
  }
  if (s.kind === 'behaviour' && !has('empNo') && !has('name') && !has('team')) out.unshift('empNo');
  return out;
}

function makePlan(store: Store, s: WageSession): Plan {
  const fields = WAGE_IMPORT_COLUMNS[s.kind];
  for (const [f, i] of Object.entries(s.mapping)) {
    if (i !== null && i !== undefined && i >= s.header.length) {
      throw new AppError('VALIDATION', 'err.import.badMapping', { field: wageFieldLabel(f), column: i + 1 });
    }
  }
  const mapped = new Set<WageImportField>(fields.filter((f) => s.mapping[f] !== undefined && s.mapping[f] !== null));
  const missingRequired = missingColumns(s);
  const look = lookups(store);
  const skippedRows: WageImportPreview['skippedRows'] = [];
  const keyCol = s.mapping.empNo ?? s.mapping.date ?? -1;
  const keyCol2 = s.mapping.name ?? s.mapping.place ?? s.mapping.category ?? -1;
  const cellsOf: Cells = [];
  for (let r = s.headerRow + 1; r < s.table.length; r++) {
    const cells = s.table[r]!;
    if (cells.every((c) => c === '')) continue;
    const rowNumber = r + 1;
    const keyCell = keyCol >= 0 ? (cells[keyCol] ?? '') : '';
    // the header again (a sheet printed page by page) and the footer (合计, 制表人…) are not records
    if (keyCol >= 0 && keyCell === s.header[keyCol] && (keyCol2 < 0 || (cells[keyCol2] ?? '') === s.header[keyCol2])) {
      skippedRows.push({ rowNumber, reason: 'header', text: cells.filter(Boolean).join(' ') });
      continue;
    }
    if (s.days.size > 0 && isWeekdayRow(cells)) {
      skippedRows.push({ rowNumber, reason: 'header', text: cells.filter(Boolean).join(' ').slice(0, 80) });
      continue;
    }
    const footer = footerOf(cells, s.mapping.empNo !== undefined && s.mapping.empNo !== null ? keyCell : '');
    if (footer !== null) {
      skippedRows.push({ rowNumber, reason: 'footer', text: footer.slice(0, 80) });
      continue;
    }
    const get = (f: WageImportField) => {
      const i = s.mapping[f];
      return i === undefined || i === null ? '' : clean(cells[i] ?? '');
    };
    cellsOf.push({ rowNumber, get, cell: (i: number) => clean(cells[i] ?? '') });
  }
  const rows =
    s.kind === 'timekeeping' ? planTimekeeping(store, s, look, mapped, cellsOf) : s.kind === 'behaviour' ? planBehaviour(store, s, look, mapped, cellsOf) : planAccidents(store, look, mapped, cellsOf);
  const counts = { total: rows.length, create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const r of rows) counts[r.report.action]++;
  const m = WAGE_MATCHERS[s.kind];
  const headerCandidates: WageImportPreview['headerCandidates'] = [];
  for (let i = 0; i < Math.min(s.table.length, HEADER_SCAN_ROWS); i++) {
    const cells = (s.table[i] ?? []).filter((c) => c !== '');
    if (cells.length > 0) headerCandidates.push({ row: i + 1, cells: cells.slice(0, 8).map((c) => c.slice(0, 20)), matches: m.rowMatches(s.table[i]) });
  }
  return {
    rows,
    preview: {
      importId: s.id,
      kind: s.kind,
      fileName: s.fileName,
      headerRow: s.headerRow + 1,
      columns: s.header.map((header, index) => ({ index, header })),
      mapping: s.mapping,
      fields: [...fields],
      missingRequired,
      period: s.period ?? s.titlePeriod,
      periodFrom: s.period ? 'chosen' : s.titlePeriod ? 'title' : null,
      rows: rows.map((r) => r.report),
      counts,
      headerCandidates,
      skippedRows,
      days: s.days.size > 0 ? { count: s.days.size, first: Math.min(...s.days.values()), last: Math.max(...s.days.values()) } : null,
    },
  };
}

/** Characters pasted in from chat apps and web pages that no one can see — zero-width spaces, direction marks, a BOM,
 * control characters — are dropped: W001 followed by a zero-width space is W001. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const clean = (v: string) => v.replace(INVISIBLE, '').trim();

type Cells = { rowNumber: number; get: (f: WageImportField) => string; cell: (index: number) => string }[];
const whoOf = (w: WorkerLite | null, empNo: string, name: string) => (w ? `${w.empNo} ${w.name}` : [empNo, name].filter(Boolean).join(' '));

function planTimekeeping(store: Store, s: WageSession, look: Lookups, mapped: Set<WageImportField>, cells: Cells): PlannedRow[] {
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

function planBehaviour(store: Store, s: WageSession, look: Lookups, mapped: Set<WageImportField>, cells: Cells): PlannedRow[] {
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

function planAccidents(store: Store, look: Lookups, mapped: Set<WageImportField>, cells: Cells): PlannedRow[] {
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

// ---- commit ----
/** The rows the plan refuses, with the file's own cells, for the rejected-rows sheet. */
export function rejectedRows(store: Store, s: WageSession): { header: string[]; rows: { rowNumber: number; cells: string[]; problems: Problem[] }[] } {
  const { rows } = planImport(store, s);
  return {
    header: s.header,
    rows: rows.filter((r) => r.report.action === 'invalid').map((r) => ({ rowNumber: r.rowNumber, cells: s.table[r.rowNumber - 1] ?? [], problems: r.report.problems })),
  };
}

/** Every planned row in one transaction, through the records service: a failure anywhere leaves the store as it was. */
export function commitImport(store: Store, op: Operator, actor: Actor, s: WageSession, opts: { skipInvalid: boolean; job?: ProgressReporter }): WageImportResult {
  assertRecorder(op);
  return store.tx(() => {
    const { preview, rows } = planImport(store, s);
    if (preview.missingRequired.length) {
      throw new AppError('VALIDATION', 'err.wage.import.missingColumns', { columns: preview.missingRequired.map((f) => wageFieldLabel(f)).join('、'), missing: preview.missingRequired });
    }
    if (preview.counts.invalid > 0 && !opts.skipInvalid) {
      throw new AppError('VALIDATION', 'err.wage.import.invalidRows', {
        count: preview.counts.invalid,
        invalidRows: preview.rows.filter((r) => r.action === 'invalid').map((r) => r.rowNumber).slice(0, 100),
      });
    }
    let created = 0;
    let updated = 0;
    let done = 0;
    for (const r of rows) {
      // a cancel throws here, inside the transaction: nothing is written
      opts.job?.report(done++, rows.length, 'job.writing');
      if (!r.write) continue;
      const { existingId, data } = r.write;
      try {
        if (s.kind === 'timekeeping') saveTimekeeping(store, op, actor, data as z.output<typeof timekeepingSave>, 'import');
        else if (s.kind === 'behaviour') {
          if (existingId) updateBehaviour(store, op, actor, { ...(data as z.output<typeof behaviourInput>), id: existingId });
          else createBehaviour(store, op, actor, data as z.output<typeof behaviourInput>);
        } else if (existingId) updateAccident(store, op, actor, { ...(data as z.output<typeof accidentInput>), id: existingId });
        else createAccident(store, op, actor, data as z.output<typeof accidentInput>);
      } catch (e) {
        if (e instanceof AppError) throw new AppError(e.code, e.message, { ...e.details, rowNumber: r.rowNumber });
        throw e;
      }
      if (existingId) updated++;
      else created++;
    }
    return { kind: s.kind, created, updated, unchanged: preview.counts.unchanged, skipped: preview.counts.invalid };
  });
}
