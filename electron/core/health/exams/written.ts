// The one place the exams area tells the health plan that exams of some workers changed (written, deleted, restored,
// a batch's date or kind changed), inside the same transaction, so the plan's due dates of just those workers are kept
// current (the plan's health_due table, electron/core/health/plan/due.ts).
import type { Store } from '../../db/store';
import { refreshHealthDue } from '../plan/due';

export function examsWritten(store: Store, workerIds: readonly string[]): void {
  refreshHealthDue(store, workerIds);
}
