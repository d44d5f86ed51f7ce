// The health exams area (issue 10): exam batches (a clinic's visit: date, institution, kind, the report file) and one
// exam per worker in a batch with the GBZ 188 conclusion and its fields. The import of the clinic's xlsx reads the
// same fields by meaning (see ./parse.ts).
import type { Conclusion, ExamKind } from '../kinds';

export interface ExamBatch {
  id: string;
  date: string;
  institution: string;
  kind: ExamKind;
  reportId: string | null;
  reportName: string | null;
  source: 'manual' | 'import';
  fileName: string | null;
  note: string | null;
  enteredByName: string;
  /** exams not deleted, and how many of each conclusion */
  examCount: number;
  conclusions: Record<Conclusion, number>;
  updatedAt: string;
  deletedAt: string | null;
}

export interface Exam {
  id: string;
  batchId: string;
  workerId: string;
  empNo: string;
  name: string;
  gender: 'M' | 'F';
  workshopName: string | null;
  teamName: string | null;
  date: string;
  kind: ExamKind;
  factorIds: string[];
  /** the factors' names as the table says them now (a factor deleted since keeps its name) */
  factorNames: string[];
  conclusion: Conclusion;
  recheckItems: string | null;
  recheckDue: string | null;
  contraindication: string | null;
  detail: string | null;
  screening: boolean;
  updatedAt: string;
  deletedAt: string | null;
}

export interface BatchDetail {
  batch: ExamBatch;
  exams: Exam[];
}

export interface BatchPage {
  rows: ExamBatch[];
  total: number;
}

/** The factors an exam may cover (the interval table, without the deleted ones). */
export interface FactorOption {
  id: string;
  code: string;
  name: string;
  levelNote: string | null;
}

// ---- the import ----
export const EXAM_IMPORT_FIELDS = [
  'empNo',
  'idCard',
  'name',
  'date',
  'institution',
  'kind',
  'factors',
  'conclusion',
  'recheckItems',
  'recheckDue',
  'detail',
  'screening',
] as const;
export type ExamImportField = (typeof EXAM_IMPORT_FIELDS)[number];
/** Without these the import cannot start (who is found by 工号, 身份证号 or 姓名: one of them). */
export const EXAM_IMPORT_REQUIRED: readonly ExamImportField[] = ['conclusion'];
export type ExamImportMapping = Partial<Record<ExamImportField, number | null>>;

/** What the dialog fills for a file without the column (a clinic's sheet seldom names itself or the kind on each row). */
export interface ExamImportDefaults {
  date?: string | null;
  institution?: string | null;
  kind?: ExamKind | null;
}

export interface ExamImportParsed {
  date?: string;
  institution?: string;
  kind?: ExamKind;
  factors?: string[];
  conclusion?: Conclusion;
  recheckItems?: string | null;
  recheckDue?: string | null;
  contraindication?: string | null;
  detail?: string | null;
  screening?: boolean;
}

export type ExamImportAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface ExamImportRowReport {
  rowNumber: number;
  who: string;
  action: ExamImportAction;
  problems: { field: string; message: string; params?: Record<string, string | number> }[];
  /** an update: the fields that change */
  changes?: string[];
  parsed?: ExamImportParsed;
}

export interface ExamImportPreview {
  importId: string;
  fileName: string;
  headerRow: number;
  columns: { index: number; header: string }[];
  mapping: ExamImportMapping;
  fields: ExamImportField[];
  /** required columns missing: 'empNo' when none of 工号 / 身份证号 / 姓名; 'date', 'institution', 'kind' when neither
   * a column nor a default gives them */
  missingRequired: ExamImportField[];
  defaults: ExamImportDefaults;
  rows: ExamImportRowReport[];
  counts: { total: number; create: number; update: number; unchanged: number; invalid: number };
  /** the batches the rows fall in (date + institution + kind), new or already there */
  batches: { date: string; institution: string; kind: ExamKind; rows: number; existing: boolean }[];
  headerCandidates: { row: number; cells: string[]; matches: number }[];
  skippedRows: { rowNumber: number; reason: 'footer' | 'header'; text: string }[];
}

export interface ExamImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  batchIds: string[];
}

export const MAX_EXAM_IMPORT_ROWS = 60_000;
