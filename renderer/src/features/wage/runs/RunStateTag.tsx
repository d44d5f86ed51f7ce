// The state tag of a run version (已核算 / 已复核 / 已审批 / 已被重算取代; the words are in shared/wage/runs/messages.ts).
// Its own file: the dashboard's wage card uses it without loading the runs tab.
import { Tag } from 'antd';
import type { RunState } from '../../../../../shared/wage/runs/types';
import { useT } from '../../../i18n';

const STATE_COLOR: Record<RunState, string> = { calculated: 'processing', reviewed: 'gold', approved: 'green', replaced: 'default' };

export function RunStateTag({ state }: { state: RunState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="run-state" data-state={state}>
      {t(`wage.run.state.${state}`)}
    </Tag>
  );
}
