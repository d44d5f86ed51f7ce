// The requirement table (hours by sector and role) and the enterprise's sector, edited in a dialog: each hour figure
// saves on Enter or when the field is left (0–500, one decimal; the backend checks again and audits), the sector
// saves when chosen. Below the table: what counts toward each requirement, in words (shared/education/hours/rules.ts).
import { Alert, App, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { REQUIREMENT_ROLES, SECTORS, type RequirementRole, type Sector } from '../../../../../shared/education/kinds';
import { PRE_HIRE_DAYS } from '../../../../../shared/education/hours/rules';
import { HOURS_EDITORS, type RequirementsView } from '../../../../../shared/education/hours/types';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { useSession } from '../../../app/session';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

export function SectorSelect({ value, onChange, disabled }: { value: Sector; onChange(s: Sector): void; disabled?: boolean }) {
  const t = useT();
  return (
    <Select
      aria-label={t('education.hours.sector')}
      data-testid="hours-sector"
      value={value}
      disabled={disabled}
      style={{ minWidth: 200 }}
      popupMatchSelectWidth={false}
      onChange={onChange}
      options={SECTORS.map((s) => ({ value: s, label: t(`education.sector.${s}`) }))}
    />
  );
}

/** Whether the signed-in operator may change the table and the sector (the backend checks again). */
export function useCanEditHours(): boolean {
  const operator = useSession((s) => s.operator);
  return operator ? holdsAnyRole(operator, HOURS_EDITORS) : false;
}

function HoursCell({
  sector,
  role,
  hours,
  disabled,
  onSave,
}: {
  sector: Sector;
  role: RequirementRole;
  hours: number;
  disabled: boolean;
  onSave(sector: Sector, role: RequirementRole, hours: number): Promise<boolean>;
}) {
  const t = useT();
  const [v, setV] = useState<number | null>(hours);
  useEffect(() => setV(hours), [hours]);
  const commit = async () => {
    if (v === null || v === hours) {
      setV(hours);
      return;
    }
    if (!(await onSave(sector, role, v))) setV(hours);
  };
  return (
    <InputNumber
      aria-label={`${t(`education.sector.${sector}`)} ${t(`education.role.${role}`)}`}
      data-testid={`req-${sector}-${role}`}
      min={0}
      max={500}
      step={1}
      precision={1}
      disabled={disabled}
      value={v}
      onChange={(x) => setV(typeof x === 'number' ? x : null)}
      onBlur={() => void commit()}
      onPressEnter={() => void commit()}
      style={{ width: 100 }}
    />
  );
}

export function RequirementsDialog({ open, view, onClose, onChanged }: { open: boolean; view: RequirementsView | null; onClose(): void; onChanged(v: RequirementsView): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const canEdit = useCanEditHours();

  const hoursOf = (sector: Sector, role: RequirementRole) => view?.rows.find((r) => r.sector === sector && r.role === role)?.hours ?? 0;

  const save = async (sector: Sector, role: RequirementRole, hours: number) => {
    setError(null);
    try {
      onChanged(await call('education.requirementSave', { sector, role, hours }));
      message.success(t('education.hours.saved'));
      return true;
    } catch (e) {
      setError(errorText(e, t));
      return false;
    }
  };
  const saveSector = async (sector: Sector) => {
    setError(null);
    try {
      onChanged(await call('education.sectorSave', { sector }));
      message.success(t('education.hours.sectorSaved', { sector: t(`education.sector.${sector}`) }));
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <Modal open={open} title={t('education.hours.requirementsTitle')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {view && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="requirements-dialog">
          <Space wrap>
            <Typography.Text>{t('education.hours.sector')}</Typography.Text>
            <SectorSelect value={view.sector} onChange={(s) => void saveSector(s)} disabled={!canEdit} />
          </Space>
          {!canEdit && <Alert type="info" showIcon title={t('education.hours.readOnly')} data-testid="requirements-readonly" />}
          <Typography.Text type="secondary">{t('education.hours.requirementsHint', { sector: t(`education.sector.${view.sector}`) })}</Typography.Text>
          {error && <Alert type="error" showIcon title={error} data-testid="requirements-error" />}
          <Table
            size="small"
            pagination={false}
            rowKey="role"
            dataSource={REQUIREMENT_ROLES.map((role) => ({ role }))}
            columns={[
              { title: t('education.hours.role'), dataIndex: 'role', render: (r: RequirementRole) => t(`education.role.${r}`) },
              ...SECTORS.map((sector) => ({
                title: (
                  <span style={{ fontWeight: sector === view.sector ? 700 : undefined }}>
                    {t('education.hours.hoursOf', { sector: t(`education.sector.${sector}`).replace(/（.*）|\(.*\)/, '') })}
                  </span>
                ),
                key: sector,
                render: (_: unknown, r: { role: RequirementRole }) => <HoursCell sector={sector} role={r.role} hours={hoursOf(sector, r.role)} disabled={!canEdit} onSave={save} />,
              })),
            ]}
          />
          <div>
            <Typography.Text strong>{t('education.hours.rules')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid="requirements-rules">
              <li>{t('education.hours.rule.new_worker', { days: PRE_HIRE_DAYS })}</li>
              <li>{t('education.hours.rule.worker_yearly')}</li>
              <li>{t('education.hours.rule.manager')}</li>
              <li>{t('education.hours.rule.meetings')}</li>
            </ul>
          </div>
        </Space>
      )}
    </Modal>
  );
}
