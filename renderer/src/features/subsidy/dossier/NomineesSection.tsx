// The nominees of the dossier: the people the money would reward, each put forward in one of the five roles the
// roster gives them, with their record of the year (hazards found, trainings and hours, proposals, wage paid) and why.
// Add: choose the role, then one of its holders (searched by name or 工号); remove with the row's button; the order
// is the order added. A nominee who left or lost the role since is marked.
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatYuan } from '../../../../../shared/kernel/money';
import { NOMINEE_ROLES, type Nominee, type NomineeCandidate, type NomineeRole } from '../../../../../shared/subsidy/dossier/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

export type NomineeDraft = Pick<Nominee, 'workerId' | 'empNo' | 'name' | 'workshopName' | 'teamName' | 'record' | 'role' | 'reason'> & { stale?: boolean };

function AddNominee({ year, taken, onAdd }: { year: number; taken: Set<string>; onAdd(n: NomineeDraft): void }) {
  const t = useT();
  const [role, setRole] = useState<NomineeRole>('team_leader');
  const [search, setSearch] = useState('');
  const [list, setList] = useState<NomineeCandidate[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    const h = setTimeout(() => {
      call('subsidy.nomineeCandidates', { year, role, search: search || null })
        .then((r) => live && (setList(r), setError(null)), (e: unknown) => live && setError(e))
        .finally(() => live && setLoading(false));
    }, 200);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [year, role, search]);
  const options = list.filter((c) => !taken.has(c.workerId));
  const add = () => {
    const c = options.find((x) => x.workerId === picked);
    if (!c) return;
    onAdd({ ...c, role, reason: null });
    setPicked(null);
  };
  return (
    <div data-testid="nominee-add">
      <Space wrap>
        <Select<NomineeRole>
          aria-label={t('subsidy.d.role')}
          data-testid="nominee-role"
          value={role}
          onChange={(r) => {
            setRole(r);
            setPicked(null);
          }}
          style={{ width: 170 }}
          options={NOMINEE_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <Select<string>
          aria-label={t('subsidy.d.worker')}
          data-testid="nominee-worker"
          showSearch={{ filterOption: false, onSearch: setSearch }}
          value={picked}
          onChange={setPicked}
          loading={loading}
          placeholder={t('subsidy.d.workerPh')}
          notFoundContent={loading ? null : t('subsidy.d.noHolders', { role: t(`role.${role}`) })}
          style={{ width: 260 }}
          options={options.map((c) => ({ value: c.workerId, label: `${c.name}（${c.empNo}）${c.teamName ?? c.workshopName ?? ''}` }))}
        />
        <Button onClick={add} disabled={!picked}>
          {t('subsidy.d.add')}
        </Button>
      </Space>
      {error != null && <Typography.Text type="danger">{errorText(error, t)}</Typography.Text>}
    </div>
  );
}

export function NomineesSection({ year, value, onChange, disabled }: { year: number; value: NomineeDraft[]; onChange(v: NomineeDraft[]): void; disabled: boolean }) {
  const t = useT();
  const set = (i: number, patch: Partial<NomineeDraft>) => onChange(value.map((n, k) => (k === i ? { ...n, ...patch } : n)));
  return (
    <div data-testid="dossier-nominees">
      {!disabled && <AddNominee year={year} taken={new Set(value.map((n) => n.workerId))} onAdd={(n) => onChange([...value, n])} />}
      {value.some((n) => n.stale) && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('subsidy.d.staleHint')} />}
      <Table<NomineeDraft>
        style={{ marginTop: 8 }}
        size="small"
        rowKey="workerId"
        pagination={false}
        dataSource={value}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('subsidy.d.noNominees') }}
        columns={[
          {
            title: t('subsidy.d.name'),
            key: 'name',
            width: 150,
            render: (_, n) => (
              <span>
                {n.name} <Typography.Text type="secondary">{n.empNo}</Typography.Text>
                {n.stale && (
                  <Tag color="warning" style={{ marginInlineStart: 4 }}>
                    {t('subsidy.d.stale')}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: t('subsidy.d.unit'), key: 'unit', width: 140, render: (_, n) => [n.workshopName, n.teamName].filter(Boolean).join(' / ') },
          { title: t('subsidy.d.role'), key: 'role', width: 120, render: (_, n) => t(`role.${n.role}`) },
          { title: t('subsidy.d.hazards'), key: 'hz', width: 84, align: 'right', render: (_, n) => n.record.hazardsFound },
          { title: t('subsidy.d.trainings'), key: 'tr', width: 110, align: 'right', render: (_, n) => t('subsidy.d.trainingsN', { n: n.record.trainings, hours: n.record.trainingHours }) },
          { title: t('subsidy.d.proposals'), key: 'pr', width: 60, align: 'right', render: (_, n) => n.record.proposals },
          { title: t('subsidy.d.wage'), key: 'wage', width: 110, align: 'right', render: (_, n) => formatYuan(n.record.wageFen) },
          {
            title: t('subsidy.d.reason'),
            key: 'reason',
            render: (_, n, i) => (
              <Input
                aria-label={t('subsidy.d.reasonOf', { name: n.name })}
                value={n.reason ?? ''}
                maxLength={200}
                disabled={disabled}
                onChange={(e) => set(i, { reason: e.target.value || null })}
              />
            ),
          },
          {
            title: '',
            key: 'x',
            width: 70,
            render: (_, n, i) =>
              disabled ? null : (
                <Button size="small" danger type="link" aria-label={t('subsidy.d.removeOf', { name: n.name })} onClick={() => onChange(value.filter((_, k) => k !== i))}>
                  {t('subsidy.d.remove')}
                </Button>
              ),
          },
        ]}
      />
    </div>
  );
}
