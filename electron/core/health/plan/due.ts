// The exam plan kept in health_due: planItems (shared/health/plan/rules.ts) per worker, rewritten for the workers a write
// touches (refreshHealthDue — the exposures, factors, settings and the exam services call it inside their transaction)
// or for everyone (rebuildHealthDue — the demo, a changed interval table, the women's settings). The due list reads it
// as one range on due_date with today applied in the query (the CASE below says what alertOf says).
import type { z } from 'zod';
import { HEALTH_DUE_SOON_DAYS, WOMEN_EXAM_DEFAULTS, WOMEN_EXAM_SETTING, type Conclusion, type ExamKind, type WomenExamSettings } from '../../../../shared/health/kinds';
import { addDays, examDues, exitNeeded, planItems, type PlanExam, type PlanExposure, type PlanWorker } from '../../../../shared/health/plan/rules';
import type { dueQuery } from '../../../../shared/health/plan/schemas';
import { ALERT_KINDS, type AlertKind, type DuePage, type DueRow, type ExitCheck } from '../../../../shared/health/plan/types';
import { localToday } from '../../../../shared/kernel/schemas';
import { CONCLUSION_PLAN_KINDS } from '../../../../shared/health/privacy';
import { AppError } from '../../../../shared/result';
import { getSetting } from '../../app/settings';
import { textHitsUpTo, textSearchIndex } from '../../db/fts';
import type { Store } from '../../db/store';

export const womenSettings = (store: Store): WomenExamSettings => ({ ...WOMEN_EXAM_DEFAULTS, ...getSetting<Partial<WomenExamSettings>>(store, WOMEN_EXAM_SETTING, {}) });

/** factor id → interval (months), the factors not deleted */
export function intervals(store: Store): Map<string, number> {
  return new Map(store.all<{ id: string; m: number }>(`SELECT id, interval_months AS m FROM health_factors WHERE deleted_at IS NULL`).map((r) => [r.id, r.m]));
}

interface ExamRow {
  id: string;
  worker_id: string;
  date: string;
  kind: ExamKind;
  factor_ids: string;
  conclusion: Conclusion;
  recheck_due: string | null;
  recheck_items: string | null;
  contraindication: string | null;
}
const EXAMS = `SELECT e.id, e.worker_id, e.date, e.kind, e.factor_ids, e.conclusion, e.recheck_due, e.recheck_items, e.contraindication
  FROM health_exams e JOIN health_exam_batches b ON b.id = e.batch_id AND b.deleted_at IS NULL
  WHERE e.deleted_at IS NULL`;
const EXPOSURES = `SELECT id, worker_id, factor_id, start_date, end_date FROM health_exposures WHERE deleted_at IS NULL`;
const WORKERS = `SELECT id, gender, hire_date, id_card, status, workshop_id, team_id FROM workers WHERE deleted_at IS NULL`;

