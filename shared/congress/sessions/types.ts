// The session of the workers' congress (第X届第Y次会议): its agenda (the 5+X template), the hazard figures frozen into it
// when the papers are issued, the day's attendance and the votes.
import type { AnswerClass, Feedback, ProposalCategory, ProposalReport, ProposalState } from '../proposals/types';
import type { BallotCounts, Quorum, QuorumRule, Verdict } from '../rules';

export const SESSION_KINDS = ['regular', 'safety'] as const;
/** a regular session, or the safety-themed one (安全生产专题) the city's measures ask for once a year */
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_STATUSES = ['preparing', 'issued', 'in_session', 'closed'] as const;
/** 筹备中 → 已发通知 (papers issued) → 会议进行中 → 已闭会 */
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const ITEM_KINDS = ['report', 'deliberate', 'vote', 'election'] as const;
/** 听取报告 / 审议事项 / 表决事项 / 选举 */
export type ItemKind = (typeof ITEM_KINDS)[number];

export const TEMPLATE_KEYS = ['opening', 'work_report', 'education', 'skills', 'protection', 'wage', 'hazards', 'resolutions', 'closing'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** the five fixed items of the safety-themed session ("5+X") */
export const FIVE_KEYS: readonly TemplateKey[] = ['education', 'skills', 'protection', 'wage', 'hazards'];

export interface TemplateItem {
  key: TemplateKey;
  /** the title written into the agenda (data: the papers are Chinese; the operator may edit it) */
  title: string;
  kind: ItemKind;
  minutes: number;
}

/**
 * The 5+X agenda: the procedural items around the five safety items; the enterprise's X items go before the
 * resolutions. Order as printed on the notice.
 */
export const AGENDA_TEMPLATE: readonly TemplateItem[] = [
  { key: 'opening', title: '宣布大会开幕', kind: 'report', minutes: 5 },
  { key: 'work_report', title: '听取安全生产和职业健康工作报告', kind: 'report', minutes: 30 },
  { key: 'education', title: '班组安全生产教育引领', kind: 'deliberate', minutes: 15 },
  { key: 'skills', title: '职工安全生产技能建设', kind: 'deliberate', minutes: 15 },
  { key: 'protection', title: '劳动保护设施配备', kind: 'deliberate', minutes: 15 },
  { key: 'wage', title: '安全生产“能级工资”专题协商', kind: 'vote', minutes: 20 },
  { key: 'hazards', title: '安全隐患提案整改落实', kind: 'report', minutes: 20 },
  { key: 'resolutions', title: '通过大会决议', kind: 'vote', minutes: 10 },
  { key: 'closing', title: '宣布大会闭幕', kind: 'report', minutes: 5 },
];

export const ATTENDANCE = ['present', 'leave', 'absent'] as const;
/** 出席 / 请假 / 缺席 (a representative not yet marked counts as absent) */
export type Attendance = (typeof ATTENDANCE)[number];

export const VOTE_METHODS = ['secret', 'named'] as const;
/** 无记名投票 (counts entered from the ballots) or 记名表决 (each representative's choice) */
export type VoteMethod = (typeof VOTE_METHODS)[number];

export const VOTE_STATUSES = ['open', 'counted', 'announced'] as const;
/** 表决中 → 已计票 → 已宣布 (locked; a correction needs a reason) */
export type VoteStatus = (typeof VOTE_STATUSES)[number];

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export const DEFAULT_NOTICE_DAYS = 7;
export interface SessionSettings {
  /** the notice with the agenda goes out at least this many days before the session */
  noticeDays: number;
}

export interface SessionSummary {
  id: string;
  termId: string;
  termNumber: number;
  seq: number;
  kind: SessionKind;
  date: string;
  time: string | null;
  place: string | null;
  convenor: string | null;
  status: SessionStatus;
  items: number;
  updatedAt: string;
}

/** The hazard ledger as item 5 shows it: counted from the hazard tables for the period, frozen at issue. */
export interface HazardSnapshot {
  from: string;
  to: string;
  /** the day "overdue" and "open" were taken on */
  asOf: string;
  found: number;
  closed: number;
  open: number;
  overdue: number;
  majors: { serial: string; description: string; workshop: string | null; status: string; foundDate: string; dueDate: string | null; closedDate: string | null }[];
  /**
   * The handling of proposals (提案办理情况) as item 5 reports it, frozen with the hazard figures. Absent in snapshots
   * frozen before it was recorded.
   */
  proposals?: ProposalFigures;
}

/**
 * The proposals of the session's term collected for this session or an earlier one (the session date they were collected
 * for — else the day submitted — on or before this session's date), whatever their state: the counts of the proposal
 * handling report over them, and one compact row each.
 */
export interface ProposalFigures {
  /** the day "overdue" was taken on */
  asOf: string;
  counts: ProposalReport['counts'];
  rows: {
    serial: string;
    title: string;
    category: ProposalCategory;
    state: ProposalState;
    overdue: boolean;
    answerClass: AnswerClass | null;
    feedback: Feedback | null;
    hazards: { total: number; closed: number };
  }[];
}

export interface Material {
  attachmentId: string;
  title: string;
  mime: string;
  bytes: number;
}

export interface Vote {
  id: string;
  itemId: string;
  /** an election's candidate; null for a motion */
  candidate: string | null;
  method: VoteMethod;
  status: VoteStatus;
  /** the base: representatives serving on the session date */
  entitled: number;
  present: number;
  counts: BallotCounts | null;
  needed: number;
  verdict: Verdict | null;
  quorumRule: QuorumRule;
  corrections: number;
  correctionReason: string | null;
  announcedAt: string | null;
}

export interface AgendaItem {
  id: string;
  sessionId: string;
  position: number;
  templateKey: TemplateKey | null;
  title: string;
  kind: ItemKind;
  presenter: string | null;
  plannedMinutes: number | null;
  summary: string | null;
  resolution: string | null;
  materials: Material[];
  votes: Vote[];
}

export interface SessionDetail extends SessionSummary {
  periodFrom: string;
  periodTo: string;
  termQuorumRule: QuorumRule;
  issuedAt: string | null;
  /** notice days between the papers (issue, or today while preparing) and the session date, and the setting */
  notice: { days: number; needed: number; short: boolean };
  /** frozen at issue; while preparing, the live figures (a preview) */
  hazards: HazardSnapshot;
  hazardsFrozen: boolean;
  agenda: AgendaItem[];
  counts: AttendanceCounts;
}

export interface AttendanceCounts {
  /** 应到: representatives with a vote serving on the session date */
  entitled: number;
  present: number;
  leave: number;
  absent: number;
  quorum: Quorum;
}

export interface AttendanceRow {
  memberId: string;
  workerId: string;
  empNo: string;
  name: string;
  groupName: string | null;
  status: Attendance;
  /** false: never marked (counted as absent) */
  marked: boolean;
}

export interface AttendanceList {
  rows: AttendanceRow[];
  counts: AttendanceCounts;
}

/** 厂务公开: the results of a session as the notice board shows them. */
export interface PublicNotice {
  enterprise: string;
  termNumber: number;
  seq: number;
  kind: SessionKind;
  date: string;
  place: string | null;
  counts: AttendanceCounts;
  results: {
    itemTitle: string;
    candidate: string | null;
    counts: BallotCounts;
    base: number;
    needed: number;
    verdict: Verdict;
    resolution: string | null;
  }[];
}
