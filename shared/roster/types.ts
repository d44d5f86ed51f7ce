// Workers and the roster import.
import type { CommitteeRole } from './roles';

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
  problems: { field: string; message: string; params?: Record<string, string | number> }[];
  /** an update: the fields whose values change (columns the file does not have keep their values); 'restored' when
   * the worker had been deleted and the import brings them back */
  changes?: (ImportField | 'restored')[];
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

