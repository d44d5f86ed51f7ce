import { planContract } from '../../../../shared/health/plan/contract';
import { readsHealthResults } from '../../../../shared/health/privacy';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import { dueList, exitCheck } from './due';
import { dueQuarterXlsx } from './dueXlsx';
import { addExposure, deleteExposure, endExposure, exposuresFromRoster, listExposures, restoreExposure } from './exposures';
import { deleteFactor, getWomenSettings, listFactors, restoreFactor, saveFactor, saveWomenSettings } from './factors';

export const planHandlers = defineHandlers(planContract, {
  'health.factors': (i, ctx) => listFactors(ctx.store, i),
  'health.factorSave': (i, ctx) => saveFactor(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.factorDelete': (i, ctx) => deleteFactor(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'health.factorRestore': (i, ctx) => restoreFactor(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'health.womenSettings': (_i, ctx) => getWomenSettings(ctx.store),
  'health.womenSettingsSave': (i, ctx) => saveWomenSettings(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.exposures': (i, ctx) => listExposures(ctx.store, i),
  'health.exposureAdd': (i, ctx) => addExposure(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.exposureEnd': (i, ctx) => endExposure(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.exposureDelete': (i, ctx) => deleteExposure(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'health.exposureRestore': (i, ctx) => restoreExposure(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'health.exposuresFromRoster': (i, ctx) => exposuresFromRoster(ctx.store, signedIn(ctx), ctx.actor, i.dryRun),
  // the conclusion-based alerts only for those who read exam results (shared/health/privacy.ts)
  'health.due': (i, ctx) => dueList(ctx.store, i, undefined, { conclusions: readsHealthResults(signedIn(ctx)) }),
  'health.dueQuarterXlsx': (i, ctx) => dueQuarterXlsx(ctx, i, undefined, { conclusions: readsHealthResults(signedIn(ctx)) }),
  'health.exitCheck': (i, ctx) => exitCheck(ctx.store, i.workerId),
});
