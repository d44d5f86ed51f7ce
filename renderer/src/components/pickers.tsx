// Pickers every module uses: workshops/teams and workers (searched on the backend — 50,000 workers do not go to
// the browser).
import { Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { OrgUnit } from '../../../shared/org/types';
import type { WorkerRow } from '../../../shared/roster/types';
import { call } from '../lib/api';

/** Workshops with their teams, for a TreeSelect (retired units left out). */
export function unitTree(units: OrgUnit[]) {
  return units
    .filter((u) => u.kind === 'workshop' && !u.retiredAt)
    .map((w) => ({
      value: w.id,
      title: w.name,
      children: units.filter((u) => u.parentId === w.id && !u.retiredAt).map((tm) => ({ value: tm.id, title: `${w.name} / ${tm.name}` })),
    }));
}

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

