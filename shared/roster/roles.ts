// The safety committee roles a worker may hold (安全职责); operators are workers with at least one.
export const COMMITTEE_ROLES = [
  'team_leader',
  'safety_officer',
  'oh_manager',
  'lp_supervisor',
  'union_officer',
] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

/** Committee role sets the rules of several modules use (one source). */
export const ROLE_SETS = {
  /** 安全管理人员: confirm, grade, assign and cancel hazards, edit any record, correct closed ones */
  safetyManagers: ['safety_officer', 'union_officer', 'oh_manager'],
  /** may accept or reject a rectification (验收) */
  acceptors: ['safety_officer', 'union_officer', 'lp_supervisor'],
} as const satisfies Record<string, readonly CommitteeRole[]>;

/** An administrator holds every role; otherwise the person needs one role of the set. */
export function holdsAnyRole(who: { roles: readonly CommitteeRole[]; isAdmin: boolean }, set: readonly CommitteeRole[]): boolean {
  return who.isAdmin || who.roles.some((r) => set.includes(r));
}
