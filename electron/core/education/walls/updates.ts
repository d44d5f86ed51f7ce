// A culture wall's updates: the day it was refreshed, the sections refreshed (WALL_SECTIONS), what went up and the
// photos. Soft delete with restore; editing replaces the photo list. Writes audited in the same transaction.
import type { z } from 'zod';
import { isImageMime } from '../../../../shared/attachments/rules';
import { WALL_SECTIONS, type WallSection } from '../../../../shared/education/kinds';
import type { wallUpdateEdit, wallUpdateInput, wallUpdatesQuery } from '../../../../shared/education/walls/schemas';
import type { WallPhoto, WallUpdate } from '../../../../shared/education/walls/types';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';
import { assertWallWriter } from './service';

interface UpdateRow {
  id: string;
  wall_id: string;
  date: string;
  sections: string;
  content: string | null;
  entered_by_name: string;
  updated_at: string;
  deleted_at: string | null;
}
const UPDATE_SELECT = `SELECT id, wall_id, date, sections, content, entered_by_name, updated_at, deleted_at FROM edu_wall_updates`;

/** the stored sections in WALL_SECTIONS' order (unknown words dropped) */
function sectionsOf(json: string): WallSection[] {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return [];
  }
  return Array.isArray(v) ? WALL_SECTIONS.filter((s) => v.includes(s)) : [];
}

function withPhotos(store: Store, rows: UpdateRow[]): WallUpdate[] {
  if (rows.length === 0) return [];
  const photos = new Map<string, WallPhoto[]>(rows.map((r) => [r.id, []]));
  for (const p of store.all<{ update_id: string; attachment_id: string; original_name: string | null }>(
    `SELECT wp.update_id, wp.attachment_id, a.original_name FROM edu_wall_photos wp JOIN attachments a ON a.id = wp.attachment_id
     WHERE wp.update_id IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL ORDER BY wp.update_id, wp.sort_order`,
    [JSON.stringify(rows.map((r) => r.id))],
  )) {
    photos.get(p.update_id)!.push({ id: p.attachment_id, originalName: p.original_name });
  }
  return rows.map((r) => ({
    id: r.id,
    wallId: r.wall_id,
    date: r.date,
    sections: sectionsOf(r.sections),
    content: r.content,
    photos: photos.get(r.id)!,
    enteredBy: r.entered_by_name,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  }));
}

/** A wall's updates, newest first (a deleted wall's too: its drawer shows what it had). `deleted`: the deleted ones. */
export function listWallUpdates(store: Store, q: z.output<typeof wallUpdatesQuery>): WallUpdate[] {
  if (!store.get(`SELECT 1 FROM edu_walls WHERE id = ?`, [q.wallId])) throw new AppError('NOT_FOUND', 'err.edu.wall.notFound', { id: q.wallId });
  const rows = store.all<UpdateRow>(`${UPDATE_SELECT} WHERE wall_id = ? AND (deleted_at IS NULL) = ? ORDER BY date DESC, rid DESC`, [q.wallId, q.deleted ? 0 : 1]);
  return withPhotos(store, rows);
}

function getUpdate(store: Store, id: string, deleted = false): WallUpdate {
  const r = store.get<UpdateRow>(`${UPDATE_SELECT} WHERE id = ?`, [id]);
  if (!r || (r.deleted_at !== null) !== deleted) {
    if (r && deleted) throw new AppError('CONFLICT', 'err.edu.wall.notDeleted', { id });
    throw new AppError('NOT_FOUND', 'err.edu.wall.updateNotFound', { id });
  }
  return withPhotos(store, [r])[0]!;
}

/** The wall is live: a deleted wall takes no updates until restored. */
function assertLiveWall(store: Store, wallId: string): void {
  const w = store.get<{ deleted_at: string | null }>(`SELECT deleted_at FROM edu_walls WHERE id = ?`, [wallId]);
  if (!w) throw new AppError('NOT_FOUND', 'err.edu.wall.notFound', { id: wallId, issues: [{ path: 'wallId', message: 'v.invalid' }] });
  if (w.deleted_at) throw new AppError('CONFLICT', 'err.edu.wall.wallDeleted', { id: wallId });
}

