// The skill-level wage's manual monthly figures (issue 9, "a manual monthly figure" as an indicator's source): for an
// indicator of source 'manual', a figure per worker and month typed in by a recorder (WAGE_RECORDERS), audited. The
// indicator code is checked for its shape only (INDICATOR_CODE_RE of the catalogue, shared/wage/schemes/schemas.ts):
// whether the catalogue holds the code with source 'manual' is not checked here — a run reads the figures of the codes
// its scheme uses, and no others.

/** the largest figure either way (a figure takes at most two decimals) */
export const MAX_MANUAL_VALUE = 1_000_000;

export interface ManualValue {
  id: string;
  workerId: string;
  empNo: string;
  name: string;
  workshopName: string | null;
  teamName: string | null;
  /** 'YYYY-MM' */
  period: string;
  /** the indicator's code */
  code: string;
  value: number;
  note: string | null;
  enteredBy: string;
  updatedAt: string;
}
