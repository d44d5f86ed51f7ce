import { hazardsContract } from '../../../shared/hazards/contract';
import { lecScore, riskColor } from '../../../shared/hazards/rules';
import { defineHandlers, signedIn, type Ctx } from '../kernel/handlers';
import * as docs from './documents';
import { addPhoto, linkHazards, removePhoto } from './photos';
import { getHazard, listHazards, reminders } from './queries';
import { myTasks } from './mine';
import { getRules, setRules } from './settings';
import { hazardStats } from './stats';
import * as wf from './workflow';

const hctx = (ctx: Ctx): wf.HazardCtx => ({ store: ctx.store, actor: ctx.actor, operator: signedIn(ctx) });
const note = (s: string | undefined) => s?.trim() || null;

export const hazardsHandlers = defineHandlers(hazardsContract, {
  'hazards.report': (i, ctx) => wf.reportHazard(hctx(ctx), i),
  'hazards.get': (i, ctx) => getHazard(ctx.store, i.id, ctx.operator),
  'hazards.list': (i, ctx) => listHazards(ctx.store, i),
  'hazards.edit': (i, ctx) => wf.editHazard(hctx(ctx), i.id, i.changes),
  'hazards.correct': (i, ctx) => wf.correctHazard(hctx(ctx), i.id, i.changes, i.reason),
  'hazards.confirm': (i, ctx) => wf.confirmHazard(hctx(ctx), i),
  'hazards.assign': (i, ctx) => wf.assignHazard(hctx(ctx), i),
  'hazards.start': (i, ctx) => wf.startHazard(hctx(ctx), i.id, note(i.comment)),
  'hazards.submit': (i, ctx) => wf.submitHazard(hctx(ctx), i),
  'hazards.accept': (i, ctx) => wf.acceptHazard(hctx(ctx), i.id, note(i.comment)),
  'hazards.reject': (i, ctx) => wf.rejectHazard(hctx(ctx), i.id, i.reason),
  'hazards.cancel': (i, ctx) => wf.cancelHazard(hctx(ctx), i),
  'hazards.majorReport': (i, ctx) => wf.reportMajor(hctx(ctx), i),
  'hazards.majorSupervise': (i, ctx) => wf.superviseMajor(hctx(ctx), i),
  'hazards.majorEvaluate': (i, ctx) => wf.evaluateMajor(hctx(ctx), i),
  'hazards.addPhoto': (i, ctx) => addPhoto(hctx(ctx), i.id, i.attachmentId, i.phase),
  'hazards.removePhoto': (i, ctx) => removePhoto(hctx(ctx), i.id, i.attachmentId),
  'hazards.link': (i, ctx) => linkHazards(hctx(ctx), i.id, i.otherId, true),
  'hazards.unlink': (i, ctx) => linkHazards(hctx(ctx), i.id, i.otherId, false),
  'hazards.reminders': (i, ctx) => reminders(ctx.store, i.limit),
  'hazards.mine': (i, ctx) => myTasks(ctx.store, signedIn(ctx), i.limit),
  'hazards.stats': (i, ctx) => hazardStats(ctx.store, i.year, i.quarter),
  'hazards.exportLedger': (i, ctx) => docs.ledgerXlsx(ctx, i),
  'hazards.ledgerPdf': (i, ctx) => docs.ledgerPdf(ctx, i),
  'hazards.exportStats': (i, ctx) => docs.statsXlsx(ctx, i.year, i.quarter),
  'hazards.statsPdf': (i, ctx) => docs.statsPdf(ctx, i.year, i.quarter),
  'hazards.noticePdf': (i, ctx) => docs.noticePdf(ctx, i.id),
  'hazards.acceptancePdf': (i, ctx) => docs.acceptancePdf(ctx, i.id),
  'hazards.rules': (_i, ctx) => getRules(ctx.store),
  'hazards.setRules': (i, ctx) => setRules(ctx.store, ctx.actor, i),
  'hazards.lecPreview': (i, ctx) => {
    const d = lecScore(i.l, i.e, i.c);
    return { d, risk: riskColor(d, getRules(ctx.store).thresholds) };
  },
});
