// zod schemas for the hazard ledger; shared by the backend (authoritative) and the forms.
import { z } from 'zod';
import {
  ACCIDENT_TYPES,
  EVALUATOR_KINDS,
  GOVERNANCE_FIELDS,
  HAZARD_CATEGORIES,
  HAZARD_GRADES,
  HAZARD_SOURCES,
  HAZARD_STATUSES,
  PRODUCTION_STOPS,
  RISK_COLORS,
  type HazardCategory1,
} from './rules';
import { idSchema, isoDate, optDate, optText, reqText } from '../kernel/schemas';

/** 'YYYY-MM-DDTHH:mm' (local, from a form) or a full ISO time with offset. */
export const localDateTime = z
  .string({ error: 'v.date' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?([+-]\d{2}:\d{2}|Z)?$/, { error: 'v.date' })
  .refine((v) => !Number.isNaN(new Date(v).getTime()), { error: 'v.date' });

/** The earliest year a discovery date may have: anything earlier is a typing slip, not a record (a year back or more
 *  the form asks for confirmation: FOUND_AT_WARN_DAYS). */
export const FOUND_AT_MIN_YEAR = 2000;
export const FOUND_AT_WARN_DAYS = 365;
export const foundAtSchema = localDateTime.refine((v) => Number(v.slice(0, 4)) >= FOUND_AT_MIN_YEAR, { error: 'v.foundTooOld' });

/** Yuan with at most two decimals → integer fen. */
export const moneyYuan = z
  // left empty it is "required", not a format error
  .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'v.money') })
  .min(0, { error: 'v.money' })
  .max(1e10, { error: 'v.money' })
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: 'v.money' })
  .transform((v) => Math.round(v * 100));

// left empty a value is "required", not "out of range"
const lecNumber = () => z.number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'v.lec') });
export const lecSchema = z.object({
  l: lecNumber().min(0.1, { error: 'v.lec' }).max(10, { error: 'v.lec' }),
  e: lecNumber().min(0.5, { error: 'v.lec' }).max(10, { error: 'v.lec' }),
  c: lecNumber().min(1, { error: 'v.lec' }).max(100, { error: 'v.lec' }),
});

const photoIds = z.array(idSchema).max(20, { error: 'v.tooLong' }).default([]);

const hazardFields = z.object({
  foundAt: foundAtSchema,
  finderId: z.union([idSchema, z.null()]).optional().transform((v) => v ?? null),
  source: z.enum(HAZARD_SOURCES, { error: 'v.required' }),
  orgUnitId: z.union([idSchema, z.null()]).optional().transform((v) => v ?? null),
  place: optText(100),
  equipment: optText(100),
  category1: z.enum(['human', 'material', 'environment', 'management'], { error: 'v.required' }),
  category2: z.union([z.string().max(40), z.null()]).optional().transform((v) => v || null),
  accidentType: z.union([z.enum(ACCIDENT_TYPES), z.null()]).optional().transform((v) => v ?? null),
  description: reqText(2000),
  productionStop: z.enum(PRODUCTION_STOPS).default('none'),
  interimMeasures: optText(1000),
});

function checkCategory(v: { category1: string; category2: string | null }, ctx: z.RefinementCtx) {
  if (v.category2 && !(HAZARD_CATEGORIES[v.category1 as HazardCategory1] as readonly string[]).includes(v.category2)) {
    ctx.addIssue({ code: 'custom', path: ['category2'], message: 'v.category2' });
  }
}

export const hazardInput = hazardFields
  .extend({
    grade: z.union([z.enum(HAZARD_GRADES), z.null()]).optional().transform((v) => v ?? null),
    lec: z.union([lecSchema, z.null()]).optional().transform((v) => v ?? null),
    photoIds,
  })
  .superRefine(checkCategory);
export type HazardInput = z.input<typeof hazardInput>;
export type HazardData = z.output<typeof hazardInput>;

/** Editable while open; closed records only through `correct` with a reason. */
export const hazardEdit = hazardFields.partial().superRefine((v, ctx) => {
  if (v.category1 !== undefined) checkCategory({ category1: v.category1, category2: v.category2 ?? null }, ctx);
});

const comment = optText(1000);
const reason = z
  .string({ error: 'v.reason' })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, { error: 'v.reason' }).max(1000, { error: 'v.tooLong' }));

