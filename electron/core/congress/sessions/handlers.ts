import { sessionsContract } from '../../../../shared/congress/sessions/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import * as day from './day';
import { minutesPdf, papersPdf, resolutionsPdf, voteResultsXlsx } from './minutes';
import * as sessions from './sessions';
import { sessionYearCheck } from './yearCheck';

export const sessionsHandlers = defineHandlers(sessionsContract, {
  'congress.sessions': (i, ctx) => sessions.listSessions(ctx.store, i.termId),
  'congress.sessionYearCheck': (_i, ctx) => sessionYearCheck(ctx.store),
  'congress.session': (i, ctx) => sessions.getSession(ctx.store, i.id),
  'congress.sessionCreate': (i, ctx) => sessions.createSession(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.sessionUpdate': (i, ctx) => sessions.updateSession(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.sessionDelete': (i, ctx) => sessions.deleteSession(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'congress.sessionStep': (i, ctx) => sessions.stepSession(ctx.store, signedIn(ctx), ctx.actor, i.id, i.action),
  'congress.sessionSettings': (_i, ctx) => sessions.getSessionSettings(ctx.store),
  'congress.sessionSettingsSave': (i, ctx) => sessions.saveSessionSettings(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.sessionNotice': (i, ctx) => day.publicNotice(ctx.store, i.id),
  'congress.sessionMinutesPdf': (i, ctx) => minutesPdf(ctx, i.id),
  'congress.sessionPapersPdf': (i, ctx) => papersPdf(ctx, i.id, i.paper),
  'congress.sessionResolutionsPdf': (i, ctx) => resolutionsPdf(ctx, i.id),
  'congress.sessionVotesXlsx': (i, ctx) => voteResultsXlsx(ctx, i.id),
  'congress.agendaAdd': (i, ctx) => sessions.addItem(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.agendaUpdate': (i, ctx) => sessions.updateItem(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.agendaDelete': (i, ctx) => sessions.deleteItem(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'congress.agendaReorder': (i, ctx) => sessions.reorderItems(ctx.store, signedIn(ctx), ctx.actor, i.sessionId, i.ids),
  'congress.agendaRecord': (i, ctx) => sessions.recordItem(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.agendaMaterialAdd': (i, ctx) => sessions.addMaterial(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.agendaMaterialRemove': (i, ctx) => sessions.removeMaterial(ctx.store, signedIn(ctx), ctx.actor, i.itemId, i.attachmentId),
  'congress.attendance': (i, ctx) => day.listAttendance(ctx.store, i.sessionId, i.q),
  'congress.attendanceSet': (i, ctx) => day.setAttendance(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.voteOpen': (i, ctx) => day.openVote(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.voteCount': (i, ctx) => day.countVote(ctx.store, signedIn(ctx), ctx.actor, i.id, i.counts),
  'congress.voteNamed': (i, ctx) => day.namedVote(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.voteAnnounce': (i, ctx) => day.announceVote(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'congress.voteDiscard': (i, ctx) => day.discardVote(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'congress.voteCorrect': (i, ctx) => day.correctVote(ctx.store, signedIn(ctx), ctx.actor, i.id, i.counts, i.reason),
});
