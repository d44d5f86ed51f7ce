// A short data fingerprint printed on documents ("数据指纹 ab12-cd34"): a printed copy can be matched to the state of
// the data it was made from. Today: the newest audit-log entry (every change writes one), hashed.
import { createHash } from 'node:crypto';
import type { Store } from '../db/store';

/** sha256 of the text, first 8 hex digits as 'xxxx-xxxx'. */
export function shortDigest(text: string): string {
  const h = createHash('sha256').update(text, 'utf8').digest('hex');
  return `${h.slice(0, 4)}-${h.slice(4, 8)}`;
}

/** The fingerprint of the newest audit-log entry (seq, id and time); of '' when the log is empty. */
export function auditFingerprint(store: Store): string {
  const r = store.get<{ seq: number; id: string; at: string }>('SELECT seq, id, at FROM audit_log ORDER BY seq DESC LIMIT 1');
  return shortDigest(r ? `${r.seq}|${r.id}|${r.at}` : '');
}
