// Several workers from the roster, searched on the backend by employee number or name (the roster does not come to the
// browser); the ones chosen keep their labels while the search changes.
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { WorkerRef } from '../../../../../shared/wage/records/types';
import { call } from '../../../lib/api';

const labelOf = (w: { name: string; empNo: string; workshopName?: string | null }) => `${w.name} · ${w.empNo}${w.workshopName ? ` · ${w.workshopName}` : ''}`;

export function WorkersSelect(props: { value?: string[]; onChange?(v: string[]): void; id?: string; placeholder?: string; initial?: WorkerRef[] }) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  /** labels of every worker seen, so a chosen one keeps its name when the search moves on */
  const labels = useRef(new Map<string, string>((props.initial ?? []).map((w) => [w.workerId, labelOf(w)])));
  useEffect(() => {
    const h = setTimeout(() => {
      call('workers.list', { search, pageSize: 30 }).then(
        (p) => {
          for (const w of p.rows) labels.current.set(w.id, labelOf(w));
          setOptions(p.rows.map((w) => ({ value: w.id, label: labelOf(w) })));
        },
        () => undefined,
      );
    }, 150);
    return () => clearTimeout(h);
  }, [search]);
  const value = props.value ?? [];
  const all = [...options, ...value.filter((id) => !options.some((o) => o.value === id)).map((id) => ({ value: id, label: labels.current.get(id) ?? id }))];
  return (
    <Select
      id={props.id}
      mode="multiple"
      value={value}
      onChange={(v: string[]) => {
        setSearch('');
        props.onChange?.(v);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder={props.placeholder}
      options={all}
      style={{ width: '100%' }}
    />
  );
}

/**
 * One worker from the roster, searched on the backend by employee number or name — the roster's picker with room
 * for the whole "name · employee no. · workshop" in its list (it is narrower than its options otherwise).
 */
export function WorkerPick(props: { value?: string | null; onChange?(v: string | null): void; id?: string; placeholder?: string; initialLabel?: string | null; width?: number; autoFocus?: boolean }) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    const h = setTimeout(() => {
      call('workers.list', { search, pageSize: 30 }).then(
        (p) => setOptions(p.rows.map((w) => ({ value: w.id, label: labelOf(w) }))),
        () => undefined,
      );
    }, 150);
    return () => clearTimeout(h);
  }, [search]);
  const all = props.value && props.initialLabel && !options.some((o) => o.value === props.value) ? [{ value: props.value, label: props.initialLabel }, ...options] : options;
  return (
    <Select
      id={props.id}
      autoFocus={props.autoFocus}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={props.placeholder}
      options={all}
      // the list is as wide as its longest option (at least 360px), not as the field
      popupMatchSelectWidth={360}
      style={{ width: props.width ?? 240 }}
    />
  );
}
