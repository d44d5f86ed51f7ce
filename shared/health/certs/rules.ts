// Special-operation certificates (特种作业操作证, 总局令第30号): when the next review falls, when its window opens and
// what state a certificate is in. Pure: the service, the roster highlight, the year facts and the UI use these; the
// stored generated columns next_review_date / due_date (migration 016) compute the same dates in SQL.
import { PHOTO_MIMES } from '../../attachments/rules';
import { addDays } from '../../roster/certs';
import { CERT_CATEGORIES, CERT_REVIEW_WINDOW_DAYS, type CertCategory } from '../kinds';

/** current: nothing due within the window; window: the review (or renewal) can be applied for now (due within
 * CERT_REVIEW_WINDOW_DAYS, today included); overdue: the review date passed (the certificate is not yet expired);
 * expired: the expiry date passed. */
export const CERT_STATUSES = ['current', 'window', 'overdue', 'expired'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];

export interface CertDates {
  issueDate: string | null;
  lastReviewDate: string | null;
  reviewYears: number;
  expiryDate: string;
}

/** `YYYY-MM-DD` plus whole years; 29 February in a year without one becomes 1 March (as SQLite's date(x, '+N years')). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** (last review ?? issue date) + the review cycle; null when neither date is known. */
export function nextReviewDate(c: Omit<CertDates, 'expiryDate'>): string | null {
  const from = c.lastReviewDate ?? c.issueDate;
  return from ? addYears(from, c.reviewYears) : null;
}

/** The date something must happen: the next review, or the expiry when that comes first (or no review date is known). */
export function certDueDate(c: CertDates): string {
  return certDue(c).date;
}

/** What falls due: the next review, or the renewal (换证) at the expiry when no review comes before it — a review cycle
 * ending on or after the expiry is replaced by the renewal, so the date shown is never later than the expiry. */
export type CertDueKind = 'review' | 'renewal';
export function certDue(c: CertDates): { date: string; kind: CertDueKind } {
  const next = nextReviewDate(c);
  return next !== null && next < c.expiryDate ? { date: next, kind: 'review' } : { date: c.expiryDate, kind: 'renewal' };
}

/** The day the review window opens: CERT_REVIEW_WINDOW_DAYS before the due date. */
export function reviewWindowOpens(c: CertDates): string {
  return addDays(certDueDate(c), -CERT_REVIEW_WINDOW_DAYS);
}

/** The state on `today`: valid through its expiry and review dates (the day itself included). */
export function certStatus(c: CertDates, today: string): CertStatus {
  if (c.expiryDate < today) return 'expired';
  const next = nextReviewDate(c);
  if (next !== null && next < today) return 'overdue';
  return reviewWindowOpens(c) <= today ? 'window' : 'current';
}

/** A certificate's scan is a photo or a PDF (the attachment's type, found from its content when uploaded). */
export const CERT_SCAN_MIMES: readonly string[] = [...PHOTO_MIMES, 'application/pdf'];
export const isCertScanMime = (mime: string) => CERT_SCAN_MIMES.includes(mime);
/** The file picker's accept: the photo types and .pdf. */
export const CERT_SCAN_ACCEPT = [...PHOTO_MIMES, '.pdf', 'application/pdf'].join(',');
/** Whether a chosen file looks like a scan by its name or type (the backend checks its content). */
export const looksLikeCertScan = (f: { name: string; type: string }) => isCertScanMime(f.type) || /\.(jpe?g|png|webp|pdf)$/i.test(f.name);

/** The worse of two states (expired > overdue > window > current). */
export function worseStatus(a: CertStatus, b: CertStatus): CertStatus {
  return CERT_STATUSES.indexOf(a) >= CERT_STATUSES.indexOf(b) ? a : b;
}

/** Words in a certificate's free-text type (the roster's 特种作业类型) → the category; first match wins. */
const CATEGORY_WORDS: readonly [CertCategory, readonly string[]][] = [
  ['welding', ['焊工', '焊接', '热切割', '电焊', '气焊', '气割']],
  ['refrigeration', ['制冷', '空调']],
  ['height', ['高处', '登高', '架子工', '高空']],
  ['coal_mine', ['煤矿']],
  ['metal_mine', ['金属非金属矿山', '非煤矿山', '金属矿山']],
  ['oil_gas', ['石油天然气', '石油', '天然气']],
  ['metallurgy', ['冶金', '有色']],
  ['hazardous_chemicals', ['危险化学品', '危化', '化工']],
  ['fireworks', ['烟花爆竹', '烟花', '爆竹']],
  ['electrician', ['电工', '低压', '高压', '电气']],
];

/** The category a free text names (spaces ignored), or null when none matches (the text is then kept as it is). */
export function categoryFromText(text: string | null | undefined): CertCategory | null {
  if (!text) return null;
  const s = text.replace(/\s+/g, '');
  if ((CERT_CATEGORIES as readonly string[]).includes(s)) return s as CertCategory;
  for (const [cat, words] of CATEGORY_WORDS) if (words.some((w) => s.includes(w))) return cat;
  return null;
}
