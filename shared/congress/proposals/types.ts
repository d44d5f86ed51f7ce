// Proposals (提案) to the workers' congress: value lists, settings and the shapes the channels return.

export const PROPOSAL_CATEGORIES = ['safety', 'occupational_health', 'protective_equipment', 'wage', 'other'] as const;
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number];
/** categories whose proposals may create or link hazards in the hazard ledger (安全、职业健康、劳动防护) */
export const HAZARD_LINK_CATEGORIES: readonly ProposalCategory[] = ['safety', 'occupational_health', 'protective_equipment'];

/**
 * submitted 已提交 → (proposal committee) filed 已立案 | referred 转意见建议 | rejected 不予立案;
 * filed → assigned 已交办 (lead and co-departments, due date) → answered 已答复 → (proposer's feedback) closed 已办结,
 * or back to assigned once for a second answer (不满意, round 1 only); closed / referred / rejected → archived 已归档.
 */
export const PROPOSAL_STATES = ['submitted', 'filed', 'referred', 'rejected', 'assigned', 'answered', 'closed', 'archived'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** A 已解决, B 列入计划解决 (plan and period), C 因条件限制暂不能解决 (reason) */
export const ANSWER_CLASSES = ['A', 'B', 'C'] as const;
export type AnswerClass = (typeof ANSWER_CLASSES)[number];
export const FEEDBACKS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type Feedback = (typeof FEEDBACKS)[number];

export const REVIEW_DECISIONS = ['file', 'refer', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Per term, kept in congress_proposal_settings; missing values take these. */
export interface ProposalSettings {
  termId: string;
  /** collection opens this many days before the session (征集期) */
  windowDays: number;
  /** co-signers (附议人) each proposal needs besides the proposer */
  minCosigners: number;
  /** days the lead department has for the second answer after 不满意 */
  secondAnswerDays: number;
  /** the date of the session the proposals are collected for; null: collection not opened */
  sessionDate: string | null;
  /** the proposal committee (提案工作委员会) besides the union officers, who always review */
  committee: { workerId: string; name: string; empNo: string }[];
  /** computed: the collection window [opensOn, sessionDate) */
  opensOn: string | null;
}
export const DEFAULT_PROPOSAL_SETTINGS = { windowDays: 30, minCosigners: 2, secondAnswerDays: 15 } as const;

export interface PersonRef {
  workerId: string;
  name: string;
  empNo: string;
}

export interface ProposalRow {
  id: string;
  termId: string;
  serial: string;
  title: string;
  category: ProposalCategory;
  state: ProposalState;
  round: number;
  proposer: PersonRef;
  cosigners: number;
  submittedOn: string;
  /** the session it was collected for (the settings' session date when it was submitted) */
  sessionDate: string | null;
  onBehalf: boolean;
  leadUnitId: string | null;
  leadUnitName: string | null;
  dueDate: string | null;
  /** assigned and the due date has passed without an answer */
  overdue: boolean;
  answerClass: AnswerClass | null;
  feedback: Feedback | null;
  hazards: HazardLinkSummary;
}

export interface HazardLinkSummary {
  /** linked hazards, cancelled ones excluded */
  total: number;
  closed: number;
  /** every linked hazard (at least one) is closed */
  allClosed: boolean;
}

export interface ProposalAnswer {
  round: number;
  answerClass: AnswerClass;
  text: string;
  plan: string | null;
  plannedBy: string | null;
  reason: string | null;
  /** integer fen */
  cost: number | null;
  answeredAt: string;
  answeredBy: string;
  feedback: Feedback | null;
  feedbackNote: string | null;
  feedbackAt: string | null;
  feedbackBy: string | null;
  /** the union office recorded the feedback on the proposer's behalf */
  feedbackOnBehalf: boolean;
}

export interface ProposalEvent {
  id: string;
  at: string;
  actorName: string;
  action: string;
  fromState: ProposalState | null;
  toState: ProposalState | null;
  comment: string | null;
}

export interface LinkedHazard {
  id: string;
  serial: string;
  status: string;
  description: string;
  /** created from this proposal (else an existing hazard linked) */
  created: boolean;
}

export interface ProposalDetail extends ProposalRow {
  reason: string;
  measure: string;
  cosignerList: PersonRef[];
  coUnits: { id: string; name: string }[];
  photoIds: string[];
  enteredBy: string;
  reviewNote: string | null;
  answers: ProposalAnswer[];
  events: ProposalEvent[];
  linkedHazards: LinkedHazard[];
  /** what the signed-in operator may do now (the backend refuses the rest) */
  allowedActions: string[];
}

export interface ProposalReport {
  termId: string;
  termNumber: number;
  asOf: string;
  rows: ProposalRow[];
  counts: {
    total: number;
    byState: Record<ProposalState, number>;
    byCategory: Record<ProposalCategory, number>;
    byAnswer: Record<AnswerClass, number>;
    byFeedback: Record<Feedback, number>;
    overdue: number;
    hazards: { linked: number; closed: number };
  };
}
