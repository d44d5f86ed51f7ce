// Common zod building blocks shared by every module's schemas (backend parsing and form validation).
// Messages are message keys ('v.*'); the UI and the CLI translate them.
import { z } from 'zod';
import { LOCALES } from './i18n';

export const idSchema = z.string({ error: 'v.required' }).min(1, { error: 'v.required' }).max(64, { error: 'v.invalid' });

const isoDateRe = /^\d{4}-\d{2}-\d{2}$/;
export function isValidIsoDate(v: string): boolean {
  if (!isoDateRe.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2200;
}
/** Today's date on this machine's clock, local time ('YYYY-MM-DD'; the UTC date is yesterday's before 08:00 in China). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A date 'YYYY-MM-DD'; left empty it is "required", not a format error. */
export const isoDate = z
  .string({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'v.date') })
  .superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: 'v.required' });
    else if (!isValidIsoDate(v)) ctx.addIssue({ code: 'custom', message: 'v.date' });
  });

/**
 * Emoji (characters shown as colour pictures by default, and anything forced to emoji style) have no glyph in the PDF
 * fonts and print as empty boxes: text fields refuse them with their own message (issue 7). Text-style symbols (√ ★ ℃ ①)
 * and rare CJK characters (𠮷) are fine.
 */
export const EMOJI_RE = /[\p{Emoji_Presentation}\u{FE0F}\u{20E3}]/u;
const noEmoji = (s: string) => !EMOJI_RE.test(s);
/** Control characters (other than tab and line breaks) are invisible, break exports and have no place in a record. */
// eslint-disable-next-line no-control-regex -- the point of the check
export const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControl = (s: string) => !CONTROL_RE.test(s);

/** Optional free text: '' and whitespace become null. */
export function optText(max: number) {
  return z
    .string({ error: 'v.invalid' })
    .max(max * 4, { error: 'v.tooLong' })
    .transform((s) => s.trim())
    .pipe(z.string().max(max, { error: 'v.tooLong' }).refine(noEmoji, { error: 'v.emoji' }).refine(noControl, { error: 'v.control' }))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);
}
export function reqText(max: number) {
  return z
    .string({ error: 'v.required' })
    .max(max * 4, { error: 'v.tooLong' })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'v.required' })
        .max(max, { error: 'v.tooLong' })
        .refine(noEmoji, { error: 'v.emoji' })
        .refine(noControl, { error: 'v.control' }),
    );
}
export const optDate = z
  .union([isoDate, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

export const localeSchema = z.enum(LOCALES as unknown as ['zh-CN', 'en'], { error: 'v.invalid' });

/** Zod issues → flat `{ path, message }` list that crosses the boundary. */
export type FieldIssue = { path: string; message: string };
export function toFieldIssues(err: z.ZodError): FieldIssue[] {
  return err.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message.startsWith('v.') ? i.message : 'v.invalid',
  }));
}
