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
