// The sessions of the workers' congress: the session and its 5+X agenda, the papers' hazard figures, the day's
// attendance, quorum and votes. Union officers and administrators run them; anyone signed in may read.
import { z } from 'zod';
import { byId, ch, defineContract } from '../../kernel/channel';
import { idSchema } from '../../kernel/schemas';
import {
  attendanceQuery,
  attendanceSet,
  itemAdd,
  itemRecord,
  itemReorder,
  itemUpdate,
  materialAdd,
  materialRemove,
  sessionCreate,
  sessionSettings,
  sessionStep,
  sessionUpdate,
  voteCorrect,
  voteCount,
  voteNamed,
  voteOpen,
} from './schemas';
import type { FileRef } from '../../files';
import type { AttendanceList, PublicNotice, SessionDetail, SessionSettings, SessionStatus, SessionSummary } from './types';

/** A safety-themed session as the home page's yearly check names it. */
export interface SessionYearEntry {
  id: string;
  termNumber: number;
  seq: number;
  date: string;
  status: SessionStatus;
}
/**
 * The yearly "held at least once" check (安全生产专题职代会每年至少召开一次): held — a safety-themed session of this
 * year opened or closed; else planned — the next one preparing or issued (or the last whose day passed unopened);
 * lastYearMissed — a term covered last year and no safety-themed session was held in it.
 */
export interface SessionYearCheck {
  year: number;
  today: string;
  hasTerm: boolean;
  held: SessionYearEntry | null;
  planned: SessionYearEntry | null;
  lastYearMissed: boolean;
}

export const sessionsContract = defineContract(['congress'], {
  'congress.sessions': ch<SessionSummary[]>()(z.object({ termId: idSchema }).strict()),
  'congress.sessionYearCheck': ch<SessionYearCheck>()(z.object({}).strict()),
  'congress.session': ch<SessionDetail>()(byId),
  'congress.sessionCreate': ch<SessionDetail>()(sessionCreate),
  'congress.sessionUpdate': ch<SessionDetail>()(sessionUpdate),
  'congress.sessionDelete': ch<{ deleted: true }>()(byId),
  'congress.sessionStep': ch<SessionDetail>()(sessionStep),
  'congress.sessionSettings': ch<SessionSettings>()(z.object({}).strict()),
  'congress.sessionSettingsSave': ch<SessionSettings>()(sessionSettings),
  'congress.sessionNotice': ch<PublicNotice>()(byId),
  'congress.sessionMinutesPdf': ch<FileRef>()(byId),
  'congress.sessionPapersPdf': ch<FileRef>()(z.object({ id: idSchema, paper: z.enum(['notice', 'signIn', 'ballots'], { error: 'v.invalid' }) }).strict()),
  'congress.sessionResolutionsPdf': ch<FileRef>()(byId),
  'congress.sessionVotesXlsx': ch<FileRef>()(byId),
  'congress.agendaAdd': ch<SessionDetail>()(itemAdd),
  'congress.agendaUpdate': ch<SessionDetail>()(itemUpdate),
  'congress.agendaDelete': ch<SessionDetail>()(byId),
  'congress.agendaReorder': ch<SessionDetail>()(itemReorder),
  'congress.agendaRecord': ch<SessionDetail>()(itemRecord),
  'congress.agendaMaterialAdd': ch<SessionDetail>()(materialAdd),
  'congress.agendaMaterialRemove': ch<SessionDetail>()(materialRemove),
  'congress.attendance': ch<AttendanceList>()(attendanceQuery),
  'congress.attendanceSet': ch<AttendanceList>()(attendanceSet),
  'congress.voteOpen': ch<SessionDetail>()(voteOpen),
  'congress.voteCount': ch<SessionDetail>()(voteCount),
  'congress.voteNamed': ch<SessionDetail>()(voteNamed),
  'congress.voteAnnounce': ch<SessionDetail>()(byId),
  'congress.voteDiscard': ch<SessionDetail>()(byId),
  'congress.voteCorrect': ch<SessionDetail>()(voteCorrect),
});
