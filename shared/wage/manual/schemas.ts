// Input schemas of the manual figures' channels (zod 4). Messages are keys (v.* shared, v.wage.* in ./messages.ts).
import { z } from 'zod';
import { idSchema, localToday, optText } from '../../kernel/schemas';
import { period } from '../records/schemas';
import { INDICATOR_CODE_RE } from '../schemes/schemas';
import { MAX_MANUAL_VALUE } from './types';

/** An indicator code of the catalogue's shape; typed in lower case it is taken in capitals ('contest' → 'CONTEST'). */
export const indicatorCode = z
  .string({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'v.wage.code') })
  .max(128, { error: 'v.wage.code' })
  .trim()
  .toUpperCase()
  .refine((v) => v !== '', { error: 'v.required' })
  .refine((v) => v === '' || INDICATOR_CODE_RE.test(v), { error: 'v.wage.code' });

const hasTwoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

/** A month's figures, by employee number; narrowed to one indicator and/or a name or employee number. */
export const manualQuery = z
  .object({
    period,
    code: z
      .union([indicatorCode, z.literal(''), z.null()])
      .optional()
      .transform((v) => (v ? v : null)),
    search: optText(40),
  })
  .strict();

/** One worker's figure for a month and an indicator; saving the same three again updates it. */
export const manualSave = z
  .object({
    workerId: idSchema,
    // a month's figure is recorded once the month has begun
    period: period.refine((v) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(v) || v <= localToday().slice(0, 7), { error: 'v.wage.futurePeriod' }),
    code: indicatorCode,
    value: z
      .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'v.invalid') })
      .min(-MAX_MANUAL_VALUE, { error: 'v.wage.manualValue' })
      .max(MAX_MANUAL_VALUE, { error: 'v.wage.manualValue' })
      .refine(hasTwoDecimals, { error: 'v.wage.manualValue' }),
    note: optText(200),
  })
  .strict();
