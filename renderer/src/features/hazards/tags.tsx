import { Tag } from 'antd';
import { riskStyle } from '../../../../shared/hazards/risk';
import type { HazardRow } from '../../../../shared/hazards/types';
import { useT } from '../../i18n';

const STATUS_TAG: Record<string, string> = {
  reported: 'default',
  confirmed: 'processing',
  assigned: 'cyan',
  rectifying: 'blue',
  submitted: 'purple',
  closed: 'success',
  cancelled: 'default',
};

export function StatusTag({ h }: { h: Pick<HazardRow, 'status' | 'overdue'> }) {
  const t = useT();
  return (
    <>
      <Tag color={STATUS_TAG[h.status]}>{t(`hazardStatus.${h.status}`)}</Tag>
      {h.overdue && <Tag color="error">{t('hazard.overdue')}</Tag>}
    </>
  );
}

export function RiskTag({ h }: { h: Pick<HazardRow, 'risk' | 'riskD'> }) {
  const t = useT();
  if (!h.risk) return null;
  const s = riskStyle(h.risk);
  return (
    <Tag style={{ background: s.fill, color: s.ink, borderColor: s.hex }}>
      {t(`risk.${h.risk}`)}
      {h.riskD !== null ? ` D=${h.riskD}` : ''}
    </Tag>
  );
}

export function GradeTag({ h }: { h: Pick<HazardRow, 'grade'> }) {
  const t = useT();
  if (!h.grade) return null;
  return <Tag color={h.grade === 'major' ? 'volcano' : 'default'}>{t(`hazardGrade.${h.grade}`)}</Tag>;
}
