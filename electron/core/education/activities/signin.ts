// The sign-in sheet (签到表) of an activity: read once into a session; a plan finds each row's worker (工号, or a name
// alone when unique in the roster), reads 签到 / 学时 / 成绩 and writes nothing; the commit adds the present workers to
// the activity (or updates their hours and score) in one transaction through the attendance service — a failure
// anywhere, or a cancel, leaves the store as it was. Workers absent on the sheet are left out; attendees already
// recorded and not on the sheet stay.
import { isMeetingKind, parseHoursCell, parseScoreCell, parseSignedIn, passedOf } from '../../../../shared/education/activities/rules';
import { MAX_SIGNIN_ROWS, SIGNIN_FIELDS, type SigninField, type SigninMapping, type SigninChange, type SigninPreview, type SigninResult, type SigninRowReport } from '../../../../shared/education/activities/signin';
import { MAX_ACTIVITY_HOURS } from '../../../../shared/education/activities/types';
import { term } from '../../../../shared/glossary';
import type { Operator } from '../../../../shared/operators/types';
import { halfWidth, normalizeName } from '../../../../shared/roster/normalize';
import { AppError } from '../../../../shared/result';
import type { Actor } from '../../audit';
import type { Store } from '../../db/store';
import { footerOf, headerMatcher, HEADER_SCAN_ROWS, type HeaderMatcher } from '../../documents/importHeaders';
import type { Table } from '../../documents/tabular';
import { clean } from '../../wage/imports/rows';
import { lookups, type Problem } from '../../wage/imports/lookups';
import { assertEduWriter, getActivity, writeAttendance, type AttendeeWrite } from './service';

type Locale = 'zh-CN' | 'en';
export const signinFieldLabel = (f: string, locale?: Locale) => (f.includes('.') ? f : term(`edu.signin.field.${f}`, locale));

const ALIASES: Record<SigninField, string[]> = {
  empNo: ['员工编号', '职工编号', '员工号', '职工号', '编号', '人员编号', 'empno', 'employeeno', 'staffno'],
  name: ['职工姓名', '员工姓名', '名字', '学员', '学员姓名', '参加人', '参训人员', 'fullname'],
  workshop: ['所属车间', '部门', '车间名称', '单位', 'department'],
  team: ['所属班组', '班组名称'],
  signed: ['签名', '本人签名', '签字', '本人签字', '签到', '是否签到', '到会', '出勤', '是否参加', 'signed', 'signature', 'present'],
  hours: ['学时', '课时', '培训学时', '培训时长', '时长', '小时', 'hours'],
  score: ['成绩', '考试成绩', '考核成绩', '得分', '分数', '考核结果', '考试结果', 'score', 'result'],
  note: ['备注', '说明', 'note', 'remark'],
};
const CONTAINS: readonly (readonly [SigninField, readonly string[]])[] = [
  ['empNo', ['工号', '员工号', '职工号', '编号']],
  ['name', ['姓名']],
  ['team', ['班组']],
  ['workshop', ['车间', '部门']],
  ['signed', ['签到', '签名', '签字', '到会']],
  ['hours', ['学时', '课时', '时长']],
  ['score', ['成绩', '得分', '分数', '考核']],
  ['note', ['备注']],
];
const MATCHER: HeaderMatcher<SigninField> = headerMatcher(
  SIGNIN_FIELDS.flatMap((f) => [term(`edu.signin.field.${f}`, 'zh-CN'), term(`edu.signin.field.${f}`, 'en'), f, ...ALIASES[f]].map((n) => [n, f] as const)),
  CONTAINS,
);
export const signinSheetFits = (t: Table) => MATCHER.findHeaderRow(t) >= 0;

export interface SigninSession {
  id: string;
  activityId: string;
  fileName: string;
  table: Table;
  headerRow: number; // 0-based
  header: string[];
  mapping: SigninMapping;
  createdAt: number;
}
interface PlannedRow {
  rowNumber: number;
  report: SigninRowReport;
  write: AttendeeWrite | null;
}

export class SigninSessions {
  private sessions = new Map<string, SigninSession>();
  static readonly TTL_MS = 60 * 60 * 1000;

