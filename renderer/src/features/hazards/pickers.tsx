import { Cascader, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ACCIDENT_TYPES, HAZARD_CATEGORIES, HAZARD_CATEGORY1 } from '../../../../shared/hazards/rules';
import type { OrgUnit } from '../../../../shared/org/types';
import type { WorkerRow } from '../../../../shared/roster/types';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { unitTree } from '../roster/WorkerForm';

export function useUnits() {
  const [units, setUnits] = useState<OrgUnit[]>([]);
  useEffect(() => {
    call('org.tree', { includeRetired: false }).then(setUnits, () => undefined);
  }, []);
  return units;
}

export function UnitSelect(props: { value?: string | null; onChange?(v: string | null): void; units: OrgUnit[]; id?: string; placeholder?: string; allowClear?: boolean }) {
  const tree = useMemo(() => unitTree(props.units), [props.units]);
  return (
    <TreeSelect
      id={props.id}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      treeData={tree}
      allowClear={props.allowClear ?? true}
      treeDefaultExpandAll
      placeholder={props.placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ minWidth: 180 }}
    />
  );
}

/** Worker picker searching the roster on the backend (50,000 workers do not go to the browser). */
export function WorkerSelect(props: { value?: string | null; onChange?(v: string | null): void; id?: string; placeholder?: string; initialLabel?: string | null; roles?: 'any' }) {
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<WorkerRow[]>([]);
  useEffect(() => {
    const h = setTimeout(() => {
      call('workers.list', { search, pageSize: 30, role: props.roles ?? null }).then((p) => setRows(p.rows), () => undefined);
    }, 150);
    return () => clearTimeout(h);
  }, [search, props.roles]);
  const options = rows.map((w) => ({ value: w.id, label: `${w.name} · ${w.empNo}${w.workshopName ? ` · ${w.workshopName}` : ''}` }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) options.unshift({ value: props.value, label: props.initialLabel });
  return (
    <Select
      id={props.id}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={props.placeholder}
      options={options}
      style={{ minWidth: 200 }}
    />
  );
}

export function CategoryCascader(props: { value?: [string, string?] | null; onChange?(v: [string, string?] | null): void; id?: string }) {
  const t = useT();
  const options = HAZARD_CATEGORY1.map((c1) => ({
    value: c1 as string,
    label: t(`cat.${c1}`),
    children: HAZARD_CATEGORIES[c1].map((c2) => ({ value: c2 as string, label: t(`cat.${c1}.${c2}`) })),
  }));
  return (
    <Cascader
      id={props.id}
      value={props.value ? (props.value.filter(Boolean) as string[]) : undefined}
      onChange={(v: string[] | undefined) => props.onChange?.(v && v.length ? ([v[0], v[1]] as [string, string?]) : null)}
      options={options}
      changeOnSelect
      placeholder={t('hazard.category')}
      style={{ width: '100%' }}
    />
  );
}

export function AccidentSelect(props: { value?: string | null; onChange?(v: string | null): void; id?: string }) {
  const t = useT();
  return (
    <Select
      id={props.id}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={ACCIDENT_TYPES.map((a) => ({ value: a, label: t(`accident.${a}`) }))}
    />
  );
}
