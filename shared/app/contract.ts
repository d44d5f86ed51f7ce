// App start, first-run setup, sign-in, language.
import { z } from 'zod';
import { ch, defineContract, none } from '../kernel/channel';
import type { Locale } from '../kernel/i18n';
import { idSchema, localeSchema, reqText } from '../kernel/schemas';
import { enterpriseInput } from '../enterprise/schemas';
import { pinSchema } from '../operators/schemas';
import type { Operator } from '../operators/types';
import { roleSchema, workerInput } from '../roster/schemas';
import type { AppInfo } from './types';

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

export const appContract = defineContract(['app', 'setup', 'session', 'settings'], {
  'app.info': ch<AppInfo>()(none, { auth: false }),
  'setup.init': ch<Operator>()(setupInput, { auth: false }),
  'session.operators': ch<Operator[]>()(none, { auth: false }),
  'session.signIn': ch<Operator>()(z.object({ operatorId: idSchema, pin: z.string().max(12).optional().nullable() }).strict(), { auth: false }),
  'session.signOut': ch<{ signedOut: true }>()(none, { auth: false }),
  'settings.setLocale': ch<{ locale: Locale }>()(z.object({ locale: localeSchema }).strict(), { auth: false }),
});
