import { scorecardContract } from '../../../../shared/subsidy/scorecard/contract';
import { defineHandlers } from '../../kernel/handlers';
import { scorecard } from './service';

export const scorecardHandlers = defineHandlers(scorecardContract, {
  'subsidy.scorecard': (i, ctx) => scorecard(ctx.store, i.year),
});
