// What the certificates channels return.
import type { CertCategory } from '../kinds';
import type { CertDueKind, CertStatus } from './rules';

export const CERT_SOURCES = ['manual', 'roster', 'import'] as const;
export type CertSource = (typeof CERT_SOURCES)[number];

export interface Certificate {
  id: string;
  workerId: string;
  empNo: string;
  name: string;
  workerStatus: 'active' | 'left';
  workshopId: string | null;
  workshopName: string | null;
  teamId: string | null;
  teamName: string | null;
  category: CertCategory | null;
  /** the type as written (the roster's 特种作业类型, or the operation item), kept beside the category */
  typeText: string | null;
  certNo: string;
  issueDate: string | null;
  reviewYears: 3 | 6;
  approvalNote: string | null;
  lastReviewDate: string | null;
  /**
   * (last review ?? issue date) + review years while that comes before the expiry; null when neither date is known or
   * the cycle would end on or after the expiry (the renewal at the expiry comes first: dueKind 'renewal')
   */
  nextReviewDate: string | null;
  expiryDate: string;
  /** the next review, or the expiry when that comes first — the date the state and its "in N days" refer to */
  dueDate: string;
  /** what falls due on dueDate: a review, or the renewal (换证) at the expiry */
  dueKind: CertDueKind;
  /** on the day asked */
  status: CertStatus;
  note: string | null;
  scanId: string | null;
  scanName: string | null;
  scanMime: string | null;
  source: CertSource;
  updatedAt: string;
  deletedAt: string | null;
}

export interface CertPage {
  rows: Certificate[];
  total: number;
  page: number;
  pageSize: number;
  /** live certificates of workers on the roster within the unit/category/search filters, by state (the state filter not applied) */
  counts: Record<CertStatus, number>;
}
