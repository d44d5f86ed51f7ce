// The readiness scorecard of a year: gathers what the rules read (shared/subsidy/scorecard/rules.ts) — the health and
// education modules' year facts through their own functions, the roster's skill grades, the wage module's scheme and
// approved runs, the congress sessions of the year — in a handful of aggregate queries (no per-worker query: the bench
// times it at 50,000 workers), then scores it. A module whose facts cannot be read (its function throws) makes its
// criteria "unavailable" (red, said so) rather than failing the whole card.
import { localToday } from '../../../../shared/kernel/schemas';
import type { EducationYearFacts, HealthYearFacts } from '../../../../shared/subsidy/facts';
import { asOfDay, monthsElapsed, scoreYear } from '../../../../shared/subsidy/scorecard/rules';
import type { CongressYear, Scorecard, ScoreInputs, WageYear } from '../../../../shared/subsidy/scorecard/types';
import type { Store } from '../../db/store';
import { educationYearFacts } from '../../education/facts';
import { healthYearFacts } from '../../health/facts';
import { log } from '../../log';

/** a module's facts, or null (logged) when its function fails */
function tryFacts<T>(what: string, fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    log('warn', `subsidy: ${what} could not be read`, { error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}

export const readHealthFacts = (store: Store, year: number, today: string): HealthYearFacts | null => tryFacts('healthYearFacts', () => healthYearFacts(store, year, today));
export const readEducationFacts = (store: Store, year: number, today: string): EducationYearFacts | null =>
  tryFacts('educationYearFacts', () => educationYearFacts(store, year, today));

/** The scheme in effect during the year (the latest), else one adopted by the year's end; the year's approved runs. */
export function wageYear(store: Store, year: number): WageYear {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  type Row = { name: string; version: number; state: 'adopted' | 'effective' | 'superseded'; adopted_on: string | null; effective_from: string | null };
  const cols = 'name, version, state, adopted_on, effective_from';
  const scheme =
    store.get<Row>(
      `SELECT ${cols} FROM wage_schemes WHERE deleted_at IS NULL AND state IN ('effective', 'superseded') AND effective_from <= ?
         AND (superseded_on IS NULL OR superseded_on > ?) ORDER BY effective_from DESC, version DESC LIMIT 1`,
      [to, from],
    ) ?? store.get<Row>(`SELECT ${cols} FROM wage_schemes WHERE deleted_at IS NULL AND state = 'adopted' AND adopted_on <= ? ORDER BY adopted_on DESC, version DESC LIMIT 1`, [to]);
  const runs = store.get<{ months: number; workers: number | null; safety: number | null; total: number | null }>(
    `SELECT count(DISTINCT period) AS months, sum(workers) AS workers, sum(safety_paid) AS safety, sum(total_fen) AS total
       FROM wage_runs WHERE state = 'approved' AND period BETWEEN ? AND ?`,
    [`${year}-01`, `${year}-12`],
  )!;
  return {
    scheme: scheme ? { name: scheme.name, version: scheme.version, state: scheme.state, adoptedOn: scheme.adopted_on, effectiveFrom: scheme.effective_from } : null,
    approvedMonths: runs.months,
    workerMonths: runs.workers ?? 0,
    safetyPaidMonths: runs.safety ?? 0,
    totalFen: runs.total ?? 0,
  };
}

/** 第X届第Y次职工代表大会 (职工大会 for an assembly) */
export const sessionName = (termNo: number, seq: number, form: string) => `第${termNo}届第${seq}次${form === 'assembly' ? '职工大会' : '职工代表大会'}`;

export function congressYear(store: Store, year: number): CongressYear {
  const rows = store.all<{ id: string; seq: number; date: string; status: CongressYear['sessions'][number]['status']; kind: 'regular' | 'safety'; number: number; form: string }>(
    `SELECT s.id, s.seq, s.date, s.status, s.kind, t.number, t.form FROM congress_sessions s JOIN congress_terms t ON t.id = s.term_id
      WHERE s.deleted_at IS NULL AND s.date BETWEEN ? AND ? ORDER BY s.date, s.seq`,
    [`${year}-01-01`, `${year}-12-31`],
  );
  return { sessions: rows.map((r) => ({ id: r.id, name: sessionName(r.number, r.seq, r.form), date: r.date, status: r.status, kind: r.kind })) };
}

/** active workers on the roster and of them with a skill grade (one pass over a covering index) */
export function rosterGrades(store: Store): { active: number; graded: number } {
  return store.get<{ active: number; graded: number }>(
    `SELECT count(*) AS active, count(skill_grade) AS graded FROM workers WHERE deleted_at IS NULL AND status = 'active'`,
  )!;
}


/** Everything the rules read for a year, as of `today`. */
export function scoreInputs(store: Store, year: number, today: string = localToday()): ScoreInputs {
  const asOf = asOfDay(year, today);
  return {
    year,
    asOf,
    monthsElapsed: monthsElapsed(year, today),
    education: readEducationFacts(store, year, today),
    health: readHealthFacts(store, year, today),
    roster: rosterGrades(store),
    wage: wageYear(store, year),
    congress: congressYear(store, year),
  };
}

export function scorecardOf(inputs: ScoreInputs): Scorecard {
  const criteria = scoreYear(inputs);
  return { year: inputs.year, asOf: inputs.asOf, criteria, green: criteria.filter((c) => c.light === 'green').length };
}

export function scorecard(store: Store, year: number, today: string = localToday()): Scorecard {
  return scorecardOf(scoreInputs(store, year, today));
}
