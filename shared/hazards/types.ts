// Hazard ledger records as they cross the boundary.
import type { AttachmentInfo } from '../attachments/types';
import type {
  AccidentType,
  EvaluatorKind,
  MajorAction,
  GovernanceField,
  HazardAction,
  HazardCategory1,
  HazardGrade,
  HazardSource,
  HazardStatus,
  ProductionStop,
  RiskColor,
} from './rules';

export interface HazardRow {
  id: string;
  serial: string;
  foundAt: string;
  foundDate: string;
  finderId: string | null;
  finderName: string | null;
  source: HazardSource;
  workshopName: string | null;
  teamName: string | null;
  place: string | null;
  category1: HazardCategory1;
  category2: string | null;
  description: string;
  grade: HazardGrade | null;
  riskD: number | null;
  risk: RiskColor | null;
  status: HazardStatus;
  responsibleName: string | null;
  deadline: string | null;
  dueDate: string | null;
  overdue: boolean;
  closedDate: string | null;
  updatedAt: string;
}

export interface HazardEvent {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  fromStatus: HazardStatus | null;
  toStatus: HazardStatus | null;
  comment: string | null;
}

export interface HazardPhoto extends AttachmentInfo {
  phase: 'before' | 'after';
}

export interface HazardDetail extends HazardRow {
  workshopId: string | null;
  teamId: string | null;
  orgUnitId: string | null;
  equipment: string | null;
  accidentType: AccidentType | null;
  productionStop: ProductionStop;
  interimMeasures: string | null;
  lec: { l: number; e: number; c: number } | null;
  responsibleId: string | null;
  measures: string | null;
  plannedFunds: number | null; // fen
  emergencyPlan: string | null;
  governancePlan: Record<GovernanceField, string> | null;
  actualFunds: number | null; // fen
  rectificationNote: string | null;
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: string | null;
  acceptedByName: string | null;
  acceptedAt: string | null;
  cancelKind: 'duplicate' | 'invalid' | null;
  cancelReason: string | null;
  createdAt: string;
  photos: HazardPhoto[];
  events: HazardEvent[];
  links: { id: string; serial: string; description: string; status: HazardStatus }[];
  allowedActions: HazardAction[];
  editable: boolean;
  /** a 重大隐患's report to the authority, 挂牌督办 and evaluation (null when none is recorded) */
  major?: HazardMajor | null;
  /** which of those steps this operator may record now */
  majorActions?: MajorAction[];
  /** the after-photos' submission round (1 = first submission), by attachment id */
  photoRounds?: Record<string, number>;
}

/** 重大隐患 (安全生产事故隐患排查治理暂行规定): what was reported to whom, supervision, and the governance evaluation. */
export interface HazardMajor {
  reportedDate: string | null;
  reportBody: string | null;
  reportDocNo: string | null;
  reportSummary: string | null;
  supervised: boolean;
  supervisionBody: string | null;
  supervisionDocNo: string | null;
  supervisionDate: string | null;
  evaluationDate: string | null;
  evaluatorKind: EvaluatorKind | null;
  evaluator: string | null;
  evaluationConclusion: string | null;
  evaluationPassed: boolean | null;
}

export interface HazardReminders {
  overdue: HazardRow[];
  dueSoon: HazardRow[];
  overdueCount: number;
  dueSoonCount: number;
}

export interface HazardStats {
  year: number;
  quarter: number | null;
  from: string;
  to: string;
  found: number;
  closed: number;
  cancelled: number;
  open: number;
  overdue: number;
  closureRate: number | null; // closed / (found − cancelled) within the period
  avgDaysToClose: number | null;
  openByGrade: { grade: HazardGrade | 'ungraded'; count: number }[];
  /** workshopId null: hazards placed in no workshop (the name is then the printed documents' Chinese label; screens show their own) */
  openByWorkshop: { workshop: string; workshopId?: string | null; general: number; major: number; ungraded: number }[];
  monthly: { month: string; found: number; closed: number }[];
  byRisk: { risk: RiskColor | 'unassessed'; count: number }[];
  /** the signable statistics table: one row per workshop plus a total */
  table: {
    workshop: string;
    /** null for hazards placed in no workshop */
    workshopId?: string | null;
    found: number;
    general: number;
    major: number;
    /** not graded (reported, or cancelled before grading): found = general + major + ungraded */
    ungraded: number;
    closed: number;
    rectifying: number;
    overdue: number;
    plannedFunds: number; // fen
    actualFunds: number; // fen
  }[];
}

