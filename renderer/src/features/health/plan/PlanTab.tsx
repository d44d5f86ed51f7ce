// 体检计划与提醒 (#/health, #/health/plan[/<alert kind>], #/health/plan/exposures[/worker/<id>]): the due list with its
// alerts, and the exposures the plan comes from — one view at a time, the view and its filter in the address so Back
// and reload keep them.
import { Segmented, Space } from 'antd';
import { HEALTH_WRITERS } from '../../../../../shared/health/kinds';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { useRoute, useRouter } from '../../../app/router';
import { useSession } from '../../../app/session';
import { useT } from '../../../i18n';
import { parseHealthId } from '../tabs';
import { DueSection } from './DueSection';
import { ExposuresSection } from './ExposuresSection';

/** 职业卫生管理员, 安全员, 工会干部 and administrators change the plan's data (the backend refuses the rest). */
export function useCanWriteHealth(): boolean {
  const operator = useSession((s) => s.operator);
  return operator ? holdsAnyRole(operator, HEALTH_WRITERS) : false;
}

type View = 'due' | 'exposures';

export function PlanTab() {
  const t = useT();
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const canWrite = useCanWriteHealth();
  const rest = route.page === 'health' ? parseHealthId(route.id).rest : [];
  const view: View = rest[0] === 'exposures' ? 'exposures' : 'due';
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', paddingBottom: 24 }}>
      <Segmented<View>
        aria-label={t('health.plan.view')}
        value={view}
        onChange={(v) => navigate({ page: 'health', id: v === 'due' ? null : 'plan/exposures' })}
        options={[
          { value: 'due', label: t('health.plan.view.due') },
          { value: 'exposures', label: t('health.plan.view.exposures') },
        ]}
      />
      {view === 'due' ? <DueSection /> : <ExposuresSection key={rest.join('/')} canWrite={canWrite} workerId={rest[1] === 'worker' && rest[2] ? rest[2] : null} />}
    </Space>
  );
}
