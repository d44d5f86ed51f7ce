// The health module's year in figures for the subsidy scorecard and dossier (shared/subsidy/facts.ts). Owned by the
// health plan area; the certificates part by the certificates area (certificateFacts in ./certs/facts.ts).
// One pass over the exposures and exams (planInputs) with the plan's pure rules (yearDues, planItems), a few counts in
// SQL: no per-worker query, fast at 50,000 workers.
import { CONCLUSIONS, type Conclusion } from '../../../shared/health/kinds';
import { alertOf, planItems, yearDues } from '../../../shared/health/plan/rules';
import type { HealthYearFacts } from '../../../shared/subsidy/facts';
import type { Store } from '../db/store';
import { certificateFacts } from './certs/facts';
import { intervals, planInputs, syncHealthDue, womenSettings } from './plan/due';

/** The year's health figures; `today` ends the current year's count (ISO date). Must read fast at 50,000 workers. */
export function healthYearFacts(store: Store, year: number, today: string): HealthYearFacts {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const asOf = today < to ? today : to;
  const iv = intervals(store);
  const women = womenSettings(store);
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
  if (current) {
    syncHealthDue(store, today);
    f.contraindicationsInPost = store.get<{ n: number }>(
      `SELECT count(DISTINCT worker_id) AS n FROM health_due WHERE kind = 'contraindication' AND (until IS NULL OR until >= ?)`,
      [today],
    )!.n;
  }
  for (const p of planInputs(store).values()) {
    const exposures = p.exposures.filter((x) => iv.has(x.factorId) && x.start <= to && (x.end === null || x.end >= from));
    if (exposures.length > 0) f.exposedWorkers++;
    const isWoman = p.worker.gender === 'F' && p.worker.status === 'active';
    if (exposures.length === 0 && !isWoman && p.exams.length === 0) continue;
    const d = yearDues(p.worker, exposures, p.exams, iv, isWoman ? women : null, from, to, asOf);
    f.examsDue += d.due;
    f.examsOnTime += d.onTime;
    f.examsLate += d.late;
    f.examsMissing += d.missing;
    f.womenDue += d.womenDue;
    f.womenOnTime += d.womenOnTime;
    for (const e of p.exams) {
      if (e.date >= from && e.date <= to) f.conclusions[e.conclusion]++;
      if (e.conclusion === 'recheck' && e.recheckDue !== null && e.recheckDue >= from && e.recheckDue <= asOf && !p.exams.some((n) => n.date > e.date && n.date <= asOf)) f.rechecksMissed++;
    }
    if (!current && p.worker.status === 'active' && exposures.length > 0) {
      const asOfExams = p.exams.filter((e) => e.date <= asOf);
      const items = planItems(p.worker, exposures.filter((x) => x.start <= asOf), asOfExams, iv, women, asOf);
      if (items.some((it) => it.kind === 'contraindication' && alertOf(it, 'active', asOf) === 'contraindication')) f.contraindicationsInPost++;
    }
  }
  return f;
}
