// Which congress agenda items may take a scheme: the session's 能级工资 item (template 'wage') and items the
// representatives vote on or deliberate (an enterprise's X item) — never a procedural item (宣布大会开幕 / 闭幕, 通过大会决议)
// nor a report or an election. The backend offers and accepts only these; the dialog shows only these.
import type { ItemKind } from '../../congress/sessions/types';

/** The 5+X agenda's procedural items (shared/congress/sessions/types.ts AGENDA_TEMPLATE): a scheme is never put to them. */
export const PROCEDURAL_ITEMS = ['opening', 'resolutions', 'closing'] as const;

export function itemTakesScheme(templateKey: string | null, kind: ItemKind): boolean {
  if (templateKey === 'wage') return true;
  if (templateKey !== null && (PROCEDURAL_ITEMS as readonly string[]).includes(templateKey)) return false;
  return kind === 'vote' || kind === 'deliberate';
}
