// The subsidy module's scorecard channels (owned by the scorecard area; empty until it lands).
import { defineContract } from '../../kernel/channel';

export const scorecardContract = defineContract(['subsidy'], {});
