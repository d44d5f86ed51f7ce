import type { DB } from '../store';

/** v12: reserved (placeholder — filled by its area). */
export function up(db: DB): void {
  void db;
}
