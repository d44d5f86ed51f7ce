// Input schemas of the health exams channels (zod 4). Messages are keys (v.* shared, v.health.* here).
import { z } from 'zod';
import { idSchema, isoDate, isValidIsoDate, localToday, optDate, optText, reqText } from '../../kernel/schemas';
import { CONCLUSIONS, EXAM_KINDS, type ExamKind } from '../kinds';

export const examKind = z.enum(EXAM_KINDS, { error: 'v.invalid' });
export const conclusion = z.enum(CONCLUSIONS, { error: 'v.invalid' });
/** the earliest exam date the app takes (its rule for every date: nothing before 2000) */
export const MIN_EXAM_DATE = '2000-01-01';
/** an exam that has been held (today at the latest, on this machine's clock), from 2000 on */
export const examDate = isoDate
  .refine((v) => !isValidIsoDate(v) || v <= localToday(), { error: 'v.futureDate' })
  .refine((v) => !isValidIsoDate(v) || v >= MIN_EXAM_DATE, { error: 'v.health.exam.dateTooOld' });

/**
 * The kinds of exam that are made for hazard factors and must name at least one (GBZ 188): a pre-job exam is for
 * the factors of the post the worker goes to, a periodic one for the factors he is exposed to — and the plan clears
 * a worker's 缺上岗前体检 / periodic items factor by factor, so an exam without a factor would clear nothing.
 * Not required: an exit exam (its point is that the contract is not ended without it; the plan clears it by its
 * date alone, and an old post's factor may no longer be in the table), an emergency exam (after an acute exposure —
 * the agent of an accident is often not one of the table's factors) and the women workers' exam (no factor at all).
 */
export const FACTOR_EXAM_KINDS: readonly ExamKind[] = ['pre_job', 'periodic'];
export const needsFactor = (kind: ExamKind) => FACTOR_EXAM_KINDS.includes(kind);
const optId = z.union([idSchema, z.null()]).optional().default(null);

export const batchInput = z
  .object({
    date: examDate,
    institution: reqText(100),
    kind: examKind,
    reportId: optId,
    note: optText(500),
  })
  .strict();
export const batchUpdate = batchInput.extend({ id: idSchema }).strict();

export const batchesQuery = z
  .object({
    year: z.number().int().min(1900).max(2200).nullable().optional().default(null),
    kind: examKind.nullable().optional().default(null),
    search: optText(40),
    deleted: z.boolean().optional().default(false),
    page: z.number().int().min(1).max(100_000).optional().default(1),
    pageSize: z.number().int().min(1).max(200).optional().default(50),
  })
  .strict();

/** One worker's exam in a batch; the fields of a conclusion other than its own are dropped. */
export const examInput = z
  .object({
    workerId: idSchema,
    factorIds: z.array(idSchema).max(30, { error: 'v.tooLong' }).optional().default([]),
    conclusion,
    recheckItems: optText(200),
    recheckDue: optDate,
    contraindication: optText(200),
    detail: optText(500),
    screening: z.boolean().optional().default(false),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.conclusion === 'recheck') {
      if (!e.recheckItems) ctx.addIssue({ code: 'custom', path: ['recheckItems'], message: 'v.health.exam.recheckItems' });
      if (!e.recheckDue) ctx.addIssue({ code: 'custom', path: ['recheckDue'], message: 'v.health.exam.recheckDue' });
    }
    if (e.conclusion === 'contraindication' && !e.contraindication) ctx.addIssue({ code: 'custom', path: ['contraindication'], message: 'v.health.exam.contraindication' });
    if (e.conclusion === 'suspected' && !e.detail) ctx.addIssue({ code: 'custom', path: ['detail'], message: 'v.health.exam.suspectedName' });
    if (e.conclusion === 'other' && !e.detail) ctx.addIssue({ code: 'custom', path: ['detail'], message: 'v.health.exam.otherDetail' });
    if (new Set(e.factorIds).size !== e.factorIds.length) ctx.addIssue({ code: 'custom', path: ['factorIds'], message: 'v.health.exam.factorTwice' });
  })
  .transform((e) => ({
    ...e,
    recheckItems: e.conclusion === 'recheck' ? e.recheckItems : null,
    recheckDue: e.conclusion === 'recheck' ? e.recheckDue : null,
    contraindication: e.conclusion === 'contraindication' ? e.contraindication : null,
    detail: e.conclusion === 'normal' ? null : e.detail,
  }));

/** Several workers' exams of a batch at once (entry by hand): the same worker again updates their exam. */
export const examsSave = z
  .object({
    batchId: idSchema,
    exams: z.array(examInput).min(1, { error: 'v.required' }).max(500, { error: 'v.tooLong' }),
  })
  .strict();
