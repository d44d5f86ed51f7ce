// The quarter's exam plan (本季度体检计划): the exams to BOOK by the quarter's end, for the clinic's booking and the
// workshops' notice — active workers only (who left is not booked: their missing exit exam stays an alert in the due
// list), one line per worker, exam and date with the factors it covers: pre-job exams missing, periodic exams, rechecks
// and women's exams due by the quarter's end (overdue ones included and marked), and the exit exam of an active worker
// whose every exposure has ended (a post change) without a 离岗时 exam since. A contraindication while still exposed
// is no exam to book but a post to change: it goes on the second sheet 需调岗 (for those who read exam results only).
import type { Store } from '../../db/store';
import { syncHealthDue, type DueAccess } from './due';

export type BookKind = 'pre_job' | 'periodic' | 'recheck' | 'women' | 'exit';
export const BOOK_KIND_CN: Record<BookKind, string> = { pre_job: '上岗前', periodic: '在岗期间', recheck: '复查', women: '女工体检', exit: '离岗时' };

export interface PlanLine {
  empNo: string;
  name: string;
  workshopName: string | null;
  teamName: string | null;
  post: string | null;
  kind: BookKind;
  /** the factors the exam covers, as the list shows them (、-joined); '' for a women's exam */
  factors: string;
  dueDate: string;
  /** days past the due date on today (> 0: overdue) */
  overdueDays: number;
  lastDate: string | null;
  /** recheck items; the women's screening */
  note: string;
}

export interface PostChangeLine {
  empNo: string;
  name: string;
  workshopName: string | null;
  teamName: string | null;
  post: string | null;
  factor: string;
  contraindication: string;
  examDate: string | null;
}

