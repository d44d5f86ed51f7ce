// Input schemas of the culture walls' channels (zod 4). Messages are keys (v.* shared, v.edu.wall.* here).
import { z } from 'zod';
import { idSchema, isoDate, isValidIsoDate, localToday, optText, reqText } from '../../kernel/schemas';
import { WALL_SECTIONS } from '../kinds';
import { MAX_WALL_MONTHS, MIN_WALL_MONTHS } from './rules';

/** at most this many photos per update */
export const MAX_WALL_PHOTOS = 20;

export const wallsQuery = z
  .object({
    /** the deleted walls instead (to restore one) */
    deleted: z.boolean({ error: 'v.bool' }).optional().default(false),
    /** a workshop: its own walls and its teams' */
    workshopId: z.union([idSchema, z.null()]).optional().default(null),
    search: optText(40),
  })
  .strict();

const wallFields = {
  orgUnitId: idSchema,
  name: optText(60),
  location: reqText(100),
  note: optText(500),
};
export const wallInput = z.object(wallFields).strict();
export const wallEdit = z.object({ id: idSchema, ...wallFields }).strict();

export const wallUpdatesQuery = z
  .object({ wallId: idSchema, deleted: z.boolean({ error: 'v.bool' }).optional().default(false) })
  .strict();

/** the day of an update: it has happened (today at the latest) */
const pastDate = isoDate.refine((v) => !isValidIsoDate(v) || v <= localToday(), { error: 'v.futureDate' });

const updateFields = {
  date: pastDate,
  sections: z
    .array(z.enum(WALL_SECTIONS, { error: 'v.invalid' }), { error: 'v.invalid' })
    .min(1, { error: 'v.edu.wall.sections' })
    .max(WALL_SECTIONS.length, { error: 'v.duplicate' })
    .refine((s) => new Set(s).size === s.length, { error: 'v.duplicate' }),
  content: optText(2000),
  photoIds: z
    .array(idSchema, { error: 'v.invalid' })
    .max(MAX_WALL_PHOTOS, { error: 'v.edu.wall.photos' })
    .refine((s) => new Set(s).size === s.length, { error: 'v.duplicate' })
    .optional()
    .default([]),
};
export const wallUpdateInput = z.object({ wallId: idSchema, ...updateFields }).strict();
export const wallUpdateEdit = z.object({ id: idSchema, ...updateFields }).strict();

export const wallSettingsInput = z
  .object({
    months: z
      .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'v.invalid') })
      .int({ error: 'v.edu.wall.months' })
      .min(MIN_WALL_MONTHS, { error: 'v.edu.wall.months' })
      .max(MAX_WALL_MONTHS, { error: 'v.edu.wall.months' }),
  })
  .strict();
