// Imports of the wage records from the sheets offices keep (issue 9): the timekeeping sheet (考勤表: 工号, 姓名, 月份,
// 工时, 出勤天数), behaviour records (违章 / 表扬 with 分值) and accidents (日期, 地点, 等级, 涉及人员) — read like the
// roster import: headers by meaning, a preview with each row's problems and its row number, nothing written until
// confirmed; re-importing the same records updates them instead of adding them again.

export const WAGE_IMPORT_KINDS = ['timekeeping', 'behaviour', 'accidents'] as const;
export type WageImportKind = (typeof WAGE_IMPORT_KINDS)[number];

/** Every column an import may read, over the three kinds. */
export const WAGE_IMPORT_FIELDS = [
  'empNo',
  'name',
  'workshop',
  'team',
  'period',
  'hours',
  'shifts',
  'date',
  'kind',
  'category',
  'points',
  'place',
  'severity',
  'workers',
  'description',
  'note',
] as const;
export type WageImportField = (typeof WAGE_IMPORT_FIELDS)[number];

/** The columns of each kind, in the template's order. */
export const WAGE_IMPORT_COLUMNS: Readonly<Record<WageImportKind, readonly WageImportField[]>> = {
  timekeeping: ['empNo', 'name', 'workshop', 'team', 'period', 'hours', 'shifts', 'note'],
  behaviour: ['date', 'empNo', 'name', 'workshop', 'team', 'kind', 'category', 'points', 'note'],
  accidents: ['date', 'place', 'severity', 'workshop', 'team', 'workers', 'description'],
};

/**
 * The columns without which an import cannot start. Timekeeping also needs 工时 or 出勤天数 (one of them); a month
 * column may be replaced by the month chosen in the dialog (or written in the title: 2026年3月考勤表). Behaviour needs
 * 工号, 姓名 or 班组 (whose record it is).
 */
export const WAGE_IMPORT_REQUIRED: Readonly<Record<WageImportKind, readonly WageImportField[]>> = {
  timekeeping: ['empNo'],
  behaviour: ['date', 'category', 'points'],
  // an accident's account is required by the records: a ledger without one is told so once, not on every row
  accidents: ['date', 'place', 'severity', 'description'],
};

export type WageImportMapping = Partial<Record<WageImportField, number | null>>;

/** The values a row was read as, shown beside its problems. */
export interface WageImportParsed {
  period?: string;
  hours?: number | null;
  shifts?: number | null;
  date?: string;
  /** behaviour: 'violation' | 'good_act'; accidents: the severity */
  kind?: string;
  category?: string;
  points?: number;
  place?: string;
  team?: string | null;
  workers?: string[];
  note?: string | null;
}

export type WageImportAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface WageImportRowReport {
  rowNumber: number; // 1-based row in the file
  /** whose record: 工号 姓名, or the team, or the accident's place */
  who: string;
  action: WageImportAction;
  problems: { field: string; message: string; params?: Record<string, string | number> }[];
  /** an update: what changes ('deleted': the record was deleted earlier and the import leaves it deleted) */
  changes?: string[];
  parsed?: WageImportParsed;
}

export interface WageImportPreview {
  importId: string;
  kind: WageImportKind;
  fileName: string;
  headerRow: number; // 1-based
  columns: { index: number; header: string }[];
  mapping: WageImportMapping;
  /** the columns this kind reads, in order (for the mapping editor) */
  fields: WageImportField[];
  /** required columns the mapping lacks ('hours' for timekeeping: neither 工时 nor 出勤天数; 'period': no month
   * column and no month chosen) */
  missingRequired: WageImportField[];
  /** timekeeping: the month of rows without a month column — chosen, or read from the title rows */
  period: string | null;
  periodFrom: 'chosen' | 'title' | null;
  rows: WageImportRowReport[];
  counts: { total: number; create: number; update: number; unchanged: number; invalid: number };
  headerCandidates: { row: number; cells: string[]; matches: number }[];
  skippedRows: { rowNumber: number; reason: 'footer' | 'header'; text: string }[];
  /** timekeeping kept day by day: the day columns found (a total column is read; without one, the days are summed) */
  days?: { count: number; first: number; last: number } | null;
}

export interface WageImportResult {
  kind: WageImportKind;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** The most data rows one import takes (a year of timekeeping for 5,000 workers is 60,000). */
export const MAX_WAGE_IMPORT_ROWS = 100_000;
