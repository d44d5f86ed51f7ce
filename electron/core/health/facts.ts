// The health module's year in figures for the subsidy scorecard and dossier (shared/subsidy/facts.ts). Owned by the
// health plan area; the certificates part by the certificates area (certificateFacts in ./certs/facts.ts).
import type { HealthYearFacts } from '../../../shared/subsidy/facts';
import type { Store } from '../db/store';

/** The year's health figures; `today` ends the current year's count (ISO date). Must read fast at 50,000 workers. */
export function healthYearFacts(store: Store, year: number, today: string): HealthYearFacts {
  void store;
  void today;
  throw new Error(`healthYearFacts(${year}) is not written yet (the health plan area writes it)`);
}
