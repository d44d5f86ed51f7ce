// The health module's year in figures for the subsidy scorecard and dossier (shared/subsidy/facts.ts). Owned by the
// health plan area; the certificates part by the certificates area (certificateFacts in ./certs/facts.ts).
// Aggregated in SQL, a few grouped passes over the exposures and exams on their indexes: no per-worker query and no
// worker in memory, fast at 50,000 workers. The SQL says what the plan's pure rules say (shared/health/plan/rules.ts
// yearDues for the exams due, planItems + alertOf for a past year's contraindications) — tests/db/healthYearFacts.test.ts
// compares it with those rules worker by worker on a varied store.
import { CONCLUSIONS, type Conclusion } from '../../../shared/health/kinds';
import type { HealthYearFacts } from '../../../shared/subsidy/facts';
import type { Store } from '../db/store';
import { certificateFacts } from './certs/facts';
import { syncHealthDue, womenSettings } from './plan/due';

/** addMonths (shared/health/plan/rules.ts) in SQL: the 31st of a shorter month becomes its last day. */
const addMonthsSql = (d: string, n: string) =>
  `(CASE WHEN strftime('%d', date(${d}, '+' || ${n} || ' months')) = strftime('%d', ${d}) THEN date(${d}, '+' || ${n} || ' months')
     ELSE date(${d}, '+' || ${n} || ' months', 'start of month', '-1 day') END)`;

// A live exam: neither it nor its batch deleted; of a worker on the roster.
const liveExam = (e: string) => `${e}.deleted_at IS NULL AND ${e}.batch_id NOT IN (SELECT id FROM health_exam_batches WHERE deleted_at IS NOT NULL)`;
const onRoster = (col: string) => `${col} NOT IN (SELECT id FROM workers WHERE deleted_at IS NOT NULL)`;
// the exposures during the year of workers on the roster, to factors in the interval table
const EXPOSURES = `SELECT x.worker_id AS w, x.factor_id AS f, fa.interval_months AS m, x.start_date AS s, x.end_date AS e
  FROM health_exposures x JOIN health_factors fa ON fa.id = x.factor_id AND fa.deleted_at IS NULL
  WHERE x.deleted_at IS NULL AND x.start_date <= :to AND (x.end_date IS NULL OR x.end_date >= :from) AND ${onRoster('x.worker_id')}`;
// per factor a worker was exposed to during the year, the worker's exams covering it by asOf (on the index by worker;
// factor_ids a JSON array of ids — what is not one covers nothing, like planInputs' parseIds)
const COVERS = `SELECT wf.w, wf.f, e.date AS d, e.kind, e.conclusion
  FROM (SELECT DISTINCT w, f FROM xp) wf JOIN health_exams e ON e.worker_id = wf.w
  WHERE e.date <= :asOf AND ${liveExam('e')}
    AND CASE WHEN instr(e.factor_ids, '"' || wf.f || '"') = 0 THEN 0 WHEN json_valid(e.factor_ids) THEN json_type(e.factor_ids) = 'array' ELSE 0 END`;
const CTES = `WITH xp AS MATERIALIZED (${EXPOSURES}), cov AS MATERIALIZED (${COVERS})`;

/**
 * yearDues summed over the workers: every exam due in [from, to] by asOf with the date it was met (null: not yet).
 * - pre-job: each exposure starting in the year; met at its start by a 上岗前 exam covering the factor on or before it,
 *   else by the first counting exam after the start;
 * - periodic: each counting exam during an exposure + k × the factor's interval (k ≥ 1: only the k whose month falls in
 *   the year, as below), met by the next counting exam (a later date): the first always, the later ones up to that exam;
 *   with no counting exam on or before an exposure's start, its start + k × the interval (k ≥ 1: only the k whose month
 *   falls in the year — a months count a from the start's month to January, k × m in [a, a + 11]) up to the first
 *   counting exam after the start, which meets them;
 * - women (active women): each 妇科/两癌 exam + the interval, met by the next; none on record: the hire date + the interval.
 */
