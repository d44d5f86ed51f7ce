import { hoursContract } from '../../../../shared/education/hours/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import { todayLocal } from '../../util';
import { trainingFilePdf } from './files';
import * as hours from './service';

export const hoursHandlers = defineHandlers(hoursContract, {
  'education.requirements': (_i, ctx) => hours.listRequirements(ctx.store),
  'education.requirementSave': (i, ctx) => hours.saveRequirement(ctx.store, signedIn(ctx), ctx.actor, i),
  'education.sectorSave': (i, ctx) => hours.saveSector(ctx.store, signedIn(ctx), ctx.actor, i.sector),
  'education.hours': (i, ctx) => hours.listHours(ctx.store, i, todayLocal()),
  'education.workerTraining': (i, ctx) => hours.workerTraining(ctx.store, i.workerId, i.year, todayLocal()),
  'education.trainingFilePdf': (i, ctx) => trainingFilePdf(ctx, i),
});
