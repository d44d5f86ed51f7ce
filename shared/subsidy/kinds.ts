// The subsidy module's fixed lists.

/** the five criteria of the ten measures, in their order */
export const CRITERIA = ['education', 'capability', 'wage', 'congress', 'health'] as const;
export type Criterion = (typeof CRITERIA)[number];
/** 'none': nothing to judge (the criterion's base is zero, e.g. no exposed and no women workers) — grey, never a pass */
export type Light = 'green' | 'amber' | 'red' | 'none';
/** who prepares the dossier: 工会干部 (admins hold every role) */
export const SUBSIDY_WRITERS = ['union_officer'] as const;
