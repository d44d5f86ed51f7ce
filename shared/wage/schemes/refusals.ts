// How a lifecycle refusal (shared/wage/scheme.ts refusal()) crosses the boundary: its error code, and the form field
// it belongs to (the dialog marks it). The backend and the renderer tests' fake throw the same.
import type { ErrorCode } from '../../result';
import type { SchemeRefusal } from '../scheme';

export const REFUSAL_ERRORS: Readonly<Record<SchemeRefusal, { code: ErrorCode; path: string | null }>> = {
  'wage.scheme.runnersOnly': { code: 'FORBIDDEN', path: null },
  'wage.scheme.wrongState': { code: 'CONFLICT', path: null },
  'wage.scheme.needsAgendaItem': { code: 'VALIDATION', path: 'agendaItemId' },
  'wage.scheme.voteNotDecided': { code: 'CONFLICT', path: null },
  'wage.scheme.needsAdoptionRecord': { code: 'VALIDATION', path: 'docNo' },
  'wage.scheme.needsEffectiveDate': { code: 'VALIDATION', path: 'effectiveFrom' },
  'wage.scheme.effectiveBeforeAdoption': { code: 'VALIDATION', path: 'effectiveFrom' },
  'wage.scheme.needsReason': { code: 'VALIDATION', path: 'reason' },
  'wage.scheme.usedByApprovedRun': { code: 'CONFLICT', path: null },
};

/** The details an AppError of a refusal carries (field issues when it belongs to a field). */
export function refusalDetails(r: SchemeRefusal, params: Record<string, unknown> = {}): Record<string, unknown> {
  const path = REFUSAL_ERRORS[r].path;
  return path ? { ...params, issues: [{ path, message: 'v.invalid' }] } : params;
}
