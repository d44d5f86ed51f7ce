// The scheme version a period's run calculates with: the schemes area's rule (effectiveSchemeFor — the version in force
// on the period's first day, else the first to take effect within it). The one place the runs read it.
import type { SchemeContent } from '../../../../shared/wage/schemes/types';
import type { Store } from '../../db/store';
import { effectiveSchemeFor } from '../schemes/service';

export interface RunScheme {
  id: string;
  name: string;
  version: number;
  content: SchemeContent;
}

export function schemeForPeriod(store: Store, period: string): RunScheme | null {
  const v = effectiveSchemeFor(store, period);
  return v ? { id: v.id, name: v.name, version: v.version, content: v.content } : null;
}
