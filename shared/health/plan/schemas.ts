// Input schemas of the health plan's channels (zod 4). Messages are keys (v.* shared, v.health.* in ./messages.ts).
import { z } from 'zod';
import { idSchema, isoDate, isValidIsoDate, localToday, optDate, optText, reqText } from '../../kernel/schemas';
import { FACTOR_CATEGORIES } from '../kinds';
import { ALERT_KINDS } from './types';

const int = (min: number, max: number, msg: string) =>
  z
    .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : msg) })
    .int({ error: msg })
    .min(min, { error: msg })
    .max(max, { error: msg });

/** A synonym is matched after removing spaces, in lower case: stored that way. */
export const normalizeWord = (s: string) => s.replace(/\s+/g, '').toLowerCase();

export const factorsQuery = z.object({ deleted: z.boolean({ error: 'v.bool' }).optional().default(false) }).strict();

export const factorSave = z
  .object({
    /** absent: a new factor */
    id: idSchema.optional(),
    code: z
      .string({ error: 'v.required' })
      .trim()
      .toUpperCase()
      .pipe(z.string().min(1, { error: 'v.required' }).regex(/^[A-Z][A-Z0-9_]{0,31}$/, { error: 'v.health.factorCode' })),
    name: reqText(40),
    category: z.enum(FACTOR_CATEGORIES, { error: 'v.invalid' }),
    intervalMonths: int(1, 120, 'v.health.interval'),
    levelNote: optText(40),
    synonyms: z
      .array(reqText(30), { error: 'v.invalid' })
      .max(30, { error: 'v.tooLong' })
      .default([])
      .transform((xs) => [...new Set(xs.map(normalizeWord))]),
  })
  .strict();

export const womenSettingsSave = z
  .object({
    intervalMonths: int(1, 60, 'v.health.womenInterval'),
    screeningFromAge: int(18, 70, 'v.health.screeningAge'),
  })
  .strict();

export const exposuresQuery = z
  .object({
    workerId: idSchema.optional(),
    factorId: idSchema.optional(),
    workshopId: idSchema.optional(),
    teamId: idSchema.optional(),
    search: optText(40),
    /** current: not ended (default); all: ended too; deleted: the deleted ones, to restore */
    state: z.enum(['current', 'all', 'deleted'], { error: 'v.invalid' }).optional().default('current'),
    page: z.number().int().min(1).optional().default(1),
    pageSize: z.number().int().min(1).max(500).optional().default(50),
  })
  .strict();

/** The earliest date an exposure may have: anything earlier is a typing slip (the app's rule for dates). */
export const EXPOSURE_MIN_DATE = '2000-01-01';
/** The latest: a year from today — a planned start is legitimate (the pre-job alert shows HEALTH_DUE_SOON_DAYS before). */
export function exposureMaxDate(today = localToday()): string {
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
}
/** An exposure's start or end: refused (with its own message, on its field) before 2000 or more than a year ahead. */
const exposureDate = <T extends z.ZodType<string | null>>(s: T, late: string) =>
  s.superRefine((v, ctx) => {
    if (v === null || !isValidIsoDate(v)) return;
    if (v < EXPOSURE_MIN_DATE) ctx.addIssue({ code: 'custom', message: 'v.health.dateTooEarly' });
    else if (v > exposureMaxDate()) ctx.addIssue({ code: 'custom', message: late });
  });

export const exposureAdd = z
  .object({
    workerId: idSchema,
    factorId: idSchema,
    post: optText(50),
    startDate: exposureDate(isoDate, 'v.health.startTooLate'),
    endDate: exposureDate(optDate, 'v.health.endTooLate'),
    note: optText(200),
  })
  .strict()
  .superRefine((d, ctx) => {
    // an end already refused for its range gets that one message
    if (d.endDate && d.endDate >= EXPOSURE_MIN_DATE && isValidIsoDate(d.startDate) && d.endDate < d.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'v.health.endBeforeStart' });
  });

export const exposureEnd = z.object({ id: idSchema, endDate: exposureDate(isoDate, 'v.health.endTooLate') }).strict();

export const fromRoster = z.object({ dryRun: z.boolean({ error: 'v.bool' }).optional().default(false) }).strict();

export const dueQuery = z
  .object({
    kind: z.enum(ALERT_KINDS, { error: 'v.invalid' }).optional(),
    workshopId: idSchema.optional(),
    teamId: idSchema.optional(),
    search: optText(40),
    page: z.number().int().min(1).optional().default(1),
    pageSize: z.number().int().min(1).max(500).optional().default(50),
  })
  .strict();

export const dueXlsxInput = z.object({ workshopId: idSchema.optional(), teamId: idSchema.optional() }).strict();

export const exitCheckInput = z.object({ workerId: idSchema }).strict();
