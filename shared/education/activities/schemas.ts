// Input schemas of the education activities' channels (zod 4). Messages are keys (v.* shared, v.edu.act.* here).
import { z } from 'zod';
import { idSchema, isoDate, isValidIsoDate, localToday, optText, reqText } from '../../kernel/schemas';
import { ACTIVITY_KINDS, EDU_LEVELS } from '../kinds';
import { isMeetingKind } from './rules';
import { LEVELLED_KINDS, MAX_ACTIVITY_HOURS, MAX_ACTIVITY_PHOTOS, MAX_ATTENDEES, MIN_ACTIVITY_DATE, MIN_MEETING_HOURS, MIN_TRAINING_HOURS } from './types';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const hasTwoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
const optId = z.union([idSchema, z.null()]).optional().default(null);

/** The first and last day of a month 'YYYY-MM'. */
export function monthDays(p: string): { from: string; to: string } {
  const [y, m] = p.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${p}-01`, to: `${p}-${String(last).padStart(2, '0')}` };
}

export const activitiesQuery = z
  .object({
    month: z
      .union([z.string().regex(MONTH_RE, { error: 'v.edu.act.month' }), z.literal(''), z.null()])
      .optional()
      .transform((v) => v || null),
    kind: z.union([z.enum(ACTIVITY_KINDS, { error: 'v.invalid' }), z.null()]).optional().default(null),
    /** a workshop (with its teams) or a team */
    orgUnitId: optId,
    /** the title, host or content contains it */
    search: optText(40),
    /** the deleted activities instead (to restore one) */
    deleted: z.boolean({ error: 'v.bool' }).optional().default(false),
    page: z.number().int().min(1).max(1_000_000).optional().default(1),
    pageSize: z.number().int().min(1).max(500).optional().default(50),
  })
  .strict();

const hours = (max: number) =>
  z
    .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'v.invalid') })
    .min(0, { error: 'v.edu.act.hours' })
    .max(max, { error: 'v.edu.act.hours' })
    .refine(hasTwoDecimals, { error: 'v.edu.act.hours' });

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS, { error: (iss) => (iss.input === undefined ? 'v.required' : 'v.invalid') }),
  level: z.union([z.enum(EDU_LEVELS, { error: 'v.invalid' }), z.null()]).optional().default(null),
  title: reqText(100),
  // an activity is recorded once held (today at the latest: its attendees, hours and scores are facts), from 2000 on
  date: isoDate
    .refine((v) => !isValidIsoDate(v) || v >= MIN_ACTIVITY_DATE, { error: 'v.edu.act.dateTooOld' })
    .refine((v) => !isValidIsoDate(v) || v <= localToday(), { error: 'v.edu.act.dateFuture' }),
  // the least hours depends on the kind (a training's 学时 or a meeting's 时长): checked with the kind below
  hours: hours(MAX_ACTIVITY_HOURS),
  host: optText(50),
  orgUnitId: optId,
  content: optText(4000),
  note: optText(200),
  photoIds: z.array(idSchema, { error: 'v.invalid' }).max(MAX_ACTIVITY_PHOTOS, { error: 'v.edu.act.tooManyPhotos' }).optional().default([]),
};
type Levelled = { kind: (typeof ACTIVITY_KINDS)[number]; level: string | null; photoIds: string[]; hours: number };
const activityCheck = (a: Levelled, ctx: z.RefinementCtx) => {
  if (isMeetingKind(a.kind) ? a.hours < MIN_MEETING_HOURS : a.hours < MIN_TRAINING_HOURS) {
    ctx.addIssue({ code: 'custom', path: ['hours'], message: isMeetingKind(a.kind) ? 'v.edu.act.durationMin' : 'v.edu.act.hoursMin' });
  }
  const levelled = LEVELLED_KINDS.includes(a.kind as never);
  if (levelled && !a.level) ctx.addIssue({ code: 'custom', path: ['level'], message: 'v.edu.act.levelRequired' });
  if (!levelled && a.level) ctx.addIssue({ code: 'custom', path: ['level'], message: 'v.edu.act.levelNotApplicable' });
  // changing posts (or returning after a year away) repeats the workshop and team levels, not the company's
  if (a.kind === 'post_change' && a.level === 'company') ctx.addIssue({ code: 'custom', path: ['level'], message: 'v.edu.act.postChangeLevel' });
  if (new Set(a.photoIds).size !== a.photoIds.length) ctx.addIssue({ code: 'custom', path: ['photoIds'], message: 'v.duplicate' });
};
export const activityInput = z.object(activityFields).strict().superRefine(activityCheck);
export const activityUpdate = z
  .object({ id: idSchema, ...activityFields })
  .strict()
  .superRefine(activityCheck);

/** One attendee: hours null = the activity's; passed null = from the score (PASS_SCORE) or unknown. */
export const attendeeInput = z
  .object({
    workerId: idSchema,
    hours: hours(MAX_ACTIVITY_HOURS).nullable().optional().transform((v) => v ?? null),
    score: z
      .number({ error: 'v.invalid' })
      .min(0, { error: 'v.edu.act.score' })
      .max(100, { error: 'v.edu.act.score' })
      .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6, { error: 'v.edu.act.score' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    passed: z.boolean({ error: 'v.bool' }).nullable().optional().transform((v) => v ?? null),
  })
  .strict();

/** The activity's attendees as a whole: those not listed are removed, new ones added, the rest updated. */
export const attendanceSave = z
  .object({
    activityId: idSchema,
    attendees: z.array(attendeeInput, { error: 'v.invalid' }).max(MAX_ATTENDEES, { error: 'v.edu.act.tooManyAttendees' }),
  })
  .strict()
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.attendees.forEach((x, i) => {
      if (seen.has(x.workerId)) ctx.addIssue({ code: 'custom', path: ['attendees', i, 'workerId'], message: 'v.duplicate' });
      seen.add(x.workerId);
    });
  });
