import { scorecardContract } from '../../../../shared/subsidy/scorecard/contract';
import { defineHandlers } from '../../kernel/handlers';

export const scorecardHandlers = defineHandlers(scorecardContract, {});
