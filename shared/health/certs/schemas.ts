// Input schemas of the certificates channels (zod 4). Messages are keys (v.* shared, v.health.cert.* here).
import { z } from 'zod';
import { idSchema, isoDate, isValidIsoDate, localToday, optDate, optText, reqText } from '../../kernel/schemas';
import { CERT_CATEGORIES, CERT_REVIEW_YEARS } from '../kinds';
import { CERT_STATUSES } from './rules';

const optId = z.union([idSchema, z.null()]).optional().default(null);

/** 'due' = the window open, overdue or expired; the others one state each. */
export const CERT_FILTERS = ['due', ...CERT_STATUSES] as const;
export type CertFilter = (typeof CERT_FILTERS)[number];

export const certsQuery = z
  .object({
    status: z.union([z.enum(CERT_FILTERS, { error: 'v.invalid' }), z.null()]).optional().default(null),
    workshopId: optId,
    teamId: optId,
    workerId: optId,
    category: z.union([z.enum(CERT_CATEGORIES, { error: 'v.invalid' }), z.null()]).optional().default(null),
    search: optText(40),
    /** the recycle bin: deleted certificates only */
    deleted: z.boolean({ error: 'v.bool' }).optional().default(false),
    page: z.number({ error: 'v.invalid' }).int({ error: 'v.invalid' }).min(1, { error: 'v.invalid' }).optional().default(1),
    pageSize: z.number({ error: 'v.invalid' }).int({ error: 'v.invalid' }).min(1, { error: 'v.invalid' }).max(500, { error: 'v.invalid' }).optional().default(50),
  })
  .strict();

/** a date that has happened (today at the latest) */
const pastDate = isoDate.refine((v) => !isValidIsoDate(v) || v <= localToday(), { error: 'v.futureDate' });
const optPastDate = optDate.refine((v) => v === null || v <= localToday(), { error: 'v.futureDate' });

const certFields = {
  workerId: idSchema,
  category: z.union([z.enum(CERT_CATEGORIES, { error: 'v.invalid' }), z.null()]).optional().default(null),
  typeText: optText(60),
  certNo: reqText(40),
  issueDate: optPastDate,
  reviewYears: z.union([z.literal(CERT_REVIEW_YEARS[0]), z.literal(CERT_REVIEW_YEARS[1])], { error: 'v.health.cert.reviewYears' }).optional().default(3),
  approvalNote: optText(200),
  lastReviewDate: optPastDate,
  expiryDate: isoDate,
  note: optText(200),
  scanId: optId,
};

type CertCheck = {
  category: string | null;
  typeText: string | null;
  issueDate: string | null;
  reviewYears: number;
  approvalNote: string | null;
  lastReviewDate: string | null;
  expiryDate: string;
};
const certCheck = (c: CertCheck, ctx: z.RefinementCtx) => {
  if (!c.category && !c.typeText) ctx.addIssue({ code: 'custom', path: ['category'], message: 'v.health.cert.categoryOrType' });
  // a 6-year cycle needs the approval written down (after 10 compliant years, approved by the authority)
  if (c.reviewYears === 6 && !c.approvalNote) ctx.addIssue({ code: 'custom', path: ['approvalNote'], message: 'v.health.cert.approvalNote' });
  if (c.issueDate && c.lastReviewDate && c.lastReviewDate < c.issueDate) ctx.addIssue({ code: 'custom', path: ['lastReviewDate'], message: 'v.health.cert.reviewBeforeIssue' });
  if (c.issueDate && isValidIsoDate(c.expiryDate) && c.expiryDate <= c.issueDate) ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: 'v.health.cert.expiryBeforeIssue' });
};

export const certInput = z.object(certFields).strict().superRefine(certCheck);
export const certUpdate = z
  .object({ id: idSchema, ...certFields })
  .strict()
  .superRefine(certCheck);

/** A review held: its date becomes the last review (the next one moves); a renewal may bring a new expiry and cycle. */
export const certReview = z
  .object({
    id: idSchema,
    reviewDate: pastDate,
    expiryDate: optDate,
    reviewYears: z.union([z.literal(CERT_REVIEW_YEARS[0]), z.literal(CERT_REVIEW_YEARS[1]), z.null()], { error: 'v.health.cert.reviewYears' }).optional().default(null),
    approvalNote: optText(200),
    note: optText(200),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.expiryDate && isValidIsoDate(r.reviewDate) && r.expiryDate <= r.reviewDate) ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: 'v.health.cert.expiryBeforeReview' });
    if (r.reviewYears === 6 && !r.approvalNote) ctx.addIssue({ code: 'custom', path: ['approvalNote'], message: 'v.health.cert.approvalNote' });
  });
