// The sign-in sheet (签到表) of an activity, imported like the wage sheets: 工号 / 姓名 / 签到 / 学时 / 成绩 by meaning,
// a preview with each row's problems and its row number, nothing written until confirmed; the attendees it names are
// added to the activity (or updated: hours, score), the others stay.

export const SIGNIN_FIELDS = ['empNo', 'name', 'workshop', 'team', 'signed', 'hours', 'score', 'note'] as const;
export type SigninField = (typeof SIGNIN_FIELDS)[number];
export type SigninMapping = Partial<Record<SigninField, number | null>>;

/** 'absent': the 签到 cell says the worker did not come (left out, not an error) */
export type SigninAction = 'create' | 'update' | 'unchanged' | 'absent' | 'invalid';

export interface SigninRowReport {
  rowNumber: number;
  who: string;
  action: SigninAction;
  problems: { field: string; message: string; params?: Record<string, string | number> }[];
  parsed?: { hours: number | null; score: number | null; passed: boolean | null };
  /** an update: what changes for an attendee already recorded (hours null = the activity's; passed: the result) */
  changes?: SigninChange[];
}

export type SigninChange =
  | { field: 'hours' | 'score'; from: number | null; to: number | null }
  | { field: 'passed'; from: boolean | null; to: boolean | null };

export interface SigninPreview {
  importId: string;
  activityId: string;
  fileName: string;
  headerRow: number; // 1-based
  columns: { index: number; header: string }[];
  mapping: SigninMapping;
  fields: SigninField[];
  /** 工号 or 姓名 is needed to know who signed */
  missingRequired: SigninField[];
  /**
   * 学时 / 成绩 not in the sheet (or not mapped): the values already recorded stay as they are (a new attendee: the
   * activity's hours, no score). A cell left empty in a column the sheet has keeps the recorded value too.
   */
  keptFields: ('hours' | 'score')[];
  rows: SigninRowReport[];
  counts: { total: number; create: number; update: number; unchanged: number; absent: number; invalid: number };
  headerCandidates: { row: number; cells: string[]; matches: number }[];
  skippedRows: { rowNumber: number; reason: 'footer' | 'header'; text: string }[];
}

export interface SigninResult {
  created: number;
  updated: number;
  unchanged: number;
  absent: number;
  skipped: number;
}

export const MAX_SIGNIN_ROWS = 10_000;
