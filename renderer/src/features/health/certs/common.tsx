// What the certificates tab, its dialogs and the home card share: who may write, the state's tag and colours, a
// certificate's category in words.
import { Tag } from 'antd';
import type { CertStatus } from '../../../../../shared/health/certs/rules';
import type { Certificate } from '../../../../../shared/health/certs/types';
import { HEALTH_WRITERS } from '../../../../../shared/health/kinds';
import { daysUntil } from '../../../../../shared/roster/certs';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { useSession } from '../../../app/session';
import { useT, type TFunc } from '../../../i18n';

export const STATUS_COLOR: Record<CertStatus, string> = { current: 'green', window: 'orange', overdue: 'volcano', expired: 'red' };

/** Occupational-health managers, safety officers, union officers and administrators write (the backend refuses the rest). */
export function useCanWriteHealth(): boolean {
  const operator = useSession((s) => s.operator);
  return operator ? holdsAnyRole(operator, HEALTH_WRITERS) : false;
}

/** 电工作业, or the operation item as written when no category fits (both when they differ). */
export function certKind(t: TFunc, c: Pick<Certificate, 'category' | 'typeText'>): string {
  if (!c.category) return c.typeText ?? '';
  const cat = t(`health.cert.category.${c.category}`);
  return c.typeText && c.typeText !== cat ? `${cat}（${c.typeText}）` : cat;
}

/** The state's tag (待换证 when the renewal at the expiry is due), with how far the due date is (in N days / today / N days
 * ago) unless current. */
export function StatusTag({ c, today }: { c: Pick<Certificate, 'status' | 'dueDate' | 'dueKind'>; today: string }) {
  const t = useT();
  // the date the row shows as due (the review, or the renewal at the expiry) is the one counted
  const n = daysUntil(c.dueDate, today);
  const label = c.status === 'window' && c.dueKind === 'renewal' ? t('health.cert.status.renewal') : t(`health.cert.status.${c.status}`);
  const when = c.status === 'current' ? '' : n === 0 ? t('health.cert.dueToday') : n > 0 ? t('health.cert.dueIn', { n }) : t('health.cert.dueAgo', { n: -n });
  return (
    <Tag color={STATUS_COLOR[c.status]} data-testid={`cert-status-${c.status}`} style={{ whiteSpace: 'normal', maxWidth: '100%', marginInlineEnd: 0 }}>
      {label}
      {when && ` · ${when}`}
    </Tag>
  );
}
