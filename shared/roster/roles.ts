// The safety committee roles a worker may hold (安全职责); operators are workers with at least one.
export const COMMITTEE_ROLES = [
  'team_leader',
  'safety_officer',
  'oh_manager',
  'lp_supervisor',
  'union_officer',
] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];
