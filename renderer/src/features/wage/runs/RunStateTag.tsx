// The state tag of a run version (已核算 / 已复核 / 已审批 / 已被重算取代; the words are in shared/wage/runs/messages.ts).
// Its own file: the dashboard's wage card uses it without loading the runs tab.
import { Tag } from 'antd';
import type { RunState } from '../../../../../shared/wage/runs/types';
import { useT } from '../../../i18n';

const STATE_COLOR: Record<RunState, string> = { calculated: 'processing', reviewed: 'gold', approved: 'green', replaced: 'default' };

/** `wasApproved`: a replaced version that had been approved (a later approval replaced it) says so. */
export function RunStateTag({ state, wasApproved = false }: { state: RunState; wasApproved?: boolean }) {
  const t = useT();
  const was = state === 'replaced' && wasApproved;
  return (
    <Tag color={STATE_COLOR[state]} data-testid="run-state" data-state={was ? 'replacedApproved' : state}>
      {t(was ? 'wage.runs.state.replacedApproved' : `wage.run.state.${state}`)}
    </Tag>
  );
}
