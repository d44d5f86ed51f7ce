// App start, first-run setup, sign-in, language.
import { z } from 'zod';
import { ch, defineContract, none } from '../kernel/channel';
import type { Locale } from '../kernel/i18n';
import { idSchema, localeSchema, reqText } from '../kernel/schemas';
import { enterpriseInput } from '../enterprise/schemas';
import { pinSchema } from '../operators/schemas';
import type { Operator } from '../operators/types';
import { roleSchema, workerInput } from '../roster/schemas';
import type { AppInfo, BackupInfo, IntegrityReport, RestoreResult } from './types';

export const setupInput = z
  .object({
    enterprise: enterpriseInput,
    operator: z.object({
      empNo: workerInput.shape.empNo,
      name: reqText(50),
      gender: z.enum(['M', 'F'], { error: 'v.gender' }),
      roles: z.array(roleSchema).min(1, { error: 'v.required' }),
      pin: z.union([pinSchema, z.literal(''), z.null()]).optional(),
    }),
  })
  .strict();
export type SetupInput = z.output<typeof setupInput>;

/** a backup's file name in the backups folder: never a path (the renderer cannot point the core at any file) */
export const backupName = z
  .string({ error: 'v.required' })
  .max(120, { error: 'v.tooLong' })
  .regex(/^(ankang|pre-migrate)-[A-Za-z0-9_-]+\.sqlite$/, { error: 'v.invalid' });

export const appContract = defineContract(['app', 'setup', 'session', 'settings'], {
  'app.info': ch<AppInfo>()(none, { auth: false, early: true }),
  /** the store's integrity (audit chain, protective triggers), checked once in the background after start */
  'app.integrity': ch<IntegrityReport>()(none),
  /** the backups folder, newest first, with each backup's enterprise and worker count */
  'app.backups': ch<BackupInfo[]>()(none),
  /** an online backup now (progress in pages), kept by the same retention as the CLI's */
  'app.backupNow': ch<BackupInfo>()(none),
  /** replaces the store with a backup after the same checks as `cli restore`; every session signs in again */
  'app.restore': ch<RestoreResult>()(z.object({ name: backupName }).strict(), { admin: true }),
  'setup.init': ch<Operator>()(setupInput, { auth: false }),
  'session.operators': ch<Operator[]>()(none, { auth: false, early: true }),
  'session.signIn': ch<Operator>()(z.object({ operatorId: idSchema, pin: z.string().max(12).optional().nullable() }).strict(), { auth: false }),
  'session.signOut': ch<{ signedOut: true }>()(none, { auth: false }),
  'settings.setLocale': ch<{ locale: Locale }>()(z.object({ locale: localeSchema }).strict(), { auth: false }),
});
