// Pure rules of the education activities: pass/fail from a score, the sign-in sheet's cells.
import type { ActivityKind } from '../kinds';
import { MEETING_KINDS } from '../hours/rules';
import { MAX_ACTIVITY_HOURS, PASS_SCORE } from './types';

/**
 * A meeting (班前会): attendance is counted, never hours — its hours field is the meeting's duration (时长), not 学时 —
 * and it has no per-attendee hours, score or result. One rule for the list, the drawer, the form, the attendee grid,
 * the sign-in import, the backend and the training file.
 */
export const isMeetingKind = (kind: ActivityKind): boolean => MEETING_KINDS.includes(kind);

/** Passed as stated; otherwise from the score (PASS_SCORE and above), or unknown without one. */
export function passedOf(score: number | null, passed: boolean | null): boolean | null {
  if (passed !== null) return passed;
  return score === null ? null : score >= PASS_SCORE;
}

const PRESENT = new Set(['√', '✓', '✔', '☑', '是', '到', '已到', '已签', '已签到', '签到', '出席', '参加', '有', 'y', 'yes', 'true', '1', 'o', '○', '●']);
const ABSENT = new Set(['×', '✗', '✘', 'x', '否', '缺', '缺席', '未到', '未签', '未签到', '请假', '无', 'n', 'no', 'false', '0', '-', '—', '/']);

/**
 * A 签到 cell: present (√, 是, 到, a signature — any other writing), absent (empty, ×, 缺席, 请假 …). The sheet without a
 * 签到 column counts every listed worker present.
 */
export function parseSignedIn(raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (v === '') return false;
  if (ABSENT.has(v)) return false;
  if (PRESENT.has(v)) return true;
  // a handwritten signature typed in, or a time (08:30)
  return true;
}

/** 学时: a number from 0 to max with at most two decimals ('2h', '2 小时', '2学时' read as 2); '' → null. */
export function parseHoursCell(raw: string, max: number): number | null | 'bad' {
  const v = raw.trim().replace(/\s*(h|小时|学时|课时)$/i, '');
  if (v === '') return null;
  if (!/^\d+(\.\d+)?$/.test(v)) return 'bad';
  const n = Number(v);
  if (n < 0 || n > max || Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) return 'bad';
  return n;
}

/** 成绩: a score 0–100 (分 allowed), or 合格 / 不合格 (通过 / 未通过, 优秀 / 良好 pass); '' → nothing. */
export function parseScoreCell(raw: string): { score: number | null; passed: boolean | null } | 'bad' {
  const v = raw.trim().replace(/\s*分$/, '');
  if (v === '') return { score: null, passed: null };
  if (['合格', '通过', '及格', '优秀', '良好', 'pass', 'passed'].includes(v.toLowerCase())) return { score: null, passed: true };
  if (['不合格', '未通过', '不及格', 'fail', 'failed'].includes(v.toLowerCase())) return { score: null, passed: false };
  if (!/^\d+(\.\d+)?$/.test(v)) return 'bad';
  const n = Number(v);
  if (n > 100 || Math.abs(n * 10 - Math.round(n * 10)) > 1e-6) return 'bad';
  return { score: n, passed: null };
}

export type FieldProblem = { message: string; params?: Record<string, string | number> };
/**
 * An attendee's own hours and score as the grid holds them, checked as the backend will: hours 0–200 with two decimals
 * and at most the activity's (a worker who left early has fewer, never more); a score 0–100 with one decimal.
 */
export function attendeeProblems(a: { hours: number | null; score: number | null }, activityHours: number): { hours?: FieldProblem; score?: FieldProblem } {
  const out: { hours?: FieldProblem; score?: FieldProblem } = {};
  if (a.hours !== null) {
    if (a.hours < 0 || a.hours > MAX_ACTIVITY_HOURS || Math.abs(a.hours * 100 - Math.round(a.hours * 100)) > 1e-6) out.hours = { message: 'v.edu.act.hours' };
    else if (a.hours > activityHours) out.hours = { message: 'v.edu.act.attendeeHours', params: { max: activityHours } };
  }
  if (a.score !== null && (a.score < 0 || a.score > 100 || Math.abs(a.score * 10 - Math.round(a.score * 10)) > 1e-6)) out.score = { message: 'v.edu.act.score' };
  return out;
}
