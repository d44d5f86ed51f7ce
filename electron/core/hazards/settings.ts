// The hazard rules (risk thresholds, response and acceptance days, due-soon window), kept in settings.
import { DEFAULT_HAZARD_RULES, type HazardRules } from '../../../shared/hazards/rules';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { getSetting, setSetting } from '../app/settings';

export function getRules(store: Store): HazardRules {
  const r = getSetting<Partial<HazardRules>>(store, 'hazard.rules', {});
  return { ...DEFAULT_HAZARD_RULES, ...r, thresholds: { ...DEFAULT_HAZARD_RULES.thresholds, ...(r.thresholds ?? {}) } };
}
export function setRules(store: Store, actor: Actor, rules: HazardRules): HazardRules {
  return store.tx(() => {
    const before = getRules(store);
    setSetting(store, 'hazard.rules', rules);
    writeAudit(store, actor, { entity: 'settings', entityId: 'hazard.rules', action: 'update', before, after: rules });
    return getRules(store);
  });
}