  open(id: string, activityId: string, fileName: string, table: Table, mapping?: SigninMapping): SigninSession {
    this.expire();
    const headerRow = MATCHER.findHeaderRow(table);
    if (headerRow < 0) throw new AppError('BAD_FILE', 'err.edu.act.signin.noHeader');
    let rows = 0;
    for (let r = headerRow + 1; r < table.length; r++) if (table[r]!.some((c) => c !== '')) rows++;
    if (rows > MAX_SIGNIN_ROWS) throw new AppError('BAD_FILE', 'err.edu.act.signin.tooManyRows', { rows, max: MAX_SIGNIN_ROWS });
    const header = MATCHER.headerCells(table, headerRow);
    const s: SigninSession = { id, activityId, fileName, table, headerRow, header, mapping: mapping ?? MATCHER.autoMapping(header), createdAt: Date.now() };
    this.sessions.set(id, s);
    while (this.sessions.size > 5) this.sessions.delete(this.sessions.keys().next().value!);
    return s;
  }
  get(id: string): SigninSession {
    this.expire();
    const s = this.sessions.get(id);
    if (!s) throw new AppError('NOT_FOUND', 'err.import.expired');
    return s;
  }
  setHeaderRow(s: SigninSession, row: number, mapping?: SigninMapping): void {
    if (row < 1 || row > s.table.length) throw new AppError('VALIDATION', 'err.import.badHeaderRow', { row, rows: s.table.length });
    s.headerRow = row - 1;
    s.header = MATCHER.headerCells(s.table, s.headerRow);
    s.mapping = mapping ?? MATCHER.autoMapping(s.header);
  }
  cancel(id: string): boolean {
    return this.sessions.delete(id);
  }
  private expire() {
    const now = Date.now();
    for (const [k, s] of this.sessions) if (now - s.createdAt > SigninSessions.TTL_MS) this.sessions.delete(k);
  }
}

const has = (m: SigninMapping, f: SigninField) => m[f] !== undefined && m[f] !== null;

/** Every row checked against the store: nothing is written. */
export function planSignin(store: Store, s: SigninSession): { preview: SigninPreview; rows: PlannedRow[] } {
  for (const [f, i] of Object.entries(s.mapping)) {
    if (i !== null && i !== undefined && i >= s.header.length) throw new AppError('VALIDATION', 'err.import.badMapping', { field: signinFieldLabel(f), column: i + 1 });
  }
  const activity = getActivity(store, s.activityId, 'live');
  const current = new Map(activity.attendees.map((a) => [a.workerId, a]));
  const meeting = isMeetingKind(activity.kind);
  const hired = new Map(store.all<{ id: string; hire_date: string | null }>(`SELECT id, hire_date FROM workers WHERE deleted_at IS NULL`).map((w) => [w.id, w.hire_date]));
  const look = lookups(store);
  const missingRequired: SigninField[] = has(s.mapping, 'empNo') || has(s.mapping, 'name') ? [] : ['empNo'];
  const skippedRows: SigninPreview['skippedRows'] = [];
  const seen = new Map<string, number>();
  const rows: PlannedRow[] = [];
  const keyCol = s.mapping.empNo ?? s.mapping.name ?? -1;
  for (let r = s.headerRow + 1; r < s.table.length; r++) {
    const cells = s.table[r]!;
    if (cells.every((c) => c === '')) continue;
    const rowNumber = r + 1;
    const keyCell = keyCol !== null && keyCol >= 0 ? (cells[keyCol] ?? '') : '';
    if (keyCol !== null && keyCol >= 0 && keyCell === s.header[keyCol]) {
      skippedRows.push({ rowNumber, reason: 'header', text: cells.filter(Boolean).join(' ') });
      continue;
    }
    const footer = footerOf(cells, has(s.mapping, 'empNo') ? keyCell : '');
    if (footer !== null) {
      skippedRows.push({ rowNumber, reason: 'footer', text: footer.slice(0, 80) });
      continue;
    }
    const get = (f: SigninField) => {
      const i = s.mapping[f];
      return i === undefined || i === null ? '' : clean(cells[i] ?? '');
    };
    const problems: Problem[] = [];
    const empNo = halfWidth(get('empNo')).trim();
    const name = normalizeName(get('name'));
    const who = [empNo, name].filter(Boolean).join(' ');
    if (has(s.mapping, 'signed') && !parseSignedIn(get('signed'))) {
      rows.push({ rowNumber, report: { rowNumber, who, action: 'absent', problems: [] }, write: null });
      continue;
    }
    if (!empNo && !name) problems.push({ field: 'empNo', message: 'v.edu.act.whoRequired' });
    const w = look.workerOf(empNo, name, 'empNo', problems);
    // a meeting (班前会) records who came: its sheet's 学时 and 成绩 columns are not read. A column the sheet does not
    // have, or a cell left empty, keeps what is recorded (a new attendee: the activity's hours, no score).
    const hoursCell = meeting ? '' : get('hours');
    const hours = parseHoursCell(hoursCell, MAX_ACTIVITY_HOURS);
    if (hours === 'bad') problems.push({ field: 'hours', message: 'v.edu.act.hoursCell' });
    const score = meeting ? { score: null, passed: null } : parseScoreCell(get('score'));
    if (score === 'bad') problems.push({ field: 'score', message: 'v.edu.act.scoreCell' });
    if (w) {
      const hd = hired.get(w.id);
      if (hd && hd > activity.date) problems.push({ field: 'empNo', message: 'err.edu.act.hiredAfter', params: { name: w.name, hireDate: hd, date: activity.date } });
      const prev = seen.get(w.id);
      if (prev) problems.push({ field: 'empNo', message: 'v.wage.import.dupRow', params: { row: prev } });
      else seen.set(w.id, rowNumber);
    }
    const before = w ? current.get(w.id) : undefined;
    const scoreGiven = score !== 'bad' && (score.score !== null || score.passed !== null);
    const parsed = {
      hours: typeof hours === 'number' ? hours : (before?.hours ?? null),
      score: scoreGiven ? score.score : (before?.score ?? null),
      passed: scoreGiven ? passedOf(score.score, score.passed) : (before?.passed ?? null),
    };
    // the sheet's hours, or (kept) hours recorded before the rule, above the activity's: the backend would refuse the row
    if (hours !== 'bad' && parsed.hours !== null && parsed.hours > activity.hours) problems.push({ field: 'hours', message: 'v.edu.act.attendeeHours', params: { max: activity.hours } });
    const changes: SigninChange[] = [];
    if (before) {
      if (before.hours !== parsed.hours) changes.push({ field: 'hours', from: before.hours, to: parsed.hours });
      if (before.score !== parsed.score) changes.push({ field: 'score', from: before.score, to: parsed.score });
      if (before.passed !== parsed.passed) changes.push({ field: 'passed', from: before.passed, to: parsed.passed });
    }
    const action: SigninRowReport['action'] = problems.length ? 'invalid' : !before ? 'create' : changes.length === 0 ? 'unchanged' : 'update';
    rows.push({
      rowNumber,
      report: { rowNumber, who: w ? `${w.empNo} ${w.name}` : who, action, problems, parsed, ...(before && !problems.length ? { changes } : {}) },
      write: action === 'create' || action === 'update' ? { workerId: w!.id, hours: parsed.hours, score: parsed.score, passed: parsed.passed } : null,
    });
  }
  const counts = { total: rows.length, create: 0, update: 0, unchanged: 0, absent: 0, invalid: 0 };
  for (const r of rows) counts[r.report.action]++;
  const headerCandidates: SigninPreview['headerCandidates'] = [];
  for (let i = 0; i < Math.min(s.table.length, HEADER_SCAN_ROWS); i++) {
    const cells = (s.table[i] ?? []).filter((c) => c !== '');
    if (cells.length > 0) headerCandidates.push({ row: i + 1, cells: cells.slice(0, 8).map((c) => c.slice(0, 20)), matches: MATCHER.rowMatches(s.table[i]) });
  }
  return {
    rows,
    preview: {
      importId: s.id,
      activityId: s.activityId,
      fileName: s.fileName,
      headerRow: s.headerRow + 1,
      columns: s.header.map((header, index) => ({ index, header })),
      mapping: s.mapping,
      fields: [...SIGNIN_FIELDS],
      missingRequired,
      keptFields: meeting ? [] : (['hours', 'score'] as const).filter((f) => !has(s.mapping, f)),
      rows: rows.map((r) => r.report),
      counts,
      headerCandidates,
      skippedRows,
    },
  };
}

