// Hazard-specific pickers: GB/T 13861 categories, GB 6441 accident types. Units and workers: components/pickers.
import { Cascader, Select } from 'antd';
import { ACCIDENT_TYPES, HAZARD_CATEGORIES, HAZARD_CATEGORY1 } from '../../../../shared/hazards/rules';
import { useT } from '../../i18n';

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

