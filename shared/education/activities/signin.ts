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
}

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
