// Input schemas of the session channels (zod 4). Messages are keys (v.* shared, v.congress.* here).
import { z } from 'zod';
import { idSchema, isoDate, optDate, optText, reqText } from '../../kernel/schemas';
import { ATTENDANCE, CHOICES, ITEM_KINDS, SESSION_KINDS, VOTE_METHODS } from './types';

const timeOfDay = z
  .union([z.string({ error: 'v.invalid' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'v.congress.time' }), z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

const sessionFields = {
  kind: z.enum(SESSION_KINDS, { error: 'v.invalid' }).optional().default('safety'),
  date: isoDate,
  time: timeOfDay,
  place: optText(80),
  convenor: optText(40),
  /** the hazard period item 5 reports on; default: since the last session (or a year) up to the session date */
  periodFrom: optDate,
  periodTo: optDate,
};
const periodCheck = (s: { periodFrom: string | null; periodTo: string | null }, ctx: z.RefinementCtx) => {
  if (s.periodFrom && s.periodTo && s.periodTo < s.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'v.congress.periodBackwards' });
};

export const sessionCreate = z
  .object({
    termId: idSchema,
    /** 第Y次; default: one above the term's last */
    seq: z.number({ error: 'v.invalid' }).int({ error: 'v.invalid' }).min(1, { error: 'v.range' }).max(99, { error: 'v.range' }).optional(),
    ...sessionFields,
    /** start from the 5+X agenda template (default) or an empty agenda */
    template: z.boolean().optional().default(true),
  })
  .strict()
  .superRefine(periodCheck);

export const sessionUpdate = z
  .object({ id: idSchema, seq: z.number({ error: 'v.invalid' }).int({ error: 'v.invalid' }).min(1, { error: 'v.range' }).max(99, { error: 'v.range' }), ...sessionFields })
  .strict()
  .superRefine(periodCheck);

export const sessionStep = z.object({ id: idSchema, action: z.enum(['issue', 'withdraw', 'open', 'close'], { error: 'v.invalid' }) }).strict();

export const sessionSettings = z
  .object({ noticeDays: z.number({ error: 'v.invalid' }).int({ error: 'v.invalid' }).min(0, { error: 'v.range' }).max(90, { error: 'v.range' }) })
  .strict();

const minutes = z.union([z.number({ error: 'v.invalid' }).int({ error: 'v.invalid' }).min(1, { error: 'v.range' }).max(600, { error: 'v.range' }), z.null()]).optional().default(null);
const itemFields = {
  title: reqText(80),
  kind: z.enum(ITEM_KINDS, { error: 'v.invalid' }),
  presenter: optText(40),
  plannedMinutes: minutes,
};
export const itemAdd = z.object({ sessionId: idSchema, ...itemFields }).strict();
export const itemUpdate = z.object({ id: idSchema, ...itemFields }).strict();
export const itemReorder = z.object({ sessionId: idSchema, ids: z.array(idSchema).min(1, { error: 'v.required' }).max(200, { error: 'v.range' }) }).strict();
export const itemRecord = z.object({ id: idSchema, summary: optText(4000), resolution: optText(4000) }).strict();
export const materialAdd = z.object({ itemId: idSchema, attachmentId: idSchema, title: reqText(80) }).strict();
export const materialRemove = z.object({ itemId: idSchema, attachmentId: idSchema }).strict();

export const attendanceQuery = z.object({ sessionId: idSchema, q: optText(40) }).strict();
export const attendanceSet = z
  .object({
    sessionId: idSchema,
    memberIds: z.array(idSchema).min(1, { error: 'v.required' }).max(2000, { error: 'v.range' }),
    status: z.enum(ATTENDANCE, { error: 'v.invalid' }),
  })
  .strict();

const count = z.number({ error: 'v.required' }).int({ error: 'v.invalid' }).min(0, { error: 'v.range' }).max(100000, { error: 'v.range' });
export const ballotCounts = z.object({ issued: count, yes: count, no: count, abstain: count, invalid: count }).strict();

export const voteOpen = z
  .object({
    itemId: idSchema,
    method: z.enum(VOTE_METHODS, { error: 'v.invalid' }).optional().default('secret'),
    /** an election's candidate (required for an election item, refused for a motion) */
    candidate: optText(40),
  })
  .strict();
export const voteCount = z.object({ id: idSchema, counts: ballotCounts }).strict();
export const voteNamed = z
  .object({
    id: idSchema,
    ballots: z.array(z.object({ memberId: idSchema, choice: z.enum(CHOICES, { error: 'v.invalid' }) }).strict()).max(2000, { error: 'v.range' }),
  })
  .strict();
export const voteCorrect = z.object({ id: idSchema, counts: ballotCounts, reason: reqText(200) }).strict();
