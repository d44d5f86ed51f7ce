import { runsContract } from '../../../../shared/wage/runs/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import * as runs from './service';

export const runsHandlers = defineHandlers(runsContract, {
  'wage.runs': (i, ctx) => runs.listRuns(ctx.store, i),
  'wage.run': (i, ctx) => runs.getRun(ctx.store, i.id),
  'wage.runLines': (i, ctx) => runs.runLines(ctx.store, i),
  'wage.runGroups': (i, ctx) => runs.runGroups(ctx.store, i),
  'wage.runExplain': (i, ctx) => runs.explain(ctx.store, i),
  'wage.runCalculate': (i, ctx) => runs.calculate(ctx.store, signedIn(ctx), ctx.actor, i, ctx.job),
  'wage.runReview': (i, ctx) => runs.review(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.runApprove': (i, ctx) => runs.approve(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.runDiff': (i, ctx) => runs.diff(ctx.store, i),
  'wage.dashboard': (_i, ctx) => runs.dashboard(ctx.store),
});
