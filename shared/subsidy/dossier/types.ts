// The subsidy dossier of a year (安全赋能奖补申报材料): the application's fields as written, the photos chosen for the
// evidence annex, and the nominees the money would reward, each with their record of the year.
import type { Enterprise } from '../../enterprise/types';
import type { CommitteeRole } from '../../roster/roles';
import type { AccidentSeverity } from '../../wage/records/types';

/** the roles a nominee is put forward in: the five the money rewards (the roster's committee roles) */
export const NOMINEE_ROLES = ['team_leader', 'safety_officer', 'oh_manager', 'lp_supervisor', 'union_officer'] as const satisfies readonly CommitteeRole[];
export type NomineeRole = (typeof NOMINEE_ROLES)[number];

/** nominees at most, photos at most */
export const MAX_NOMINEES = 100;
export const MAX_DOSSIER_PHOTOS = 24;
/** the amount requested, at most (yuan) */
export const MAX_AMOUNT_YUAN = 100_000_000;

/** what the writer fills in (the enterprise's own details come from the enterprise record) */
export interface DossierFields {
  contactName: string | null;
  contactPhone: string | null;
  /** 安全生产领导机构：the safety committee, who leads it, who is responsible */
  leadership: string | null;
  /** 工作开展情况及成效 */
  summary: string | null;
  /** 申请奖补金额, fen */
  amountFen: number | null;
}
export const EMPTY_FIELDS: DossierFields = { contactName: null, contactPhone: null, leadership: null, summary: null, amountFen: null };

/** a worker's year: hazards found (not cancelled), trainings attended and their hours (pre-shift meetings apart), proposals submitted, skill-level wage paid in approved runs */
export interface NomineeRecord {
  hazardsFound: number;
  trainings: number;
  trainingHours: number;
  preShift: number;
  proposals: number;
  wageFen: number;
}

export interface NomineeCandidate {
  workerId: string;
  empNo: string;
  name: string;
  workshopName: string | null;
  teamName: string | null;
  /** the committee roles the roster gives the worker */
  roles: CommitteeRole[];
  record: NomineeRecord;
}

export interface Nominee extends NomineeCandidate {
  role: NomineeRole;
  reason: string | null;
  /** the worker has left or no longer holds the role on the roster (kept, said so) */
  stale: boolean;
}

export interface AccidentLine {
  date: string;
  place: string;
  severity: AccidentSeverity;
  description: string;
}

/** where a photo of the dossier comes from: an activity, a culture wall's update, or uploaded on the dossier itself */
export type PhotoSource = { kind: 'activity'; title: string; date: string } | { kind: 'wall'; /** the wall: its unit and name or location, “文化墙” at the end */ wall: string; date: string } | { kind: 'upload'; date: string };

/** a photo shows an activity or wall update of another year than the dossier's (an upload never does) */
export const photoOtherYear = (src: PhotoSource | undefined, year: number): boolean => src !== undefined && src.kind !== 'upload' && src.date.slice(0, 4) !== String(year);

/** the caption of a photo in the dossier PDF (Chinese, as the document; the tab's words in zh-CN) */
export function photoCaptionZh(src: PhotoSource | undefined): string {
  if (!src) return '';
  if (src.kind === 'activity') return `${src.title}（${src.date}）`;
  if (src.kind === 'upload') return `在申报材料中上传（${src.date}）`;
  return `${src.wall}（${src.date} 更新）`;
}

export interface Dossier {
  year: number;
  /** null until first saved */
  id: string | null;
  enterprise: Enterprise;
  fields: DossierFields;
  photoIds: string[];
  /** photos to choose from: the chosen ones in their order (the PDF's), then the year's other activity and wall photos (newest first) */
  photoChoices: string[];
  /** where each of photoChoices comes from (by attachment id) */
  photoSources: Record<string, PhotoSource>;
  nominees: Nominee[];
  /** accidents of the year and the two before (wage_accidents), by severity, newest first */
  accidents: { from: string; to: string; total: number; bySeverity: Record<AccidentSeverity, number>; list: AccidentLine[] };
  updatedAt: string | null;
}
