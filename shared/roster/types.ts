// Workers and the roster import.
import { COMMITTEE_ROLES, type CommitteeRole } from './roles';

export type Gender = 'M' | 'F';
export type WorkerStatus = 'active' | 'left';

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
  /**
   * the list only (workers.list, where certExpiry is the worst certificate's due date in health_certificates): whether
   * that date is the certificate's next review or its expiry; absent elsewhere (certExpiry is then the roster's expiry)
   */
  certDue?: 'review' | 'expiry' | null;
  updatedAt: string;
  /** set for a worker in the recycle bin (已删除) */
  deletedAt: string | null;
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
/** A flag column for one committee role (a 班组长 column of √, a 安全员 column of 是); the name is the role's label key. */
export type RoleFlagTarget = `role.${CommitteeRole}`;
export const ROLE_FLAG_TARGETS = COMMITTEE_ROLES.map((r) => `role.${r}` as const) as readonly RoleFlagTarget[];
/** What a column of the file can be read as: a worker field, or a role flag column. */
export type ImportTarget = ImportField | RoleFlagTarget;
export const IMPORT_TARGETS = [...IMPORT_FIELDS, ...ROLE_FLAG_TARGETS] as const;
export type ImportMapping = Partial<Record<ImportTarget, number | null>>;

/** The values a row was read as (only for the columns the file has), shown beside its problems in the preview. */
export interface ImportParsed {
  gender?: Gender;
  phone?: string | null;
  workshop?: string | null;
  team?: string | null;
  post?: string | null;
  hireDate?: string | null;
  skillGrade?: number | null;
  status?: WorkerStatus;
  roles?: CommitteeRole[];
  isRepresentative?: boolean;
  certType?: string | null;
  certExpiry?: string | null;
}

export interface ImportRowReport {
  rowNumber: number; // 1-based row number in the file
  empNo: string;
  name: string;
  action: 'create' | 'update' | 'invalid';
  problems: { field: string; message: string; params?: Record<string, string | number> }[];
  /** an update: the fields whose values change (columns the file does not have keep their values); 'restored' when
   * the worker had been deleted and the import brings them back */
  changes?: (ImportField | 'restored')[];
  /** the row's values as read (dates as YYYY-MM-DD, grades 1–5, units, roles) */
  parsed?: ImportParsed;
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
  /** the first rows of the file, to pick the header row from (row: 1-based; matches: known columns it names) */
  headerCandidates: { row: number; cells: string[]; matches: number }[];
  /** rows that are not workers and are left out: footers (合计：N 人, 制表人…审核人…) and repeated header rows */
  skippedRows: { rowNumber: number; reason: 'footer' | 'header'; text: string }[];
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  orgUnitsCreated: number;
}

