// Who may read occupational-health exam RESULTS (GBZ 188: the health-surveillance records are the worker's private
// medical data). Exam conclusions (health.batches / health.batch / health.workerExams), the worker's health file
// (职业健康监护档案, health.healthFilePdf) and the alerts that follow from a conclusion (a recheck due or overdue, a
// contraindication while still exposed) are for HEALTH_RESULT_READERS alone — the same people who record them
// (职业卫生管理员, 安全员, 工会干部; administrators hold every role). Everyone else signed in (e.g. a team leader) still
// sees that an exam is DUE — pre-job, periodic, women's and exit items — to send people to the clinic: the due list
// and its quarter's xlsx leave the conclusion-based items out for them (rows AND counts, so neither a worker nor a
// team's number can be read off) and say so (DuePage.restricted). The subsidy scorecard's counts are aggregates over
// the enterprise and stay visible to all.
import { holdsAnyRole, type CommitteeRole } from '../roster/roles';
import { HEALTH_WRITERS } from './kinds';
import type { AlertKind, PlanKind } from './plan/types';

/** who reads exam conclusions, health files and the conclusion-based alerts */
export const HEALTH_RESULT_READERS: readonly CommitteeRole[] = HEALTH_WRITERS;

export function readsHealthResults(who: { roles: readonly CommitteeRole[]; isAdmin: boolean } | null | undefined): boolean {
  return !!who && holdsAnyRole(who, HEALTH_RESULT_READERS);
}

/** the plan items that exist only because of an exam's conclusion (health_due.kind) */
export const CONCLUSION_PLAN_KINDS: readonly PlanKind[] = ['recheck', 'contraindication'];
/** the due list's alert kinds that reveal a conclusion: left out for those who do not read results */
export const CONCLUSION_ALERTS: readonly AlertKind[] = ['recheck_overdue', 'recheck_due', 'contraindication'];
