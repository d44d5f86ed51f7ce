// Saved views and drafts for any module. `kind` names a list or form registered by a module (shared/<module>/index.ts:
// viewKinds, draftKinds); a saved query must pass that kind's query schema.
import { DRAFT_KINDS, VIEW_KINDS } from '../../../shared/contract';
import type { SavedView } from '../../../shared/views/types';
import { AppError } from '../../../shared/result';
import type { Operator } from '../../../shared/operators/types';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { nowIso, uuidv7 } from '../util';

function viewKind(kind: string) {
  const schema = Object.prototype.hasOwnProperty.call(VIEW_KINDS, kind) ? VIEW_KINDS[kind] : undefined;
  if (!schema) throw new AppError('VALIDATION', 'err.views.unknownKind', { kind, issues: [{ path: 'kind', message: 'v.invalid' }] });
  return schema;
}
function draftKind(kind: string) {
  if (!DRAFT_KINDS.has(kind)) throw new AppError('VALIDATION', 'err.views.unknownKind', { kind, issues: [{ path: 'kind', message: 'v.invalid' }] });
}

export function listViews(store: Store, op: Operator, kind: string): SavedView[] {
  viewKind(kind);
  return store
    .all<{ id: string; name: string; query: string }>(
      'SELECT id, name, query FROM saved_views WHERE operator_id = ? AND kind = ? AND deleted_at IS NULL ORDER BY name',
      [op.id, kind],
    )
    .map((v) => ({ id: v.id, name: v.name, query: JSON.parse(v.query) }));
}
export function saveView(store: Store, actor: Actor, op: Operator, kind: string, name: string, raw: Record<string, unknown>): SavedView {
  // a saved query must be one the list accepts: it must pass the kind's query schema; keep the fields the user set
  // (not the defaults the schema fills in) and drop any it does not know
  const parsed = viewKind(kind).safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION', 'err.views.badQuery', { issues: [{ path: 'query', message: 'v.invalid' }] });
  const known = parsed.data as Record<string, unknown>;
  const query = Object.fromEntries(Object.entries(raw).filter(([k]) => Object.prototype.hasOwnProperty.call(known, k)));
  return store.tx(() => {
    const now = nowIso();
    const existing = store.get<{ id: string }>('SELECT id FROM saved_views WHERE operator_id = ? AND kind = ? AND name = ? AND deleted_at IS NULL', [op.id, kind, name]);
    const id = existing?.id ?? uuidv7();
    if (existing) store.run('UPDATE saved_views SET query = ?, updated_at = ? WHERE id = ?', [JSON.stringify(query), now, id]);
    else {
      store.run('INSERT INTO saved_views (id, operator_id, kind, name, query, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        id, op.id, kind, name, JSON.stringify(query), now, now,
      ]);
    }
    writeAudit(store, actor, { entity: 'saved_view', entityId: id, action: existing ? 'update' : 'create', after: { name, query } }, now);
    return { id, name, query };
  });
}
export function removeView(store: Store, actor: Actor, op: Operator, id: string) {
  return store.tx(() => {
    const now = nowIso();
    const r = store.run('UPDATE saved_views SET deleted_at = ?, updated_at = ? WHERE id = ? AND operator_id = ? AND deleted_at IS NULL', [now, now, id, op.id]);
    if (r.changes === 0) throw new AppError('NOT_FOUND', 'err.views.notFound');
    writeAudit(store, actor, { entity: 'saved_view', entityId: id, action: 'delete' }, now);
    return { id };
  });
}

export function getDraft(store: Store, op: Operator, kind: string) {
  draftKind(kind);
  const r = store.get<{ data: string; updated_at: string }>('SELECT data, updated_at FROM drafts WHERE operator_id = ? AND kind = ?', [op.id, kind]);
  return { data: r ? (JSON.parse(r.data) as unknown) : null, savedAt: r?.updated_at ?? null };
}
/** Drafts are scratch data, not records: no audit entry. */
export function saveDraft(store: Store, op: Operator, kind: string, data: unknown) {
  draftKind(kind);
  const savedAt = nowIso();
  store.run(
    `INSERT INTO drafts (operator_id, kind, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (operator_id, kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [op.id, kind, JSON.stringify(data), savedAt],
  );
  return { savedAt };
}
export function clearDraft(store: Store, op: Operator, kind: string) {
  draftKind(kind);
  return { cleared: store.run('DELETE FROM drafts WHERE operator_id = ? AND kind = ?', [op.id, kind]).changes > 0 };
}
