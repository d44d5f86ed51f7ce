// Photos (before/after) and links between hazards.
import { OPEN_STATUSES } from '../../../shared/hazards/rules';
import type { HazardDetail } from '../../../shared/hazards/types';
import { AppError } from '../../../shared/result';
import { writeAudit } from '../audit';
import type { Store } from '../db/store';
import { nowIso, uuidv7 } from '../util';
import { findRow, getHazard } from './queries';
import { event, type HazardCtx } from './workflow';
import { getImage } from '../attachments/service';

/** Returns false when the photo was already attached. */
export function addPhotoRow(store: Store, hazardId: string, attachmentId: string, phase: 'before' | 'after', now: string): boolean {
  // a document cannot be a photo
  getImage(store, attachmentId);
  if (store.get('SELECT 1 FROM hazard_photos WHERE hazard_id = ? AND attachment_id = ? AND deleted_at IS NULL', [hazardId, attachmentId])) return false;
  store.run('INSERT INTO hazard_photos (id, hazard_id, attachment_id, phase, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
    uuidv7(),
    hazardId,
    attachmentId,
    phase,
    now,
    now,
  ]);
  return true;
}


export function addPhoto(c: HazardCtx, id: string, attachmentId: string, phase: 'before' | 'after'): HazardDetail {
  return c.store.tx(() => {
    const h = getHazard(c.store, id, c.operator);
    if (!(OPEN_STATUSES as string[]).includes(h.status)) throw new AppError('CONFLICT', 'err.hazard.closedNoPhoto');
    if (phase === 'after' && !['rectifying', 'submitted'].includes(h.status)) throw new AppError('CONFLICT', 'err.hazard.afterPhotoWhen');
    const now = nowIso();
    if (!addPhotoRow(c.store, id, attachmentId, phase, now)) return h;
    event(c.store, c.actor, id, 'photo', h.status, h.status, phase === 'before' ? '整改前照片' : '整改后照片', now);
    writeAudit(c.store, c.actor, { entity: 'hazard', entityId: id, action: 'add_photo', after: { attachmentId, phase } }, now);
    return getHazard(c.store, id, c.operator);
  });
}

export function removePhoto(c: HazardCtx, id: string, attachmentId: string): HazardDetail {
  return c.store.tx(() => {
    const h = getHazard(c.store, id, c.operator);
    if (!(OPEN_STATUSES as string[]).includes(h.status)) throw new AppError('CONFLICT', 'err.hazard.closedNoPhotoRemove');
    const now = nowIso();
    const r = c.store.run('UPDATE hazard_photos SET deleted_at = ?, updated_at = ? WHERE hazard_id = ? AND attachment_id = ? AND deleted_at IS NULL', [now, now, id, attachmentId]);
    if (r.changes === 0) throw new AppError('NOT_FOUND', 'err.hazard.photoNotFound');
    writeAudit(c.store, c.actor, { entity: 'hazard', entityId: id, action: 'remove_photo', before: { attachmentId } }, now);
    return getHazard(c.store, id, c.operator);
  });
}

export function linkRow(store: Store, x: string, y: string, now: string) {
  const [a, b] = x < y ? [x, y] : [y, x];
  if (store.get('SELECT 1 FROM hazard_links WHERE a_id = ? AND b_id = ? AND deleted_at IS NULL', [a, b])) return;
  store.run('INSERT INTO hazard_links (id, a_id, b_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [uuidv7(), a, b, now, now]);
}

export function linkHazards(c: HazardCtx, id: string, otherId: string, on: boolean): HazardDetail {
  if (id === otherId) throw new AppError('VALIDATION', 'err.hazard.linkSelf', { issues: [{ path: 'otherId', message: 'v.invalid' }] });
  return c.store.tx(() => {
    findRow(c.store, id);
    findRow(c.store, otherId);
    const now = nowIso();
    if (on) linkRow(c.store, id, otherId, now);
    else {
      const [a, b] = id < otherId ? [id, otherId] : [otherId, id];
      c.store.run('UPDATE hazard_links SET deleted_at = ?, updated_at = ? WHERE a_id = ? AND b_id = ? AND deleted_at IS NULL', [now, now, a, b]);
    }
    writeAudit(c.store, c.actor, { entity: 'hazard', entityId: id, action: on ? 'link' : 'unlink', after: { otherId } }, now);
    return getHazard(c.store, id, c.operator);
  });
}

