// The workers' congress: terms, constituencies and representatives.
import type { CommitteeRole } from '../../roster/roles';
import type { CompositionCheck, CompositionSettings, QuorumRule } from '../rules';

export const TERM_FORMS = ['congress', 'assembly'] as const;
/** 职工代表大会, or 职工大会 (all staff vote) in a small enterprise */
export type TermForm = (typeof TERM_FORMS)[number];
export const MEMBER_KINDS = ['representative', 'observer'] as const;
/** a representative votes; an observer (列席代表: dispatched workers, invited guests) does not */
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const JOINED_BY = ['election', 'by_election', 'invitation'] as const;
export type JoinedBy = (typeof JOINED_BY)[number];
export const LEFT_BY = ['recall', 'departure', 'resignation'] as const;
export type LeftBy = (typeof LEFT_BY)[number];

export interface TermSettings extends CompositionSettings {
  quorumRule: QuorumRule;
}

export interface Term {
  id: string;
  number: number;
  form: TermForm;
  startDate: string;
  endDate: string;
  settings: TermSettings;
  /** representatives with a vote today (or on the term's last day once it is over) */
  representatives: number;
  observers: number;
  groups: number;
  updatedAt: string;
}

export interface CongressGroup {
  id: string;
  termId: string;
  name: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  leaderWorkerId: string | null;
  leaderName: string | null;
  sortOrder: number;
  /** members of the group as of the date asked */
  members: number;
}

export interface Member {
  id: string;
  termId: string;
  workerId: string;
  empNo: string;
  name: string;
  gender: 'M' | 'F';
  workshopName: string | null;
  teamName: string | null;
  post: string | null;
  isFrontline: boolean;
  isManager: boolean;
  groupId: string | null;
  groupName: string | null;
  kind: MemberKind;
  presidium: boolean;
  joinedOn: string;
  joinedBy: JoinedBy;
  leftOn: string | null;
  leftBy: LeftBy | null;
  leftNote: string | null;
  /** serving on the date asked */
  current: boolean;
}

export interface Composition {
  termId: string;
  asOf: string;
  settings: TermSettings;
  staff: { total: number; women: number };
  representatives: { total: number; frontLine: number; managers: number; women: number };
  observers: number;
  presidium: { total: number; frontLine: number };
  checks: CompositionCheck[];
}

export interface RosterImportResult {
  added: number;
  /** flagged workers already serving in the term */
  already: number;
  groupsCreated: number;
}

/** who runs terms, representatives and sessions: union officers (and administrators, who hold every role) */
export const CONGRESS_RUNNERS = ['union_officer'] as const satisfies readonly CommitteeRole[];

// ---------------------------------------------------------------------------------------------------------
// Importing representatives from a sheet (xlsx/csv)

/** A problem of one row of the sheet: a message key and its parameters. */
export interface RepsImportProblem {
  key: string;
  params?: Record<string, string | number>;
}

export interface RepsImportRow {
  /** the row's number in the sheet (1-based, as the spreadsheet shows it) */
  rowNumber: number;
  empNo: string | null;
  name: string | null;
  /** the worker the row was matched to */
  workerId: string | null;
  workerName: string | null;
  /** the constituency the representative goes in, and whether it is made by the import */
  groupName: string | null;
  groupNew: boolean;
  kind: MemberKind;
  presidium: boolean;
  /** add: will be added; already: serves in the term already (left alone); invalid: has problems (skipped) */
  status: 'add' | 'already' | 'invalid';
  problems: RepsImportProblem[];
}

export interface RepsImportPreview {
  token: string;
  fileName: string;
  termId: string;
  joinedOn: string;
  /** which columns were recognised (by header) */
  columns: { empNo: boolean; idCard: boolean; name: boolean; group: boolean; kind: boolean; presidium: boolean };
  rows: RepsImportRow[];
  counts: { add: number; already: number; invalid: number };
  /** constituencies the import will make */
  newGroups: string[];
}

export interface RepsImportResult {
  added: number;
  already: number;
  skipped: number;
  groupsCreated: number;
}
