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
import { AppError } from '../../../../shared/result';
import { accidentInput, behaviourInput, timekeepingSave } from '../../../../shared/wage/records/schemas';
import { dayColumns, isWeekdayRow, monthInText } from '../../../../shared/wage/imports/parse';
import { MAX_WAGE_IMPORT_ROWS, WAGE_IMPORT_COLUMNS, WAGE_IMPORT_REQUIRED, type WageImportField, type WageImportKind, type WageImportMapping, type WageImportPreview, type WageImportResult, type WageImportRowReport } from '../../../../shared/wage/imports/types';
import type { Actor } from '../../audit';
import type { Store } from '../../db/store';
import { footerOf, HEADER_SCAN_ROWS } from '../../documents/importHeaders';
import type { Table } from '../../documents/tabular';
import type { ProgressReporter } from '../../kernel/jobs';
import { assertRecorder, createAccident, createBehaviour, saveTimekeeping, updateAccident, updateBehaviour } from '../records/service';
import { wageFieldLabel, WAGE_MATCHERS } from './headers';
import { lookups, type Problem } from './lookups';
import { clean, planAccidents, planBehaviour, planTimekeeping, type Cells } from './rows';

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

export interface PlannedRow {
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
