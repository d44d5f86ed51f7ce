// Input schemas of the wage runs' channels (zod 4). Messages are keys (v.* shared, v.wage.* in the records' messages).
import { z } from 'zod';
import { idSchema } from '../../kernel/schemas';
import { period } from '../records/schemas';
import { RUN_GROUP_BY, RUN_LINE_SORT_FIELDS } from './types';

const optId = z.union([idSchema, z.null()]).optional().default(null);

/** The versions of one period (newest first), or every period's runs (newest period first) */
export const runsQuery = z
  .object({
    period: z
      .union([period, z.literal(''), z.null()])
      .optional()
      .transform((v) => (v ? v : null)),
    /** leave out the versions a recalculation replaced */
    current: z.boolean({ error: 'v.bool' }).optional().default(false),
  })
  .strict();

/** A run's lines: search by employee number or name, filter by workshop and team, sort, page. */
export const runLinesQuery = z
  .object({
    runId: idSchema,
    search: z.string({ error: 'v.invalid' }).max(100, { error: 'v.tooLong' }).optional().default(''),
    workshopId: optId,
    teamId: optId,
    /** only the workers a veto applied to */
    vetoOnly: z.boolean({ error: 'v.bool' }).optional().default(false),
    sortField: z.enum(RUN_LINE_SORT_FIELDS, { error: 'v.invalid' }).optional().default('empNo'),
    sortDir: z.enum(['asc', 'desc'], { error: 'v.invalid' }).optional().default('asc'),
    page: z.number({ error: 'v.invalid' }).int().min(1).max(1_000_000).optional().default(1),
    pageSize: z.number({ error: 'v.invalid' }).int().min(1).max(500).optional().default(50),
  })
  .strict();

export const runGroupsQuery = z.object({ runId: idSchema, by: z.enum(RUN_GROUP_BY, { error: 'v.invalid' }) }).strict();
export const runExplainQuery = z.object({ runId: idSchema, workerId: idSchema }).strict();
export const runCalculateInput = z.object({ period }).strict();
export const runDiffQuery = z.object({ fromId: idSchema, toId: idSchema }).strict();
