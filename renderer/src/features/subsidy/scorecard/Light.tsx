// A criterion's light: a coloured dot with its word (达标 / 待完善 / 未达标 / 无数据) — never colour alone.
import { Tag } from 'antd';
import type { Light } from '../../../../../shared/subsidy/kinds';
import { useT } from '../../../i18n';

export const LIGHT_COLOR: Record<Light, string> = { green: '#389e0d', amber: '#d48806', red: '#cf1322', none: '#8c8c8c' };
const TAG_COLOR: Record<Light, string> = { green: 'success', amber: 'warning', red: 'error', none: 'default' };

export function LightTag({ light, testId }: { light: Light; testId?: string }) {
  const t = useT();
  return (
    <Tag color={TAG_COLOR[light]} data-testid={testId} data-light={light} style={{ marginInlineEnd: 0 }}>
      <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: LIGHT_COLOR[light], marginInlineEnd: 6 }} />
      {t(`subsidy.light.${light}`)}
    </Tag>
  );
}
