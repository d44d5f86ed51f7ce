// The education module's activities channels: activities with their attendees and photos, the sign-in sheet import.
// Safety officers, union officers, team leaders and OH managers write (EDU_WRITERS); anyone signed in reads.
import { z } from 'zod';
import { byId, ch, defineContract, fileData } from '../../kernel/channel';
import { idSchema, localeSchema } from '../../kernel/schemas';
import type { Page } from '../../kernel/types';
import type { FileRef } from '../../files';
import { activitiesQuery, activityInput, activityUpdate, attendanceSave } from './schemas';
import { SIGNIN_FIELDS, type SigninPreview, type SigninResult } from './signin';
import type { ActivityDetail, ActivityRow } from './types';

const mapping = z.partialRecord(z.enum(SIGNIN_FIELDS), z.union([z.number().int().min(0).max(500), z.null()])).optional();

export const activitiesContract = defineContract(['education'], {
  'education.activities': ch<Page<ActivityRow>>()(activitiesQuery),
  'education.activity': ch<ActivityDetail>()(byId),
  'education.activityCreate': ch<ActivityDetail>()(activityInput),
  'education.activityUpdate': ch<ActivityDetail>()(activityUpdate),
  'education.activityDelete': ch<{ deleted: true }>()(byId),
  'education.activityRestore': ch<ActivityDetail>()(byId),
  'education.attendanceSave': ch<ActivityDetail>()(attendanceSave, { maxInput: 1024 * 1024 }),
  'education.signinPreview': ch<SigninPreview>()(fileData.extend({ activityId: idSchema, mapping }).strict()),
  'education.signinRemap': ch<SigninPreview>()(z.object({ importId: idSchema, mapping, headerRow: z.number().int().min(1).max(1_000_000).optional() }).strict()),
  'education.signinCommit': ch<SigninResult>()(z.object({ importId: idSchema, skipInvalid: z.boolean().optional().default(false) }).strict()),
  'education.signinRejected': ch<FileRef>()(z.object({ importId: idSchema, locale: localeSchema.optional() }).strict()),
  'education.signinTemplate': ch<FileRef>()(z.object({ locale: localeSchema.optional() }).strict()),
  'education.signinCancel': ch<{ cancelled: boolean }>()(z.object({ importId: idSchema }).strict()),
});
