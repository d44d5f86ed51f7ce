// Input schemas of the dossier channels (zod 4). Messages are keys (v.* shared, v.subsidy.* in ./messages.ts).
import { z } from 'zod';
import { idSchema, optText } from '../../kernel/schemas';
import { subsidyYear } from '../scorecard/schemas';
import { MAX_AMOUNT_YUAN, MAX_DOSSIER_PHOTOS, MAX_NOMINEES, NOMINEE_ROLES } from './types';

const hasTwoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

/** the amount requested in yuan (two decimals at most) → fen; empty → null */
export const amountYuan = z
  .union([
    z
      .number({ error: 'v.invalid' })
      .min(0, { error: 'v.subsidy.amount' })
      .max(MAX_AMOUNT_YUAN, { error: 'v.subsidy.amount' })
      .refine(hasTwoDecimals, { error: 'v.subsidy.amount' }),
    z.null(),
  ])
  .optional()
  .transform((v) => (v === null || v === undefined ? null : Math.round(v * 100)));

export const nomineeRole = z.enum(NOMINEE_ROLES, { error: 'v.invalid' });

export const dossierSave = z
  .object({
    year: subsidyYear,
    contactName: optText(40),
    contactPhone: optText(40),
    leadership: optText(2000),
    summary: optText(4000),
    amountYuan,
    photoIds: z.array(idSchema).max(MAX_DOSSIER_PHOTOS, { error: 'v.subsidy.photos' }).optional().default([]),
    nominees: z
      .array(z.object({ workerId: idSchema, role: nomineeRole, reason: optText(200) }).strict())
      .max(MAX_NOMINEES, { error: 'v.subsidy.nominees' })
      .optional()
      .default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.nominees.forEach((n, i) => {
      if (seen.has(n.workerId)) ctx.addIssue({ code: 'custom', path: ['nominees', i, 'workerId'], message: 'v.subsidy.nomineeTwice' });
      seen.add(n.workerId);
    });
    const photos = new Set<string>();
    v.photoIds.forEach((p, i) => {
      if (photos.has(p)) ctx.addIssue({ code: 'custom', path: ['photoIds', i], message: 'v.subsidy.photoTwice' });
      photos.add(p);
    });
  });
export type DossierSave = z.output<typeof dossierSave>;

/** the workers the roster gives a role, with their record of the year; `search` matches the name or the employee number */
export const candidatesInput = z.object({ year: subsidyYear, role: nomineeRole, search: optText(40) }).strict();
