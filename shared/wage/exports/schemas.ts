// Input schemas of the payroll exports and the what-if (zod 4). Messages are keys (v.* shared, v.wage.* in the records'
// messages, v.wage.whatIf* here).
import { z } from 'zod';
import { idSchema } from '../../kernel/schemas';
import { period } from '../records/schemas';
import { periodRange, WHATIF_MAX_PERIODS } from '../whatif';
import { CSV_ENCODINGS, ID_CARD_MODES } from './layout';

export const payrollXlsxInput = z.object({ runId: idSchema, idCard: z.enum(ID_CARD_MODES, { error: 'v.invalid' }).optional().default('masked') }).strict();
export const payrollCsvInput = z.object({ runId: idSchema, encoding: z.enum(CSV_ENCODINGS, { error: 'v.invalid' }).optional().default('utf8bom') }).strict();
/** every worker of the run, or the ones chosen (their slips in the run's order) */
export const slipsPdfInput = z
  .object({ runId: idSchema, workerIds: z.array(idSchema).min(1, { error: 'v.required' }).max(20_000, { error: 'v.tooLong' }).optional() })
  .strict();
export const summaryPdfInput = z.object({ runId: idSchema }).strict();

/** a version applied to the months from … to (both included, at most WHATIF_MAX_PERIODS) */
export const whatIfInput = z
  .object({ schemeId: idSchema, from: period, to: period })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'v.wage.whatIfOrder' });
    else if (periodRange(v.from, v.to).length > WHATIF_MAX_PERIODS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'v.wage.whatIfTooLong' });
  });
export type WhatIfInput = z.output<typeof whatIfInput>;
