// Roster schemas: a worker, the roster query.
import { z } from 'zod';
import { idSchema, localToday, optText, reqText } from '../kernel/schemas';
import { idCardGender, idCardProblem } from './idcard';
import { halfWidth, idCardLostDigits, normalizeIdCardText, normalizeName, normalizePhone, parseLooseDate } from './normalize';
import { COMMITTEE_ROLES } from './roles';

export const roleSchema = z.enum(COMMITTEE_ROLES, { error: 'v.role' });

export const phoneSchema = z
  .union([z.string({ error: 'v.phone' }), z.null()])
  .optional()
  .transform((v) => normalizePhone(v ?? ''))
  .refine((v) => v === '' || /^1\d{10}$/.test(v) || /^0\d{2,3}-?\d{7,8}$/.test(v), { error: 'v.phone' })
  .transform((v) => (v === '' ? null : v));

/**
 * 3.20102199001011E+17, or 18 digits ending in 000 that fail the check: a number cell kept 15 digits, so the
 * rest of the number (the gender digit too) is not what was written.
 */
export function idCardFromNumberCell(v: string): boolean {
  return idCardLostDigits(v) || (/^\d{15}000$/.test(v) && idCardProblem(v) === 'checksum');
}

export const idCardSchema = z
  .union([z.string({ error: 'v.invalid' }), z.null()])
  .optional()
  .transform((v) => normalizeIdCardText(v ?? ''))
  .superRefine((v, ctx) => {
    if (v === '') return;
    if (idCardFromNumberCell(v)) {
      ctx.addIssue({ code: 'custom', message: 'v.idCard.number' });
      return;
    }
    const p = idCardProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: `v.idCard.${p}` });
  })
  .transform((v) => (v === '' ? null : v));

/**
 * An optional date as people type it (2019/3/5, 2019.3.5, 2019年3月5日, 20190305, an Excel serial), stored as
 * YYYY-MM-DD; empty is null.
 */
export const looseDate = z
  .union([z.string({ error: 'v.date' }), z.null()], { error: 'v.date' })
  .optional()
  .transform((v, ctx) => {
    const d = parseLooseDate(v ?? '');
    if (d === 'bad') {
      ctx.addIssue({ code: 'custom', message: 'v.date' });
      return z.NEVER;
    }
    return d;
  });

/** A person's name: spaces between Chinese characters removed (a full-width one in 张 三 too). */
export const personName = z
  .string({ error: 'v.required' })
  .max(200, { error: 'v.tooLong' })
  .transform(normalizeName)
  .pipe(reqText(50));

export const workerInput = z
  .object({
    empNo: z
      .string({ error: 'v.required' })
      .transform((s) => halfWidth(s).trim())
      .pipe(z.string().min(1, { error: 'v.required' }).regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'v.empNo' })),
    name: personName,
    gender: z.enum(['M', 'F'], { error: 'v.gender' }),
    idCard: idCardSchema,
    phone: phoneSchema,
    orgUnitId: z.union([idSchema, z.null()]).optional().transform((v) => v ?? null),
    post: optText(50),
    // checked on the field itself, so a future hire date shows beside the row's other problems (an object-level
    // refinement runs only once every field is valid)
    hireDate: looseDate.refine((v) => !v || v <= localToday(), { message: 'v.futureDate' }),
    skillGrade: z
      .union([z.number({ error: 'v.grade' }).int({ error: 'v.grade' }).min(1, { error: 'v.grade' }).max(5, { error: 'v.grade' }), z.null()], { error: 'v.grade' })
      .optional()
      .transform((v) => v ?? null),
    status: z.enum(['active', 'left'], { error: 'v.status' }).default('active'),
    roles: z
      .array(roleSchema)
      .max(COMMITTEE_ROLES.length)
      .default([])
      .transform((r) => [...new Set(r)]),
    isRepresentative: z.boolean({ error: 'v.bool' }).default(false),
    isFrontline: z.boolean({ error: 'v.bool' }).default(false),
    isManager: z.boolean({ error: 'v.bool' }).default(false),
    certType: optText(50),
    certNo: optText(50),
    certExpiry: looseDate,
    hazardFactors: z
      .array(reqText(30))
      .max(20, { error: 'v.tooLong' })
      .default([])
      .transform((r) => [...new Set(r)]),
  })
  .superRefine((w, ctx) => {
    const certParts = [w.certType, w.certNo, w.certExpiry].filter((x) => x !== null).length;
    if (certParts > 0 && certParts < 3) {
      for (const k of ['certType', 'certNo', 'certExpiry'] as const) {
        if (w[k] === null) ctx.addIssue({ code: 'custom', path: [k], message: 'v.cert' });
      }
    }
    // a wrong ID card says so once: no second complaint about the gender it implies
    if (w.idCard && idCardProblem(w.idCard) === null) {
      const g = idCardGender(w.idCard);
      if (g && g !== w.gender) ctx.addIssue({ code: 'custom', path: ['gender'], message: 'v.genderMismatch' });
    }
  });
export type WorkerInput = z.input<typeof workerInput>;
export type WorkerData = z.output<typeof workerInput>;

export const WORKER_SORT_FIELDS = ['empNo', 'name', 'hireDate', 'skillGrade', 'updatedAt'] as const;
export const workerQuery = z.object({
  search: z.string().max(100, { error: 'v.tooLong' }).optional().default(''),
  orgUnitId: z.union([idSchema, z.null()]).optional().default(null),
  // 'deleted': the recycle bin (已删除) — soft-deleted workers only, whatever their status
  status: z.enum(['active', 'left', 'all', 'deleted']).optional().default('active'),
  role: z.union([roleSchema, z.literal('any')]).optional().nullable().default(null),
  // special-operation certificates: expired, expiring within CERT_WARN_DAYS, or either (shared/roster/certs.ts)
  certDue: z.enum(['expired', 'soon', 'due']).optional().nullable().default(null),
  gender: z.enum(['M', 'F']).optional().nullable().default(null),
  special: z.enum(['cert', 'exposed', 'female', 'representative']).optional().nullable().default(null),
  sortField: z.enum(WORKER_SORT_FIELDS).optional().default('empNo'),
  sortDir: z.enum(['asc', 'desc']).optional().default('asc'),
  page: z.number().int().min(1).max(1_000_000).optional().default(1),
  pageSize: z.number().int().min(1).max(500).optional().default(50),
});
export type WorkerQueryInput = z.input<typeof workerQuery>;
export type WorkerQuery = z.output<typeof workerQuery>;

