// Input schemas of the congress channels (zod 4). Messages are keys (v.* shared, v.congress.* here).
import { z } from 'zod';
import { fileData } from '../../kernel/channel';
import { idSchema, isoDate, optDate, optText, reqText } from '../../kernel/schemas';
import { DEFAULT_COMPOSITION, DEFAULT_QUORUM_RULE, QUORUM_RULES, QUOTA_PRESETS } from '../rules';
import { JOINED_BY, LEFT_BY, MEMBER_KINDS, TERM_FORMS, type TermSettings } from './types';

export const DEFAULT_TERM_SETTINGS: TermSettings = { ...DEFAULT_COMPOSITION, quorumRule: DEFAULT_QUORUM_RULE };

const pct = z.number({ error: 'v.invalid' }).int({ error: 'v.invalid' }).min(0, { error: 'v.range' }).max(100, { error: 'v.range' });
const small = z.number({ error: 'v.invalid' }).int({ error: 'v.invalid' }).min(0, { error: 'v.range' }).max(999, { error: 'v.range' });

/** Every number of the rules is a setting; missing ones take the national defaults. */
export const termSettings = z
  .object({
    quorumRule: z.enum(QUORUM_RULES as unknown as ['gt', 'gte'], { error: 'v.invalid' }),
    quotaPreset: z.enum(QUOTA_PRESETS as unknown as ['national', 'shanghai', 'zhejiang', 'custom'], { error: 'v.invalid' }),
    customQuota: z.object({ perMille: small, min: small }).strict().optional(),
    frontLineMinPct: pct,
    managersMaxPct: pct,
    presidiumSmall: z.object({ min: small, max: small }).strict(),
    presidiumLargeMin: small,
    presidiumFrontLineMinPct: pct,
  })
  .strict()
  .partial()
  .superRefine((s, ctx) => {
    if (s.quotaPreset === 'custom' && !s.customQuota) ctx.addIssue({ code: 'custom', path: ['customQuota'], message: 'v.required' });
    if (s.presidiumSmall && s.presidiumSmall.min > s.presidiumSmall.max) ctx.addIssue({ code: 'custom', path: ['presidiumSmall'], message: 'v.range' });
  })
  .transform((s): TermSettings => ({ ...DEFAULT_TERM_SETTINGS, ...s }));

/** A term runs 3 to 5 years (企业民主管理规定): start + 3 years ≤ end ≤ start + 5 years. */
export function termSpanOk(start: string, end: string): boolean {
  const y = Number(start.slice(0, 4));
  const plus = (n: number) => `${y + n}${start.slice(4)}`;
  return end >= plus(3) && end <= plus(5);
}

const termFields = {
  number: z.number({ error: 'v.required' }).int({ error: 'v.invalid' }).min(1, { error: 'v.range' }).max(999, { error: 'v.range' }),
  form: z.enum(TERM_FORMS, { error: 'v.invalid' }).optional().default('congress'),
  startDate: isoDate,
  endDate: isoDate,
  settings: termSettings.optional(),
};
const spanCheck = (t: { startDate: string; endDate: string }, ctx: z.RefinementCtx) => {
  if (t.endDate <= t.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'v.congress.endBeforeStart' });
  else if (!termSpanOk(t.startDate, t.endDate)) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'v.congress.termSpan' });
};
export const termInput = z.object(termFields).strict().superRefine(spanCheck);
export const termUpdate = z
  .object({ id: idSchema, ...termFields })
  .strict()
  .superRefine(spanCheck);

export const groupInput = z
  .object({
    termId: idSchema,
    id: idSchema.optional(),
    name: reqText(40),
    orgUnitId: z.union([idSchema, z.null()]).optional().default(null),
    leaderWorkerId: z.union([idSchema, z.null()]).optional().default(null),
  })
  .strict();

export const memberAdd = z
  .object({
    termId: idSchema,
    workerId: idSchema,
    groupId: z.union([idSchema, z.null()]).optional().default(null),
    kind: z.enum(MEMBER_KINDS, { error: 'v.invalid' }).optional().default('representative'),
    presidium: z.boolean().optional().default(false),
    joinedOn: isoDate,
    joinedBy: z.enum(JOINED_BY, { error: 'v.invalid' }).optional().default('election'),
  })
  .strict();

export const memberUpdate = z
  .object({
    id: idSchema,
    groupId: z.union([idSchema, z.null()]).optional(),
    presidium: z.boolean().optional(),
  })
  .strict();

export const memberEnd = z
  .object({
    id: idSchema,
    leftOn: isoDate,
    leftBy: z.enum(LEFT_BY, { error: 'v.invalid' }),
    note: optText(200),
  })
  .strict()
  .superRefine((m, ctx) => {
    // a recall is a decision of the congress: say why
    if (m.leftBy === 'recall' && !m.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'v.congress.recallReason' });
  });

export const asOfQuery = z.object({ termId: idSchema, asOf: optDate }).strict();
export const membersQuery = z.object({ termId: idSchema, asOf: optDate, history: z.boolean().optional().default(false) }).strict();
export const rosterImport = z.object({ termId: idSchema, joinedOn: isoDate }).strict();

/** A sheet of representatives (xlsx/csv): matched and checked, nothing written (see congress.repsImportCommit). */
export const repsImportPreview = fileData.extend({ termId: idSchema, joinedOn: isoDate }).strict();
/** Writes the previewed rows in one transaction; rows with problems only with skipInvalid. */
export const repsImportCommit = z.object({ token: idSchema, skipInvalid: z.boolean().optional().default(false) }).strict();
export const repsImportCancel = z.object({ token: idSchema }).strict();
