// Input schemas of the wage records' channels (zod 4). Messages are keys (v.* shared, v.wage.* here).
import { z } from 'zod';
import { idSchema, isoDate, isValidIsoDate, localToday, optDate, optText, reqText } from '../../kernel/schemas';
import { ACCIDENT_SEVERITIES, BEHAVIOUR_KINDS, MAX_BEHAVIOUR_POINTS, MAX_MONTH_HOURS, MAX_MONTH_SHIFTS } from './types';

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A month 'YYYY-MM' (1900–2200). */
export const period = z
  .string({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'v.wage.period') })
  .refine((v) => v !== '', { error: 'v.required' })
  .refine((v) => v === '' || (PERIOD_RE.test(v) && Number(v.slice(0, 4)) >= 1900 && Number(v.slice(0, 4)) <= 2200), { error: 'v.wage.period' });
const optPeriod = z
  .union([period, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

/** The first and last day of a month 'YYYY-MM'. */
export function periodDays(p: string): { from: string; to: string } {
  const [y, m] = p.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${p}-01`, to: `${p}-${String(last).padStart(2, '0')}` };
}

const hasTwoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
const optId = z.union([idSchema, z.null()]).optional().default(null);
/** a date that has happened (today at the latest, on this machine's clock) */
const pastDate = isoDate.refine((v) => !isValidIsoDate(v) || v <= localToday(), { error: 'v.futureDate' });

// ---------------------------------------------------------------------------------------------------------
// Safe production time

export const timekeepingQuery = z.object({ period, search: optText(40) }).strict();

/** One worker's month: hours or shifts (or both); saving the same worker and month again updates it. */
export const timekeepingSave = z
  .object({
    workerId: idSchema,
    // time worked is recorded for a month that has begun (this month's so far, or a past one)
    period: period.refine((v) => !PERIOD_RE.test(v) || v <= localToday().slice(0, 7), { error: 'v.wage.futurePeriod' }),
    hours: z
      .number({ error: 'v.invalid' })
      .min(0, { error: 'v.wage.hours' })
      .max(MAX_MONTH_HOURS, { error: 'v.wage.hours' })
      .refine(hasTwoDecimals, { error: 'v.wage.hours' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    shifts: z
      .number({ error: 'v.invalid' })
      .int({ error: 'v.wage.shifts' })
      .min(0, { error: 'v.wage.shifts' })
      .max(MAX_MONTH_SHIFTS, { error: 'v.wage.shifts' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    note: optText(200),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.hours === null && t.shifts === null) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'v.wage.hoursOrShifts' });
    // no more than the month has: 672 hours and 84 shifts (three a day) in a February of 28 days
    if (!PERIOD_RE.test(t.period)) return;
    const days = Number(periodDays(t.period).to.slice(8));
    if (t.hours !== null && t.hours > days * 24 && t.hours <= MAX_MONTH_HOURS) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'v.wage.hoursMonth' });
    if (t.shifts !== null && t.shifts > days * 3 && t.shifts <= MAX_MONTH_SHIFTS) ctx.addIssue({ code: 'custom', path: ['shifts'], message: 'v.wage.shiftsMonth' });
  });

// ---------------------------------------------------------------------------------------------------------
// Behaviour records

const rangeCheck = (q: { period: string | null; from: string | null; to: string | null }, ctx: z.RefinementCtx) => {
  if (q.period && (q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['period'], message: 'v.wage.periodOrRange' });
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'v.wage.rangeOrder' });
};

/** A month, or a date range (either end open), or neither; by worker, team, kind; deleted records only on request. */
export const behaviourQuery = z
  .object({
    period: optPeriod,
    from: optDate,
    to: optDate,
    workerId: optId,
    teamId: optId,
    kind: z.union([z.enum(BEHAVIOUR_KINDS, { error: 'v.invalid' }), z.null()]).optional().default(null),
    deleted: z.boolean({ error: 'v.bool' }).optional().default(false),
  })
  .strict()
  .superRefine(rangeCheck);

const behaviourFields = {
  date: pastDate,
  workerId: optId,
  teamId: optId,
  kind: z.enum(BEHAVIOUR_KINDS, { error: 'v.invalid' }),
  category: reqText(40),
  points: z
    .number({ error: (iss) => (iss.input === undefined ? 'v.required' : 'v.invalid') })
    .min(-MAX_BEHAVIOUR_POINTS, { error: 'v.range' })
    .max(MAX_BEHAVIOUR_POINTS, { error: 'v.range' })
    .refine(hasTwoDecimals, { error: 'v.wage.points' }),
  note: optText(200),
  evidenceId: optId,
};
type BehaviourFields = { workerId: string | null; teamId: string | null; kind: string; points: number };
const behaviourCheck = (b: BehaviourFields, ctx: z.RefinementCtx) => {
  if (!b.workerId && !b.teamId) ctx.addIssue({ code: 'custom', path: ['workerId'], message: 'v.wage.workerOrTeam' });
  if (b.kind === 'violation' && !(b.points < 0)) ctx.addIssue({ code: 'custom', path: ['points'], message: 'v.wage.violationNegative' });
  if (b.kind === 'good_act' && !(b.points > 0)) ctx.addIssue({ code: 'custom', path: ['points'], message: 'v.wage.goodActPositive' });
};
export const behaviourInput = z.object(behaviourFields).strict().superRefine(behaviourCheck);
export const behaviourUpdate = z
  .object({ id: idSchema, ...behaviourFields })
  .strict()
  .superRefine(behaviourCheck);

// ---------------------------------------------------------------------------------------------------------
// Accidents

export const accidentsQuery = z
  .object({
    period: optPeriod,
    from: optDate,
    to: optDate,
    workerId: optId,
    teamId: optId,
    severity: z.union([z.enum(ACCIDENT_SEVERITIES, { error: 'v.invalid' }), z.null()]).optional().default(null),
    deleted: z.boolean({ error: 'v.bool' }).optional().default(false),
  })
  .strict()
  .superRefine(rangeCheck);

const accidentFields = {
  date: pastDate,
  place: reqText(100),
  severity: z.enum(ACCIDENT_SEVERITIES, { error: 'v.invalid' }),
  description: reqText(2000),
  teamId: optId,
  workerIds: z.array(idSchema, { error: 'v.invalid' }).max(200, { error: 'v.tooLarge' }).optional().default([]),
};
const accidentCheck = (a: { workerIds: string[] }, ctx: z.RefinementCtx) => {
  if (new Set(a.workerIds).size !== a.workerIds.length) ctx.addIssue({ code: 'custom', path: ['workerIds'], message: 'v.duplicate' });
};
export const accidentInput = z.object(accidentFields).strict().superRefine(accidentCheck);
export const accidentUpdate = z
  .object({ id: idSchema, ...accidentFields })
  .strict()
  .superRefine(accidentCheck);
