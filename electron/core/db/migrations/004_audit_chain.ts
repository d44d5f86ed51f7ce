import { createHash } from 'node:crypto';
import type { DB } from '../store';

/**
 * v4: the audit log becomes a hash chain, and the audit log and the hazard timeline refuse overwrites.
 *
 * `INSERT OR REPLACE` with an existing key used to replace an entry silently (SQLite fires no delete trigger for the
 * row a REPLACE removes unless recursive_triggers is on, and a connection of another program does not turn it on).
 * A BEFORE INSERT trigger on each table now refuses any insert whose key exists; on audit_log also one that does not
 * extend the chain (seq not above the last, prev_hash not the last entry's hash, no hash).
 *
 * Each audit entry gets prev_hash (the hash of the entry before it; '' for the first) and hash (sha256 over its
 * content and prev_hash: electron/core/auditChain.ts entryHash). Existing entries are back-filled in seq order. The
 * hash function is written out here, frozen with this step, so that later changes elsewhere cannot change what this
 * migration wrote; tests check that both give the same hashes.
 */
export function up(db: DB): void {
  db.exec(`
    ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
    ALTER TABLE audit_log ADD COLUMN hash TEXT;
    DROP TRIGGER audit_no_update;
  `);

  const hashOf = (r: Row, prev: string) =>
    createHash('sha256')
      .update(JSON.stringify(['ankang-audit-v1', r.seq, r.id, r.at, r.actor_id, r.actor_name, r.entity, r.entity_id, r.action, r.before, r.after, r.reason, prev]), 'utf8')
      .digest('hex');
  // in slices (an iterator keeps the connection busy, so no update could run beside it): bounded memory at any size
  const slice = db.prepare(
    `SELECT seq, id, at, actor_id, actor_name, entity, entity_id, action, before, after, reason FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 5000`,
  );
  const set = db.prepare(`UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?`);
  let prev = '';
  let after = 0;
  for (;;) {
    const rows = slice.all(after) as Row[];
    for (const r of rows) {
      const hash = hashOf(r, prev);
      set.run(prev, hash, r.seq);
      prev = hash;
      after = r.seq;
    }
    if (rows.length < 5000) break;
  }

  db.exec(`
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
    CREATE TRIGGER audit_append_only BEFORE INSERT ON audit_log
    WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq >= new.seq) OR EXISTS (SELECT 1 FROM audit_log WHERE id = new.id)
      OR new.hash IS NULL OR new.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '')
    BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
    CREATE TRIGGER hazard_events_append_only BEFORE INSERT ON hazard_events
    WHEN EXISTS (SELECT 1 FROM hazard_events WHERE seq = new.seq) OR EXISTS (SELECT 1 FROM hazard_events WHERE id = new.id)
    BEGIN
      SELECT RAISE(ABORT, 'hazard_events is append-only');
    END;
  `);
}

interface Row {
  seq: number;
  id: string;
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
