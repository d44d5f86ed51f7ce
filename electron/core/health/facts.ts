// The health module's year in figures for the subsidy scorecard and dossier (shared/subsidy/facts.ts). Owned by the
// health plan area; the certificates part by the certificates area (certificateFacts in ./certs/facts.ts).
// Fast at 50,000 workers without holding a worker in memory: the exams due come from health_year_dues (every due
// per worker with the date it was met — examDues of shared/health/plan/rules.ts, kept current by the plan's refreshes
// in ./plan/due.ts), judged as yearDues judges them in one range on the due date; the rest are grouped passes on
// indexes. tests/db/healthYearFacts.test.ts compares the result with the plan's rules worker by worker on a varied store.
import { CONCLUSIONS, type Conclusion } from '../../../shared/health/kinds';
import type { HealthYearFacts } from '../../../shared/subsidy/facts';
import type { Store } from '../db/store';
import { certificateFacts } from './certs/facts';
import { ensureYearDues } from './plan/due';

// A live exam: neither it nor its batch deleted; of a worker on the roster.
const liveExam = (e: string) => `${e}.deleted_at IS NULL AND ${e}.batch_id NOT IN (SELECT id FROM health_exam_batches WHERE deleted_at IS NOT NULL)`;
const onRoster = (col: string) => `${col} NOT IN (SELECT id FROM workers WHERE deleted_at IS NOT NULL)`;
/** an exam's factor ids as a JSON array (what is not one covers nothing, like planInputs' parseIds) */
const factorArray = (e: string) => `CASE WHEN json_valid(${e}.factor_ids) AND json_type(${e}.factor_ids) = 'array' THEN ${e}.factor_ids ELSE '[]' END`;

/** the dues in the year by asOf and how they were met (judgeDues in SQL) */
const DUE_COUNTS = `SELECT count(*) AS due, coalesce(sum(met <= due), 0) AS onTime, coalesce(sum(met > due AND met <= :asOf), 0) AS late,
    coalesce(sum(women), 0) AS womenDue, coalesce(sum(women AND met <= due), 0) AS womenOnTime
  FROM health_year_dues WHERE due >= :from AND due <= :to AND due <= :asOf`;
/** workers on the roster exposed during the year to a factor in the interval table */
const EXPOSED = `SELECT count(DISTINCT x.worker_id) FROM health_exposures x JOIN health_factors fa ON fa.id = x.factor_id AND fa.deleted_at IS NULL
  WHERE x.deleted_at IS NULL AND x.start_date <= :to AND (x.end_date IS NULL OR x.end_date >= :from) AND ${onRoster('x.worker_id')}`;
/** the exams held in the year by conclusion (a JSON object); the rechecks due by asOf with no later exam */
const BY_CONCLUSION = `SELECT json_group_object(conclusion, n) FROM (SELECT e.conclusion, count(*) AS n FROM health_exams e
  WHERE e.date >= :from AND e.date <= :to AND ${liveExam('e')} AND ${onRoster('e.worker_id')} GROUP BY e.conclusion)`;
const RECHECKS_MISSED = `SELECT count(*) FROM health_exams r
  WHERE r.conclusion = 'recheck' AND r.recheck_due IS NOT NULL AND r.recheck_due >= :from AND r.recheck_due <= :asOf AND ${liveExam('r')} AND ${onRoster('r.worker_id')}
    AND NOT EXISTS (SELECT 1 FROM health_exams n WHERE n.worker_id = r.worker_id AND n.date > r.date AND n.date <= :asOf AND ${liveExam('n')})`;
/**
 * A past year, judged at its end (planItems + alertOf): active workers exposed then, to a factor whose latest exam by
 * then (any kind) says 职业禁忌证 — a 职业禁忌证 exam covering the factor with no later exam covering it — with that
 * exposure still open at the year's end. Starts from the (few) contraindication exams.
 */
const CONTRA_AT_END = `SELECT count(DISTINCT e.worker_id) FROM health_exams e
  JOIN json_each(${factorArray('e')}) f ON f.type = 'text'
  JOIN workers wk ON wk.id = e.worker_id AND wk.deleted_at IS NULL AND wk.status = 'active'
  WHERE e.conclusion = 'contraindication' AND e.date <= :asOf AND ${liveExam('e')}
    AND EXISTS (SELECT 1 FROM health_exposures x JOIN health_factors fa ON fa.id = x.factor_id AND fa.deleted_at IS NULL
      WHERE x.worker_id = e.worker_id AND x.factor_id = f.value AND x.deleted_at IS NULL AND x.start_date <= :asOf AND (x.end_date IS NULL OR x.end_date >= :asOf))
    AND NOT EXISTS (SELECT 1 FROM health_exams n JOIN json_each(${factorArray('n')}) g ON g.type = 'text' AND g.value = f.value
      WHERE n.worker_id = e.worker_id AND n.date > e.date AND n.date <= :asOf AND ${liveExam('n')})`;
/** everything in one statement (contra: a past year's contraindications) */
const factsSql = (contra: boolean) => `SELECT t.*, (${EXPOSED}) AS exposed, (${BY_CONCLUSION}) AS conclusions, (${RECHECKS_MISSED}) AS rechecksMissed,
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
  // the plan and the year dues brought up to date first (a write of their own, before the stamp)
  const to = `${year}-12-31`;
  ensureYearDues(store, today < to ? today : to, today);
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
  const r = store.get<FactsRow>(factsSql(!current), { from, to, asOf })!;
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
    f.contraindicationsInPost = store.get<{ n: number }>(
      `SELECT count(DISTINCT worker_id) AS n FROM health_due WHERE kind = 'contraindication' AND (until IS NULL OR until >= ?)`,
      [today],
    )!.n;
  }
  return f;
}
