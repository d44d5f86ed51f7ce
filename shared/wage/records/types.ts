// The skill-level wage's own records (issue 9, "Records it reads and the ones it adds"): safe production time per
// worker and month (timekeeping), behaviour records (violations and good acts, with points and an evidence photo) and
// accidents (which trigger vetoes). Runners enter them; anyone signed in reads them.
import type { CommitteeRole } from '../../roster/roles';

/** where a month's time came from: typed in, or a timekeeping sheet */
export const TIMEKEEPING_SOURCES = ['manual', 'import'] as const;
export type TimekeepingSource = (typeof TIMEKEEPING_SOURCES)[number];
/** 违章 (points below zero) or a good act — an adopted safety suggestion, stopping an unsafe act (points above zero) */
export const BEHAVIOUR_KINDS = ['violation', 'good_act'] as const;
export type BehaviourKind = (typeof BEHAVIOUR_KINDS)[number];
/** 未遂事件 / 轻伤 / 重伤 / 死亡 */
export const ACCIDENT_SEVERITIES = ['near_miss', 'minor_injury', 'serious_injury', 'death'] as const;
export type AccidentSeverity = (typeof ACCIDENT_SEVERITIES)[number];

/** who enters the wage records: union officers and safety officers (and administrators, who hold every role) */
export const WAGE_RECORDERS = ['union_officer', 'safety_officer'] as const satisfies readonly CommitteeRole[];

/** the most a month holds: 31 days × 24 hours, 31 days × 3 shifts */
export const MAX_MONTH_HOURS = 744;
export const MAX_MONTH_SHIFTS = 93;
/** the largest points one behaviour record may carry, either way */
export const MAX_BEHAVIOUR_POINTS = 1000;

/** Common categories offered in the form (free text is allowed). */
export const BEHAVIOUR_CATEGORY_HINTS: Readonly<Record<BehaviourKind, readonly string[]>> = {
  violation: ['未戴安全帽', '未系安全带', '违章动火', '违章指挥', '脱岗睡岗'],
  good_act: ['采纳安全建议', '制止违章', '发现重大隐患', '参与应急处置'],
};

/**
 * The points each common category usually carries (violations below zero), after the real schemes in DOMAIN.md: the form
 * fills them in when the category is chosen and the points are still empty (the recorder may change them).
 */
export const BEHAVIOUR_USUAL_POINTS: Readonly<Record<string, number>> = {
  未戴安全帽: -2,
  未系安全带: -5,
  违章动火: -10,
  违章指挥: -8,
  脱岗睡岗: -5,
  采纳安全建议: 3,
  制止违章: 2,
  发现重大隐患: 10,
  参与应急处置: 5,
};

export interface WorkerRef {
  workerId: string;
  empNo: string;
  name: string;
}

export interface Timekeeping {
  id: string;
  workerId: string;
  empNo: string;
  name: string;
  workshopName: string | null;
  teamName: string | null;
  /** 'YYYY-MM' */
  period: string;
  hours: number | null;
  shifts: number | null;
  source: TimekeepingSource;
  note: string | null;
  updatedAt: string;
}

export interface Behaviour {
  id: string;
  date: string;
  workerId: string | null;
  empNo: string | null;
  workerName: string | null;
  teamId: string | null;
  teamName: string | null;
  kind: BehaviourKind;
  category: string;
  /** two decimals; below zero for a violation, above zero for a good act */
  points: number;
  note: string | null;
  /** the evidence photo (an attachment that is an image) */
  evidenceId: string | null;
  enteredBy: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface Accident {
  id: string;
  date: string;
  place: string;
  severity: AccidentSeverity;
  description: string;
  teamId: string | null;
  teamName: string | null;
  workers: WorkerRef[];
  enteredBy: string;
  updatedAt: string;
  deletedAt: string | null;
}
