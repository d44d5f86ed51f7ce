import type { AuditEntry } from '../../shared/kernel/types';
import type { Store } from './db/store';
import { nowIso, uuidv7 } from './util';

export interface Actor {
  id: string | null; // operator id; null for the system / CLI
  name: string;
}
export const SYSTEM_ACTOR: Actor = { id: null, name: '系统' };
export const CLI_ACTOR: Actor = { id: null, name: '命令行' };

export interface AuditInput {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Appends one audit entry. Call inside the same transaction as the change it records. */
export function writeAudit(store: Store, actor: Actor, e: AuditInput, at = nowIso()): void {
  store.run(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, entity, entity_id, action, before, after, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      uuidv7(),
      at,
      actor.id,
      actor.name,
      e.entity,
      e.entityId,
      e.action,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.reason ?? null,
    ],
  );
}

interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

export function auditFor(store: Store, entity: string, entityId: string, limit = 200): AuditEntry[] {
  return store
    .all<AuditRow>(
      `SELECT seq, at, actor_id, actor_name, entity, entity_id, action, before, after, reason
       FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT ?`,
      [entity, entityId, limit],
    )
    .map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
      reason: r.reason,
    }));
}
