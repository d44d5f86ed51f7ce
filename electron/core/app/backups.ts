// Backup and restore from the settings page: the same functions as the CLI's (backup.ts), on the backups folder.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, RestoreResult } from '../../../shared/app/types';
import { AppError } from '../../../shared/result';
import { writeAudit } from '../audit';
import { backupTo, defaultBackupName, listBackups, pruneBackups, type BackupEntry } from '../backup';
import type { Ctx } from '../kernel/handlers';

const toInfo = (e: BackupEntry): BackupInfo => ({
  name: e.name,
  bytes: e.bytes,
  modifiedAt: e.modifiedAt,
  enterprise: e.enterprise ?? null,
  workers: e.workers ?? null,
  schemaVersion: e.schemaVersion ?? null,
  problem: e.problem,
});

/** The newest 50 backups with what each holds (a damaged one says why it would not restore). */
export function backupList(ctx: Ctx): BackupInfo[] {
  return listBackups(ctx.env.paths.backups, { inspect: true, limit: 50 }).map(toInfo);
}

/** An online backup into the backups folder now (progress in pages), then the retention of `cli backup`. */
export async function backupNow(ctx: Ctx): Promise<BackupInfo> {
  const file = defaultBackupName(ctx.env.paths.backups);
  await backupTo(ctx.store.db, file, ({ done, total }) => ctx.job.report(done, total, 'backup.pages', done === total));
  pruneBackups(ctx.env.paths.backups);
  const entry = listBackups(ctx.env.paths.backups, { inspect: true }).find((e) => e.name === path.basename(file));
  if (!entry) throw new AppError('NOT_FOUND', 'err.backup.notInFolder', { name: path.basename(file) });
  return toInfo(entry);
}

/**
 * Restores a backup of the backups folder (a name, never a path) with the checks of `cli restore`: the core closes
 * its store, keeps it aside, opens the backup (see Core.restore). The restore is recorded in the restored store's
 * audit log; every session, this one included, signs in again.
 */
export async function restoreBackup(name: string, ctx: Ctx): Promise<RestoreResult> {
  const file = path.join(ctx.env.paths.backups, name);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'err.backup.notInFolder', { name });
  const by = ctx.actor.name;
  const r = await ctx.env.restore(file);
  ctx.session.operatorId = null;
  const keptAs = r.aside ? path.basename(r.aside) : null;
  // r.store is the restored store (ctx.store was the one replaced)
  r.store.tx(() => writeAudit(r.store, { id: null, name: by }, { entity: 'store', entityId: name, action: 'restore', after: { backup: name, keptAs } }));
  return { name, enterprise: r.enterprise, workers: r.workers, schemaVersion: r.schemaVersion, keptAs };
}