function parseIds(s: string): string[] {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
const toExam = (r: ExamRow): PlanExam => ({
  id: r.id,
  date: r.date,
  kind: r.kind,
  factorIds: parseIds(r.factor_ids),
  conclusion: r.conclusion,
  recheckDue: r.recheck_due,
  recheckItems: r.recheck_items,
  contraindication: r.contraindication,
});

interface WorkerRow {
  id: string;
  gender: 'M' | 'F';
  hire_date: string | null;
  id_card: string | null;
  status: 'active' | 'left';
  workshop_id: string | null;
  team_id: string | null;
}

export interface WorkerPlanInput {
  worker: PlanWorker & { id: string; status: 'active' | 'left'; workshopId: string | null; teamId: string | null };
  exposures: PlanExposure[];
  exams: PlanExam[];
}

function push<T>(m: Map<string, T[]>, k: string, v: T) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Every worker's plan inputs in three passes (workerIds: only those workers). */
export function planInputs(store: Store, workerIds?: readonly string[]): Map<string, WorkerPlanInput> {
  const one = workerIds !== undefined;
  const ex = new Map<string, PlanExposure[]>();
  const xs = new Map<string, PlanExam[]>();
  const out = new Map<string, WorkerPlanInput>();
  // everyone: only the workers who can have a plan (women; anyone with an exposure or an exam) come into memory
  const ws = one
    ? workerIds.flatMap((id) => store.all<WorkerRow>(`${WORKERS} AND id = ?`, [id]))
    : store.all<WorkerRow>(
        `${WORKERS} AND (gender = 'F' OR EXISTS (SELECT 1 FROM health_exposures x WHERE x.worker_id = workers.id)
           OR EXISTS (SELECT 1 FROM health_exams e WHERE e.worker_id = workers.id))`,
      );
  const expos = one
    ? workerIds.flatMap((id) => store.all<{ id: string; worker_id: string; factor_id: string; start_date: string; end_date: string | null }>(`${EXPOSURES} AND worker_id = ?`, [id]))
    : store.all<{ id: string; worker_id: string; factor_id: string; start_date: string; end_date: string | null }>(EXPOSURES);
  for (const r of expos) push(ex, r.worker_id, { id: r.id, factorId: r.factor_id, start: r.start_date, end: r.end_date });
  const exams = one ? workerIds.flatMap((id) => store.all<ExamRow>(`${EXAMS} AND e.worker_id = ?`, [id])) : store.all<ExamRow>(EXAMS);
  for (const r of exams) push(xs, r.worker_id, toExam(r));
  for (const w of ws) {
    out.set(w.id, {
      worker: { id: w.id, gender: w.gender, hireDate: w.hire_date, idCard: w.id_card, status: w.status, workshopId: w.workshop_id, teamId: w.team_id },
      exposures: ex.get(w.id) ?? [],
      exams: xs.get(w.id) ?? [],
    });
  }
  return out;
}

/**
 * Writes the items that can show in the due list: an active worker's (but the exit exam), and the exit exam of a worker
 * who left (alertOf: nothing else of theirs shows), with the worker's place for the filters; and, while the year dues
 * are kept (`dueUntil`: their span), every exam falling due for the worker up to it (examDues; women's exams for active
 * women only).
 */
function writeItems(store: Store, inputs: Map<string, WorkerPlanInput>, today: string, dueUntil = yearDuesSpan(store)): number {
  const iv = intervals(store);
  const women = womenSettings(store);
  const ins = store.stmt(
    `INSERT INTO health_due (worker_id, workshop_id, team_id, kind, factor_id, due_date, last_date, until, ref_id, detail, screening) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insDue = store.stmt(`INSERT INTO health_year_dues (worker_id, due, met, women) VALUES (?, ?, ?, ?)`);
  let n = 0;
  for (const p of inputs.values()) {
    const w = p.worker;
    // men without exposures or exams have no plan: skip the work
    if (w.gender === 'M' && p.exposures.length === 0 && p.exams.length === 0) continue;
    if (dueUntil !== null) {
      const activeWoman = w.gender === 'F' && w.status === 'active';
      for (const d of examDues(w, p.exposures, p.exams, iv, activeWoman ? women : null, dueUntil)) insDue.run(w.id, d.due, d.met, d.women ? 1 : 0);
    }
    if (w.status === 'left' && p.exposures.length === 0) continue;
    for (const it of planItems(w, p.exposures, p.exams, iv, women, today)) {
      if ((it.kind === 'exit') !== (w.status === 'left')) continue;
      ins.run(w.id, w.workshopId, w.teamId, it.kind, it.factorId, it.dueDate, it.lastDate, it.until, it.refId, it.detail, it.screening ? 1 : 0);
      n++;
    }
  }
  return n;
}

/** How far the year dues are written (null: not built yet — the first read of a year's figures builds them). */
export function yearDuesSpan(store: Store): string | null {
  return store.get<{ until: string }>(`SELECT until FROM health_year_dues_span WHERE id = 1`)?.until ?? null;
}

/** Rewrites these workers' plan and year dues (call inside the transaction of the write that touched them). */
export function refreshHealthDue(store: Store, workerIds: Iterable<string>, today = localToday()): void {
  const ids = [...new Set(workerIds)];
  if (ids.length === 0) return;
  const del = store.stmt(`DELETE FROM health_due WHERE worker_id = ?`);
  const delDues = store.stmt(`DELETE FROM health_year_dues WHERE worker_id = ?`);
  const fresh = store.stmt(`DELETE FROM health_due_stale WHERE worker_id = ?`);
  for (const id of ids) {
    del.run(id);
    delDues.run(id);
    fresh.run(id);
  }
  writeItems(store, planInputs(store, ids), today);
}

/** The year dues are written up to the end of the year after `day`'s. */
const spanFor = (day: string) => `${Number(day.slice(0, 4)) + 1}-12-31`;
const maxDay = (a: string, b: string | null) => (b !== null && b > a ? b : a);

/**
 * Rewrites everyone's plan and year dues (the demo, a changed interval table or women's setting, a read of the year
 * dues past their span: `asOf`); returns the items.
 */
export function rebuildHealthDue(store: Store, today = localToday(), asOf = today): number {
  return store.tx(() => {
    const until = maxDay(spanFor(asOf > today ? asOf : today), yearDuesSpan(store));
    store.run(`DELETE FROM health_due`);
    store.run(`DELETE FROM health_due_stale`);
    store.run(`DELETE FROM health_year_dues`);
    store.run(`INSERT OR REPLACE INTO health_year_dues_span (id, until) VALUES (1, ?)`, [until]);
    return writeItems(store, planInputs(store), today, until);
  });
}

/**
 * The year dues brought up to date for a read as of `asOf`: the roster's pending changes first (syncHealthDue); if
 * they were never built (a store from before v20) or stop before `asOf`, everyone's are written again.
 */
export function ensureYearDues(store: Store, asOf: string, today = localToday()): void {
  syncHealthDue(store, today);
  const span = yearDuesSpan(store);
  if (span === null || span < asOf) rebuildHealthDue(store, today, asOf);
}

/** Above this many workers written by the roster since, a sync rebuilds everyone's plan in one pass. */
const SYNC_REBUILD_ABOVE = 2000;

/** Refreshes the plan of the workers the roster wrote since (health_due_stale, filled by triggers on workers). */
export function syncHealthDue(store: Store, today = localToday()): void {
  const n = store.get<{ n: number }>(`SELECT count(*) AS n FROM health_due_stale`)!.n;
  if (n === 0) return;
  if (n > SYNC_REBUILD_ABOVE) {
    rebuildHealthDue(store, today);
    return;
  }
  store.tx(() => refreshHealthDue(store, store.all<{ w: string }>(`SELECT worker_id AS w FROM health_due_stale`).map((r) => r.w), today));
}

// alertOf in SQL, for the rows health_due holds (only what can show): the kind of alert on :today.
const ALERT_SQL = `CASE WHEN d.kind IN ('exit', 'contraindication', 'pre_job') THEN d.kind
    WHEN d.due_date < :today THEN d.kind || '_overdue' ELSE d.kind || '_due' END`;

interface DueSqlRow {
  worker_id: string;
  emp_no: string;
  name: string;
  gender: 'M' | 'F';
  workshop_name: string | null;
  team_name: string | null;
  post: string | null;
  alert: AlertKind;
  factor_id: string | null;
  factor_name: string | null;
  level_note: string | null;
  due_date: string;
  last_date: string | null;
  detail: string | null;
  screening: number;
  batch_id: string | null;
  exam_factor_ids: string | null;
}

interface DueFilter {
  workshopId?: string | undefined;
  teamId?: string | undefined;
  search?: string | null;
  /** the text index the search reads (searchIndex; unset: the list's rows are tested) */
  searchTable?: string | undefined;
  kind?: AlertKind | undefined;
  /** false: the items that follow from an exam's conclusion (recheck, contraindication) are left out (shared/health/privacy.ts) */
  conclusions?: boolean;
}

/** Whether the due list's reader sees the conclusion-based alerts (the handlers pass readsHealthResults(operator)). */
export interface DueAccess {
  conclusions: boolean;
}
const FULL: DueAccess = { conclusions: true };

/** The rows showing on :today (due by :bound, exposure not ended) under the filter: a WHERE on health_due d. */
function whereSql(f: DueFilter): string {
  const k = f.kind;
  const kind = !k
    ? ''
    : k === 'exit' || k === 'contraindication' || k === 'pre_job'
      ? `AND d.kind = '${k}'`
      : k.endsWith('_overdue')
        ? `AND d.kind = '${k.slice(0, -'_overdue'.length)}' AND d.due_date < :today`
        : `AND d.kind = '${k.slice(0, -'_due'.length)}' AND d.due_date >= :today`;
  const hidden = f.conclusions === false ? `AND d.kind NOT IN (${CONCLUSION_PLAN_KINDS.map((k) => `'${k}'`).join(', ')})` : '';
  return `WHERE d.due_date <= :bound AND (d.until IS NULL OR d.until >= :today) ${kind} ${hidden}
      ${f.workshopId ? 'AND d.workshop_id = :workshopId' : ''}
      ${f.teamId ? 'AND d.team_id = :teamId' : ''}
      ${f.search ? searchSql(f) : ''}`;
}

/**
 * The search: a substring of the worker's name or 工号 (:search, lower-cased). A term the roster's text indexes hold
 * on few workers (trigram for 3+ characters, the character/pair index for 1–2 letters or digits: both hold every row
 * the substring test holds) finds them there (:searchPhrase) and the test keeps exactly those; a common term (a
 * surname like 王), or one neither index answers (punctuation), is tested on the list's own rows — the plan's items
 * in the window, bounded by the list, not by the roster.
 */
function searchSql(f: DueFilter): string {
  const match = '(instr(lower(w.name), :search) > 0 OR instr(lower(w.emp_no), :search) > 0)';
  if (f.searchTable) {
    return `AND d.worker_id IN (SELECT w.id FROM workers w WHERE w.rid IN (SELECT rowid FROM ${f.searchTable} WHERE ${f.searchTable} MATCH :searchPhrase) AND w.deleted_at IS NULL AND ${match})`;
  }
  return `AND EXISTS (SELECT 1 FROM workers w WHERE w.id = d.worker_id AND w.deleted_at IS NULL AND ${match})`;
}
const WORKER_TEXT = { fts: 'workers_fts', grams: 'workers_grams' };
/** Up to this many workers holding the term, the text index drives the search; more: the list's rows are tested. */
const SEARCH_INDEX_UP_TO = 5000;
/** The text index and phrase for a term held by few workers (null: test the list's rows). */
function searchIndex(store: Store, search: string): { table: string; phrase: string } | null {
  const idx = textSearchIndex(search, WORKER_TEXT);
  if (!idx) return null;
  const hits = textHitsUpTo(idx, SEARCH_INDEX_UP_TO);
  return store.get<{ n: number }>(hits.sql, hits.params)!.n < SEARCH_INDEX_UP_TO ? idx : null;
}

const daysTo = (today: string, d: string) => Math.round((Date.parse(d) - Date.parse(today)) / 86_400_000);
const factorText = (name: string, level: string | null) => (level ? `${name}（${level}）` : name);
/** factor id → its name as the list shows it (deleted ones too: an exam may cover one) */
const factorNames = (store: Store) =>
  new Map(store.all<{ id: string; name: string; level_note: string | null }>(`SELECT id, name, level_note FROM health_factors`).map((f) => [f.id, factorText(f.name, f.level_note)]));
/** A recheck has no factor of its own: it shows the factors its exam covered. */
function examFactors(rows: readonly DueSqlRow[], store: Store): (r: DueSqlRow) => string | null {
  const need = rows.some((r) => r.factor_id === null && r.exam_factor_ids);
  const names = need ? factorNames(store) : new Map<string, string>();
  return (r) => {
    if (r.factor_id !== null || !r.exam_factor_ids) return null;
    const list = parseIds(r.exam_factor_ids)
      .map((id) => names.get(id))
      .filter((n): n is string => n !== undefined);
    return list.length > 0 ? list.join('、') : null;
  };
}
const toDue = (r: DueSqlRow, today: string, examFactorText: string | null = null): DueRow => ({
  workerId: r.worker_id,
  empNo: r.emp_no,
  name: r.name,
  gender: r.gender,
  workshopName: r.workshop_name,
  teamName: r.team_name,
  post: r.post,
  alert: r.alert,
  factorId: r.factor_id,
  factorName: r.factor_name === null ? examFactorText : factorText(r.factor_name, r.level_note),
  dueDate: r.due_date,
  lastDate: r.last_date,
  detail: r.detail,
  screening: r.screening === 1,
  days: daysTo(today, r.due_date),
  batchId: r.batch_id,
});

/** The page's rows (rids chosen on the index first, then the workers and names of those alone). */
function dueRows(store: Store, f: DueFilter, params: Record<string, unknown>, today: string, limit: number, offset: number, alertSql = ALERT_SQL): DueRow[] {
  const rows = store.all<DueSqlRow>(
      `WITH page AS (SELECT d.rid FROM health_due d ${whereSql(f)} ORDER BY d.due_date, d.rid LIMIT :limit OFFSET :offset)
       SELECT d.worker_id, w.emp_no, w.name, w.gender, ws.name AS workshop_name, tm.name AS team_name, w.post, ${alertSql} AS alert,
         d.factor_id, fa.name AS factor_name, fa.level_note, d.due_date, d.last_date, d.detail, d.screening,
         ex.batch_id, ex.factor_ids AS exam_factor_ids
       FROM page JOIN health_due d ON d.rid = page.rid
       JOIN workers w ON w.id = d.worker_id
       LEFT JOIN org_units ws ON ws.id = w.workshop_id
       LEFT JOIN org_units tm ON tm.id = w.team_id
       LEFT JOIN health_factors fa ON fa.id = d.factor_id
       -- the exam the item counts from (a pre-job item's ref is its exposure)
       LEFT JOIN health_exams ex ON ex.id = d.ref_id AND d.kind <> 'pre_job'
       ORDER BY d.due_date, d.rid`,
    { ...params, limit, offset },
  );
  const examFactorText = examFactors(rows, store);
  const exitText = exitFactors(rows, store);
  return rows.map((r) => toDue(r, today, r.alert === 'exit' ? (exitText.get(r.worker_id) ?? null) : examFactorText(r)));
}

/** An exit item has no factor of its own: it shows the factors the worker was exposed to (the exit exam covers them). */
function exitFactors(rows: readonly DueSqlRow[], store: Store): Map<string, string> {
  const ids = [...new Set(rows.filter((r) => r.alert === 'exit').map((r) => r.worker_id))];
  const out = new Map<string, string[]>();
  if (ids.length === 0) return new Map();
  const q = store.stmt(
    `SELECT DISTINCT f.name, f.level_note, f.sort_order FROM health_exposures x JOIN health_factors f ON f.id = x.factor_id
     WHERE x.worker_id = ? AND x.deleted_at IS NULL AND f.deleted_at IS NULL ORDER BY f.sort_order`,
  );
  for (const id of ids) out.set(id, (q.all(id) as { name: string; level_note: string | null }[]).map((f) => factorText(f.name, f.level_note)));
  return new Map([...out].filter(([, names]) => names.length > 0).map(([id, names]) => [id, names.join('、')]));
}

/**
 * The due list on `today`: rows by due date (overdue first), and the count of every alert kind under the same filter.
 * Without `access.conclusions` the conclusion-based kinds are neither listed nor counted (their counts say 0) and the
 * page says `restricted`.
 */
export function dueList(store: Store, q: z.output<typeof dueQuery>, today = localToday(), access: DueAccess = FULL): DuePage {
  syncHealthDue(store, today);
  const soon = addDays(today, HEALTH_DUE_SOON_DAYS);
  const search = q.search?.toLowerCase() ?? null;
  const idx = search ? searchIndex(store, search) : null;
  const f: DueFilter = { workshopId: q.workshopId, teamId: q.teamId, search, searchTable: idx?.table, conclusions: access.conclusions };
  const params: Record<string, unknown> = { today, bound: soon };
  if (q.workshopId) params.workshopId = q.workshopId;
  if (q.teamId) params.teamId = q.teamId;
  if (search) params.search = search;
  if (idx) params.searchPhrase = idx.phrase;
  const counts = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as Record<AlertKind, number>;
  for (const c of store.all<{ alert: AlertKind; n: number }>(`SELECT ${ALERT_SQL} AS alert, count(*) AS n FROM health_due d ${whereSql(f)} GROUP BY 1`, params)) counts[c.alert] = c.n;
  const total = q.kind ? counts[q.kind] : Object.values(counts).reduce((s, n) => s + n, 0);
  const rows = dueRows(store, { ...f, kind: q.kind }, params, today, q.pageSize, (q.page - 1) * q.pageSize);
  return { today, rows, total, counts, restricted: !access.conclusions };
}

/** Everything alerted or due up to `to` (the quarter's end) — the xlsx — by due date. */
export function dueUntil(
  store: Store,
  f: { workshopId?: string | undefined; teamId?: string | undefined },
  to: string,
  today = localToday(),
  access: DueAccess = FULL,
): DueRow[] {
  syncHealthDue(store, today);
  const soon = addDays(today, HEALTH_DUE_SOON_DAYS);
  const params: Record<string, unknown> = { today, bound: to > soon ? to : soon };
  if (f.workshopId) params.workshopId = f.workshopId;
  if (f.teamId) params.teamId = f.teamId;
  // an item due by the quarter's end but beyond the soon window is listed as due (kind_due)
  return dueRows(store, { ...f, conclusions: access.conclusions }, params, today, -1, 0);
}

/** Whether leaving needs an exit exam (the roster asks before saving 离职). */
export function exitCheck(store: Store, workerId: string): ExitCheck {
  if (!store.get(`SELECT 1 FROM workers WHERE id = ? AND deleted_at IS NULL`, [workerId])) {
    throw new AppError('NOT_FOUND', 'err.worker.notFound', { id: workerId, issues: [{ path: 'workerId', message: 'v.invalid' }] });
  }
  const p = planInputs(store, [workerId]).get(workerId)!;
  const live = new Set(intervals(store).keys());
  const exposures = p.exposures.filter((x) => live.has(x.factorId));
  const needed = exitNeeded(exposures, p.exams);
  const exits = p.exams.filter((e) => e.kind === 'exit').map((e) => e.date).sort();
  const names = needed
    ? store
        .all<{ name: string; level_note: string | null }>(
          `SELECT DISTINCT f.name, f.level_note FROM health_exposures x JOIN health_factors f ON f.id = x.factor_id
           WHERE x.worker_id = ? AND x.deleted_at IS NULL AND f.deleted_at IS NULL ORDER BY f.sort_order`,
          [workerId],
        )
        .map((f) => (f.level_note ? `${f.name}（${f.level_note}）` : f.name))
    : [];
  return { workerId, needed, factorNames: names, lastExitExam: exits.at(-1) ?? null };
}
