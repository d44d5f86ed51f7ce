import { Form, Input, InputNumber } from 'antd';
import { useT } from '../../i18n';

/** What the credit-code field keeps of a typed or pasted value: no whitespace (full-width included), upper case. */
export const usccNormalize = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, '').toUpperCase() : v);

/** Fields of the enterprise profile, used by the first-run wizard and the profile page. */
export function EnterpriseFields({ prefix = [] as string[] }) {
  const t = useT();
  const n = (k: string) => [...prefix, k];
  return (
    <>
      <Form.Item label={t('enterprise.name')} name={n('name')} required>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      {/* spaces go as they are typed or pasted, before any length limit: a native maxLength of 18 cut the check
          character off a code pasted with a leading space; the schema says when the length is wrong */}
      <Form.Item label={t('enterprise.uscc')} name={n('uscc')} required normalize={usccNormalize}>
        <Input maxLength={64} style={{ fontFamily: 'monospace' }} placeholder="91321200XXXXXXXXXX" />
      </Form.Item>
      <Form.Item label={t('enterprise.industry')} name={n('industry')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label={t('enterprise.address')} name={n('address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('enterprise.headcount')} name={n('headcount')} required>
        <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}
