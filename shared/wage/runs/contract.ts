// The skill-level wage's monthly runs: calculate a period with its effective scheme version (a new version each time),
// lines, group totals, a worker's explanation, review (复核) and approval (审批) by different runners, the difference
// between two versions, the dashboard cards. Runners (WAGE_RUNNERS) calculate, review and approve; anyone signed in reads.
import { byId, ch, defineContract, none } from '../../kernel/channel';
import type { Page } from '../../kernel/types';
import { runCalculateInput, runDiffQuery, runExplainQuery, runGroupsQuery, runLinesQuery, runsQuery } from './schemas';
import type { RunDetail, RunDiff, RunExplanation, RunGroupTotalDetail, RunLine, RunSummary, WageDashboard } from './types';

export const runsContract = defineContract(['wage'], {
  'wage.runs': ch<RunSummary[]>()(runsQuery),
  'wage.run': ch<RunDetail>()(byId),
  'wage.runLines': ch<Page<RunLine>>()(runLinesQuery),
  'wage.runGroups': ch<RunGroupTotalDetail[]>()(runGroupsQuery),
  'wage.runExplain': ch<RunExplanation>()(runExplainQuery),
  'wage.runCalculate': ch<RunSummary>()(runCalculateInput),
  'wage.runReview': ch<RunSummary>()(byId),
  'wage.runApprove': ch<RunSummary>()(byId),
  'wage.runDiff': ch<RunDiff>()(runDiffQuery),
  'wage.dashboard': ch<WageDashboard>()(none),
});