export const governancePlan = z.object(
  Object.fromEntries(GOVERNANCE_FIELDS.map((f) => [f, reqText(2000)])) as Record<(typeof GOVERNANCE_FIELDS)[number], ReturnType<typeof reqText>>,
);

export const confirmInput = z.object({
  id: idSchema,
  grade: z.enum(HAZARD_GRADES, { error: 'v.required' }),
  lec: lecSchema,
  category1: hazardFields.shape.category1.optional(),
  category2: hazardFields.shape.category2,
  accidentType: hazardFields.shape.accidentType,
  comment,
});

export const assignInput = z.object({
  id: idSchema,
  responsibleId: idSchema,
  measures: reqText(2000),
  plannedFunds: moneyYuan,
  deadline: isoDate,
  emergencyPlan: reqText(2000),
  governancePlan: z.union([governancePlan, z.null()]).optional().transform((v) => v ?? null),
  comment,
});

export const submitInput = z.object({
  id: idSchema,
  actualFunds: moneyYuan,
  rectificationNote: reqText(2000),
  afterPhotoIds: z.array(idSchema).min(1, { error: 'v.afterPhoto' }).max(20),
  comment,
});

export const cancelInput = z.object({
  id: idSchema,
  kind: z.enum(['duplicate', 'invalid']),
  duplicateOf: z.union([idSchema, z.null()]).optional().transform((v) => v ?? null),
  reason,
});

// ---- 重大隐患 (安全生产事故隐患排查治理暂行规定): report to the authority, 挂牌督办, evaluation of the governance ----
export const majorReportInput = z
  .object({
    id: idSchema,
    /** the date of the report to the supervising authority */
    reportedDate: isoDate,
    /** the receiving body, e.g. 某某区应急管理局 */
    body: reqText(100),
    /** the report's document number (文号) */
    docNo: reqText(60),
    /** the hazard's state, cause, scope of harm and difficulty of governance as reported */
    summary: reqText(2000),
  })
  .strict();

export const majorSuperviseInput = z
  .object({
    id: idSchema,
    supervised: z.boolean(),
    /** the body that put it under supervision (挂牌督办单位) */
    body: optText(100),
    docNo: optText(60),
    date: optDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.supervised) return;
    if (!v.body) ctx.addIssue({ code: 'custom', path: ['body'], message: 'v.required' });
    if (!v.date) ctx.addIssue({ code: 'custom', path: ['date'], message: 'v.required' });
  });

export const majorEvaluateInput = z
  .object({
    id: idSchema,
    date: isoDate,
    kind: z.enum(EVALUATOR_KINDS, { error: 'v.required' }),
    /** the experts' names or the third-party organisation */
    evaluator: reqText(200),
    conclusion: reqText(2000),
    passed: z.boolean({ error: 'v.required' }),
  })
  .strict();

export const HAZARD_SORT_FIELDS = ['serial', 'foundAt', 'dueDate', 'riskD', 'updatedAt'] as const;
export const hazardQuery = z.object({
  search: z.string().max(100, { error: 'v.tooLong' }).optional().default(''),
  status: z.union([z.enum(HAZARD_STATUSES), z.enum(['open', 'all'])]).optional().default('open'),
  grade: z.enum(HAZARD_GRADES).optional().nullable().default(null),
  risk: z.enum(RISK_COLORS).optional().nullable().default(null),
  orgUnitId: z.union([idSchema, z.null()]).optional().default(null),
  category1: z.enum(['human', 'material', 'environment', 'management']).optional().nullable().default(null),
  source: z.enum(HAZARD_SOURCES).optional().nullable().default(null),
  finderId: z.union([idSchema, z.null()]).optional().default(null),
  overdue: z.boolean().optional().default(false),
  from: z.union([isoDate, z.null()]).optional().default(null),
  to: z.union([isoDate, z.null()]).optional().default(null),
  sortField: z.enum(HAZARD_SORT_FIELDS).optional().default('foundAt'),
  sortDir: z.enum(['asc', 'desc']).optional().default('desc'),
  page: z.number().int().min(1).max(1_000_000).optional().default(1),
  pageSize: z.number().int().min(1).max(500).optional().default(50),
});
export type HazardQueryInput = z.input<typeof hazardQuery>;
export type HazardQuery = z.output<typeof hazardQuery>;

export const statsInput = z.object({
  year: z.number().int().min(2000).max(2100),
  quarter: z.union([z.number().int().min(1).max(4), z.null()]).optional().default(null),
});
