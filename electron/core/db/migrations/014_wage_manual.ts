import type { DB } from '../store';

/** v14: reserved (placeholder — filled by its area). */
export function up(db: DB): void {
  void db;
}