/** Every photo is a stored image (a document cannot be a wall's photo). */
function assertPhotos(store: Store, ids: readonly string[]): void {
  ids.forEach((id, i) => {
    const a = store.get<{ mime: string; original_name: string | null }>(`SELECT mime, original_name FROM attachments WHERE id = ? AND deleted_at IS NULL`, [id]);
    if (!a) throw new AppError('NOT_FOUND', 'err.photo.notFound', { id, issues: [{ path: `photoIds.${i}`, message: 'v.invalid' }] });
    if (!isImageMime(a.mime)) throw new AppError('VALIDATION', 'err.attachment.notImage', { id, name: a.original_name ?? '', issues: [{ path: `photoIds.${i}`, message: 'v.photo' }] });
  });
}

function writePhotos(store: Store, updateId: string, ids: readonly string[]): void {
  store.run(`DELETE FROM edu_wall_photos WHERE update_id = ?`, [updateId]);
  ids.forEach((a, i) => store.run(`INSERT INTO edu_wall_photos (update_id, attachment_id, sort_order) VALUES (?, ?, ?)`, [updateId, a, i + 1]));
}

/** in WALL_SECTIONS' order, so the same choice is stored the same way */
const sectionsJson = (s: readonly WallSection[]) => JSON.stringify(WALL_SECTIONS.filter((x) => s.includes(x)));

export function addWallUpdate(store: Store, op: Operator, actor: Actor, d: z.output<typeof wallUpdateInput>): WallUpdate {
  assertWallWriter(op);
  return store.tx(() => {
    assertLiveWall(store, d.wallId);
    assertPhotos(store, d.photoIds);
    const id = uuidv7();
    const now = nowIso();
    store.run(
      `INSERT INTO edu_wall_updates (id, wall_id, date, sections, content, entered_by_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, d.wallId, d.date, sectionsJson(d.sections), d.content, actor.name, now, now],
    );
    writePhotos(store, id, d.photoIds);
    const after = getUpdate(store, id);
    writeAudit(store, actor, { entity: 'edu_wall_update', entityId: id, action: 'create', after }, now);
    return after;
  });
}

export function editWallUpdate(store: Store, op: Operator, actor: Actor, d: z.output<typeof wallUpdateEdit>): WallUpdate {
  assertWallWriter(op);
  return store.tx(() => {
    const before = getUpdate(store, d.id);
    assertLiveWall(store, before.wallId);
    assertPhotos(store, d.photoIds);
    const now = nowIso();
    store.run(`UPDATE edu_wall_updates SET date = ?, sections = ?, content = ?, updated_at = ? WHERE id = ?`, [d.date, sectionsJson(d.sections), d.content, now, d.id]);
    writePhotos(store, d.id, d.photoIds);
    const after = getUpdate(store, d.id);
    writeAudit(store, actor, { entity: 'edu_wall_update', entityId: d.id, action: 'update', before, after }, now);
    return after;
  });
}

export function deleteWallUpdate(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertWallWriter(op);
  return store.tx(() => {
    const before = getUpdate(store, id);
    const now = nowIso();
    store.run(`UPDATE edu_wall_updates SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'edu_wall_update', entityId: id, action: 'delete', before }, now);
    return { deleted: true };
  });
}

export function restoreWallUpdate(store: Store, op: Operator, actor: Actor, id: string): WallUpdate {
  assertWallWriter(op);
  return store.tx(() => {
    const before = getUpdate(store, id, true);
    assertLiveWall(store, before.wallId);
    const now = nowIso();
    store.run(`UPDATE edu_wall_updates SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getUpdate(store, id);
    writeAudit(store, actor, { entity: 'edu_wall_update', entityId: id, action: 'restore', before, after }, now);
    return after;
  });
}