interface Filter {
  workshopId?: string | undefined;
  teamId?: string | undefined;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const parseIds = (s: string | null): string[] => {
  try {
    const v = JSON.parse(s ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

function place(f: Filter, params: Record<string, unknown>): string {
  if (f.workshopId) params.workshopId = f.workshopId;
  if (f.teamId) params.teamId = f.teamId;
  return `${f.workshopId ? 'AND w.workshop_id = :workshopId' : ''} ${f.teamId ? 'AND w.team_id = :teamId' : ''}`;
}

const WORKER_COLS = `w.emp_no, w.name, ws.name AS workshop_name, tm.name AS team_name, w.post`;
const WORKER_JOINS = `LEFT JOIN org_units ws ON ws.id = w.workshop_id LEFT JOIN org_units tm ON tm.id = w.team_id`;

interface ItemRow {
  worker_id: string;
  emp_no: string;
  name: string;
  workshop_name: string | null;
  team_name: string | null;
  post: string | null;
  kind: BookKind | 'contraindication';
  factor_id: string | null;
  due_date: string;
  last_date: string | null;
  detail: string | null;
  screening: number;
  exam_factor_ids: string | null;
}

/** The plan's lines (by due date, then 工号) and the 需调岗 lines, under the workshop/team filter, on `today`. */
export function quarterPlan(store: Store, f: Filter, to: string, today: string, access: DueAccess): { lines: PlanLine[]; postChanges: PostChangeLine[] } {
  syncHealthDue(store, today);
  const names = new Map(
    store.all<{ id: string; name: string; level_note: string | null }>(`SELECT id, name, level_note FROM health_factors`).map((r) => [r.id, r.level_note ? `${r.name}（${r.level_note}）` : r.name]),
  );
  const nameOf = (id: string) => names.get(id) ?? '';
  const params: Record<string, unknown> = { today, to };
  const kinds = access.conclusions ? `'pre_job', 'periodic', 'recheck', 'women', 'contraindication'` : `'pre_job', 'periodic', 'women'`;
  const items = store.all<ItemRow>(
    `SELECT d.worker_id, ${WORKER_COLS}, d.kind, d.factor_id, d.due_date, d.last_date, d.detail, d.screening, ex.factor_ids AS exam_factor_ids
     FROM health_due d JOIN workers w ON w.id = d.worker_id AND w.deleted_at IS NULL AND w.status = 'active'
     ${WORKER_JOINS}
     LEFT JOIN health_exams ex ON ex.id = d.ref_id AND d.kind = 'recheck'
     WHERE d.kind IN (${kinds}) AND (d.kind = 'contraindication' OR d.due_date <= :to) AND (d.until IS NULL OR d.until >= :today)
       ${place(f, params)}
     ORDER BY d.due_date, w.emp_no, d.rid`,
    params,
  );

  // one line per worker, exam kind and due date: a periodic exam for noise and dust due the same day is one booking
  const lines: PlanLine[] = [];
  const byKey = new Map<string, PlanLine>();
  const postChanges: PostChangeLine[] = [];
  for (const r of items) {
    if (r.kind === 'contraindication') {
      postChanges.push({
        empNo: r.emp_no,
        name: r.name,
        workshopName: r.workshop_name,
        teamName: r.team_name,
        post: r.post,
        factor: r.factor_id ? nameOf(r.factor_id) : '',
        contraindication: r.detail ?? '',
        examDate: r.last_date,
      });
      continue;
    }
    const factors = r.factor_id ? [nameOf(r.factor_id)] : parseIds(r.exam_factor_ids).map(nameOf).filter(Boolean);
    const key = `${r.worker_id}|${r.kind}|${r.due_date}`;
    const had = byKey.get(key);
    if (had) {
      for (const x of factors) if (!had.factors.split('、').includes(x)) had.factors = had.factors ? `${had.factors}、${x}` : x;
      if (had.lastDate === null || (r.last_date !== null && r.last_date < had.lastDate)) had.lastDate = r.last_date ?? had.lastDate;
      continue;
    }
    const line: PlanLine = {
      empNo: r.emp_no,
      name: r.name,
      workshopName: r.workshop_name,
      teamName: r.team_name,
      post: r.post,
      kind: r.kind,
      factors: factors.join('、'),
      dueDate: r.due_date,
      overdueDays: Math.max(0, daysBetween(r.due_date, today)),
      lastDate: r.last_date,
      note: [r.kind === 'recheck' ? (r.detail ? `复查项目：${r.detail}` : null) : r.detail, r.screening ? '含乳腺癌、宫颈癌筛查' : null].filter(Boolean).join('；'),
    };
    byKey.set(key, line);
    lines.push(line);
  }

  // exit exams of active workers moved off every exposed post: exposed (a factor still in the table), no exposure
  // current at the quarter's end, and no 离岗时 exam on or after the latest exposure's start; due on the last end date
  const exitParams: Record<string, unknown> = { to };
  const exits = store.all<{ emp_no: string; name: string; workshop_name: string | null; team_name: string | null; post: string | null; due: string; factor_ids: string }>(
    `SELECT ${WORKER_COLS}, x.due, x.factor_ids
     FROM (SELECT worker_id, max(end_date) AS due, max(start_date) AS latest, json_group_array(DISTINCT factor_id) AS factor_ids
           FROM health_exposures
           WHERE deleted_at IS NULL AND factor_id IN (SELECT id FROM health_factors WHERE deleted_at IS NULL)
           GROUP BY worker_id
           HAVING count(*) = count(end_date) AND max(end_date) <= :to) x
     JOIN workers w ON w.id = x.worker_id AND w.deleted_at IS NULL AND w.status = 'active'
     ${WORKER_JOINS}
     WHERE NOT EXISTS (SELECT 1 FROM health_exams e JOIN health_exam_batches b ON b.id = e.batch_id AND b.deleted_at IS NULL
                       WHERE e.worker_id = x.worker_id AND e.deleted_at IS NULL AND e.kind = 'exit' AND e.date >= x.latest)
       ${place(f, exitParams)}`,
    exitParams,
  );
  for (const r of exits) {
    lines.push({
      empNo: r.emp_no,
      name: r.name,
      workshopName: r.workshop_name,
      teamName: r.team_name,
      post: r.post,
      kind: 'exit',
      factors: parseIds(r.factor_ids).map(nameOf).filter(Boolean).join('、'),
      dueDate: r.due,
      overdueDays: Math.max(0, daysBetween(r.due, today)),
      lastDate: null,
      note: '已调离接触岗位',
    });
  }
  lines.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.empNo < b.empNo ? -1 : a.empNo > b.empNo ? 1 : 0));
  return { lines, postChanges };
}
