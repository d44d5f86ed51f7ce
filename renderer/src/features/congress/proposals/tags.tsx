// Small display pieces of the proposals tab: the state tag (with 逾期 and 再次答复), the hazards summary.
import { Space, Tag } from 'antd';
import type { HazardLinkSummary, ProposalRow, ProposalState } from '../../../../../shared/congress/proposals/types';
import { useT } from '../../../i18n';

const STATE_COLOR: Record<ProposalState, string> = {
  submitted: 'gold',
  filed: 'blue',
  referred: 'purple',
  rejected: 'default',
  assigned: 'processing',
  answered: 'cyan',
  closed: 'green',
  archived: 'default',
};

export function StateTag({ p }: { p: Pick<ProposalRow, 'state' | 'overdue' | 'round'> }) {
  const t = useT();
  return (
    <Space size={2} wrap>
      <Tag color={STATE_COLOR[p.state]}>{t(`congress.proposal.state.${p.state}`)}</Tag>
      {p.round === 2 && p.state === 'assigned' && <Tag color="orange">{t('congress.prop.secondRound')}</Tag>}
      {p.overdue && <Tag color="red">{t('congress.prop.overdue')}</Tag>}
    </Space>
  );
}

/** '2 项 · 已销号 1' or '已全部销号（2 项）'; nothing without linked hazards. */
export function HazardsText({ h }: { h: HazardLinkSummary }) {
  const t = useT();
  if (h.total === 0) return null;
  return h.allClosed ? <Tag color="green">{t('congress.prop.hazardsAllClosed', { n: h.total })}</Tag> : <span>{t('congress.prop.hazardsSome', { n: h.total, closed: h.closed })}</span>;
}
