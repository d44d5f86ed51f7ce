// GB 11643-1999 citizen identity number: 17 digits + check character (0-9 or X).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Check character for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdCardProblem = 'format' | 'birthdate' | 'checksum';

/** Returns null when valid, otherwise what is wrong. Accepts a lower-case x. */
export function idCardProblem(raw: string): IdCardProblem | null {
  const v = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'format';
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d ||
    date.getTime() > Date.now()
  ) {
    return 'birthdate';
  }
  if (idCardCheckChar(v.slice(0, 17)) !== v[17]) return 'checksum';
  return null;
}

export function normalizeIdCard(raw: string): string {
  return raw.trim().toUpperCase();
}

/** 320102********123X — region kept, birth date and sequence hidden. */
export function maskIdCard(v: string | null | undefined): string {
  if (!v) return '';
  if (v.length < 10) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}

/** Gender digit (17th): odd = male, even = female. */
export function idCardGender(v: string): 'M' | 'F' | null {
  if (!/^\d{17}[\dX]$/i.test(v)) return null;
  return Number(v[16]) % 2 === 1 ? 'M' : 'F';
}

export function idCardBirthDate(v: string): string | null {
  if (!/^\d{17}[\dX]$/i.test(v)) return null;
  return `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
}