const DUES = `cnt AS MATERIALIZED (SELECT w, f, d, k, lead(d) OVER (PARTITION BY w, f ORDER BY d) AS nxt
    FROM (SELECT w, f, d, count(*) AS k FROM cov WHERE kind IN ('pre_job', 'periodic', 'emergency') GROUP BY w, f, d)),
  fst AS MATERIALIZED (SELECT w, f, min(d) AS d FROM cnt GROUP BY w, f),
  seq (j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM seq WHERE j < 14),
  unchained AS MATERIALIZED (SELECT s, e, m, d1, max(1, (a + m - 1) / m) AS k0, (a + 11) / m AS k1
    FROM (SELECT xp.s, xp.e, xp.m, fst.d AS d1,
        (CAST(substr(:from, 1, 4) AS INTEGER) - CAST(substr(xp.s, 1, 4) AS INTEGER)) * 12 + 1 - CAST(substr(xp.s, 6, 2) AS INTEGER) AS a
      FROM xp LEFT JOIN fst ON fst.w = xp.w AND fst.f = xp.f
      WHERE xp.s <= :asOf AND (fst.d IS NULL OR (fst.d > xp.s AND fst.d >= :from)))),
  chained AS MATERIALIZED (SELECT d, nxt, n, m, til, max(1, (a + m - 1) / m) AS k0, (a + 11) / m AS k1
    FROM (SELECT c.d, c.nxt, c.k AS n, xp.m, coalesce(xp.e, :to) AS til,
        (CAST(substr(:from, 1, 4) AS INTEGER) - CAST(substr(c.d, 1, 4) AS INTEGER)) * 12 + 1 - CAST(substr(c.d, 6, 2) AS INTEGER) AS a
      FROM xp JOIN cnt c ON c.w = xp.w AND c.f = xp.f
      WHERE c.d <= coalesce(xp.e, :to) AND (c.nxt IS NULL OR c.nxt >= :from OR c.d >= date(:from, '-' || xp.m || ' months')))),
  women AS MATERIALIZED (SELECT id, hire_date FROM workers WHERE deleted_at IS NULL AND status = 'active' AND gender = 'F'),
  wex AS (SELECT d, k, lead(d) OVER (PARTITION BY w ORDER BY d) AS nxt
    FROM (SELECT e.worker_id AS w, e.date AS d, count(*) AS k FROM health_exams e
      WHERE e.kind = 'women' AND ${liveExam('e')} AND e.worker_id IN (SELECT id FROM women) GROUP BY 1, 2)),
  dues (due, met, isw, k) AS (
    SELECT xp.s, CASE WHEN EXISTS (SELECT 1 FROM cov c WHERE c.w = xp.w AND c.f = xp.f AND c.kind = 'pre_job' AND c.d <= xp.s) THEN xp.s
        ELSE (SELECT min(c.d) FROM cnt c WHERE c.w = xp.w AND c.f = xp.f AND c.d > xp.s) END, 0, 1
      FROM xp WHERE xp.s >= :from AND xp.s <= :asOf
    UNION ALL
    SELECT due, nxt, 0, n FROM (SELECT ${addMonthsSql('ch.d', '((ch.k0 + seq.j) * ch.m)')} AS due, ch.nxt, ch.n, ch.til, ch.k0 + seq.j AS kk
      FROM chained ch JOIN seq ON seq.j <= ch.k1 - ch.k0) WHERE due <= til AND (kk = 1 OR nxt IS NULL OR due <= nxt)
    UNION ALL
    SELECT due, d1, 0, 1 FROM (SELECT ${addMonthsSql('un.s', '((un.k0 + seq.j) * un.m)')} AS due, un.d1, coalesce(un.e, :to) AS til
      FROM unchained un JOIN seq ON seq.j <= un.k1 - un.k0) WHERE due <= til AND (d1 IS NULL OR due <= d1)
    UNION ALL
    SELECT ${addMonthsSql('d', ':wm')}, nxt, 1, k FROM wex
    UNION ALL
    SELECT ${addMonthsSql('w.hire_date', ':wm')}, NULL, 1, 1 FROM women w
      WHERE w.hire_date IS NOT NULL AND w.id NOT IN (SELECT e.worker_id FROM health_exams e WHERE e.kind = 'women' AND ${liveExam('e')}))`;
const DUE_COUNTS = `SELECT coalesce(sum(k), 0) AS due, coalesce(sum(k * (met <= due)), 0) AS onTime, coalesce(sum(k * (met > due AND met <= :asOf)), 0) AS late,
    coalesce(sum(k * isw), 0) AS womenDue, coalesce(sum(k * (isw AND met <= due)), 0) AS womenOnTime
  FROM dues WHERE due >= :from AND due <= :to AND due <= :asOf`;
/** the exams held in the year by conclusion (a JSON object); the rechecks due by asOf with no later exam */
const BY_CONCLUSION = `SELECT json_group_object(conclusion, n) FROM (SELECT e.conclusion, count(*) AS n FROM health_exams e
  WHERE e.date >= :from AND e.date <= :to AND ${liveExam('e')} AND ${onRoster('e.worker_id')} GROUP BY e.conclusion)`;
const RECHECKS_MISSED = `SELECT count(*) FROM health_exams r
  WHERE r.conclusion = 'recheck' AND r.recheck_due IS NOT NULL AND r.recheck_due >= :from AND r.recheck_due <= :asOf AND ${liveExam('r')} AND ${onRoster('r.worker_id')}
    AND NOT EXISTS (SELECT 1 FROM health_exams n WHERE n.worker_id = r.worker_id AND n.date > r.date AND n.date <= :asOf AND ${liveExam('n')})`;
