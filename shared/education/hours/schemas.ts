// Inputs of the education module's hours channels.
import { z } from 'zod';
import { idSchema } from '../../kernel/schemas';
import { REQUIREMENT_ROLES, SECTORS } from '../kinds';
import { REQUIREMENT_MAX_HOURS } from './rules';

const year = z.number({ error: 'v.education.year' }).int({ error: 'v.education.year' }).min(2000, { error: 'v.education.year' }).max(2100, { error: 'v.education.year' });
const sector = z.enum(SECTORS, { error: 'v.invalid' });

export const requirementSave = z.object({
  sector,
  role: z.enum(REQUIREMENT_ROLES, { error: 'v.invalid' }),
  hours: z
    .number({ error: 'v.education.requirementHours' })
    .min(0, { error: 'v.education.requirementHours' })
    .max(REQUIREMENT_MAX_HOURS, { error: 'v.education.requirementHours' })
    .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, { error: 'v.education.requirementHours' }),
});

export const sectorSave = z.object({ sector });

export const hoursQuery = z.object({
  year,
  workshopId: idSchema.nullable().optional().default(null),
  teamId: idSchema.nullable().optional().default(null),
  search: z.string().max(100, { error: 'v.tooLong' }).optional().default(''),
  /** only workers below their requirement */
  onlyGaps: z.boolean().optional().default(false),
  page: z.number().int().min(1).max(1_000_000).optional().default(1),
  pageSize: z.number().int().min(1).max(500).optional().default(50),
});

export const workerTrainingQuery = z.object({ workerId: idSchema, year });

export const trainingFileInput = z.object({ workerId: idSchema, year: year.optional() });
