// Input schemas of the proposal channels (zod 4). Messages are keys (v.* shared, v.congress.proposal.* here).
import { z } from 'zod';
import { idSchema, isoDate, optDate, optText, reqText } from '../../kernel/schemas';
import { moneyYuan, localDateTime } from '../../hazards/schemas';
import { ACCIDENT_TYPES, HAZARD_CATEGORY1 } from '../../hazards/rules';
import { ANSWER_CLASSES, FEEDBACKS, PROPOSAL_CATEGORIES, PROPOSAL_STATES, REVIEW_DECISIONS } from './types';

const small = (min: number, max: number) =>
  z.number({ error: 'v.required' }).int({ error: 'v.invalid' }).min(min, { error: 'v.range' }).max(max, { error: 'v.range' });

export const proposalSettingsInput = z
  .object({
    termId: idSchema,
    windowDays: small(1, 365),
    minCosigners: small(0, 20),
    secondAnswerDays: small(1, 365),
    sessionDate: optDate,
    committee: z.array(idSchema).max(50, { error: 'v.tooLong' }).default([]),
  })
  .strict();

export const proposalSubmit = z
  .object({
    termId: idSchema,
    category: z.enum(PROPOSAL_CATEGORIES, { error: 'v.required' }),
    title: reqText(80),
    reason: reqText(3000),
    measure: reqText(3000),
    proposerId: idSchema,
    cosignerIds: z.array(idSchema).max(50, { error: 'v.tooLong' }).default([]),
    /** the day it was handed in (a paper proposal entered later keeps its date); default today */
    submittedOn: optDate,
    photoIds: z.array(idSchema).max(9, { error: 'v.tooLong' }).default([]),
  })
  .strict();

export const proposalsQuery = z
  .object({
    termId: idSchema,
    state: z.union([z.enum(PROPOSAL_STATES), z.literal(''), z.null()]).optional().transform((v) => v || null),
    category: z.union([z.enum(PROPOSAL_CATEGORIES), z.literal(''), z.null()]).optional().transform((v) => v || null),
    overdue: z.boolean().optional().default(false),
    search: optText(50),
  })
  .strict();

export const proposalReview = z
  .object({ id: idSchema, decision: z.enum(REVIEW_DECISIONS, { error: 'v.required' }), note: optText(1000) })
  .strict()
  .superRefine((r, ctx) => {
    // passing it on as an opinion, or refusing to file it, needs the reason (the proposer is told why)
    if (r.decision !== 'file' && !r.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'v.reason' });
  });

export const proposalAssign = z
  .object({
    id: idSchema,
    leadUnitId: idSchema,
    coUnitIds: z.array(idSchema).max(20, { error: 'v.tooLong' }).default([]),
    dueDate: isoDate,
    note: optText(1000),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.coUnitIds.includes(a.leadUnitId)) ctx.addIssue({ code: 'custom', path: ['coUnitIds'], message: 'v.congress.proposal.leadIsCo' });
  });

export const proposalAnswer = z
  .object({
    id: idSchema,
    answerClass: z.enum(ANSWER_CLASSES, { error: 'v.required' }),
    text: reqText(3000),
    plan: optText(2000),
    plannedBy: optDate,
    reason: optText(2000),
    cost: z.union([moneyYuan, z.null()]).optional().transform((v) => v ?? null),
  })
  .strict()
  .superRefine((a, ctx) => {
    // B: the plan and when; C: why not now; A and B: what it cost (or will)
    if (a.answerClass === 'B' && !a.plan) ctx.addIssue({ code: 'custom', path: ['plan'], message: 'v.required' });
    if (a.answerClass === 'B' && !a.plannedBy) ctx.addIssue({ code: 'custom', path: ['plannedBy'], message: 'v.required' });
    if (a.answerClass === 'C' && !a.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'v.reason' });
    if (a.answerClass !== 'C' && a.cost === null) ctx.addIssue({ code: 'custom', path: ['cost'], message: 'v.required' });
  });

export const proposalFeedback = z
  .object({ id: idSchema, feedback: z.enum(FEEDBACKS, { error: 'v.required' }), note: optText(1000) })
  .strict()
  .superRefine((f, ctx) => {
    if (f.feedback === 'dissatisfied' && !f.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'v.reason' });
  });

export const proposalHazardCreate = z
  .object({
    id: idSchema,
    description: reqText(1900),
    orgUnitId: z.union([idSchema, z.null()]).optional().transform((v) => v ?? null),
    place: optText(100),
    category1: z.enum(HAZARD_CATEGORY1 as unknown as ['human', 'material', 'environment', 'management'], { error: 'v.required' }),
    accidentType: z.union([z.enum(ACCIDENT_TYPES), z.null()]).optional().transform((v) => v ?? null),
    /** when the hazard was found; default now */
    foundAt: z.union([localDateTime, z.null()]).optional().transform((v) => v ?? null),
  })
  .strict();

export const proposalHazardLink = z.object({ id: idSchema, hazardId: idSchema, on: z.boolean() }).strict();
export const proposalReportQuery = z.object({ termId: idSchema }).strict();