/**
 * A past year, judged at its end (planItems + alertOf): active workers exposed then, to a factor whose latest exam by
 * then (any kind) says 职业禁忌证, with that exposure still open at the year's end.
 */
const CONTRA_AT_END = `SELECT count(DISTINCT xp.w) FROM xp JOIN workers wk ON wk.id = xp.w AND wk.status = 'active'
  WHERE xp.s <= :asOf AND (xp.e IS NULL OR xp.e >= :asOf)
    AND EXISTS (SELECT 1 FROM cov c WHERE c.w = xp.w AND c.f = xp.f AND c.conclusion = 'contraindication'
      AND c.d = (SELECT max(c2.d) FROM cov c2 WHERE c2.w = xp.w AND c2.f = xp.f AND c2.d <= :asOf))`;
/** everything in one statement, so the exams and exposures are read once (contra: a past year's contraindications) */
const factsSql = (contra: boolean) => `${CTES}, ${DUES}
  SELECT t.*, (SELECT count(DISTINCT w) FROM xp) AS exposed, (${BY_CONCLUSION}) AS conclusions, (${RECHECKS_MISSED}) AS rechecksMissed,
    ${contra ? `(${CONTRA_AT_END})` : '0'} AS contra
  FROM (${DUE_COUNTS}) t`;
interface FactsRow {
  due: number;
  onTime: number;
  late: number;
  womenDue: number;
  womenOnTime: number;
  exposed: number;
  conclusions: string;
  rechecksMissed: number;
  contra: number;
}

/**
 * The figures last computed per store, year and day, with the store's write stamp then: total_changes() moves with
 * every write of this connection (the app's one store), data_version with another connection's commit — so a repeated
 * read (the scorecard, then the dossier) reuses them until anything is written, and never sees stale figures.
 */
const computed = new WeakMap<Store, Map<string, { stamp: string; facts: HealthYearFacts }>>();
const writeStamp = (store: Store) => {
  const v = store.get<{ v: number; c: number }>('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c')!;
  return `${v.v}:${v.c}`;
};

/** The year's health figures; `today` ends the current year's count (ISO date). Must read fast at 50,000 workers. */
export function healthYearFacts(store: Store, year: number, today: string): HealthYearFacts {
  // the current year reads the plan: bring it up to date first (a write of its own, before the stamp)
  if (today >= `${year}-01-01` && today <= `${year}-12-31`) syncHealthDue(store, today);
  const stamp = writeStamp(store);
  const key = `${year}|${today}`;
  let byKey = computed.get(store);
  const hit = byKey?.get(key);
  if (hit && hit.stamp === stamp) return structuredClone(hit.facts);
  const facts = computeFacts(store, year, today);
  if (!byKey) computed.set(store, (byKey = new Map()));
  if (byKey.size > 16) byKey.clear();
  byKey.set(key, { stamp, facts: structuredClone(facts) });
  return facts;
}

function computeFacts(store: Store, year: number, today: string): HealthYearFacts {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const asOf = today < to ? today : to;
  const f: HealthYearFacts = {
    year,
    exposedWorkers: 0,
    examsDue: 0,
    examsOnTime: 0,
    examsLate: 0,
    examsMissing: 0,
    womenDue: 0,
    womenOnTime: 0,
    conclusions: Object.fromEntries(CONCLUSIONS.map((c) => [c, 0])) as Record<Conclusion, number>,
    contraindicationsInPost: 0,
    rechecksMissed: 0,
    certificates: certificateFacts(store, year, today),
  };
  if (asOf < from) return f;
  // this year: the contraindications the due list shows today; a past year: judged at its end by the plan's rules
  const current = asOf === today;
  const r = store.get<FactsRow>(factsSql(!current), { from, to, asOf, wm: womenSettings(store).intervalMonths })!;
  f.exposedWorkers = r.exposed;
  for (const [c, n] of Object.entries(JSON.parse(r.conclusions) as Record<Conclusion, number>)) f.conclusions[c as Conclusion] = n;
  f.examsDue = r.due;
  f.examsOnTime = r.onTime;
  f.examsLate = r.late;
  f.examsMissing = r.due - r.onTime - r.late;
  f.womenDue = r.womenDue;
  f.womenOnTime = r.womenOnTime;
  f.rechecksMissed = r.rechecksMissed;
  f.contraindicationsInPost = r.contra;
  if (current) {
    syncHealthDue(store, today);
    f.contraindicationsInPost = store.get<{ n: number }>(
      `SELECT count(DISTINCT worker_id) AS n FROM health_due WHERE kind = 'contraindication' AND (until IS NULL OR until >= ?)`,
      [today],
    )!.n;
  }
  return f;
}
