// The state tag of a scheme version (the words are in shared/wage/schemes/messages.ts).
import { Tag } from 'antd';
import type { SchemeState } from '../../../../../shared/wage/scheme';
import { useT } from '../../../i18n';

const STATE_COLOR: Record<SchemeState, string> = {
  draft: 'gold',
  proposed: 'processing',
  adopted: 'cyan',
  effective: 'green',
  superseded: 'default',
  rejected: 'red',
};

export function StateTag({ state }: { state: SchemeState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="scheme-state">
      {t(`wage.scheme.state.${state}`)}
    </Tag>
  );
}
