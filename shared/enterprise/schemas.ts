// Enterprise profile schemas.
import { z } from 'zod';
import { optText, reqText } from '../kernel/schemas';
import { usccProblem } from './uscc';

export const usccSchema = z
  .string({ error: 'v.required' })
  .max(200, { error: 'v.tooLong' })
  // every whitespace goes (a pasted code often carries a leading space, a full-width one, or groups of digits)
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .superRefine((v, ctx) => {
    const p = usccProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: `v.uscc.${p}` });
  });

export const enterpriseInput = z.object({
  name: reqText(100),
  uscc: usccSchema,
  address: optText(200),
  industry: optText(50),
  headcount: z
    .number({ error: 'v.headcount' })
    .int({ error: 'v.headcount' })
    .min(1, { error: 'v.headcount' })
    .max(1_000_000, { error: 'v.headcount' }),
});
export type EnterpriseInput = z.input<typeof enterpriseInput>;

