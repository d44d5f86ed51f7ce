// The education module's year in figures for the subsidy scorecard and dossier (shared/subsidy/facts.ts). Owned by the
// education hours area (the walls part by the walls area, wallFacts in ./walls/facts.ts).
import type { EducationYearFacts } from '../../../shared/subsidy/facts';
import type { Store } from '../db/store';

/** The year's education figures; `today` ends the current year's count (ISO date). Must read fast at 50,000 workers. */
export function educationYearFacts(store: Store, year: number, today: string): EducationYearFacts {
  void store;
  void today;
  throw new Error(`educationYearFacts(${year}) is not written yet (the education hours area writes it)`);
}
