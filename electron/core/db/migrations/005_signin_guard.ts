import type { DB } from '../store';

/**
 * v5: the sign-in guard. Wrong PINs and the lock they earn lived in the process's memory, so a restart gave five fresh
 * tries. One row per operator who has failed since their last good sign-in: how many wrong PINs in a row, when the last
 * one was, and until when sign-in is locked (electron/core/operators/service.ts: lockDelayMs). A good sign-in deletes
 * the row; an administrator setting a new PIN does too.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE signin_guard (
      operator_id TEXT PRIMARY KEY REFERENCES operators(id),
      failures INTEGER NOT NULL CHECK (failures >= 0),
      last_failure_at TEXT NOT NULL,
      locked_until TEXT
    );
  `);
}
