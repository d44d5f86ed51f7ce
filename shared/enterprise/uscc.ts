// GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters,
// the last one a check character over the first 17 (mod 31).
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('need 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = CHARSET.indexOf(first17[i]!);
    if (n < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += n * WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c]!;
}

export type UsccProblem = 'format' | 'checksum';

export function usccProblem(raw: string): UsccProblem | null {
  const v = raw.trim().toUpperCase();
  if (v.length !== 18) return 'format';
  for (const ch of v) if (!CHARSET.includes(ch)) return 'format';
  return usccCheckChar(v.slice(0, 17)) === v[17] ? null : 'checksum';
}

export function normalizeUscc(raw: string): string {
  return raw.trim().toUpperCase();
}
