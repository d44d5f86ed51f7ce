// What the activities tab's parts share: who may record, the route of an opened activity, labels.
import { EDU_WRITERS } from '../../../../../shared/education/kinds';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { useSession } from '../../../app/session';
import type { TFunc } from '../../../i18n';
import type { ActivityRow } from '../../../../../shared/education/activities/types';

/** Safety officers, union officers, team leaders, OH managers and administrators record (the backend refuses the rest). */
export function useCanRecordEdu(): boolean {
  const operator = useSession((s) => s.operator);
  return operator ? holdsAnyRole(operator, EDU_WRITERS) : false;
}

/** The education route's id of the activities tab, with an activity opened. */
export const activityRouteId = (id: string | null) => (id ? `activities/${id}` : null);

/** 三级安全教育 · 车间级 */
export const kindText = (a: Pick<ActivityRow, 'kind' | 'level'>, t: TFunc) => (a.level ? `${t(`edu.activityKind.${a.kind}`)} · ${t(`edu.level.${a.level}`)}` : t(`edu.activityKind.${a.kind}`));

export const hoursText = (n: number) => String(Math.round(n * 100) / 100);

/** the unit the activity was held for; none: the whole company (全厂) */
export const unitText = (a: Pick<ActivityRow, 'orgUnitName'>, t: TFunc) => a.orgUnitName ?? t('edu.act.wholeCompany');

export { isMeetingKind } from '../../../../../shared/education/activities/rules';