/** The rows the plan refuses, with the file's own cells (for the rejected-rows sheet). */
export function rejectedSigninRows(store: Store, s: SigninSession): { header: string[]; rows: { rowNumber: number; cells: string[]; problems: Problem[] }[] } {
  const { rows } = planSignin(store, s);
  return { header: s.header, rows: rows.filter((r) => r.report.action === 'invalid').map((r) => ({ rowNumber: r.rowNumber, cells: s.table[r.rowNumber - 1] ?? [], problems: r.report.problems })) };
}

/** The planned rows in one transaction (re-planned against the store as it is now). */
export function commitSignin(store: Store, op: Operator, actor: Actor, s: SigninSession, skipInvalid: boolean): SigninResult {
  assertEduWriter(op);
  return store.tx(() => {
    const { preview, rows } = planSignin(store, s);
    if (preview.missingRequired.length) {
      throw new AppError('VALIDATION', 'err.edu.act.signin.missingColumns', { columns: preview.missingRequired.map((f) => signinFieldLabel(f)).join('、') });
    }
    if (preview.counts.invalid > 0 && !skipInvalid) {
      throw new AppError('VALIDATION', 'err.edu.act.signin.invalidRows', { count: preview.counts.invalid, invalidRows: rows.filter((r) => r.report.action === 'invalid').map((r) => r.rowNumber).slice(0, 100) });
    }
    const writes = rows.flatMap((r) => (r.write ? [r.write] : []));
    if (writes.length) writeAttendance(store, op, actor, s.activityId, writes, { replace: false, source: 'import' });
    return { created: preview.counts.create, updated: preview.counts.update, unchanged: preview.counts.unchanged, absent: preview.counts.absent, skipped: preview.counts.invalid };
  });
}
