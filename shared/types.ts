import type { CommitteeRole, Locale } from './glossary';

export type Gender = 'M' | 'F';
export type WorkerStatus = 'active' | 'left';

export interface Enterprise {
  id: string;
  name: string;
  uscc: string;
  address: string | null;
  industry: string | null;
  headcount: number;
  updatedAt: string;
}

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: 'workshop' | 'team';
  name: string;
  sortOrder: number;
  retiredAt: string | null;
  workerCount: number;
}

export interface WorkerRow {
  id: string;
  empNo: string;
  name: string;
  gender: Gender;
  idCardMasked: string;
  phone: string | null;
  workshopId: string | null;
  workshopName: string | null;
  teamId: string | null;
  teamName: string | null;
  post: string | null;
  hireDate: string | null;
  skillGrade: number | null;
  status: WorkerStatus;
  roles: CommitteeRole[];
  isRepresentative: boolean;
  certExpiry: string | null;
  updatedAt: string;
}

export interface Worker extends WorkerRow {
  idCard: string | null;
  orgUnitId: string | null;
  isFrontline: boolean;
  isManager: boolean;
  certType: string | null;
  certNo: string | null;
  hazardFactors: string[];
  createdAt: string;
  deletedAt: string | null;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Operator {
  id: string;
  workerId: string;
  name: string;
  empNo: string;
  roles: CommitteeRole[];
  hasPin: boolean;
  isAdmin: boolean;
  lastSignInAt: string | null;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataDir: string;
  host: 'electron' | 'browser';
  initialized: boolean;
  locale: Locale;
  operator: Operator | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export const IMPORT_FIELDS = [
  'empNo',
  'name',
  'gender',
  'idCard',
  'phone',
  'workshop',
  'team',
  'post',
  'hireDate',
  'skillGrade',
  'status',
  'roles',
  'isRepresentative',
  'isFrontline',
  'isManager',
  'certType',
  'certNo',
  'certExpiry',
  'hazardFactors',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportMapping = Partial<Record<ImportField, number | null>>;

export interface ImportRowReport {
  rowNumber: number; // 1-based row number in the file
  empNo: string;
  name: string;
  action: 'create' | 'update' | 'invalid';
  problems: { field: string; message: string }[];
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  headerRow: number; // 1-based
  columns: { index: number; header: string }[];
  mapping: ImportMapping;
  missingRequired: ImportField[];
  rows: ImportRowReport[];
  counts: { total: number; create: number; update: number; invalid: number };
  newOrgUnits: string[]; // "车间 / 班组" names that will be created
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  orgUnitsCreated: number;
}

export interface FilePayload {
  fileName: string;
  mime: string;
  dataBase64: string;
}

// ---- hazard ledger ----
import type {
  AccidentType,
  GovernanceField,
  HazardAction,
  HazardCategory1,
  HazardGrade,
  HazardSource,
  HazardStatus,
  ProductionStop,
  RiskColor,
  HazardRules,
} from './hazard';

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

export interface AttachmentInfo {
  id: string;
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  originalName: string | null;
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
  openByWorkshop: { workshop: string; general: number; major: number; ungraded: number }[];
  monthly: { month: string; found: number; closed: number }[];
  byRisk: { risk: RiskColor | 'unassessed'; count: number }[];
  /** the signable statistics table: one row per workshop plus a total */
  table: {
    workshop: string;
    found: number;
    general: number;
    major: number;
    closed: number;
    rectifying: number;
    overdue: number;
    plannedFunds: number; // fen
    actualFunds: number; // fen
  }[];
}

export interface SavedView {
  id: string;
  name: string;
  query: Record<string, unknown>;
}

export type { HazardRules };
