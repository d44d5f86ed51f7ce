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
import type { AttendanceList, PublicNotice, SessionDetail, SessionSettings, SessionSummary } from './types';

export const sessionsContract = defineContract(['congress'], {
  'congress.sessions': ch<SessionSummary[]>()(z.object({ termId: idSchema }).strict()),
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
