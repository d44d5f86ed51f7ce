// The readiness scorecard of a year (subsidy.scorecard): the five criteria of the ten measures, each with its light, the
// reasons for it, its figures and where in the app the evidence is. Pure data: the rules (./rules.ts) make it from the
// year's inputs, the service (electron/core/subsidy/scorecard) gathers them, the tab, the home card and the dossier PDF
// show it.
import type { EducationYearFacts, HealthYearFacts } from '../facts';
import type { Criterion, Light } from '../kinds';

/** where a figure's records are: a page of the app and the route's id there (a tab, maybe more) */
export interface AppLink {
  page: 'education' | 'health' | 'wage' | 'congress' | 'roster';
  id: string | null;
}

export type FigureUnit = 'count' | 'share' | 'hours' | 'fen' | 'months' | 'text';

export interface Figure {
  /** message key of the figure's label (subsidy.fig.*) */
  key: string;
  /** a share is 0–1 (null: nothing to divide by), fen an integer, text a plain string */
  value: number | string | null;
  unit: FigureUnit;
}

export interface Reason {
  /** message key (subsidy.why.*) */
  key: string;
  params?: Record<string, string | number>;
  /** how serious this reason is on its own (a red card can hold amber reasons too); none: not a shortcoming */
  level?: 'red' | 'amber';
}

export interface Evidence {
  /** message key of the evidence's label (subsidy.ev.*) */
  key: string;
  params?: Record<string, string | number>;
  link: AppLink;
}

export interface CriterionCard {
  criterion: Criterion;
  light: Light;
  /** why it is not green (empty when green), the most serious first; or why it is green */
  reasons: Reason[];
  figures: Figure[];
  evidence: Evidence[];
  /** the records of this criterion could not be read (the module's figures are not available yet) */
  unavailable: boolean;
}

export interface Scorecard {
  year: number;
  /** the day the figures run to: the year's last day, or today for the current year */
  asOf: string;
  criteria: CriterionCard[];
  /** how many criteria are green */
  green: number;
}

/** the wage module's year: the scheme in effect (or adopted) and the approved runs of the year's months */
export interface WageYear {
  scheme: { name: string; version: number; state: 'adopted' | 'effective' | 'superseded'; adoptedOn: string | null; effectiveFrom: string | null } | null;
  /** months of the year with an approved run */
  approvedMonths: number;
  /** sum over those runs of the workers paid, of those paid a safety component above zero, and of the amounts */
  workerMonths: number;
  safetyPaidMonths: number;
  totalFen: number;
}

/** the congress sessions dated in the year (not deleted) */
export interface CongressYear {
  sessions: { id: string; name: string; date: string; status: 'preparing' | 'issued' | 'in_session' | 'closed'; kind: 'regular' | 'safety' }[];
}

/** everything the rules read; a module's facts are null when they could not be read */
export interface ScoreInputs {
  year: number;
  asOf: string;
  /** months of the year counted: 12 for a past year, the current month's number for this year */
  monthsElapsed: number;
  education: EducationYearFacts | null;
  health: HealthYearFacts | null;
  /** active workers on the roster, and of them with a skill grade */
  roster: { active: number; graded: number };
  wage: WageYear;
  congress: CongressYear;
}
